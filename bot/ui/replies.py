"""Small helpers every button handler needs."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message


def chat_of(callback: CallbackQuery) -> int:
    """Where to answer a button press; works for old (inaccessible) messages too."""
    return callback.message.chat.id if callback.message else callback.from_user.id


async def close_buttons(callback: CallbackQuery) -> None:
    """Answer the press and remove the keyboard, so the same question cannot be answered twice."""
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(reply_markup=None)
