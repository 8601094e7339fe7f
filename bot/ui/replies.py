"""Small helpers every button and dialog handler needs.

A button's message is an InaccessibleMessage once Telegram no longer lets the bot touch it
(older than 48 hours): it cannot be edited or replied to, so these helpers do nothing then,
and handlers need not ask `isinstance(callback.message, Message)` each time."""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, InputFile, Message

from bot.ui.context import UpdateContext
from bot.ui.telegram_text import utf16_length

CAPTION_LIMIT = 1024

# Commands typed in the middle of a dialog (/help, /cancel, /forget ...) go to their own
# handlers, not into the dialog's answer.
NOT_COMMAND = ~F.text.startswith("/")


def message_of(callback: CallbackQuery) -> Message | None:
    """The message under the button, or None when it can no longer be edited."""
    return callback.message if isinstance(callback.message, Message) else None


async def edit(
    callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the text (and the buttons) of the message the button was under."""
    message = message_of(callback)
    if message is not None:
        await message.edit_text(text, reply_markup=markup)


async def show_in_place(
    callback: CallbackQuery, ctx: UpdateContext, text: str, markup: InlineKeyboardMarkup
) -> None:
    """In place of the message the button was under (a notice, a list), or as a new message
    when that one can no longer be edited."""
    if message_of(callback) is not None:
        await edit(callback, text, markup)
    else:
        await ctx.send(text, markup)


async def edit_buttons(callback: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    """Replace only the buttons (None removes them)."""
    message = message_of(callback)
    if message is not None:
        await message.edit_reply_markup(reply_markup=markup)


async def say(callback: CallbackQuery, text: str) -> None:
    """A new message below the one the button was under."""
    message = message_of(callback)
    if message is not None:
        await message.answer(text)


async def close_buttons(callback: CallbackQuery) -> None:
    """Answer the press and remove the keyboard, so the same question cannot be answered twice."""
    await callback.answer()
    await edit_buttons(callback, None)


async def send_file_with_text(bot: Bot, chat_id: int, document: InputFile, text: str) -> Message:
    """A file and its text: one message when the text fits a caption, so the two can never
    be separated; a longer text first, then the file. Returns the file's message."""
    # Measured on the HTML, which is never shorter than the text Telegram counts.
    if utf16_length(text) <= CAPTION_LIMIT:
        return await bot.send_document(chat_id, document, caption=text)
    await bot.send_message(chat_id, text)
    return await bot.send_document(chat_id, document)
