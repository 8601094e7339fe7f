"""The day a course's country quotas are released: the seats countries left unused go to the
reserve lists in arrival order. One timer per course (deterministic id), rebuilt from SQLite at
start-up and whenever a course changes; a date already passed releases at once."""

from __future__ import annotations

from bot.clock import Clock
from bot.scheduler import Scheduler
from bot.services.signups import SignupService
from storage.courses import Course, CourseStatus
from storage.database import Database


class QuotaReleaseTimers:
    def __init__(
        self, db: Database, signups: SignupService, scheduler: Scheduler, clock: Clock
    ) -> None:
        self.db = db
        self.signups = signups
        self.scheduler = scheduler
        self.clock = clock

    async def restore(self) -> int:
        courses = await self.db.repos.courses.published_upcoming(self.clock())
        for course in courses:
            self.course_changed(course)
        return len(courses)

    def course_changed(self, course: Course) -> None:
        job_id = f"quota-release:{course.id}"
        now = self.clock()
        if (
            course.status == CourseStatus.PUBLISHED
            and course.quotas
            and course.quota_release_at is not None
            and course.starts_at > now
        ):
            self.scheduler.at(self.release, job_id, max(course.quota_release_at, now), course.id)
        else:
            self.scheduler.remove(job_id)

    async def release(self, course_id: int) -> list[int]:
        """Fill the seats the quotas no longer hold back; returns who got one."""
        async with self.db.transaction() as tx:
            return await self.signups.fill_seats(tx, course_id)
