"""Participants: the course catalogue, course cards, signing up, the waiting list, answers to
"still coming?" and /my."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.services.nominations import NominationService
from bot.services.signups import SignupService
from bot.ui import course_list, course_texts
from bot.ui.callbacks import AdminAction, CourseAction, CourseCb, MenuAction, MenuCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import add_page_buttons, button_row
from bot.ui.profile_screens import open_profile
from bot.ui.replies import close_buttons, edit, message_of, say
from handlers.courses.common import admin_cb, lookup_then_answer
from handlers.screens.course_card import course_card
from handlers.screens.signup_replies import calendar_document, report_signup

router = Router(name=__name__)

PAGE_SIZE = 5


# -- the catalogue ---------------------------------------------------------------------------


async def _answer_press(event: Message | CallbackQuery) -> None:
    """A menu button's press is answered; a command needs nothing."""
    if isinstance(event, CallbackQuery):
        await event.answer()


@router.message(Command("courses"))
@router.callback_query(MenuCb.filter(F.action == MenuAction.COURSES))
async def courses_command(
    event: Message | CallbackQuery, ctx: UpdateContext, signups: SignupService, settings: Settings
) -> None:
    await _answer_press(event)
    text, markup = await catalogue(ctx, signups, settings, 0)
    await ctx.send(text, markup)


@router.callback_query(CourseCb.filter(F.action == CourseAction.LIST))
async def catalogue_page(
    callback: CallbackQuery,
    callback_data: CourseCb,
    ctx: UpdateContext,
    signups: SignupService,
    settings: Settings,
) -> None:
    await callback.answer()
    text, markup = await catalogue(ctx, signups, settings, callback_data.page)
    await edit(callback, text, markup)


async def catalogue(
    ctx: UpdateContext, signups: SignupService, settings: Settings, number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    t = ctx.t
    page, items = await signups.upcoming_page(number, PAGE_SIZE)
    kb = InlineKeyboardBuilder()
    lines = []
    # Numbered across pages, so page 2 goes on from where page 1 ended.
    for number, course in enumerate(items, page.offset + 1):
        lines.append(course_list.numbered_line(number, course, t))
        kb.button(
            text=course_list.course_button(number, course, t),
            callback_data=CourseCb(
                action=CourseAction.VIEW, course_id=course.id, page=page.number
            ),
        )
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: CourseCb(action=CourseAction.LIST, page=n))
    if ctx.user.id in settings.admin_ids:
        button_row(kb, text=t("button-manage-courses"), callback_data=admin_cb(AdminAction.LIST))
    if not page.total:
        return t("courses-none-yet"), kb.as_markup() if kb.buttons else None
    text = "\n".join([t("catalogue-title", count=page.total), "", *lines])
    return text, kb.as_markup()


# -- one course ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action.in_({CourseAction.VIEW, CourseAction.OPEN})))
async def view_course(
    callback: CallbackQuery,
    callback_data: CourseCb,
    ctx: UpdateContext,
    signups: SignupService,
    nominations: NominationService,
) -> None:
    course = await lookup_then_answer(callback, signups.visible_course(callback_data.course_id))
    text, markup = await course_card(
        course, ctx.user, ctx.t, signups, callback_data.page, nominations=nominations
    )
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
    ctx: UpdateContext,
    signups: SignupService,
    state: FSMContext,
) -> None:
    bot, chat_id, user, t = ctx.bot, ctx.chat_id, ctx.user, ctx.t
    if not user.profile_complete:
        # Collect the profile first; the profile dialog finishes the sign-up at its end.
        course = await lookup_then_answer(
            callback, signups.visible_course(callback_data.course_id)
        )
        await ctx.send(t("signup-profile-first", title=course.title(t.locale)))
        await open_profile(ctx, state, pending_signup=course.id)
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
    callback: CallbackQuery, callback_data: CourseCb, ctx: UpdateContext, signups: SignupService
) -> None:
    course = await lookup_then_answer(callback, signups.visible_course(callback_data.course_id))
    # The button is under confirmed people's cards, but callback data can be forged or stale.
    seats = await signups.status(course.id, ctx.user.id)
    link = course_texts.link_access(seats.registration) == course_texts.LinkAccess.SHOWN
    await ctx.send_file(await calendar_document(ctx.bot, course, ctx.locale, with_link=link))


# -- cancelling ------------------------------------------------------------------------------


@router.callback_query(CourseCb.filter(F.action == CourseAction.CANCEL))
async def cancel_ask(
    callback: CallbackQuery, callback_data: CourseCb, ctx: UpdateContext, signups: SignupService
) -> None:
    # Too late is said now, not after "Are you sure?".
    course, _ = await lookup_then_answer(
        callback, signups.cancellable_place(callback_data.course_id, ctx.user.id)
    )
    t = ctx.t
    # A seat is cancelled, a list left, a request withdrawn: each asked in its own words.
    words = course_texts.giving_up((await signups.status(course.id, ctx.user.id)).registration)
    kb = InlineKeyboardBuilder()
    for key, action in ((words.yes, CourseAction.CANCEL_YES), (words.no, CourseAction.VIEW)):
        kb.button(
            text=t(key),
            callback_data=CourseCb(action=action, course_id=course.id, page=callback_data.page),
        )
    kb.adjust(1)  # side by side, a phone cuts «Нет, остаться в листе ожидания» in half
    await edit(callback, t(words.question, title=course.title(t.locale)), kb.as_markup())


@router.callback_query(CourseCb.filter(F.action == CourseAction.CANCEL_YES))
async def cancel_confirmed(
    callback: CallbackQuery,
    callback_data: CourseCb,
    ctx: UpdateContext,
    signups: SignupService,
    nominations: NominationService,
) -> None:
    t = ctx.t
    before = await signups.status(callback_data.course_id, ctx.user.id)
    course = await signups.withdraw(callback_data.course_id, ctx.user.id)
    await callback.answer(
        t.plain(course_texts.giving_up(before.registration).done), show_alert=True
    )
    if message_of(callback) is not None:
        text, markup = await course_card(
            course, ctx.user, t, signups, callback_data.page, nominations=nominations
        )
        await edit(callback, text, markup)


@router.callback_query(
    CourseCb.filter(F.action.in_({CourseAction.COMING, CourseAction.NOT_COMING}))
)
async def still_coming(
    callback: CallbackQuery, callback_data: CourseCb, ctx: UpdateContext, signups: SignupService
) -> None:
    """The answer to "Are you still coming?"; No frees the seat at once (the service promotes
    the next person waiting and tells them)."""
    coming = callback_data.action == CourseAction.COMING
    course = await signups.answer_still_coming(callback_data.course_id, ctx.user.id, coming)
    await close_buttons(callback)
    title = course.title(ctx.locale)
    await say(callback, ctx.t("attendance-yes" if coming else "attendance-no", title=title))


# -- /my -------------------------------------------------------------------------------------


@router.message(Command("my"))
@router.callback_query(MenuCb.filter(F.action == MenuAction.MY))
@router.callback_query(CourseCb.filter(F.action == CourseAction.MY))
async def my_courses(
    event: Message | CallbackQuery, ctx: UpdateContext, signups: SignupService
) -> None:
    await _answer_press(event)
    await send_my_courses(ctx, signups)


async def send_my_courses(ctx: UpdateContext, signups: SignupService) -> None:
    t = ctx.t
    mine = await signups.my_courses(ctx.user.id)
    if not mine:
        await ctx.send(t("my-courses-none"))
        return
    lines = [t("my-courses-title", count=len(mine)), ""]
    kb = InlineKeyboardBuilder()
    for number, item in enumerate(mine, 1):
        status = (
            course_texts.registration_line(
                item.registration, item.position, t, item.course.signup_mode
            )
            or ""
        )
        lines.append(f"{course_list.numbered_line(number, item.course, t)}\n    {status}")
        kb.button(
            text=course_list.course_button(number, item.course, t),
            callback_data=CourseCb(action=CourseAction.VIEW, course_id=item.course.id),
        )
    kb.adjust(1)
    await ctx.send("\n".join(lines), kb.as_markup())
