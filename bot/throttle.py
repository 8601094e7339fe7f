"""Per-user throttle: one person sending a flood of messages or button presses cannot slow the
bot for everyone else. Dropped before the user middleware, so a dropped update costs no
database work; the person is told once to slow down."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, Update, User

from bot.config import Locale
from bot.i18n import Localizations, pick_locale
from storage.users import UserRepository

log = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]

# A person taps or types a few times a second at most (THROTTLE_RATE, default 4 a second,
# sustained); an album of photos or a quick run through a questionnaire fits in the burst of
# BURST_SECONDS at that rate. Faster is a script or a stuck key: those updates are dropped.
BURST_SECONDS = 3.0
# Updates handled at once (aiogram's tasks_concurrency_limit in polling; Telegram's
# max_connections for a webhook, at most 100): a flood queues instead of piling up tasks.
CONCURRENT_UPDATES = 32

# A dropped button press is answered at most this often per person: a person who taps too
# fast sees their spinner stop, while a script pressing 100 times a second does not make the
# bot send 100 answers a second (measured: those answers held the update slots other people's
# updates wait for, tripling their p95 reply time in benchmarks/flood.py).
ANSWER_DROPPED_EVERY = 1.0

_PRUNE_EVERY = 1000  # updates between sweeps of people idle long enough to have a full bucket


@dataclass
class _Bucket:
    tokens: float
    at: float
    hinted: bool = False
    answered: float = float("-inf")  # when a dropped press was last answered


class ThrottleMiddleware(BaseMiddleware):
    """A token bucket per user for messages and button presses (other updates pass)."""

    def __init__(
        self,
        users: UserRepository,
        localizations: Localizations,
        default_locale: Locale,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.users = users
        self.localizations = localizations
        self.default_locale = default_locale
        self.rate = rate  # 0: no throttle
        self.burst = max(1.0, rate * BURST_SECONDS)
        self.clock = clock
        self._buckets: dict[int, _Bucket] = {}
        self._seen = 0

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        sender: User | None = data.get("event_from_user")
        if (
            self.rate <= 0
            or sender is None
            or not isinstance(event, Update)
            or (event.message is None and event.callback_query is None)
        ):
            return await handler(event, data)
        bucket = self._take(sender.id)
        if bucket is None:
            return await handler(event, data)
        first = not bucket.hinted
        bucket.hinted = True
        await self._refuse(event, sender, data["bot"], bucket, hint=first)
        return UNHANDLED

    def _take(self, user_id: int) -> _Bucket | None:
        """None if the update may go on; the user's exhausted bucket if it is dropped."""
        now = self.clock()
        self._seen += 1
        if self._seen % _PRUNE_EVERY == 0:
            self._prune(now)
        bucket = self._buckets.get(user_id)
        if bucket is None:
            self._buckets[user_id] = _Bucket(self.burst - 1.0, now)
            return None
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= self.burst:
            bucket.hinted = False  # calm long enough to fill up: a later flood gets a hint
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        return bucket

    def _prune(self, now: float) -> None:
        full_after = self.burst / self.rate
        self._buckets = {uid: b for uid, b in self._buckets.items() if now - b.at < full_after}

    async def _refuse(
        self, event: Update, sender: User, bot: Bot, bucket: _Bucket, hint: bool
    ) -> None:
        """The first dropped update of a flood gets the hint; later dropped button presses an
        empty answer at most every ANSWER_DROPPED_EVERY seconds, the rest nothing."""
        text = await self._hint(sender) if hint else None
        try:
            if event.callback_query is not None:
                now = self.clock()
                if text is None and now - bucket.answered < ANSWER_DROPPED_EVERY:
                    return
                bucket.answered = now
                await bot.answer_callback_query(event.callback_query.id, text=text)
            elif text is not None and event.message is not None:
                await bot.send_message(event.message.chat.id, text)
        except TelegramAPIError as exc:
            log.warning("Could not answer a throttled update %s: %s", event.update_id, exc)

    async def _hint(self, sender: User) -> str:
        user = await self.users.get(sender.id)
        locale = pick_locale(
            user.language if user else None, sender.language_code, self.default_locale
        )
        return self.localizations.get(locale)("throttle-slow-down")
