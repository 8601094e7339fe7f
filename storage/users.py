"""Users and their profiles."""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from dataclasses import dataclass, fields

from storage.cache import Cache
from storage.materials import MaterialRepository
from storage.outbox import OutboxRepository
from storage.questions import QuestionRepository
from storage.sql import Executor, Repository, from_row, stamp

PROFILE_FIELDS = (
    "full_name",
    "country",
    "organisation",
    "position",
    "email",
    "timezone",
    "latin_name",  # as in the passport: printed on English certificates (issue 15)
)
# What a profile must have before a sign-up; e-mail is optional and time zone has a default.
REQUIRED_PROFILE_FIELDS = ("full_name", "country", "organisation", "position")


@dataclass(frozen=True)
class User:
    id: int
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
    # Telegram's @username, kept only after consent (to be found by it, e.g. as a focal point).
    username: str | None = None
    latin_name: str | None = None  # the name in Latin letters, as in the passport

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
    return from_row(User, row, is_active=bool)


# last_seen_at is kept to the minute: an update from a user seen less than this ago (with the
# same language) costs no write, which is most updates during a dialog.
SEEN_PRECISION_SECONDS = 60.0

# Before consent a row holds only what the bot needs to talk to the person: the id, the
# language (theirs or Telegram's, to choose the language of messages before they pick one),
# whether they can be reached, and when they were first and last seen. The @username is kept
# only after consent, as the update gives it (NULL once they remove it in Telegram).
_TOUCH = (
    # S608 below: the only interpolation is the constant column list.
    "UPDATE users SET telegram_language = ?, last_seen_at = ?, is_active = 1,"  # noqa: S608
    " username = CASE WHEN consent_at IS NOT NULL THEN ? END"
    f" WHERE id = ? RETURNING {_COLUMNS}"
)
_UPSERT = (
    "INSERT INTO users (id, telegram_language, created_at, last_seen_at)"  # noqa: S608
    " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
    " telegram_language = excluded.telegram_language,"
    f" last_seen_at = excluded.last_seen_at, is_active = 1 RETURNING {_COLUMNS}"
)


def new_pseudonym() -> int:
    """A random label for a forgotten person in the records that stay (audit log,
    announcements). Negative, so it can never be a Telegram id; drawn at random, so nothing
    maps it back to the person."""
    return -(secrets.randbelow(9 * 10**11) + 10**11)  # 12 digits: two never meet


class UserRepository(Repository):
    """Users. Keeps the rows it has read or written, because every update needs its sender's
    row; each write through this repository refreshes or drops the cached row, and this
    process is the database's only writer."""

    def __init__(self, sql: Executor) -> None:
        super().__init__(sql)
        self._seen: Cache[int, tuple[User, float]] = sql.cache("users")

    def _changed(self, user_id: int) -> None:
        # Called after each write: an upsert that ran just before it may have cached the row
        # as it was.
        self._seen.drop(user_id)

    async def get(self, user_id: int) -> User | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM users WHERE id = ?",  # noqa: S608 (constant column list)
            (user_id,),
        )
        return _user(row) if row else None

    async def many(self, user_ids: list[int]) -> dict[int, User]:
        """The rows of `user_ids` that exist, in one query (a page naming many people)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM users"  # noqa: S608 (constant column list)
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(user_ids),),
        )
        return {user.id: user for user in map(_user, rows)}

    async def with_profile_in(self, country: str) -> list[User]:
        """People of a country with a profile (consent given), by name: whom a focal point
        may nominate, or an organiser pick."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM users"  # noqa: S608 (constant column list)
            " WHERE country = ? AND consent_at IS NOT NULL ORDER BY full_name COLLATE NOCASE, id",
            (country,),
        )
        return [_user(row) for row in rows]

    async def by_username(self, username: str) -> User | None:
        """Someone who has used the bot, by their Telegram @username (any case, @ optional)."""
        name = username.strip().removeprefix("@")
        if not name:
            return None
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM users"  # noqa: S608 (constant column list)
            " WHERE username = ? COLLATE NOCASE ORDER BY last_seen_at DESC LIMIT 1",
            (name,),
        )
        return _user(row) if row else None

    async def upsert_seen(self, user_id: int, telegram_language: str | None) -> User:
        """Record that the user wrote to us, creating their row if there is none (this also
        makes them reachable again)."""
        cached = self._fresh(user_id, telegram_language)
        if cached is not None:
            return cached
        now = stamp(self.sql)
        row = await self.sql.write(_UPSERT, (user_id, telegram_language, now, now))
        assert row is not None  # RETURNING always yields the row
        return self._remember(_user(row))

    async def touch(
        self, user_id: int, telegram_language: str | None, username: str | None = None
    ) -> User | None:
        """Like upsert_seen, but never creates a row: None for a user the bot does not hold.
        `username` is the update's (None: they have none), stored only after consent."""
        cached = self._fresh(user_id, telegram_language)
        if cached is not None and (not cached.has_consented or cached.username == username):
            return cached
        row = await self.sql.write(_TOUCH, (telegram_language, stamp(self.sql), username, user_id))
        return self._remember(_user(row)) if row else None

    def _fresh(self, user_id: int, telegram_language: str | None) -> User | None:
        """The cached row, if writing it again would change nothing that matters."""
        cached = self._seen.get(user_id)
        if cached is None:
            return None
        user, written = cached
        if time.monotonic() - written >= SEEN_PRECISION_SECONDS or not user.is_active:
            return None
        return user if user.telegram_language == telegram_language else None

    def _remember(self, user: User) -> User:
        self._seen.put(user.id, (user, time.monotonic()))
        return user

    async def set_language(self, user_id: int, language: str) -> None:
        await self.sql.write("UPDATE users SET language = ? WHERE id = ?", (language, user_id))
        self._changed(user_id)

    async def record_consent(self, user_id: int) -> None:
        await self.sql.write(
            "UPDATE users SET consent_at = COALESCE(consent_at, ?) WHERE id = ?",
            (stamp(self.sql), user_id),
        )
        self._changed(user_id)

    async def set_profile_field(self, user_id: int, name: str, value: str | None) -> None:
        if name not in PROFILE_FIELDS:
            raise ValueError(f"not a profile field: {name}")
        # The column name comes from the fixed PROFILE_FIELDS tuple above, never from input.
        await self.sql.write(
            f"UPDATE users SET {name} = ? WHERE id = ? AND consent_at IS NOT NULL",  # noqa: S608
            (value, user_id),
        )
        self._changed(user_id)

    async def set_latin_name(self, user_id: int, name: str | None) -> None:
        await self.sql.write(
            "UPDATE users SET latin_name = ? WHERE id = ? AND consent_at IS NOT NULL",
            (name, user_id),
        )
        self._changed(user_id)

    async def set_country(self, user_id: int, country: str, timezone: str | None) -> None:
        await self.sql.write(
            "UPDATE users SET country = ?, timezone = ? WHERE id = ? AND consent_at IS NOT NULL",
            (country, timezone, user_id),
        )
        self._changed(user_id)

    async def delete(self, user_id: int) -> None:
        """Remove one person from every table, in one transaction (/forget; storage.erasure
        then scrubs the file).

        Registrations, survey invitations and named survey responses go with the users row
        (ON DELETE CASCADE). Records organisers need to keep stay, with a random pseudonym in
        place of the id.
        """
        pseudonym = new_pseudonym()
        async with self.sql.atomic() as sql:
            await sql.write("DELETE FROM fsm_states WHERE user_id = ?", (user_id,))
            await OutboxRepository(sql).delete_of_user(user_id)
            await QuestionRepository(sql).forget(user_id)
            await MaterialRepository(sql).delete_of_user(user_id)
            await sql.write(
                "UPDATE audit_log SET actor_id = ? WHERE actor_id = ?", (pseudonym, user_id)
            )
            await sql.write(
                "UPDATE audit_log SET details = json_set(details, '$.participant', ?)"
                " WHERE json_extract(details, '$.participant') = ?",
                (pseudonym, user_id),
            )
            await sql.write(
                "UPDATE announcements SET created_by = ? WHERE created_by = ?",
                (pseudonym, user_id),
            )
            await sql.write(
                "UPDATE announcements SET progress_chat_id = NULL, progress_message_id = NULL"
                " WHERE progress_chat_id = ?",
                (user_id,),
            )
            await sql.write(
                "UPDATE courses SET created_by = NULL WHERE created_by = ?", (user_id,)
            )
            # A certificate keeps its code and course, so /verify can say its holder deleted
            # their data; the person and the names printed go.
            await sql.write(
                "UPDATE certificate_versions SET name_en = NULL, name_ru = NULL"
                " WHERE certificate_id IN (SELECT id FROM certificates WHERE user_id = ?)",
                (user_id,),
            )
            await sql.write(
                "UPDATE certificates SET user_id = NULL, name_en = NULL, name_ru = NULL,"
                " erased_at = ? WHERE user_id = ?",
                (stamp(sql), user_id),
            )
            await sql.write(
                "UPDATE surveys SET created_by = NULL WHERE created_by = ?", (user_id,)
            )
            await sql.write(
                "UPDATE survey_templates SET created_by = NULL WHERE created_by = ?", (user_id,)
            )
            await sql.write("DELETE FROM users WHERE id = ?", (user_id,))
            sql.cache("users").drop(user_id)

    async def count_by(self, column: str) -> dict[str | None, int]:
        """Active users grouped by language or country (for the organisers' statistics)."""
        if column not in ("language", "country"):
            raise ValueError(f"cannot group users by {column}")
        rows = await self.sql.fetch_all(
            f"SELECT {column} AS k, COUNT(*) AS n FROM users"  # noqa: S608
            " WHERE is_active = 1 GROUP BY k ORDER BY n DESC"
        )
        return {row["k"]: row["n"] for row in rows}

    async def counts(self) -> tuple[int, int, int]:
        """(all users, active users, users with a complete profile)."""
        row = await self.sql.fetch_one(
            "SELECT COUNT(*) AS total, SUM(is_active) AS active,"
            " SUM(consent_at IS NOT NULL AND full_name IS NOT NULL AND country IS NOT NULL"
            " AND organisation IS NOT NULL AND position IS NOT NULL) AS complete FROM users"
        )
        assert row is not None
        return row["total"], row["active"] or 0, row["complete"] or 0

    async def set_active(self, user_id: int, active: bool) -> None:
        await self.sql.write("UPDATE users SET is_active = ? WHERE id = ?", (int(active), user_id))
        self._changed(user_id)
