"""/forget in storage: erasures replayed after a restore, no re-creation, outbox retention."""

from __future__ import annotations

import re
import shutil
import sqlite3
import stat
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import create_services
from bot.config import ConfigError, load_settings
from storage.database import MIGRATIONS_DIR, Database
from storage.erasure import ErasureLog, replay_erasures
from storage.outbox import OutboxRepository, Outcome
from storage.users import UserRepository
from tests.conftest import TEST_TOKEN

NOW = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


async def profile(users: UserRepository, user_id: int, name: str) -> None:
    await users.upsert_seen(user_id, "en")
    await users.record_consent(user_id)
    await users.set_profile_field(user_id, "full_name", name)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy, as a backup is taken (SQLite's online backup API)."""
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    copy.close()
    live.close()


def restore(backup: Path, path: Path) -> None:
    """The README's procedure: remove the WAL and SHM files, copy the backup over."""
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(backup.read_bytes())


async def test_restoring_an_older_backup_replays_the_erasures(tmp_path, localizations):
    """Issue 11: a person who used /forget does not come back with a restored backup, while
    one who returned with /start after their erasure keeps their new profile."""
    path = tmp_path / "data" / "bot.sqlite3"
    backup = tmp_path / "backup.sqlite3"
    async with Database(path) as db:
        services = create_services(db, localizations)
        await profile(services.users, 77, "Gulnara Abenova")
        await profile(services.users, 88, "Timur Karimov")
        # 88 was forgotten long ago and came back with /start since: the new row is newer.
        services.profiles.clock = lambda: datetime.now(UTC) - timedelta(days=30)
        await services.profiles.forget(88)
        await profile(services.users, 88, "Timur Karimov")
        copy_database(path, backup)  # the backup holds both people
        services.profiles.clock = lambda: datetime.now(UTC)
        await services.profiles.forget(77)

    log_file = path.with_name("bot.sqlite3.erased")
    lines = log_file.read_text().splitlines()  # one line per erasure: a hash and the time
    assert [line.split()[0] for line in lines] == [ErasureLog.digest(88), ErasureLog.digest(77)]
    assert all(re.fullmatch(r"[0-9a-f]{64} \d{4}-\d\d-\d\dT[\d:]{8}\+00:00", x) for x in lines)
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600

    restore(backup, path)
    async with Database(path) as db:
        assert await UserRepository(db).get(77) is not None  # the restored copy has them
        assert await replay_erasures(db, ErasureLog.beside(path)) == 1
        assert await UserRepository(db).get(77) is None
        survivor = await UserRepository(db).get(88)
        assert survivor is not None and survivor.full_name == "Timur Karimov"
    assert b"Gulnara" not in path.read_bytes()


async def test_replaying_erasures_at_start_up_holds_a_page_of_users_not_the_whole_table(
    tmp_path,
):
    """Issue 16: every start read all the users at once (100,000 rows with the log empty or
    not); the idle bot kept the memory it took. The log is checked a page at a time."""
    path = tmp_path / "bot.sqlite3"
    erased_at = datetime(2027, 3, 1, tzinfo=UTC)
    log = ErasureLog.beside(path)
    log.record(15_555, erased_at)  # in a later page: every page is looked at
    async with Database(path) as db:
        await db.write_many(
            "INSERT INTO users (id, created_at, last_seen_at) VALUES (?, ?, ?)",
            [(user_id, "2027-02-01", "2027-02-01") for user_id in range(1, 20_001)],
        )
        tracemalloc.start()
        try:
            replayed = await replay_erasures(db, log)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert replayed == 1
        assert await UserRepository(db).get(15_555) is None
        assert await UserRepository(db).get(15_556) is not None
    # 20,000 rows at once take some 3 MB; a page of them a small part of that.
    assert peak < 1_000_000


async def test_an_erased_person_is_not_recreated_by_later_updates_only_by_start(db, localizations):
    """Issue 11: blocking the bot or pressing an old button after /forget re-created the row."""
    profiles = create_services(db, localizations).profiles
    await profiles.seen(42, "en", talking=True, starting=True)
    await profiles.forget(42)
    assert await profiles.seen(42, "en", talking=False, starting=False) is None  # a block
    assert await profiles.seen(42, "en", talking=True, starting=False) is None  # a button
    assert await profiles.repos.users.get(42) is None
    back = await profiles.seen(42, "ru", talking=True, starting=True)
    assert back is not None and back.full_name is None and back.telegram_language == "ru"
    # Someone the bot has never seen is not affected by anyone's erasure.
    assert await profiles.seen(43, "en", talking=True, starting=False) is not None


async def test_outbox_retention_deletes_final_rows_and_keeps_announcement_totals(
    db, localizations, settings
):
    """Issue 11: the outbox kept every sent text and recipient for ever."""
    services = create_services(db, localizations, settings)
    services.announcements.clock = lambda: NOW
    for user_id in (1, 2, 3, 4):
        await services.users.upsert_seen(user_id, "en")
    item = await services.announcements.create(
        created_by=1, text_en="News", text_ru="Новости", audience={"kind": "all"}
    )
    assert await services.announcements.send_now(item.id) == 4
    outbox = OutboxRepository(db)
    claimed = await outbox.claim(NOW + timedelta(minutes=1), 3)
    states = ["sent", "blocked", "failed"]
    await outbox.record(
        [Outcome(m.id, state, user_id=m.user_id) for m, state in zip(claimed, states, strict=True)]
    )
    before = await services.announcements.progress(item.id)
    assert (before.sent, before.blocked, before.failed, before.remaining) == (1, 1, 1, 1)

    assert await outbox.purge(datetime.now(UTC) - timedelta(days=30)) == 0  # all recent
    assert await outbox.purge(datetime.now(UTC) + timedelta(days=1)) == 3
    after = await services.announcements.progress(item.id)
    assert (after.sent, after.blocked, after.failed, after.remaining) == (1, 1, 1, 1)
    rows = await db.fetch_all("SELECT state FROM outbox")
    assert [row[0] for row in rows] == ["pending"]  # not final: never purged

    await services.profiles.forget(4)  # the last recipient's row goes too, as cancelled
    final = await services.announcements.progress(item.id)
    assert (final.sent, final.cancelled, final.remaining) == (1, 1, 0)
    assert (await db.fetch_one("SELECT COUNT(*) FROM outbox"))[0] == 0


def test_outbox_keep_days_defaults_to_30_and_must_be_positive(monkeypatch):
    monkeypatch.setenv("BOT_TOKEN", TEST_TOKEN)
    assert load_settings(env_file=None).outbox_keep_days == 30
    monkeypatch.setenv("OUTBOX_KEEP_DAYS", "0")
    with pytest.raises(ConfigError, match="OUTBOX_KEEP_DAYS must be at least 1"):
        load_settings(env_file=None)


async def test_migration_009_removes_telegram_names_and_unconsented_fields_from_the_file(
    tmp_path,
):
    """Issue 11: Telegram's names were stored for everyone, before any consent."""
    before_009 = tmp_path / "migrations"
    before_009.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("00[1-7]_*.sql")):
        shutil.copy(path, before_009 / path.name)
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    await db.connect()
    await db.migrate(before_009)
    await db.write(
        "INSERT INTO users (id, first_name, last_name, username, full_name, email,"
        " consent_at, created_at, last_seen_at) VALUES"
        " (1, 'Zhanarka', 'Sadykkyzy', 'zhanarka_kz', NULL, NULL, NULL, 'x', 'x'),"
        " (2, 'Bekzat', NULL, NULL, 'Bekzat Omarov', 'b.omarov@kgd.gov.kz', NULL, 'x', 'x'),"
        " (3, 'Aliya', NULL, NULL, 'Aliya Serikova', NULL, '2027-01-01', 'x', 'x')"
    )
    await db.migrate()
    await db.truncate_wal()
    rows = await db.fetch_all("SELECT id, full_name, email FROM users ORDER BY id")
    assert [tuple(row) for row in rows] == [
        (1, None, None),
        (2, None, None),
        (3, "Aliya Serikova", None),
    ]
    await db.close()
    data = path.read_bytes()
    for gone in (b"Zhanarka", b"Sadykkyzy", b"zhanarka_kz", b"Bekzat", b"b.omarov"):
        assert gone not in data


async def test_forget_ends_the_persons_dashboard_sessions_and_link_records(db):
    """/forget of someone who signed in to the dashboard: no session or link of theirs stays
    (an organiser's session would otherwise outlive their data)."""
    from storage.erasure import forget_user

    users = UserRepository(db)
    await profile(users, 900001, "Aigerim Sultanova")
    await db.repos.dashboard.open_session("hash-1", 900001, "csrf", NOW + timedelta(hours=1))
    assert await db.repos.dashboard.use_link("nonce-1", 900001, NOW + timedelta(minutes=10))
    await forget_user(db, 900001)
    assert await db.repos.dashboard.session("hash-1") is None
    for table in ("dashboard_sessions", "dashboard_link_uses"):
        assert await db.fetch_one(f"SELECT 1 FROM {table}") is None  # noqa: S608
