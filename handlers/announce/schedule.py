"""After the preview: send now, schedule for a time in the organiser's zone, or cancel."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.announcer import Announcer
from bot.i18n import Translator
from bot.services import course_fields
from bot.services.announcements import AnnouncementService
from bot.services.course_fields import FieldProblem
from bot.ui import course_texts
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.replies import NOT_COMMAND, close_buttons, say
from handlers.announce.common import AnnounceForm, own_draft
from handlers.screens.problems import problem_text, send_again

router = Router(name=__name__)


@router.callback_query(AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.SEND))
async def send_now(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcer: Announcer,
) -> None:
    announcement_id = await own_draft(state, callback_data.value)
    await close_buttons(callback)
    await state.clear()
    await announcer.start_now(ctx.bot, announcement_id, by=callback.from_user.id)


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
    zone = ctx.zone
    await ctx.send(ctx.t("announce-ask-schedule", zone=zone))


@router.message(AnnounceForm.schedule, F.text, NOT_COMMAND)
async def schedule_at(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    user, t = ctx.user, ctx.t
    zone = ctx.zone
    try:
        when = course_fields.parse_local_datetime(message.text, zone, "scheduled_at")
    except FieldProblem as problem:
        await message.answer(send_again(problem_text(problem, t), t))
        return
    announcement_id = int((await state.get_data())["announcement_id"])
    announcement = await announcements.schedule(announcement_id, when, by=user.id)
    announcer.schedule(announcement)
    await state.clear()
    local = course_texts.local_time(when, zone, t.locale)
    await message.answer(t("announce-scheduled", id=str(announcement_id), when=local, zone=zone))


@router.message(StateFilter(AnnounceForm), NOT_COMMAND)
async def unexpected_in_dialog(message: Message, t: Translator) -> None:
    await message.answer(t("announce-hint"))
