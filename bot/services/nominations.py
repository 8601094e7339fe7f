"""Nominations: organisers appoint national focal points; a focal point puts forward officers of
their own country (by picking them, or with an invitation link they open); the officer answers
"I will attend" before the seat is theirs. Beyond the country's quota a nominee goes to its
reserve list; a seat freed there goes on by the seat rules (bot/services/seats.py)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.errors import (
    AlreadyAsked,
    AlreadyPlaced,
    CountryName,
    CourseNotFound,
    InviteForAnotherCountry,
    NoFocalPoint,
    NotAllowed,
    NothingToAnswer,
    ProfileMissing,
    RegistrationClosed,
)
from bot.i18n import Translator
from bot.services.notices import Notices
from bot.services.quotas import Quotas
from bot.services.seats import ANSWER_WINDOW, Room, answer_by_line, room_for, waiting_status
from bot.services.signups import SignupService
from bot.ui import course_texts
from bot.ui.people import SYSTEM_ACTOR, person_line
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus, SignupMode
from storage.database import Database, Transaction
from storage.focal_points import FocalPoint, Invite
from storage.registrations import Participant, Registration, RegStatus
from storage.sql import from_db
from storage.users import User


@dataclass(frozen=True)
class Nomination:
    course: Course
    registration: Registration  # nominated (a seat held), confirmed (by invitation) or reserve
    officer: User
    position: int | None  # on the country's reserve list


@dataclass(frozen=True)
class CountrySeats:
    """One country's use of a course's seats, as its focal point sees it."""

    country: str
    used: int  # seats held: confirmed, or nominated and waiting for the answer
    quota: int | None  # None: the course sets no quota for the country
    reserve: int


class NominationService:
    def __init__(
        self, db: Database, signups: SignupService, notices: Notices, clock: Clock
    ) -> None:
        self.db = db
        self.repos = db.repos
        self.signups = signups
        self.notices = notices
        self.clock = clock

    # --- organisers: who the focal points are -------------------------------------------

    async def focal_points(self) -> list[FocalPoint]:
        return await self.repos.focal_points.all()

    async def appoint(self, organiser: int, country: str, user_id: int) -> bool:
        """False if the person already was the country's focal point. They are told."""
        async with self.db.transaction() as tx:
            person = await tx.users.get(user_id)
            if person is None or person.consent_at is None:
                raise ProfileMissing()
            if not await tx.focal_points.appoint(country, user_id):
                return False

            def render(t: Translator) -> str:
                return t("focal-point-appointed-notice", country=t.plain(f"country-{country}"))

            await self.notices.queue(tx.outbox, user_id, "focal_point", render)
            await tx.audit.record(
                organiser,
                AuditAction.FOCAL_POINT_APPOINTED,
                "focal_point",
                None,
                participant=user_id,
                country=country,
            )
        return True

    async def dismiss(self, organiser: int, country: str, user_id: int) -> bool:
        async with self.db.transaction() as tx:
            if not await tx.focal_points.remove(country, user_id):
                return False

            def render(t: Translator) -> str:
                return t("focal-point-removed-notice", country=t.plain(f"country-{country}"))

            await self.notices.queue(tx.outbox, user_id, "focal_point", render)
            await tx.audit.record(
                organiser,
                AuditAction.FOCAL_POINT_REMOVED,
                "focal_point",
                None,
                participant=user_id,
                country=country,
            )
        return True

    # --- focal points -------------------------------------------------------------------

    async def countries_of(self, user_id: int) -> list[str]:
        return await self.repos.focal_points.countries_of(user_id)

    async def open_courses(self, focal_point: int) -> list[Course]:
        """Nomination courses still taking nominations (for a focal point only)."""
        if not await self.countries_of(focal_point):
            raise NotAllowed()
        now = self.clock()
        return [
            course
            for course in await self.repos.courses.published_upcoming(now)
            if course.signup_mode == SignupMode.NOMINATION and course.registration_open(now)
        ]

    async def nominees(self, focal_point: int, course_id: int) -> list[Participant]:
        """The focal point's countries' officers on the course, with their status (only on a
        nomination course: a forged button naming another course reveals nobody)."""
        countries = await self._countries(focal_point)
        course = await self.repos.courses.get(course_id)
        if course is None or not _takes_nominations(course):
            raise NotAllowed()
        people: list[Participant] = []
        for country in countries:
            people += await self.repos.registrations.participants(course_id, country)
        return people

    async def country_seats(self, focal_point: int, course: Course, country: str) -> CountrySeats:
        """How many of the course's seats the country holds, of its quota, and its reserve."""
        if country not in await self._countries(focal_point) or not _takes_nominations(course):
            raise NotAllowed()
        counts = (await self.repos.registrations.by_country(course.id)).get(country)
        used = counts.confirmed + counts.nominated if counts else 0
        quota = Quotas.from_json(course.quotas).limit(country) if course.quotas else None
        return CountrySeats(country, used, quota, counts.reserve if counts else 0)

    async def officers(self, focal_point: int, country: str) -> list[User]:
        """Officers of the country with a profile: whom the focal point may nominate."""
        if country not in await self._countries(focal_point):
            raise NotAllowed()
        return await self.repos.users.with_profile_in(country)

    async def nominate(self, focal_point: int, course_id: int, officer_id: int) -> Nomination:
        now = self.clock()
        async with self.db.transaction() as tx:
            officer = await tx.users.get(officer_id)
            countries = await tx.focal_points.countries_of(focal_point)
            # Another country's officer, or someone without a profile: nothing is revealed.
            if officer is None or officer.consent_at is None or officer.country not in countries:
                raise NotAllowed()
            course = await self._nomination_course(tx, course_id)
            existing = await tx.registrations.get(course_id, officer_id)
            if existing is not None and existing.active:
                raise AlreadyPlaced(status=existing.status.value)
            why = await room_for(tx, course, officer.country, now)
            status = RegStatus.NOMINATED if why == Room.FREE else waiting_status(course, why)
            placed = await tx.registrations.place(
                course_id, officer_id, status, now, officer.country, nominated_by=focal_point
            )
            if placed is None:
                raise AlreadyPlaced(status="")
            position = await tx.registrations.position(placed)
            await self._tell_nominee(tx, course, placed, officer, focal_point, position)
            await tx.audit.record(
                focal_point,
                AuditAction.NOMINATED,
                "course",
                course_id,
                participant=officer_id,
                status=status.value,
            )
        return Nomination(course, placed, officer, position)

    async def withdraw(self, focal_point: int, course_id: int, officer_id: int) -> Registration:
        """The focal point takes a nominee of their country back; the seat goes on."""
        now = self.clock()
        async with self.db.transaction() as tx:
            countries = await tx.focal_points.countries_of(focal_point)
            current = await tx.registrations.get(course_id, officer_id)
            course = await tx.courses.get(course_id)
            # Only a nomination of their own country, on a nomination course that has not
            # started: an officer's own sign-up or a finished course's records stay as they are.
            if (
                current is None
                or not current.active
                or current.nominated_by is None
                or current.country not in countries
                or course is None
                or course.signup_mode != SignupMode.NOMINATION
                or course.status != CourseStatus.PUBLISHED
                or course.starts_at <= now
            ):
                raise NotAllowed()
            await tx.registrations.move(
                course_id, officer_id, RegStatus.CANCELLED, now, only_from=(current.status,)
            )

            def render(t: Translator) -> str:
                return t("nomination-withdrawn-notice", title=course.title(t.locale))

            await self.notices.queue(tx.outbox, officer_id, "nomination_withdrawn", render)
            if current.holds_seat:
                await self.signups.fill_seats(tx, course_id)
            await tx.audit.record(
                focal_point,
                AuditAction.NOMINATION_WITHDRAWN,
                "course",
                course_id,
                participant=officer_id,
            )
        return current

    async def invite(self, focal_point: int, course_id: int, country: str) -> Invite:
        """The focal point's invitation link for their country's officers."""
        if country not in await self._countries(focal_point):
            raise NotAllowed()
        async with self.db.transaction() as tx:
            await self._nomination_course(tx, course_id)
            return await tx.focal_points.invite(course_id, focal_point, country)

    # --- officers -----------------------------------------------------------------------

    async def invitation(self, token: str, officer_id: int) -> tuple[Course, Invite, User | None]:
        """What an officer opening an invitation link is shown: the course, and the focal
        point who invites them."""
        invite = await self.repos.focal_points.invite_by_token(token)
        if invite is None:
            raise CourseNotFound()
        officer = await self.repos.users.get(officer_id)
        if officer is not None and officer.country and officer.country != invite.country:
            raise InviteForAnotherCountry(country=CountryName(invite.country))
        course = await self.signups.visible_course(invite.course_id)
        inviter = await self.repos.users.get(invite.focal_point_id)
        return course, invite, inviter

    async def accept_invitation(self, token: str, officer_id: int) -> Nomination:
        """The officer takes up the invitation: opening it and pressing "I will attend" is
        their answer, so the seat is confirmed at once (or they go to the reserve list)."""
        now = self.clock()
        async with self.db.transaction() as tx:
            invite = await tx.focal_points.invite_by_token(token)
            if invite is None:
                raise CourseNotFound()
            officer = await tx.users.get(officer_id)
            if officer is None or officer.consent_at is None:
                raise ProfileMissing()
            if officer.country != invite.country:
                raise InviteForAnotherCountry(country=CountryName(invite.country))
            course = await self._nomination_course(tx, invite.course_id)
            existing = await tx.registrations.get(course.id, officer_id)
            if existing is not None and existing.active:
                raise AlreadyPlaced(status=existing.status.value)
            why = await room_for(tx, course, officer.country, now)
            status = RegStatus.CONFIRMED if why == Room.FREE else waiting_status(course, why)
            placed = await tx.registrations.place(
                course.id, officer_id, status, now, officer.country, invite.focal_point_id
            )
            if placed is None:
                raise AlreadyPlaced(status="")
            position = await tx.registrations.position(placed)
            await self._tell_focal_point(tx, course, placed, officer, "nomination-accepted-notice")
            await tx.audit.record(
                invite.focal_point_id,
                AuditAction.NOMINATED,
                "course",
                course.id,
                participant=officer_id,
                status=status.value,
                invitation=True,
            )
        return Nomination(course, placed, officer, position)

    async def answer(self, officer_id: int, course_id: int, attend: bool) -> Registration:
        """The nominee's answer: "I will attend" makes the held seat theirs (the handler sends
        the calendar file); "I can't" gives it to the next on the country's reserve list."""
        now = self.clock()
        async with self.db.transaction() as tx:
            course = await tx.courses.get(course_id)
            if course is None or course.status != CourseStatus.PUBLISHED:
                raise NothingToAnswer()
            target = RegStatus.CONFIRMED if attend else RegStatus.DECLINED
            before = await tx.registrations.move(
                course_id, officer_id, target, now, only_from=(RegStatus.NOMINATED.value,)
            )
            if before is None:
                raise NothingToAnswer()
            officer = await tx.users.get(officer_id)
            after = await tx.registrations.get(course_id, officer_id)
            assert after is not None
            if officer is not None:
                key = "nomination-accepted-notice" if attend else "nomination-declined-notice"
                await self._tell_focal_point(tx, course, after, officer, key)
            if not attend:
                await self.signups.fill_seats(tx, course_id)
        return after

    async def lapse_unanswered(self) -> int:
        """Nominations not answered within the answer window lapse: the officer and their
        focal point are told, and the seat goes to the next officer waiting. Run by a timer;
        returns how many lapsed."""
        now = self.clock()
        lapsed = 0
        for held in await self.repos.registrations.unanswered_nominations(
            now - ANSWER_WINDOW, now
        ):
            async with self.db.transaction() as tx:
                before = await tx.registrations.move(
                    held.course_id,
                    held.user_id,
                    RegStatus.CANCELLED,
                    now,
                    only_from=(RegStatus.NOMINATED.value,),
                )
                course = await tx.courses.get(held.course_id)
                if before is None or course is None:
                    continue  # answered in the meantime
                after = await tx.registrations.get(held.course_id, held.user_id)
                officer = await tx.users.get(held.user_id)
                assert after is not None

                def render(t: Translator, course: Course = course) -> str:
                    return t("nomination-lapsed-notice", title=course.title(t.locale))

                await self.notices.queue(tx.outbox, held.user_id, "nomination_lapsed", render)
                if officer is not None:
                    await self._tell_focal_point(
                        tx, course, after, officer, "nomination-lapsed-focal-point-notice"
                    )
                await self.signups.fill_seats(tx, course.id)
                await tx.audit.record(
                    SYSTEM_ACTOR,
                    AuditAction.NOMINATION_LAPSED,
                    "course",
                    course.id,
                    participant=held.user_id,
                )
            lapsed += 1
        return lapsed

    async def ask_focal_point(self, officer_id: int, course_id: int) -> list[FocalPoint]:
        """The officer asks their country's focal points to nominate them; returns whom."""
        course = await self.signups.visible_course(course_id)
        officer = await self.repos.users.get(officer_id)
        if officer is None or officer.consent_at is None or not officer.country:
            raise ProfileMissing()
        if course.signup_mode != SignupMode.NOMINATION or not course.registration_open(
            self.clock()
        ):
            raise RegistrationClosed()
        existing = await self.repos.registrations.get(course_id, officer_id)
        if existing is not None and existing.active:
            raise AlreadyPlaced(status=existing.status.value)
        focal_points = await self.repos.focal_points.of_country(officer.country)
        if not focal_points:
            raise NoFocalPoint()
        since = existing.updated_at if existing is not None else None
        if await self.repos.outbox.asked_to_nominate(course_id, officer_id, since):
            raise AlreadyAsked()  # once is enough: a second press would flood them
        async with self.db.transaction() as tx:
            for focal_point in focal_points:

                def render(t: Translator) -> str:
                    return t(
                        "nomination-asked-notice",
                        title=course.title(t.locale),
                        person=person_line(officer, t),
                    )

                await self.notices.queue(
                    tx.outbox,
                    focal_point.user_id,
                    "nomination_asked",
                    render,
                    buttons={"kind": "nominate", "course_id": course_id, "officer_id": officer_id},
                    about=[officer_id],
                )
        return focal_points

    async def contacts(self, country: str | None) -> list[FocalPoint]:
        """Whom an officer of `country` asks to be nominated (empty: nobody yet)."""
        return await self.repos.focal_points.of_country(country)

    async def organisers(self, course: Course) -> list[User]:
        """Whom an officer of a country without a focal point contacts: the organisers with
        a profile, else the course's creator if they have one."""
        people = [await self.repos.users.get(uid) for uid in sorted(self.signups.organisers)]
        named = [p for p in people if p is not None and p.has_consented and p.full_name]
        if named or course.created_by is None:
            return named
        creator = await self.repos.users.get(course.created_by)
        return [creator] if creator is not None and creator.full_name else []

    # --- shared -------------------------------------------------------------------------

    async def _countries(self, focal_point: int) -> list[str]:
        countries = await self.countries_of(focal_point)
        if not countries:
            raise NotAllowed()
        return countries

    async def _nomination_course(self, tx: Transaction, course_id: int) -> Course:
        course = await tx.courses.get(course_id)
        if course is None or course.status == CourseStatus.DRAFT:
            raise CourseNotFound()
        if course.signup_mode != SignupMode.NOMINATION or not course.registration_open(
            self.clock()
        ):
            raise RegistrationClosed()
        return course

    async def _tell_nominee(
        self,
        tx: Transaction,
        course: Course,
        placed: Registration,
        officer: User,
        focal_point: int,
        position: int | None,
    ) -> None:
        nominator = await tx.users.get(focal_point)
        name = nominator.full_name if nominator else None
        key = {
            RegStatus.NOMINATED: "nomination-notice",
            RegStatus.RESERVE: "nomination-reserve-notice",
        }.get(placed.status, "nomination-waitlist-notice")
        held = placed.status == RegStatus.NOMINATED

        def render(t: Translator) -> str:
            country = t.plain(f"country-{officer.country}")
            by = (
                t("nomination-by", name=name, country=country)
                if name
                else t("nomination-by-unnamed", country=country)
            )
            text = t(
                key,
                title=course.title(t.locale),
                when=course_texts.when(course, t, officer.timezone),
                by=by,
                country=country,
                position=str(position or ""),
            )
            if held:
                since = from_db(placed.updated_at)
                text += "\n" + answer_by_line(course, since, officer.timezone, t)
            return text

        await self.notices.queue(
            tx.outbox,
            officer.id,
            "nominated" if held else "nominated_waiting",
            render,
            buttons={"kind": "nominee", "course_id": course.id} if held else None,
            about=[focal_point],
        )

    async def _tell_focal_point(
        self, tx: Transaction, course: Course, placed: Registration, officer: User, key: str
    ) -> None:
        """The focal point who nominated the officer hears of their answer, while they are
        still the country's focal point (a dismissed one is told nothing more)."""
        if placed.nominated_by is None:
            return
        if placed.country not in await tx.focal_points.countries_of(placed.nominated_by):
            return

        def render(t: Translator) -> str:
            return t(
                key,
                title=course.title(t.locale),
                person=person_line(officer, t),
                status=placed.status.value,
            )

        await self.notices.queue(
            tx.outbox, placed.nominated_by, "nomination_answer", render, about=[officer.id]
        )


def _takes_nominations(course: Course) -> bool:
    """A nomination course a focal point may look at (a draft is nobody's business yet)."""
    return course.signup_mode == SignupMode.NOMINATION and course.status != CourseStatus.DRAFT
