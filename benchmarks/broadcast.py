"""Delivery engine figures against the Bot API emulator running in its own process.

1. Telegram-like limits (30/s global, 1/s per chat), BROADCAST_RATE=25: achieved rate as a
   fraction of 25, and how many 429s were provoked.
2. No limits, BROADCAST_RATE=1000: messages/s end to end, outbox bookkeeping included.
3. 100,000 recipients, on the real `python -m bot` process: its idle RSS and its peak RSS
   while it sends, beside the aiogram-import floor (benchmarks/memory_probe.py).

    .venv/bin/python benchmarks/broadcast.py [--limited 3000] [--unlimited 5000] [--big 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import resource
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
from storage.database import Database

TOKEN = "123456789:AAEbenchmarkTOKENbenchmarkTOKEN_000"


def emulator_process(limits: dict[str, Any], urls: Any, stop: Any, stats: Any) -> None:
    """The emulator in a process of its own, so its work does not slow the bot's side."""
    from tests.e2e.emulator import BotAPIEmulator

    async def serve() -> None:
        async with BotAPIEmulator(TOKEN) as emu:
            if limits:
                emu.rate_limit(**limits)
            urls.put(emu.base_url)
            # The stop signal comes from another process: poll it (no asyncio event there).
            while not stop.is_set():  # noqa: ASYNC110
                await asyncio.sleep(0.2)
            sends = sum(1 for c in emu.calls if c.method == "sendMessage" and c.ok)
            stats.put({"sent": sends, "too_many_requests": emu.too_many_requests})

    asyncio.run(serve())


def rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


async def seed(db: Database, count: int) -> None:
    async with db.transaction() as tx:
        await tx.write_many(
            "INSERT INTO users (id, telegram_language, timezone, created_at, last_seen_at)"
            " VALUES (?, ?, 'Asia/Almaty', '2027-01-01', '2027-01-01')",
            [(100_000 + i, "ru" if i % 2 else "en") for i in range(count)],
        )


async def run(
    recipients: int, rate: float, limits: dict[str, Any], watch_seconds: float = 0
) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    urls, stats, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    server = ctx.Process(target=emulator_process, args=(limits, urls, stop, stats), daemon=True)
    server.start()
    base_url = urls.get(timeout=30)
    localizations = Localizations()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            _env_file=None,
            bot_token=TOKEN,
            database_path=Path(tmp) / "b.sqlite3",
            broadcast_rate=rate,
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
            started = time.perf_counter()
            worker.start()
            while True:
                await asyncio.sleep(0.25)
                row = await db.fetch_one(
                    "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
                )
                elapsed = time.perf_counter() - started
                if row[0] == 0 or (watch_seconds and elapsed >= watch_seconds):
                    break
            await worker.stop()
            elapsed = time.perf_counter() - started
            done = await db.fetch_one("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
            await bot.session.close()
    stop.set()
    result = stats.get(timeout=30)
    server.join(timeout=10)
    return {
        "queued": queued,
        "enqueue_seconds": enqueue_seconds,
        "sent": done[0],
        "seconds": elapsed,
        "rate": done[0] / elapsed,
        "too_many_requests": result["too_many_requests"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_mb": rss_mb(),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limited", type=int, default=3000)
    parser.add_argument("--unlimited", type=int, default=5000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--watch", type=float, default=25.0, help="seconds of sending in 3")
    args = parser.parse_args()

    memory_probe.report(await memory_probe.measure(args.big, args.watch))

    one = await run(args.limited, 25, {"global_per_second": 30, "per_chat_interval": 1.0})
    print(f"1. limits 30/s + 1/s per chat, BROADCAST_RATE=25, {one['queued']:,} recipients:")
    share = one["rate"] / 25
    print(f"   {one['rate']:.2f} msg/s = {share:.3f} of 25; 429s: {one['too_many_requests']}")

    two = await run(args.unlimited, 1000, {})
    print(f"2. no limits, BROADCAST_RATE=1000, {two['queued']:,} recipients:")
    print(f"   {two['rate']:,.0f} msg/s end to end ({two['sent']:,} in {two['seconds']:.1f} s)")


if __name__ == "__main__":
    asyncio.run(main())
