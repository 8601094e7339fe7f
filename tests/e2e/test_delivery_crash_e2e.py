"""Crash test: the bot is killed with SIGKILL half-way through an announcement to 2,000
officers and restarted; everyone ends with the message, duplicates stay within the bound,
and every outbox row ends in a final state."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from bot.services.delivery import in_flight_for
from storage.database import Database
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e

RECIPIENTS = 2000
RATE = 200


async def test_sigkill_half_way_loses_nothing_and_duplicates_stay_bounded(
    bot: BotProcess, make_user, emulator: BotAPIEmulator, tmp_path
):
    # The officers exist already (they used the bot before): written to the bot's database.
    async with Database(tmp_path / "data" / "bot.sqlite3") as db:
        users = UserRepository(db)
        for user_id in range(10_000, 10_000 + RECIPIENTS):
            await users.upsert_seen(user_id, "ru")
    await bot.start(BROADCAST_RATE=str(RATE))
    organiser = await steps.join_organiser(make_user)
    await steps.compose(organiser)
    await steps.send_now(organiser)

    def deliveries() -> Counter[int]:
        return Counter(
            int(c.params["chat_id"])
            for c in emulator.calls
            if c.method == "sendMessage" and c.ok and "Открыта запись" in str(c.params.get("text"))
        )

    await emulator.wait_for(lambda: len(emulator.outbox) > RECIPIENTS // 2, timeout=60)
    bot.process.send_signal(signal.SIGKILL)
    assert await bot.wait_exit() == -signal.SIGKILL
    half = sum(deliveries().values())
    assert 0 < half < RECIPIENTS

    await bot.start(BROADCAST_RATE=str(RATE))
    # Everyone, the organiser's own copy included: it may be the last one queued.
    everyone = {*range(10_000, 10_000 + RECIPIENTS), ORGANISER_ID}
    await emulator.wait_for(lambda: everyone <= deliveries().keys(), timeout=90)
    # A message that reached its reader before the kill is sent again after it (its outcome
    # was never written): wait for those too, so no row is stopped half-way.
    await outbox_settled(tmp_path / "data" / "bot.sqlite3", timeout=30)
    assert await bot.stop() == 0

    counts = deliveries()
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    # Only requests in flight (sent, outcome not yet written) can repeat; the worker never
    # has more than in_flight_for(rate) of them (see bot/services/delivery.py).
    assert duplicates <= in_flight_for(RATE)
    with sqlite3.connect(tmp_path / "data" / "bot.sqlite3") as conn:
        states = dict(conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall())
    assert states.get("pending", 0) == states.get("sending", 0) == 0
    assert states["sent"] == RECIPIENTS + 1  # and the organiser's own copy


def unfinished(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        (count,) = conn.execute(
            "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
        ).fetchone()
    return int(count)


async def outbox_settled(path: Path, timeout: float) -> None:  # noqa: ASYNC109 - a deadline
    """Poll the bot's outbox (written outside the emulator, so no event to wait on) until no
    row is pending or being sent, or fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while (left := unfinished(path)) > 0:
        assert loop.time() < deadline, f"{left} outbox row(s) still unfinished"
        await asyncio.sleep(0.1)
