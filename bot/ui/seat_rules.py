"""How a course gives its seats, as the cards say it: the sign-up mode when it is not open,
the seats per country, and the day unused country seats are released."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.i18n import Translator
from bot.services.quotas import EVERY_OTHER, Quotas
from storage.courses import Course, SignupMode

DATE_ONLY = "d MMMM y"  # the day only: seats are released as it begins in the course's zone


def quotas_text(quotas: Quotas, t: Translator) -> str:
    """ "Azerbaijan 3, Georgia 2, others 1" (or "2 for each country"), country names in the
    reader's language."""
    if set(quotas.seats) == {EVERY_OTHER}:
        return t.plain("course-quota-each", seats=quotas.seats[EVERY_OTHER])
    return ", ".join(
        t.plain("course-quota-others", seats=str(seats))
        if code == EVERY_OTHER
        else t.plain("course-quota-entry", country=t.plain(f"country-{code}"), seats=str(seats))
        for code, seats in quotas.named()
    )


def seat_rule_lines(course: Course, t: Translator, country: str | None = None) -> list[str]:
    """For a participant: the mode, their own country's seats and the release day."""
    lines = _mode_line(course, t)
    seats = Quotas.from_json(course.quotas).limit(country) if country else None
    if country and seats is not None:
        name = t.plain(f"country-{country}")
        lines.append(t("course-your-quota", country=name, seats=seats))
        lines += _release_line(course, t)
    return lines


def organiser_seat_rule_lines(course: Course, t: Translator) -> list[str]:
    """For organisers: the mode, every country's seats and the release day."""
    lines = _mode_line(course, t)
    quotas = Quotas.from_json(course.quotas)
    if quotas:
        lines.append(t("course-quotas", quotas=quotas_text(quotas, t)))
        lines += _release_line(course, t)
    return lines


def _mode_line(course: Course, t: Translator) -> list[str]:
    if course.signup_mode == SignupMode.OPEN:
        return []  # as every course read before modes existed
    return [t(f"course-signup-{course.signup_mode.value}")]


def _release_line(course: Course, t: Translator) -> list[str]:
    if course.quota_release_at is None:
        return []
    local = course.quota_release_at.astimezone(ZoneInfo(course.timezone))
    day = str(format_date(local.date(), DATE_ONLY, locale=t.locale))
    return [t("course-quota-release", date=day)]
