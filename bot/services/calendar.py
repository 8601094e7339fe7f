"""A course as an .ics file (RFC 5545) that participants add to their calendar app.

The event keeps one UID for the life of the course and carries the course's revision as its
SEQUENCE, so a file sent after a reschedule replaces the old event instead of adding a second.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from aiogram import Bot

from bot.clock import Clock, system_clock
from storage.courses import Course, CourseRepository, CourseStatus

if TYPE_CHECKING:
    from icalendar import Timezone

PRODID = "-//ROCB Europe & TRACECA//Course bot//EN"


def course_ics(
    course: Course,
    locale: str,
    domain: str,
    stamp: datetime | None = None,
    *,
    with_link: bool,
) -> bytes:
    """The course as an iCalendar event; `stamp` is when the file was made (DTSTAMP). The
    online link is in it `with_link` only: a confirmed participant's file."""
    # Imported here: icalendar (with dateutil) adds some 3 MB to a bot that may never send a
    # calendar file (issue 16).
    from icalendar import Calendar, Event

    zone = ZoneInfo(course.timezone)
    event = Event()
    event.add("uid", f"course-{course.id}@{domain}")
    event.add("sequence", course.revision)
    event.add("dtstamp", stamp or system_clock())
    # Local wall time with a TZID (not UTC) so calendar apps show the course's own zone and
    # keep the time right if the reader travels; icalendar writes UTC zones as plain `Z`.
    event.add("dtstart", course.starts_at.astimezone(zone))
    event.add("dtend", course.ends_at.astimezone(zone))
    event.add("summary", course.title(locale))
    link = course.online_url if with_link else None
    event.add("description", _description(course, locale, link))
    # A hybrid course's location is its venue (what maps and travel apps read); the link
    # is the event's URL and ends the description, where calendar apps make it tappable.
    if course.venue or link:
        event.add("location", course.venue or link)
    if link:
        event.add("url", link)
    event.add("status", "CANCELLED" if course.status == CourseStatus.CANCELLED else "CONFIRMED")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    # The VTIMEZONE is generated from the tz database; its rules only need to cover the event,
    # and a year either side keeps the file small while leaving room for clients that expand
    # the zone around it.
    if course.timezone != "UTC":  # icalendar writes UTC times as plain `Z`, no VTIMEZONE
        calendar.subcomponents.insert(
            0, _vtimezone(course.timezone, course.starts_at.year - 1, course.ends_at.year + 2)
        )
    return bytes(calendar.to_ical())


@lru_cache(maxsize=64)
def _vtimezone(zone: str, first_year: int, last_year: int) -> Timezone:
    """The zone's VTIMEZONE from the tz database. Its rules only need to cover the event; a
    year either side keeps the file small while leaving room for clients that expand the zone
    around it. Cached: building one takes ~30 ms and the result never changes."""
    from icalendar import Timezone  # imported late: see course_ics()

    return Timezone.from_tzid(
        zone, first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1)
    )


def _description(course: Course, locale: str, link: str | None) -> str:
    lines = [course.description(locale), link or ""]
    return "\n".join(line for line in lines if line)


def ics_filename(course: Course) -> str:
    return f"course-{course.id}.ics"


class CalendarFiles:
    """A course's .ics file as the delivery worker attaches it to a notice. The event's UID
    names the bot, so a later file replaces the event instead of adding a second one."""

    def __init__(self, courses: CourseRepository, bot: Bot, clock: Clock) -> None:
        self.courses = courses
        self.bot = bot
        self.clock = clock

    async def file(self, course_id: int, locale: str) -> tuple[bytes, str] | None:
        """(file bytes, file name) in a language, or None if the course is gone. Notices carry
        a calendar file for confirmed participants only, so it has the online link."""
        course = await self.courses.get(course_id)
        if course is None:
            return None
        me = await self.bot.me()
        data = course_ics(
            course, locale, f"{me.username}.t.me", stamp=self.clock(), with_link=True
        )
        return data, ics_filename(course)
