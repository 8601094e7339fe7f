"""Groups, supergroups and channels: the bot talks to people only in private chats.

Registered first, so no other router ever sees an update from a shared chat: nothing personal
(a profile, a participant list, an organiser screen) can be shown where others read along."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.i18n import Translator

router = Router(name=__name__)
router.message.filter(F.chat.type != ChatType.PRIVATE)
# A press on a message in a group (message is None only for inline-mode messages, not used).
router.callback_query.filter(F.message.chat.type != ChatType.PRIVATE)


@router.message()
async def write_privately(message: Message, bot: Bot, t: Translator) -> None:
    me = await bot.me()  # cached by aiogram after the first call
    markup = None
    if me.username:
        button = InlineKeyboardButton(
            text=t("button-group-open-private"), url=f"https://t.me/{me.username}"
        )
        markup = InlineKeyboardMarkup(inline_keyboard=[[button]])
    await message.answer(t("group-private-only"), reply_markup=markup)


@router.callback_query()
async def press_in_group(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer(t.plain("group-private-only"), show_alert=True)
