"""/forget in the database, and the list of erasures that outlives restoring a backup."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from storage.database import Database
from storage.sql import to_db

log = logging.getLogger(__name__)

_HASH_DOMAIN = b"course-bot erased user "
REPLAY_PAGE = 1000  # users read at once when replaying erasures


async def forget_user(db: Database, user_id: int) -> None:
    """Erase the user from every table (UserRepository.delete) and from the file itself."""
    await db.repos.users.delete(user_id)
    await scrub(db)


async def scrub(db: Database) -> None:
    """After an erasure: rebuild the file and empty the WAL, so no copy of the deleted rows
    or keys stays in either (secure_delete already overwrote the rows themselves)."""
    try:
        await db.vacuum()
    except sqlite3.OperationalError as exc:
        # VACUUM needs the connection idle; the rows are overwritten even without it.
        log.warning("VACUUM after an erasure failed: %s", exc)
    await db.truncate_wal()


class ErasureLog:
    """Who asked to be forgotten, and when: one line per erasure, `<hash> <UTC time>`, in a
    file beside the database (`<db>.erased`, readable by the owner only).

    It lives outside the database file so that restoring an older backup cannot bring a
    person back: at start-up everyone listed whose row is older than their erasure is erased
    again. Only a hash of the id is written; a hash of a number that short is
    pseudonymisation, not anonymity (whoever holds the file can test a given id).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._erased: dict[str, str] = {}
        if path.exists():
            for line in path.read_text(encoding="ascii").splitlines():
                digest, _, at = line.partition(" ")
                if digest and at:
                    self._erased[digest] = max(at, self._erased.get(digest, at))

    @classmethod
    def beside(cls, database_path: Path) -> ErasureLog:
        return cls(database_path.with_name(database_path.name + ".erased"))

    @staticmethod
    def digest(user_id: int) -> str:
        return hashlib.sha256(_HASH_DOMAIN + str(user_id).encode()).hexdigest()

    def __len__(self) -> int:
        return len(self._erased)

    def __contains__(self, user_id: object) -> bool:
        return isinstance(user_id, int) and self.digest(user_id) in self._erased

    def erased_at(self, user_id: int) -> str | None:
        """When the user was last erased (as stored in the database: UTC ISO 8601)."""
        return self._erased.get(self.digest(user_id))

    def record(self, user_id: int, at: datetime) -> None:
        """Append an erasure, on disk before the database forgets (so a crash in between
        still erases at the next start)."""
        digest, stamp = self.digest(user_id), to_db(at)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, f"{digest} {stamp}\n".encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        self._erased[digest] = stamp


async def replay_erasures(db: Database, log: ErasureLog) -> int:
    """Erase again everyone listed whose row predates their erasure (a restored backup);
    a person who came back with /start after it keeps their new row. Returns how many."""
    if not log:
        return 0
    due: list[int] = []
    # Only hashes are logged, so every row is looked at: a page at a time, since 100,000 rows
    # at once took some 20 MB at start-up and the idle bot kept about 5 MB of it (issue 16).
    last_id = -(2**63)  # SQLite's smallest integer: below every id
    while rows := await db.fetch_all(
        "SELECT id, created_at FROM users WHERE id > ? ORDER BY id LIMIT ?",
        (last_id, REPLAY_PAGE),
    ):
        due.extend(
            row["id"]
            for row in rows
            # `<=`: times are kept to the second, and a row created in the second of its own
            # erasure is the restored one (coming back takes a /start after the erasure).
            if (at := log.erased_at(row["id"])) is not None and row["created_at"] <= at
        )
        last_id = rows[-1]["id"]
    for user_id in due:
        await db.repos.users.delete(user_id)
    if due:
        await scrub(db)
    return len(due)
