"""In-process emulator of the Telegram Bot API for end-to-end tests.

A real bot (aiogram with ``TelegramAPIServer.from_base(emu.base_url)``) talks to it over
HTTP exactly as it would talk to api.telegram.org.  The emulator records every call, keeps
the current state of every message the bot sent, validates the limits Telegram enforces
(so tests catch the errors production would raise) and lets tests inject faults.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import mimetypes
import random
import re
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
from aiohttp import web

__all__ = ["ApiError", "BotAPIEmulator", "Call", "SentMessage", "parse_html"]

T = TypeVar("T")
Params = dict[str, Any]
Files = dict[str, tuple[str, bytes]]

# Fields that are objects/arrays in the Bot API; form-encoded clients send them as JSON strings.
JSON_FIELDS = (
    "reply_markup",
    "commands",
    "scope",
    "entities",
    "caption_entities",
    "link_preview_options",
    "reply_parameters",
    "allowed_updates",
)
# Calls that count against rate limits (all of them per chat, too).
RATE_LIMITED = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "copyMessage",
        "editMessageText",
        "editMessageCaption",
    }
)
# Calls addressed to a chat; `fail_chat` faults apply to these.
CHAT_METHODS = RATE_LIMITED | {"sendChatAction", "editMessageReplyMarkup", "deleteMessage"}
FAULTS: dict[str, tuple[int, str]] = {
    "400": (400, "Bad Request: chat not found"),
    "403": (403, "Forbidden: bot was blocked by the user"),
    "429": (429, "Too Many Requests: retry after 5"),
    "500": (500, "Internal Server Error"),
    "502": (502, "Bad Gateway"),
    "drop": (0, "connection dropped"),
}
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
SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup"
    " of the specified message are exactly the same as a current content and reply markup"
    " of the message"
)


class ApiError(Exception):
    """An error answer of the Bot API (raised inside method handlers)."""

    def __init__(self, status: int, description: str, parameters: Params | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass
class Call:
    """One HTTP request to the emulator. `response` is None when the connection was dropped."""

    method: str
    params: Params
    files: Files
    status: int
    response: Params | None
    at: float

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def description(self) -> str | None:
        return None if self.response is None else self.response.get("description")

    def __str__(self) -> str:
        shown = json.dumps(self.params, ensure_ascii=False, default=str)
        if len(shown) > 160:
            shown = shown[:157] + "..."
        files = f" files={list(self.files)}" if self.files else ""
        return (
            f"{self.method} -> {self.status or 'DROPPED'} {shown}{files} {self.description or ''}"
        )


@dataclass
class SentMessage:
    """A message the bot sent. Edits mutate the same object, so `outbox` shows current state."""

    chat_id: int
    message_id: int
    method: str
    text: str | None
    plain_text: str
    parse_mode: str | None
    reply_markup: Params | None
    document: tuple[str, bytes] | None
    photo: bytes | None
    caption: str | None
    edited: bool = False
    deleted: bool = False
    raw: Params = field(default_factory=dict)

    def buttons(self) -> list[list[Params]]:
        rows = (self.reply_markup or {}).get("inline_keyboard")
        return rows if isinstance(rows, list) else []

    def button_texts(self) -> list[str]:
        return [str(button.get("text", "")) for row in self.buttons() for button in row]

    def __str__(self) -> str:
        text = self.plain_text if len(self.plain_text) <= 120 else self.plain_text[:117] + "..."
        flags = "".join(f" [{f}]" for f in ("edited", "deleted") if getattr(self, f))
        buttons = f" buttons={self.button_texts()}" if self.buttons() else ""
        return f"#{self.message_id} {self.method} {text!r}{buttons}{flags}"


@dataclass
class _Fault:
    kind: str
    remaining: int | None


@dataclass
class _File:
    file_id: str
    file_unique_id: str
    filename: str
    data: bytes
    mime_type: str


# ---------------------------------------------------------------------------------------------
# Telegram HTML (parse_mode=HTML), modelled on the parser in TDLib: same tag set, same errors.
# ---------------------------------------------------------------------------------------------
# tag -> Bot API entity type
_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
# As TDLib reads them: &lt; &gt; &amp; &quot; and numeric references (hex with a small x),
# the ';' optional; any other '&' is kept literally.
_HTML_ENTITY = re.compile(r"&(?:#x([0-9a-fA-F]*)|#([0-9]*)|([A-Za-z]*));?")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ATTR_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _entity_at(text: str, pos: int) -> tuple[str, int] | None:
    """The character the entity at `pos` stands for and where it ends, or None for a '&'
    that Telegram keeps as it is."""
    m = _HTML_ENTITY.match(text, pos)
    if m is None:
        return None
    hex_digits, digits, name = m.groups()
    if name is not None:
        char = _NAMED.get(name)
        return (char, m.end()) if char is not None else None
    number = hex_digits if hex_digits is not None else digits
    code = int(number, 16 if hex_digits is not None else 10) if number else 0
    reference_end = m.end(1) if hex_digits is not None else m.end(2)
    if code == 0 or code >= 0x10FFFF or reference_end - pos >= 10:
        return None
    return chr(code), m.end()


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        found = _entity_at(text, i) if text[i] == "&" else None
        out.append(found[0] if found else text[i])
        i = found[1] if found else i + 1
    return "".join(out)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[Params]]:
    """Return (plain text, Bot API entities) or raise ApiError like Telegram does."""

    def fail(reason: str) -> ApiError:
        return bad(f"can't parse entities: {reason}")

    def at(pos: int) -> int:  # Telegram reports byte offsets in UTF-8
        return len(text[:pos].encode())

    out: list[str] = []
    plain_len = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    spans: list[tuple[str, int, int, dict[str, str]]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "&":
            found = _entity_at(text, i)
            piece = found[0] if found else "&"  # a lone '&' is kept literally, as Telegram does
            out.append(piece)
            plain_len += len(piece)
            i = found[1] if found else i + 1
            continue
        if ch != "<":
            out.append(ch)
            plain_len += 1
            i += 1
            continue
        begin = i
        if text.startswith("</", i):
            end = text.find(">", i)
            if end == -1:
                raise fail(f"Unclosed end tag at byte offset {at(begin)}")
            name = text[i + 2 : end].strip().lower()
            if not stack:
                raise fail(f"Unexpected end tag at byte offset {at(begin)}")
            open_name, start, open_attrs = stack.pop()
            if name != open_name:
                raise fail(
                    f'Unmatched end tag at byte offset {at(begin)}, expected "</{open_name}>",'
                    f' found "</{name}>"'
                )
            spans.append((open_name, start, plain_len, open_attrs))
            i = end + 1
            continue
        j = i + 1
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            raise fail(f"Unclosed start tag at byte offset {at(begin)}")
        name = text[i + 1 : j].lower()
        if name not in _HTML_TAGS:
            raise fail(f'Unsupported start tag "{name}" at byte offset {at(begin)}')
        attrs: dict[str, str] = {}
        k = j
        while True:
            while k < n and text[k].isspace():
                k += 1
            if k >= n:
                raise fail(f"Unclosed start tag at byte offset {at(begin)}")
            if text[k] == ">":
                k += 1
                break
            m = _ATTR_NAME.match(text, k)
            if not m:
                raise fail(f'Empty attribute name in the tag "{name}" at byte offset {at(begin)}')
            attr, k, value = m.group(0).lower(), m.end(), ""
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] == "=":
                k += 1
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] in "\"'":
                    close = text.find(text[k], k + 1)
                    if close == -1:
                        raise fail(f"Unclosed start tag at byte offset {at(begin)}")
                    value, k = text[k + 1 : close], close + 1
                else:
                    v = k
                    while k < n and not text[k].isspace() and text[k] != ">":
                        k += 1
                    value = text[v:k]
            attrs[attr] = _unescape(value)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {at(begin)}')
        if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise fail(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {at(begin)}')
        stack.append((name, plain_len, attrs))
        i = k
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')

    # Telegram strips surrounding whitespace from the final text and shifts entities.
    joined = "".join(out)
    lead = len(joined) - len(joined.lstrip())
    plain = joined.strip()
    entities: list[Params] = []
    # <pre><code class="language-x"> is one pre entity with a language, not two entities.
    languages = {
        (start, end): attrs.get("class", "").removeprefix("language-")
        for name, start, end, attrs in spans
        if name == "code"
    }
    pre_spans = {(start, end) for name, start, end, _ in spans if name == "pre"}
    for name, start, end, attrs in sorted(spans, key=lambda s: (s[1], -s[2])):
        if name == "code" and (start, end) in pre_spans:
            continue
        language = languages.get((start, end), "") if name == "pre" else ""
        start, end = max(start - lead, 0), min(end - lead, len(plain))
        if end <= start:
            continue  # Telegram drops empty entities
        entity: Params = {"type": _HTML_TAGS[name]}
        entity["offset"] = _utf16_len(plain[:start])
        entity["length"] = _utf16_len(plain[start:end])
        if name == "a":
            if "href" not in attrs:
                continue
            entity["url"] = attrs["href"]
        elif name == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        elif name == "tg-emoji":
            entity["custom_emoji_id"] = attrs["emoji-id"]
        elif name == "pre" and language:
            entity["language"] = language
        entities.append(entity)
    return plain, entities


# ---------------------------------------------------------------------------------------------
# Parameter coercion: form-encoded values are strings, JSON bodies carry real types.
# ---------------------------------------------------------------------------------------------
def _opt_int(params: Params, key: str) -> int | None:
    value = params.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise bad(f"invalid {key} specified")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad(f"invalid {key} specified") from None


def _flag(params: Params, key: str) -> bool:
    value = params.get(key)
    return value is True or str(value).lower() in ("true", "1")


def _chat_id(params: Params, key: str = "chat_id") -> int:
    value = params.get(key)
    if value is None or value == "":
        raise bad(f"{key} is empty")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad("chat not found") from None  # @usernames: no such public chats here


class BotAPIEmulator:
    """aiohttp server speaking the Bot API; see the module docstring."""

    def __init__(
        self,
        token: str,
        bot_id: int = 7000000001,
        bot_username: str = "customs_courses_test_bot",
        *,
        bot_first_name: str = "Customs Courses Test Bot",
    ) -> None:
        self.token = token
        self.bot_user: Params = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], SentMessage] = {}
        self.outbox: list[SentMessage] = []
        self.user_messages: dict[tuple[int, int], Params] = {}  # messages pushed by users
        self.deleted_user_messages: set[tuple[int, int]] = set()
        self.commands: dict[tuple[str, str], list[Params]] = {}
        self.settings: dict[str, Any] = {}  # setMyDescription & co: last value per method
        self.too_many_requests = 0
        self.confirmed_offset = 0
        self.users: dict[int, Params] = {}
        self._updates: list[Params] = []
        self._next_update_id = 1
        self._msg_ids: dict[int, int] = {}
        self._files: dict[str, _File] = {}
        self._file_paths: dict[str, str] = {}
        self._file_seq = 0
        self._open_queries: set[str] = set()
        self._allowed_updates: list[str] = []
        self._poll_generation = 0
        self.polling_waiters = 0
        # setWebhook: where updates are posted instead of being fetched with getUpdates.
        self.webhook: Params | None = None
        self.webhook_statuses: list[int] = []  # HTTP status of each delivery attempt
        self._webhook_task: asyncio.Task[None] | None = None
        self._chat_faults: dict[int, _Fault] = {}
        self._random_faults: tuple[float, float] = (0.0, 0.0)  # (5xx share, drop share)
        self._random = random.Random(0)
        self.random_fault_count = {"500": 0, "drop": 0}
        self._method_faults: dict[str, _Fault] = {}
        self._delays: dict[str, float] = {}
        self.fault_retry_after = 5  # retry_after of an injected "429" fault
        self.arrived: list[tuple[str, Params]] = []  # delayed requests, as they came in
        self._global_rate: float | None = None
        self._chat_interval: float | None = None
        self._recent_sends: deque[float] = deque()
        self._last_send: dict[int, float] = {}
        self._tick = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._methods: dict[str, tuple[str, Callable[[Params, Files], Awaitable[Any]]]] = {}
        for name, handler in {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "sendChatAction": self._send_chat_action,
            "copyMessage": self._copy_message,
            "getChat": self._get_chat,
            "getFile": self._get_file,
            "close": self._true,
            "logOut": self._true,
        }.items():
            self._methods[name.lower()] = (name, handler)
        for name, key in (
            ("MyDescription", "description"),
            ("MyShortDescription", "short_description"),
            ("MyName", "name"),
            ("ChatMenuButton", "menu_button"),
        ):
            self._methods[f"set{name.lower()}"] = (f"set{name}", self._setter(key))
            self._methods[f"get{name.lower()}"] = (f"get{name}", self._getter(key))

    # ----------------------------------------------------------------------- lifecycle
    @property
    def poll_generation(self) -> int:
        """How many getUpdates requests have arrived (counted on arrival, not on answer)."""
        return self._poll_generation

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    async def start(self) -> None:
        # Telegram accepts uploads up to 50 MB; aiohttp's default body limit is 1 MB.
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # port 0: the OS picks a free one, no races between tests
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        self._closing = True
        self._notify()  # release long-pollers so shutdown does not wait for their timeout
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotAPIEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ waiting helpers
    def _notify(self) -> None:
        # Waiters grab the current event before checking their condition, so swapping in a
        # fresh event after setting the old one cannot lose a wake-up.
        self._tick.set()
        self._tick = asyncio.Event()

    @staticmethod
    async def _wait_tick(tick: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tick.wait(), seconds)

    async def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline for the condition, not for I/O
    ) -> T:
        """Re-evaluate `predicate` after every call/update until it returns something truthy."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            tick = self._tick
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                name = getattr(predicate, "__qualname__", repr(predicate))
                raise AssertionError(
                    f"condition {name} not met within {timeout}s\n{self.dump_calls()}"
                )
            await self._wait_tick(tick, remaining)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
        since: int | None = None,
    ) -> Call:
        """Wait for a call of `method` recorded from now on (or from index `since`)."""
        start = len(self.calls) if since is None else since
        wanted = method.lower()

        def find() -> Call | None:
            for call in self.calls[start:]:
                if call.method.lower() == wanted and (predicate is None or predicate(call)):
                    return call
            return None

        return await self.wait_for(find, timeout)

    def dump_calls(self, last: int = 15) -> str:
        lines = [f"last {min(last, len(self.calls))} of {len(self.calls)} API calls:"]
        lines += [f"  {call}" for call in self.calls[-last:]]
        return "\n".join(lines)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    # ------------------------------------------------------------------ simulating users
    def next_message_id(self, chat_id: int) -> int:
        """Per-chat message ids, shared by bot and user messages as in real private chats."""
        self._msg_ids[chat_id] = self._msg_ids.get(chat_id, 0) + 1
        return self._msg_ids[chat_id]

    def push_update(self, update: Params) -> int:
        update = dict(update)
        update_id = self._next_update_id
        self._next_update_id += 1
        update["update_id"] = update_id
        for kind in ("message", "edited_message", "callback_query"):
            body = update.get(kind)
            if not isinstance(body, dict):
                continue
            sender = body.get("from")
            if isinstance(sender, dict) and "id" in sender:
                self.users[int(sender["id"])] = sender
            if kind == "callback_query":
                self._open_queries.add(str(body.get("id")))
            elif "chat" in body and "message_id" in body:
                chat_id, message_id = int(body["chat"]["id"]), int(body["message_id"])
                self.user_messages[(chat_id, message_id)] = body
                # Keep bot ids above ids the test chose itself.
                self._msg_ids[chat_id] = max(self._msg_ids.get(chat_id, 0), message_id)
        self._updates.append(update)
        self._notify()
        return update_id

    def pending_updates(self) -> int:
        return len(self._updates)

    def register_file(
        self, data: bytes, filename: str, mime_type: str | None = None, prefix: str = "BQAC"
    ) -> _File:
        """Store a file so it can be referenced by file_id (sendDocument, getFile, copies)."""
        self._file_seq += 1
        mime = mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = _File(
            file_id=f"{prefix}AgADAQADemu{self._file_seq:08d}",
            file_unique_id=f"AgADemu{self._file_seq:06d}",
            filename=filename,
            data=data,
            mime_type=mime,
        )
        self._files[stored.file_id] = stored
        return stored

    # ------------------------------------------------------------------- faults & limits
    def rate_limit(
        self, global_per_second: float | None = None, per_chat_interval: float | None = None
    ) -> None:
        self._global_rate = global_per_second
        self._chat_interval = per_chat_interval
        self._recent_sends.clear()
        self._last_send.clear()

    def fail_chat(self, chat_id: int, kind: str, times: int | None = None) -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {sorted(FAULTS)}")
        self._chat_faults[chat_id] = _Fault(kind, times)

    def fail_method(self, method: str, kind: str, times: int | None = None) -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault kind {kind!r}; use one of {sorted(FAULTS)}")
        self._method_faults[method.lower()] = _Fault(kind, times)

    def random_faults(self, error_rate: float, drop_rate: float, seed: int = 0) -> None:
        """Answer that share of all requests with 500, and cut that share of connections,
        at random (a flaky network and server, for soak tests)."""
        self._random_faults = (error_rate, drop_rate)
        self._random = random.Random(seed)

    def delay_method(self, method: str, seconds: float) -> None:
        """Answer `method` only after `seconds`; `arrived` lists such requests on arrival."""
        self._delays[method.lower()] = seconds

    def clear_faults(self) -> None:
        self._random_faults = (0.0, 0.0)
        self._chat_faults.clear()
        self._method_faults.clear()
        self._delays.clear()

    def _take_fault(self, method: str, params: Params) -> str | None:
        """Consume one matching fault (method faults first, then chat faults)."""
        fault = self._method_faults.get(method.lower())
        if fault is not None:
            if self._exhaust(fault):
                del self._method_faults[method.lower()]
            return fault.kind
        error_rate, drop_rate = self._random_faults
        if error_rate or drop_rate:
            draw = self._random.random()
            kind = (
                "500" if draw < error_rate else "drop" if draw < error_rate + drop_rate else None
            )
            if kind is not None:
                self.random_fault_count[kind] += 1
                return kind
        if method not in CHAT_METHODS:
            return None
        try:
            chat = int(params.get("chat_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        fault = self._chat_faults.get(chat)
        if fault is None:
            return None
        if self._exhaust(fault):
            del self._chat_faults[chat]
        return fault.kind

    @staticmethod
    def _exhaust(fault: _Fault) -> bool:
        if fault.remaining is None:
            return False
        fault.remaining -= 1
        return fault.remaining <= 0

    def _rate_check(self, method: str, params: Params) -> int | None:
        """Return retry_after seconds if this send exceeds the configured limits."""
        if method not in RATE_LIMITED:
            return None
        now = time.monotonic()
        while self._recent_sends and now - self._recent_sends[0] >= 1.0:
            self._recent_sends.popleft()
        if self._global_rate is not None and len(self._recent_sends) >= self._global_rate:
            return max(1, math.ceil(self._recent_sends[0] + 1.0 - now))
        chat = _opt_int(params, "chat_id")
        last = self._last_send.get(chat) if chat is not None else None
        if self._chat_interval is not None and last is not None:
            wait = self._chat_interval - (now - last)
            if wait > 0:
                return max(1, math.ceil(wait))
        return None

    def _rate_commit(self, method: str, params: Params) -> None:
        if method in RATE_LIMITED:
            now = time.monotonic()
            self._recent_sends.append(now)
            chat = _opt_int(params, "chat_id")
            if chat is not None:
                self._last_send[chat] = now

    # ------------------------------------------------------------------ HTTP plumbing
    async def _read_params(self, request: web.Request) -> tuple[Params, Files]:
        params: Params = dict(request.query)
        files: Files = {}
        if request.body_exists:
            if request.content_type == "application/json":
                try:
                    body = json.loads(await request.text())
                except ValueError:
                    raise bad("can't parse JSON object") from None
                if not isinstance(body, dict):
                    raise bad("can't parse JSON object")
                params.update(body)
            elif request.content_type in (
                "multipart/form-data",
                "application/x-www-form-urlencoded",
            ):
                for key, value in (await request.post()).items():
                    if isinstance(value, web.FileField):
                        files[key] = (value.filename, value.file.read())
                    elif isinstance(value, (bytes, bytearray)):
                        params[key] = bytes(value).decode()
                    else:
                        params[key] = value
        for key in JSON_FIELDS:
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    what = "reply keyboard markup" if key == "reply_markup" else key
                    raise bad(f"can't parse {what} JSON object") from None
        return params, files

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params: Params = {}
        files: Files = {}
        try:
            params, files = await self._read_params(request)
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            entry = self._methods.get(method.lower())
            if entry is None:
                raise ApiError(404, "Not Found: method not found")
            method, handler = entry
            delay = self._delays.get(method.lower())
            if delay:
                # A slow server: the request is visibly in flight until the delay ends.
                self.arrived.append((method, params))
                self._notify()
                await asyncio.sleep(delay)
            kind = self._take_fault(method, params)
            if kind == "drop":
                # Cut the TCP connection without any HTTP response, like a flaky network.
                self._record(method, params, files, 0, None)
                if request.transport is not None:
                    request.transport.abort()
                return web.Response()
            if kind is not None:
                status, description = FAULTS[kind]
                if kind == "429":
                    wait = self.fault_retry_after
                    raise ApiError(
                        429, f"Too Many Requests: retry after {wait}", {"retry_after": wait}
                    )
                raise ApiError(status, description)
            retry_after = self._rate_check(method, params)
            if retry_after is not None:
                self.too_many_requests += 1
                raise ApiError(
                    429,
                    f"Too Many Requests: retry after {retry_after}",
                    {"retry_after": retry_after},
                )
            result = await handler(params, files)
            self._rate_commit(method, params)
            status, body = 200, {"ok": True, "result": result}
        except ApiError as error:
            status = error.status
            body = {"ok": False, "error_code": error.status, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
        self._record(method, params, files, status, body)
        return web.json_response(body, status=status)

    def _record(
        self, method: str, params: Params, files: Files, status: int, body: Params | None
    ) -> None:
        self.calls.append(Call(method, params, files, status, body, time.monotonic()))
        self._notify()

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            raise web.HTTPUnauthorized()
        file_id = self._file_paths.get(request.match_info["path"])
        if file_id is None:
            raise web.HTTPNotFound()
        return web.Response(body=self._files[file_id].data)

    # ------------------------------------------------------------------ message helpers
    def _chat_obj(self, chat_id: int) -> Params:
        if chat_id < 0:
            return {"id": chat_id, "type": "supergroup", "title": "Group"}
        user = self.users.get(chat_id, {})
        chat: Params = {"id": chat_id, "type": "private"}
        chat["first_name"] = user.get("first_name", "User")
        for key in ("last_name", "username"):
            if user.get(key):
                chat[key] = user[key]
        return chat

    def _new_message(self, chat_id: int, params: Params) -> Params:
        message: Params = {
            "message_id": 0,  # allocated in _store, once every check has passed
            "from": dict(self.bot_user),
            "chat": self._chat_obj(chat_id),
            "date": int(time.time()),
        }
        reply = params.get("reply_parameters")
        reply_to = _opt_int(params, "reply_to_message_id")
        if isinstance(reply, dict) or reply_to is not None:
            target = _opt_int(reply, "message_id") if isinstance(reply, dict) else reply_to
            key = (chat_id, target or 0)
            found = self.user_messages.get(key) or (
                self.messages[key].raw if key in self.messages else None
            )
            if found is not None:
                message["reply_to_message"] = found
            elif not (isinstance(reply, dict) and _flag(reply, "allow_sending_without_reply")):
                raise bad("message to be replied not found")
        return message

    @staticmethod
    def _render(
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

    @staticmethod
    def _markup(params: Params) -> Params | None:
        markup = params.get("reply_markup")
        if markup is None or markup == "":
            return None
        if not isinstance(markup, dict):
            raise bad("can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return markup  # reply keyboards / ForceReply / ReplyKeyboardRemove: accepted as is
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
        return markup

    def _store(
        self,
        message: Params,
        method: str,
        params: Params,
        *,
        plain_text: str,
        text: str | None = None,
        caption: str | None = None,
        document: tuple[str, bytes] | None = None,
        photo: bytes | None = None,
    ) -> SentMessage:
        markup = self._markup(params)
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup  # Message.reply_markup is inline-only
        message["message_id"] = self.next_message_id(message["chat"]["id"])
        sent = SentMessage(
            chat_id=message["chat"]["id"],
            message_id=message["message_id"],
            method=method,
            text=text,
            plain_text=plain_text,
            parse_mode=params.get("parse_mode") or None,
            reply_markup=markup,
            document=document,
            photo=photo,
            caption=caption,
            raw=message,
        )
        self.messages[(sent.chat_id, sent.message_id)] = sent
        self.outbox.append(sent)
        return sent

    def _caption(self, params: Params, message: Params) -> tuple[str | None, str]:
        caption = params.get("caption")
        if caption is None or caption == "":
            return None, ""
        plain, entities = self._render(
            str(caption),
            params.get("parse_mode"),
            params.get("caption_entities"),
            1024,
            "message caption is too long",
        )
        if plain:
            message["caption"] = plain
        if entities:
            message["caption_entities"] = entities
        return str(caption), plain

    def _input_file(self, field_name: str, params: Params, files: Files) -> _File:
        """Resolve an upload (direct part or attach://name), a file_id or an URL."""
        value = params.get(field_name)
        upload: tuple[str, bytes] | None = files.get(field_name)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value[len("attach://") :])
        if upload is not None:
            if not upload[1]:
                raise bad("file must be non-empty")
            prefix = "AgAC" if field_name == "photo" else "BQAC"
            return self.register_file(upload[1], upload[0] or field_name, prefix=prefix)
        if not isinstance(value, str) or not value:
            raise bad(f"there is no {field_name} in the request")
        if value in self._files:
            return self._files[value]
        if re.match(r"https?://", value):
            return self.register_file(b"", value.rsplit("/", 1)[-1] or field_name)
        raise bad("wrong file identifier/HTTP URL specified")

    @staticmethod
    def _photo_sizes(stored: _File) -> list[Params]:
        base = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        return [
            {**base, "width": 90, "height": 90, "file_size": min(len(stored.data), 1500)},
            {**base, "width": 800, "height": 800, "file_size": len(stored.data)},
        ]

    def _edit_target(self, params: Params) -> SentMessage:
        if params.get("inline_message_id"):
            raise bad("MESSAGE_ID_INVALID")  # inline mode is not emulated
        chat_id = _chat_id(params)
        message_id = _opt_int(params, "message_id")
        if message_id is None:
            raise bad("message identifier is not specified")
        if (chat_id, message_id) in self.user_messages:
            raise bad("message can't be edited")
        sent = self.messages.get((chat_id, message_id))
        if sent is None or sent.deleted:
            raise bad("message to edit not found")
        return sent

    def _apply_edit(self, sent: SentMessage, new_raw: Params, markup: Params | None) -> Params:
        inline = markup if markup is not None and "inline_keyboard" in markup else None
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

    # ------------------------------------------------------------------ Bot API methods
    async def _true(self, params: Params, files: Files) -> bool:
        return True

    def _setter(self, key: str) -> Callable[[Params, Files], Awaitable[Any]]:
        async def handler(params: Params, files: Files) -> bool:
            self.settings[key] = params.get(key) or ("" if key != "menu_button" else None)
            return True

        return handler

    def _getter(self, key: str) -> Callable[[Params, Files], Awaitable[Any]]:
        # setMyDescription & co. are global here (language_code is ignored).
        async def handler(params: Params, files: Files) -> Any:
            if key == "menu_button":
                return self.settings.get(key) or {"type": "default"}
            return {key: self.settings.get(key, "")}

        return handler

    async def _get_me(self, params: Params, files: Files) -> Params:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _delete_webhook(self, params: Params, files: Files) -> bool:
        if _flag(params, "drop_pending_updates"):
            self._updates.clear()
        self.webhook = None
        self._notify()
        return True

    async def _set_webhook(self, params: Params, files: Files) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return await self._delete_webhook(params, files)
        if not re.match(r"^https?://", url):
            raise bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad("bad webhook: secret token contains unallowed characters")
        if _flag(params, "drop_pending_updates"):
            self._updates.clear()
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = [str(x) for x in params["allowed_updates"]]
        self.webhook = {"url": url, "secret_token": secret}
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._post_updates())
        self._notify()
        return True

    async def _post_updates(self) -> None:
        """Like Telegram: each pending update is POSTed to the webhook, one at a time and in
        order, until the bot answers 200; failures are retried after a pause."""
        async with aiohttp.ClientSession() as session:
            while not self._closing and self.webhook is not None:
                tick = self._tick
                batch = self._deliverable(1)
                if not batch:
                    await self._wait_tick(tick, 1.0)
                    continue
                update, hook = batch[0], self.webhook
                headers = {}
                if hook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = str(hook["secret_token"])
                try:
                    async with session.post(
                        str(hook["url"]),
                        json=update,
                        headers=headers,
                        timeout=aiohttp.ClientTimeout(total=60),
                    ) as response:
                        await response.read()
                        status = response.status
                except (aiohttp.ClientError, TimeoutError):
                    status = 0
                self.webhook_statuses.append(status)
                self._notify()
                if status == 200:
                    self._confirm(int(update["update_id"]) + 1)
                else:
                    await asyncio.sleep(0.2)

    async def _get_webhook_info(self, params: Params, files: Files) -> Params:
        return {
            "url": self.webhook["url"] if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _confirm(self, offset: int) -> None:
        if offset < 0:  # negative offset: keep only the last |offset| updates
            self._updates = self._updates[offset:]
        elif offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self.confirmed_offset = max(self.confirmed_offset, offset)

    def _deliverable(self, limit: int) -> list[Params]:
        hidden = {"chat_member", "message_reaction", "message_reaction_count"}
        allowed = set(self._allowed_updates)
        chosen = []
        for update in self._updates:
            kind = next((k for k in update if k != "update_id"), "")
            if (kind in allowed) if allowed else (kind not in hidden):
                chosen.append(update)
        return chosen[:limit]

    async def _get_updates(self, params: Params, files: Files) -> list[Params]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active;"
                " use deleteWebhook to delete the webhook first",
            )
        offset = _opt_int(params, "offset")
        limit = min(max(_opt_int(params, "limit") or 100, 1), 100)
        timeout = max(_opt_int(params, "timeout") or 0, 0)
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = [str(x) for x in params["allowed_updates"]]
        if offset is not None:
            self._confirm(offset)
        # A newer getUpdates terminates an older pending one, as on the real server.
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self.polling_waiters += 1
        try:
            while True:
                tick = self._tick
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only"
                        " one bot instance is running",
                    )
                batch = self._deliverable(limit)
                remaining = deadline - loop.time()
                if batch or self._closing or remaining <= 0:
                    return batch
                await self._wait_tick(tick, remaining)
        finally:
            self.polling_waiters -= 1

    def _scope_key(self, params: Params) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in SCOPES:
            raise bad("wrong parameter scope")
        if "chat_id" in scope:
            scope = {**scope, "chat_id": _chat_id(scope)}
        language = str(params.get("language_code") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad("invalid language code specified")
        return json.dumps(scope, sort_keys=True, separators=(",", ":")), language

    async def _set_my_commands(self, params: Params, files: Files) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad("can't parse commands JSON object")
        for command in commands:
            name = str(command.get("command", "")) if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad("command description is empty or too long")
        self.commands[self._scope_key(params)] = commands
        return True

    async def _get_my_commands(self, params: Params, files: Files) -> list[Params]:
        return self.commands.get(self._scope_key(params), [])

    async def _delete_my_commands(self, params: Params, files: Files) -> bool:
        self.commands.pop(self._scope_key(params), None)
        return True

    async def _send_message(self, params: Params, files: Files) -> Params:
        chat_id = _chat_id(params)
        text = params.get("text")
        if text is None or not str(text).strip():
            raise bad("message text is empty")
        plain, entities = self._render(
            str(text),
            params.get("parse_mode"),
            params.get("entities"),
            4096,
            "message is too long",
        )
        if not plain:
            raise bad("message text is empty")
        message = self._new_message(chat_id, params)
        message["text"] = plain
        if entities:
            message["entities"] = entities
        self._store(message, "sendMessage", params, text=str(text), plain_text=plain)
        return message

    async def _edit_message_text(self, params: Params, files: Files) -> Params:
        sent = self._edit_target(params)
        if sent.text is None:
            raise bad("there is no text in the message to edit")
        text = params.get("text")
        if text is None or not str(text).strip():
            raise bad("message text is empty")
        plain, entities = self._render(
            str(text),
            params.get("parse_mode"),
            params.get("entities"),
            4096,
            "message is too long",
        )
        if not plain:
            raise bad("message text is empty")
        new_raw = {k: v for k, v in sent.raw.items() if k != "entities"}
        new_raw["text"] = plain
        if entities:
            new_raw["entities"] = entities
        result = self._apply_edit(sent, new_raw, self._markup(params))
        sent.text, sent.plain_text = str(text), plain
        sent.parse_mode = params.get("parse_mode") or None
        return result

    async def _edit_message_caption(self, params: Params, files: Files) -> Params:
        sent = self._edit_target(params)
        if sent.text is not None:
            raise bad("there is no caption in the message to edit")
        new_raw = {k: v for k, v in sent.raw.items() if k not in ("caption", "caption_entities")}
        caption, plain = self._caption(params, new_raw)
        result = self._apply_edit(sent, new_raw, self._markup(params))
        sent.caption, sent.plain_text = caption, plain
        return result

    async def _edit_message_reply_markup(self, params: Params, files: Files) -> Params:
        sent = self._edit_target(params)
        return self._apply_edit(sent, dict(sent.raw), self._markup(params))

    async def _delete_message(self, params: Params, files: Files) -> bool:
        chat_id = _chat_id(params)
        key = (chat_id, _opt_int(params, "message_id") or 0)
        sent = self.messages.get(key)
        if sent is not None and not sent.deleted:
            sent.deleted = True
            return True
        if key in self.user_messages and key not in self.deleted_user_messages:
            self.deleted_user_messages.add(key)
            return True
        raise bad("message to delete not found")

    async def _answer_callback_query(self, params: Params, files: Files) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if len(str(params.get("text") or "")) > 200:
            raise bad("MESSAGE_TOO_LONG")
        if query_id not in self._open_queries:
            raise bad("query is too old and response timeout expired or query ID is invalid")
        self._open_queries.discard(query_id)
        return True

    async def _send_document(self, params: Params, files: Files) -> Params:
        chat_id = _chat_id(params)
        stored = self._input_file("document", params, files)
        message = self._new_message(chat_id, params)
        message["document"] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.filename,
            "mime_type": stored.mime_type,
            "file_size": len(stored.data),
        }
        caption, plain = self._caption(params, message)
        self._store(
            message,
            "sendDocument",
            params,
            plain_text=plain,
            caption=caption,
            document=(stored.filename, stored.data),
        )
        return message

    async def _send_photo(self, params: Params, files: Files) -> Params:
        chat_id = _chat_id(params)
        stored = self._input_file("photo", params, files)
        message = self._new_message(chat_id, params)
        message["photo"] = self._photo_sizes(stored)
        caption, plain = self._caption(params, message)
        self._store(
            message, "sendPhoto", params, plain_text=plain, caption=caption, photo=stored.data
        )
        return message

    async def _send_chat_action(self, params: Params, files: Files) -> bool:
        _chat_id(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad("wrong parameter action in request")
        return True

    async def _copy_message(self, params: Params, files: Files) -> Params:
        chat_id = _chat_id(params)
        key = (_chat_id(params, "from_chat_id"), _opt_int(params, "message_id") or 0)
        source = self.messages.get(key)
        raw = source.raw if source is not None and not source.deleted else None
        if raw is None and key not in self.deleted_user_messages:
            raw = self.user_messages.get(key)
        if raw is None:
            raise bad("message to copy not found")
        skip = {
            "message_id",
            "from",
            "chat",
            "date",
            "edit_date",
            "reply_markup",
            "reply_to_message",
        }
        message = self._new_message(chat_id, params)
        message.update({k: v for k, v in raw.items() if k not in skip})
        caption, plain = raw.get("caption"), str(raw.get("caption") or raw.get("text") or "")
        if "caption" in params:
            message.pop("caption", None)
            message.pop("caption_entities", None)
            caption, plain = self._caption(params, message)
        doc = raw.get("document")
        doc_file = self._files.get(doc["file_id"]) if isinstance(doc, dict) else None
        photo = raw.get("photo")
        photo_file = self._files.get(photo[-1]["file_id"]) if isinstance(photo, list) else None
        self._store(
            message,
            "copyMessage",
            params,
            text=raw.get("text"),
            plain_text=plain,
            caption=caption,
            document=(doc_file.filename, doc_file.data) if doc_file else None,
            photo=photo_file.data if photo_file else None,
        )
        return {"message_id": message["message_id"]}

    async def _get_chat(self, params: Params, files: Files) -> Params:
        chat_id = _chat_id(params)
        if chat_id not in self.users:
            raise bad("chat not found")
        return {
            **self._chat_obj(chat_id),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_file(self, params: Params, files: Files) -> Params:
        stored = self._files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad("invalid file_id")
        path = f"documents/{stored.file_unique_id}_{stored.filename}"
        self._file_paths[path] = stored.file_id
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": path,
        }
