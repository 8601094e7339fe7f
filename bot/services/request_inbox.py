"""The organisers' inbox of requests for a seat (approval courses): what waits for a decision,
oldest first, each with what the decision depends on (seats left, the country's quota)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock
from bot.errors import AlreadyDecided
from bot.services.paging import fetch_page
from bot.services.quotas import Quotas
from bot.services.seats import Room, room
from bot.ui.pagination import Page
from storage.courses import Course
from storage.database import Database
from storage.registrations import Registration, RegStatus, SeatUsage
from storage.sql import from_db
from storage.users import User


@dataclass(frozen=True)
class QuotaUse:
    country: str
    used: int
    limit: int


@dataclass(frozen=True)
class RequestView:
    """One request as an organiser weighs it."""

    registration: Registration
    course: Course
    person: User
    usage: SeatUsage  # seats held on the course now
    quota: QuotaUse | None  # the person's country, while quotas hold seats back
    room: Room  # whether a seat is there for the person now (else the list it would be)

    @property
    def asked_at(self) -> datetime:
        # A request renewed after a decline or a withdrawal counts from when it was renewed.
        return from_db(self.registration.updated_at)


class RequestInbox:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def page(self, number: int, size: int) -> tuple[Page, list[RequestView]]:
        """Page `number` of the requests waiting for a decision, oldest first."""
        now = self.clock()
        page, requests = await fetch_page(
            lambda offset, limit: self.db.repos.registrations.pending(now, offset, limit),
            number,
            size,
        )
        views = [await self._view(request) for request in requests]
        return page, [view for view in views if view is not None]

    async def request(self, registration_id: int) -> RequestView:
        """One request still waiting; AlreadyDecided once decided, withdrawn or gone."""
        registration = await self.db.repos.registrations.by_id(registration_id)
        view = None
        if registration is not None and registration.status == RegStatus.PENDING:
            view = await self._view(registration)
        if view is None:
            raise AlreadyDecided()
        return view

    async def _view(self, registration: Registration) -> RequestView | None:
        repos = self.db.repos
        course = await repos.courses.get(registration.course_id)
        person = await repos.users.get(registration.user_id)
        if course is None or person is None:
            return None  # erased in between: nothing left to decide on
        usage = await repos.registrations.seat_usage(course.id)
        quota = self._quota(course, registration, usage)
        why = room(course, usage, registration.country, self.clock())
        return RequestView(registration, course, person, usage, quota, why)

    def _quota(
        self, course: Course, registration: Registration, usage: SeatUsage
    ) -> QuotaUse | None:
        country = registration.country
        if not country or not course.quotas or course.quotas_released(self.clock()):
            return None
        limit = Quotas.from_json(course.quotas).limit(country)
        return None if limit is None else QuotaUse(country, usage.of(country), limit)
