"""Bot API methods on messages: send, edit, delete, copy, chat actions, callback answers."""

from __future__ import annotations

from tests.e2e.emulator.methods import MethodFamily
from tests.e2e.emulator.methods.compose import Composer, caption, message_text
from tests.e2e.emulator.model import Files, Params, bad
from tests.e2e.emulator.params import chat_id, opt_int
from tests.e2e.emulator.store import Store

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# What a copy does not take over from the original message.
NOT_COPIED = frozenset(
    {"message_id", "from", "chat", "date", "edit_date", "reply_markup", "reply_to_message"}
)


class MessageMethods(MethodFamily):
    METHODS = (
        "sendMessage",
        "editMessageText",
        "editMessageCaption",
        "editMessageReplyMarkup",
        "deleteMessage",
        "answerCallbackQuery",
        "sendChatAction",
        "copyMessage",
    )

    def __init__(self, store: Store, composer: Composer) -> None:
        self.store = store
        self.compose = composer

    async def send_message(self, params: Params, files: Files) -> Params:
        chat = chat_id(params)
        text, plain, entities = message_text(params)
        message = self.compose.new_message(chat, params)
        message["text"] = plain
        if entities:
            message["entities"] = entities
        self.compose.keep(message, "sendMessage", params, plain, text=text)
        return message

    async def edit_message_text(self, params: Params, files: Files) -> Params:
        sent = self.compose.edit_target(params)
        if sent.text is None:
            raise bad("there is no text in the message to edit")
        text, plain, entities = message_text(params)
        new_raw = {k: v for k, v in sent.raw.items() if k != "entities"}
        new_raw["text"] = plain
        if entities:
            new_raw["entities"] = entities
        result = self.compose.apply_edit(sent, new_raw, params)
        sent.text, sent.plain_text = text, plain
        sent.parse_mode = params.get("parse_mode") or None
        return result

    async def edit_message_caption(self, params: Params, files: Files) -> Params:
        sent = self.compose.edit_target(params)
        if sent.text is not None:
            raise bad("there is no caption in the message to edit")
        new_raw = {k: v for k, v in sent.raw.items() if k not in ("caption", "caption_entities")}
        new_caption, plain = caption(params, new_raw)
        result = self.compose.apply_edit(sent, new_raw, params)
        sent.caption, sent.plain_text = new_caption, plain
        return result

    async def edit_message_reply_markup(self, params: Params, files: Files) -> Params:
        sent = self.compose.edit_target(params)
        return self.compose.apply_edit(sent, dict(sent.raw), params)

    async def delete_message(self, params: Params, files: Files) -> bool:
        key = (chat_id(params), opt_int(params, "message_id") or 0)
        sent = self.store.messages.get(key)
        if sent is not None and not sent.deleted:
            sent.deleted = True
            return True
        if key in self.store.user_messages and key not in self.store.deleted_user_messages:
            self.store.deleted_user_messages.add(key)
            return True
        raise bad("message to delete not found")

    async def answer_callback_query(self, params: Params, files: Files) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if len(str(params.get("text") or "")) > 200:
            raise bad("MESSAGE_TOO_LONG")
        if query_id not in self.store.open_queries:
            raise bad("query is too old and response timeout expired or query ID is invalid")
        self.store.open_queries.discard(query_id)
        return True

    async def send_chat_action(self, params: Params, files: Files) -> bool:
        chat_id(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad("wrong parameter action in request")
        return True

    async def copy_message(self, params: Params, files: Files) -> Params:
        chat = chat_id(params)
        key = (chat_id(params, "from_chat_id"), opt_int(params, "message_id") or 0)
        raw = self.store.live_message(key)
        if raw is None:
            raise bad("message to copy not found")
        message = self.compose.new_message(chat, params)
        message.update({k: v for k, v in raw.items() if k not in NOT_COPIED})
        copied_caption, plain = (
            raw.get("caption"),
            str(raw.get("caption") or raw.get("text") or ""),
        )
        if "caption" in params:
            message.pop("caption", None)
            message.pop("caption_entities", None)
            copied_caption, plain = caption(params, message)
        doc = raw.get("document")
        doc_file = self.store.files.get(doc["file_id"]) if isinstance(doc, dict) else None
        photo = raw.get("photo")
        photo_file = (
            self.store.files.get(photo[-1]["file_id"]) if isinstance(photo, list) else None
        )
        self.compose.keep(
            message,
            "copyMessage",
            params,
            plain,
            text=raw.get("text"),
            caption=copied_caption,
            document=(doc_file.filename, doc_file.data) if doc_file else None,
            photo=photo_file.data if photo_file else None,
        )
        return {"message_id": message["message_id"]}
