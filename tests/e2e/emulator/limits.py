"""Telegram's flood limits: a strict sliding window of sends over the last second globally,
a minimum interval per chat, and paid broadcasts.

Strict: a send is counted the moment it is admitted, so requests that arrive together cannot
all slip under the limit before any of them is counted; and a window of 30 a second means at
most 30 admitted sends in ANY second, not 30 per calendar second. A send with
`allow_paid_broadcast` bypasses the free global window (Telegram charges 0.1 Star for it) and
counts against the paid one (1,000 a second) instead; the per-chat interval still applies."""

from __future__ import annotations

import math
import time
from collections import deque

from tests.e2e.emulator.model import ApiError, Params
from tests.e2e.emulator.params import flag, opt_int

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
# Calls that take allow_paid_broadcast (editing a message does not).
PAID_BROADCASTABLE = frozenset({"sendMessage", "sendDocument", "sendPhoto", "copyMessage"})
PAID_PER_SECOND = 1000
WINDOW_SECONDS = 1.0


class SlidingWindow:
    """At most `limit` admissions in any WINDOW_SECONDS."""

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self._admitted: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more admission fits (0: it fits now)."""
        while self._admitted and now - self._admitted[0] >= WINDOW_SECONDS:
            self._admitted.popleft()
        if len(self._admitted) < self.limit:
            return 0.0
        return self._admitted[0] + WINDOW_SECONDS - now

    def admit(self, now: float) -> None:
        self._admitted.append(now)


class RateLimiter:
    """Answers 429 to sends over the configured limits (none until `configure`)."""

    def __init__(self) -> None:
        self.too_many_requests = 0  # how many 429s the limits have answered
        self.paid_broadcasts = 0  # sends that passed with allow_paid_broadcast (0.1 Star each)
        self._free: SlidingWindow | None = None
        self._paid = SlidingWindow(PAID_PER_SECOND)
        self._chat_interval: float | None = None
        self._last_send: dict[int, float] = {}
        # Set: paid broadcasts are refused with this description (a bot out of Stars, say —
        # the Bot API documents no particular error for it, so any 400 must be survived).
        self.paid_refusal: str | None = None

    def configure(
        self, global_per_second: float | None = None, per_chat_interval: float | None = None
    ) -> None:
        self._free = SlidingWindow(global_per_second) if global_per_second is not None else None
        self._paid = SlidingWindow(PAID_PER_SECOND)
        self._chat_interval = per_chat_interval
        self._last_send.clear()

    def admit(self, method: str, params: Params) -> int | None:
        """Count this send and return None, or return retry_after seconds (whole seconds, as
        Telegram gives them) if it exceeds the limits; a refused send is not counted. Raises
        the 400 of a refused paid broadcast."""
        if method not in RATE_LIMITED:
            return None
        now = time.monotonic()
        paid = method in PAID_BROADCASTABLE and flag(params, "allow_paid_broadcast")
        if paid and self.paid_refusal is not None:
            raise ApiError(400, self.paid_refusal)
        window = self._paid if paid else self._free
        wait = window.wait(now) if window is not None else 0.0
        chat = opt_int(params, "chat_id")
        last = self._last_send.get(chat) if chat is not None else None
        if self._chat_interval is not None and last is not None:
            wait = max(wait, self._chat_interval - (now - last))
        if wait > 0:
            return max(1, math.ceil(wait))
        if window is not None:
            window.admit(now)
        if paid:
            self.paid_broadcasts += 1
        if chat is not None:
            self._last_send[chat] = now
        return None
