"""The follow-up survey as the organiser's course card says it: when it goes out, and that it
needs the attendance marked (it goes to attendees only)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.i18n import Translator
from bot.ui.seat_rules import DATE_ONLY
from storage.courses import Course, CourseStatus
from storage.registrations import Counts


def followup_lines(course: Course, counts: Counts | None, t: Translator) -> list[str]:
    if not course.followup or course.status == CourseStatus.CANCELLED:
        return []  # a cancelled course's follow-up is deleted (or went out already)
    due = (course.ends_at + timedelta(days=course.followup)).astimezone(ZoneInfo(course.timezone))
    day = str(format_date(due.date(), DATE_ONLY, locale=t.locale))
    lines = [t("course-followup", count=course.followup, date=day)]
    live = course.status in (CourseStatus.PUBLISHED, CourseStatus.FINISHED)
    if live and counts is not None and not counts.attended:
        lines.append(t("course-followup-needs-attendance"))
    return lines
