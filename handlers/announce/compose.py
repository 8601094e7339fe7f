"""The announcement's content: texts in both languages (formatting kept) and an optional
photo or document; or, from a course just published, the course's own texts."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.replies import NOT_COMMAND, close_buttons
from bot.ui.telegram_text import entities_as_html, utf16_length
from handlers.announce.common import (
    AnnounceForm,
    ask,
    ask_audience,
    cb,
    draft,
    keep,
    keyboard,
)

router = Router(name=__name__)

CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096


@router.message(Command("announce"))
async def announce(message: Message, t: Translator, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.text_en)
    await state.set_data({"draft": {}})
    await message.answer(
        t("announce-ask-text-en"),
        reply_markup=keyboard((t("button-skip"), cb(AnnounceAction.SKIP))),
    )


@router.message(AnnounceForm.text_en, F.text, NOT_COMMAND)
async def text_en(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    await keep(state, text_en=message_text(message))
    await _ask_ru(ctx, state)


async def _ask_ru(ctx: UpdateContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.text_ru)
    same = (ctx.t("button-announce-same-text"), cb(AnnounceAction.SAME))
    buttons = [same] if (await draft(state)).get("text_en") else []
    await ask(ctx, "announce-ask-text-ru", *buttons)


@router.message(AnnounceForm.text_ru, F.text, NOT_COMMAND)
async def text_ru(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    await keep(state, text_ru=message_text(message))
    await _ask_media(ctx, state)


def message_text(message: Message) -> str:
    """The text with its formatting, as Telegram HTML (bold, italic, links kept exactly)."""
    text = entities_as_html(message.text or "", message.entities)
    if utf16_length(message.text or "") > TEXT_LIMIT:
        raise InvalidInput("announce-error-too-long", max=TEXT_LIMIT)
    return text


async def _ask_media(ctx: UpdateContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.media)
    await ask(ctx, "announce-ask-media", (ctx.t("button-skip"), cb(AnnounceAction.SKIP)))


@router.message(AnnounceForm.media, F.photo | F.document)
async def media(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    texts = await draft(state)
    longest = max(
        utf16_length(texts.get("text_en") or ""), utf16_length(texts.get("text_ru") or "")
    )
    if longest > CAPTION_LIMIT:
        raise InvalidInput("announce-error-caption", max=CAPTION_LIMIT)
    if message.photo:
        await keep(state, media_type="photo", media_file_id=message.photo[-1].file_id)
    elif message.document:
        await keep(state, media_type="document", media_file_id=message.document.file_id)
    await ask_audience(ctx, state)


@router.callback_query(
    StateFilter(AnnounceForm.text_en, AnnounceForm.text_ru, AnnounceForm.media),
    AnnounceCb.filter(F.action.in_({AnnounceAction.SKIP, AnnounceAction.SAME})),
)
async def skip_step(
    callback: CallbackQuery, callback_data: AnnounceCb, ctx: UpdateContext, state: FSMContext
) -> None:
    await close_buttons(callback)
    step = await state.get_state()
    if step == AnnounceForm.text_en.state:
        await _ask_ru(ctx, state)
    elif step == AnnounceForm.text_ru.state:
        if not (await draft(state)).get("text_en") and callback_data.action == AnnounceAction.SKIP:
            raise InvalidInput("announce-error-empty")
        await _ask_media(ctx, state)
    else:
        await ask_audience(ctx, state)
