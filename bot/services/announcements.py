"""Announcements: content in both languages, an audience, now or at a set time, optionally
only in the recipients' daytime; delivery goes through the outbox like every other message."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.config import Settings
from bot.countries import BY_CODE, COUNTRIES
from bot.errors import InvalidInput, NotFound
from bot.i18n import Localizations
from bot.ui import course_texts
from storage.announcements import (
    Announcement,
    AnnouncementStatus,
    Audience,
    audience_sql,
)
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus
from storage.database import Database
from storage.outbox import OutboxState
from storage.repositories import Repositories
from storage.users import User

# What Send may still send (a second press finds it sending or done).
SENDABLE = (AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED)
DAY_START = time(9, 0)
DAY_END = time(20, 0)
# "country" (one) is what announcements stored before issue 13 may still hold.
AUDIENCE_KINDS = ("all", "course", "language", "countries", "traceca", "country")
COURSE_STATUSES = ("confirmed", "waitlisted", "attended", "all")
# Courses offered as an audience or a button: published or finished ones among the latest.
COURSE_CHOICES = 10


def daytime_start(zone: str, now: datetime) -> datetime:
    """`now` if it is 09:00-20:00 in `zone`, else the next 09:00 there (DST-safe)."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    if DAY_START <= local.time() < DAY_END:
        return now
    day = local.date() if local.time() < DAY_START else local.date() + timedelta(days=1)
    return datetime.combine(day, DAY_START, tzinfo=tz).astimezone(UTC)


def traceca_codes() -> list[str]:
    return [country.code for country in COUNTRIES if country.traceca]


def delivery_audience(spec: dict[str, Any]) -> dict[str, Any]:
    """The audience as the delivery engine selects it: "TRACECA countries" is stored as such
    (and named so in the lists) and means the corridor's members when it is sent."""
    if spec.get("kind") == "traceca":
        return {"kind": "countries", "countries": traceca_codes()}
    return spec


def _check_audience(spec: dict[str, Any]) -> None:
    """Audiences come from buttons, i.e. user input: anything malformed is refused."""
    if spec.get("kind") not in AUDIENCE_KINDS:
        raise InvalidInput("error-button-expired")
    if spec.get("kind") == "countries":
        codes = spec.get("countries")
        if not isinstance(codes, list) or not codes or not all(c in BY_CODE for c in codes):
            raise InvalidInput("error-button-expired")


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    blocked: int
    failed: int
    cancelled: int
    remaining: int
    eta_seconds: float | None  # at the configured rate, for what is due now

    @property
    def finished(self) -> bool:
        return self.remaining == 0


@dataclass(frozen=True)
class Sent:
    """An announcement in the organisers' list: how far it got and who wrote it."""

    announcement: Announcement
    progress: Progress
    author: User | None  # None: no profile, or the author asked to be forgotten


class AnnouncementService:
    def __init__(
        self, db: Database, settings: Settings, clock: Clock, localizations: Localizations
    ) -> None:
        self.db = db
        self.repos = db.repos
        self.localizations = localizations  # drafts from a course are written in every language
        self.default_locale = settings.default_locale
        self.default_timezone = settings.default_timezone
        self.rate = settings.broadcast_rate
        self.clock = clock

    async def create(
        self,
        created_by: int,
        text_en: str | None,
        text_ru: str | None,
        audience: dict[str, Any],
        media_type: str | None = None,
        media_file_id: str | None = None,
        course_button: int | None = None,
        daytime: bool = False,
    ) -> Announcement:
        if not (text_en or text_ru or media_file_id):
            raise InvalidInput("announce-error-empty")
        _check_audience(audience)
        self._audience(audience)  # refuses a malformed audience now
        return await self.repos.announcements.create(
            {
                "created_by": created_by,
                "text_en": text_en,
                "text_ru": text_ru,
                "media_type": media_type,
                "media_file_id": media_file_id,
                "audience": json.dumps(audience),
                "course_button": course_button,
                "daytime": int(daytime),
            }
        )

    async def announceable_courses(self) -> list[Course]:
        """The courses an announcement may go to (their participants, also after the end)."""
        items, _ = await self.repos.courses.all(0, COURSE_CHOICES)
        return [c for c in items if c.status in (CourseStatus.PUBLISHED, CourseStatus.FINISHED)]

    async def courses_open_for_sign_up(self) -> list[Course]:
        """The courses an announcement's button may open for sign-up, the soonest first: a
        button to a course that has taken place, or whose registration has closed, leads
        nowhere."""
        now = self.clock()
        items, _ = await self.repos.courses.all(0, COURSE_CHOICES)
        return sorted(
            (c for c in items if c.registration_open(now)), key=lambda c: (c.starts_at, c.id)
        )

    async def course(self, course_id: int) -> Course:
        course = await self.repos.courses.get(course_id)
        if course is None:
            raise InvalidInput("error-course-not-found")
        return course

    async def draft_of_course(self, course_id: int) -> dict[str, Any]:
        """The draft announcing a course right after publishing: its title, description, time
        and place in every language, with the course's Sign up button."""
        course = await self.course(course_id)
        if course.status != CourseStatus.PUBLISHED:
            raise InvalidInput("error-course-not-found")
        texts = {
            f"text_{locale}": course_texts.announcement(course, self.localizations.get(locale))
            for locale in self.localizations.locales
        }
        return {**texts, "course_button": course.id}

    async def get(self, announcement_id: int, repos: Repositories | None = None) -> Announcement:
        """The announcement; `repos`: a transaction's, to read it under the write lock."""
        announcement = await (repos or self.repos).announcements.get(announcement_id)
        if announcement is None:
            raise NotFound()
        return announcement

    def _audience(self, spec: dict[str, Any]) -> Audience:
        return audience_sql(delivery_audience(spec), self.default_locale, self.default_timezone)

    async def recipients_by_language(self, announcement: Announcement) -> dict[str, int]:
        audience = self._audience(announcement.audience_spec)
        return await self.repos.announcements.count_by_language(audience)

    async def recipients(self, announcement_id: int) -> int:
        """How many people it would reach if it were sent now (the confirmation's count)."""
        counts = await self.recipients_by_language(await self.get(announcement_id))
        return sum(counts.values())

    async def course_title(self, course_id: int, locale: str) -> str | None:
        """A course audience's title, for naming the audience (None: the course is gone)."""
        course = await self.repos.courses.get(course_id)
        return course.title(locale) if course else None

    async def send_now(self, announcement_id: int, *, by: int | None = None) -> int:
        """Queue one message per recipient; returns how many. `by`: the organiser who pressed
        Send (audited); None when a scheduled one comes due (audited when it was scheduled).
        Checked and queued in one transaction: a second press finds it sent already."""
        now = self.clock()
        async with self.db.transaction() as tx:
            announcement = await self.get(announcement_id, tx)
            if announcement.status not in SENDABLE:
                raise InvalidInput("announce-error-already-sent")
            audience = self._audience(announcement.audience_spec)
            due: dict[str, datetime] = {}
            if announcement.daytime:
                for zone in await tx.announcements.zones(audience):
                    start = daytime_start(zone, now)
                    if start != now:
                        due[zone] = start
            queued = await tx.announcements.enqueue(announcement_id, audience, due, now)
            if by is not None:
                await tx.audit.record(
                    by, AuditAction.ANNOUNCEMENT_SENT, "announcement", announcement_id
                )
        return queued

    async def schedule(
        self, announcement_id: int, at: datetime, *, by: int | None = None
    ) -> Announcement:
        """Send at `at`; `by`: the organiser who scheduled it (audited)."""
        if at <= self.clock():
            raise InvalidInput("announce-error-past")
        async with self.db.transaction() as tx:
            announcement = await self.get(announcement_id, tx)
            if announcement.status != AnnouncementStatus.DRAFT:
                raise InvalidInput("announce-error-already-sent")
            await tx.announcements.update(
                announcement_id, status=AnnouncementStatus.SCHEDULED, scheduled_at=at
            )
            if by is not None:
                await tx.audit.record(
                    by,
                    AuditAction.ANNOUNCEMENT_SCHEDULED,
                    "announcement",
                    announcement_id,
                    at=at.isoformat(),
                )
        return await self.get(announcement_id)

    async def stop(self, announcement_id: int, *, by: int | None = None) -> int:
        """Cancel what is not sent yet; returns how many. `by`: the organiser who pressed Stop
        (audited); None for a draft cancelled before sending."""
        async with self.db.transaction() as tx:
            await self.get(announcement_id, tx)
            cancelled = await tx.announcements.stop(announcement_id, self.clock())
            if by is not None:
                await tx.audit.record(
                    by,
                    AuditAction.ANNOUNCEMENT_STOPPED,
                    "announcement",
                    announcement_id,
                    cancelled=cancelled,
                )
        return cancelled

    async def recent(self, limit: int, offset: int = 0) -> list[Sent]:
        """The latest announcements that left the draft stage, newest first (`offset`: the
        dashboard's later pages)."""
        return [
            Sent(item, await self.progress(item.id), await self.repos.users.get(item.created_by))
            for item in await self.repos.announcements.recent(limit, offset)
        ]

    async def progress(self, announcement_id: int) -> Progress:
        announcement = await self.get(announcement_id)
        states = await self.repos.announcements.progress(announcement_id)
        remaining = states.get(OutboxState.PENDING, 0) + states.get(OutboxState.SENDING, 0)
        return Progress(
            total=announcement.recipients,
            sent=states.get(OutboxState.SENT, 0),
            blocked=states.get(OutboxState.BLOCKED, 0),
            failed=states.get(OutboxState.FAILED, 0),
            cancelled=states.get(OutboxState.CANCELLED, 0),
            remaining=remaining,
            eta_seconds=remaining / self.rate if remaining else None,
        )

    async def set_status_message(
        self, announcement_id: int, chat_id: int, message_id: int
    ) -> None:
        await self.repos.announcements.update(
            announcement_id, progress_chat_id=chat_id, progress_message_id=message_id
        )

    async def mark_done(self, announcement_id: int) -> None:
        await self.repos.announcements.update(
            announcement_id, status=AnnouncementStatus.DONE, finished_at=self.clock()
        )
