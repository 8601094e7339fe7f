"""What the questions' handlers share: the dialogs' states and what a message carries."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.questions import Answered
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


def answer_sent(answered: Answered, t: Translator) -> str:
    """What the organiser who answered reads: to whom it went, and who had answered first."""
    officer = answered.officer.full_name or str(answered.officer.id)
    if not answered.earlier:
        return t("question-answer-sent", name=officer)
    names = [name or t.plain("question-another-organiser") for name in answered.earlier]
    # Two without a name in the bot read "another organiser" once.
    unique = ", ".join(dict.fromkeys(names))
    return t("question-answer-sent-after", name=officer, organisers=unique)
