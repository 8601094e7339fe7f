"""Start-up cost of rebuilding reminder timers from SQLite: 5,000 published courses with two
offsets each, next to the same start-up on an empty database, in one run.

    .venv/bin/python benchmarks/reminders_startup.py [--courses 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import create_services
from bot.config import Settings
from bot.i18n import Localizations
from bot.scheduler import Scheduler
from bot.services.reminders import ReminderTimers
from storage.database import Database, to_db

TOKEN = "123456789:AAEbenchmarkTOKENbenchmarkTOKEN_000"


async def startup_seconds(folder: Path, courses: int) -> tuple[float, int]:
    settings = Settings(_env_file=None, bot_token=TOKEN, database_path=folder / "r.sqlite3")
    async with Database(settings.database_path) as db:
        now = datetime.now(UTC)
        async with db.transaction() as tx:
            await tx.write_many(
                "INSERT INTO courses (title_en, title_ru, description_en, description_ru,"
                " starts_at, ends_at, timezone, venue, deadline_at, language, status,"
                " created_at, updated_at) VALUES ('T', 'T', 'D', 'D', ?, ?, 'Asia/Baku',"
                " 'Baku', ?, 'en', 'published', ?, ?)",
                [
                    (
                        to_db(now + timedelta(days=2, minutes=i)),
                        to_db(now + timedelta(days=3, minutes=i)),
                        to_db(now + timedelta(days=1)),
                        to_db(now),
                        to_db(now),
                    )
                    for i in range(courses)
                ],
            )
        services = create_services(db, Localizations(), settings)
        scheduler = Scheduler()
        timers = ReminderTimers(services.reminders, scheduler)
        started = time.perf_counter()
        await timers.restore()
        scheduler.start()
        elapsed = time.perf_counter() - started
        jobs = len(scheduler.scheduler.get_jobs())
        await scheduler.stop()
        return elapsed, jobs


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--courses", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty, tempfile.TemporaryDirectory() as full:
        base, _ = await startup_seconds(Path(empty), 0)
        loaded, jobs = await startup_seconds(Path(full), args.courses)
    print(f"empty database: timers rebuilt in {base * 1000:.1f} ms")
    print(f"{args.courses:,} courses: {jobs:,} timers rebuilt in {loaded * 1000:.0f} ms")
    print(f"difference: {(loaded - base) * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
