"""/stats for organisers: how many people use the bot, by language and country, and the
seats of courses given by request, nomination or quota, by country."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.services.courses import CourseSeats, CourseService
from bot.services.profiles import ProfileService, UserStats
from bot.ui.callbacks import StatsCb
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import edit, message_of
from bot.ui.telegram_text import utf16_length
from handlers.filters import IsOrganiser

router = Router(name=__name__)
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())


# More would not fit one message on a phone (and the participants screens have the rest).
COURSES_SHOWN = 10
# Telegram takes 4096 characters a message (measured here on the HTML, never shorter than
# the text Telegram counts).
MESSAGE_LIMIT = 4096


@router.message(Command("stats"))
async def stats(
    message: Message, t: Translator, profiles: ProfileService, course_service: CourseService
) -> None:
    text = await _everything(t, profiles, course_service)
    await message.answer(text, reply_markup=_refresh(t))


@router.callback_query(StatsCb.filter())
async def stats_refresh(
    callback: CallbackQuery,
    t: Translator,
    profiles: ProfileService,
    course_service: CourseService,
) -> None:
    text = await _everything(t, profiles, course_service)
    shown = message_of(callback)
    # Telegram refuses an edit that changes nothing.
    if shown is not None and shown.html_text != text:
        await edit(callback, text, _refresh(t))
    await callback.answer(t("stats-refreshed"))


async def _everything(
    t: Translator, profiles: ProfileService, course_service: CourseService
) -> str:
    text = stats_text(t, await profiles.stats())
    courses = await course_service.seats_by_country()
    if courses:
        budget = MESSAGE_LIMIT - utf16_length(text) - 2
        text += "\n\n" + seats_text(t, courses, budget)
    return text


def seats_text(t: Translator, courses: list[CourseSeats], budget: int = MESSAGE_LIMIT) -> str:
    """One line a course: "Risk management: AZ 2/3 seats + 1 reserve, GE 1 seat · 3 requests
    waiting", short enough for a phone; at most COURSES_SHOWN of them, and only as many as
    fit `budget` characters with the closing "…and N more" (long titles, many countries)."""
    lines = [t("stats-seats-heading")]
    course_lines = [_course_line(t, seats) for seats in courses[:COURSES_SHOWN]]
    shown = 0
    for line in course_lines:
        left = len(courses) - shown - 1
        closing = "\n" + t("stats-seats-more", count=left) if left else ""
        if utf16_length("\n".join([*lines, line]) + closing) > budget:
            break
        lines.append(line)
        shown += 1
    if len(courses) > shown:
        lines.append(t("stats-seats-more", count=len(courses) - shown))
    return "\n".join(lines)


def _course_line(t: Translator, seats: CourseSeats) -> str:
    parts = [
        t(
            "stats-seats-country",
            country=(use.country or "—").upper(),
            seats=use.held,
            quota=use.quota or 0,
            reserve=use.reserve,
        )
        for use in seats.countries
        if use.held or use.reserve or use.quota is not None
    ]
    counts = seats.counts
    if counts.waitlisted:
        parts.append(t("stats-seats-waitlisted", count=counts.waitlisted))
    if counts.pending:
        parts.append(t("stats-seats-requests", count=counts.pending))
    title = seats.course.title(t.locale)
    return t("stats-seats-course", title=title, seats=", ".join(parts) or "—")


def stats_text(t: Translator, stats: UserStats) -> str:
    lines = [t("stats-summary", total=stats.total, active=stats.active, complete=stats.complete)]
    lines += ["", t("stats-by-language")]
    for code, count in stats.by_language.items():
        label = t(f"button-language-{code}") if code else t("stats-language-none")
        lines.append(t("stats-row", label=label, count=count))
    lines += ["", t("stats-by-country")]
    for code, count in stats.by_country.items():
        country = BY_CODE.get(code or "")
        label = t(country.name_key) if country else t("stats-country-none")
        lines.append(t("stats-row", label=label, count=count))
    return "\n".join(lines)


def _refresh(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-stats-refresh"), callback_data=StatsCb())
    return kb.as_markup()
