"""Storage: pragmas, migrations, serialised writes."""

from __future__ import annotations

import asyncio

import pytest

from storage.database import Database, split_statements


async def test_the_database_folder_is_created_and_pragmas_are_set(tmp_path):
    async with Database(tmp_path / "nested" / "dir" / "bot.sqlite3") as db:
        assert (tmp_path / "nested" / "dir" / "bot.sqlite3").exists()
        assert (await db.fetch_one("PRAGMA journal_mode"))[0] == "wal"
        assert (await db.fetch_one("PRAGMA foreign_keys"))[0] == 1
        assert (await db.fetch_one("PRAGMA busy_timeout"))[0] == 5000


async def test_migrations_apply_in_order_once_and_are_tracked(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "002_second.sql").write_text("INSERT INTO t (v) VALUES ('two');")
    (folder / "001_first.sql").write_text(
        "-- a comment\nCREATE TABLE t (v TEXT);\n"
        "CREATE TRIGGER t_upper AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET v = upper(v) WHERE rowid = new.rowid;\nEND;\n"
    )
    db = Database(tmp_path / "db.sqlite3")
    await db.connect()
    assert await db.migrate(folder) == ["001_first.sql", "002_second.sql"]
    assert await db.migrate(folder) == []  # safe to run twice
    rows = await db.fetch_all("SELECT v FROM t")
    assert [r["v"] for r in rows] == ["TWO"]
    versions = await db.fetch_all("SELECT version, name FROM schema_migrations")
    assert [(r["version"], r["name"]) for r in versions] == [(1, "first"), (2, "second")]
    await db.close()


async def test_a_failing_migration_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "001_broken.sql").write_text("CREATE TABLE good (x);\nCREATE TABLE oops (;\n")
    db = Database(tmp_path / "db.sqlite3")
    await db.connect()
    with pytest.raises(Exception, match="syntax error"):
        await db.migrate(folder)
    assert await db.fetch_one("SELECT name FROM sqlite_master WHERE name = 'good'") is None
    assert await db.fetch_one("SELECT 1 FROM schema_migrations") is None
    await db.close()


def test_split_statements_keeps_triggers_whole():
    script = "CREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END;\n"
    assert len(list(split_statements(script))) == 2


async def test_concurrent_write_transactions_never_interleave(db):
    """Two tasks sharing the connection: a rollback in one must not undo the other's insert."""
    await db.write("CREATE TABLE seats (n INTEGER)")

    async def take_seat(fail: bool) -> None:
        try:
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO seats (n) VALUES (1)")
                await asyncio.sleep(0)  # let the other task try to run in between
                if fail:
                    raise RuntimeError("abort this one")
        except RuntimeError:
            pass

    await asyncio.gather(*(take_seat(fail=i % 2 == 0) for i in range(20)))
    assert (await db.fetch_one("SELECT COUNT(*) FROM seats"))[0] == 10
