"""Organisers control a course's participants: the grouped list, one person's card, moving
them between a seat, the waiting list and a reserve list, removing them with a reason, and
adding someone by hand. The decisions go through SeatDecisions, which tells the person and
writes the audit log; these screens tell the organiser what was done."""

from __future__ import annotations

from aiogram import F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.courses import CourseService
from bot.services.decisions import TARGETS, SeatDecisions, clean_reason
from bot.ui.callbacks import AdminAction, AdminCourseCb, RosterAction, RosterCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, close_question, pressed_under_question, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import NOT_COMMAND, show_in_place
from bot.ui.roster import (
    person_markup,
    person_text,
    roster_markup,
    roster_text,
    status_words,
)
from handlers.courses.common import counts_line, lookup_then_answer, organiser_router
from storage.registrations import RegStatus

router = organiser_router(__name__)


class RosterRemove(StatesGroup):
    reason = State()


# -- the list --------------------------------------------------------------------------------


async def roster_screen(
    course_service: CourseService, course_id: int, t: Translator, page: int = 0
) -> tuple[str, InlineKeyboardMarkup]:
    roster = await course_service.roster(course_id)
    text = roster_text(roster, t, counts_line(roster.course, roster.counts, t))
    return text, roster_markup(roster, t, page)


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.PARTICIPANTS))
async def participants(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    text, markup = await lookup_then_answer(
        callback, roster_screen(course_service, callback_data.course_id, ctx.t)
    )
    await ctx.send(text, markup)


@router.callback_query(RosterCb.filter(F.action == RosterAction.PAGE))
async def roster_page(
    callback: CallbackQuery,
    callback_data: RosterCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    text, markup = await lookup_then_answer(
        callback,
        roster_screen(course_service, callback_data.course_id, ctx.t, callback_data.page),
    )
    await show_in_place(callback, ctx, text, markup)


# -- one person ------------------------------------------------------------------------------


@router.callback_query(RosterCb.filter(F.action == RosterAction.PERSON))
async def person_card(
    callback: CallbackQuery,
    callback_data: RosterCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    course, person = await lookup_then_answer(
        callback, course_service.participant(callback_data.course_id, callback_data.user_id)
    )
    text = person_text(course, person, ctx.t)
    await show_in_place(
        callback, ctx, text, person_markup(course, person, ctx.t, callback_data.page)
    )


def place_named(callback_data: RosterCb) -> RegStatus:
    """The place a button names; anything else is a forged or outdated button."""
    if callback_data.arg not in {place.value for place in TARGETS}:
        raise InvalidInput("error-button-expired")
    return RegStatus(callback_data.arg)


@router.callback_query(RosterCb.filter(F.action == RosterAction.MOVE))
async def move(
    callback: CallbackQuery,
    callback_data: RosterCb,
    ctx: UpdateContext,
    course_service: CourseService,
    decisions: SeatDecisions,
) -> None:
    """Move, then show the card as it is now (a seat freed may have gone on at once)."""
    t = ctx.t
    course_id, user_id = callback_data.course_id, callback_data.user_id
    await decisions.move(callback.from_user.id, course_id, user_id, place_named(callback_data))
    course, person = await course_service.participant(course_id, user_id)
    await callback.answer(
        t.plain("roster-moved", name=person.full_name or "—", status=status_words(person, t)),
        show_alert=True,
    )
    text = person_text(course, person, t)
    await show_in_place(callback, ctx, text, person_markup(course, person, t, callback_data.page))


# -- removing, with the reason the person reads ----------------------------------------------


@router.callback_query(RosterCb.filter(F.action == RosterAction.REMOVE))
async def remove_ask(
    callback: CallbackQuery,
    callback_data: RosterCb,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
) -> None:
    t = ctx.t
    course, person = await lookup_then_answer(
        callback, course_service.participant(callback_data.course_id, callback_data.user_id)
    )
    if not person.registration.active:
        raise InvalidInput("error-button-expired")
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t.plain("button-roster-no-reason"),
        callback_data=RosterCb(
            action=RosterAction.NO_REASON, course_id=course.id, user_id=person.registration.user_id
        ),
    )
    add_navigation(kb, t, back=False)
    await state.set_state(RosterRemove.reason)
    await state.set_data({"course_id": course.id, "user_id": person.registration.user_id})
    text = t("roster-remove-ask", name=person.full_name or "—", title=course.title(t.locale))
    await send_question(ctx, state, text, kb.as_markup())


async def _removing(state: FSMContext) -> tuple[int, int]:
    """The course and person being removed; a state without them (lost) is left."""
    data = await state.get_data()
    if "course_id" not in data or "user_id" not in data:
        await state.clear()
        raise InvalidInput("fallback-not-understood")
    return int(data["course_id"]), int(data["user_id"])


async def _remove(
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    decisions: SeatDecisions,
    reason: str | None,
) -> None:
    course_id, user_id = await _removing(state)
    try:
        await decisions.remove(ctx.user.id, course_id, user_id, reason)
    finally:
        # Done or refused (already gone, the course cancelled), no other reason would help.
        await close_question(ctx, state)
        await state.clear()
    course, person = await course_service.participant(course_id, user_id)
    key = "roster-removed-reason" if person.registration.reason else "roster-removed"
    await ctx.send(ctx.t(key, name=person.full_name or "—", title=course.title(ctx.locale)))
    await ctx.send(*await roster_screen(course_service, course_id, ctx.t))


@router.message(RosterRemove.reason, F.text, NOT_COMMAND)
async def remove_with_reason(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    decisions: SeatDecisions,
) -> None:
    clean_reason(message.text)  # too long: refused while the question is still asked
    await _remove(ctx, state, course_service, decisions, message.text)


@router.callback_query(RosterRemove.reason, RosterCb.filter(F.action == RosterAction.NO_REASON))
async def remove_without_reason(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    decisions: SeatDecisions,
) -> None:
    await pressed_under_question(callback, state)
    await callback.answer()
    await _remove(ctx, state, course_service, decisions, None)


@router.message(RosterRemove.reason, NOT_COMMAND)
async def remove_needs_text(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))
