"""Soak: 1,000 simulated officers against the real `python -m bot` process and the Bot API
emulator, with 1% 5xx answers and 0.5% dropped connections on every request the bot makes.

They browse, open cards, sign up, cancel, read /my and answer the feedback survey, each
waiting for the bot's reply before the next step (a think time apart); an organiser sends an
announcement to everyone through the /announce dialog. Reported: updates handled, errors,
p50/p95 reply latency, the bot's RSS after warm-up and at the end, and messages lost.

--storm: the bot is killed with SIGKILL every 20 s for 2 minutes (and started again at
once) while all that happens, and a reminder falls due in the middle: nothing accepted may be
lost, no sign-up duplicated, no reminder sent twice.

--no-faults: a clean network (no 5xx, no dropped connections), for reply latency alone.

    .venv/bin/python benchmarks/soak.py [--minutes 10] [--users 1000] [--storm] [--no-faults]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import gc
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.surveys.model import Bilingual, SurveyDraft  # noqa: E402
from bot.ui.callbacks import CourseAction, CourseCb, SurveyAction, SurveyCb  # noqa: E402
from tests.e2e.emulator import BotAPIEmulator, Call, SentMessage  # noqa: E402
from tests.e2e.fakeuser import FakeUser  # noqa: E402
from tests.e2e.process import child_env, run_bot  # noqa: E402
from tests.factories import course_values, create_course, feedback_questions  # noqa: E402

TOKEN = "123456789:AAEsoakTOKENsoakTOKENsoakTOKEN_0000"
ORGANISER = 900001
FIRST_USER = 200_000
COURSES = 20
REMINDED_COURSE_SEATS = 30
ANNOUNCEMENT_MARK = "Single Window"
REMINDER_MARKS = ("Reminder:", "Напоминание:")
REPLY_TIMEOUT = 60.0
LAG_PROBE_SECONDS = 0.1
WARM_UP_SECONDS = 60.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# When the HTTP request being handled reached the emulator (each request is its own task).
_ARRIVED: contextvars.ContextVar[float] = contextvars.ContextVar("arrived", default=0.0)


@dataclass(frozen=True)
class Reply:
    """A reply as the emulator saw it: its request's arrival and when it was recorded."""

    params: dict[str, Any]
    arrived: float
    recorded: float


@dataclass(frozen=True)
class Sample:
    """One measured reply, split where its time went (seconds, perf_counter clock):
    queued: pushed until a getUpdates answer handed the update to the bot;
    bot: handed out until the reply's request reached the emulator (the bot's own share);
    emulator: the emulator handling that request;
    wake: the reply recorded until the officer's task ran (the benchmark's own event loop)."""

    action: str
    at: float
    total: float
    queued: float
    bot: float
    emulator: float
    wake: float


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    loop_lag: list[float] = field(default_factory=list)  # the benchmark's own event loop
    # Per second: the share of one core the bot and the benchmark process used.
    cpu: list[tuple[float, float]] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)
    timeouts: int = 0
    apologies: int = 0  # "Something went wrong" replies
    acked_signups: dict[tuple[int, int], str] = field(default_factory=dict)  # last acked action
    survey_thanked: set[int] = field(default_factory=set)


class World(BotAPIEmulator):
    """The emulator, plus a per-chat "first reply" signal for the simulated officers."""

    def __init__(self) -> None:
        super().__init__(TOKEN)
        self.inbox: dict[int, list[Reply]] = {}  # replies per chat, in order
        self.pushed_at: dict[int, float] = {}  # update_id -> when an officer pushed it
        self.handed_at: dict[int, float] = {}  # update_id -> when getUpdates handed it out
        self.last_update: dict[int, int] = {}  # chat -> the update_id pushed last
        self.arrival: dict[int, asyncio.Event] = {}
        self.query_chat: dict[str, int] = {}
        self.last_message: dict[int, SentMessage] = {}
        self.bot_polls = asyncio.Event()  # set by the bot's next getUpdates request

    def push_update(self, update: dict[str, Any]) -> int:
        update_id = super().push_update(update)
        self.pushed_at[update_id] = time.perf_counter()
        sender = (update.get("message") or update.get("callback_query") or {}).get("from")
        if sender:
            self.last_update[int(sender["id"])] = update_id
        return update_id

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        _ARRIVED.set(time.perf_counter())
        if request.path.lower().endswith("/getupdates"):
            self.bot_polls.set()
        return await super()._handle(request)

    def _record(
        self,
        method: str,
        params: dict[str, Any],
        files: Any,
        status: int,
        body: dict[str, Any] | None,
    ) -> None:
        super()._record(method, params, files, status, body)
        if status != 200 or body is None:
            return
        if method == "getUpdates":
            now = time.perf_counter()
            for update in body.get("result") or ():
                self.handed_at.setdefault(int(update["update_id"]), now)
            return
        if method == "answerCallbackQuery":
            chat = self.query_chat.pop(str(params.get("callback_query_id")), None)
        else:
            try:
                chat = int(params["chat_id"])
            except (KeyError, TypeError, ValueError):
                return
        if chat is None:
            return
        result = body.get("result")
        # Officers press buttons of the last message that has some, as people do.
        if isinstance(result, dict) and "message_id" in result and params.get("reply_markup"):
            message = self.messages.get((chat, int(result["message_id"])))
            if message is not None:
                self.last_message[chat] = message
        text = str(params.get("text") or params.get("caption") or "")
        if ANNOUNCEMENT_MARK in text or text.startswith(("⏰",)):
            return  # mail from the outbox, not a reply to what the officer just did
        reply = Reply(params, _ARRIVED.get(), time.perf_counter())
        self.inbox.setdefault(chat, []).append(reply)
        event = self.arrival.get(chat)
        if event is not None:
            event.set()


# -- seeding ----------------------------------------------------------------------------------


async def seed(path: Path, users: int, reminded_start: datetime) -> None:
    """Officers with complete profiles, 20 courses, one course with a reminder due during the
    run, and the feedback survey everyone is invited to: with the bot's own storage layer."""
    from bot.app import create_services
    from bot.i18n import Localizations
    from storage.database import Database

    now = datetime.now(UTC)
    async with Database(path) as db:
        services = create_services(db, Localizations())
        async with db.transaction() as tx:
            await tx.write_many(
                "INSERT INTO users (id, language, telegram_language, consent_at,"
                " full_name, country, organisation, position, timezone, created_at,"
                " last_seen_at) VALUES (?, ?, ?, ?, ?, 'kz', 'State Revenue Committee',"
                " 'Inspector', 'Asia/Almaty', ?, ?)",
                [
                    (
                        uid,
                        "ru" if uid % 2 and uid != ORGANISER else "en",
                        "ru" if uid % 2 and uid != ORGANISER else "en",
                        now.isoformat(),
                        f"Officer {uid}",
                        now.isoformat(),
                        now.isoformat(),
                    )
                    for uid in [ORGANISER, *range(FIRST_USER, FIRST_USER + users)]
                ],
            )
        for number in range(COURSES + 1):
            starts = now + timedelta(days=7 + number) if number else reminded_start
            values = course_values(
                starts,
                starts + timedelta(hours=8),
                starts - timedelta(seconds=1),
                title_en=f"Course {number}",
                title_ru=f"Курс {number}",
                timezone="Asia/Almaty",
                venue="Almaty",
                capacity=30 if number else REMINDED_COURSE_SEATS,
                language="ru",
            )
            await create_course(services.courses, values, created_by=ORGANISER)
        # Course 1 is the one with a reminder during the run; 30 officers hold its seats.
        for uid in range(FIRST_USER, FIRST_USER + REMINDED_COURSE_SEATS):
            await services.registrations.sign_up(1, uid, now)
        survey = await services.surveys.create(
            SurveyDraft(Bilingual("Feedback", "Отзыв"), feedback_questions(improve_required=True)),
            ORGANISER,
        )
        await services.surveys.activate(survey.id)
        # Invited directly (no outbox messages): the officers open it from /surveys.
        async with db.transaction() as tx:
            await tx.write(
                "INSERT INTO survey_invitations (survey_id, user_id, invited_at)"
                " SELECT ?, id, ? FROM users WHERE id >= ?",
                (survey.id, now.isoformat(), FIRST_USER),
            )


# -- the bot process --------------------------------------------------------------------------


class Bot:
    def __init__(self, world: World, workdir: Path, env: dict[str, str]) -> None:
        self.world = world
        self.workdir = workdir
        self.env = env
        self.process: asyncio.subprocess.Process | None = None
        self.log = workdir / "bot.log"
        self.starts = 0
        self.ready_after: list[float] = []  # seconds from each start to its first getUpdates

    async def start(self) -> None:
        """Start the bot and return once it polls for updates: the officers' replies are the
        figure, not the process's start-up (issue 16: they once began while the bot was still
        importing, and the first 10 s of replies waited for it, up to 4 s each)."""
        self.world.bot_polls.clear()
        started = time.monotonic()
        with self.log.open("ab") as log:
            self.process = await run_bot(workdir=self.workdir, env=child_env(self.env), output=log)
        self.starts += 1
        await asyncio.wait_for(self.world.bot_polls.wait(), REPLY_TIMEOUT)
        self.ready_after.append(time.monotonic() - started)

    def _proc(self, name: str) -> str | None:
        """/proc/<pid>/<name> of the running bot, None once it has exited."""
        if self.process is None or self.process.returncode is not None:
            return None
        try:
            return Path(f"/proc/{self.process.pid}/{name}").read_text()
        except OSError:
            return None

    def cpu_seconds(self) -> float | None:
        """The bot's CPU time so far (all its threads)."""
        stat = self._proc("stat")
        if stat is None:
            return None
        utime, stime = stat.rsplit(")", 1)[1].split()[11:13]
        return (int(utime) + int(stime)) / CLOCK_TICKS

    def rss_mb(self) -> float | None:
        status = self._proc("status")
        return None if status is None else int(status.split("VmRSS:")[1].split()[0]) / 1024

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> int:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 60)


# -- officers ---------------------------------------------------------------------------------


class Officer:
    def __init__(self, world: World, uid: int, stats: Stats) -> None:
        self.world = world
        self.uid = uid
        self.stats = stats
        self.user = FakeUser(
            world, uid, first_name=f"Officer{uid}", language_code="ru" if uid % 2 else "en"
        )
        self.action = ""  # what the officer is doing, for the latency split

    async def _reply(self, push: Any, until: Any = None) -> dict[str, Any] | None:
        """Push an update and wait for the bot's first reply (its latency is measured), and,
        with `until`, on for the reply that matches it."""
        inbox = self.world.inbox.setdefault(self.uid, [])
        event = self.world.arrival.setdefault(self.uid, asyncio.Event())
        mark = len(inbox)
        started = time.perf_counter()
        deadline = time.monotonic() + REPLY_TIMEOUT
        push()
        update_id = self.world.last_update[self.uid]
        measured = False
        while True:
            for reply in inbox[mark:]:
                if not measured:
                    self._measure(started, update_id, reply)
                    measured = True
                text = str(reply.params.get("text") or "")
                if text.startswith(("Something went wrong", "Что-то пошло не так")):
                    self.stats.apologies += 1
                    return None
                if until is None or until(text):
                    return reply.params
            mark = len(inbox)
            event.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stats.timeouts += 1
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def _measure(self, started: float, update_id: int, reply: Reply) -> None:
        now = time.perf_counter()
        self.stats.latencies.append(now - started)
        handed = self.world.handed_at.get(update_id, reply.arrived)
        self.stats.samples.append(
            Sample(
                action=self.action,
                at=started,
                total=now - started,
                queued=handed - started,
                bot=reply.arrived - handed,
                emulator=reply.recorded - reply.arrived,
                wake=now - reply.recorded,
            )
        )

    async def send(self, text: str, until: Any = None) -> dict[str, Any] | None:
        return await self._reply(lambda: self.user.send(text), until)

    async def press(self, data: str, until: Any = None) -> dict[str, Any] | None:
        message = self.world.last_message.get(self.uid)
        if message is None:
            await self.send("/courses")
            message = self.world.last_message.get(self.uid)
            if message is None:
                return None

        def push() -> None:
            self.user.press_data(data, message)
            assert self.user.last_query_id is not None
            self.world.query_chat[self.user.last_query_id] = self.uid

        return await self._reply(push, until)

    async def live(self, until: float, think: float) -> None:
        rng = random.Random(self.uid)
        # The first step after an exponential wait too, as the later ones: with think times
        # that are memoryless the officers then step at the steady rate (users / think) from
        # the first second. A uniform(0, think) start put every officer's first step in the
        # first `think` seconds, on top of the next steps of those already started: twice the
        # steady rate for half a minute, which alone made the run's p95 (issue 16).
        await asyncio.sleep(rng.expovariate(1 / think))
        while time.monotonic() < until:
            action = rng.choices(
                ["courses", "card", "signup", "cancel", "my", "survey", "help"],
                weights=[20, 25, 20, 8, 12, 10, 5],
            )[0]
            self.stats.actions[action] += 1
            self.action = action
            course = rng.randint(2, COURSES + 1)  # course 1 keeps its 30 reminded seats
            if action == "courses":
                await self.send("/courses")
            elif action == "card":
                await self.press(CourseCb(action=CourseAction.VIEW, course_id=course).pack())
            elif action == "signup":
                data = CourseCb(action=CourseAction.SIGN_UP, course_id=course).pack()
                if await self.press(data) is not None:
                    self.stats.acked_signups[(self.uid, course)] = "up"
            elif action == "cancel":
                data = CourseCb(action=CourseAction.CANCEL_YES, course_id=course).pack()
                if await self.press(data) is not None:
                    self.stats.acked_signups[(self.uid, course)] = "cancel"
            elif action == "my":
                await self.send("/my")
            elif action == "survey":
                await self.survey()
            else:
                await self.send("/help")
            # A long think time is cut at the end of the run, so the run ends on time.
            left = max(0.0, until - time.monotonic())
            await asyncio.sleep(min(rng.expovariate(1 / think), left))

    async def survey(self) -> None:
        """Start (or resume) the survey and answer every question left."""

        def step(text: str) -> bool:
            marks = (" of 4", " из 4", "Thank you", "Спасибо", "спасибо", "already", "уже")
            return any(mark in text for mark in marks)

        reply = await self.press(
            SurveyCb(action=SurveyAction.START, survey_id=1).pack(), until=step
        )
        for _ in range(6):
            text = str((reply or {}).get("text") or "")
            if not text or any(m in text for m in ("Thank you", "Спасибо", "already", "уже")):
                if text:
                    self.stats.survey_thanked.add(self.uid)
                return
            index = next(
                (q for q in range(4) if f" {q + 1} of 4" in text or f" {q + 1} из 4" in text),
                None,
            )
            if index == 0:
                data = SurveyCb(action=SurveyAction.ANSWER, survey_id=1, q=0, value=4).pack()
                reply = await self.press(data, until=step)
            elif index == 1:
                tick = SurveyCb(action=SurveyAction.TOGGLE, survey_id=1, q=1, value=0, on=True)
                await self.press(tick.pack())
                done = SurveyCb(action=SurveyAction.DONE, survey_id=1, q=1)
                reply = await self.press(done.pack(), until=step)
            elif index == 2:
                reply = await self.send("More practice at the border posts", until=step)
            elif index == 3:
                data = SurveyCb(action=SurveyAction.ANSWER, survey_id=1, q=3, value=1).pack()
                reply = await self.press(data, until=step)
            else:
                return


async def announce(world: World) -> None:
    """The organiser's /announce dialog, to everyone, sent now."""
    organiser = FakeUser(world, ORGANISER, first_name="Olena", language_code="en")
    organiser.send("/announce")
    await organiser.expect("New announcement", timeout=REPLY_TIMEOUT)
    organiser.send(f"Registration is open: {ANNOUNCEMENT_MARK} seminar in Tbilisi")
    await organiser.expect("Now the text in Russian", timeout=REPLY_TIMEOUT)
    organiser.send(f"Открыта запись: семинар {ANNOUNCEMENT_MARK} в Тбилиси")
    await organiser.expect("Add a photo or a document", timeout=REPLY_TIMEOUT)
    organiser.press("Skip")
    await organiser.expect("Who should receive it?", timeout=REPLY_TIMEOUT)
    organiser.press("👥 Everyone")
    await organiser.expect("Add a button that opens a course", timeout=REPLY_TIMEOUT)
    organiser.press("No button")
    await organiser.expect("When may it arrive?", timeout=REPLY_TIMEOUT)
    organiser.press("Right away, any time of day")
    summary = await organiser.expect("recipients", timeout=REPLY_TIMEOUT)
    while "Send now" not in " ".join(summary.button_texts()):
        summary = await organiser.expect("recipients", timeout=REPLY_TIMEOUT)
    organiser.press("📤 Send now", summary)
    # "Send to N people?" (issue 13): without the Yes the announcement stays a draft.
    confirmation = await organiser.expect(
        lambda m: "✅ Yes, send" in m.button_texts(), timeout=REPLY_TIMEOUT
    )
    organiser.press("✅ Yes, send", confirmation)


# -- the run ----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--think", type=float, default=20.0, help="mean seconds between steps")
    parser.add_argument("--storm", action="store_true", help="SIGKILL every 20 s for 2 min")
    parser.add_argument(
        "--faults",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="1%% 5xx answers and 0.5%% dropped connections (--no-faults: a clean network)",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="soak-"))
    database = workdir / "data" / "bot.sqlite3"
    started_at = datetime.now(UTC)
    # A reminder 2 minutes before this course's start falls due 80 s into the run.
    reminded_start = started_at + timedelta(seconds=200)
    await seed(database, args.users, reminded_start)
    stats = Stats()
    world = World()
    async with world:
        if args.faults:
            world.random_faults(error_rate=0.01, drop_rate=0.005, seed=7)
        env = {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": world.base_url,
            "DATABASE_PATH": str(database),
            "ADMIN_IDS": str(ORGANISER),
            "REMINDER_OFFSETS": "2m",
            "BROADCAST_RATE": "25",
            "LOG_LEVEL": "INFO",
        }
        bot = Bot(world, workdir, env)
        await bot.start()
        begin = time.monotonic()
        until = begin + args.minutes * 60
        officers = [Officer(world, FIRST_USER + n, stats) for n in range(args.users)]
        lives = [asyncio.create_task(o.live(until, args.think)) for o in officers]
        rss: list[tuple[float, float]] = []

        async def watch() -> None:
            while time.monotonic() < until:
                # What this process has built so far (the emulator's record of every request,
                # the samples) is set aside from its garbage collector: its full passes over a
                # growing heap stalled this process up to 0.6 s, and every officer waiting then
                # was measured late — the benchmark's pause, not the bot's (issue 16).
                gc.freeze()
                await asyncio.sleep(15)
                value = bot.rss_mb()
                if value is not None:
                    rss.append((time.monotonic() - begin, value))

        async def cpu() -> None:
            """Each second, the share of a core the bot and this process used: a bot at 100%
            is short of CPU (the machine has 2 cores, shared with the benchmark)."""
            last_bot, last_own, last_at = bot.cpu_seconds(), time.process_time(), time.monotonic()
            while time.monotonic() < until:
                await asyncio.sleep(1)
                now_bot, now_own, now = bot.cpu_seconds(), time.process_time(), time.monotonic()
                if now_bot is not None and last_bot is not None:
                    span = now - last_at
                    stats.cpu.append(((now_bot - last_bot) / span, (now_own - last_own) / span))
                last_bot, last_own, last_at = now_bot, now_own, now

        async def lag() -> None:
            """How late this process's own event loop wakes up: when it is busy, the
            officers' latencies include the benchmark's own queueing, not only the bot's."""
            while time.monotonic() < until:
                asked = time.perf_counter()
                await asyncio.sleep(LAG_PROBE_SECONDS)
                stats.loop_lag.append(time.perf_counter() - asked - LAG_PROBE_SECONDS)

        async def storm() -> None:
            await asyncio.sleep(60)
            for _ in range(6):  # every 20 s for 2 minutes
                await asyncio.sleep(20)
                await bot.kill()
                await bot.start()

        async def organiser() -> None:
            await asyncio.sleep(45)
            await announce(world)

        extras = [asyncio.create_task(t) for t in (watch(), organiser(), lag(), cpu())]
        if args.storm:
            extras.append(asyncio.create_task(storm()))
        await asyncio.gather(*lives, *extras)
        # Let the outbox drain (announcement, reminders), then stop cleanly.
        world.clear_faults()
        for _ in range(240):
            with sqlite3.connect(database) as db:
                (pending,) = db.execute(
                    "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
                ).fetchone()
            if pending == 0:
                break
            await asyncio.sleep(1)
        exit_code = await bot.stop()
        elapsed = time.monotonic() - begin
        report(args, world, stats, database, bot, rss, elapsed, exit_code)


SPLIT = ("queued", "bot", "emulator", "wake")


def print_latency_split(stats: Stats) -> None:
    """Where the reply time went (medians), for all replies and for the slowest 5%, and the
    benchmark's own event-loop lag: what tells the bot's share from the measuring side's."""
    samples = stats.samples
    if not samples:
        return
    slow_from = percentile([s.total for s in samples], 0.95)
    slow = [s for s in samples if s.total >= slow_from]

    def medians(group: list[Sample]) -> str:
        return ", ".join(
            f"{part} {percentile([getattr(s, part) for s in group], 0.5) * 1000:.0f}"
            for part in SPLIT
        )

    first = min(s.at for s in samples)
    settled = [s.total for s in samples if s.at - first >= WARM_UP_SECONDS]
    if settled:
        # The first minute also carries the cold start: each officer's first update
        # writes their row, and the bot's caches are empty.
        print(
            f"  reply latency after the first {WARM_UP_SECONDS:.0f} s:"
            f" p50 {percentile(settled, 0.5) * 1000:.0f} ms,"
            f" p95 {percentile(settled, 0.95) * 1000:.0f} ms,"
            f" p99 {percentile(settled, 0.99) * 1000:.0f} ms ({len(settled):,} replies)"
        )
    print(f"  split (median ms) of all replies: {medians(samples)}")
    print(f"  split (median ms) of the slowest 5% (≥ {slow_from * 1000:.0f} ms): {medians(slow)}")
    by_action = sorted({s.action for s in samples})
    print(
        "  p50/p95 ms by action: "
        + ", ".join(
            f"{action} {percentile(totals, 0.5) * 1000:.0f}/{percentile(totals, 0.95) * 1000:.0f}"
            for action in by_action
            for totals in [[s.total for s in samples if s.action == action]]
        )
    )
    if stats.cpu:
        bot_cpu, own_cpu = [b for b, _ in stats.cpu], [o for _, o in stats.cpu]
        print(
            f"  CPU, share of one core: bot mean {sum(bot_cpu) / len(bot_cpu):.0%}"
            f" ({sum(bot_cpu) / max(1, len(stats.samples)) * 1000:.1f} ms a reply),"
            f" busiest second {max(bot_cpu):.0%}; benchmark mean"
            f" {sum(own_cpu) / len(own_cpu):.0%}, busiest second {max(own_cpu):.0%};"
            f" machine load average at the end {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)"
        )
    if stats.loop_lag:
        print(
            f"  benchmark event-loop lag: p50 {percentile(stats.loop_lag, 0.5) * 1000:.0f} ms,"
            f" p99 {percentile(stats.loop_lag, 0.99) * 1000:.0f} ms,"
            f" max {max(stats.loop_lag) * 1000:.0f} ms"
        )


def report(
    args: argparse.Namespace,
    world: World,
    stats: Stats,
    database: Path,
    bot: Bot,
    rss: list[tuple[float, float]],
    elapsed: float,
    exit_code: int,
) -> None:
    calls: list[Call] = world.calls
    with sqlite3.connect(database) as db:
        (recipients,) = db.execute(
            "SELECT COALESCE(SUM(recipients), 0) FROM announcements"
        ).fetchone()
        outcomes = dict(
            db.execute(
                "SELECT state, COUNT(*) FROM outbox WHERE kind = 'announcement' GROUP BY state"
            ).fetchall()
        )
        registrations = {
            (u, c): s
            for u, c, s in db.execute("SELECT user_id, course_id, status FROM registrations")
        }
        (duplicates,) = db.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM registrations GROUP BY user_id, course_id"
            " HAVING COUNT(*) > 1)"
        ).fetchone()
        (overfull,) = db.execute(
            "SELECT COUNT(*) FROM courses c WHERE c.capacity < (SELECT COUNT(*) FROM"
            " registrations r WHERE r.course_id = c.id AND r.status = 'confirmed')"
        ).fetchone()
        # The invitation's flag: anonymous responses carry no user id (issue 11).
        finished = {
            row[0]
            for row in db.execute("SELECT user_id FROM survey_invitations WHERE finished = 1")
        }
        (integrity,) = db.execute("PRAGMA integrity_check").fetchone()
    sent_announcement = Counter(
        int(c.params["chat_id"])
        for c in calls
        if c.method == "sendMessage" and c.ok and ANNOUNCEMENT_MARK in str(c.params.get("text"))
    )
    # The organiser also saw the preview (one copy per language) before it went out.
    sent_announcement[ORGANISER] = max(0, sent_announcement[ORGANISER] - 2)
    sent_announcement += Counter()  # drops a zero count
    duplicate_sends = sum(sent_announcement.values()) - len(sent_announcement)
    announcement_lost = recipients - len(sent_announcement) - outcomes.get("failed", 0)
    announcement_lost -= outcomes.get("blocked", 0)
    reminders = Counter(
        int(c.params["chat_id"])
        for c in calls
        if c.method == "sendMessage"
        and c.ok
        and str(c.params.get("text", "")).lstrip("⏰ ").startswith(REMINDER_MARKS)
    )
    lost_signups = sum(
        1
        for key, action in stats.acked_signups.items()
        if (action == "up") != (registrations.get(key) in ("confirmed", "waitlisted"))
    )
    lost_answers = len(stats.survey_thanked - finished)
    updates = world.queue.next_update_id - 1
    log = bot.log.read_text(errors="replace")
    # aiogram logs each failed getUpdates (an injected fault) at ERROR and polls again.
    error_lines = sum(
        1 for line in log.splitlines() if " ERROR " in line and "Failed to fetch" not in line
    )
    poll_errors = log.count("Failed to fetch updates")
    print(
        f"soak: {args.users} officers, {elapsed / 60:.1f} min, storm={args.storm},"
        f" faults={args.faults}"
    )
    print(f"  updates sent to the bot: {updates:,}; actions {dict(stats.actions)}")
    print(
        f"  faults injected: {world.random_fault_count['500']:,} x 5xx,"
        f" {world.random_fault_count['drop']:,} dropped connections"
        f" (of {len(calls):,} requests)"
    )
    print(
        f"  reply latency: p50 {percentile(stats.latencies, 0.5) * 1000:.0f} ms,"
        f" p95 {percentile(stats.latencies, 0.95) * 1000:.0f} ms,"
        f" p99 {percentile(stats.latencies, 0.99) * 1000:.0f} ms"
        f" ({len(stats.latencies):,} replies); no reply within {REPLY_TIMEOUT:.0f} s:"
        f" {stats.timeouts}; apologies: {stats.apologies}; errors logged: {error_lines}"
        f" (+{poll_errors} failed polls retried)"
    )
    print_latency_split(stats)
    if rss:
        warm = next((v for t, v in rss if t >= 60), rss[0][1])
        print(
            f"  bot RSS: {warm:.0f} MB after warm-up, {rss[-1][1]:.0f} MB at the end"
            f" (min {min(v for _, v in rss):.0f}, max {max(v for _, v in rss):.0f})"
        )
    print(
        f"  announcement: {recipients:,} recipients, {len(sent_announcement):,} received,"
        f" {outcomes.get('failed', 0)} failed, {outcomes.get('blocked', 0)} blocked,"
        f" lost {announcement_lost}, duplicates {duplicate_sends}"
    )
    print(
        f"  reminder: {len(reminders)} of {REMINDED_COURSE_SEATS} got it,"
        f" sent twice to {sum(1 for n in reminders.values() if n > 1)}"
    )
    print(
        f"  sign-ups acknowledged: {len(stats.acked_signups):,}, lost {lost_signups},"
        f" duplicated rows {duplicates}, courses over capacity {overfull}"
    )
    print(
        f"  surveys finished (thanked): {len(stats.survey_thanked):,},"
        f" lost {lost_answers}; integrity_check {integrity}; bot starts {bot.starts},"
        f" final exit code {exit_code}"
    )
    if bot.ready_after:
        print(
            "  bot start to its first getUpdates: "
            + ", ".join(f"{seconds:.1f} s" for seconds in bot.ready_after)
        )
    print(f"  workdir: {bot.workdir}")
    summary = {
        "updates": updates,
        "p50_ms": percentile(stats.latencies, 0.5) * 1000,
        "p95_ms": percentile(stats.latencies, 0.95) * 1000,
        "p99_ms": percentile(stats.latencies, 0.99) * 1000,
        "timeouts": stats.timeouts,
        "errors": error_lines,
        "rss": rss,
        "cpu": stats.cpu,
        "loop_lag_ms": [round(v * 1000, 1) for v in stats.loop_lag],
        "announcement_lost": announcement_lost,
        "lost_signups": lost_signups,
    }
    (bot.workdir / "summary.json").write_text(json.dumps(summary))
    (bot.workdir / "samples.json").write_text(json.dumps([asdict(s) for s in stats.samples]))


if __name__ == "__main__":
    asyncio.run(main())
