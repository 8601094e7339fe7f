"""Building and checking messages the way Telegram does: text and captions per parse mode,
inline keyboards, replies, input files, edits."""

from __future__ import annotations

import re
import time
from typing import Any

from tests.e2e.emulator.html import parse_html
from tests.e2e.emulator.model import Files, Params, SentMessage, StoredFile, bad
from tests.e2e.emulator.params import chat_id, flag, opt_int
from tests.e2e.emulator.store import Store

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup"
    " of the specified message are exactly the same as a current content and reply markup"
    " of the message"
)


def render(
    text: str, parse_mode: Any, entities: Any, limit: int, too_long: str
) -> tuple[str, list[Params]]:
    """Parse text per parse_mode and check Telegram's length limit on the result."""
    mode = str(parse_mode or "")
    if mode.lower() == "html":
        plain, parsed = parse_html(text)
    elif mode.lower() in ("", "markdown", "markdownv2"):
        plain, parsed = text.strip(), entities if isinstance(entities, list) else []
    else:
        raise bad(f"unsupported parse_mode {mode}")
    if len(plain) > limit:
        raise bad(too_long)
    return plain, parsed


def message_text(params: Params) -> tuple[str, str, list[Params]]:
    """The text parameter of sendMessage/editMessageText: (as sent, plain, entities)."""
    text = params.get("text")
    if text is None or not str(text).strip():
        raise bad("message text is empty")
    plain, entities = render(
        str(text), params.get("parse_mode"), params.get("entities"), 4096, "message is too long"
    )
    if not plain:
        raise bad("message text is empty")
    return str(text), plain, entities


def caption(params: Params, message: Params) -> tuple[str | None, str]:
    """Put the caption parameter into `message`; (as sent, plain)."""
    value = params.get("caption")
    if value is None or value == "":
        return None, ""
    plain, entities = render(
        str(value),
        params.get("parse_mode"),
        params.get("caption_entities"),
        1024,
        "message caption is too long",
    )
    if plain:
        message["caption"] = plain
    if entities:
        message["caption_entities"] = entities
    return str(value), plain


def markup(params: Params) -> Params | None:
    """The reply_markup parameter, with inline keyboards checked as Telegram checks them."""
    value = params.get("reply_markup")
    if value is None or value == "":
        return None
    if not isinstance(value, dict):
        raise bad("can't parse reply keyboard markup JSON object")
    rows = value.get("inline_keyboard")
    if rows is None:
        return value  # reply keyboards / ForceReply / ReplyKeyboardRemove: accepted as is
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    for button in (b for row in rows for b in row):
        if not isinstance(button, dict) or not str(button.get("text", "")):
            raise bad("can't parse inline keyboard button: Text must be non-empty")
        if "callback_data" in button:
            size = len(str(button["callback_data"]).encode())
            if not 1 <= size <= 64:
                raise bad("BUTTON_DATA_INVALID")
        elif "url" in button:
            if not re.match(r"(https?|tg)://\S+$", str(button["url"])):
                raise bad(f"inline keyboard button URL '{button['url']}' is invalid")
        elif not any(k in button for k in ("web_app", "switch_inline_query", "pay")):
            raise bad("can't parse inline keyboard button: Text buttons are unallowed")
    return value


def photo_sizes(stored: StoredFile) -> list[Params]:
    base = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
    return [
        {**base, "width": 90, "height": 90, "file_size": min(len(stored.data), 1500)},
        {**base, "width": 800, "height": 800, "file_size": len(stored.data)},
    ]


class Composer:
    """Makes new messages and edits existing ones in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def new_message(self, chat: int, params: Params) -> Params:
        message: Params = {
            "message_id": 0,  # allocated in keep(), once every check has passed
            "from": dict(self.store.bot_user),
            "chat": self.store.chat(chat),
            "date": int(time.time()),
        }
        reply = params.get("reply_parameters")
        reply_to = opt_int(params, "reply_to_message_id")
        if isinstance(reply, dict) or reply_to is not None:
            target = opt_int(reply, "message_id") if isinstance(reply, dict) else reply_to
            key = (chat, target or 0)
            messages = self.store.messages
            found = self.store.user_messages.get(key) or (
                messages[key].raw if key in messages else None
            )
            if found is not None:
                message["reply_to_message"] = found
            elif not (isinstance(reply, dict) and flag(reply, "allow_sending_without_reply")):
                raise bad("message to be replied not found")
        return message

    def keep(
        self,
        message: Params,
        method: str,
        params: Params,
        plain_text: str,
        **content: Any,
    ) -> SentMessage:
        """Give `message` its id and store it; `content`: text, caption, document, photo."""
        keyboard = markup(params)
        if keyboard is not None and "inline_keyboard" in keyboard:
            message["reply_markup"] = keyboard  # Message.reply_markup is inline-only
        message["message_id"] = self.store.next_message_id(message["chat"]["id"])
        sent = SentMessage(
            chat_id=message["chat"]["id"],
            message_id=message["message_id"],
            method=method,
            text=content.get("text"),
            plain_text=plain_text,
            parse_mode=params.get("parse_mode") or None,
            reply_markup=keyboard,
            document=content.get("document"),
            photo=content.get("photo"),
            caption=content.get("caption"),
            raw=message,
        )
        self.store.add_sent(sent)
        return sent

    def input_file(self, field_name: str, params: Params, files: Files) -> StoredFile:
        """Resolve an upload (direct part or attach://name), a file_id or an URL."""
        value = params.get(field_name)
        upload: tuple[str, bytes] | None = files.get(field_name)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value[len("attach://") :])
        if upload is not None:
            if not upload[1]:
                raise bad("file must be non-empty")
            prefix = "AgAC" if field_name == "photo" else "BQAC"
            return self.store.register_file(upload[1], upload[0] or field_name, prefix=prefix)
        if not isinstance(value, str) or not value:
            raise bad(f"there is no {field_name} in the request")
        if value in self.store.files:
            return self.store.files[value]
        if re.match(r"https?://", value):
            return self.store.register_file(b"", value.rsplit("/", 1)[-1] or field_name)
        raise bad("wrong file identifier/HTTP URL specified")

    def edit_target(self, params: Params) -> SentMessage:
        if params.get("inline_message_id"):
            raise bad("MESSAGE_ID_INVALID")  # inline mode is not emulated
        chat = chat_id(params)
        message_id = opt_int(params, "message_id")
        if message_id is None:
            raise bad("message identifier is not specified")
        if (chat, message_id) in self.store.user_messages:
            raise bad("message can't be edited")
        sent = self.store.messages.get((chat, message_id))
        if sent is None or sent.deleted:
            raise bad("message to edit not found")
        return sent

    @staticmethod
    def apply_edit(sent: SentMessage, new_raw: Params, params: Params) -> Params:
        """Replace the message with `new_raw` and the reply_markup in `params`."""
        keyboard = markup(params)
        inline = keyboard if keyboard is not None and "inline_keyboard" in keyboard else None
        if inline is not None:
            new_raw["reply_markup"] = inline
        else:
            new_raw.pop("reply_markup", None)  # omitting reply_markup removes the keyboard
        compare = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(new_raw.get(k) == sent.raw.get(k) for k in compare):
            raise bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        new_raw["edit_date"] = int(time.time())
        sent.raw = new_raw
        sent.reply_markup = inline
        sent.edited = True
        return new_raw
