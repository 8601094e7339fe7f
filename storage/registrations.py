"""Sign-ups: who holds a seat on which course, who asked or was nominated for one, and the
waiting and reserve lists in arrival order."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.sql import Repository, from_row, to_db


class RegStatus(StrEnum):
    PENDING = "pending"  # asked for a seat on an approval course; an organiser decides
    NOMINATED = "nominated"  # put forward by a focal point: holds a seat until they answer
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"  # no seat free
    RESERVE = "reserve"  # the country's quota is used up
    DECLINED = "declined"  # by an organiser, or the nominee said they cannot attend
    CANCELLED = "cancelled"  # given up (or withdrawn by the focal point)


# Every day of any course (at most 31 days are counted): a mark made before days existed.
ALL_DAYS = 2**31 - 1
# Statuses that hold a seat: the capacity and the country quotas count these.
HELD = (RegStatus.CONFIRMED.value, RegStatus.NOMINATED.value)
# Statuses that wait for a seat, promoted in arrival order when one frees.
WAITING = (RegStatus.WAITLISTED.value, RegStatus.RESERVE.value)
# A live place or request (the person hears of course changes and may give it up).
ACTIVE = (RegStatus.PENDING.value, *HELD, *WAITING)
_IN_HELD = "('confirmed', 'nominated')"
# The columns of Counts, in its order; COALESCE: a course nobody signed up for counts zeros.
_COUNTS = (
    "COALESCE(SUM(status = 'confirmed'), 0), COALESCE(SUM(status = 'waitlisted'), 0),"
    " COALESCE(SUM(status = 'cancelled'), 0),"
    " COALESCE(SUM(attended AND status = 'confirmed'), 0),"
    " COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'nominated'), 0),"
    " COALESCE(SUM(status = 'reserve'), 0), COALESCE(SUM(status = 'declined'), 0)"
)
_IN_ACTIVE = "('pending', 'nominated', 'confirmed', 'waitlisted', 'reserve')"
# How lists are ordered for organisers: seats first, then decisions to make, then the lists.
_ORDER = (
    "CASE r.status WHEN 'confirmed' THEN 0 WHEN 'nominated' THEN 1 WHEN 'pending' THEN 2"
    " WHEN 'waitlisted' THEN 3 WHEN 'reserve' THEN 4 WHEN 'declined' THEN 5 ELSE 6 END"
)


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
    country: str | None = None  # the quota it counts against
    nominated_by: int | None = None  # the focal point who put the officer forward
    reason: str | None = None  # the organiser's words with the last decision
    # Bit d: present on the course's day d + 1 (bot/services/attendance_days.py).
    attended_days: int = 0

    @property
    def holds_seat(self) -> bool:
        return self.status in HELD

    @property
    def active(self) -> bool:
        return self.status in ACTIVE


@dataclass(frozen=True)
class Counts:
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int
    pending: int = 0
    nominated: int = 0
    reserve: int = 0
    declined: int = 0

    @property
    def live(self) -> int:
        """Every live place (ACTIVE: requests, seats held, the waiting and reserve lists):
        the people a cancellation of the course tells."""
        return self.pending + self.confirmed + self.nominated + self.waitlisted + self.reserve


@dataclass(frozen=True)
class SeatUsage:
    """Seats held on a course (confirmed or nominated), in all and per country."""

    held: int
    by_country: dict[str, int]

    def of(self, country: str | None) -> int:
        return self.by_country.get(country or "", 0)

    def plus(self, country: str | None) -> SeatUsage:
        """The usage after one more seat for `country`."""
        key = country or ""
        return SeatUsage(self.held + 1, {**self.by_country, key: self.of(country) + 1})


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
    nominated_by_name: str | None = None  # the focal point's name, while they have a profile


@dataclass(frozen=True)
class SeatView:
    """What a course card needs to know about one user and the seats."""

    registration: Registration | None
    position: int | None  # on the waiting list, or on the country's reserve list
    confirmed: int  # seats taken on the course (confirmed or held by a nomination)

    @property
    def active(self) -> bool:
        return self.registration is not None and self.registration.active


_COLUMNS = (
    "id, course_id, user_id, status, seq, attended, created_at, updated_at, country,"
    " nominated_by, reason, attended_days"
)
_R_COLUMNS = ", ".join(f"r.{name.strip()}" for name in _COLUMNS.split(","))
# A place on the waiting list counts everyone waiting; on a reserve list, the same country's.
_POSITION = (
    "CASE WHEN {r}.status = 'waitlisted' THEN"
    " (SELECT COUNT(*) FROM registrations w WHERE w.course_id = {r}.course_id"
    "  AND w.status = 'waitlisted' AND w.seq <= {r}.seq)"
    " WHEN {r}.status = 'reserve' THEN"
    " (SELECT COUNT(*) FROM registrations w WHERE w.course_id = {r}.course_id"
    "  AND w.status = 'reserve' AND w.country IS {r}.country AND w.seq <= {r}.seq) END"
)


def _registration(row: sqlite3.Row) -> Registration:
    return from_row(Registration, row, status=RegStatus, attended=bool)


# The capacity check and the insert are one statement, so they are one atomic step under the
# write lock: no other sign-up can slip in between, and it costs a single thread round trip.
_SIGN_UP = """
INSERT INTO registrations (course_id, user_id, status, seq, created_at, updated_at, country)
SELECT c.id, :user,
       CASE WHEN c.capacity IS NULL
                 OR (SELECT COUNT(*) FROM registrations r
                     WHERE r.course_id = c.id AND r.status IN ('confirmed', 'nominated'))
                    < c.capacity
            THEN 'confirmed' ELSE 'waitlisted' END,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM registrations r WHERE r.course_id = c.id),
       :now, :now, (SELECT country FROM users WHERE id = :user)
FROM courses c
-- Only first come, first served: quotas and decisions go through the seat rules instead.
WHERE c.id = :course AND c.status = 'published' AND c.deadline_at > :now
  AND c.signup_mode = 'open' AND c.quotas IS NULL
ON CONFLICT (course_id, user_id) DO UPDATE
    SET status = excluded.status, seq = excluded.seq, updated_at = excluded.updated_at,
        country = excluded.country, nominated_by = NULL, reason = NULL
    WHERE registrations.status = 'cancelled'
RETURNING id, course_id, user_id, status, seq, attended, created_at, updated_at, country,
    nominated_by, reason, attended_days,
    (SELECT COUNT(*) FROM registrations c WHERE c.course_id = registrations.course_id
     AND c.status IN ('confirmed', 'nominated')) AS confirmed,
    CASE WHEN status = 'waitlisted' THEN
        (SELECT COUNT(*) FROM registrations w WHERE w.course_id = registrations.course_id
         AND w.status = 'waitlisted' AND w.seq <= registrations.seq) END AS position
"""


class RegistrationRepository(Repository):
    async def sign_up(self, course_id: int, user_id: int, now: datetime) -> SeatView | None:
        """A new or renewed sign-up on an open course without quotas, with the seats after
        it; None if nothing changed (already signed up, or the course takes no such sign-ups)."""
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

    async def by_id(self, registration_id: int) -> Registration | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM registrations WHERE id = ?",  # noqa: S608
            (registration_id,),
        )
        return _registration(row) if row else None

    async def view(self, course_id: int, user_id: int) -> SeatView:
        """The user's sign-up, their place on a list and the seats taken: one round trip."""
        row = await self.sql.fetch_one(
            "SELECT (SELECT COUNT(*) FROM registrations c"  # noqa: S608 (constant text)
            f"        WHERE c.course_id = :course AND c.status IN {_IN_HELD}) AS confirmed,"
            f" {_R_COLUMNS}, {_POSITION.format(r='r')} AS position"
            " FROM (SELECT 1) LEFT JOIN registrations r"
            " ON r.course_id = :course AND r.user_id = :user",
            {"course": course_id, "user": user_id},
        )
        assert row is not None  # the LEFT JOIN always yields one row
        registration = _registration(row) if row["id"] is not None else None
        return SeatView(registration, row["position"], int(row["confirmed"]))

    async def position(self, registration: Registration) -> int | None:
        """1 for the first person on the waiting list (or the country's reserve list); None
        unless waiting."""
        if registration.status not in WAITING:
            return None
        row = await self.sql.fetch_one(
            f"SELECT {_POSITION.format(r='r')} FROM registrations r"  # noqa: S608
            " WHERE r.id = ?",
            (registration.id,),
        )
        return int(row[0]) if row and row[0] is not None else None

    async def counts(self, course_id: int) -> Counts:
        row = await self.sql.fetch_one(
            f"SELECT {_COUNTS} FROM registrations WHERE course_id = ?",  # noqa: S608
            (course_id,),
        )
        assert row is not None
        return Counts(*(int(v) for v in row))

    async def counts_of(self, course_ids: list[int]) -> dict[int, Counts]:
        """`counts` of many courses in one query (the dashboard's course list)."""
        if not course_ids:
            return {}
        marks = ", ".join("?" * len(course_ids))
        rows = await self.sql.fetch_all(
            f"SELECT course_id, {_COUNTS} FROM registrations"  # noqa: S608 (placeholders only)
            f" WHERE course_id IN ({marks}) GROUP BY course_id",
            course_ids,
        )
        found = {row[0]: Counts(*(int(v) for v in tuple(row)[1:])) for row in rows}
        return {course_id: found.get(course_id, Counts(0, 0, 0, 0)) for course_id in course_ids}

    async def seat_usage(self, course_id: int) -> SeatUsage:
        """Seats held (confirmed or nominated), in all and per country: one round trip."""
        rows = await self.sql.fetch_all(
            "SELECT COALESCE(country, '') AS country, COUNT(*) AS held"  # noqa: S608
            f" FROM registrations WHERE course_id = ? AND status IN {_IN_HELD} GROUP BY 1",
            (course_id,),
        )
        by_country = {row["country"]: int(row["held"]) for row in rows}
        return SeatUsage(sum(by_country.values()), by_country)

    async def by_country(self, course_id: int) -> dict[str, Counts]:
        """Every status counted per country (the quota usage, /stats)."""
        rows = await self.sql.fetch_all(
            f"SELECT COALESCE(country, '') AS country, {_COUNTS}"  # noqa: S608 (constant)
            " FROM registrations WHERE course_id = ? GROUP BY 1 ORDER BY 1",
            (course_id,),
        )
        return {row[0]: Counts(*(int(v or 0) for v in tuple(row)[1:])) for row in rows}

    async def confirmed_counts(self, course_ids: list[int]) -> dict[int, int]:
        """Seats taken (confirmed or held by a nomination) per course."""
        if not course_ids:
            return {}
        marks = ", ".join("?" * len(course_ids))
        rows = await self.sql.fetch_all(
            "SELECT course_id, COUNT(*) FROM registrations"  # noqa: S608 (placeholders only)
            f" WHERE status IN {_IN_HELD} AND course_id IN ({marks}) GROUP BY course_id",
            course_ids,
        )
        return {row[0]: row[1] for row in rows}

    async def of_user(self, user_id: int, since: datetime) -> list[Registration]:
        """The user's live places and requests for courses that have not ended, soonest first."""
        rows = await self.sql.fetch_all(
            f"SELECT {_R_COLUMNS} FROM registrations r"  # noqa: S608 (constant text)
            " JOIN courses c ON c.id = r.course_id"
            f" WHERE r.user_id = ? AND r.status IN {_IN_ACTIVE}"
            " AND c.ends_at > ? ORDER BY c.starts_at",
            (user_id, to_db(since)),
        )
        return [_registration(row) for row in rows]

    async def participants(self, course_id: int, country: str | None = None) -> list[Participant]:
        """Everyone who signed up, asked or was nominated: seats first, then nominations,
        requests, the waiting list, the reserve lists, declined and cancelled; `country`
        narrows it to one country's officers (a focal point's view)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_R_COLUMNS}, u.full_name, u.country AS user_country,"  # noqa: S608
            " u.organisation, u.position AS position_title, u.email,"
            f" f.full_name AS nominated_by_name, {_POSITION.format(r='r')} AS list_position"
            " FROM registrations r JOIN users u ON u.id = r.user_id"
            " LEFT JOIN users f ON f.id = r.nominated_by"
            " WHERE r.course_id = :course AND (:country IS NULL OR r.country = :country)"
            # The waiting list is one list for the course: in its order, whatever the country.
            f" ORDER BY {_ORDER}, CASE r.status WHEN 'waitlisted' THEN '' ELSE r.country END,"
            " r.seq",
            {"course": course_id, "country": country},
        )
        return [
            Participant(
                registration=_registration(row),
                position=row["list_position"],
                full_name=row["full_name"],
                country=row["user_country"],
                organisation=row["organisation"],
                position_title=row["position_title"],
                email=row["email"],
                nominated_by_name=row["nominated_by_name"],
            )
            for row in rows
        ]

    async def pending(
        self, now: datetime, offset: int, limit: int
    ) -> tuple[list[Registration], int]:
        """Requests waiting for an organiser's decision, oldest first, and how many there are
        (on published courses that have not started: later, a seat could not be used)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_R_COLUMNS}, COUNT(*) OVER () AS total"  # noqa: S608 (constant text)
            " FROM registrations r JOIN courses c ON c.id = r.course_id"
            " WHERE r.status = 'pending' AND c.status = 'published' AND c.starts_at > ?"
            " ORDER BY r.updated_at, r.id LIMIT ? OFFSET ?",
            (to_db(now), limit, offset),
        )
        total = rows[0]["total"] if rows else 0
        return [_registration(row) for row in rows], total

    async def waiting(self, course_id: int, skip: int | None = None) -> list[Registration]:
        """The waiting and reserve lists together, in arrival order (who a free seat goes to)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM registrations"  # noqa: S608 (constant columns)
            " WHERE course_id = ? AND status IN ('waitlisted', 'reserve') AND user_id IS NOT ?"
            " ORDER BY seq",
            (course_id, skip),
        )
        return [_registration(row) for row in rows]

    async def place(
        self,
        course_id: int,
        user_id: int,
        status: RegStatus,
        now: datetime,
        country: str | None,
        nominated_by: int | None = None,
    ) -> Registration | None:
        """A new place (or a renewed one after a cancellation or a decline) at the end of the
        course's lists; None if the person already has a live place or request."""
        row = await self.sql.write(
            "INSERT INTO registrations (course_id, user_id, status, seq, created_at,"  # noqa: S608
            " updated_at, country, nominated_by)"
            " SELECT :course, :user, :status,"
            " (SELECT COALESCE(MAX(seq), 0) + 1 FROM registrations WHERE course_id = :course),"
            " :now, :now, :country, :by"
            " ON CONFLICT (course_id, user_id) DO UPDATE SET status = excluded.status,"
            " seq = excluded.seq, updated_at = excluded.updated_at, country = excluded.country,"
            " nominated_by = excluded.nominated_by, reason = NULL, attended = 0, attended_days = 0"
            " WHERE registrations.status IN ('cancelled', 'declined')"
            f" RETURNING {_COLUMNS}",
            {
                "course": course_id,
                "user": user_id,
                "status": status.value,
                "now": to_db(now),
                "country": country,
                "by": nominated_by,
            },
        )
        return _registration(row) if row else None

    async def move(
        self,
        course_id: int,
        user_id: int,
        status: RegStatus,
        now: datetime,
        *,
        only_from: tuple[str, ...] = ACTIVE,
        reason: str | None = None,
        to_the_end: bool = False,
    ) -> Registration | None:
        """Change a place's status if it is now in one of `only_from`; the place as it was
        before, None if nothing changed. `to_the_end` puts it behind everyone on the lists."""
        marks = ", ".join("?" * len(only_from))
        async with self.sql.atomic() as sql:
            row = await sql.fetch_one(
                f"SELECT {_COLUMNS} FROM registrations"  # noqa: S608 (placeholders only)
                f" WHERE course_id = ? AND user_id = ? AND status IN ({marks})",
                (course_id, user_id, *only_from),
            )
            if row is None:
                return None
            await sql.write(
                "UPDATE registrations SET status = ?, updated_at = ?, reason = ?,"
                " seq = CASE WHEN ? THEN (SELECT MAX(seq) + 1 FROM registrations"
                " WHERE course_id = ?) ELSE seq END"
                " WHERE course_id = ? AND user_id = ?",
                (status.value, to_db(now), reason, int(to_the_end), course_id, course_id, user_id),
            )
        return _registration(row)

    async def active_user_ids(self, course_id: int) -> list[tuple[int, RegStatus]]:
        rows = await self.sql.fetch_all(
            "SELECT user_id, status FROM registrations"  # noqa: S608 (constant text)
            f" WHERE course_id = ? AND status IN {_IN_ACTIVE} ORDER BY seq",
            (course_id,),
        )
        return [(row[0], RegStatus(row[1])) for row in rows]

    async def unanswered_nominations(self, since: datetime, now: datetime) -> list[Registration]:
        """Seats held for a nominee who has not answered since `since`, on published courses
        that have not started."""
        rows = await self.sql.fetch_all(
            f"SELECT {_R_COLUMNS} FROM registrations r"  # noqa: S608 (constant text)
            " JOIN courses c ON c.id = r.course_id"
            " WHERE r.status = 'nominated' AND r.updated_at <= ?"
            " AND c.status = 'published' AND c.starts_at > ? ORDER BY r.updated_at, r.id",
            (to_db(since), to_db(now)),
        )
        return [_registration(row) for row in rows]

    async def nominators(self, course_id: int) -> list[int]:
        """The focal points who are still appointed for the country of a live nomination
        on the course."""
        rows = await self.sql.fetch_all(
            "SELECT DISTINCT r.nominated_by FROM registrations r"  # noqa: S608 (constant text)
            " JOIN focal_points f ON f.user_id = r.nominated_by AND f.country = r.country"
            f" WHERE r.course_id = ? AND r.status IN {_IN_ACTIVE} ORDER BY 1",
            (course_id,),
        )
        return [row[0] for row in rows]

    async def confirmed_zones(self, course_id: int) -> dict[int, str | None]:
        """Confirmed participants (in arrival order) and their own time zones."""
        rows = await self.sql.fetch_all(
            "SELECT r.user_id, u.timezone FROM registrations r JOIN users u ON u.id = r.user_id"
            " WHERE r.course_id = ? AND r.status = 'confirmed' ORDER BY r.seq",
            (course_id,),
        )
        return {row[0]: row[1] for row in rows}

    async def confirmed_ids(self, course_id: int, attended_only: bool = False) -> list[int]:
        """Confirmed participants in arrival order; `attended_only`: those marked present."""
        rows = await self.sql.fetch_all(
            "SELECT user_id FROM registrations WHERE course_id = ? AND status = 'confirmed'"
            " AND (? = 0 OR attended = 1) ORDER BY seq",
            (course_id, int(attended_only)),
        )
        return [row[0] for row in rows]

    async def cancel(self, course_id: int, user_id: int, now: datetime) -> RegStatus | None:
        """Cancel a live place or request; returns the status it had, None if there was none."""
        old = await self.move(course_id, user_id, RegStatus.CANCELLED, now)
        return None if old is None else old.status

    async def promote(self, course_id: int, now: datetime, skip: int | None = None) -> list[int]:
        """Fill free seats from the waiting (and any reserve) list in arrival order; returns the
        promoted users. `skip`: someone an organiser just moved out of a seat, who must not get
        it straight back. (Courses with quotas or nominations are filled by the rules in
        bot/services/seats.py.)"""
        rows = await self.sql.write_all(
            "UPDATE registrations SET status = 'confirmed', updated_at = :now"  # noqa: S608
            " WHERE id IN ("
            " SELECT w.id FROM registrations w JOIN courses c ON c.id = w.course_id"
            " WHERE w.course_id = :course AND w.status IN ('waitlisted', 'reserve')"
            " AND w.user_id IS NOT :skip"
            " AND c.status = 'published' ORDER BY w.seq LIMIT ("
            "  SELECT CASE WHEN c2.capacity IS NULL THEN -1 ELSE MAX(c2.capacity - ("
            "   SELECT COUNT(*) FROM registrations r WHERE r.course_id = c2.id"
            f"   AND r.status IN {_IN_HELD}), 0) END FROM courses c2 WHERE c2.id = :course))"
            " RETURNING user_id, seq",
            {"course": course_id, "now": to_db(now), "skip": skip},
        )
        return [row[0] for row in sorted(rows, key=lambda r: r[1])]

    async def reserve_to_waiting_list(self, course_id: int, now: datetime) -> int:
        """A course without quotas any more: its reserve lists are one waiting list, in the
        order people arrived."""
        rows = await self.sql.write_all(
            "UPDATE registrations SET status = 'waitlisted', updated_at = ?"
            " WHERE course_id = ? AND status = 'reserve' RETURNING id",
            (to_db(now), course_id),
        )
        return len(rows)

    async def attendance_taken(self, course_id: int) -> bool:
        """Whether anyone was marked present at the course."""
        row = await self.sql.fetch_one(
            "SELECT 1 FROM registrations WHERE course_id = ? AND attended = 1 LIMIT 1",
            (course_id,),
        )
        return row is not None

    async def toggle_day(self, course_id: int, user_id: int, day: int, days: int) -> int | None:
        """Flip a confirmed participant's mark for day `day` (0-based) of a course of `days`
        days, in one statement; returns the new days mask, None if the person is not
        confirmed for the course. `attended` follows: present on at least one day."""
        full, bit = (1 << days) - 1, 1 << day
        # SQLite has no XOR: (x | bit) - (x & bit) flips the bit of x.
        flipped = "((attended_days & :full) | :bit) - (attended_days & :full & :bit)"
        row = await self.sql.write(
            f"UPDATE registrations SET attended_days = {flipped},"  # noqa: S608 (constant)
            f" attended = {flipped} != 0"
            " WHERE course_id = :course AND user_id = :user AND status = 'confirmed'"
            " RETURNING attended_days",
            {"full": full, "bit": bit, "course": course_id, "user": user_id},
        )
        return None if row is None else int(row[0])

    async def shift_days(self, course_id: int, by: int) -> None:
        """Keep every attendance mark on its calendar day when the course's first day moves
        `by` days (positive: later): day d becomes day d - by; marks now outside the course
        go."""
        if by == 0:
            return
        # The shift direction is chosen here, its size is a parameter.
        moved = "(attended_days >> :n)" if by > 0 else "((attended_days << :n) & :all)"
        await self.sql.write(
            f"UPDATE registrations SET attended_days = {moved}, attended = {moved} != 0"  # noqa: S608
            " WHERE course_id = :course AND attended_days != 0",
            {"n": abs(by), "all": ALL_DAYS, "course": course_id},
        )

    async def set_attended(self, course_id: int, user_id: int, attended: bool) -> bool:
        """Present on every day of the course, or on none."""
        row = await self.sql.write(
            "UPDATE registrations SET attended = ?, attended_days = ? WHERE course_id = ?"
            " AND user_id = ? AND status = 'confirmed' RETURNING id",
            (int(attended), ALL_DAYS if attended else 0, course_id, user_id),
        )
        return row is not None
