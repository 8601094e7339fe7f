"""Sign-ups: who holds a seat on which course, and the waiting list in arrival order."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.sql import Repository, from_row, to_db


class RegStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


ACTIVE = (RegStatus.CONFIRMED.value, RegStatus.WAITLISTED.value)


@dataclass(frozen=True)
class Registration:
    id: int
    course_id: int
    user_id: int
    status: RegStatus
    seq: int
    attended: bool
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Counts:
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int


@dataclass(frozen=True)
class Participant:
    """A registration joined with the profile it belongs to (organiser views, exports)."""

    registration: Registration
    position: int | None  # on the waiting list
    full_name: str | None
    country: str | None
    organisation: str | None
    position_title: str | None
    email: str | None


@dataclass(frozen=True)
class SeatView:
    """What a course card needs to know about one user and the seats."""

    registration: Registration | None
    position: int | None  # on the waiting list
    confirmed: int  # seats taken on the course

    @property
    def active(self) -> bool:
        return self.registration is not None and self.registration.status != RegStatus.CANCELLED


_COLUMNS = "id, course_id, user_id, status, seq, attended, created_at, updated_at"


def _registration(row: sqlite3.Row) -> Registration:
    return from_row(Registration, row, status=RegStatus, attended=bool)


# The capacity check and the insert are one statement, so they are one atomic step under the
# write lock: no other sign-up can slip in between, and it costs a single thread round trip.
_SIGN_UP = """
INSERT INTO registrations (course_id, user_id, status, seq, created_at, updated_at)
SELECT c.id, :user,
       CASE WHEN c.capacity IS NULL
                 OR (SELECT COUNT(*) FROM registrations r
                     WHERE r.course_id = c.id AND r.status = 'confirmed') < c.capacity
            THEN 'confirmed' ELSE 'waitlisted' END,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM registrations r WHERE r.course_id = c.id),
       :now, :now
FROM courses c
WHERE c.id = :course AND c.status = 'published' AND c.deadline_at > :now
ON CONFLICT (course_id, user_id) DO UPDATE
    SET status = excluded.status, seq = excluded.seq, updated_at = excluded.updated_at
    WHERE registrations.status = 'cancelled'
RETURNING id, course_id, user_id, status, seq, attended, created_at, updated_at,
    (SELECT COUNT(*) FROM registrations c
     WHERE c.course_id = registrations.course_id AND c.status = 'confirmed') AS confirmed,
    CASE WHEN status = 'waitlisted' THEN
        (SELECT COUNT(*) FROM registrations w WHERE w.course_id = registrations.course_id
         AND w.status = 'waitlisted' AND w.seq <= registrations.seq) END AS position
"""


class RegistrationRepository(Repository):
    async def sign_up(self, course_id: int, user_id: int, now: datetime) -> SeatView | None:
        """A new or renewed sign-up with the seats after it; None if nothing changed (already
        signed up, or the course takes no sign-ups)."""
        row = await self.sql.write(
            _SIGN_UP, {"user": user_id, "course": course_id, "now": to_db(now)}
        )
        if row is None:
            return None
        return SeatView(_registration(row), row["position"], int(row["confirmed"]))

    async def get(self, course_id: int, user_id: int) -> Registration | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM registrations"  # noqa: S608 (constant columns)
            " WHERE course_id = ? AND user_id = ?",
            (course_id, user_id),
        )
        return _registration(row) if row else None

    async def view(self, course_id: int, user_id: int) -> SeatView:
        """The user's sign-up, their waiting-list place and the seats taken: one round trip."""
        row = await self.sql.fetch_one(
            "SELECT (SELECT COUNT(*) FROM registrations c"
            "        WHERE c.course_id = :course AND c.status = 'confirmed') AS confirmed,"
            " r.id, r.course_id, r.user_id, r.status, r.seq, r.attended, r.created_at,"
            " r.updated_at,"
            " CASE WHEN r.status = 'waitlisted' THEN"
            "  (SELECT COUNT(*) FROM registrations w WHERE w.course_id = :course"
            "   AND w.status = 'waitlisted' AND w.seq <= r.seq) END AS position"
            " FROM (SELECT 1) LEFT JOIN registrations r"
            " ON r.course_id = :course AND r.user_id = :user",
            {"course": course_id, "user": user_id},
        )
        assert row is not None  # the LEFT JOIN always yields one row
        registration = _registration(row) if row["id"] is not None else None
        return SeatView(registration, row["position"], int(row["confirmed"]))

    async def position(self, registration: Registration) -> int | None:
        """1 for the first person on the waiting list; None unless waitlisted."""
        if registration.status != RegStatus.WAITLISTED:
            return None
        row = await self.sql.fetch_one(
            "SELECT COUNT(*) FROM registrations"
            " WHERE course_id = ? AND status = 'waitlisted' AND seq <= ?",
            (registration.course_id, registration.seq),
        )
        return int(row[0]) if row else None

    async def counts(self, course_id: int) -> Counts:
        row = await self.sql.fetch_one(
            "SELECT COALESCE(SUM(status = 'confirmed'), 0),"
            " COALESCE(SUM(status = 'waitlisted'), 0),"
            " COALESCE(SUM(status = 'cancelled'), 0),"
            " COALESCE(SUM(attended AND status = 'confirmed'), 0)"
            " FROM registrations WHERE course_id = ?",
            (course_id,),
        )
        assert row is not None
        return Counts(*(int(v) for v in row))

    async def confirmed_counts(self, course_ids: list[int]) -> dict[int, int]:
        if not course_ids:
            return {}
        marks = ", ".join("?" * len(course_ids))
        rows = await self.sql.fetch_all(
            "SELECT course_id, COUNT(*) FROM registrations"  # noqa: S608 (placeholders only)
            f" WHERE status = 'confirmed' AND course_id IN ({marks}) GROUP BY course_id",
            course_ids,
        )
        return {row[0]: row[1] for row in rows}

    async def of_user(self, user_id: int, since: datetime) -> list[Registration]:
        """The user's active sign-ups for courses that have not ended, soonest first."""
        rows = await self.sql.fetch_all(
            "SELECT r.id, r.course_id, r.user_id, r.status, r.seq, r.attended, r.created_at,"
            " r.updated_at FROM registrations r JOIN courses c ON c.id = r.course_id"
            " WHERE r.user_id = ? AND r.status IN ('confirmed', 'waitlisted')"
            " AND c.ends_at > ? ORDER BY c.starts_at",
            (user_id, to_db(since)),
        )
        return [_registration(row) for row in rows]

    async def participants(self, course_id: int) -> list[Participant]:
        """Everyone who signed up, confirmed first, then the waiting list, then cancellations."""
        rows = await self.sql.fetch_all(
            "SELECT r.id, r.course_id, r.user_id, r.status, r.seq, r.attended, r.created_at,"
            " r.updated_at, u.full_name, u.country, u.organisation,"
            " u.position AS position_title, u.email,"
            " CASE WHEN r.status = 'waitlisted' THEN"
            "  (SELECT COUNT(*) FROM registrations w WHERE w.course_id = r.course_id"
            "   AND w.status = 'waitlisted' AND w.seq <= r.seq) END AS waitlist_position"
            " FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.course_id = ?"
            " ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,"
            " r.seq",
            (course_id,),
        )
        return [
            Participant(
                registration=_registration(row),
                position=row["waitlist_position"],
                full_name=row["full_name"],
                country=row["country"],
                organisation=row["organisation"],
                position_title=row["position_title"],
                email=row["email"],
            )
            for row in rows
        ]

    async def active_user_ids(self, course_id: int) -> list[tuple[int, RegStatus]]:
        rows = await self.sql.fetch_all(
            "SELECT user_id, status FROM registrations"
            " WHERE course_id = ? AND status IN ('confirmed', 'waitlisted') ORDER BY seq",
            (course_id,),
        )
        return [(row[0], RegStatus(row[1])) for row in rows]

    async def confirmed_zones(self, course_id: int) -> dict[int, str | None]:
        """Confirmed participants (in arrival order) and their own time zones."""
        rows = await self.sql.fetch_all(
            "SELECT r.user_id, u.timezone FROM registrations r JOIN users u ON u.id = r.user_id"
            " WHERE r.course_id = ? AND r.status = 'confirmed' ORDER BY r.seq",
            (course_id,),
        )
        return {row[0]: row[1] for row in rows}

    async def cancel(self, course_id: int, user_id: int, now: datetime) -> RegStatus | None:
        """Cancel an active sign-up; returns the status it had, None if there was none."""
        async with self.sql.atomic() as sql:
            row = await sql.fetch_one(
                "SELECT status FROM registrations WHERE course_id = ? AND user_id = ?"
                " AND status IN ('confirmed', 'waitlisted')",
                (course_id, user_id),
            )
            if row is None:
                return None
            await sql.write(
                "UPDATE registrations SET status = 'cancelled', updated_at = ?"
                " WHERE course_id = ? AND user_id = ?",
                (to_db(now), course_id, user_id),
            )
        return RegStatus(row[0])

    async def promote(self, course_id: int, now: datetime) -> list[int]:
        """Fill free seats from the waiting list in arrival order; returns the promoted users."""
        rows = await self.sql.write_all(
            "UPDATE registrations SET status = 'confirmed', updated_at = :now WHERE id IN ("
            " SELECT w.id FROM registrations w JOIN courses c ON c.id = w.course_id"
            " WHERE w.course_id = :course AND w.status = 'waitlisted'"
            " AND c.status = 'published' ORDER BY w.seq LIMIT ("
            "  SELECT CASE WHEN c2.capacity IS NULL THEN -1 ELSE MAX(c2.capacity - ("
            "   SELECT COUNT(*) FROM registrations r WHERE r.course_id = c2.id"
            "   AND r.status = 'confirmed'), 0) END FROM courses c2 WHERE c2.id = :course))"
            " RETURNING user_id, seq",
            {"course": course_id, "now": to_db(now)},
        )
        return [row[0] for row in sorted(rows, key=lambda r: r[1])]

    async def attendance_taken(self, course_id: int) -> bool:
        """Whether anyone was marked present at the course."""
        row = await self.sql.fetch_one(
            "SELECT 1 FROM registrations WHERE course_id = ? AND attended = 1 LIMIT 1",
            (course_id,),
        )
        return row is not None

    async def toggle_attended(self, course_id: int, user_id: int) -> bool | None:
        """Flip a confirmed participant's attendance mark in one statement; returns the new
        mark, None if the person is not confirmed for the course."""
        row = await self.sql.write(
            "UPDATE registrations SET attended = NOT attended WHERE course_id = ?"
            " AND user_id = ? AND status = 'confirmed' RETURNING attended",
            (course_id, user_id),
        )
        return None if row is None else bool(row[0])

    async def set_attended(self, course_id: int, user_id: int, attended: bool) -> bool:
        row = await self.sql.write(
            "UPDATE registrations SET attended = ? WHERE course_id = ? AND user_id = ?"
            " AND status = 'confirmed' RETURNING id",
            (int(attended), course_id, user_id),
        )
        return row is not None
