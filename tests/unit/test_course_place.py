"""Where a course takes place (issue 13): a venue, an online link or both, and the link only
for those with a seat — in notices, reminders, calendar files and announcement drafts."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from bot.clock import ManualClock
from bot.services import course_fields as f
from bot.services.calendar import course_ics
from bot.services.course_fields import FieldProblem, parse_form
from bot.services.reminders import due_time
from storage.registrations import RegStatus
from tests.factories import course_record, course_values, create_course
from tests.unit.test_course_fields import GOOD

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
LINK = "https://meet.example.org/risk-2027"
NEW_LINK = "https://meet.example.org/risk-2027-room-b"
VENUE = "Tashkent, Customs Academy"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


# -- what organisers type --------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        f"{VENUE}\n{LINK}",
        f"{VENUE}; {LINK}",
        f"{VENUE}, {LINK}",
        f"{VENUE} – {LINK}",
        f"{LINK}\n{VENUE}",
        f"venue: {VENUE}\nonline: {LINK}",
        f"место: {VENUE}\nонлайн: {LINK}",
    ],
)
def test_a_place_answer_takes_a_venue_and_a_link_together(typed):
    assert f.parse_place(typed) == (VENUE, LINK)


def test_a_venue_alone_and_a_link_alone_are_read_as_before():
    assert f.parse_place(VENUE) == (VENUE, None)
    assert f.parse_place(LINK) == (None, LINK)
    assert f.parse_place("online: meet.example.org/x") == (None, "https://meet.example.org/x")
    assert f.parse_place(f"({LINK}).") == (None, LINK)  # brackets and a full stop are not in it


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        (f"{VENUE}\n{LINK}\n{NEW_LINK}", "course-error-place-two-links"),
        ("online: Tashkent", "course-error-url"),
        ("   ", "course-error-empty"),
        ("https://" + "x" * f.URL_MAX + ".org", "course-error-too-long"),
    ],
)
def test_a_place_answer_that_cannot_be_read_is_refused_with_the_reason(typed, key):
    with pytest.raises(FieldProblem) as problem:
        f.parse_place(typed)
    assert problem.value.key == key


def test_the_form_takes_venue_and_online_together_for_a_hybrid_course():
    parsed = parse_form(GOOD + f"\nonline: {LINK}", datetime(2027, 1, 10, tzinfo=UTC), "UTC")
    assert parsed.problems == []
    assert parsed.values["venue"] == "ROCB Europe training centre, Baku"
    assert parsed.values["online_url"] == LINK


def test_the_form_refuses_two_links_and_names_the_line():
    text = GOOD.replace("venue: ROCB", f"venue: {NEW_LINK} ROCB") + f"\nonline: {LINK}"
    parsed = parse_form(text, datetime(2027, 1, 10, tzinfo=UTC), "UTC")
    assert [(p.line, p.key) for p in parsed.problems] == [(13, "course-error-place-two-links")]


# -- the calendar file ---------------------------------------------------------------------


def event_of(data: bytes):
    (event,) = Calendar.from_ical(data).events
    return event


def test_the_calendar_file_has_the_link_only_for_a_confirmed_participant():
    online = course_record(venue=None, online_url=LINK)
    mine = event_of(course_ics(online, "en", "bot.t.me", with_link=True))
    assert mine["URL"] == LINK and mine["LOCATION"] == LINK and LINK in mine["DESCRIPTION"]
    other = event_of(course_ics(online, "en", "bot.t.me", with_link=False))
    assert "URL" not in other and "LOCATION" not in other
    assert LINK not in course_ics(online, "en", "bot.t.me", with_link=False).decode()


def test_a_hybrid_courses_calendar_file_has_the_venue_and_the_link():
    hybrid = course_record(venue=VENUE, online_url=LINK)
    event = event_of(course_ics(hybrid, "ru", "bot.t.me", with_link=True))
    assert event["LOCATION"] == VENUE and event["URL"] == LINK
    assert LINK in event["DESCRIPTION"]
    without = event_of(course_ics(hybrid, "ru", "bot.t.me", with_link=False))
    assert without["LOCATION"] == VENUE and "URL" not in without


# -- notices ---------------------------------------------------------------------------------


async def online_course(services, capacity: int | None = 1, venue: str | None = None):
    values = course_values(
        NOW + timedelta(days=14),
        NOW + timedelta(days=14, hours=8),
        NOW + timedelta(days=7),
        venue=venue,
        online_url=LINK,
        capacity=capacity,
    )
    return await create_course(services.courses, values)


async def people(services, *user_ids: int) -> None:
    for user_id in user_ids:
        await services.users.upsert_seen(user_id, "en")


async def notices(db, kind: str) -> dict[int, dict[str, str]]:
    rows = await db.fetch_all("SELECT user_id, payload FROM outbox WHERE kind = ?", (kind,))
    return {row["user_id"]: json.loads(row["payload"])["text"] for row in rows}


async def test_a_new_place_reaches_the_waiting_list_without_the_link(services, db):
    course = await online_course(services)
    await people(services, 100, 101)
    await services.signups.sign_up(course.id, 100)
    assert (await services.signups.sign_up(course.id, 101)).registration.status == (
        RegStatus.WAITLISTED
    )
    change = await services.course_service.edit(course.id, "place", f"{VENUE}\n{NEW_LINK}")
    assert change.notified == 2
    told = await notices(db, "course_changed")
    for locale in ("en", "ru"):
        assert NEW_LINK in told[100][locale] and VENUE in told[100][locale]
        assert LINK not in told[101][locale] and VENUE in told[101][locale]


async def test_a_new_link_alone_is_news_only_to_confirmed_participants(services, db):
    course = await online_course(services)
    await people(services, 100, 101)
    await services.signups.sign_up(course.id, 100)
    await services.signups.sign_up(course.id, 101)  # waiting
    change = await services.course_service.edit(course.id, "place", NEW_LINK)
    assert change.notified == 1
    assert set(await notices(db, "course_changed")) == {100}


async def test_a_promoted_participant_is_sent_the_link_with_the_seat(services, db):
    course = await online_course(services)
    await people(services, 100, 101)
    await services.signups.sign_up(course.id, 100)
    await services.signups.sign_up(course.id, 101)  # waiting
    await services.signups.cancel(course.id, 100)
    told = await notices(db, "promoted")
    assert all(LINK in told[101][locale] for locale in ("en", "ru"))


async def test_reminders_carry_the_link_to_confirmed_participants(services, db, clock):
    course = await online_course(services, venue=VENUE)
    await people(services, 100, 101)
    await services.signups.sign_up(course.id, 100)
    await services.signups.sign_up(course.id, 101)  # waiting: no reminder
    offset = services.reminders.offsets(course)[0]
    clock.now = due_time(course, offset)
    assert await services.reminders.send(course.id, int(offset.total_seconds())) == 1
    told = await notices(db, "reminder")
    assert set(told) == {100}
    assert all(LINK in text and VENUE in text for text in told[100].values())


async def test_an_announcement_drafted_from_a_course_does_not_paste_the_link(services):
    course = await online_course(services, capacity=None, venue=VENUE)
    draft = await services.announcements.draft_of_course(course.id)
    for locale in ("en", "ru"):
        assert LINK not in draft[f"text_{locale}"] and VENUE in draft[f"text_{locale}"]
    assert "signed-up participants" in draft["text_en"]


def test_the_promotion_and_change_texts_are_complete_in_both_languages(localizations):
    from bot.ui import course_texts

    hybrid = replace(course_record(), online_url=LINK)
    for locale in ("en", "ru"):
        t = localizations.get(locale)
        for link in course_texts.LinkAccess:
            text = course_texts.place(hybrid, t, link)
            assert text.startswith("📍 ") and "\n💻 " in text
            assert (LINK in text) == (link == course_texts.LinkAccess.SHOWN)


# -- the card --------------------------------------------------------------------------------


def test_the_cached_card_head_keeps_the_link_to_the_readers_who_may_see_it(localizations):
    from bot.ui import course_texts
    from storage.registrations import Registration

    t = localizations.get("en")
    course = course_record(venue=VENUE, online_url=LINK)

    def seat(status: RegStatus) -> Registration:
        return Registration(1, course.id, 7, status, 1, False, "", "")

    read = [
        course_texts.card(course, t, 1, NOW, "Asia/Tashkent", registration)
        for registration in (seat(RegStatus.CONFIRMED), None, seat(RegStatus.WAITLISTED))
    ]
    assert [LINK in text for text in read] == [True, False, False]
    assert "as soon as a seat is yours" in read[2] and VENUE in read[1]


LONG_DESCRIPTION = "\n".join(
    f"Day {n}: risk profiles & selectivity <criteria> along the corridor." for n in range(1, 9)
)


def test_a_long_description_folds_into_an_expandable_quote_and_a_short_one_stays_plain(
    localizations,
):
    from bot.ui import course_texts
    from tests.e2e.emulator import parse_html

    t = localizations.get("en")
    long_card = course_texts.card(course_record(description_en=LONG_DESCRIPTION), t, 0, NOW)
    plain, entities = parse_html(long_card)  # Telegram's parser takes it
    (quote,) = [e for e in entities if e["type"] == "expandable_blockquote"]
    assert plain[quote["offset"] : quote["offset"] + quote["length"]] == LONG_DESCRIPTION
    short_card = course_texts.card(course_record(), t, 0, NOW)
    assert "blockquote" not in short_card
    assert "Three days on risk profiles." in short_card


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_a_card_with_every_field_at_its_longest_fits_one_telegram_message(localizations, locale):
    from bot.ui import course_texts
    from tests.e2e.emulator import parse_html

    longest = course_record(
        title_en="T" * f.TITLE_MAX,
        title_ru="Т" * f.TITLE_MAX,
        description_en="D" * f.DESCRIPTION_MAX,
        description_ru="Д" * f.DESCRIPTION_MAX,
        venue="V" * f.VENUE_MAX,
        online_url="https://meet.example.org/" + "x" * (f.URL_MAX - 25),
        timezone="America/Argentina/ComodRivadavia",
    )
    t = localizations.get(locale)
    card = course_texts.card(
        longest, t, 3, NOW, "America/North_Dakota/New_Salem", link=course_texts.LinkAccess.SHOWN
    )
    plain, _ = parse_html(card)
    assert len(plain.encode("utf-16-le")) // 2 <= 4096
