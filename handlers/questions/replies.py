"""Answers and follow-ups by Telegram's reply: an organiser replying to the copy of a
question (or to the note that another organiser answered it) answers it; the officer
replying to an answer, or to their own question, asks again in the same thread. A reply to
anything else is not ours and goes on to the other handlers (a quoted message in an
announcement's text, say). An edited question or answer is not passed on: its author is
told so."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.config import Settings
from bot.services.questions import QuestionService
from bot.ui.context import UpdateContext
from handlers.questions.albums import remember_album
from handlers.questions.common import answer_sent, content_of
from storage.questions import ThreadMessage

router = Router(name=__name__)
# Messages from shared chats never get here (handlers/groups.py answers them); edits are not
# among what it catches, so they are kept to private chats here.
router.edited_message.filter(F.chat.type == ChatType.PRIVATE)


class RepliesInThread(Filter):
    """A reply quoting a thread message's copy in the sender's own chat, by the one it is
    for: an organiser (`organiser=True`) replying to someone else's question, or the
    thread's officer replying to an answer or to their own question. Matched by chat and
    message id, so a reply to a forged id in someone else's chat matches nothing."""

    def __init__(self, organiser: bool) -> None:
        self.organiser = organiser

    async def __call__(
        self, message: Message, questions: QuestionService, settings: Settings
    ) -> bool | dict[str, Any]:
        quoted = message.reply_to_message
        sender = message.from_user
        if quoted is None or sender is None or (message.text or "").startswith("/"):
            return False
        found = await questions.replied_to(message.chat.id, quoted.message_id)
        if found is None:
            return False
        if self.organiser:
            # An organiser asking as a participant adds to their question, not answers it.
            mine = (
                found.is_question
                and found.officer_id != sender.id
                and sender.id in settings.admin_ids
            )
        else:
            mine = found.officer_id == sender.id
        return {"quoted": found} if mine else False


@router.message(RepliesInThread(organiser=True))
async def organiser_answers(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    questions: QuestionService,
    quoted: ThreadMessage,
) -> None:
    content = content_of(message)
    sender = message.from_user
    name = sender.full_name if sender else ""
    answered = await questions.answer(ctx.user.id, name, quoted.id, content, message.message_id)
    await remember_album(state, message, question_id=quoted.id)
    await message.answer(answer_sent(answered, ctx.t))


@router.message(RepliesInThread(organiser=False))
async def officer_asks_again(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    questions: QuestionService,
    quoted: ThreadMessage,
) -> None:
    await questions.ask(ctx.user.id, quoted.course_id, content_of(message), message.message_id)
    await remember_album(state, message, course_id=quoted.course_id or 0)
    await message.answer(ctx.t("question-sent"))


class EditOfThreadMessage(Filter):
    """An edit of the sender's own question or answer: Telegram tells the bot, but the
    copies already sent do not change."""

    async def __call__(
        self, message: Message, questions: QuestionService
    ) -> bool | dict[str, Any]:
        sender = message.from_user
        if sender is None:
            return False
        found = await questions.replied_to(message.chat.id, message.message_id)
        if found is None:
            return False
        author = found.officer_id if found.is_question else found.organiser_id
        return {"edited": found} if author == sender.id else False


@router.edited_message(EditOfThreadMessage())
async def edit_not_passed_on(message: Message, ctx: UpdateContext, edited: ThreadMessage) -> None:
    key = "question-edit-not-passed" if edited.is_question else "question-answer-edit-not-passed"
    await message.reply(ctx.t(key))
