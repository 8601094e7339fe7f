"""Level 2: the production Dispatcher fed with Update objects through a recording session."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendMessage,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
    User,
)

BOT_USER = User(id=7000000001, is_bot=True, first_name="Courses", username="courses_test_bot")


class RecordingSession(BaseSession):
    """Records every request and answers with a Bot API shaped result; sends nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self._message_ids = itertools.count(1000)
        # Method class -> the error its next calls raise (as Telegram would answer).
        self.failures: dict[type[TelegramMethod[Any]], Exception] = {}

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (BaseSession's signature)
    ) -> TelegramType:
        self.requests.append(method)
        failure = self.failures.get(type(method))
        if failure is not None:
            raise failure
        if isinstance(method, SendMessage):
            result: Any = self._message(int(method.chat_id), method.text, method.reply_markup)
        elif isinstance(method, EditMessageText):
            result = self._message(
                int(method.chat_id or 0), method.text, method.reply_markup, method.message_id
            )
        elif isinstance(method, EditMessageReplyMarkup):
            result = self._message(
                int(method.chat_id or 0), "", method.reply_markup, method.message_id
            )
        elif isinstance(method, GetMe):
            result = BOT_USER
        elif getattr(method, "__returning__", None) is Message:
            # sendDocument, sendPhoto ...: a message like the real server's answer.
            chat_id = int(getattr(method, "chat_id", 0) or 0)
            result = self._message(chat_id, getattr(method, "caption", None) or "", None)
        else:
            result = True
        return cast(TelegramType, result)

    def _message(
        self, chat_id: int, text: str, markup: Any, message_id: int | None = None
    ) -> Message:
        return Message(
            message_id=message_id or next(self._message_ids),
            date=datetime.now(UTC),
            chat=Chat(id=chat_id, type="private"),
            from_user=BOT_USER,
            text=text,
            reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
        )

    async def close(self) -> None:
        pass

    async def stream_content(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover
        raise NotImplementedError


@dataclass
class Chatter:
    """One simulated user talking to the production Dispatcher."""

    dp: Dispatcher
    bot: Bot
    user: User
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def session(self) -> RecordingSession:
        assert isinstance(self.bot.session, RecordingSession)
        return self.bot.session

    def mark(self) -> int:
        return len(self.session.requests)

    async def send(self, text: str) -> list[TelegramMethod[Any]]:
        entities = None
        if text.startswith("/"):
            length = len(text.split()[0])
            entities = [MessageEntity(type="bot_command", offset=0, length=length)]
        return await self.feed(self._message(text=text, entities=entities))

    async def send_sticker(self) -> list[TelegramMethod[Any]]:
        message = self._message(
            sticker={
                "file_id": "CAAC",
                "file_unique_id": "u1",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        )
        return await self.feed(message)

    def _message(self, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._ids),
            "date": int(datetime.now(UTC).timestamp()),
            "chat": {"id": self.user.id, "type": "private", "first_name": self.user.first_name},
            "from": self.user.model_dump(exclude_none=True),
            **content,
        }

    async def press(self, data: str, message: Message | None = None) -> list[TelegramMethod[Any]]:
        query = CallbackQuery(
            id=f"q{next(self._ids)}",
            from_user=self.user,
            chat_instance="ci",
            data=data,
            message=message
            or Message(
                message_id=1,
                date=datetime.now(UTC),
                chat=Chat(id=self.user.id, type="private"),
                from_user=BOT_USER,
                text="...",
            ),
        )
        return await self.feed_update({"callback_query": query.model_dump(by_alias=True)})

    async def feed(self, message: dict[str, Any]) -> list[TelegramMethod[Any]]:
        return await self.feed_update({"message": message})

    async def feed_update(self, payload: dict[str, Any]) -> list[TelegramMethod[Any]]:
        start = self.mark()
        update = Update.model_validate({"update_id": next(self._ids), **payload})
        await self.dp.feed_update(self.bot, update)
        return self.session.requests[start:]


def texts(requests: list[TelegramMethod[Any]]) -> list[str]:
    """What the user would read: texts of sent/edited messages and callback answers."""
    out = []
    for request in requests:
        if isinstance(request, (SendMessage, EditMessageText)) or (
            isinstance(request, AnswerCallbackQuery) and request.text
        ):
            out.append(request.text)
    return out


def buttons(request: TelegramMethod[Any]) -> dict[str, str]:
    """Inline button text -> callback data of a sent message."""
    markup = getattr(request, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return {}
    return {b.text: b.callback_data or "" for row in markup.inline_keyboard for b in row}


async def asked_message_id(chatter: Chatter) -> int | None:
    """The message of the question a dialog is asking (kept as `question` in its data)."""
    key = StorageKey(bot_id=chatter.bot.id, chat_id=chatter.user.id, user_id=chatter.user.id)
    value = (await chatter.dp.storage.get_data(key)).get("question")
    return None if value is None else int(value)


def removed_buttons(requests: list[TelegramMethod[Any]]) -> list[tuple[int, Any]]:
    """(message id, new markup) of every keyboard taken away or replaced alone."""
    return [
        (r.message_id or 0, r.reply_markup)
        for r in requests
        if isinstance(r, EditMessageReplyMarkup)
    ]


async def press_under_question(chatter: Chatter, data: str) -> list[TelegramMethod[Any]]:
    """Press a button under the question the dialog is asking (a dialog's ‹ Back, Keep as it
    is and ✖️ Cancel count only there)."""
    return await chatter.press(data, await question_message(chatter))


async def question_message(chatter: Chatter) -> Message:
    """The message of the question being asked, to press its buttons."""
    asked = await asked_message_id(chatter)
    assert asked is not None, "no question is being asked"
    return Message(
        message_id=asked,
        date=datetime.now(UTC),
        chat=Chat(id=chatter.user.id, type="private"),
        from_user=BOT_USER,
        text="...",
    )
