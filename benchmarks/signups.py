"""Sign-ups per second through the production Dispatcher, against a no-op baseline.

Both runs use the same middlewares, the SQLite FSM storage and a real SQLite file; Telegram is
replaced by a session that answers instantly, so the figures are the bot's own cost. Updates
are fed concurrently, as polling does (one task per update).

    .venv/bin/python benchmarks/signups.py [--users 2000] [--capacity 200]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.types import CallbackQuery, Message, Update, User

from bot.app import create_bot, create_dispatcher, create_services
from bot.config import Settings
from bot.i18n import Localizations
from bot.middlewares import UserContextMiddleware
from bot.ui.callbacks import CourseAction, CourseCb
from storage.database import Database
from tests.factories import course_values, create_course

TOKEN = "123456789:AAEbenchmarkTOKENbenchmarkTOKEN_000"
BOT_USER = User(id=123456789, is_bot=True, first_name="Bench", username="bench_bot")


class InstantSession(BaseSession):
    """Answers every Bot API call at once with a plausible result."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self._message = Message.model_validate(
            {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "ok"}
        )

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        self.calls += 1
        if method.__api_method__ == "getMe":
            return BOT_USER
        if method.__api_method__ in ("sendMessage", "sendDocument", "editMessageText"):
            # One prepared result for all: the stand-in for Telegram should cost next to
            # nothing, so the figures are the bot's own work.
            return self._message
        return True

    async def close(self) -> None:
        pass

    async def stream_content(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError


def press(update_id: int, user_id: int, data: str) -> Update:
    return Update.model_validate(
        {
            "update_id": update_id,
            "callback_query": {
                "id": str(update_id),
                "from": {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": "Officer",
                    "language_code": "ru",
                },
                "chat_instance": "bench",
                "data": data,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private"},
                    "from": BOT_USER.model_dump(),
                    "text": "card",
                },
            },
        }
    )


async def feed(dp: Dispatcher, bot: Bot, updates: list[Update], concurrency: int) -> float:
    """Feed updates with at most `concurrency` in flight; returns updates per second."""
    semaphore = asyncio.Semaphore(concurrency)

    async def one(update: Update) -> None:
        async with semaphore:
            await dp.feed_update(bot, update)

    started = time.perf_counter()
    await asyncio.gather(*(one(u) for u in updates))
    return len(updates) / (time.perf_counter() - started)


async def prepare(folder: Path, users: int, capacity: int) -> tuple[Database, Settings, int]:
    db = Database(folder / "bench.sqlite3")
    await db.connect()
    await db.migrate()
    settings = Settings(_env_file=None, bot_token=TOKEN, database_path=folder / "bench.sqlite3")
    services = create_services(db, Localizations())
    for user_id in range(1, users + 1):
        await services.users.upsert_seen(user_id, "ru")
        await services.users.record_consent(user_id)
        for field, value in (
            ("full_name", f"Officer {user_id}"),
            ("organisation", "State Revenue Committee"),
            ("position", "Inspector"),
        ):
            await services.users.set_profile_field(user_id, field, value)
        await services.users.set_country(user_id, "kz", "Asia/Almaty")
    now = datetime.now(UTC)
    starts, ends, deadline = (now + timedelta(days=days) for days in (30, 32, 20))
    values = course_values(starts, ends, deadline, capacity=capacity, language="ru")
    course = await create_course(services.courses, values, created_by=None)
    return db, settings, course.id


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--capacity", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()
    localizations = Localizations()
    with tempfile.TemporaryDirectory() as tmp:
        db, settings, course_id = await prepare(Path(tmp), args.users, args.capacity)
        bot = create_bot(settings, session=InstantSession())
        signup = CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()

        # The production Dispatcher, and a baseline sharing its services and FSM storage (and
        # so their caches) with the same outer middlewares and a handler that does nothing.
        services = create_services(db, localizations)
        dp, _ = create_dispatcher(settings, db, localizations, services)
        baseline = Dispatcher(
            storage=dp.fsm.storage, settings=settings, localizations=localizations
        )
        baseline.update.outer_middleware(
            UserContextMiddleware(
                services.profiles, localizations, "en", settings.default_timezone
            )
        )
        noop = Router(name="noop")

        @noop.callback_query()
        async def nothing(callback: CallbackQuery) -> None:
            return None

        baseline.include_router(noop)
        ids = itertools.count(1)
        users = range(1, args.users + 1)
        # Warm up as a running bot is: each officer has just opened the course card.
        await feed(
            baseline, bot, [press(next(ids), uid, "noop") for uid in users], args.concurrency
        )
        noop_rate = await feed(
            baseline, bot, [press(next(ids), uid, "noop") for uid in users], args.concurrency
        )
        updates = [press(next(ids), uid, signup) for uid in users]
        signup_rate = await feed(dp, bot, updates, args.concurrency)
        counts = await db.fetch_one(
            "SELECT SUM(status = 'confirmed'), SUM(status = 'waitlisted') FROM registrations"
        )
        await db.close()
    print(f"users: {args.users}, capacity: {args.capacity}, concurrency: {args.concurrency}")
    print(f"confirmed/waitlisted after the run: {counts[0]}/{counts[1]}")
    print(f"no-op handler, same Dispatcher set-up: {noop_rate:,.0f} updates/s")
    print(f"sign-ups through the production Dispatcher: {signup_rate:,.0f} sign-ups/s")
    print(f"ratio sign-up / no-op: {signup_rate / noop_rate:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
