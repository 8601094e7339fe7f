"""Participants: the course catalogue, course cards, signing up, the waiting list, answers to
"still coming?" and /my."""

from __future__ import annotations

from aiogram import Bot, F, Router, html
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.config import Settings
from bot.i18n import Translator
from bot.services.signups import SignupService
from bot.ui import course_texts
from bot.ui.callbacks import AdminAction, CourseAction, CourseCb, MenuAction, MenuCb
from bot.ui.context import UpdateContext
from bot.ui.course_card import course_card
from bot.ui.pagination import add_page_buttons
from bot.ui.profile_screens import open_profile
from bot.ui.replies import chat_of, close_buttons, edit, message_of, say
from bot.ui.signup_replies import calendar_document, report_signup
from handlers.courses.common import admin_cb
from storage.users import User

router = Router(name=__name__)

PAGE_SIZE = 5


# -- the catalogue ---------------------------------------------------------------------------


async def _chat_of(event: Message | CallbackQuery) -> int:
    """Where to answer a command or a menu button (the button's press is answered)."""
    if isinstance(event, Message):
        return event.chat.id
    await event.answer()
    return chat_of(event)


@router.message(Command("courses"))
@router.callback_query(MenuCb.filter(F.action == MenuAction.COURSES))
async def courses_command(
    event: Message | CallbackQuery,
    bot: Bot,
    user: User,
    t: Translator,
    signups: SignupService,
    settings: Settings,
) -> None:
    chat_id = await _chat_of(event)
    text, markup = await catalogue(user, t, signups, settings, 0)
    await bot.send_message(chat_id, text, reply_markup=markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.LIST))
async def catalogue_page(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    signups: SignupService,
    settings: Settings,
) -> None:
    await callback.answer()
    text, markup = await catalogue(user, t, signups, settings, callback_data.page)
    await edit(callback, text, markup)


async def catalogue(
    user: User, t: Translator, signups: SignupService, settings: Settings, number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page, items = await signups.upcoming_page(number, PAGE_SIZE)
    kb = InlineKeyboardBuilder()
    for course in items:
        kb.button(
            text=course_texts.short_line(course, t),
            callback_data=CourseCb(
                action=CourseAction.VIEW, course_id=course.id, page=page.number
            ),
        )
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: CourseCb(action=CourseAction.LIST, page=n))
    if user.id in settings.admin_ids:
        kb.row()
        kb.button(text=t("button-manage-courses"), callback_data=admin_cb(AdminAction.LIST))
    text = t("catalogue-title", count=page.total) if page.total else t("courses-none-yet")
    return text, kb.as_markup() if kb.buttons else None


# -- one course ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action.in_({CourseAction.VIEW, CourseAction.OPEN})))
async def view_course(
    callback: CallbackQuery, callback_data: CourseCb, ctx: UpdateContext, signups: SignupService
) -> None:
    course = await signups.visible_course(callback_data.course_id)
    await callback.answer()
    text, markup = await course_card(course, ctx.user, ctx.t, signups, callback_data.page)
    if callback_data.action == CourseAction.OPEN:
        # The button under an announcement: the card below it, the announcement stays.
        await ctx.send(text, markup)
    else:
        await edit(callback, text, markup)


# -- signing up ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action == CourseAction.SIGN_UP))
async def sign_up(
    callback: CallbackQuery,
    callback_data: CourseCb,
    bot: Bot,
    user: User,
    t: Translator,
    signups: SignupService,
    state: FSMContext,
) -> None:
    chat_id = chat_of(callback)
    if not user.profile_complete:
        # Collect the profile first; the profile dialog finishes the sign-up at its end.
        course = await signups.visible_course(callback_data.course_id)
        await callback.answer()
        title = course.title(t.locale)
        await bot.send_message(chat_id, t("signup-profile-first", title=title))
        await open_profile(UpdateContext(bot, chat_id, user, t), state, pending_signup=course.id)
        return
    # The service refuses drafts, cancelled and closed courses with the reason.
    result = await signups.sign_up(callback_data.course_id, user.id)
    await report_signup(bot, chat_id, result, user, t, callback)
    if message_of(callback) is not None:
        # The card now shows the sign-up (a double tap re-sends the same card: "not
        # modified", which the error handler treats as nothing to report).
        text, markup = await course_card(
            result.course, user, t, signups, callback_data.page, seats=result.seats
        )
        await edit(callback, text, markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.CALENDAR))
async def calendar_file(
    callback: CallbackQuery,
    callback_data: CourseCb,
    bot: Bot,
    t: Translator,
    signups: SignupService,
) -> None:
    course = await signups.visible_course(callback_data.course_id)
    await callback.answer()
    await bot.send_document(chat_of(callback), await calendar_document(bot, course, t.locale))


# -- cancelling ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action == CourseAction.CANCEL))
async def cancel_ask(
    callback: CallbackQuery,
    callback_data: CourseCb,
    t: Translator,
    signups: SignupService,
) -> None:
    # Too late is said now, not after "Are you sure?".
    course = await signups.cancellable_course(callback_data.course_id)
    await callback.answer()
    kb = InlineKeyboardBuilder()
    for key, action in (
        ("button-cancel-place-yes", CourseAction.CANCEL_YES),
        ("button-cancel-place-no", CourseAction.VIEW),
    ):
        kb.button(
            text=t(key),
            callback_data=CourseCb(action=action, course_id=course.id, page=callback_data.page),
        )
    await edit(callback, t("signup-cancel-confirm", title=course.title(t.locale)), kb.as_markup())


@router.callback_query(CourseCb.filter(F.action == CourseAction.CANCEL_YES))
async def cancel_confirmed(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    signups: SignupService,
) -> None:
    course = await signups.withdraw(callback_data.course_id, user.id)
    await callback.answer(
        t.plain("signup-cancelled", title=course.title(t.locale)), show_alert=True
    )
    if message_of(callback) is not None:
        text, markup = await course_card(course, user, t, signups, callback_data.page)
        await edit(callback, text, markup)


@router.callback_query(
    CourseCb.filter(F.action.in_({CourseAction.COMING, CourseAction.NOT_COMING}))
)
async def still_coming(
    callback: CallbackQuery,
    callback_data: CourseCb,
    user: User,
    t: Translator,
    signups: SignupService,
) -> None:
    """The answer to "Are you still coming?"; No frees the seat at once (the service promotes
    the next person waiting and tells them)."""
    coming = callback_data.action == CourseAction.COMING
    course = await signups.answer_still_coming(callback_data.course_id, user.id, coming)
    await close_buttons(callback)
    await say(
        callback, t("attendance-yes" if coming else "attendance-no", title=course.title(t.locale))
    )


# -- /my -------------------------------------------------------------------------------------


@router.message(Command("my"))
@router.callback_query(MenuCb.filter(F.action == MenuAction.MY))
@router.callback_query(CourseCb.filter(F.action == CourseAction.MY))
async def my_courses(
    event: Message | CallbackQuery, bot: Bot, user: User, t: Translator, signups: SignupService
) -> None:
    await send_my_courses(bot, await _chat_of(event), user, t, signups)


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
