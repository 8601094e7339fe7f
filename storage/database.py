"""One aiosqlite connection, its pragmas, the migrations and serialised write transactions
(the unit of work: `async with db.transaction() as tx`, whose repositories commit together)."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import aiosqlite

from bot.clock import Clock, system_clock
from storage.cache import Cache, RowCache, TransactionCache
from storage.repositories import Repositories
from storage.sql import Params, from_db, to_db

__all__ = ["Database", "Params", "Transaction", "from_db", "split_statements", "to_db"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
# The first line of a migration that rebuilds a table others refer to.
FOREIGN_KEYS_OFF = "-- foreign_keys: off"

BUSY_TIMEOUT_MS = 5000
# How long emptying the WAL waits for readers in other connections, holding the write lock
# all the while: long enough for a backup's one-step copy, short enough not to stall the
# bot's writes. A reader that stays longer is waited out by the retry (retry_empty_wal).
CHECKPOINT_WAIT_MS = 1000


def owner_only(path: Path) -> None:
    """Create the database file readable by its owner only, and narrow an existing one (and
    its WAL and shared-memory files). SQLite gives the -wal and -shm files it creates the
    mode of the database file, so they follow."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            os.chmod(name, 0o600)


class Database:
    """The bot's single SQLite connection.

    A transaction belongs to the connection, not to the asyncio task, so every write goes
    through one asyncio.Lock: two handlers can never interleave BEGIN/COMMIT on it.
    """

    def __init__(self, path: Path | str, clock: Clock = system_clock) -> None:
        self.path = Path(path)
        self.clock = clock
        self._conn: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._transaction_task: asyncio.Task[Any] | None = None
        self._caches: dict[str, RowCache[Any, Any]] = {}
        # The repositories for reads and single writes, each statement committed on its own.
        self.repos = Repositories(self)
        # Set when the WAL could not be emptied (another connection was reading): it may
        # still hold old versions of erased rows until a retry succeeds.
        self.wal_pending = False

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("Database.connect() has not been called")
        return self._conn

    async def connect(self) -> None:
        """Open the file (creating its folder) and set the pragmas every connection needs."""
        # The folder it creates holds the database, its WAL and the erasure list: owner only.
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        owner_only(self.path)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, sqlite3 never does implicitly.
        self._conn = await aiosqlite.connect(self.path, isolation_level=None)
        self._conn.row_factory = aiosqlite.Row
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA foreign_keys=ON")
        await self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        await self._conn.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten, so erased personal data does not linger in free pages.
        await self._conn.execute("PRAGMA secure_delete=ON")

    async def close(self) -> None:
        if self._conn is not None:
            async with self._write_lock:
                await self._conn.close()
            self._conn = None

    async def vacuum(self) -> None:
        """Rebuild the file. secure_delete zeroes deleted rows, but a deleted key can survive
        as a divider in an inner b-tree page until the tree is rebuilt."""
        async with self._write_lock:
            await self.conn.execute("VACUUM")

    async def __aenter__(self) -> Database:
        await self.connect()
        await self.migrate()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- the Executor API (storage/sql.py) -----------------------------------------------------
    # aiosqlite runs each call on the connection's thread; execute_fetchall is one round trip
    # where execute + fetch + close would be three.

    def now(self) -> datetime:
        return self.clock()

    def cache(self, name: str) -> Cache[Any, Any]:
        return self.shared_cache(name)

    def shared_cache(self, name: str) -> RowCache[Any, Any]:
        return self._caches.setdefault(name, RowCache())

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.conn.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self.conn.execute_fetchall(sql, params))

    async def write(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """One write statement; returns the first RETURNING row if any.

        A single statement is atomic on its own, and under the lock no other transaction is
        open on the connection, so it needs no BEGIN/COMMIT: one round trip.
        """
        return next(iter(await self.write_all(sql, params)), None)

    async def write_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """One write statement with RETURNING many rows.

        The connection's thread runs statements in the order they were queued, so a single
        statement queued while no transaction holds the lock can never land inside one: it
        is queued at once, without taking the lock. Taking it would make each write wait a
        thread round trip plus an event-loop turn for the one before, so under load replies
        queued behind each other's writes (issue 16: 3 ms a write, 250 ms in the queue).
        """
        self._refuse_inside_own_transaction()
        if not self._write_lock.locked():
            return list(await self.conn.execute_fetchall(sql, params))
        async with self._write_lock:
            return list(await self.conn.execute_fetchall(sql, params))

    async def write_many(self, sql: str, rows: Sequence[Params]) -> None:
        async with self.transaction() as tx:
            await tx.write_many(sql, rows)

    def atomic(self) -> AbstractAsyncContextManager[Transaction]:
        return self.transaction()

    # -- the unit of work ----------------------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """A write transaction (BEGIN IMMEDIATE), serialised against every other write; its
        repositories (`tx.courses`, `tx.outbox`, ...) commit together or not at all."""
        self._refuse_inside_own_transaction()
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            tx = Transaction(self, self.conn)
            self._transaction_task = asyncio.current_task()
            try:
                yield tx
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")
            finally:
                self._transaction_task = None
                tx.end()

    def _refuse_inside_own_transaction(self) -> None:
        """A write through the Database (`db.repos`, `db.write`) from inside the same task's
        transaction would wait for the lock that task holds, for ever: say so instead."""
        if self._transaction_task is not None and self._transaction_task is asyncio.current_task():
            raise RuntimeError("inside db.transaction(), write through the transaction (tx.…)")

    async def truncate_wal(self) -> bool:
        """Copy the WAL into the database file and empty it, so no old page versions (of
        erased rows, of sealed answers) stay in it. False when another connection's read
        transaction prevented that: `wal_pending` is then set and `retry_empty_wal` (a job
        every minute) tries again until it succeeds."""
        async with self._write_lock:
            try:
                await self.conn.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
                rows = await self.conn.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
                busy, frames, copied = next(iter(rows))
                failure = (
                    None
                    if busy == 0 and copied == frames
                    else f"{copied} of {frames} frames copied, a reader holds the rest"
                )
            except sqlite3.OperationalError as exc:
                failure = str(exc)
            finally:
                await self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if failure is None:
            if self.wal_pending:
                log.info("The WAL is emptied now")
            self.wal_pending = False
            return True
        if not self.wal_pending:
            # Once per episode; the retries that follow stay quiet until one succeeds.
            log.warning(
                "Could not empty the WAL (%s): another connection is reading the database;"
                " retrying every minute",
                failure,
            )
        self.wal_pending = True
        return False

    async def retry_empty_wal(self) -> None:
        """The periodic job: empty the WAL if an earlier attempt could not."""
        if self.wal_pending:
            await self.truncate_wal()

    # -- migrations --------------------------------------------------------------------------

    async def migrate(self, directory: Path = MIGRATIONS_DIR) -> list[str]:
        """Apply the numbered migrations not applied yet, each in its own transaction."""
        await self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied: list[str] = []
        for version, name, path in _migration_files(directory):
            script = path.read_text(encoding="utf-8")
            # A table rebuild (a changed CHECK) drops the old table: with foreign keys on,
            # that would delete the rows referring to it. The pragma is a no-op inside a
            # transaction, so it is set around it, and the keys are checked before commit.
            rebuild = script.startswith(FOREIGN_KEYS_OFF)
            if rebuild:
                await self.conn.execute("PRAGMA foreign_keys=OFF")
            try:
                if await self._apply(version, name, script, check_keys=rebuild):
                    applied.append(path.name)
                    log.info("Applied migration %s", path.name)
            finally:
                if rebuild:
                    await self.conn.execute("PRAGMA foreign_keys=ON")
        return applied

    async def _apply(self, version: int, name: str, script: str, check_keys: bool) -> bool:
        """One migration in one transaction; False if it was applied before."""
        async with self.transaction() as tx:
            # Checked inside the transaction so two processes starting at once agree.
            if await tx.fetch_one("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)):
                return False
            for statement in split_statements(script):
                await tx.write(statement)
            if check_keys and await tx.fetch_all("PRAGMA foreign_key_check"):
                raise RuntimeError(f"Migration {version:03d}_{name} broke a foreign key")
            await tx.write(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, to_db(self.clock())),
            )
        return True


class Transaction(Repositories):
    """An open write transaction: an Executor over the connection (it holds the write lock,
    so it takes no lock itself) and every repository bound to it."""

    def __init__(self, db: Database, conn: aiosqlite.Connection) -> None:
        self._db = db
        self._conn: aiosqlite.Connection | None = conn
        self._caches: dict[str, TransactionCache[Any, Any]] = {}
        super().__init__(self)

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("the transaction has ended")
        return self._conn

    def now(self) -> datetime:
        return self._db.clock()

    def cache(self, name: str) -> Cache[Any, Any]:
        view = self._caches.get(name)
        if view is None:
            view = self._caches[name] = TransactionCache(self._db.shared_cache(name))
        return view

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        return next(iter(await self.conn.execute_fetchall(sql, params)), None)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self.conn.execute_fetchall(sql, params))

    async def write(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        return await self.fetch_one(sql, params)

    async def write_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return await self.fetch_all(sql, params)

    async def write_many(self, sql: str, rows: Sequence[Params]) -> None:
        await self.conn.executemany(sql, rows)

    @asynccontextmanager
    async def atomic(self) -> AsyncIterator[Transaction]:
        """Already atomic: the steps join this transaction."""
        yield self

    def end(self) -> None:
        """Committed or rolled back: the shared caches forget every row it wrote, and the
        object can no longer run statements."""
        self._conn = None
        for view in self._caches.values():
            view.end()


def _migration_files(directory: Path) -> list[tuple[int, str, Path]]:
    found = []
    for path in directory.glob("*.sql"):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise RuntimeError(f"Migration file name must look like 001_name.sql: {path.name}")
        found.append((int(match[1]), match[2], path))
    found.sort()
    versions = [version for version, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"Two migrations share a number in {directory}")
    return found


def split_statements(script: str) -> Iterable[str]:
    """Split a SQL script into complete statements (triggers with BEGIN..END stay whole).

    executescript() would COMMIT our open transaction first, so statements run one by one.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip() and not _only_comments(buffer):
        raise ValueError(f"Incomplete SQL statement at the end of a migration: {buffer!r}")


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())
