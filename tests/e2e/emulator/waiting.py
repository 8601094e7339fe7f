"""Waking whoever waits on the emulator's state: long polls, the webhook poster, tests."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Ticker:
    """A wake-up signal raised after every call, update and state change."""

    def __init__(self) -> None:
        self._tick = asyncio.Event()
        self.closing = False

    @property
    def current(self) -> asyncio.Event:
        """The event the next notify() sets; grab it before checking a condition."""
        return self._tick

    def notify(self) -> None:
        # Waiters grab the current event before checking their condition, so swapping in a
        # fresh event after setting the old one cannot lose a wake-up.
        self._tick.set()
        self._tick = asyncio.Event()

    def close(self) -> None:
        self.closing = True
        self.notify()  # release long-pollers so shutdown does not wait for their timeout

    @staticmethod
    async def wait(tick: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tick.wait(), seconds)

    async def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float,  # noqa: ASYNC109 - a deadline for the condition, not for I/O
        describe: Callable[[], str],
    ) -> T:
        """Re-evaluate `predicate` after every notify() until it returns something truthy;
        on timeout fail with the predicate's name and `describe()`."""
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
                raise AssertionError(f"condition {name} not met within {timeout}s\n{describe()}")
            await self.wait(tick, remaining)
