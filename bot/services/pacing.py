"""How fast the delivery worker sends: a pace that learns Telegram's limit from its 429s.

Telegram allows about 30 messages a second to different chats and answers 429 with
retry_after when a bot goes faster. Sending at the limit itself is the worst place to be:
every 429 stops everything for retry_after, and a sender that then resumes at the same rate
hits the limit again at once (measured: BROADCAST_RATE=30 against a strict 30-a-second
window gave 15 msg/s, slower than 25).

So the pace is a controller, not a constant:
- after a 429 it resumes at DECREASE times the rate that failed (several 429s from one burst
  of requests in flight count once), and remembers that rate;
- each clean second it closes CLIMB_SHARE of the gap to SETTLE times the rate that failed —
  just under the limit it found, where nothing but jitter separates it from the limit;
- while it sends without a 429 the remembered failure fades by FADE_PER_MINUTE, so a limit
  that was lifted (or a 429 that was someone else's burst) is eventually forgotten;
- it never exceeds the configured ceiling (BROADCAST_RATE), and what it learned is saved
  (storage/delivery_pace.py), so a restart does not begin by provoking Telegram again.

Two ways to spend a pace: `SteadyPacer` spaces sends evenly (the free lane: a sliding
window on Telegram's side never sees two sends closer than the pace allows); `WindowPacer`
admits at most `rate` sends in any second (paid broadcasts, which Telegram allows up to
1,000 a second: the window is the limit as documented, and bursts within it are fine).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable

from storage.delivery_pace import Learned

DECREASE = 0.95
SETTLE = 0.985
CLIMB_SHARE = 0.2
CLIMB_EVERY = 1.0  # seconds
FADE_PER_MINUTE = 0.005
MIN_RATE = 1.0
# Timer wake-ups come late by a fraction of a millisecond; a slot missed by less than this is
# still used, so the pace holds. It is kept small: a late send followed by one on time brings
# two sends closer together by up to this much, which is what a strict window could refuse.
CATCH_UP_SECONDS = 0.005
WINDOW_SECONDS = 1.0
# A wait longer than this looks at the worker's stop event this often, so a shutdown does
# not wait for a slot (or a short pause) to come.
STOP_CHECK_SECONDS = 0.1
# A lane paused by a 429 for longer than this gives a send's turn up instead of waiting: the
# message goes back to the outbox until the pause ends, and the worker goes on with the other
# lane's messages of its batch (paid broadcasts are not held up by the free lane's pause).
# Telegram's shortest retry_after (1 s) is still waited out, as before.
LONG_PAUSE_SECONDS = 1.0


class AdaptivePace:
    """The current rate (messages a second) of one lane, adjusted by 429s and clean time."""

    def __init__(
        self,
        ceiling: float,
        learned: Learned | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ceiling = ceiling
        self.clock = clock
        # The lowest pace: MIN_RATE, unless the organiser set a ceiling below even that.
        self.floor = min(MIN_RATE, ceiling)
        self.failed_rate: float | None = None
        self.rate = ceiling
        if learned is not None and learned.failed_rate is not None:
            self.failed_rate = learned.failed_rate
            self.rate = max(self.floor, min(ceiling, learned.rate))
        now = clock()
        self._adjusted_at = now
        self._resumed_at = now  # sends started before this belong to an earlier 429
        self.changes = 0  # bumped on every change, so the owner knows when to save
        self.failures = 0  # 429s that lowered the rate

    @property
    def target(self) -> float:
        """Where the pace climbs to: just under the rate that failed, at most the ceiling."""
        if self.failed_rate is None:
            return self.ceiling
        return min(self.ceiling, max(self.floor, self.failed_rate * SETTLE))

    def learned(self) -> Learned:
        return Learned(self.rate, self.failed_rate)

    def too_many_requests(self, sent_at: float, retry_after: float) -> None:
        """Telegram refused a send started at `sent_at` (monotonic time) with a 429."""
        now = self.clock()
        resume = now + retry_after
        if sent_at < self._resumed_at:
            # In flight before the pause this 429 belongs to: already counted. Its wait may
            # be longer, though, and the lane sends nothing until then: no climbing meanwhile.
            self._resumed_at = max(self._resumed_at, resume)
            self._adjusted_at = max(self._adjusted_at, resume)
            return
        self.failed_rate = self.rate
        self.rate = max(self.floor, self.rate * DECREASE)
        self._resumed_at = resume
        self._adjusted_at = resume
        self.changes += 1
        self.failures += 1

    def tick(self) -> float:
        """The rate to send at now: climbs and fades as clean seconds pass."""
        now = self.clock()
        elapsed = now - self._adjusted_at
        if elapsed < CLIMB_EVERY:
            return self.rate
        self._adjusted_at = now
        # An idle worker is not evidence that the limit moved: credit at most a few seconds.
        elapsed = min(elapsed, 5 * CLIMB_EVERY)
        if self.failed_rate is not None:
            self.failed_rate *= 1 + FADE_PER_MINUTE * elapsed / 60
            if self.failed_rate * SETTLE >= self.ceiling:
                self.failed_rate = None  # faded out: the ceiling is the target again
        target = self.target
        if self.rate != target:
            gap = target - self.rate
            share = 1 - (1 - CLIMB_SHARE) ** (elapsed / CLIMB_EVERY)
            self.rate = target if abs(gap) < 0.001 * target else self.rate + gap * share
            self.changes += 1
        return self.rate


async def _nap(seconds: float, stopping: asyncio.Event | None) -> None:
    """Sleep `seconds`, or less when it is long: the caller looks at `stopping` again."""
    if stopping is not None:
        seconds = min(seconds, STOP_CHECK_SECONDS)
    await asyncio.sleep(seconds)


class _PausablePacer:
    """What both pacers share: the pace they read, the next slot, a pause from a 429."""

    def __init__(self, pace: AdaptivePace) -> None:
        self.pace = pace
        self._next = time.monotonic()
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)
        self._next = max(self._next, self._paused_until)

    def paused_for(self) -> float:
        """Seconds until the lane's pause ends (0 or less: not paused)."""
        return self._paused_until - time.monotonic()

    def _gives_up(self, stopping: asyncio.Event | None) -> bool:
        return (stopping is not None and stopping.is_set()) or (
            self.paused_for() > LONG_PAUSE_SECONDS
        )


class SteadyPacer(_PausablePacer):
    """Send slots 1/rate apart, the rate read from the pace at every slot."""

    async def wait_turn(self, stopping: asyncio.Event | None = None) -> bool:
        """Wait for the next slot and take it; False (no slot taken): `stopping` was set, or
        the lane is paused for longer than LONG_PAUSE_SECONDS."""
        while True:
            if self._gives_up(stopping):
                return False
            interval = 1.0 / self.pace.tick()
            now = time.monotonic()
            # Slots left unused for longer than the catch-up (an idle worker) are not saved
            # up: no burst after a quiet period.
            slot = max(self._next, now - CATCH_UP_SECONDS)
            if slot <= now:
                self._next = slot + interval
                return True
            # Looked at again after the sleep: a 429 that came back meanwhile has moved the
            # slot (`pause`), and this send must wait for the pause too.
            await _nap(slot - now, stopping)


class WindowPacer(_PausablePacer):
    """At most `rate` sends in any WINDOW_SECONDS (the rate read from the pace), spread over
    the window rather than sent in one burst: a burst would leave the bot idle while Telegram
    works through it, then Telegram idle while the bot handles the answers."""

    SPREAD = 1.25  # sends go out at up to 1.25 times the rate; the window holds the average

    def __init__(self, pace: AdaptivePace) -> None:
        super().__init__(pace)
        self._sent: deque[float] = deque()

    async def wait_turn(self, stopping: asyncio.Event | None = None) -> bool:
        """Wait for a place in the window and take it; False as SteadyPacer's."""
        while True:
            if self._gives_up(stopping):
                return False
            rate = self.pace.tick()
            limit = max(1, int(rate))
            now = time.monotonic()
            while self._sent and now - self._sent[0] >= WINDOW_SECONDS:
                self._sent.popleft()
            slot = max(self._next, now - CATCH_UP_SECONDS)
            if len(self._sent) >= limit:
                slot = max(slot, self._sent[0] + WINDOW_SECONDS)
            if slot <= now:
                self._next = slot + 1.0 / (rate * self.SPREAD)
                self._sent.append(now)
                return True
            await _nap(slot - now, stopping)


Pacer = SteadyPacer | WindowPacer
