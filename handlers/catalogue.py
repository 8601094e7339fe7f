"""Participants: the course catalogue, course cards, signing up, the waiting list and /my."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Bot, F, Router, html
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.config import Settings
from bot.errors import CourseNotFound, CourseStarted
from bot.i18n import Translator
from bot.services.signups import SignupService
from bot.ui import course_texts
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    CourseAction,
    CourseCb,
    MenuAction,
    MenuCb,
)
from bot.ui.profile_screens import open_profile
from bot.ui.replies import chat_of, close_buttons
from bot.ui.signup_replies import calendar_document, report_signup
from storage.courses import Course, CourseRepository, CourseStatus
from storage.registrations import RegStatus, SeatView
from storage.users import User

router = Router(name=__name__)

PAGE_SIZE = 5


def _now() -> datetime:
    return datetime.now(UTC)


# -- the catalogue ---------------------------------------------------------------------------


@router.message(Command("courses"))
async def courses_command(
    message: Message,
    bot: Bot,
    user: User,
    t: Translator,
    courses: CourseRepository,
    settings: Settings,
) -> None:
    await send_catalogue(bot, message.chat.id, user, t, courses, settings, page=0)


@router.callback_query(MenuCb.filter(F.action == MenuAction.COURSES))
async def courses_from_menu(
    callback: CallbackQuery,
    bot: Bot,
    user: User,
    t: Translator,
    courses: CourseRepository,
    settings: Settings,
) -> None:
    await callback.answer()
    await send_catalogue(bot, chat_of(callback), user, t, courses, settings, page=0)


@router.callback_query(CourseCb.filter(F.action == CourseAction.LIST))
async def catalogue_page(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    courses: CourseRepository,
    settings: Settings,
) -> None:
    await callback.answer()
    text, markup = await catalogue(user, t, courses, settings, callback_data.page)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(text, reply_markup=markup)


async def send_catalogue(
    bot: Bot,
    chat_id: int,
    user: User,
    t: Translator,
    courses: CourseRepository,
    settings: Settings,
    page: int,
) -> None:
    text, markup = await catalogue(user, t, courses, settings, page)
    await bot.send_message(chat_id, text, reply_markup=markup)


async def catalogue(
    user: User, t: Translator, courses: CourseRepository, settings: Settings, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page = max(page, 0)
    items, total = await courses.upcoming(_now(), page * PAGE_SIZE, PAGE_SIZE)
    kb = InlineKeyboardBuilder()
    for course in items:
        kb.button(
            text=course_texts.short_line(course, t),
            callback_data=CourseCb(action=CourseAction.VIEW, course_id=course.id, page=page),
        )
    kb.adjust(1)
    nav = InlineKeyboardBuilder()
    if page > 0:
        nav.button(
            text=t("button-previous-page"),
            callback_data=CourseCb(action=CourseAction.LIST, page=page - 1),
        )
    if (page + 1) * PAGE_SIZE < total:
        nav.button(
            text=t("button-next-page"),
            callback_data=CourseCb(action=CourseAction.LIST, page=page + 1),
        )
    kb.attach(nav)
    if user.id in settings.admin_ids:
        kb.row()
        kb.button(
            text=t("button-manage-courses"), callback_data=AdminCourseCb(action=AdminAction.LIST)
        )
    text = t("catalogue-title", count=total) if total else t("courses-none-yet")
    return text, kb.as_markup() if kb.buttons else None


# -- one course ------------------------------------------------------------------------------


async def course_card(
    course: Course,
    user: User,
    t: Translator,
    signups: SignupService,
    page: int = 0,
    seats: SeatView | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """The card text and the buttons that fit this user's situation."""
    now = _now()
    seats = seats or await signups.status(course.id, user.id)
    registration = seats.registration
    text = course_texts.card(
        course, t, seats.confirmed, now, user.timezone, registration, seats.position
    )
    # Built directly: this is the hot path of every sign-up, and the builder deep-copies.
    rows: list[list[InlineKeyboardButton]] = []

    def button(key: str, action: CourseAction) -> None:
        data = CourseCb(action=action, course_id=course.id, page=page).pack()
        rows.append([InlineKeyboardButton(text=t(key), callback_data=data)])

    if seats.active and course.status == CourseStatus.PUBLISHED and course.starts_at > now:
        if registration is not None and registration.status == RegStatus.CONFIRMED:
            button("button-calendar", CourseAction.CALENDAR)
        button("button-cancel-place", CourseAction.CANCEL)
    elif not seats.active and course.registration_open(now):
        full = course.capacity is not None and seats.confirmed >= course.capacity
        button("button-join-waitlist" if full else "button-sign-up", CourseAction.SIGN_UP)
    button("button-all-courses", CourseAction.LIST)
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def visible_course(courses: CourseRepository, course_id: int) -> Course:
    """A course participants may see: drafts stay hidden even with a forged id."""
    course = await courses.get(course_id)
    if course is None or course.status == CourseStatus.DRAFT:
        raise CourseNotFound()
    return course


async def send_course_card(
    bot: Bot,
    chat_id: int,
    course_id: int,
    user: User,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
) -> None:
    course = await visible_course(courses, course_id)
    text, markup = await course_card(course, user, t, signups)
    await bot.send_message(chat_id, text, reply_markup=markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.VIEW))
async def view_course(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
) -> None:
    course = await visible_course(courses, callback_data.course_id)
    await callback.answer()
    text, markup = await course_card(course, user, t, signups, callback_data.page)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(text, reply_markup=markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.OPEN))
async def open_course(
    callback: CallbackQuery,
    callback_data: CourseCb,
    bot: Bot,
    user: User,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
) -> None:
    """The button under an announcement: the card below it, the announcement stays."""
    course = await visible_course(courses, callback_data.course_id)
    await callback.answer()
    await send_course_card(bot, chat_of(callback), course.id, user, t, courses, signups)


# -- signing up ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action == CourseAction.SIGN_UP))
async def sign_up(
    callback: CallbackQuery,
    callback_data: CourseCb,
    bot: Bot,
    user: User,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
    state: FSMContext,
) -> None:
    chat_id = chat_of(callback)
    if not user.profile_complete:
        # Collect the profile first; the profile dialog finishes the sign-up at its end.
        course = await visible_course(courses, callback_data.course_id)
        await callback.answer()
        title = course.title(t.locale)
        await bot.send_message(chat_id, t("signup-profile-first", title=title))
        await open_profile(bot, chat_id, user, t, state, pending_signup=course.id)
        return
    # The service refuses drafts, cancelled and closed courses with the reason.
    result = await signups.sign_up(callback_data.course_id, user.id)
    await report_signup(bot, chat_id, result, user, t, callback)
    if isinstance(callback.message, Message):
        # The card now shows the sign-up (a double tap re-sends the same card: "not
        # modified", which the error handler treats as nothing to report).
        text, markup = await course_card(
            result.course, user, t, signups, callback_data.page, seats=result.seats
        )
        await callback.message.edit_text(text, reply_markup=markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.CALENDAR))
async def calendar_file(
    callback: CallbackQuery,
    callback_data: CourseCb,
    bot: Bot,
    t: Translator,
    courses: CourseRepository,
) -> None:
    course = await visible_course(courses, callback_data.course_id)
    await callback.answer()
    await bot.send_document(chat_of(callback), await calendar_document(bot, course, t.locale))


# -- cancelling ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action == CourseAction.CANCEL))
async def cancel_ask(
    callback: CallbackQuery,
    callback_data: CourseCb,
    bot: Bot,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
) -> None:
    course = await visible_course(courses, callback_data.course_id)
    if course.starts_at <= signups.clock():
        raise CourseStarted()  # say so now, not after "Are you sure?"
    await callback.answer()
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-cancel-place-yes"),
        callback_data=CourseCb(
            action=CourseAction.CANCEL_YES, course_id=course.id, page=callback_data.page
        ),
    )
    kb.button(
        text=t("button-cancel-place-no"),
        callback_data=CourseCb(
            action=CourseAction.VIEW, course_id=course.id, page=callback_data.page
        ),
    )
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            t("signup-cancel-confirm", title=course.title(t.locale)),
            reply_markup=kb.as_markup(),
        )


@router.callback_query(CourseCb.filter(F.action == CourseAction.CANCEL_YES))
async def cancel_confirmed(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
) -> None:
    course = await visible_course(courses, callback_data.course_id)
    await signups.cancel(course.id, user.id)
    await callback.answer(
        t.plain("signup-cancelled", title=course.title(t.locale)), show_alert=True
    )
    if isinstance(callback.message, Message):
        text, markup = await course_card(course, user, t, signups, callback_data.page)
        await callback.message.edit_text(text, reply_markup=markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.COMING))
async def still_coming(
    callback: CallbackQuery, callback_data: CourseCb, t: Translator, courses: CourseRepository
) -> None:
    course = await visible_course(courses, callback_data.course_id)
    await close_buttons(callback)
    if isinstance(callback.message, Message):
        await callback.message.answer(t("attendance-yes", title=course.title(t.locale)))


@router.callback_query(CourseCb.filter(F.action == CourseAction.NOT_COMING))
async def not_coming(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    courses: CourseRepository,
    signups: SignupService,
) -> None:
    """Answering No frees the seat at once; the next person waiting is promoted and told."""
    course = await visible_course(courses, callback_data.course_id)
    await signups.cancel(course.id, user.id)
    await close_buttons(callback)
    if isinstance(callback.message, Message):
        await callback.message.answer(t("attendance-no", title=course.title(t.locale)))


# -- /my -------------------------------------------------------------------------------------


@router.message(Command("my"))
async def my_command(
    message: Message, bot: Bot, user: User, t: Translator, signups: SignupService
) -> None:
    await send_my_courses(bot, message.chat.id, user, t, signups)


@router.callback_query(MenuCb.filter(F.action == MenuAction.MY))
@router.callback_query(CourseCb.filter(F.action == CourseAction.MY))
async def my_from_button(
    callback: CallbackQuery, bot: Bot, user: User, t: Translator, signups: SignupService
) -> None:
    await callback.answer()
    await send_my_courses(bot, chat_of(callback), user, t, signups)


async def send_my_courses(
    bot: Bot, chat_id: int, user: User, t: Translator, signups: SignupService
) -> None:
    mine = await signups.my_courses(user.id)
    if not mine:
        await bot.send_message(chat_id, t("my-courses-none"))
        return
    lines = [t("my-courses-title", count=len(mine)), ""]
    kb = InlineKeyboardBuilder()
    for item in mine:
        status = course_texts.registration_line(item.registration, item.position, t) or ""
        lines.append(f"• {html.quote(course_texts.short_line(item.course, t))}\n  {status}")
        kb.button(
            text=course_texts.short_line(item.course, t),
            callback_data=CourseCb(action=CourseAction.VIEW, course_id=item.course.id),
        )
    kb.adjust(1)
    await bot.send_message(chat_id, "\n".join(lines), reply_markup=kb.as_markup())
