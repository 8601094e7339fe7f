"""The announcement's content: texts in both languages (formatting kept) and an optional
photo or document; or, from a course just published, the course's own texts."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.errors import InvalidInput
from bot.services.announcements import AnnouncementService
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.replies import NOT_COMMAND, close_buttons
from bot.ui.telegram_text import entities_as_html, utf16_length
from handlers.announce.audience import ask_audience
from handlers.announce.common import (
    AnnounceForm,
    ask,
    button_id,
    cb,
    draft,
    forget,
    keep,
    quoted,
)

router = Router(name=__name__)

CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096


@router.message(Command("announce"))
async def announce(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    await state.set_data({"draft": {}})
    await ask_text_en(ctx, state)


async def ask_text_en(ctx: UpdateContext, state: FSMContext) -> None:
    text = (await draft(state)).get("text_en")
    skip = (ctx.t("button-skip"), cb(AnnounceAction.SKIP))
    kept = quoted(text) if text else None
    await ask(ctx, state, AnnounceForm.text_en, "announce-ask-text-en", skip, kept=kept)


@router.message(AnnounceForm.text_en, F.text, NOT_COMMAND)
async def text_en(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    await keep(state, text_en=message_text(message))
    await ask_text_ru(ctx, state)


async def ask_text_ru(ctx: UpdateContext, state: FSMContext) -> None:
    answers = await draft(state)
    same = (ctx.t("button-announce-same-text"), cb(AnnounceAction.SAME))
    buttons = [same] if answers.get("text_en") else []
    kept: str | None
    if answers.get("text_ru"):
        kept = quoted(answers["text_ru"])
    elif "text_ru" in answers and answers.get("text_en"):  # "Same text for everyone" before
        kept = ctx.t("button-announce-same-text")
    else:
        kept = None
    # Without an English text there is nothing to send to all: the question does not offer it.
    key = "announce-ask-text-ru" if buttons else "announce-ask-text-ru-only"
    await ask(ctx, state, AnnounceForm.text_ru, key, *buttons, kept=kept)


@router.message(AnnounceForm.text_ru, F.text, NOT_COMMAND)
async def text_ru(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    await keep(state, text_ru=message_text(message))
    await ask_media(ctx, state)


def message_text(message: Message) -> str:
    """The text with its formatting, as Telegram HTML (bold, italic, links kept exactly)."""
    text = entities_as_html(message.text or "", message.entities)
    if utf16_length(message.text or "") > TEXT_LIMIT:
        raise InvalidInput("announce-error-too-long", max=TEXT_LIMIT)
    return text


async def ask_media(ctx: UpdateContext, state: FSMContext) -> None:
    answers = await draft(state)
    kept = None
    if "media_type" in answers:  # answered before: a file, or Skip (none)
        kind = answers.get("media_type") or "none"
        kept = ctx.t(f"announce-kept-media-{kind}")
    skip = (ctx.t("button-skip"), cb(AnnounceAction.SKIP))
    await ask(ctx, state, AnnounceForm.media, "announce-ask-media", skip, kept=kept)


@router.message(AnnounceForm.media, F.photo | F.document)
async def media(
    message: Message, ctx: UpdateContext, state: FSMContext, announcements: AnnouncementService
) -> None:
    check_caption(await draft(state))
    if message.photo:
        await keep(state, media_type="photo", media_file_id=message.photo[-1].file_id)
    elif message.document:
        await keep(state, media_type="document", media_file_id=message.document.file_id)
    await ask_audience(ctx, state, announcements)


def check_caption(answers: dict[str, Any]) -> None:
    """With a file the texts are its caption, which Telegram caps at 1024 characters."""
    longest = max(
        utf16_length(answers.get("text_en") or ""), utf16_length(answers.get("text_ru") or "")
    )
    if longest > CAPTION_LIMIT:
        raise InvalidInput("announce-error-caption", max=CAPTION_LIMIT)


@router.callback_query(
    StateFilter(AnnounceForm.text_en, AnnounceForm.text_ru, AnnounceForm.media),
    AnnounceCb.filter(F.action.in_({AnnounceAction.SKIP, AnnounceAction.SAME})),
)
async def skip_step(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    """Skip: no text in this language, or no file; "Same text for everyone": no Russian one.
    After going back, skipping takes out what was given before."""
    step = await state.get_state()
    if step == AnnounceForm.text_ru.state and not (await draft(state)).get("text_en"):
        raise InvalidInput("announce-error-empty")
    await close_buttons(callback)
    if step == AnnounceForm.text_en.state:
        await forget(state, "text_en")
        await ask_text_ru(ctx, state)
    elif step == AnnounceForm.text_ru.state:
        await keep(state, text_ru=None)
        await ask_media(ctx, state)
    else:
        await keep(state, media_type=None, media_file_id=None)
        await ask_audience(ctx, state, announcements)


# No state filter: the button sits under the organiser's card after publishing. Tried after
# the audience step, which takes every button pressed while it is asked.
@router.callback_query(AnnounceCb.filter(F.action == AnnounceAction.FROM_COURSE))
async def announce_course(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    """After publishing: the course's texts and its Sign up button, straight to the audience."""
    course_id = button_id(callback_data.value, "error-course-not-found")
    answers = await announcements.draft_of_course(course_id)
    await callback.answer()
    await state.set_data({"draft": answers, "from_course": True})
    await ask_audience(ctx, state, announcements)
