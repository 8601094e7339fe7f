"""One aiosqlite connection, its pragmas, the migrations and serialised write transactions."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

Params = Sequence[Any] | dict[str, Any]

BUSY_TIMEOUT_MS = 5000
# How long emptying the WAL waits for readers in other connections, holding the write lock
# all the while: long enough for a backup's one-step copy, short enough not to stall the
# bot's writes. A reader that stays longer is waited out by the retry (retry_empty_wal).
CHECKPOINT_WAIT_MS = 1000


def utcnow_iso() -> str:
    """The current UTC time as stored in the database (ISO 8601, seconds)."""
    return to_db(datetime.now(UTC))


def to_db(moment: datetime) -> str:
    """An aware datetime as stored: UTC, ISO 8601, seconds, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every stored time must be aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


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

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
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

    # -- reads -------------------------------------------------------------------------------
    # aiosqlite runs each call on the connection's thread; execute_fetchall is one round trip
    # where execute + fetch + close would be three.

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.conn.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self.conn.execute_fetchall(sql, params))

    # -- writes ------------------------------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (BEGIN IMMEDIATE), serialised against every other write."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    async def write(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """One write statement; returns the first RETURNING row if any.

        A single statement is atomic on its own, and under the lock no other transaction is
        open on the connection, so it needs no BEGIN/COMMIT: one round trip.
        """
        return next(iter(await self.fetch_all_write(sql, params)), None)

    async def fetch_all_write(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """One write statement with RETURNING many rows."""
        async with self._write_lock:
            return list(await self.conn.execute_fetchall(sql, params))

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
            async with self.transaction() as conn:
                # Checked inside the transaction so two processes starting at once agree.
                async with conn.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
                ) as cursor:
                    if await cursor.fetchone():
                        continue
                for statement in split_statements(path.read_text(encoding="utf-8")):
                    await conn.execute(statement)
                await conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, utcnow_iso()),
                )
            applied.append(path.name)
            log.info("Applied migration %s", path.name)
        return applied


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
