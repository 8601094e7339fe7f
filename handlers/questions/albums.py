"""An album (several photos or documents sent together) arrives as one message per file,
each with the album's `media_group_id` and the caption on one of them only. The first ends
the question (or answer) dialog like any message; the album's id is then kept in the FSM
data with where its files go, so that the others follow it instead of being lost to the
catch-all."""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.config import Settings
from bot.services.questions import QuestionService
from bot.ui.context import UpdateContext
from handlers.questions.common import content_of

router = Router(name=__name__)

ALBUM_KEY = "question_album"


async def remember_album(state: FSMContext, message: Message, **target: int) -> None:
    """After a question's or an answer's message: if it is an album's, where the album's
    other files go (`course_id` of a question, or `question_id` of an answer)."""
    if message.media_group_id:
        await state.update_data({ALBUM_KEY: {"id": message.media_group_id, **target}})


class AlbumGoesOn(Filter):
    """Another file of the album a question or an answer began with (album ids are unique,
    so a match is that album, whatever dialog has been opened since)."""

    async def __call__(self, message: Message, state: FSMContext) -> bool | dict[str, Any]:
        if not message.media_group_id:
            return False
        album = (await state.get_data()).get(ALBUM_KEY)
        if not isinstance(album, dict) or album.get("id") != message.media_group_id:
            return False
        return {"album": album}


@router.message(AlbumGoesOn())
async def album_goes_on(
    message: Message,
    ctx: UpdateContext,
    album: dict[str, Any],
    questions: QuestionService,
    settings: Settings,
) -> None:
    """Passed on like the album's first file, without a second "sent" or a second note to
    the other organisers."""
    content = content_of(message)
    question_id = int(album.get("question_id") or 0)
    if not question_id:
        course_id = int(album.get("course_id") or 0) or None
        await questions.ask(ctx.user.id, course_id, content, message.message_id)
    elif ctx.user.id in settings.admin_ids:
        sender = message.from_user
        name = sender.full_name if sender else ""
        await questions.answer(
            ctx.user.id, name, question_id, content, message.message_id, tell_others=False
        )
