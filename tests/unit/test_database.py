"""Storage: pragmas, migrations, serialised writes."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

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
            async with db.transaction() as tx:
                await tx.write("INSERT INTO seats (n) VALUES (1)")
                await asyncio.sleep(0)  # let the other task try to run in between
                if fail:
                    raise RuntimeError("abort this one")
        except RuntimeError:
            pass

    await asyncio.gather(*(take_seat(fail=i % 2 == 0) for i in range(20)))
    assert (await db.fetch_one("SELECT COUNT(*) FROM seats"))[0] == 10


async def test_a_single_write_during_a_transaction_waits_for_it_and_survives_its_rollback(db):
    """Single writes skip the lock when no transaction is open (issue 16): one issued while
    another task's transaction is open must still stay out of it."""
    await db.write("CREATE TABLE seats (n INTEGER)")
    opened, written = asyncio.Event(), asyncio.Event()

    async def failing_transaction() -> None:
        with pytest.raises(RuntimeError):
            async with db.transaction() as tx:
                await tx.write("INSERT INTO seats (n) VALUES (1)")
                opened.set()
                await asyncio.sleep(0.05)  # the single write is issued meanwhile
                assert not written.is_set()  # it waits for this transaction to end
                raise RuntimeError("rolled back")

    async def single_write() -> None:
        await opened.wait()
        await db.write("INSERT INTO seats (n) VALUES (2)")
        written.set()

    await asyncio.gather(failing_transaction(), single_write())
    assert [row[0] for row in await db.fetch_all("SELECT n FROM seats")] == [2]


async def test_single_writes_are_queued_at_once_not_one_after_another(db, monkeypatch):
    """Issue 16: each write took the lock for its whole round trip to the connection's
    thread, so under load every write waited for the ones before it to come back (replies
    queued 250 ms behind each other's writes). Now all are handed to the connection at once
    and it runs them back to back."""
    await db.write("CREATE TABLE notes (n INTEGER)")
    busy = threading.Event()
    handed: list[str] = []
    execute_fetchall = db.conn.execute_fetchall

    def hand(sql: str, params: object = ()) -> object:
        handed.append(sql)
        return execute_fetchall(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(db.conn, "execute_fetchall", hand)
    # Keep the connection's thread busy, as a long statement would.
    blocker = asyncio.ensure_future(db.conn._execute(busy.wait, 5))
    writes = [
        asyncio.ensure_future(db.write("INSERT INTO notes (n) VALUES (?)", (n,))) for n in range(3)
    ]
    for _ in range(5):
        await asyncio.sleep(0)
    assert len(handed) == 3  # all three queued while the first is still waiting
    busy.set()
    await asyncio.gather(blocker, *writes)
    assert (await db.fetch_one("SELECT COUNT(*) FROM notes"))[0] == 3


def wal_size(db: Database) -> int:
    wal = Path(f"{db.path}-wal")
    return wal.stat().st_size if wal.exists() else 0


async def test_emptying_the_wal_reports_failure_while_a_reader_holds_it_and_a_retry_empties_it(
    db, caplog
):
    """Issue 11: the checkpoint's result was ignored, so a reader in another connection (a
    backup, an operator's sqlite3 shell) silently left erased rows in the WAL."""
    await db.write("CREATE TABLE notes (text TEXT)")
    assert await db.truncate_wal() is True and not db.wal_pending
    with closing(sqlite3.connect(db.path, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM notes").fetchall()
        await db.write("INSERT INTO notes (text) VALUES ('written while someone reads')")
        with caplog.at_level(logging.INFO, logger="storage.database"):
            assert await db.truncate_wal() is False
            assert await db.truncate_wal() is False  # still blocked, still pending
            await db.retry_empty_wal()
        assert db.wal_pending and wal_size(db) > 0
        reader.execute("COMMIT")
    await db.retry_empty_wal()  # the job that runs every minute
    assert not db.wal_pending and wal_size(db) == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "retrying every minute" in warnings[0]
