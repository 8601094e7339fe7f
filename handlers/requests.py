"""Organisers decide on requests for a seat (approval courses): /requests lists them, and the
buttons under each request (in the inbox, or under the notice every organiser gets) approve
it, put it on the waiting list (or the country's reserve list) or decline it with an optional
reason the person reads. The router filters on ADMIN_IDS, so anyone else's press falls to the
out-of-date answer; the service re-checks that the request still waits for a decision."""

from __future__ import annotations

from aiogram import F
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.errors import InvalidInput
from bot.services.decisions import SeatDecisions, clean_reason
from bot.services.request_inbox import RequestInbox
from bot.services.seats import Room
from bot.ui import request_screens
from bot.ui.callbacks import RequestAction, RequestCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, close_question, pressed_under_question, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import NOT_COMMAND, show_in_place
from handlers.courses.common import organiser_router

router = organiser_router(__name__)

PAGE_SIZE = 5


class DeclineRequest(StatesGroup):
    reason = State()


# -- the inbox -------------------------------------------------------------------------------


@router.message(Command("requests"))
async def requests_command(
    message: Message, ctx: UpdateContext, request_inbox: RequestInbox
) -> None:
    page, requests = await request_inbox.page(0, PAGE_SIZE)
    text, markup = request_screens.inbox(page, requests, ctx.t, ctx.zone)
    await ctx.send(text, markup)


@router.callback_query(RequestCb.filter(F.action == RequestAction.PAGE))
async def requests_page(
    callback: CallbackQuery,
    callback_data: RequestCb,
    ctx: UpdateContext,
    request_inbox: RequestInbox,
) -> None:
    await callback.answer()
    page, requests = await request_inbox.page(callback_data.page, PAGE_SIZE)
    await show_in_place(callback, ctx, *request_screens.inbox(page, requests, ctx.t, ctx.zone))


@router.callback_query(RequestCb.filter(F.action == RequestAction.OPEN))
async def open_request(
    callback: CallbackQuery,
    callback_data: RequestCb,
    ctx: UpdateContext,
    request_inbox: RequestInbox,
) -> None:
    request = await request_inbox.request(callback_data.registration_id)
    await callback.answer()
    text, markup = request_screens.request_card(request, ctx.t, ctx.zone, callback_data.page)
    await show_in_place(callback, ctx, text, markup)


# -- deciding --------------------------------------------------------------------------------


@router.callback_query(RequestCb.filter(F.action == RequestAction.APPROVE))
async def approve(
    callback: CallbackQuery, callback_data: RequestCb, ctx: UpdateContext, decisions: SeatDecisions
) -> None:
    """A seat if there is one (the person gets the notice with the calendar file); a full
    course or country changes nothing and offers the waiting or reserve list instead."""
    decision = await decisions.approve(ctx.user.id, callback_data.registration_id)
    await callback.answer()
    if decision.room == Room.FREE:
        text, markup = request_screens.decided(decision, ctx.t, callback_data.page)
    else:
        text, markup = request_screens.offer_list(decision, ctx.t, callback_data.page)
    await show_in_place(callback, ctx, text, markup)


@router.callback_query(RequestCb.filter(F.action == RequestAction.LIST))
async def put_on_list(
    callback: CallbackQuery, callback_data: RequestCb, ctx: UpdateContext, decisions: SeatDecisions
) -> None:
    decision = await decisions.put_on_list(ctx.user.id, callback_data.registration_id)
    await callback.answer()
    await show_in_place(
        callback, ctx, *request_screens.decided(decision, ctx.t, callback_data.page)
    )


@router.callback_query(RequestCb.filter(F.action == RequestAction.DECLINE))
async def decline_ask(
    callback: CallbackQuery,
    callback_data: RequestCb,
    ctx: UpdateContext,
    state: FSMContext,
    request_inbox: RequestInbox,
) -> None:
    """The reason is asked first (optional: Skip); a request decided meanwhile is said now."""
    request = await request_inbox.request(callback_data.registration_id)
    await callback.answer()
    t = ctx.t
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-request-no-reason"),
        callback_data=RequestCb(
            action=RequestAction.NO_REASON,
            registration_id=request.registration.id,
            page=callback_data.page,
        ),
    )
    add_navigation(kb, t, back=False)
    await state.set_state(DeclineRequest.reason)
    await state.set_data({"registration_id": request.registration.id, "page": callback_data.page})
    name = request_screens.name_of(request.person)
    await send_question(ctx, state, t("request-decline-ask", name=name), kb.as_markup())


async def _declining(state: FSMContext) -> tuple[int, int]:
    """The request being declined and the inbox page it came from; the dialog ends here, so
    a request decided meanwhile is not asked about again."""
    data = await state.get_data()
    await state.clear()
    if "registration_id" not in data:
        raise InvalidInput("fallback-not-understood")
    return int(data["registration_id"]), int(data.get("page", 0))


async def _decline(
    ctx: UpdateContext,
    decisions: SeatDecisions,
    registration_id: int,
    reason: str | None,
    page: int,
) -> None:
    decision = await decisions.decline(ctx.user.id, registration_id, reason)
    text, markup = request_screens.decided(decision, ctx.t, page)
    await ctx.send(text, markup)


@router.message(DeclineRequest.reason, F.text, NOT_COMMAND)
async def decline_with_reason(
    message: Message, ctx: UpdateContext, state: FSMContext, decisions: SeatDecisions
) -> None:
    clean_reason(message.text)  # too long: refused while the question is still asked
    await close_question(ctx, state)
    registration_id, page = await _declining(state)
    await _decline(ctx, decisions, registration_id, message.text, page)


@router.callback_query(
    DeclineRequest.reason, RequestCb.filter(F.action == RequestAction.NO_REASON)
)
async def decline_without_reason(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, decisions: SeatDecisions
) -> None:
    await pressed_under_question(callback, state)
    await close_question(ctx, state)
    registration_id, page = await _declining(state)
    await callback.answer()
    await _decline(ctx, decisions, registration_id, None, page)


@router.callback_query(RequestCb.filter(F.action == RequestAction.NO_REASON))
async def skip_outside_the_question(callback: CallbackQuery) -> None:
    """Skip under a question already answered or cancelled: nothing is declined by it."""
    raise InvalidInput("error-button-expired")


@router.message(DeclineRequest.reason, NOT_COMMAND)
async def decline_needs_text(message: Message, ctx: UpdateContext) -> None:
    await ctx.send(ctx.t("request-decline-needs-text"))
