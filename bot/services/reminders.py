"""Reminders before a course: planned from SQLite, recorded when queued, sent via the outbox.

A reminder for (course, offset, start) is queued at most once: the record and the outbox rows
are written in one transaction. Confirmed participants at that moment get it, each in their
language with the start in the course's zone and their own; someone who signs up after a
reminder went out does not get that one, but does get the later ones. A reminder whose time
passed while the bot was down goes out at start-up if the course has not started yet, and is
recorded as skipped (and logged) if it has.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.config import parse_offsets
from bot.i18n import Translator
from bot.scheduler import Scheduler
from bot.services.materials import reminder_files
from bot.services.notices import Notices
from bot.ui import course_texts
from storage.courses import Course, CourseRepository, CourseStatus
from storage.database import Database
from storage.reminders import ReminderState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    course_id: int
    offset: timedelta
    due_at: datetime

    @property
    def job_id(self) -> str:
        return f"reminder:{self.course_id}:{int(self.offset.total_seconds())}"


def due_time(course: Course, offset: timedelta) -> datetime:
    """When a reminder goes out. Whole days count on the course's wall clock ("1d" before a
    Monday 09:00 start is Sunday 09:00 there, across a clock change too); hours and minutes
    are exact durations."""
    zone = ZoneInfo(course.timezone)
    wall = course.starts_at.astimezone(zone).replace(tzinfo=None) - timedelta(days=offset.days)
    return wall.replace(tzinfo=zone).astimezone(UTC) - timedelta(seconds=offset.seconds)


@dataclass(eq=False)  # a service: compared and hashed by identity
class ReminderService:
    """Plans, queues and records the reminders and attendance checks of published courses."""

    db: Database
    courses: CourseRepository
    notices: Notices
    default_offsets: tuple[timedelta, ...]  # REMINDER_OFFSETS; a course may have its own
    clock: Clock

    def offsets(self, course: Course) -> tuple[timedelta, ...]:
        if course.reminder_offsets:
            try:
                return parse_offsets(course.reminder_offsets)
            except ValueError:
                log.warning("Course %s has unreadable reminder offsets", course.id)
        return self.default_offsets

    def plan(self, course: Course) -> list[Reminder]:
        """The course's reminders; empty unless it is published."""
        if course.status != CourseStatus.PUBLISHED:
            return []
        return [Reminder(course.id, o, due_time(course, o)) for o in self.offsets(course)]

    async def upcoming_courses(self) -> list[Course]:
        return await self.courses.published_upcoming(self.clock())

    async def send(self, course_id: int, offset_seconds: int) -> int:
        """Queue the reminder for everyone confirmed now; returns how many (0 if it was already
        queued, the course moved or was cancelled, or it started: then recorded as skipped)."""
        course = await self.courses.get(course_id)
        if course is None or course.status != CourseStatus.PUBLISHED:
            return 0
        offset = timedelta(seconds=offset_seconds)
        if offset not in self.offsets(course):
            return 0  # the organiser changed the offsets since this timer was set
        now = self.clock()
        if now < due_time(course, offset) - timedelta(seconds=1):
            return 0  # an early timer of a course that moved later: its new timer will come
        started = course.starts_at <= now
        zones = {} if started else await self._confirmed_zones(course_id)
        people = list(zones)
        state = ReminderState.SKIPPED if started else ReminderState.QUEUED
        payloads = self._payloads(course, zones, "reminder-text", "cancel", with_place=True)
        async with self.db.transaction() as tx:
            if not await tx.reminders.record_reminder(
                course_id, offset_seconds, course.starts_at, state, len(people)
            ):
                return 0  # queued before (a restart, a double timer): never twice
            await tx.outbox.add_many("reminder", payloads)
            # The files the organiser marked "with the reminder", after its text.
            await reminder_files(tx, self.notices, course, people)
        if started:
            log.warning(
                "Reminder %s for course %s skipped: the course had started", offset, course_id
            )
        return len(people)

    def attendance_due(self, course: Course) -> datetime | None:
        if course.status != CourseStatus.PUBLISHED or not course.attendance_check_days:
            return None
        return due_time(course, timedelta(days=course.attendance_check_days))

    async def ask_attendance(self, course_id: int) -> int:
        """Ask everyone confirmed "Are you still coming?" (once per course start)."""
        course = await self.courses.get(course_id)
        if course is None or course.starts_at <= self.clock():
            return 0
        due = self.attendance_due(course)
        if due is None or self.clock() < due - timedelta(seconds=1):
            return 0
        zones = await self._confirmed_zones(course_id)
        people = list(zones)
        payloads = self._payloads(course, zones, "attendance-question", "attend")
        async with self.db.transaction() as tx:
            if not await tx.reminders.record_attendance_check(
                course_id, course.starts_at, len(people)
            ):
                return 0
            await tx.outbox.add_many("attendance_check", payloads)
        return len(people)

    async def _confirmed_zones(self, course_id: int) -> dict[int, str | None]:
        """Confirmed participants (in arrival order) and their own time zones."""
        return await self.db.repos.registrations.confirmed_zones(course_id)

    def _payloads(
        self,
        course: Course,
        zones: dict[int, str | None],
        key: str,
        action: str,
        with_place: bool = False,
    ) -> list[tuple[int, dict[str, Any]]]:
        """One notice per participant, in each language and their own time zone, with the
        course's buttons (`action`). Rendered before the transaction that queues them: a
        transaction holds the write lock, and every sign-up waits for it (issue 16)."""
        payloads = []
        for user_id, zone in zones.items():

            def render(t: Translator, zone: str | None = zone) -> str:
                # Reminders go to confirmed participants only, so they carry the online link.
                shown = course_texts.LinkAccess.SHOWN
                extra = {"place": course_texts.place(course, t, shown)} if with_place else {}
                when = course_texts.when(course, t, zone)
                return t(key, title=course.title(t.locale), when=when, **extra)

            course_action = {"course_id": course.id, "action": action}
            payloads.append((user_id, self.notices.payload(render, course_action=course_action)))
        return payloads


class ReminderTimers:
    """The APScheduler side: one timer per reminder, with deterministic ids, rebuilt from
    SQLite at start-up and whenever a course is published, moved or cancelled."""

    def __init__(self, service: ReminderService, scheduler: Scheduler) -> None:
        self.service = service
        self.scheduler = scheduler
        self._jobs: dict[int, set[str]] = {}  # course id -> its timers' ids

    async def restore(self) -> int:
        courses = await self.service.upcoming_courses()
        for course in courses:
            self.course_changed(course)
        return len(courses)

    def course_changed(self, course: Course) -> None:
        now = self.service.clock()
        planned: dict[str, Reminder | None] = {}
        for reminder in self.service.plan(course):
            planned[reminder.job_id] = reminder
            # A time already passed (the bot was down) fires at once; send() decides.
            self.scheduler.at(
                self.service.send,
                reminder.job_id,
                max(reminder.due_at, now),
                course.id,
                int(reminder.offset.total_seconds()),
            )
        attendance = self.service.attendance_due(course)
        attendance_id = f"attendance:{course.id}"
        if attendance is not None:
            planned[attendance_id] = None
            self.scheduler.at(
                self.service.ask_attendance, attendance_id, max(attendance, now), course.id
            )
        # Timers of offsets no longer planned (other offsets, a cancelled course) go.
        for job_id in self._jobs.pop(course.id, set()) - set(planned):
            self.scheduler.remove(job_id)
        if planned:
            self._jobs[course.id] = set(planned)
