"""Courses."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from storage.cache import Cache
from storage.sql import Executor, Repository, from_db, from_row, stamp, to_db


class SignupMode(StrEnum):
    """How seats are given: first come, first served; by an organiser's decision on each
    request; or only to officers their country's focal point nominates."""

    OPEN = "open"
    APPROVAL = "approval"
    NOMINATION = "nomination"


class CourseStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    FINISHED = "finished"


@dataclass(frozen=True)
class CourseField:
    """A course field as an organiser sees it: what the dialog asks, the form and the edit
    menu offer; `columns` are where it is stored, `form_keys` how the one-message form
    (/newcourse) names it."""

    name: str
    columns: tuple[str, ...] = ()
    form_keys: tuple[str, ...] = ()
    in_dialog: bool = True  # asked when a course is created step by step

    @property
    def stored_as(self) -> tuple[str, ...]:
        return self.columns or (self.name,)

    @property
    def keys_in_form(self) -> tuple[str, ...]:
        return self.form_keys or (self.name,)


# The one list of the fields an organiser sets; its order is the order of the creation dialog
# and of the edit menu. Everything else (the dialog's steps, what may be edited, the columns a
# write may touch) is derived from it.
COURSE_FIELDS = (
    CourseField("title_en"),
    CourseField("title_ru"),
    CourseField("description_en"),
    CourseField("description_ru"),
    CourseField("timezone"),
    CourseField("starts_at", form_keys=("start",)),
    CourseField("ends_at", form_keys=("end",)),
    # Venue or online link: one field for the organiser, two columns here (and two form keys).
    CourseField("place", ("venue", "online_url"), ("venue", "online")),
    CourseField("capacity"),
    CourseField("deadline_at", form_keys=("deadline",)),
    CourseField("language"),
    CourseField("reminder_offsets", form_keys=("reminders",), in_dialog=False),
    CourseField("attendance_check_days", form_keys=("attendance_check",), in_dialog=False),
    # Asked last in the dialog; the quotas only for approval or nomination, the release day
    # only for quotas (bot/services/course_dialog.py decides which steps apply).
    CourseField("signup_mode", form_keys=("signup",)),
    CourseField("quotas", form_keys=("quota", "quotas")),
    CourseField("quota_release_at", form_keys=("quota_release",)),
    # FOLLOWUP (issue 15): days after the end for the follow-up survey; NULL: none.
    CourseField("followup", in_dialog=False),
    # CERT (issue 15): certificates of attendance; set in the form and the edit menu.
    CourseField("certificate", in_dialog=False),
    CourseField("certificate_language", in_dialog=False),
    CourseField("hours", in_dialog=False),
)
FIELD_NAMES = tuple(field.name for field in COURSE_FIELDS)
DIALOG_STEPS = tuple(field.name for field in COURSE_FIELDS if field.in_dialog)
FORM_KEYS = tuple(key for field in COURSE_FIELDS for key in field.keys_in_form)
# The form's name for a field it has under one key (the times, where problems point).
FORM_KEY = {field.name: field.keys_in_form[0] for field in COURSE_FIELDS}


@dataclass(frozen=True)
class Course:
    id: int
    title_en: str | None
    title_ru: str | None
    description_en: str | None
    description_ru: str | None
    starts_at: datetime
    ends_at: datetime
    timezone: str
    venue: str | None
    online_url: str | None
    capacity: int | None
    deadline_at: datetime
    language: str
    status: CourseStatus
    revision: int
    created_by: int | None
    created_at: str
    updated_at: str
    reminder_offsets: str | None = None  # this course's own "1d,1h"; None: the default
    attendance_check_days: int | None = None  # ask "still coming?" this many days before
    signup_mode: SignupMode = SignupMode.OPEN
    quotas: str | None = None  # JSON seats per country (bot/services/quotas.py); None: none
    quota_release_at: datetime | None = None  # unused country seats go to the reserve then
    followup: int | None = None  # the follow-up survey this many days after the end
    certificate: int | None = None  # percent of the days attended for one; None: all days
    certificate_language: str = "own"  # "own": each attendee's; "bilingual": EN+RU
    hours: int | None = None  # training hours, printed on certificates when set

    def quotas_released(self, now: datetime) -> bool:
        """Whether country quotas no longer hold seats back (the release date has passed)."""
        return self.quota_release_at is not None and self.quota_release_at <= now

    def title(self, locale: str) -> str:
        """The title in `locale`, or the other language's when a draft lacks it."""
        own = self.title_ru if locale == "ru" else self.title_en
        return own or self.title_en or self.title_ru or ""

    def description(self, locale: str) -> str:
        own = self.description_ru if locale == "ru" else self.description_en
        return own or self.description_en or self.description_ru or ""

    def registration_open(self, now: datetime) -> bool:
        return self.status == CourseStatus.PUBLISHED and now < self.deadline_at

    @property
    def missing_for_publishing(self) -> tuple[str, ...]:
        required = ("title_en", "title_ru", "description_en", "description_ru")
        return tuple(name for name in required if not getattr(self, name))


_COLUMNS = ", ".join(f.name for f in fields(Course))


def _course(row: sqlite3.Row) -> Course:
    times = dict.fromkeys(("starts_at", "ends_at", "deadline_at", "quota_release_at"), from_db)
    return from_row(Course, row, status=CourseStatus, signup_mode=SignupMode, **times)


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    return {k: to_db(v) if isinstance(v, datetime) else v for k, v in values.items()}


# Columns an update may touch, so that names in SQL never come from input.
_WRITABLE = frozenset(column for field in COURSE_FIELDS for column in field.stored_as)


class CourseRepository(Repository):
    """Courses. Every card and sign-up reads its course, which changes rarely: rows are cached
    (storage/cache.py) and every write through this repository drops the cached copy."""

    def __init__(self, sql: Executor) -> None:
        super().__init__(sql)
        self._cache: Cache[int, Course] = sql.cache("courses")

    def drop_cache(self) -> None:
        """Forget the cached rows (an erasure rewrote created_by in SQL, see /forget)."""
        self._cache.clear()

    async def get(self, course_id: int) -> Course | None:
        return await self._cache.get_or_load(course_id, lambda: self._read(course_id))

    async def _read(self, course_id: int) -> Course | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM courses WHERE id = ?",  # noqa: S608 (constant columns)
            (course_id,),
        )
        return _course(row) if row else None

    async def create(self, values: dict[str, Any], created_by: int | None) -> Course:
        if not set(values) <= _WRITABLE:
            raise ValueError(f"unknown course fields: {set(values) - _WRITABLE}")
        now = stamp(self.sql)
        stored = {**values, "created_by": created_by, "created_at": now, "updated_at": now}
        return _course(await self.insert_returning("courses", stored, _COLUMNS))

    async def update(self, course_id: int, values: dict[str, Any], bump_revision: bool) -> None:
        if not set(values) <= _WRITABLE:
            raise ValueError(f"unknown course fields: {set(values) - _WRITABLE}")
        stored = _stored(values)
        assignments = ", ".join(f"{name} = ?" for name in stored)
        await self.sql.write(
            f"UPDATE courses SET {assignments}, updated_at = ?,"  # noqa: S608 (whitelisted)
            " revision = revision + ? WHERE id = ?",
            [*stored.values(), stamp(self.sql), int(bump_revision), course_id],
        )
        self._cache.drop(course_id)

    async def set_status(
        self, course_id: int, status: CourseStatus, bump_revision: bool = False
    ) -> None:
        """`bump_revision` for a cancellation: a new revision, so calendar apps replace the
        event (a cancelled course shows as cancelled)."""
        await self.sql.write(
            "UPDATE courses SET status = ?, updated_at = ?, revision = revision + ? WHERE id = ?",
            (status.value, stamp(self.sql), int(bump_revision), course_id),
        )
        self._cache.drop(course_id)

    async def delete_draft(self, course_id: int) -> bool:
        row = await self.sql.write(
            "DELETE FROM courses WHERE id = ? AND status = ? RETURNING id",
            (course_id, CourseStatus.DRAFT.value),
        )
        self._cache.drop(course_id)
        return row is not None

    async def upcoming(self, now: datetime, offset: int, limit: int) -> tuple[list[Course], int]:
        """Published courses not started yet, soonest first, and how many there are."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS}, COUNT(*) OVER () AS total FROM courses"  # noqa: S608
            " WHERE status = 'published' AND starts_at > ?"
            " ORDER BY starts_at, id LIMIT ? OFFSET ?",
            (to_db(now), limit, offset),
        )
        total = rows[0]["total"] if rows else 0
        return [_course(row) for row in rows], total

    async def all(self, offset: int, limit: int) -> tuple[list[Course], int]:
        """Every course for organisers: upcoming first, soonest first; then the past (ended,
        cancelled, or a draft whose start has gone by), the most recent first."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS}, COUNT(*) OVER () AS total,"  # noqa: S608
            " (status IN ('cancelled', 'finished') OR starts_at <= :now) AS past"
            " FROM courses"
            " ORDER BY past, CASE WHEN past THEN NULL ELSE starts_at END,"
            " starts_at DESC, id DESC LIMIT :limit OFFSET :offset",
            {"now": stamp(self.sql), "limit": limit, "offset": offset},
        )
        total = rows[0]["total"] if rows else 0
        return [_course(row) for row in rows], total

    async def zones(self) -> dict[int, str]:
        """Every course's id and time zone (checking a course number someone typed)."""
        rows = await self.sql.fetch_all("SELECT id, timezone FROM courses")
        return {row[0]: row[1] for row in rows}

    async def published_upcoming(self, now: datetime) -> list[Course]:
        """Every published course not started yet, in one query (start-up timers)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM courses"  # noqa: S608 (constant columns)
            " WHERE status = 'published' AND starts_at > ? ORDER BY starts_at",
            (to_db(now),),
        )
        return [_course(row) for row in rows]

    async def finish_ended(self, now: datetime) -> int:
        """Mark published courses whose end has passed as finished; returns how many."""
        rows = await self.sql.write_all(
            "UPDATE courses SET status = 'finished', updated_at = ?"
            " WHERE status = 'published' AND ends_at <= ? RETURNING id",
            (stamp(self.sql), to_db(now)),
        )
        for row in rows:
            self._cache.drop(row["id"])
        return len(rows)
