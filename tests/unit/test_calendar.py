"""The .ics file read back with icalendar's own parser, as a calendar app would read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event, Timezone

from bot.services.calendar import PRODID, course_ics, ics_filename
from storage.courses import CourseStatus
from tests.factories import course_record

DOMAIN = "courses.example.org"


def parse(data: bytes) -> tuple[Calendar, Event]:
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    events = calendar.events
    assert len(events) == 1
    return calendar, events[0]


def vtimezone(calendar: Calendar, tzid: str) -> Timezone:
    found = [tz for tz in calendar.timezones if tz["TZID"] == tzid]
    assert len(found) == 1, f"no VTIMEZONE for {tzid}"
    return found[0]


def test_calendar_headers_and_event_fields():
    calendar, event = parse(course_ics(course_record(), "en", DOMAIN, with_link=True))
    assert calendar["PRODID"] == PRODID
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert event["UID"] == f"course-12@{DOMAIN}"
    assert event["SUMMARY"] == "Risk management in customs"
    assert event["DESCRIPTION"] == "Three days on risk profiles."
    assert event["LOCATION"] == "Customs Academy, Baku"
    assert "URL" not in event
    assert event["STATUS"] == "CONFIRMED"


def test_dtstamp_is_now_in_utc():
    before = datetime.now(UTC).replace(microsecond=0)
    _, event = parse(course_ics(course_record(), "en", DOMAIN, with_link=True))
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == timedelta(0)
    assert before <= stamp <= datetime.now(UTC)


def test_uid_is_stable_and_sequence_follows_the_revision():
    _, first = parse(course_ics(course_record(revision=1), "en", DOMAIN, with_link=True))
    moved = course_record(revision=3, starts_at=datetime(2027, 6, 1, 5, tzinfo=UTC))
    _, second = parse(course_ics(moved, "ru", DOMAIN, with_link=True))
    assert first["UID"] == second["UID"]
    assert first.decoded("SEQUENCE") == 1
    assert second.decoded("SEQUENCE") == 3


def test_times_are_in_the_course_zone_with_its_vtimezone():
    data = course_ics(course_record(), "en", DOMAIN, with_link=True)
    assert b"DTSTART;TZID=Asia/Baku:20270510T090000" in data
    calendar, event = parse(data)
    assert event["DTSTART"].params["TZID"] == "Asia/Baku"
    assert event["DTEND"].params["TZID"] == "Asia/Baku"
    assert event.decoded("DTSTART") == datetime(2027, 5, 10, 5, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2027, 5, 12, 13, 0, tzinfo=UTC)
    vtimezone(calendar, "Asia/Baku")


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        # The day after the switch to summer time (last Sunday of March 2027 is the 28th).
        (datetime(2027, 3, 29, 9, 0), datetime(2027, 3, 29, 7, 0, tzinfo=UTC)),
        # The day after the switch back (last Sunday of October 2027 is the 31st).
        (datetime(2027, 11, 1, 9, 0), datetime(2027, 11, 1, 8, 0, tzinfo=UTC)),
    ],
)
def test_brussels_dst_rules_in_the_file(local: datetime, utc: datetime):
    zone = "Europe/Brussels"
    course = course_record(
        timezone=zone,
        starts_at=local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC),
        ends_at=(local + timedelta(hours=8)).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC),
    )
    data = course_ics(course, "en", DOMAIN, with_link=True)
    assert f"DTSTART;TZID={zone}:{local:%Y%m%dT%H%M%S}".encode() in data
    calendar, event = parse(data)
    assert event.decoded("DTSTART") == utc
    # A client without the tz database relies on the VTIMEZONE alone: its rules, not
    # zoneinfo's, must give the same instant.
    from_rules = vtimezone(calendar, zone).to_tz(lookup_tzid=False)
    assert local.replace(tzinfo=from_rules).astimezone(UTC) == utc


def test_russian_texts_with_locale_ru():
    _, event = parse(course_ics(course_record(), "ru", DOMAIN, with_link=True))
    assert event["SUMMARY"] == "Управление рисками в таможне"
    assert event["DESCRIPTION"] == "Три дня о профилях риска."


def test_online_course_has_url_and_the_link_as_location():
    link = "https://meet.example.org/risk-2027"
    course = course_record(venue=None, online_url=link)
    _, event = parse(course_ics(course, "en", DOMAIN, with_link=True))
    assert event["URL"] == link
    assert event["LOCATION"] == link
    assert event["DESCRIPTION"] == f"Three days on risk profiles.\n{link}"


def test_cancelled_course_is_marked_cancelled():
    _, event = parse(
        course_ics(course_record(status=CourseStatus.CANCELLED), "en", DOMAIN, with_link=True)
    )
    assert event["STATUS"] == "CANCELLED"


def test_filename():
    assert ics_filename(course_record()) == "course-12.ics"
