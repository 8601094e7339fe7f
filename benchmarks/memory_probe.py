"""The bot's memory, measured on the real `python -m bot` process (scenario 3 of broadcast.py).

Printed side by side: the aiogram-import floor (a fresh `python -c "import aiogram"`), the
bot's idle RSS once start-up has settled, and its RSS while it sends an announcement to
100,000 officers (seeded before it starts; the organiser sends it through the /announce
dialog; the emulator, with no limits, runs in this process and is not counted).

    .venv/bin/python benchmarks/memory_probe.py [--big 100000] [--watch 25]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.soak import ORGANISER, TOKEN, World, announce, seed  # noqa: E402
from tests.e2e.process import child_env, run_bot  # noqa: E402

SETTLE_DEADLINE = 60.0  # seconds for start-up to settle before the idle figure is taken
SETTLE_WINDOW = 3.0  # RSS must stay within SETTLE_SPREAD_MB for this long to count as idle
SETTLE_SPREAD_MB = 0.25
SAMPLE_SECONDS = 0.25

# The child prints its own VmRSS: the floor any aiogram bot starts from on this machine.
FLOOR_CODE = (
    "import re, aiogram; "
    "print(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
)


@dataclass
class Memory:
    """One process's VmRSS and VmHWM (its peak so far), in MB."""

    rss: float
    hwm: float


def read_memory(pid: int | str) -> Memory | None:
    """VmRSS and VmHWM of a process (Linux); None once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    values = dict(re.findall(r"(VmRSS|VmHWM):\s+(\d+) kB", status))
    return Memory(int(values["VmRSS"]) / 1024, int(values["VmHWM"]) / 1024)


def aiogram_floor_mb() -> float:
    """RSS of a fresh interpreter that has only imported aiogram."""
    output = subprocess.run(
        [sys.executable, "-c", FLOOR_CODE],
        env=child_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(output) / 1024


async def settled_rss(pid: int) -> Memory:
    """The process's memory once RSS has stopped moving (a poll with a deadline)."""
    samples: list[tuple[float, Memory]] = []
    deadline = time.monotonic() + SETTLE_DEADLINE
    while True:
        memory = read_memory(pid)
        if memory is None:
            raise RuntimeError("the bot exited while starting")
        now = time.monotonic()
        samples.append((now, memory))
        window = [m.rss for t, m in samples if t >= now - SETTLE_WINDOW]
        if now - samples[0][0] >= SETTLE_WINDOW and max(window) - min(window) <= SETTLE_SPREAD_MB:
            return memory
        if now >= deadline:
            raise RuntimeError(f"RSS still moving after {SETTLE_DEADLINE:.0f} s: {window}")
        await asyncio.sleep(SAMPLE_SECONDS)


def outbox_counts(database: Path) -> tuple[int, int]:
    """(sent, still to send) of the announcement, read beside the running bot."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        sent, waiting = db.execute(
            "SELECT COALESCE(SUM(state = 'sent'), 0),"
            " COALESCE(SUM(state IN ('pending', 'sending')), 0)"
            " FROM outbox WHERE kind = 'announcement'"
        ).fetchone()
    return int(sent), int(waiting)


@dataclass
class BroadcastMemory:
    floor: float
    idle: Memory
    peak_rss: float  # highest VmRSS sampled while sending
    end: Memory  # at the end of the watch (its VmHWM catches a spike between samples)
    queued: int
    sent: int
    seconds: float
    by_sent: list[tuple[int, float]]  # (messages sent, VmRSS) as sampled: how it grows

    def growth(self, points: int = 5) -> str:
        """RSS at a few points of the sending: flat is fixed costs, a slope is per message."""
        last = len(self.by_sent) - 1
        picks = sorted({round(n * last / (points - 1)) for n in range(points)})
        return ", ".join(f"{self.by_sent[i][0]:,}: {self.by_sent[i][1]:.1f}" for i in picks)

    @property
    def delta(self) -> float:
        return self.peak_rss - self.idle.rss


async def measure(
    recipients: int,
    watch_seconds: float,
    rate: int = 1000,
    bot_env: dict[str, str] | None = None,
) -> BroadcastMemory:
    """Start the bot over `recipients` seeded officers, take its idle RSS, send them an
    announcement, and sample its RSS for `watch_seconds` of sending (or until done).
    `bot_env` is added to the bot's environment (to compare, e.g., MALLOC_ARENA_MAX)."""
    floor = aiogram_floor_mb()
    workdir = Path(tempfile.mkdtemp(prefix="memory-"))
    database = workdir / "data" / "bot.sqlite3"
    # The reminded course of the soak's seed starts in a month: no reminder during the run.
    await seed(database, recipients, datetime.now(UTC) + timedelta(days=30))
    async with World() as world:
        env = {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": world.base_url,
            "DATABASE_PATH": str(database),
            "ADMIN_IDS": str(ORGANISER),
            "BROADCAST_RATE": str(rate),
            "LOG_LEVEL": "INFO",
            **(bot_env or {}),
        }
        polls_before = world.poll_generation
        with (workdir / "bot.log").open("ab") as log:
            bot = await run_bot(workdir=workdir, env=child_env(env), output=log)
        try:
            await world.wait_for(lambda: world.poll_generation > polls_before, timeout=60)
            idle = await settled_rss(bot.pid)
            peak = idle.rss
            end = idle
            sent, waiting = 0, 0
            by_sent: list[tuple[int, float]] = []
            started = time.monotonic()
            if watch_seconds > 0:  # 0: the idle figure only
                await announce(world)
                started = time.monotonic()
                # Until it is queued (the Send press takes a moment), then sent or watched enough.
                deadline = started + watch_seconds
                while (sent + waiting == 0 or waiting) and time.monotonic() < deadline:
                    await asyncio.sleep(SAMPLE_SECONDS)
                    memory = read_memory(bot.pid)
                    if memory is None:
                        raise RuntimeError(f"the bot exited; see {workdir / 'bot.log'}")
                    peak, end = max(peak, memory.rss), memory
                    sent, waiting = outbox_counts(database)
                    by_sent.append((sent, memory.rss))
            seconds = time.monotonic() - started
        finally:
            if bot.returncode is None:
                bot.send_signal(signal.SIGTERM)
            await asyncio.wait_for(bot.wait(), 60)
    # Kept when the run failed (its bot.log says why); 30 MB of database otherwise.
    shutil.rmtree(workdir)
    return BroadcastMemory(floor, idle, peak, end, sent + waiting, sent, seconds, by_sent)


def report(result: BroadcastMemory) -> None:
    r = result
    sending = f"{r.queued:,} recipients" if r.by_sent else "idle only"
    print(f"3. the bot's memory (real `python -m bot`), {sending}:")
    print(
        f"   aiogram-import floor {r.floor:.1f} MB; bot idle {r.idle.rss:.1f} MB"
        f" (floor + {r.idle.rss - r.floor:.1f} MB)"
    )
    if not r.by_sent:
        return
    print(
        f"   while sending {r.sent:,} in {r.seconds:.0f} s ({r.sent / r.seconds:,.0f} msg/s):"
        f" peak RSS {r.peak_rss:.1f} MB (idle + {r.delta:.1f} MB);"
        f" VmHWM {r.idle.hwm:.1f} MB at idle, {r.end.hwm:.1f} MB at the end"
    )
    print(f"   RSS (MB) by messages sent: {r.growth()}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=100_000, help="recipients")
    parser.add_argument(
        "--watch", type=float, default=25.0, help="seconds of sending (0: idle RSS only)"
    )
    parser.add_argument(
        "--bot-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="add to the bot's environment (repeatable), e.g. MALLOC_ARENA_MAX=2",
    )
    args = parser.parse_args()
    bot_env = dict(item.split("=", 1) for item in args.bot_env)
    report(await measure(args.big, args.watch, bot_env=bot_env))


if __name__ == "__main__":
    asyncio.run(main())
