"""Which course reminders and attendance questions were queued: each at most once per course
start, however often its timer fires."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from storage.sql import Repository, stamp, to_db


class ReminderState(StrEnum):
    QUEUED = "queued"
    SKIPPED = "skipped"  # its time came after the course had started


class ReminderLog(Repository):
    """Reminders and attendance questions queued, each once per course start."""

    async def record_reminder(
        self,
        course_id: int,
        offset_seconds: int,
        starts_at: datetime,
        state: ReminderState,
        recipients: int,
    ) -> bool:
        """False if this reminder of this course start was recorded before."""
        row = await self.sql.write(
            "INSERT INTO course_reminders (course_id, offset_seconds, starts_at, state,"
            " recipients, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING 1",
            (
                course_id,
                offset_seconds,
                to_db(starts_at),
                state.value,
                recipients,
                stamp(self.sql),
            ),
        )
        return row is not None

    async def record_attendance_check(
        self, course_id: int, starts_at: datetime, recipients: int
    ) -> bool:
        """False if the question for this course start was recorded before."""
        row = await self.sql.write(
            "INSERT INTO attendance_checks (course_id, starts_at, recipients, recorded_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
            (course_id, to_db(starts_at), recipients, stamp(self.sql)),
        )
        return row is not None
