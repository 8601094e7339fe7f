"""Organisers' decisions on seats: a request approved, put on a list or declined, and a person
added, moved between the lists or removed by hand. Each decision tells the person (through the
outbox, in the same transaction) and goes into the audit log; a freed seat goes on by the seat
rules."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.errors import (
    AlreadyDecided,
    AlreadyPlaced,
    CountryName,
    CourseNotFound,
    NoSeatFree,
    ProfileMissing,
    QuotaFull,
    ReasonTooLong,
    SeatsClosed,
    SeatsFree,
)
from bot.i18n import Translator
from bot.services.notices import Notices
from bot.services.seats import Room, answer_by_line, room_for, waiting_status
from bot.services.signups import SignupService
from bot.ui import course_texts
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus
from storage.database import Database, Transaction
from storage.registrations import HELD, Registration, RegStatus
from storage.users import User

REASON_MAX = 500
# Where an organiser may put someone by hand.
TARGETS = (RegStatus.CONFIRMED, RegStatus.WAITLISTED, RegStatus.RESERVE)


@dataclass(frozen=True)
class Decision:
    """What came of an approval: `room` FREE when the seat was given; FULL or QUOTA_FULL when
    there was none and nothing changed (the organiser is offered the waiting list)."""

    course: Course
    registration: Registration
    person: User
    room: Room


class SeatDecisions:
    def __init__(
        self, db: Database, signups: SignupService, notices: Notices, clock: Clock
    ) -> None:
        self.db = db
        self.signups = signups
        self.notices = notices
        self.clock = clock

    async def request(self, registration_id: int) -> tuple[Course, Registration, User]:
        """A request an organiser looks at; NotFound-like refusal once it is gone."""
        registration = await self.db.repos.registrations.by_id(registration_id)
        if registration is None:
            raise AlreadyDecided()
        course = await self.db.repos.courses.get(registration.course_id)
        person = await self.db.repos.users.get(registration.user_id)
        if course is None or person is None:
            raise AlreadyDecided()
        return course, registration, person

    async def approve(self, organiser: int, registration_id: int) -> Decision:
        async with self.db.transaction() as tx:
            course, request, person = await self._pending(tx, registration_id)
            why = await room_for(tx, course, request.country, self.clock())
            if why != Room.FREE:
                return Decision(course, request, person, why)
            after = await self._set(tx, organiser, course, request, RegStatus.CONFIRMED)
            await tx.audit.record(
                organiser, AuditAction.SEAT_APPROVED, "course", course.id, participant=person.id
            )
        return Decision(course, after, person, Room.FREE)

    async def put_on_list(self, organiser: int, registration_id: int) -> Decision:
        """A request goes to the waiting list (or the country's reserve list when its quota is
        what holds it back). While a seat is free nothing changes (SeatsFree): the organiser
        approves or declines, as the list button (under a notice sent earlier) did not say."""
        async with self.db.transaction() as tx:
            course, request, person = await self._pending(tx, registration_id)
            why = await room_for(tx, course, request.country, self.clock())
            if why == Room.FREE:
                raise SeatsFree()
            after = await self._set(tx, organiser, course, request, waiting_status(course, why))
            await tx.audit.record(
                organiser, AuditAction.SEAT_LISTED, "course", course.id, participant=person.id
            )
        return Decision(course, after, person, why)

    async def decline(self, organiser: int, registration_id: int, reason: str | None) -> Decision:
        async with self.db.transaction() as tx:
            course, request, person = await self._pending(tx, registration_id)
            after = await self._set(
                tx, organiser, course, request, RegStatus.DECLINED, clean_reason(reason)
            )
            await tx.audit.record(
                organiser, AuditAction.SEAT_DECLINED, "course", course.id, participant=person.id
            )
        return Decision(course, after, person, Room.FREE)

    async def add(
        self, organiser: int, course_id: int, user_id: int, target: RegStatus
    ) -> Registration:
        """Someone added by hand to the participants, the waiting list or a reserve list."""
        now = self.clock()
        async with self.db.transaction() as tx:
            course = await self._course(tx, course_id)
            person = await tx.users.get(user_id)
            if person is None or person.consent_at is None:
                raise ProfileMissing()
            existing = await tx.registrations.get(course_id, user_id)
            if existing is not None and existing.active:
                raise AlreadyPlaced(status=existing.status.value)
            if target == RegStatus.CONFIRMED:
                await self._check_room(tx, course, person.country)
            placed = await tx.registrations.place(course_id, user_id, target, now, person.country)
            if placed is None:
                raise AlreadyPlaced(status="")
            await self._tell(tx, course, placed, person)
            await tx.audit.record(
                organiser, AuditAction.SEAT_ADDED, "course", course_id, participant=user_id
            )
        return placed

    async def move(
        self, organiser: int, course_id: int, user_id: int, target: RegStatus
    ) -> Registration:
        """Between confirmed, the waiting list and the reserve list (or a request or a
        nomination straight to a seat); the capacity and the quotas still hold."""
        async with self.db.transaction() as tx:
            course = await self._course(tx, course_id)
            current = await tx.registrations.get(course_id, user_id)
            person = await tx.users.get(user_id)
            if current is None or not current.active or person is None:
                raise AlreadyDecided()
            if current.status == target:
                return current
            after = await self._set(tx, organiser, course, current, target)
            await tx.audit.record(
                organiser,
                AuditAction.SEAT_MOVED,
                "course",
                course_id,
                participant=user_id,
                status=target.value,
            )
        return after

    async def remove(
        self, organiser: int, course_id: int, user_id: int, reason: str | None
    ) -> Registration:
        async with self.db.transaction() as tx:
            course = await self._course(tx, course_id)
            current = await tx.registrations.get(course_id, user_id)
            if current is None or not current.active:
                raise AlreadyDecided()
            after = await self._set(
                tx, organiser, course, current, RegStatus.DECLINED, clean_reason(reason)
            )
            await tx.audit.record(
                organiser, AuditAction.SEAT_REMOVED, "course", course_id, participant=user_id
            )
        return after

    async def _set(
        self,
        tx: Transaction,
        organiser: int,
        course: Course,
        current: Registration,
        target: RegStatus,
        reason: str | None = None,
    ) -> Registration:
        """Move one place, tell its person, and pass a seat it gave up on by the rules."""
        now = self.clock()
        if target == RegStatus.CONFIRMED and not current.holds_seat:
            await self._check_room(tx, course, current.country)
        leaves_seat = current.holds_seat and target not in HELD
        await tx.registrations.move(
            course.id,
            current.user_id,
            target,
            now,
            only_from=(current.status.value,),
            reason=reason,
            # Someone moved out of a seat waits behind everyone already waiting.
            to_the_end=leaves_seat,
        )
        if leaves_seat:
            # First, so the person is told the place they hold once the seat has gone on; the
            # seat never goes straight back to them (that would undo the organiser's move).
            await self.signups.fill_seats(tx, course.id, skip=current.user_id)
        after = await tx.registrations.get(course.id, current.user_id)
        assert after is not None
        person = await tx.users.get(current.user_id)
        if person is not None:
            await self._tell(
                tx,
                course,
                after,
                person,
                had_seat=current.holds_seat,
                was_request=current.status == RegStatus.PENDING,
            )
        return after

    async def _check_room(self, tx: Transaction, course: Course, country: str | None) -> None:
        why = await room_for(tx, course, country, self.clock())
        if why == Room.FULL:
            raise NoSeatFree()
        if why == Room.QUOTA_FULL:
            raise QuotaFull(country=CountryName(country or ""))

    async def _pending(
        self, tx: Transaction, registration_id: int
    ) -> tuple[Course, Registration, User]:
        request = await tx.registrations.by_id(registration_id)
        if request is None or request.status != RegStatus.PENDING:
            raise AlreadyDecided()
        course = await self._course(tx, request.course_id)
        person = await tx.users.get(request.user_id)
        if person is None:
            raise AlreadyDecided()
        return course, request, person

    async def _course(self, tx: Transaction, course_id: int) -> Course:
        """A course whose seats may still be decided: published and not started."""
        course = await tx.courses.get(course_id)
        if course is None or course.status != CourseStatus.PUBLISHED:
            raise CourseNotFound()
        if course.starts_at <= self.clock():
            raise SeatsClosed()
        return course

    async def _tell(
        self,
        tx: Transaction,
        course: Course,
        after: Registration,
        person: User,
        had_seat: bool = False,
        was_request: bool = False,
    ) -> None:
        """The person hears of the decision in their language; a seat comes with the calendar
        file and the online link."""
        position = await tx.registrations.position(after)
        status = after.status
        key = {
            RegStatus.CONFIRMED: "seat-confirmed-notice" if was_request else "seat-added-notice",
            RegStatus.NOMINATED: "nomination-seat-free-notice",
            RegStatus.WAITLISTED: "seat-waitlisted-notice",
            RegStatus.RESERVE: "seat-reserve-notice",
            RegStatus.DECLINED: "seat-removed-notice" if had_seat else "seat-declined-notice",
        }.get(status)
        if key is None:
            return
        zone = person.timezone

        def render(t: Translator) -> str:
            text = t(
                key,
                title=course.title(t.locale),
                when=course_texts.when(course, t, zone),
                place=course_texts.place(course, t, course_texts.LinkAccess.SHOWN),
                position=str(position or ""),
                country=t.plain(f"country-{after.country}") if after.country else "",
            )
            if status == RegStatus.NOMINATED:
                text += "\n" + answer_by_line(course, self.clock(), zone, t)
            if after.reason:
                text += "\n\n" + t("seat-reason", reason=after.reason)
            return text

        await self.notices.queue(
            tx.outbox,
            person.id,
            f"seat_{status.value}",
            render,
            ics_course_id=course.id if status == RegStatus.CONFIRMED else None,
            buttons=(
                {"kind": "nominee", "course_id": course.id}
                if status == RegStatus.NOMINATED
                else None
            ),
        )


def clean_reason(reason: str | None) -> str | None:
    """The organiser's reason as the person reads it (None: no reason); a reason over
    REASON_MAX characters is refused (ReasonTooLong), so the organiser shortens it."""
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise ReasonTooLong(length=len(reason), max=REASON_MAX)
    return reason or None
