"""‹ Back and "Keep as it is" in the announce dialog: Back asks the previous question again
with its answer kept (shown); Keep goes on with that answer unchanged."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.announcer import Announcer
from bot.errors import InvalidInput
from bot.services.announcements import AnnouncementService
from bot.ui.callbacks import DialogAction, DialogCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import pressed_under_question
from bot.ui.replies import close_buttons
from handlers.announce import compose
from handlers.announce.audience import ask_audience, ask_audience_course
from handlers.announce.common import AnnounceForm, draft, from_course
from handlers.announce.options import ask_course_button, ask_daytime, create_and_preview
from handlers.announce.schedule import back_to_preview

router = Router(name=__name__)


@router.callback_query(StateFilter(AnnounceForm), DialogCb.filter(F.action == DialogAction.BACK))
async def back(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    await pressed_under_question(callback, state)
    step = await state.get_state()
    from_a_course = await from_course(state)
    if step == AnnounceForm.text_en.state or (
        step == AnnounceForm.audience.state and from_a_course
    ):
        raise InvalidInput("error-button-expired")  # the first question: nothing before it
    await close_buttons(callback)
    if step == AnnounceForm.text_ru.state:
        await compose.ask_text_en(ctx, state)
    elif step == AnnounceForm.media.state:
        await compose.ask_text_ru(ctx, state)
    elif step == AnnounceForm.audience.state:
        await compose.ask_media(ctx, state)
    elif step == AnnounceForm.audience_status.state:
        await ask_audience_course(ctx, state, announcements)
    elif step in (
        AnnounceForm.audience_course.state,
        AnnounceForm.audience_language.state,
        AnnounceForm.audience_countries.state,
        AnnounceForm.course_button.state,
    ):
        await ask_audience(ctx, state, announcements)
    elif step == AnnounceForm.daytime.state:
        if from_a_course:
            await ask_audience(ctx, state, announcements)
        else:
            await ask_course_button(ctx, state, announcements)
    elif step == AnnounceForm.preview.state:
        # The draft saved for the preview stays a draft (never listed nor sent); answering
        # the last question again saves a new one.
        await ask_daytime(ctx, state)
    else:  # the time to schedule, or the confirmation: the preview's choices again
        announcement_id = int((await state.get_data())["announcement_id"])
        await back_to_preview(ctx, state, announcements, announcement_id)


@router.callback_query(StateFilter(AnnounceForm), DialogCb.filter(F.action == DialogAction.KEEP))
async def keep_as_it_is(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    """The answer given before stays; on to the next question."""
    await pressed_under_question(callback, state)
    step = await state.get_state()
    answers = await draft(state)
    kept = {
        AnnounceForm.text_en.state: "text_en",
        AnnounceForm.text_ru.state: "text_ru",
        AnnounceForm.media.state: "media_type",
        AnnounceForm.audience.state: "audience",
        AnnounceForm.course_button.state: "course_button",
        AnnounceForm.daytime.state: "daytime",
    }.get(step or "")
    if kept is None or kept not in answers:
        raise InvalidInput("error-button-expired")
    if step == AnnounceForm.media.state:
        compose.check_caption(answers)  # the texts may have grown since the file was added
    await close_buttons(callback)
    if step == AnnounceForm.text_en.state:
        await compose.ask_text_ru(ctx, state)
    elif step == AnnounceForm.text_ru.state:
        await compose.ask_media(ctx, state)
    elif step == AnnounceForm.media.state:
        await ask_audience(ctx, state, announcements)
    elif step == AnnounceForm.audience.state:
        await ask_course_button(ctx, state, announcements)
    elif step == AnnounceForm.course_button.state:
        await ask_daytime(ctx, state)
    else:
        await create_and_preview(ctx, state, announcements, announcer)
