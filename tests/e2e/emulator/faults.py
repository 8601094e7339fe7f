"""Injected faults: error answers, dropped connections and slow answers, per chat, per
method or at random."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tests.e2e.emulator.limits import RATE_LIMITED
from tests.e2e.emulator.model import ApiError, Params, too_many_requests

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
DROP = "drop"


@dataclass
class Fault:
    kind: str
    remaining: int | None  # None: for ever

    def exhaust(self) -> bool:
        """Count one use; True once it is used up."""
        if self.remaining is None:
            return False
        self.remaining -= 1
        return self.remaining <= 0


def _checked(kind: str) -> str:
    if kind not in FAULTS:
        raise ValueError(f"unknown fault kind {kind!r}; use one of {sorted(FAULTS)}")
    return kind


class FaultInjector:
    """The faults a test asked for, consumed request by request."""

    def __init__(self) -> None:
        self.fault_retry_after = 5  # retry_after of an injected "429" fault
        self.random_fault_count = {"500": 0, "drop": 0}
        self._chat_faults: dict[int, Fault] = {}
        self._method_faults: dict[str, Fault] = {}
        self._random_faults: tuple[float, float] = (0.0, 0.0)  # (5xx share, drop share)
        self._random = random.Random(0)
        self._delays: dict[str, float] = {}

    def fail_chat(self, chat_id: int, kind: str, times: int | None = None) -> None:
        self._chat_faults[chat_id] = Fault(_checked(kind), times)

    def fail_method(self, method: str, kind: str, times: int | None = None) -> None:
        self._method_faults[method.lower()] = Fault(_checked(kind), times)

    def random_faults(self, error_rate: float, drop_rate: float, seed: int = 0) -> None:
        """Answer that share of all requests with 500, and cut that share of connections,
        at random (a flaky network and server, for soak tests)."""
        self._random_faults = (error_rate, drop_rate)
        self._random = random.Random(seed)

    def delay_method(self, method: str, seconds: float) -> None:
        self._delays[method.lower()] = seconds

    def delay_of(self, method: str) -> float | None:
        return self._delays.get(method.lower())

    def clear(self) -> None:
        self._random_faults = (0.0, 0.0)
        self._chat_faults.clear()
        self._method_faults.clear()
        self._delays.clear()

    def take(self, method: str, params: Params) -> str | None:
        """Consume one matching fault (method faults first, then chat faults)."""
        fault = self._method_faults.get(method.lower())
        if fault is not None:
            if fault.exhaust():
                del self._method_faults[method.lower()]
            return fault.kind
        error_rate, drop_rate = self._random_faults
        if error_rate or drop_rate:
            draw = self._random.random()
            kind = "500" if draw < error_rate else DROP if draw < error_rate + drop_rate else None
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
        if fault.exhaust():
            del self._chat_faults[chat]
        return fault.kind

    def error(self, kind: str) -> ApiError:
        """The answer to an injected fault other than a dropped connection."""
        if kind == "429":
            return too_many_requests(self.fault_retry_after)
        status, description = FAULTS[kind]
        return ApiError(status, description)
