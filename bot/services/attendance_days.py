"""A course's days and who was present on enough of them for a certificate.

A course's days are the calendar days from its start to its end in its own time zone (a
one-day course has one); a registration keeps the days attended as a bitmask, bit d for day
d + 1. At most MAX_DAYS days are counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from storage.courses import Course
from storage.registrations import ALL_DAYS, Registration

MAX_DAYS = 31
_INSTANT = timedelta(microseconds=1)


def course_days(course: Course) -> list[date]:
    """The course's calendar days in its time zone, at most MAX_DAYS. A course that ends at
    midnight ("until 24:00") ends on the day before: the next day is not one of its days."""
    zone = ZoneInfo(course.timezone)
    first = course.starts_at.astimezone(zone).date()
    last = max(first, (course.ends_at - _INSTANT).astimezone(zone).date())
    count = min((last - first).days + 1, MAX_DAYS)
    return [first + timedelta(days=n) for n in range(count)]


def days_present(mask: int, days: int) -> int:
    """How many of the course's `days` the mask marks present."""
    return bin(mask & ((1 << days) - 1)).count("1")


def attendance_mask(registration: Registration) -> int:
    """The days a registration was marked present on; a mark from before attendance had days
    counts for every day."""
    if registration.attended and not registration.attended_days:
        return ALL_DAYS
    return registration.attended_days


def present_on(mask: int, day: int) -> bool:
    return bool(mask >> day & 1)


def days_needed(course: Course, days: int) -> int:
    """The days an attendee must have been present on for a certificate: the course's share
    (`certificate: 80%`) of its days, rounded up; every day when it sets none."""
    share = course.certificate or 100
    return max(1, -(-days * share // 100))


@dataclass(frozen=True)
class Eligibility:
    """One confirmed participant's attendance against the course's rule."""

    registration: Registration
    present: int  # days
    days: int
    needed: int

    @property
    def eligible(self) -> bool:
        return self.present >= self.needed


def eligibility(course: Course, registration: Registration) -> Eligibility:
    days = len(course_days(course))
    present = days_present(attendance_mask(registration), days)
    return Eligibility(registration, present, days, days_needed(course, days))
