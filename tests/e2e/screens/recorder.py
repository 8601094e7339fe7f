"""What one user saw in their chat with the bot during a flow, from the emulator's calls."""

from __future__ import annotations

import asyncio
import copy
import io
import time
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from tests.e2e.emulator import BotAPIEmulator, Call, SentMessage
from tests.e2e.fakeuser import FakeUser

Params = dict[str, Any]

# The bot has answered when it has taken every update and made no call for this long.
QUIET_SECONDS = 0.35
SETTLE_TIMEOUT = 20.0
SENDING = {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "sendMediaGroup"}
EDITING = {"editMessageText", "editMessageCaption", "editMessageReplyMarkup", "editMessageMedia"}


@dataclass
class UserAction:
    """Something the user did, placed before the call it preceded."""

    before_call: int
    item: Params
    query_id: str | None = None
    photo: bytes | None = None  # a photo the user sent: drawn from these bytes


@dataclass
class Photo:
    """A photo the bot sent; written next to the flow's JSON."""

    name: str
    data: bytes


@dataclass
class Recording:
    """One flow as the user saw it: `chat` items in order, and the photos they refer to."""

    chat: list[Params]
    photos: list[Photo] = field(default_factory=list)


class ChatRecorder:
    """Drives one FakeUser and records their chat from `begin()` to `finish()`."""

    def __init__(self, user: FakeUser) -> None:
        self.user = user
        self.emu: BotAPIEmulator = user.emu
        self.first_call = 0
        self.actions: list[UserAction] = []

    # ------------------------------------------------------------------ acting
    def begin(self) -> None:
        """Start a new recording: what came before is not shown."""
        self.first_call = len(self.emu.calls)
        self.actions = []
        self.user.drain()

    async def send(self, text: str) -> None:
        """Type and send `text`, then wait for the bot's answer."""
        self.actions.append(UserAction(len(self.emu.calls), {"from": "user", "text": text}))
        self.user.send(text)
        await self.settle()

    async def send_photo(self, data: bytes, caption: str | None = None) -> None:
        """Send a photo (with `caption`), then wait for the bot's answer."""
        item: Params = {"from": "user", "text": caption or ""}
        self.actions.append(UserAction(len(self.emu.calls), item, photo=data))
        self.user.send_photo(caption=caption, data=data)
        await self.settle()

    async def send_document(self, filename: str, data: bytes, caption: str | None = None) -> None:
        """Send a file as a document, then wait for the bot's answer."""
        item: Params = {
            "from": "user",
            "text": caption or "",
            "document": {"file_name": filename, "size": len(data)},
        }
        self.actions.append(UserAction(len(self.emu.calls), item))
        self.user.send_document(filename, data, caption)
        await self.settle()

    async def reply(self, to: SentMessage, text: str) -> None:
        """Telegram's reply to one of the bot's messages, then wait for the bot's answer."""
        item = {"from": "user", "text": text, "reply_to": _quoted(to.raw)}
        self.actions.append(UserAction(len(self.emu.calls), item))
        self.user.reply(to, text)
        await self.settle()

    async def press(
        self, text: str, message: SentMessage | None = None, again: bool = False
    ) -> None:
        """Press the button labelled `text` (in `message`, or the newest message showing it).
        `again`: one more tap of a series on the same message (names ticked one by one): the
        message as the tap before left it is not shown, only the taps and the result."""
        target, button = self.find_button(text, message)
        query = self.user.press_data(str(button["callback_data"]), target)
        item: Params = {"from": "user", "press": str(button["text"])}
        if again:
            item["again_on"] = target.message_id
        self.actions.append(UserAction(len(self.emu.calls), item, str(query["id"])))
        await self.settle()

    def find_button(
        self, text: str, message: SentMessage | None = None
    ) -> tuple[SentMessage, Params]:
        candidates = [message] if message else list(reversed(self.user.messages()))
        for exact in (True, False):
            for candidate in candidates:
                if candidate.deleted:
                    continue
                for row in candidate.buttons():
                    for button in row:
                        label = str(button.get("text", ""))
                        if (
                            label == text if exact else text in label
                        ) and "callback_data" in button:
                            return candidate, button
        shown = [m.button_texts() for m in candidates if m.buttons()][:3]
        raise AssertionError(f"no button {text!r} for user {self.user.user_id}; newest: {shown}")

    def has_button(self, text: str) -> bool:
        try:
            self.find_button(text)
        except AssertionError:
            return False
        return True

    def last_message(self) -> SentMessage:
        live = [m for m in self.user.messages() if not m.deleted]
        assert live, f"user {self.user.user_id} has no messages"
        return live[-1]

    async def settle(self) -> None:
        """Wait until the bot has taken every update and has been quiet for a moment."""
        deadline = time.monotonic() + SETTLE_TIMEOUT
        seen, quiet_since = -1, time.monotonic()
        while time.monotonic() < deadline:
            calls = sum(1 for c in self.emu.calls if c.method != "getUpdates")
            if calls != seen or self.emu.pending_updates():
                seen, quiet_since = calls, time.monotonic()
            elif time.monotonic() - quiet_since >= QUIET_SECONDS:
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"the bot did not settle:\n{self.emu.dump_calls()}")

    async def wait_for(self, predicate: Any, timeout: float = 30.0) -> None:  # noqa: ASYNC109
        """Wait for a message of this chat matching `predicate` (sent by a timer or worker)."""
        await self.emu.wait_for(
            lambda: any(predicate(m) for m in self.user.messages() if not m.deleted), timeout
        )
        await self.settle()

    # ------------------------------------------------------------------ recording
    def finish(self, stem: str) -> Recording:
        """The chat since `begin()`; photos are named `{stem}-photo-N.png`."""
        recording = Recording([])
        pending = sorted(self.actions, key=lambda a: a.before_call)
        queries = {a.query_id for a in self.actions if a.query_id}
        calls = self.emu.calls
        for index in range(self.first_call, len(calls) + 1):
            while pending and pending[0].before_call <= index:
                recording.chat.append(self._user_item(pending.pop(0), recording, stem))
            if index < len(calls):
                self._add_call(calls[index], recording, queries, stem)
        recording.chat.extend(self._user_item(a, recording, stem) for a in pending)
        return recording

    @staticmethod
    def _user_item(action: UserAction, recording: Recording, stem: str) -> Params:
        item = dict(action.item)
        again_on = item.pop("again_on", None)
        if again_on is not None:
            _drop_last_edit(recording.chat, again_on)
        if action.photo is None:
            return item
        return {**item, **_photo(action.photo, recording, stem)}

    def _add_call(self, call: Call, recording: Recording, queries: set[str], stem: str) -> None:
        if not call.ok or call.response is None:
            return
        params, result = call.params, call.response.get("result")
        chat_id = self.user.user_id
        if call.method == "answerCallbackQuery":
            if str(params.get("callback_query_id")) in queries and params.get("text"):
                alert = str(params.get("show_alert", "")).lower() in ("true", "1")
                recording.chat.append({"popup": str(params["text"]), "alert": alert})
            return
        if call.method == "deleteMessage":
            if int(params.get("chat_id", 0)) == chat_id:
                gone = int(params["message_id"])
                recording.chat[:] = [i for i in recording.chat if i.get("message_id") != gone]
            return
        if call.method == "copyMessage" and isinstance(result, dict):
            sent = self.emu.messages.get((int(params["chat_id"]), int(result["message_id"])))
            result = sent.raw if sent is not None else None
        if call.method == "sendMediaGroup" and isinstance(result, list):
            for message in result:
                self._add_message(message, False, recording, stem)
            return
        if call.method in SENDING | EDITING and isinstance(result, dict):
            if int(result.get("chat", {}).get("id", 0)) != chat_id:
                return
            if call.method in EDITING and self._only_closes_buttons(result, recording):
                return
            self._add_message(result, call.method in EDITING, recording, stem)

    @staticmethod
    def _only_closes_buttons(result: Params, recording: Recording) -> bool:
        """An edit that just removes the buttons once pressed: the earlier bubble, with the
        buttons as they were pressed, tells more."""
        before = next(
            (i for i in reversed(recording.chat) if i.get("message_id") == result["message_id"]),
            None,
        )
        text = result.get("text", result.get("caption"))
        return (
            before is not None
            and before.get("text") == text
            and not (result.get("reply_markup") or {}).get("inline_keyboard")
        )

    def _add_message(self, raw: Params, edited: bool, recording: Recording, stem: str) -> None:
        raw = copy.deepcopy(raw)
        item: Params = {"from": "bot", "message_id": raw["message_id"]}
        if edited:
            item["edited"] = True
        if "text" in raw:
            item["text"] = raw["text"]
            item["entities"] = raw.get("entities", [])
        if "caption" in raw:
            item["text"] = raw["caption"]
            item["entities"] = raw.get("caption_entities", [])
        if "document" in raw:
            document = raw["document"]
            item["document"] = {
                "file_name": document.get("file_name", "file"),
                "size": document.get("file_size", 0),
            }
        if "photo" in raw:
            sent = self.emu.messages.get((self.user.user_id, int(raw["message_id"])))
            item.update(_photo(sent.photo if sent is not None else None, recording, stem))
        if raw.get("reply_to_message"):
            item["reply_to"] = _quoted(raw["reply_to_message"])
        rows = (raw.get("reply_markup") or {}).get("inline_keyboard") or []
        if rows:
            item["buttons"] = [[_button(b) for b in row] for row in rows]
        recording.chat.append(item)


def _button(button: Params) -> Params:
    """A button as shown: its label, and whether it opens a link (Telegram marks those ↗)."""
    shown: Params = {"text": str(button.get("text", ""))}
    if "url" in button:
        shown["url"] = True
    return shown


def _drop_last_edit(chat: list[Params], message_id: int) -> None:
    """Remove the edit of `message_id` the tap before made (since the user's last action)."""
    for index in range(len(chat) - 1, -1, -1):
        item = chat[index]
        if item.get("from") == "user":
            return
        if item.get("message_id") == message_id and item.get("edited"):
            del chat[index]
            return


def _photo(data: bytes | None, recording: Recording, stem: str) -> Params:
    """A photo as the page shows it: the picture saved as `{stem}-photo-N.png`, or a
    placeholder when the bytes are no picture (the tests' stand-in JPEGs)."""
    try:
        with Image.open(io.BytesIO(data or b"")) as image:
            png = io.BytesIO()
            image.convert("RGB").save(png, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError):
        return {"photo_placeholder": True}
    photo = Photo(f"{stem}-photo-{len(recording.photos) + 1}.png", png.getvalue())
    recording.photos.append(photo)
    return {"photo": photo.name}


def _quoted(message: Params) -> str:
    """What a reply quotes: the first line of the message replied to (or its kind)."""
    text = str(message.get("text") or message.get("caption") or "").strip()
    if text:
        return text.splitlines()[0]
    if "photo" in message:
        return "Photo"
    if "document" in message:
        return str(message["document"].get("file_name", "File"))
    return "Message"
