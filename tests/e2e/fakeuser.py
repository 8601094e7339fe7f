"""A simulated Telegram user: pushes updates into the emulator and reads the bot's replies."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.e2e.emulator import BotAPIEmulator, Call, SentMessage

__all__ = ["FakeUser"]

Params = dict[str, Any]

# Callback query ids are opaque numeric strings in Telegram; unique across all fake users.
_QUERY_IDS = itertools.count(4_300_000_000_000_000_001)


@dataclass(eq=False)
class FakeUser:
    """One Telegram user in a private chat with the bot."""

    emu: BotAPIEmulator
    user_id: int
    first_name: str = "Nodira"
    language_code: str | None = "ru"
    username: str | None = None
    last_name: str | None = None
    last_query_id: str | None = field(default=None, init=False)
    last_pressed: SentMessage | None = field(default=None, init=False)
    # index into emu.outbox: messages before it are consumed
    _cursor: int = field(default=0, init=False)

    # ------------------------------------------------------------------ identity
    @property
    def user(self) -> Params:
        user: Params = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                user[key] = getattr(self, key)
        return user

    @property
    def chat(self) -> Params:
        chat: Params = {"id": self.user_id, "type": "private", "first_name": self.first_name}
        if self.last_name is not None:
            chat["last_name"] = self.last_name
        if self.username is not None:
            chat["username"] = self.username
        return chat

    # ------------------------------------------------------------------ sending messages
    def _push_message(self, content: Params) -> Params:
        message: Params = {
            # shared per-chat counter: user and bot ids never collide, as in Telegram
            "message_id": self.emu.next_message_id(self.user_id),
            "from": self.user,
            "chat": self.chat,
            "date": int(time.time()),
            **content,
        }
        self.emu.push_update({"message": message})
        return message

    def send(self, text: str) -> Params:
        content: Params = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            length = len(command.encode("utf-16-le")) // 2
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._push_message(content)

    def _file(self, data: bytes, filename: str, mime: str | None, prefix: str) -> Params:
        # Registered in the emulator so the bot can getFile/copy what the user sent.
        stored = self.emu.register_file(data, filename, mime, prefix=prefix)
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(data),
            "mime_type": stored.mime_type,
        }

    def reply(self, to: SentMessage, text: str) -> Params:
        """Telegram's reply: a text quoting `to`, one of the bot's messages in this chat."""
        return self._push_message({"text": text, "reply_to_message": dict(to.raw)})

    def send_sticker(self, emoji: str = "👍") -> Params:
        sticker = self._file(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "sticker.webp", None, "CAAC")
        del sticker["mime_type"]  # Sticker objects carry no mime_type
        sticker.update(
            type="regular",
            width=512,
            height=512,
            is_animated=False,
            is_video=False,
            emoji=emoji,
            set_name="TestStickers",
        )
        return self._push_message({"sticker": sticker})

    def send_photo(self, caption: str | None = None, data: bytes | None = None) -> Params:
        body = data or b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
        full = self._file(body, "photo.jpg", "image/jpeg", "AgAC")
        del full["mime_type"]  # PhotoSize has no mime_type
        sizes = [
            {**full, "width": 90, "height": 90, "file_size": min(len(body), 1200)},
            {**full, "width": 1280, "height": 960},
        ]
        content: Params = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
        return self._push_message(content)

    def send_voice(self, duration: int = 3) -> Params:
        voice = self._file(b"OggS\x00\x02" + b"\x00" * 40, "voice.ogg", "audio/ogg", "AwAC")
        voice["duration"] = duration
        return self._push_message({"voice": voice})

    def send_document(
        self,
        filename: str = "x.pdf",
        data: bytes = b"%PDF-1.4\n%test\n",
        caption: str | None = None,
    ) -> Params:
        document = self._file(data, filename, None, "BQAC")
        document["file_name"] = filename
        content: Params = {"document": document}
        if caption is not None:
            content["caption"] = caption
        return self._push_message(content)

    def send_location(self, latitude: float = 41.311081, longitude: float = 69.240562) -> Params:
        return self._push_message({"location": {"latitude": latitude, "longitude": longitude}})

    def send_contact(self, phone_number: str = "+998901234567") -> Params:
        contact: Params = {
            "phone_number": phone_number,
            "first_name": self.first_name,
            "user_id": self.user_id,  # set by Telegram when the user shares their own contact
        }
        if self.last_name is not None:
            contact["last_name"] = self.last_name
        return self._push_message({"contact": contact})

    # ------------------------------------------------------------------ buttons
    def messages(self) -> list[SentMessage]:
        """All messages the bot sent to this chat, in send order (current state)."""
        return [m for m in self.emu.outbox if m.chat_id == self.user_id]

    def last_with_buttons(self) -> SentMessage | None:
        for message in reversed(self.messages()):
            if not message.deleted and message.buttons():
                return message
        return None

    def press(self, button_text: str, message: SentMessage | None = None) -> Params:
        """Press an inline button by text: exact match first, then substring match.

        Looks in `message`, or else in the newest live message of this chat with a match.
        """
        candidates = [message] if message is not None else list(reversed(self.messages()))
        for candidate in candidates:
            if candidate.deleted or not candidate.buttons():
                continue
            buttons = [b for row in candidate.buttons() for b in row]
            found = [b for b in buttons if b.get("text") == button_text]
            found = found or [b for b in buttons if button_text in str(b.get("text", ""))]
            if not found:
                continue
            if len(found) > 1 and found[0].get("text") != button_text:
                texts = [b.get("text") for b in found]
                raise AssertionError(f"{button_text!r} is ambiguous in {candidate}: {texts}")
            if "callback_data" not in found[0]:
                raise AssertionError(f"button {found[0]} in {candidate} has no callback_data")
            return self.press_data(str(found[0]["callback_data"]), candidate)
        shown = "\n".join(
            f"  {m}" for m in (candidates if message else self.messages()) if m.buttons()
        )
        raise AssertionError(
            f"no button {button_text!r} for user {self.user_id}; messages with buttons:\n"
            f"{shown or '  (none)'}"
        )

    def press_data(self, data: str, message: SentMessage) -> Params:
        """Push a callback_query with arbitrary (possibly forged) data for `message`."""
        query_id = str(next(_QUERY_IDS))
        query: Params = {
            "id": query_id,
            "from": self.user,
            # deep copy: later edits must not change what the bot already received
            "message": json.loads(json.dumps(message.raw)),
            "chat_instance": f"-{abs(hash((self.user_id, message.chat_id))) % 10**18}",
            "data": data,
        }
        self.last_query_id = query_id
        self.last_pressed = message
        self.emu.push_update({"callback_query": query})
        return query

    async def callback_answer(self, timeout: float = 10.0) -> Call:  # noqa: ASYNC109
        """The answerCallbackQuery call for the last pressed button."""
        if self.last_query_id is None:
            raise AssertionError("no button was pressed yet")
        query_id = self.last_query_id
        return await self.emu.wait_for_call(
            "answerCallbackQuery",
            lambda c: str(c.params.get("callback_query_id")) == query_id,
            timeout=timeout,
            since=0,
        )

    # ------------------------------------------------------------------ reading replies
    def _unread(self) -> list[tuple[int, SentMessage]]:
        outbox = self.emu.outbox
        return [
            (i, outbox[i])
            for i in range(self._cursor, len(outbox))
            if outbox[i].chat_id == self.user_id
        ]

    def drain(self) -> list[SentMessage]:
        """Consume and return everything received so far."""
        unread = [m for _, m in self._unread()]
        self._cursor = len(self.emu.outbox)
        return unread

    async def next_message(self, timeout: float = 10.0) -> SentMessage:  # noqa: ASYNC109
        def first() -> tuple[int, SentMessage] | None:
            unread = self._unread()
            return unread[0] if unread else None

        try:
            index, message = await self.emu.wait_for(first, timeout)
        except AssertionError as error:
            raise AssertionError(f"user {self.user_id} got no new message: {error}") from None
        self._cursor = index + 1
        return message

    async def expect(
        self,
        substring_or_predicate: str | Callable[[SentMessage], bool],
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> SentMessage:
        """Wait for the next message matching; messages skipped on the way are consumed."""
        matches: Callable[[SentMessage], bool]
        if isinstance(substring_or_predicate, str):
            wanted = substring_or_predicate
            matches, what = (lambda m: wanted in m.plain_text), repr(wanted)
        else:
            matches = substring_or_predicate
            what = getattr(substring_or_predicate, "__name__", "predicate")

        def find() -> tuple[int, SentMessage] | None:
            return next(((i, m) for i, m in self._unread() if matches(m)), None)

        try:
            index, message = await self.emu.wait_for(find, timeout)
        except AssertionError:
            got = "\n".join(f"  {m}" for _, m in self._unread()) or "  (nothing)"
            raise AssertionError(
                f"user {self.user_id} expected a message matching {what} within {timeout}s,"
                f" got instead:\n{got}\n{self.emu.dump_calls()}"
            ) from None
        self._cursor = index + 1
        return message

    async def expect_edit(
        self,
        substring: str,
        message: SentMessage | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> SentMessage:
        """Wait until `message` (default: the one whose button was pressed last) has been
        edited and its text contains `substring`."""
        target = message or self.last_pressed or self.last_with_buttons()
        if target is None:
            raise AssertionError(f"user {self.user_id}: no message to wait for an edit of")
        msg = target

        def edited() -> SentMessage | None:
            return msg if msg.edited and substring in msg.plain_text else None

        try:
            return await self.emu.wait_for(edited, timeout)
        except AssertionError as error:
            raise AssertionError(
                f"{msg} was not edited to contain {substring!r}: {error}"
            ) from None
