"""The course card a participant opens: from the catalogue, under an announcement, or from a
deep link (/start c42), so it lives here rather than in one feature's handlers."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services.materials import on_card
from bot.services.nominations import NominationService
from bot.services.signups import SignupService
from bot.ui import course_texts, keyboards
from bot.ui.callbacks import CourseAction, CourseCb
from bot.ui.materials import card_rows, with_file_rows
from handlers.screens.nomination_card import nomination_card
from storage.courses import Course, CourseStatus, SignupMode
from storage.registrations import Registration, RegStatus, SeatView
from storage.users import User


async def course_card(
    course: Course,
    user: User,
    t: Translator,
    signups: SignupService,
    page: int = 0,
    seats: SeatView | None = None,
    nominations: NominationService | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """The card text and the buttons that fit this user's situation (`nominations`: to name
    the officer's focal point on a nomination course)."""
    now = signups.clock()
    seats = seats or await signups.status(course.id, user.id)
    # The course's files this person may have: the agenda for all, slides after the course.
    files = await on_card(signups.repos, course, seats.registration, now)
    if course.signup_mode == SignupMode.NOMINATION:
        text, markup = await nomination_card(course, user, t, seats, now, nominations, page)
        return text, with_file_rows(markup, card_rows(course, files, t))
    registration = seats.registration
    text = course_texts.card(
        course,
        t,
        seats.confirmed,
        now,
        user.timezone,
        registration,
        seats.position,
        country=user.country,
    )
    # Built directly: this is the hot path of every sign-up, and the builder deep-copies.
    rows: list[list[InlineKeyboardButton]] = []

    def button(key: str, action: CourseAction) -> None:
        data = CourseCb(action=action, course_id=course.id, page=page).pack()
        rows.append([InlineKeyboardButton(text=t(key), callback_data=data)])

    if seats.active and course.status == CourseStatus.PUBLISHED and course.starts_at > now:
        if registration is not None and registration.status == RegStatus.CONFIRMED:
            button("button-calendar", CourseAction.CALENDAR)
        # A nominee answers "I will attend" / "I can't" (the nominations' buttons) instead.
        if registration is not None and registration.status != RegStatus.NOMINATED:
            button(course_texts.giving_up(registration).button, CourseAction.CANCEL)
    elif not seats.active and course.registration_open(now) and not _declined(registration):
        # Someone the organisers declined or removed does not sign themselves back up.
        button(_sign_up_key(course, seats), CourseAction.SIGN_UP)
    rows += card_rows(course, files, t)
    if registration is not None:
        rows.append([keyboards.ask_organisers(t, course.id)])
    button("button-all-courses", CourseAction.LIST)
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


def _declined(registration: Registration | None) -> bool:
    return registration is not None and registration.status == RegStatus.DECLINED


def _sign_up_key(course: Course, seats: SeatView) -> str:
    """The sign-up button's words: on an approval course it asks for a seat, also when the
    course is full (the organisers decide who waits)."""
    if course.signup_mode == SignupMode.APPROVAL:
        return "button-request-seat"
    full = course.capacity is not None and seats.confirmed >= course.capacity
    return "button-join-waitlist" if full else "button-sign-up"


async def send_course_card(
    bot: Bot,
    chat_id: int,
    course_id: int,
    user: User,
    t: Translator,
    signups: SignupService,
    nominations: NominationService | None = None,
) -> None:
    """The card of a course participants may see, as a new message."""
    course = await signups.visible_course(course_id)
    text, markup = await course_card(course, user, t, signups, nominations=nominations)
    await bot.send_message(chat_id, text, reply_markup=markup)
