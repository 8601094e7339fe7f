"""What the emulator records and answers with: errors, calls, sent messages, stored files."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

Params = dict[str, Any]
Files = dict[str, tuple[str, bytes]]
# One Bot API method: (parameters, uploaded files) -> the `result` of the answer.
Handler = Callable[[Params, Files], Awaitable[Any]]


class ApiError(Exception):
    """An error answer of the Bot API (raised inside method handlers)."""

    def __init__(self, status: int, description: str, parameters: Params | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


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
class StoredFile:
    """A file the emulator holds: uploaded by the bot or registered by a test."""

    file_id: str
    file_unique_id: str
    filename: str
    data: bytes
    mime_type: str
