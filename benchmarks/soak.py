"""Soak: 1,000 simulated officers against the real `python -m bot` process and the Bot API
emulator, with 1% 5xx answers and 0.5% dropped connections on every request the bot makes.

They browse, open cards, sign up, cancel, read /my and answer the feedback survey, each
waiting for the bot's reply before the next step (a think time apart); an organiser sends an
announcement to everyone through the /announce dialog. Reported: updates handled, errors,
p50/p95 reply latency, the bot's RSS after warm-up and at the end, and messages lost.

--storm: the bot is killed with SIGKILL every 20 s for 2 minutes (and started again at
once) while all that happens, and a reminder falls due in the middle: nothing accepted may be
lost, no sign-up duplicated, no reminder sent twice.

    .venv/bin/python benchmarks/soak.py [--minutes 10] [--users 1000] [--storm]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

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


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)
    timeouts: int = 0
    apologies: int = 0  # "Something went wrong" replies
    acked_signups: dict[tuple[int, int], str] = field(default_factory=dict)  # last acked action
    survey_thanked: set[int] = field(default_factory=set)


class World(BotAPIEmulator):
    """The emulator, plus a per-chat "first reply" signal for the simulated officers."""

    def __init__(self) -> None:
        super().__init__(TOKEN)
        self.inbox: dict[int, list[dict[str, Any]]] = {}  # replies per chat, in order
        self.arrival: dict[int, asyncio.Event] = {}
        self.query_chat: dict[str, int] = {}
        self.last_message: dict[int, SentMessage] = {}

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
        self.inbox.setdefault(chat, []).append(params)
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

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = await run_bot(workdir=self.workdir, env=child_env(self.env), output=log)
        self.starts += 1

    def rss_mb(self) -> float | None:
        if self.process is None or self.process.returncode is not None:
            return None
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        return int(status.split("VmRSS:")[1].split()[0]) / 1024

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

    async def _reply(self, push: Any, until: Any = None) -> dict[str, Any] | None:
        """Push an update and wait for the bot's first reply (its latency is measured), and,
        with `until`, on for the reply that matches it."""
        inbox = self.world.inbox.setdefault(self.uid, [])
        event = self.world.arrival.setdefault(self.uid, asyncio.Event())
        mark = len(inbox)
        started = time.perf_counter()
        deadline = time.monotonic() + REPLY_TIMEOUT
        push()
        measured = False
        while True:
            for params in inbox[mark:]:
                if not measured:
                    self.stats.latencies.append(time.perf_counter() - started)
                    measured = True
                text = str(params.get("text") or "")
                if text.startswith(("Something went wrong", "Что-то пошло не так")):
                    self.stats.apologies += 1
                    return None
                if until is None or until(text):
                    return params
            mark = len(inbox)
            event.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stats.timeouts += 1
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

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
        await asyncio.sleep(rng.uniform(0, think))
        while time.monotonic() < until:
            action = rng.choices(
                ["courses", "card", "signup", "cancel", "my", "survey", "help"],
                weights=[20, 25, 20, 8, 12, 10, 5],
            )[0]
            self.stats.actions[action] += 1
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
            await asyncio.sleep(rng.expovariate(1 / think))

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
    # "Send to N people?" (issue 13): without the Yes nothing goes out.
    confirm = "✅ Yes, send"
    question = await organiser.expect(lambda m: confirm in m.button_texts(), timeout=REPLY_TIMEOUT)
    organiser.press(confirm, question)


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
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="soak-"))
    database = workdir / "data" / "bot.sqlite3"
    started_at = datetime.now(UTC)
    # A reminder 2 minutes before this course's start falls due 80 s into the run.
    reminded_start = started_at + timedelta(seconds=200)
    await seed(database, args.users, reminded_start)
    stats = Stats()
    async with World() as world:
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
                await asyncio.sleep(15)
                value = bot.rss_mb()
                if value is not None:
                    rss.append((time.monotonic() - begin, value))

        async def storm() -> None:
            await asyncio.sleep(60)
            for _ in range(6):  # every 20 s for 2 minutes
                await asyncio.sleep(20)
                await bot.kill()
                await bot.start()

        async def organiser() -> None:
            await asyncio.sleep(45)
            await announce(world)

        extras = [asyncio.create_task(watch()), asyncio.create_task(organiser())]
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
    print(f"soak: {args.users} officers, {elapsed / 60:.1f} min, storm={args.storm}")
    print(f"  updates sent to the bot: {updates:,}; actions {dict(stats.actions)}")
    print(
        f"  faults injected: {world.random_fault_count['500']:,} x 5xx,"
        f" {world.random_fault_count['drop']:,} dropped connections"
        f" (of {len(calls):,} requests)"
    )
    print(
        f"  reply latency: p50 {percentile(stats.latencies, 0.5) * 1000:.0f} ms,"
        f" p95 {percentile(stats.latencies, 0.95) * 1000:.0f} ms"
        f" ({len(stats.latencies):,} replies); no reply within {REPLY_TIMEOUT:.0f} s:"
        f" {stats.timeouts}; apologies: {stats.apologies}; errors logged: {error_lines}"
        f" (+{poll_errors} failed polls retried)"
    )
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
    print(f"  workdir: {bot.workdir}")
    summary = {
        "updates": updates,
        "p50_ms": percentile(stats.latencies, 0.5) * 1000,
        "p95_ms": percentile(stats.latencies, 0.95) * 1000,
        "timeouts": stats.timeouts,
        "errors": error_lines,
        "rss": rss,
        "announcement_lost": announcement_lost,
        "lost_signups": lost_signups,
    }
    (bot.workdir / "summary.json").write_text(json.dumps(summary))


if __name__ == "__main__":
    asyncio.run(main())
