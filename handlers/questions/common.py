"""What the questions' handlers share: the dialogs' states and what a message carries."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from bot.errors import InvalidInput
from storage.questions import Content


class AskQuestion(StatesGroup):
    text = State()  # data: course_id (0: a general question)


class AnswerQuestion(StatesGroup):
    text = State()  # data: question_id


def content_of(message: Message) -> Content:
    """The text, or the photo or document with its caption; anything else (a sticker, a
    voice message) cannot be passed on, and the sender is told so."""
    if message.photo:
        return Content(message.caption or "", "photo", message.photo[-1].file_id)
    if message.document:
        return Content(message.caption or "", "document", message.document.file_id)
    if message.text:
        return Content(message.text)
    raise InvalidInput("question-error-kind")
