"""Migration 013 on a database written by the previous version: a course may now have a venue
and an online link together, and rebuilding the table keeps every sign-up (issue 13)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.database import to_db
from tests.migrations import database_before

NOW = to_db(datetime(2027, 3, 1, 12, 0, tzinfo=UTC))
START, END = "2027-04-01T09:00:00+00:00", "2027-04-01T17:00:00+00:00"
COURSE = (
    "INSERT INTO courses (id, title_en, starts_at, ends_at, timezone, venue, online_url,"
    " deadline_at, language, status, created_at, updated_at)"
    " VALUES (?, 'Risk', ?, ?, 'Asia/Baku', ?, ?, ?, 'en', 'published', ?, ?)"
)


def course(course_id: int, venue: str | None, url: str | None) -> tuple[object, ...]:
    return (course_id, START, END, venue, url, START, NOW, NOW)


async def test_the_rebuilt_courses_table_keeps_sign_ups_and_takes_hybrid_courses(
    tmp_path: Path,
):
    db = await database_before(tmp_path, "013")
    try:
        await db.write(COURSE, course(1, "Baku", None))
        await db.write(
            "INSERT INTO users (id, created_at, last_seen_at) VALUES (7, ?, ?)",
            (NOW, NOW),
        )
        await db.write(
            "INSERT INTO registrations (course_id, user_id, status, seq, created_at, updated_at)"
            " VALUES (1, 7, 'confirmed', 1, ?, ?)",
            (NOW, NOW),
        )
        with pytest.raises(sqlite3.IntegrityError):
            await db.write(COURSE, course(2, "Baku", "https://meet.example.org/r"))

        assert (await db.migrate())[0] == "013_hybrid_courses.sql"

        assert await db.fetch_one("SELECT user_id FROM registrations WHERE course_id = 1")
        await db.write(COURSE, course(2, "Baku", "https://meet.example.org/r"))
        with pytest.raises(sqlite3.IntegrityError):
            await db.write(COURSE, course(3, None, None))
        # Foreign keys are on again: deleting a course still takes its sign-ups with it.
        await db.write("DELETE FROM courses WHERE id = 1")
        assert await db.fetch_one("SELECT 1 FROM registrations") is None
    finally:
        await db.close()


async def test_the_nominations_migration_keeps_sign_ups_and_counts_them_by_country(
    tmp_path: Path,
) -> None:
    """Migration 014 rebuilds `registrations` (issue 14): every sign-up stays, with the
    country of its profile (the quota it counts against), and deleting still cascades."""
    db = await database_before(tmp_path, "014")
    try:
        await db.write(COURSE, course(1, "Baku", None))
        await db.write(
            "INSERT INTO users (id, country, created_at, last_seen_at) VALUES (7, 'az', ?, ?)",
            (NOW, NOW),
        )
        await db.write(
            "INSERT INTO registrations (course_id, user_id, status, seq, created_at, updated_at)"
            " VALUES (1, 7, 'waitlisted', 1, ?, ?)",
            (NOW, NOW),
        )
        # 014 first; the later ones (015: @usernames after consent) come with it.
        assert (await db.migrate())[0] == "014_nominations.sql"
        row = await db.fetch_one("SELECT status, country FROM registrations WHERE user_id = 7")
        assert row is not None and tuple(row) == ("waitlisted", "az")
        course_row = await db.fetch_one("SELECT signup_mode, quotas FROM courses WHERE id = 1")
        assert course_row is not None and tuple(course_row) == ("open", None)
        await db.write("DELETE FROM courses WHERE id = 1")
        assert await db.fetch_one("SELECT 1 FROM registrations") is None
    finally:
        await db.close()
