"""Delivery engine figures against the Bot API emulator running in its own process.

1. A strict sliding window of 30 sends a second and one a second per chat, 1,500 recipients
   (30 of whom blocked the bot), BROADCAST_RATE 25 and 30: messages handled a second, 429s,
   lost and duplicated messages — the adaptive pace beside the fixed pace used before.
2. No limits, 5,000 recipients: messages/s end to end, outbox bookkeeping included, on the
   free lane at BROADCAST_RATE=1000 and with PAID_BROADCAST on.
3. 100,000 recipients, on the real `python -m bot` process: its idle RSS and its peak RSS
   while it sends, beside the aiogram-import floor (benchmarks/memory_probe.py).

    .venv/bin/python benchmarks/broadcast.py [--limited 1500] [--unlimited 5000] [--big 100000]
                                             [--no-baseline] [--only N]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from benchmarks import memory_probe
from bot.app import create_bot, create_delivery_worker, create_services
from bot.config import Settings
from bot.i18n import Localizations
from bot.services.delivery import Lane
from bot.services.pacing import AdaptivePace
from storage.database import Database

TOKEN = "123456789:AAEbenchmarkTOKENbenchmarkTOKEN_000"


def emulator_process(
    limits: dict[str, Any], blocked: list[int], urls: Any, stop: Any, stats: Any
) -> None:
    """The emulator in a process of its own, so its work does not slow the bot's side."""
    from collections import Counter

    from tests.e2e.emulator import BotAPIEmulator

    async def serve() -> None:
        async with BotAPIEmulator(TOKEN) as emu:
            if limits:
                emu.rate_limit(**limits)
            for chat in blocked:
                emu.fail_chat(chat, "403")
            urls.put(emu.base_url)
            # The stop signal comes from another process: poll it (no asyncio event there).
            while not stop.is_set():  # noqa: ASYNC110
                await asyncio.sleep(0.2)
            delivered = Counter(
                int(c.params["chat_id"]) for c in emu.calls if c.method == "sendMessage" and c.ok
            )
            stats.put(
                {
                    "delivered": delivered,
                    "too_many_requests": emu.too_many_requests,
                    "paid": emu.paid_broadcasts,
                    "emulator_cpu": time.process_time(),
                }
            )

    asyncio.run(serve())


class FixedPacer:
    """The pacer before issue 16, for the baseline: slots 1/rate apart whatever happens, a
    429 pushes them back by retry_after and sending resumes at the same rate."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self._next = time.monotonic()
        self.pace = AdaptivePace(rate)  # told about 429s, never read

    async def wait_turn(self, stopping: asyncio.Event | None = None) -> bool:
        """The worker's call (True: a slot was taken); `stopping` is not looked at, as
        before."""
        now = time.monotonic()
        slot = max(self._next, now - 0.05)
        self._next = slot + self.interval
        if slot > now:
            await asyncio.sleep(slot - now)
        return True

    def pause(self, seconds: float) -> None:
        self._next = max(self._next, time.monotonic() + seconds)


async def seed(db: Database, count: int) -> None:
    async with db.transaction() as tx:
        await tx.write_many(
            "INSERT INTO users (id, telegram_language, timezone, created_at, last_seen_at)"
            " VALUES (?, ?, 'Asia/Almaty', '2027-01-01', '2027-01-01')",
            [(100_000 + i, "ru" if i % 2 else "en") for i in range(count)],
        )


async def run(
    recipients: int,
    rate: float,
    limits: dict[str, Any],
    *,
    blocked: int = 0,
    paid: bool = False,
    fixed: bool = False,
) -> dict[str, Any]:
    """One broadcast to `recipients` (the first `blocked` of them have blocked the bot) at
    BROADCAST_RATE `rate`, PAID_BROADCAST `paid`; `fixed`: with the pre-issue-16 pacer."""
    blocked_ids = [100_000 + i * (recipients // max(blocked, 1)) for i in range(blocked)]
    ctx = mp.get_context("spawn")
    urls, stats, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    server = ctx.Process(
        target=emulator_process, args=(limits, blocked_ids, urls, stop, stats), daemon=True
    )
    server.start()
    base_url = urls.get(timeout=30)
    localizations = Localizations()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            bot_token=TOKEN,
            database_path=Path(tmp) / "b.sqlite3",
            broadcast_rate=rate,
            paid_broadcast=paid,
        )
        async with Database(settings.database_path) as db:
            await seed(db, recipients)
            services = create_services(db, localizations, settings)
            item = await services.announcements.create(
                created_by=1,
                text_en="<b>Risk management</b> seminar",
                text_ru="<b>Семинар</b>",
                audience={"kind": "all"},
            )
            started = time.perf_counter()
            queued = await services.announcements.send_now(item.id)
            enqueue_seconds = time.perf_counter() - started
            bot = create_bot(
                settings,
                session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)),
                retry=False,
            )

            worker = create_delivery_worker(
                settings, localizations, services, bot, bot, asyncio.Event()
            )
            if fixed:
                pacer = FixedPacer(rate)
                worker.lanes["free"] = Lane("free", pacer.pace, pacer)
            started = time.perf_counter()
            cpu_started = time.process_time()
            worker.start()
            while True:
                # A poll with a fine grain: the figure is the time until the last outcome
                # is written, not until the next look.
                await asyncio.sleep(0.02)
                row = await db.fetch_one(
                    "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
                )
                if row[0] == 0:
                    break
            # The fixed pace never reads its AdaptivePace: no learned figure to show.
            pace = None if fixed else worker.lanes["free"].pace.rate
            await worker.stop()
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            states = dict(await db.fetch_all("SELECT state, COUNT(*) FROM outbox GROUP BY state"))
            await bot.session.close()
    stop.set()
    result = stats.get(timeout=60)
    server.join(timeout=10)
    delivered = result["delivered"]
    handled = states.get("sent", 0) + states.get("blocked", 0)
    return {
        "queued": queued,
        "enqueue_seconds": enqueue_seconds,
        "sent": states.get("sent", 0),
        "handled": handled,
        "seconds": elapsed,
        "rate": handled / elapsed,
        "too_many_requests": result["too_many_requests"],
        "paid": result["paid"],
        "emulator_cpu_ms_per_message": 1000 * result["emulator_cpu"] / max(handled, 1),
        "lost": recipients - blocked - len(delivered),
        "duplicates": sum(n - 1 for n in delivered.values()),
        "pace": pace,
        "cpu_ms_per_message": 1000 * cpu / max(handled, 1),
    }


TELEGRAM_LIMITS = {"global_per_second": 30, "per_chat_interval": 1.0}


def limited_line(label: str, run: dict[str, Any], rate: float) -> str:
    return (
        f"   {label:<22} {run['rate']:6.2f} msg/s = {run['rate'] / rate:.3f} of {rate:g};"
        f" 429s: {run['too_many_requests']:3}; lost {run['lost']}, duplicates"
        f" {run['duplicates']}"
        + ("" if run["pace"] is None else f"; pace at the end {run['pace']:.2f}")
    )


async def limited(recipients: int, blocked: int, baseline: bool) -> None:
    """Scenario 1: a strict window of 30 a second globally and one a second per chat."""
    for rate in (25.0, 30.0):
        print(
            f"1. strict window 30/s + 1/s per chat, BROADCAST_RATE={rate:g},"
            f" {recipients:,} recipients ({blocked} blocked the bot):",
            flush=True,
        )
        if baseline:
            old = await run(recipients, rate, TELEGRAM_LIMITS, blocked=blocked, fixed=True)
            print(limited_line("fixed pace (before):", old, rate), flush=True)
        new = await run(recipients, rate, TELEGRAM_LIMITS, blocked=blocked)
        print(limited_line("adaptive pace:", new, rate), flush=True)


async def unlimited(recipients: int) -> None:
    """Scenario 2: no limits; the free lane at BROADCAST_RATE=1000 (the ceiling before paid
    broadcasts existed) against PAID_BROADCAST on."""
    print(f"2. no limits, {recipients:,} recipients, end to end with bookkeeping:", flush=True)
    free = await run(recipients, 1000, {})
    print(
        f"   free lane, BROADCAST_RATE=1000: {free['rate']:7,.0f} msg/s"
        f" ({free['handled']:,} in {free['seconds']:.2f} s;"
        f" bot side {free['cpu_ms_per_message']:.2f} ms CPU a message)",
        flush=True,
    )
    paid = await run(recipients, 25, {}, paid=True)
    print(
        f"   PAID_BROADCAST on:              {paid['rate']:7,.0f} msg/s"
        f" ({paid['handled']:,} in {paid['seconds']:.2f} s; {paid['paid']:,} paid sends;"
        f" {paid['cpu_ms_per_message']:.2f} ms CPU a message), ratio"
        f" {paid['rate'] / free['rate']:.2f}",
        flush=True,
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limited", type=int, default=1500)
    parser.add_argument("--blocked", type=int, default=30, help="of the limited recipients")
    parser.add_argument("--no-baseline", action="store_true", help="skip the fixed-pace runs")
    parser.add_argument("--unlimited", type=int, default=5000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--watch", type=float, default=25.0, help="seconds of sending in 3")
    parser.add_argument("--only", type=int, choices=(1, 2, 3), action="append", help="scenario")
    args = parser.parse_args()
    only = set(args.only or (1, 2, 3))

    if 1 in only:
        await limited(args.limited, args.blocked, not args.no_baseline)
    if 2 in only:
        await unlimited(args.unlimited)
    if 3 in only:
        memory_probe.report(await memory_probe.measure(args.big, args.watch))


if __name__ == "__main__":
    asyncio.run(main())
