"""Courses as organisers run them: create, edit, publish, cancel; participants are told about
changes of time or place and about cancellations through the outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.errors import CourseNotFound, DomainError, InvalidInput
from bot.i18n import Translator
from bot.services import course_fields as fields
from bot.services.course_fields import FieldProblem
from bot.services.notices import Notices, Render
from bot.services.signups import SignupService
from bot.ui import course_texts
from storage.courses import Course, CourseRepository, CourseStatus
from storage.database import Database, Transaction
from storage.registrations import RegistrationRepository, RegStatus

# What an organiser can edit, as offered on the organiser card.
EDITABLE = (
    "title_en",
    "title_ru",
    "description_en",
    "description_ru",
    "starts_at",
    "ends_at",
    "deadline_at",
    "timezone",
    "place",
    "capacity",
    "language",
    "reminder_offsets",
    "attendance_check_days",
)
ZonedRender = Callable[[Translator, str | None], str]
_TIME_FIELDS = ("starts_at", "ends_at", "deadline_at", "timezone")


class FieldRejected(DomainError):
    """A value an organiser typed was refused; carries the field's problem."""

    def __init__(self, problem: FieldProblem) -> None:
        super().__init__(problem.key, **problem.values)
        self.problem = problem


@dataclass(frozen=True)
class Change:
    course: Course
    notified: int  # participants told about it


class CourseService:
    def __init__(
        self,
        db: Database,
        courses: CourseRepository,
        registrations: RegistrationRepository,
        signups: SignupService,
        notices: Notices,
        clock: Clock,
    ) -> None:
        self.db = db
        self.courses = courses
        self.registrations = registrations
        self.signups = signups
        self.notices = notices
        self.clock = clock
        # Told about every published, moved or cancelled course (the reminder timers).
        self.listeners: list[Callable[[Course], None]] = []

    def _changed(self, course: Course) -> None:
        for listener in self.listeners:
            listener(course)

    async def get(self, course_id: int) -> Course:
        course = await self.courses.get(course_id)
        if course is None:
            raise CourseNotFound()
        return course

    async def create(self, values: dict[str, Any], created_by: int | None) -> Course:
        """A draft from already validated values (the form parser or the dialog)."""
        return await self.courses.create(values, created_by)

    async def publish(self, course_id: int) -> Course:
        course = await self.get(course_id)
        if course.status != CourseStatus.DRAFT:
            raise InvalidInput("course-error-not-draft")
        if course.missing_for_publishing:
            raise InvalidInput(
                "course-error-publish-missing", fields=", ".join(course.missing_for_publishing)
            )
        if course.starts_at <= self.clock():
            raise InvalidInput("course-error-start-past")
        await self.courses.set_status(course_id, CourseStatus.PUBLISHED)
        published = await self.get(course_id)
        self._changed(published)
        return published

    async def delete_draft(self, course_id: int) -> None:
        if not await self.courses.delete_draft(course_id):
            raise InvalidInput("course-error-not-draft")

    async def edit(self, course_id: int, field: str, raw: str | None) -> Change:
        """Validate and store one field; participants hear about new times or a new place."""
        if field not in EDITABLE:
            raise InvalidInput("error-button-expired")
        course = await self.get(course_id)
        if course.status in (CourseStatus.CANCELLED, CourseStatus.FINISHED):
            raise InvalidInput("course-error-closed-for-edits")
        try:
            values = self._new_values(course, field, raw)
        except FieldProblem as problem:
            raise FieldRejected(problem) from None
        if "capacity" in values and values["capacity"] is not None:
            confirmed = (await self.registrations.counts(course_id)).confirmed
            if values["capacity"] < confirmed:
                raise InvalidInput("course-error-capacity-below", confirmed=confirmed)
        moved = any(name in values for name in _TIME_FIELDS) or field == "place"
        notified = 0
        # The change, the notices it causes and any promotion commit together or not at all.
        async with self.db.transaction() as tx:
            await tx.courses.update(course_id, values, bump_revision=moved)
            updated = await tx.courses.get(course_id)
            if updated is None:
                raise CourseNotFound()
            if updated.status == CourseStatus.PUBLISHED:
                if moved and self._visible_change(course, updated):
                    notified = await self._tell_participants(
                        tx,
                        course_id,
                        "course_changed",
                        lambda t, zone: _change_text(course, updated, t, zone),
                    )
                if field == "capacity":
                    await self.signups.fill_seats(tx, course_id)
        if updated.status == CourseStatus.PUBLISHED and (
            moved or field in ("reminder_offsets", "attendance_check_days")
        ):
            self._changed(updated)
        return Change(updated, notified)

    def _new_values(self, course: Course, field: str, raw: str | None) -> dict[str, Any]:
        now = self.clock()
        if field in ("title_en", "title_ru"):
            return {field: fields.parse_title(raw, field)}
        if field in ("description_en", "description_ru"):
            return {field: fields.parse_description(raw, field)}
        if field == "place":
            venue, url = fields.parse_place(raw)
            return {"venue": venue, "online_url": url}
        if field == "capacity":
            return {"capacity": fields.parse_capacity(raw)}
        if field == "language":
            return {"language": fields.parse_language(raw)}
        if field == "reminder_offsets":
            return {"reminder_offsets": fields.parse_reminders(raw)}
        if field == "attendance_check_days":
            return {"attendance_check_days": fields.parse_attendance_check(raw)}
        starts, ends, deadline = course.starts_at, course.ends_at, course.deadline_at
        zone = course.timezone
        values: dict[str, Any] = {}
        if field == "timezone":
            # Same wall-clock times, now read in the new zone: the organiser fixed the zone.
            zone = fields.parse_timezone(raw)
            starts, ends, deadline = (
                _rezone(m, course.timezone, zone) for m in (starts, ends, deadline)
            )
            values["timezone"] = zone
        elif field == "starts_at":
            new_start = fields.parse_local_datetime(raw, zone, "starts_at")
            # The whole course moves: same length, and a deadline that was the start follows it.
            ends = ends + (new_start - starts)
            if deadline == starts:
                deadline = new_start
            starts = new_start
        elif field == "ends_at":
            ends = fields.parse_local_datetime(raw, zone, "ends_at")
        elif field == "deadline_at":
            deadline = fields.parse_local_datetime(raw, zone, "deadline_at")
        problems = fields.check_times(starts, ends, deadline, now)
        if field != "starts_at" and starts == course.starts_at:
            problems = [p for p in problems if p.key != "course-error-start-past"]
        if problems:
            raise problems[0]
        values.update(starts_at=starts, ends_at=ends, deadline_at=deadline)
        return values

    @staticmethod
    def _visible_change(old: Course, new: Course) -> bool:
        return (old.starts_at, old.ends_at, old.venue, old.online_url) != (
            new.starts_at,
            new.ends_at,
            new.venue,
            new.online_url,
        ) or old.timezone != new.timezone

    async def cancel(self, course_id: int) -> Change:
        course = await self.get(course_id)
        if course.status not in (CourseStatus.DRAFT, CourseStatus.PUBLISHED):
            raise InvalidInput("course-error-closed-for-edits")

        def render(t: Translator, zone: str | None) -> str:
            when = course_texts.when(course, t, zone)
            return t("course-cancelled-notice", title=course.title(t.locale), when=when)

        async with self.db.transaction() as tx:
            # A new revision, so calendar apps replace the event (it shows as cancelled).
            await tx.courses.set_status(course_id, CourseStatus.CANCELLED, bump_revision=True)
            notified = await self._tell_participants(
                tx, course_id, "course_cancelled", render, with_calendar=False
            )
        cancelled = await self.get(course_id)
        self._changed(cancelled)
        return Change(cancelled, notified)

    async def _tell_participants(
        self,
        tx: Transaction,
        course_id: int,
        kind: str,
        render: ZonedRender,
        with_calendar: bool = True,
    ) -> int:
        """Queue a notice for everyone confirmed or waiting inside the caller's transaction,
        so a crash can never change the course without telling them."""
        people = await tx.registrations.active_user_ids(course_id)
        for user_id, status in people:
            user = await tx.users.get(user_id)
            zone = user.timezone if user else None
            await self.notices.queue(
                tx.outbox,
                user_id,
                kind,
                _for_zone(render, zone),
                course_id if with_calendar and status == RegStatus.CONFIRMED else None,
            )
        return len(people)

    async def finish_ended(self) -> int:
        return await self.courses.finish_ended(self.clock())


def _for_zone(render: ZonedRender, zone: str | None) -> Render:
    return lambda t: render(t, zone)


def _rezone(moment: datetime, old_zone: str, new_zone: str) -> datetime:
    wall = moment.astimezone(ZoneInfo(old_zone)).replace(tzinfo=None)
    return wall.replace(tzinfo=ZoneInfo(new_zone)).astimezone(moment.tzinfo)


def _change_text(old: Course, new: Course, t: Translator, zone: str | None) -> str:
    lines = [t("course-changed-notice", title=new.title(t.locale))]
    if (old.starts_at, old.ends_at, old.timezone) != (new.starts_at, new.ends_at, new.timezone):
        lines.append(
            t(
                "course-changed-time",
                old=course_texts.when(old, t, zone),
                new=course_texts.when(new, t, zone),
            )
        )
    if (old.venue, old.online_url) != (new.venue, new.online_url):
        lines.append(
            t(
                "course-changed-place",
                old=course_texts.place(old, t),
                new=course_texts.place(new, t),
            )
        )
    return "\n\n".join(lines)
