"""After the preview: send now or schedule for a time in the organiser's zone, each only
after "Send to 1,234 people?" is confirmed; or cancel the draft."""

from __future__ import annotations

from datetime import datetime

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.announcer import Announcer
from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services import course_fields
from bot.services.announcements import AnnouncementService
from bot.services.course_fields import FieldProblem
from bot.ui import course_texts
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import navigation, send_question
from bot.ui.replies import NOT_COMMAND, close_buttons, say
from bot.ui.timefmt import zone_name
from handlers.announce.common import AnnounceForm, cb, keyboard, own_draft
from handlers.announce.options import send_summary
from handlers.screens.problems import problem_text, send_again

router = Router(name=__name__)


@router.callback_query(AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.SEND))
async def send_now(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    announcement_id = await own_draft(state, callback_data.value)
    await close_buttons(callback)
    await state.update_data(when=None)
    await _confirm(ctx, state, announcement_id, announcements, None)


@router.callback_query(AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.CANCEL))
async def cancel_draft(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    t: Translator,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    announcement_id = await own_draft(state, callback_data.value)
    await announcements.stop(announcement_id)
    await close_buttons(callback)
    await state.clear()
    await say(callback, t("announce-cancelled"))


@router.callback_query(
    AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.SCHEDULE)
)
async def schedule_ask(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
) -> None:
    await own_draft(state, callback_data.value)
    await close_buttons(callback)
    await state.set_state(AnnounceForm.schedule)
    await send_question(
        ctx,
        state,
        ctx.t("announce-ask-schedule", zone=zone_name(ctx.zone, ctx.t)),
        navigation(ctx.t),
    )


@router.message(AnnounceForm.schedule, F.text, NOT_COMMAND)
async def schedule_at(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    t = ctx.t
    try:
        when = course_fields.parse_local_datetime(message.text, ctx.zone, "scheduled_at")
    except FieldProblem as problem:
        await message.answer(send_again(problem_text(problem, t), t))
        return
    if when <= announcements.clock():
        # Said now, while the time can be typed again: Yes under the confirmation ends the
        # dialog.
        raise InvalidInput("announce-error-past")
    announcement_id = int((await state.get_data())["announcement_id"])
    await state.update_data(when=when.isoformat())
    await _confirm(ctx, state, announcement_id, announcements, when)


async def _confirm(
    ctx: UpdateContext,
    state: FSMContext,
    announcement_id: int,
    announcements: AnnouncementService,
    when: datetime | None,
) -> None:
    """ "Send to 1,234 people?" (or "Schedule for … on …?") with Yes and No."""
    t = ctx.t
    count = await announcements.recipients(announcement_id)
    if when is None:
        text = t("announce-confirm-send", count=count)
    else:
        local = course_texts.zoned_time(when, ctx.zone, t)
        text = t("announce-confirm-schedule", count=count, when=local)
    await state.set_state(AnnounceForm.confirm)
    value = str(announcement_id)
    yes = "button-announce-confirm-schedule" if when else "button-announce-confirm-send"
    buttons = keyboard(
        (t(yes), cb(AnnounceAction.CONFIRM, value)),
        (t("button-announce-reconsider"), cb(AnnounceAction.RECONSIDER, value)),
    )
    await send_question(ctx, state, text, buttons)


@router.callback_query(AnnounceForm.confirm, AnnounceCb.filter(F.action == AnnounceAction.CONFIRM))
async def confirmed(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    """Yes: sent or scheduled once; a second press finds the dialog over (out of date)."""
    announcement_id = await own_draft(state, callback_data.value)
    when = (await state.get_data()).get("when")
    if when is None:
        await close_buttons(callback)
        await state.clear()
        await announcer.start_now(ctx.bot, announcement_id, by=ctx.user.id)
        return
    moment = datetime.fromisoformat(when)
    # Scheduled before the dialog ends: a time that passed while the question waited is
    # refused with No (back to the preview) still under it.
    announcement = await announcements.schedule(announcement_id, moment, by=ctx.user.id)
    await close_buttons(callback)
    await state.clear()
    announcer.schedule(announcement)
    local = course_texts.zoned_time(moment, ctx.zone, ctx.t)
    await ctx.send(ctx.t("announce-scheduled", id=str(announcement_id), when=local))


@router.callback_query(
    StateFilter(AnnounceForm.confirm), AnnounceCb.filter(F.action == AnnounceAction.RECONSIDER)
)
async def reconsider(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    """No: back to the preview's choices; nothing is sent."""
    announcement_id = await own_draft(state, callback_data.value)
    await close_buttons(callback)
    await back_to_preview(ctx, state, announcements, announcement_id)


async def back_to_preview(
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    announcement_id: int,
) -> None:
    await state.set_state(AnnounceForm.preview)
    await state.update_data(when=None)
    await send_summary(ctx, state, await announcements.get(announcement_id), announcements)


@router.message(StateFilter(AnnounceForm), NOT_COMMAND)
async def unexpected_in_dialog(message: Message, t: Translator) -> None:
    await message.answer(t("announce-hint"))
