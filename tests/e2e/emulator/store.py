"""The emulator's state: chats and their users, messages both ways, files, pending updates."""

from __future__ import annotations

import mimetypes
from typing import Any

from tests.e2e.emulator.model import Params, SentMessage, StoredFile

Key = tuple[int, int]  # (chat_id, message_id)


class Store:
    """Chats, messages, files and callback queries as Telegram would hold them."""

    def __init__(self, bot_user: Params) -> None:
        self.bot_user = bot_user
        self.users: dict[int, Params] = {}
        self.messages: dict[Key, SentMessage] = {}
        self.outbox: list[SentMessage] = []
        self.user_messages: dict[Key, Params] = {}  # messages pushed by users
        self.deleted_user_messages: set[Key] = set()
        self.commands: dict[tuple[str, str], list[Params]] = {}
        self.settings: dict[str, Any] = {}  # setMyDescription & co: last value per method
        self.files: dict[str, StoredFile] = {}
        self.file_paths: dict[str, str] = {}
        self.open_queries: set[str] = set()
        self._msg_ids: dict[int, int] = {}
        self._file_seq = 0

    def next_message_id(self, chat_id: int) -> int:
        """Per-chat message ids, shared by bot and user messages as in real private chats."""
        self._msg_ids[chat_id] = self._msg_ids.get(chat_id, 0) + 1
        return self._msg_ids[chat_id]

    def remember(self, update: Params) -> None:
        """Note the users, user messages and callback queries an update brings."""
        for kind in ("message", "edited_message", "callback_query"):
            body = update.get(kind)
            if not isinstance(body, dict):
                continue
            sender = body.get("from")
            if isinstance(sender, dict) and "id" in sender:
                self.users[int(sender["id"])] = sender
            if kind == "callback_query":
                self.open_queries.add(str(body.get("id")))
            elif "chat" in body and "message_id" in body:
                chat_id, message_id = int(body["chat"]["id"]), int(body["message_id"])
                self.user_messages[(chat_id, message_id)] = body
                # Keep bot ids above ids the test chose itself.
                self._msg_ids[chat_id] = max(self._msg_ids.get(chat_id, 0), message_id)

    def chat(self, chat_id: int) -> Params:
        """The Chat object of a private chat (or of a group, for negative ids)."""
        if chat_id < 0:
            return {"id": chat_id, "type": "supergroup", "title": "Group"}
        user = self.users.get(chat_id, {})
        chat: Params = {"id": chat_id, "type": "private"}
        chat["first_name"] = user.get("first_name", "User")
        for key in ("last_name", "username"):
            if user.get(key):
                chat[key] = user[key]
        return chat

    def live_message(self, key: Key) -> Params | None:
        """A message as it stands now, from the bot or a user, unless it was deleted."""
        sent = self.messages.get(key)
        raw = sent.raw if sent is not None and not sent.deleted else None
        if raw is None and key not in self.deleted_user_messages:
            raw = self.user_messages.get(key)
        return raw

    def add_sent(self, sent: SentMessage) -> None:
        self.messages[(sent.chat_id, sent.message_id)] = sent
        self.outbox.append(sent)

    def register_file(
        self, data: bytes, filename: str, mime_type: str | None = None, prefix: str = "BQAC"
    ) -> StoredFile:
        """Store a file so it can be referenced by file_id (sendDocument, getFile, copies)."""
        self._file_seq += 1
        mime = mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = StoredFile(
            file_id=f"{prefix}AgADAQADemu{self._file_seq:08d}",
            file_unique_id=f"AgADemu{self._file_seq:06d}",
            filename=filename,
            data=data,
            mime_type=mime,
        )
        self.files[stored.file_id] = stored
        return stored


class UpdateQueue:
    """Updates waiting for the bot, in order, with the offsets it has confirmed."""

    def __init__(self) -> None:
        self.updates: list[Params] = []
        self.next_update_id = 1
        self.confirmed_offset = 0
        self.allowed_updates: list[str] = []

    def push(self, update: Params) -> Params:
        """Queue a copy of `update` under the next update_id and return it."""
        update = {**update, "update_id": self.next_update_id}
        self.next_update_id += 1
        self.updates.append(update)
        return update

    def allow(self, params: Params) -> None:
        """Take `allowed_updates` from a getUpdates/setWebhook call, if it names any."""
        if isinstance(params.get("allowed_updates"), list):
            self.allowed_updates = [str(x) for x in params["allowed_updates"]]

    def confirm(self, offset: int) -> None:
        if offset < 0:  # negative offset: keep only the last |offset| updates
            self.updates = self.updates[offset:]
        elif offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            self.confirmed_offset = max(self.confirmed_offset, offset)

    def deliverable(self, limit: int) -> list[Params]:
        hidden = {"chat_member", "message_reaction", "message_reaction_count"}
        allowed = set(self.allowed_updates)
        chosen = []
        for update in self.updates:
            kind = next((k for k in update if k != "update_id"), "")
            if (kind in allowed) if allowed else (kind not in hidden):
                chosen.append(update)
        return chosen[:limit]
