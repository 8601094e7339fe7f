"""What every handler needs to answer the person behind an update, in one object.

The user middleware builds it per update (bot/middlewares.py) for people the bot holds a row
for, so a handler's parameters name only its event, its callback data, its dialog state and the
one service it calls: `async def view(callback, callback_data, ctx: UpdateContext, signups)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup, Message

from bot.i18n import Translator
from storage.users import User


@dataclass(frozen=True)
class UpdateContext:
    bot: Bot
    chat_id: int  # where answers go: the chat of the message or of the pressed button
    user: User  # the sender's row, refreshed for this update
    t: Translator  # in the sender's language
    office_zone: str  # DEFAULT_TIMEZONE

    @property
    def locale(self) -> str:
        return self.t.locale

    @property
    def zone(self) -> str:
        """The sender's time zone; the office's until they have chosen one."""
        return self.user.timezone or self.office_zone

    async def send(self, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
        """A new message in the chat."""
        return await self.bot.send_message(self.chat_id, text, reply_markup=markup)

    async def send_file(self, document: BufferedInputFile, caption: str | None = None) -> Message:
        return await self.bot.send_document(self.chat_id, document, caption=caption)
