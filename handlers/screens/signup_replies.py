"""What a participant is told after signing up, wherever the sign-up was finished (the course
card, or the end of the profile dialog that a sign-up started)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BufferedInputFile, CallbackQuery

from bot.i18n import Translator
from bot.services.calendar import course_ics, ics_filename
from bot.services.signups import SignupResult
from bot.ui import course_texts
from bot.ui.replies import send_file_with_text
from storage.courses import Course
from storage.registrations import RegStatus
from storage.users import User


async def report_signup(
    bot: Bot,
    chat_id: int,
    result: SignupResult,
    user: User,
    t: Translator,
    callback: CallbackQuery | None = None,
) -> None:
    """Confirmed: the calendar file with the details. Otherwise what happens next (a request
    waits for the organisers; a list place has its number), as an alert the user must
    acknowledge when they pressed a button (the card shows it too)."""
    if result.registration.status == RegStatus.CONFIRMED:
        when = course_texts.when(result.course, t, user.timezone)
        # A seat: the online link comes with it, here and in the calendar file.
        place = course_texts.place(result.course, t, course_texts.LinkAccess.SHOWN)
        title = result.course.title(t.locale)
        text = t("signup-confirmed", title=title, when=when, place=place)
        document = await calendar_document(bot, result.course, t.locale, with_link=True)
        await send_file_with_text(bot, chat_id, document, text)
        if callback is not None:
            await callback.answer()
        return
    alert, text = _waiting_reply(result, t)
    if callback is not None:
        # A pop-up holds 200 characters, so no title in it: the card under it names the course.
        await callback.answer(alert, show_alert=True)
    else:
        await bot.send_message(chat_id, text)


def _waiting_reply(result: SignupResult, t: Translator) -> tuple[str, str]:
    """The pop-up and the message for a sign-up that got no seat: a request the organisers
    will decide on, a place on the country's reserve list, or on the waiting list."""
    title = result.course.title(t.locale)
    position = result.position or 0
    registration = result.registration
    if registration.status == RegStatus.PENDING:
        return t.plain("signup-requested-alert"), t("signup-requested", title=title)
    if registration.status == RegStatus.RESERVE and registration.country:
        country = t.plain(f"country-{registration.country}")
        return (
            t.plain("signup-reserve-alert", country=country, position=position),
            t("signup-reserve", title=title, country=country, position=position),
        )
    return (
        t.plain("signup-waitlisted-alert", position=position),
        t("signup-waitlisted", title=title, position=position),
    )


async def calendar_document(
    bot: Bot, course: Course, locale: str, *, with_link: bool
) -> BufferedInputFile:
    """The course's .ics; its UID names the bot, so updates replace the event. The online
    link only `with_link`: for a confirmed participant."""
    me = await bot.me()
    data = course_ics(course, locale, f"{me.username}.t.me", with_link=with_link)
    return BufferedInputFile(data, filename=ics_filename(course))
