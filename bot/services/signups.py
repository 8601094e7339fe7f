"""Sign-ups: confirmed while seats last, then the waiting list in arrival order; a freed seat
goes to the first person waiting, who is told so (through the outbox) with a calendar file.

On a course with country quotas, or one whose seats are given by approval or nomination, the
seat rules of bot/services/seats.py decide instead: an approval course turns a sign-up into a
request the organisers are told of; a nomination course takes no sign-ups at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock
from bot.errors import (
    CourseCancelled,
    CourseNotFound,
    CourseStarted,
    DeclinedByOrganisers,
    NominationOnly,
    NotSignedUp,
    RegistrationClosed,
)
from bot.i18n import Translator
from bot.services.notices import Notices
from bot.services.paging import fetch_page
from bot.services.seats import (
    Room,
    answer_by_line,
    promote_by_rules,
    room_for,
    uses_seat_rules,
    waiting_status,
)
from bot.ui import course_texts
from bot.ui.pagination import Page
from bot.ui.people import person_line
from storage.courses import Course, CourseStatus, SignupMode
from storage.database import Database, Transaction
from storage.registrations import Registration, RegStatus, SeatView
from storage.users import User


@dataclass(frozen=True)
class SignupResult:
    course: Course
    registration: Registration
    seats: SeatView  # after the sign-up: the user's place and the seats taken

    @property
    def position(self) -> int | None:
        return self.seats.position


@dataclass(frozen=True)
class MyCourse:
    course: Course
    registration: Registration
    position: int | None


class SignupService:
    def __init__(
        self,
        db: Database,
        notices: Notices,
        clock: Clock,
        organisers: frozenset[int] = frozenset(),
    ) -> None:
        self.db = db
        self.repos = db.repos  # reads and single writes; several writes: db.transaction()
        self.notices = notices
        self.clock = clock
        self.organisers = organisers  # told of every request for a seat

    async def visible_course(self, course_id: int) -> Course:
        """A course participants may see: drafts stay hidden even with a forged id."""
        course = await self.repos.courses.get(course_id)
        if course is None or course.status == CourseStatus.DRAFT:
            raise CourseNotFound()
        return course

    async def cancellable_place(self, course_id: int, user_id: int) -> tuple[Course, bool]:
        """A visible course whose place may still be given up (it has not started), and
        whether that place is on a list or a request (True) rather than a seat."""
        course = await self.visible_course(course_id)
        if course.starts_at <= self.clock():
            raise CourseStarted()
        registration = (await self.status(course.id, user_id)).registration
        return course, registration is not None and not registration.holds_seat

    async def withdraw(self, course_id: int, user_id: int) -> Course:
        """A participant gives up their place in a course they may see (see `cancel`)."""
        course = await self.visible_course(course_id)
        await self.cancel(course.id, user_id)
        return course

    async def answer_still_coming(self, course_id: int, user_id: int, coming: bool) -> Course:
        """The answer to "Are you still coming?": No gives the seat up at once."""
        if coming:
            return await self.visible_course(course_id)
        return await self.withdraw(course_id, user_id)

    async def upcoming_page(self, number: int, size: int) -> tuple[Page, list[Course]]:
        """A page of the catalogue: published courses not started yet, soonest first."""
        now = self.clock()
        return await fetch_page(
            lambda offset, limit: self.repos.courses.upcoming(now, offset, limit), number, size
        )

    async def sign_up(self, course_id: int, user_id: int) -> SignupResult:
        """Confirm or waitlist (or, by the seat rules, request or reserve); signing up again
        while signed up changes nothing."""
        course = await self.repos.courses.get(course_id)
        if course is not None and uses_seat_rules(course):
            return await self._sign_up_by_rules(course, user_id)
        now = self.clock()
        seats = await self.repos.registrations.sign_up(course_id, user_id, now)
        course = await self.repos.courses.get(course_id)
        if seats is None:
            # Nothing was written: already signed up, or the course does not take sign-ups.
            seats = await self.repos.registrations.view(course_id, user_id)
            if not seats.active:
                declined = seats.registration and seats.registration.status == RegStatus.DECLINED
                if declined and course is not None and course.registration_open(now):
                    raise DeclinedByOrganisers()
                raise self._why_closed(course, now)
        if course is None or seats.registration is None:
            raise CourseNotFound()  # deleted in between: cannot happen to a published course
        return SignupResult(course, seats.registration, seats)

    async def _sign_up_by_rules(self, course: Course, user_id: int) -> SignupResult:
        now = self.clock()
        async with self.db.transaction() as tx:
            # Read again under the lock: a capacity lowered or a course cancelled while this
            # sign-up waited for it must be what decides.
            current = await tx.courses.get(course.id)
            if current is None or current.status == CourseStatus.DRAFT:
                raise CourseNotFound()
            course = current
            if course.signup_mode == SignupMode.NOMINATION:
                raise NominationOnly()
            seats = await tx.registrations.view(course.id, user_id)
            if seats.active and seats.registration is not None:
                return SignupResult(course, seats.registration, seats)  # nothing changes
            if not course.registration_open(now):
                raise self._why_closed(course, now)
            if seats.registration is not None and seats.registration.status == RegStatus.DECLINED:
                raise DeclinedByOrganisers()
            user = await tx.users.get(user_id)
            country = user.country if user else None
            if course.signup_mode == SignupMode.APPROVAL:
                status = RegStatus.PENDING
            else:
                why = await room_for(tx, course, country, now)
                status = RegStatus.CONFIRMED if why == Room.FREE else waiting_status(course, why)
            registration = await tx.registrations.place(course.id, user_id, status, now, country)
            if registration is None:
                raise CourseNotFound()  # cannot happen: the live place was read under the lock
            if status == RegStatus.PENDING and user is not None:
                await self._tell_organisers(tx, course, registration, user)
            seats = await tx.registrations.view(course.id, user_id)
        return SignupResult(course, registration, seats)

    async def _tell_organisers(
        self, tx: Transaction, course: Course, request: Registration, user: User
    ) -> None:
        """Every organiser hears of a request, with Approve / Decline / Waiting list under it."""
        for organiser in sorted(self.organisers):

            def render(t: Translator) -> str:
                return t(
                    "request-new-notice",
                    title=course.title(t.locale),
                    person=person_line(user, t),
                )

            await self.notices.queue(
                tx.outbox,
                organiser,
                "request",
                render,
                buttons={"kind": "request", "registration_id": request.id},
                about=[user.id],
            )

    @staticmethod
    def _why_closed(course: Course | None, now: datetime) -> Exception:
        if course is None or course.status == CourseStatus.DRAFT:
            return CourseNotFound()
        if course.status == CourseStatus.CANCELLED:
            return CourseCancelled()
        return RegistrationClosed()

    async def status(self, course_id: int, user_id: int) -> SeatView:
        return await self.repos.registrations.view(course_id, user_id)

    async def cancel(self, course_id: int, user_id: int) -> list[int]:
        """Give up a seat or a waiting-list place; returns who was promoted into the seat.

        Refused once the course has started: the freed seat would go to someone waiting, who
        would be told (with a calendar file) to join a course already running."""
        now = self.clock()
        async with self.db.transaction() as tx:
            course = await tx.courses.get(course_id)
            if course is not None and course.starts_at <= now:
                raise CourseStarted()
            old = await tx.registrations.cancel(course_id, user_id, now)
            if old is None:
                raise NotSignedUp()
            promoted = []
            if old in (RegStatus.CONFIRMED, RegStatus.NOMINATED):
                promoted = await self.fill_seats(tx, course_id)
        return promoted

    async def fill_seats(
        self, tx: Transaction, course_id: int, skip: int | None = None
    ) -> list[int]:
        """Fill free seats (a cancellation, a capacity that grew) and tell those promoted, in
        the caller's transaction, so a seat and its notice commit together;
        nobody is promoted into a course that has started."""
        now = self.clock()
        course = await tx.courses.get(course_id)
        if course is None or course.starts_at <= now:
            return []
        if not uses_seat_rules(course):
            promoted = await tx.registrations.promote(course_id, now, skip)
        elif course.status == CourseStatus.PUBLISHED:
            promoted = await promote_by_rules(tx, course, now, skip)
        else:
            return []
        if course.signup_mode == SignupMode.NOMINATION:
            await self._ask_promoted_nominees(tx, course, promoted)
        else:
            await self._tell_promoted(tx, course, promoted)
        return promoted

    async def _ask_promoted_nominees(
        self, tx: Transaction, course: Course, user_ids: list[int]
    ) -> None:
        """A seat freed for someone on a reserve list: it is held for them until they answer."""
        for user_id in user_ids:
            user = await tx.users.get(user_id)
            zone = user.timezone if user else None

            def render(t: Translator, zone: str | None = zone) -> str:
                text = t(
                    "nomination-seat-free-notice",
                    title=course.title(t.locale),
                    when=course_texts.when(course, t, zone),
                )
                return text + "\n" + answer_by_line(course, self.clock(), zone, t)

            await self.notices.queue(
                tx.outbox,
                user_id,
                "nominee_promoted",
                render,
                buttons={"kind": "nominee", "course_id": course.id},
            )

    async def _tell_promoted(self, tx: Transaction, course: Course, user_ids: list[int]) -> None:
        for user_id in user_ids:
            user = await tx.users.get(user_id)
            zone = user.timezone if user else None

            def render(t: Translator, zone: str | None = zone) -> str:
                return t(
                    "signup-promoted-notice",
                    title=course.title(t.locale),
                    when=course_texts.when(course, t, zone),
                    # The seat is theirs now: the online link comes with it.
                    place=course_texts.place(course, t, course_texts.LinkAccess.SHOWN),
                )

            await self.notices.queue(tx.outbox, user_id, "promoted", render, course.id)

    async def my_courses(self, user_id: int) -> list[MyCourse]:
        out = []
        for registration in await self.repos.registrations.of_user(user_id, self.clock()):
            course = await self.repos.courses.get(registration.course_id)
            if course is not None and course.status != CourseStatus.CANCELLED:
                position = await self.repos.registrations.position(registration)
                out.append(MyCourse(course, registration, position))
        return out

    async def withdraw_everywhere(self, user_id: int) -> None:
        """Before a user's data is erased: free their seats so the waiting lists move on, but
        promote nobody into a course that has already started."""
        now = self.clock()
        for registration in await self.repos.registrations.of_user(user_id, now):
            course = await self.repos.courses.get(registration.course_id)
            if course is not None and course.starts_at <= now:
                await self.repos.registrations.cancel(course.id, user_id, now)
                continue
            try:
                await self.cancel(registration.course_id, user_id)
            except (NotSignedUp, CourseStarted):
                continue  # withdrawn or started in the meantime: nothing left to free
