"""Users and their profiles."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, fields

from storage.database import Database, utcnow_iso

PROFILE_FIELDS = ("full_name", "country", "organisation", "position", "email", "timezone")
# What a profile must have before a sign-up; e-mail is optional and time zone has a default.
REQUIRED_PROFILE_FIELDS = ("full_name", "country", "organisation", "position")


@dataclass(frozen=True)
class User:
    id: int
    first_name: str
    last_name: str | None
    username: str | None
    telegram_language: str | None
    language: str | None
    consent_at: str | None
    full_name: str | None
    country: str | None
    organisation: str | None
    position: str | None
    email: str | None
    timezone: str | None
    is_active: bool
    created_at: str
    last_seen_at: str

    @property
    def has_consented(self) -> bool:
        return self.consent_at is not None

    @property
    def missing_profile_fields(self) -> tuple[str, ...]:
        return tuple(name for name in REQUIRED_PROFILE_FIELDS if not getattr(self, name))

    @property
    def profile_complete(self) -> bool:
        return self.has_consented and not self.missing_profile_fields


_COLUMNS = ", ".join(f.name for f in fields(User))


def _user(row: sqlite3.Row) -> User:
    values = dict(row)
    values["is_active"] = bool(values["is_active"])
    return User(**values)


# last_seen_at is kept to the minute: an update from a user seen less than this ago (with the
# same names and language) costs no write, which is most updates during a dialog.
SEEN_PRECISION_SECONDS = 60.0
_CACHE_LIMIT = 50_000


class UserRepository:
    """Users. Keeps the rows it has read or written, because every update needs its sender's
    row; each write through this repository refreshes or drops the cached row, and this
    process is the database's only writer."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._seen: dict[int, tuple[User, float]] = {}

    def _changed(self, user_id: int) -> None:
        # Called after each write: an upsert that ran just before it may have cached the row
        # as it was.
        self._seen.pop(user_id, None)

    async def get(self, user_id: int) -> User | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM users WHERE id = ?",  # noqa: S608 (constant column list)
            (user_id,),
        )
        return _user(row) if row else None

    async def upsert_seen(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        telegram_language: str | None,
    ) -> User:
        """Record that the user wrote to us (which also makes them reachable again)."""
        cached = self._seen.get(user_id)
        if cached is not None:
            user, written = cached
            same = (user.first_name, user.last_name, user.username, user.telegram_language) == (
                first_name,
                last_name,
                username,
                telegram_language,
            )
            if same and user.is_active and time.monotonic() - written < SEEN_PRECISION_SECONDS:
                return user
        now = utcnow_iso()
        row = await self.db.write(
            # S608 below: the only interpolation is the constant column list.
            "INSERT INTO users (id, first_name, last_name, username, telegram_language,"  # noqa: S608
            " created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name,"
            " last_name = excluded.last_name, username = excluded.username,"
            " telegram_language = excluded.telegram_language,"
            " last_seen_at = excluded.last_seen_at, is_active = 1"
            f" RETURNING {_COLUMNS}",
            (user_id, first_name, last_name, username, telegram_language, now, now),
        )
        assert row is not None  # RETURNING always yields the row
        user = _user(row)
        if len(self._seen) >= _CACHE_LIMIT:
            self._seen.clear()
        self._seen[user_id] = (user, time.monotonic())
        return user

    async def set_language(self, user_id: int, language: str) -> None:
        await self.db.write("UPDATE users SET language = ? WHERE id = ?", (language, user_id))
        self._changed(user_id)

    async def record_consent(self, user_id: int) -> None:
        await self.db.write(
            "UPDATE users SET consent_at = COALESCE(consent_at, ?) WHERE id = ?",
            (utcnow_iso(), user_id),
        )
        self._changed(user_id)

    async def set_profile_field(self, user_id: int, name: str, value: str | None) -> None:
        if name not in PROFILE_FIELDS:
            raise ValueError(f"not a profile field: {name}")
        # The column name comes from the fixed PROFILE_FIELDS tuple above, never from input.
        await self.db.write(
            f"UPDATE users SET {name} = ? WHERE id = ? AND consent_at IS NOT NULL",  # noqa: S608
            (value, user_id),
        )
        self._changed(user_id)

    async def set_country(self, user_id: int, country: str, timezone: str | None) -> None:
        await self.db.write(
            "UPDATE users SET country = ?, timezone = ? WHERE id = ? AND consent_at IS NOT NULL",
            (country, timezone, user_id),
        )
        self._changed(user_id)

    async def delete(self, user_id: int) -> None:
        """Remove the user's row and dialog state: everything personal we hold about them."""
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM fsm_states WHERE user_id = ?", (user_id,))
            # Messages not sent yet carry their name and courses: they go too.
            await conn.execute(
                "DELETE FROM outbox WHERE user_id = ? AND state IN ('pending', 'sending')",
                (user_id,),
            )
            await conn.execute("DELETE FROM users WHERE id = ?", (user_id,))
        self._changed(user_id)

    async def count_by(self, column: str) -> dict[str | None, int]:
        """Active users grouped by language or country (for the organisers' statistics)."""
        if column not in ("language", "country"):
            raise ValueError(f"cannot group users by {column}")
        rows = await self.db.fetch_all(
            f"SELECT {column} AS k, COUNT(*) AS n FROM users"  # noqa: S608
            " WHERE is_active = 1 GROUP BY k ORDER BY n DESC"
        )
        return {row["k"]: row["n"] for row in rows}

    async def counts(self) -> tuple[int, int, int]:
        """(all users, active users, users with a complete profile)."""
        row = await self.db.fetch_one(
            "SELECT COUNT(*) AS total, SUM(is_active) AS active,"
            " SUM(consent_at IS NOT NULL AND full_name IS NOT NULL AND country IS NOT NULL"
            " AND organisation IS NOT NULL AND position IS NOT NULL) AS complete FROM users"
        )
        assert row is not None
        return row["total"], row["active"] or 0, row["complete"] or 0

    async def set_active(self, user_id: int, active: bool) -> None:
        await self.db.write("UPDATE users SET is_active = ? WHERE id = ?", (int(active), user_id))
        self._changed(user_id)
