"""Telegram's flood limits: a global rate and a minimum interval per chat."""

from __future__ import annotations

import math
import time
from collections import deque

from tests.e2e.emulator.model import Params
from tests.e2e.emulator.params import opt_int

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


class RateLimiter:
    """Answers 429 to sends over the configured limits (none until `configure`)."""

    def __init__(self) -> None:
        self.too_many_requests = 0  # how many 429s the limits have answered
        self._global_rate: float | None = None
        self._chat_interval: float | None = None
        self._recent_sends: deque[float] = deque()
        self._last_send: dict[int, float] = {}

    def configure(
        self, global_per_second: float | None = None, per_chat_interval: float | None = None
    ) -> None:
        self._global_rate = global_per_second
        self._chat_interval = per_chat_interval
        self._recent_sends.clear()
        self._last_send.clear()

    def check(self, method: str, params: Params) -> int | None:
        """Return retry_after seconds if this send exceeds the configured limits."""
        if method not in RATE_LIMITED:
            return None
        now = time.monotonic()
        while self._recent_sends and now - self._recent_sends[0] >= 1.0:
            self._recent_sends.popleft()
        if self._global_rate is not None and len(self._recent_sends) >= self._global_rate:
            return max(1, math.ceil(self._recent_sends[0] + 1.0 - now))
        chat = opt_int(params, "chat_id")
        last = self._last_send.get(chat) if chat is not None else None
        if self._chat_interval is not None and last is not None:
            wait = self._chat_interval - (now - last)
            if wait > 0:
                return max(1, math.ceil(wait))
        return None

    def commit(self, method: str, params: Params) -> None:
        """Count a send that succeeded."""
        if method in RATE_LIMITED:
            now = time.monotonic()
            self._recent_sends.append(now)
            chat = opt_int(params, "chat_id")
            if chat is not None:
                self._last_send[chat] = now
