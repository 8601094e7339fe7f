"""Flood: one user sends 5,000 updates while 100 officers use the bot; their reply latency with
and without the flood, in the same run, against the real `python -m bot` process and the Bot
API emulator (the officers, the seeding and the process come from soak.py).

The officers browse, sign up, cancel, read /my and answer the survey the whole time, each
waiting for the bot's reply before the next step. Quiet windows and flood windows alternate
(so both see the same machine: these machines are shared and noisy); in each flood window one
user pushes its share of the 5,000 updates (commands and button presses) at a steady rate. A
reply counts for the flood if its request was pushed during a flood window or in the second
after one. Printed: the officers' p50/p95 in each, the ratio of the p95s (target: within 2x),
the CPU seconds the bot used in each, and what the flooder got back.

    .venv/bin/python benchmarks/flood.py [--officers 100] [--flood 5000] [--windows 6]
        [--window 5] [--throttle-rate 4]   # THROTTLE_RATE for the bot; 0: without it
        [--presses 0.5]                    # the share of button presses in the flood
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.soak import (  # noqa: E402
    FIRST_USER,
    ORGANISER,
    TOKEN,
    Bot,
    Officer,
    Stats,
    World,
    percentile,
    seed,
)
from bot.ui.callbacks import CourseAction, CourseCb  # noqa: E402
from tests.e2e.emulator import SentMessage  # noqa: E402

HINT_MARKS = ("Too many messages at once", "Слишком много сообщений подряд")
GRACE = 1.0  # seconds after a flood window whose replies still count for the flood
WARM_UP = 5.0


class Timed(list[float]):
    """Latencies, each with the moment its request was pushed (Officer appends on reply)."""

    def __init__(self) -> None:
        super().__init__()
        self.pushed: list[float] = []

    def append(self, latency: float) -> None:
        super().append(latency)
        self.pushed.append(time.monotonic() - latency)


async def flood_window(
    flooder: Officer, message: SentMessage, count: int, seconds: float, press_share: float
) -> set[str]:
    """Push `count` updates from one user at a steady rate over `seconds`; returns the ids of
    the button presses among them (each must still be answered)."""
    view = CourseCb(action=CourseAction.VIEW, course_id=2).pack()
    batch = 10
    interval = seconds * batch / count
    presses: set[str] = set()
    start = time.monotonic()
    for sent in range(0, count, batch):
        for n in range(sent, min(sent + batch, count)):
            if (n + 1) * press_share - int(n * press_share) >= 1:
                query = flooder.user.press_data(view, message)
                presses.add(str(query["id"]))
            else:
                flooder.user.send("/courses")
        # Paced against the clock, so a slow loop does not stretch the flood.
        delay = start + (sent + batch) / batch * interval - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
    return presses


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=100)
    parser.add_argument("--flood", type=int, default=5000)
    parser.add_argument("--windows", type=int, default=6, help="flood windows (as many quiet)")
    parser.add_argument("--window", type=float, default=5.0, help="seconds per window")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between steps")
    parser.add_argument("--throttle-rate", default="4")
    parser.add_argument("--presses", type=float, default=0.5)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="flood-"))
    database = workdir / "data" / "bot.sqlite3"
    flooder_id = FIRST_USER + args.officers
    # Seeded officers (plus the flooder) with profiles; the soak's reminded course is far off.
    await seed(database, args.officers + 1, datetime.now(UTC) + timedelta(days=3))
    stats = Stats()
    stats.latencies = Timed()
    floods: list[tuple[float, float]] = []
    cpu = {"quiet": 0.0, "flood": 0.0}
    presses: set[str] = set()
    async with World() as world:
        env = {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": world.base_url,
            "DATABASE_PATH": str(database),
            "ADMIN_IDS": str(ORGANISER),
            "REMINDER_OFFSETS": "1h",
            "THROTTLE_RATE": args.throttle_rate,
            "LOG_LEVEL": "WARNING",
        }
        bot = Bot(world, workdir, env)
        await bot.start()
        flooder = Officer(world, flooder_id, Stats())
        await flooder.send("/courses")  # the bot polls and answers; a message to press on
        message = world.last_message[flooder_id]
        begin = time.monotonic()
        until = begin + WARM_UP + 2 * args.windows * args.window
        officers = [Officer(world, FIRST_USER + n, stats) for n in range(args.officers)]
        lives = [asyncio.create_task(o.live(until, args.think)) for o in officers]
        await asyncio.sleep(WARM_UP)
        calls_before = len(world.calls)
        share = args.flood // args.windows
        for number in range(args.windows):
            mark = bot_cpu(bot)
            await asyncio.sleep(args.window)
            cpu["quiet"] += bot_cpu(bot) - mark
            mark, started = bot_cpu(bot), time.monotonic()
            count = share if number < args.windows - 1 else args.flood - share * number
            presses |= await flood_window(flooder, message, count, args.window, args.presses)
            floods.append((started, time.monotonic()))
            cpu["flood"] += bot_cpu(bot) - mark
        await asyncio.gather(*lives)
        # The bot is another process: poll the emulator's queue (SIGTERM then lets the
        # updates being handled finish).
        deadline = time.monotonic() + 60
        while world.pending_updates() and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.5)
        exit_code = await bot.stop()

    latencies = stats.latencies
    assert isinstance(latencies, Timed)
    quiet: list[float] = []
    loud: list[float] = []
    for pushed, latency in zip(latencies.pushed, latencies, strict=True):
        if pushed < begin + WARM_UP:
            continue
        in_flood = any(start <= pushed < end + GRACE for start, end in floods)
        (loud if in_flood else quiet).append(latency)
    calls = world.calls[calls_before:]
    hints = sum(
        1
        for c in calls
        if c.ok
        and str(c.params.get("text", "")).startswith(HINT_MARKS)
        and (_chat(c.params) == flooder_id or str(c.params.get("callback_query_id")) in presses)
    )
    answered = len(
        {
            str(c.params.get("callback_query_id"))
            for c in calls
            if c.method == "answerCallbackQuery" and c.ok
        }
        & presses
    )
    replies = sum(
        1
        for c in calls
        if c.ok
        and _chat(c.params) == flooder_id
        and c.method in ("sendMessage", "editMessageText")
        and not str(c.params.get("text", "")).startswith(HINT_MARKS)
    )
    q95, f95 = percentile(quiet, 0.95) * 1000, percentile(loud, 0.95) * 1000
    rate = args.flood / args.windows / args.window
    print(
        f"flood: {args.officers} officers; {args.flood:,} updates from one user in"
        f" {args.windows} windows of {args.window:.0f} s ({rate:.0f}"
        f"/s, {args.presses:.0%} button presses), alternating with quiet windows;"
        f" THROTTLE_RATE={args.throttle_rate}"
    )
    print(
        f"  without the flood: p50 {percentile(quiet, 0.5) * 1000:.0f} ms, p95 {q95:.0f} ms"
        f" ({len(quiet):,} replies); bot CPU {cpu['quiet']:.1f} s"
    )
    print(
        f"  with the flood:    p50 {percentile(loud, 0.5) * 1000:.0f} ms, p95 {f95:.0f} ms"
        f" ({len(loud):,} replies); bot CPU {cpu['flood']:.1f} s"
    )
    print(f"  p95 ratio: {f95 / q95:.2f}x (target: within 2x)")
    print(
        f"  officers: no reply within 60 s: {stats.timeouts}; apologies: {stats.apologies};"
        f" machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"  flooder: {replies:,} replies and edits, {hints} slow-down hint(s),"
        f" {answered:,} of {len(presses):,} button presses answered"
    )
    print(f"  bot exit code {exit_code}; workdir {workdir}")


def bot_cpu(bot: Bot) -> float:
    """User + system CPU seconds of the bot process so far (Linux)."""
    assert bot.process is not None
    fields = Path(f"/proc/{bot.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _chat(params: dict[str, object]) -> int | None:
    """The chat a call went to (callback answers carry no chat: the query id tells)."""
    chat = params.get("chat_id")
    try:
        return int(str(chat)) if chat is not None else None
    except ValueError:
        return None


if __name__ == "__main__":
    asyncio.run(main())
