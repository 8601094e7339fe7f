"""Announcements and the recipients they are queued for."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from storage.cache import Cache
from storage.outbox import PRIORITY_BULK, OutboxState
from storage.sql import Executor, Repository, from_db, from_row, stamp, to_db

# A user's language as the bot speaks to them: their choice, else Telegram's `ru`, else the
# default (the same rule as bot/i18n.pick_locale, in SQL).
EFFECTIVE_LANGUAGE = (
    "COALESCE(u.language, CASE WHEN lower(u.telegram_language) LIKE 'ru%' THEN 'ru'"
    " ELSE :default_locale END)"
)


class AnnouncementStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    DONE = "done"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Announcement:
    id: int
    created_by: int
    text_en: str | None
    text_ru: str | None
    media_type: str | None
    media_file_id: str | None
    audience: str
    course_button: int | None
    daytime: bool
    status: AnnouncementStatus
    scheduled_at: str | None
    recipients: int
    progress_chat_id: int | None
    progress_message_id: int | None
    created_at: str
    queued_at: str | None
    finished_at: str | None

    def text(self, locale: str) -> str:
        own = self.text_ru if locale == "ru" else self.text_en
        return own or self.text_en or self.text_ru or ""

    @property
    def audience_spec(self) -> dict[str, Any]:
        return dict(json.loads(self.audience))


_COLUMNS = ", ".join(f.name for f in fields(Announcement))


def _announcement(row: sqlite3.Row) -> Announcement:
    return from_row(Announcement, row, daytime=bool, status=AnnouncementStatus)


@dataclass(frozen=True)
class Audience:
    """A WHERE clause over users `u` (and its parameters), built only from fixed fragments."""

    where: str
    params: dict[str, Any]


def audience_sql(
    spec: dict[str, Any], default_locale: str, default_timezone: str = "UTC"
) -> Audience:
    """Everyone active, a course's participants, one language, or some countries."""
    params: dict[str, Any] = {
        "default_locale": default_locale,
        # Users who have not set up a profile have no zone: they count as DEFAULT_TIMEZONE.
        "default_timezone": default_timezone,
    }
    where = "u.is_active = 1"
    kind = spec.get("kind")
    if kind == "course":
        status = spec.get("status", "all")
        condition = {
            "confirmed": "r.status = 'confirmed'",
            # Waiting for a seat: the waiting list and the countries' reserve lists.
            "waitlisted": "r.status IN ('waitlisted', 'reserve')",
            "attended": "r.status = 'confirmed' AND r.attended = 1",
            # Everyone with a live place: requests and nominations waiting for an answer too.
            "all": "r.status IN ('pending', 'nominated', 'confirmed', 'waitlisted', 'reserve')",
        }[status]
        where += (
            # `condition` is one of the fixed fragments above, never input.
            " AND EXISTS (SELECT 1 FROM registrations r WHERE r.user_id = u.id"  # noqa: S608
            f" AND r.course_id = :course_id AND {condition})"
        )
        params["course_id"] = int(spec["course_id"])
    elif kind == "language":
        where += f" AND {EFFECTIVE_LANGUAGE} = :language"
        params["language"] = spec["language"]
    elif kind == "country":  # one country: announcements stored before issue 13
        where += " AND u.country = :country"
        params["country"] = spec["country"]
    elif kind == "countries":
        # A JSON array as one parameter: any number of countries, still no SQL built from input.
        where += " AND u.country IN (SELECT value FROM json_each(:countries))"
        params["countries"] = json.dumps([str(code) for code in spec["countries"]])
    elif kind != "all":
        raise ValueError(f"unknown audience {spec!r}")
    return Audience(where, params)


class AnnouncementRepository(Repository):
    def __init__(self, sql: Executor) -> None:
        super().__init__(sql)
        self._cache: Cache[int, Announcement] = sql.cache("announcements")

    def drop_cache(self) -> None:
        """Forget the cached rows (an erasure rewrote created_by in SQL, see /forget)."""
        self._cache.clear()

    async def create(self, values: dict[str, Any]) -> Announcement:
        stored = {**values, "created_at": stamp(self.sql)}
        return _announcement(await self.insert_returning("announcements", stored, _COLUMNS))

    async def get(self, announcement_id: int) -> Announcement | None:
        """Cached: the worker reads the content of every message it sends."""
        return await self._cache.get_or_load(announcement_id, lambda: self._read(announcement_id))

    async def _read(self, announcement_id: int) -> Announcement | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM announcements WHERE id = ?",  # noqa: S608
            (announcement_id,),
        )
        return _announcement(row) if row else None

    async def update(self, announcement_id: int, **values: Any) -> None:
        allowed = {
            "status",
            "scheduled_at",
            "recipients",
            "progress_chat_id",
            "progress_message_id",
            "queued_at",
            "finished_at",
        }
        if not set(values) <= allowed:
            raise ValueError(f"cannot update {set(values) - allowed}")
        stored = {k: to_db(v) if isinstance(v, datetime) else v for k, v in values.items()}
        assignments = ", ".join(f"{name} = :{name}" for name in stored)
        await self.sql.write(
            f"UPDATE announcements SET {assignments} WHERE id = :id",  # noqa: S608
            {**stored, "id": announcement_id},
        )
        self._cache.drop(announcement_id)

    async def with_status(self, *statuses: AnnouncementStatus) -> list[Announcement]:
        marks = ", ".join("?" * len(statuses))
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM announcements WHERE status IN ({marks})"  # noqa: S608
            " ORDER BY id",
            statuses,
        )
        return [_announcement(row) for row in rows]

    async def recent(self, limit: int, offset: int = 0) -> list[Announcement]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM announcements WHERE status != ?"  # noqa: S608
            " ORDER BY id DESC LIMIT ? OFFSET ?",
            (AnnouncementStatus.DRAFT.value, limit, offset),
        )
        return [_announcement(row) for row in rows]

    async def count_by_language(self, audience: Audience) -> dict[str, int]:
        rows = await self.sql.fetch_all(
            # `lang`, not `language`: GROUP BY would take the users.language column instead.
            f"SELECT {EFFECTIVE_LANGUAGE} AS lang, COUNT(*) AS n FROM users u"  # noqa: S608
            f" WHERE {audience.where} GROUP BY lang",
            audience.params,
        )
        return {row["lang"]: row["n"] for row in rows}

    async def zones(self, audience: Audience) -> list[str]:
        rows = await self.sql.fetch_all(
            f"SELECT DISTINCT COALESCE(u.timezone, :default_timezone) FROM users u"  # noqa: S608
            f" WHERE {audience.where}",
            audience.params,
        )
        return [row[0] for row in rows]

    async def enqueue(
        self,
        announcement_id: int,
        audience: Audience,
        due_by_zone: dict[str, datetime],
        now: datetime,
    ) -> int:
        """One outbox row per recipient, written by SQLite itself (INSERT ... SELECT): rows
        never pass through Python, so 100,000 recipients cost one statement and no memory."""
        params: dict[str, Any] = {
            **audience.params,
            "announcement_id": announcement_id,
            "payload": json.dumps({"announcement_id": announcement_id}),
            "priority": PRIORITY_BULK,
            "now": to_db(now),
        }
        cases = []
        for index, (zone, due) in enumerate(sorted(due_by_zone.items())):
            params[f"zone{index}"], params[f"due{index}"] = zone, to_db(due)
            cases.append(f"WHEN :zone{index} THEN :due{index}")
        not_before = (
            f"CASE COALESCE(u.timezone, :default_timezone) {' '.join(cases)} ELSE :now END"
            if cases
            else ":now"
        )
        async with self.sql.atomic() as sql:
            await sql.write(
                "INSERT INTO outbox (user_id, kind, payload, priority, not_before, state,"  # noqa: S608
                " announcement_id, created_at, updated_at)"
                f" SELECT u.id, 'announcement', :payload, :priority, {not_before}, 'pending',"
                f" :announcement_id, :now, :now FROM users u WHERE {audience.where}",
                params,
            )
            # changes(), not RETURNING: the rows never pass through Python.
            inserted = await sql.fetch_one("SELECT changes()")
            count = int(inserted[0]) if inserted else 0
            await sql.write(
                "UPDATE announcements SET status = ?, recipients = ?, queued_at = ? WHERE id = ?",
                (AnnouncementStatus.SENDING.value, count, to_db(now), announcement_id),
            )
            sql.cache("announcements").drop(announcement_id)
        return count

    async def progress(self, announcement_id: int) -> dict[OutboxState, int]:
        """Messages by state: those still in the outbox plus the totals kept on the
        announcement for rows deleted since (retention, /forget)."""
        rows = await self.sql.fetch_all(
            "SELECT state, COUNT(*) FROM outbox WHERE announcement_id = :id GROUP BY state"
            " UNION ALL SELECT 'sent', sent_count FROM announcements WHERE id = :id"
            " UNION ALL SELECT 'blocked', blocked_count FROM announcements WHERE id = :id"
            " UNION ALL SELECT 'failed', failed_count FROM announcements WHERE id = :id"
            " UNION ALL SELECT 'cancelled', cancelled_count FROM announcements WHERE id = :id",
            {"id": announcement_id},
        )
        states: dict[OutboxState, int] = {}
        for state, count in rows:
            states[OutboxState(state)] = states.get(OutboxState(state), 0) + count
        return states

    async def stop(self, announcement_id: int, now: datetime) -> int:
        """Cancel what is not sent yet; returns how many messages were cancelled."""
        async with self.sql.atomic() as sql:
            rows = await sql.write_all(
                "UPDATE outbox SET state = 'cancelled', updated_at = ?"
                " WHERE announcement_id = ? AND state = 'pending' RETURNING 1",
                (to_db(now), announcement_id),
            )
            await sql.write(
                "UPDATE announcements SET status = 'stopped', finished_at = ? WHERE id = ?"
                " AND status IN ('scheduled', 'sending', 'draft')",
                (to_db(now), announcement_id),
            )
            sql.cache("announcements").drop(announcement_id)
        return len(rows)


def scheduled_time(announcement: Announcement) -> datetime | None:
    return from_db(announcement.scheduled_at) if announcement.scheduled_at else None
