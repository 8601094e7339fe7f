"""The one clock. Every service, the scheduler and the storage layer ask it for the time, and
handlers receive it as the `clock` Dispatcher kwarg, so a test moves time for all of them by
injecting one ManualClock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current time, aware, in UTC: the only place the product reads the wall clock."""
    return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until moved: for tests and benchmarks."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or system_clock()

    def __call__(self) -> datetime:
        return self.now

    def move(self, by: timedelta) -> None:
        self.now += by
