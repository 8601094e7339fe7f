"""Certificates of attendance: who qualifies, issuing them (each PDF goes out through the
outbox), the Latin name they need, reissue after a name correction, revoke, and /verify."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from bot.clock import Clock
from bot.config import Locale
from bot.errors import CourseNotFound, InvalidInput, NotAllowed
from bot.i18n import Translator, pick_locale
from bot.services import certificate_codes as codes
from bot.services.attendance_days import Eligibility, eligibility
from bot.services.notices import Notices
from bot.services.profiles import clean_text
from storage.audit import AuditAction
from storage.certificates import Certificate
from storage.courses import Course, CourseStatus
from storage.database import Database, Transaction
from storage.registrations import Participant, RegStatus
from storage.users import User

LATIN_NAME_MAX = 100
# Apostrophes and hyphens in names (O'Neill, Jean-Luc); dots for initials.
_NAME_MARKS = frozenset(" '’-.")
# The notice asking for the Latin name carries this button kind (bot/ui/notice_buttons.py).
LATIN_NAME_BUTTON = {"kind": "latin_name"}


def is_latin_name(text: str) -> bool:
    """Letters of the Latin script (any accents: Ə, Ş, Ž), spaces, hyphens, apostrophes."""
    letters = [ch for ch in text if ch not in _NAME_MARKS]
    return bool(letters) and all(
        ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in letters
    )


def certificate_locales(course: Course, user: User, default_locale: Locale) -> str:
    """The languages of the person's page: both for a bilingual course, else theirs."""
    if course.certificate_language == "bilingual":
        return "en ru"
    return pick_locale(user.language, user.telegram_language, default_locale)


def needs_latin_name(locales: str, user: User) -> bool:
    return "en" in locales.split() and not user.latin_name


@dataclass(frozen=True)
class Candidate:
    """A confirmed participant present on at least one day, with the course's rule applied."""

    person: Participant
    attendance: Eligibility
    holds_certificate: bool


@dataclass(frozen=True)
class IssuePreview:
    course: Course
    candidates: list[Candidate]

    @property
    def eligible(self) -> list[Candidate]:
        return [c for c in self.candidates if c.attendance.eligible]

    @property
    def not_eligible(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.attendance.eligible]

    @property
    def to_issue(self) -> list[Candidate]:
        return [c for c in self.eligible if not c.holds_certificate]

    @property
    def issued(self) -> int:
        return sum(c.holds_certificate for c in self.candidates)


@dataclass(frozen=True)
class Issued:
    """A certificate as the organiser's list shows it."""

    certificate: Certificate
    holder: str  # the name as printed, or as the profile has it
    reachable: bool  # False: the holder blocked the bot, so its file did not reach them


class Standing(StrEnum):
    GENUINE = "genuine"
    REVOKED = "revoked"
    ERASED = "erased"  # the holder deleted their data


@dataclass(frozen=True)
class Verification:
    certificate: Certificate
    course: Course
    superseded: int  # earlier issues (a reissue)

    @property
    def standing(self) -> Standing:
        if self.certificate.revoked_at is not None:
            return Standing.REVOKED
        if self.certificate.user_id is None:
            return Standing.ERASED
        return Standing.GENUINE


class CertificateService:
    def __init__(
        self, db: Database, notices: Notices, clock: Clock, default_locale: Locale = "en"
    ) -> None:
        self.db = db
        self.repos = db.repos
        self.notices = notices
        self.clock = clock
        self.default_locale = default_locale

    async def course(self, course_id: int) -> Course:
        course = await self.repos.courses.get(course_id)
        if course is None:
            raise CourseNotFound()
        return course

    # -- issuing ---------------------------------------------------------------------------------

    async def preview(self, course_id: int, tx: Transaction | None = None) -> IssuePreview:
        """Who attended and who of them qualifies, and who already holds a certificate."""
        repos = tx or self.repos
        course = await self.course(course_id)
        holders = await repos.certificates.holders(course_id)
        candidates = [
            Candidate(
                person,
                eligibility(course, person.registration),
                person.registration.user_id in holders,
            )
            for person in await repos.registrations.participants(course_id)
            if person.registration.status == RegStatus.CONFIRMED and person.registration.attended
        ]
        return IssuePreview(course, candidates)

    async def issue(self, course_id: int, actor: int) -> int:
        """A certificate for every qualifying attendee who has none yet, each sent through
        the outbox (or, when its English page needs the Latin name, after they give it);
        returns how many were issued. A second press issues only the new ones."""
        async with self.db.transaction() as tx:
            preview = await self.preview(course_id, tx)
            if preview.course.status == CourseStatus.CANCELLED:
                raise InvalidInput("certificate-error-course-cancelled")
            issued = 0
            for candidate in preview.to_issue:
                user = await tx.users.get(candidate.person.registration.user_id)
                if user is not None and await self._issue_one(tx, preview.course, user):
                    issued += 1
            await tx.audit.record(
                actor, AuditAction.CERTIFICATES_ISSUED, "course", course_id, count=issued
            )
        return issued

    async def _issue_one(self, tx: Transaction, course: Course, user: User) -> bool:
        locales = certificate_locales(course, user, self.default_locale)
        waiting = needs_latin_name(locales, user)
        already_asked = bool(await tx.certificates.waiting_for_name(user.id))
        names = (user.latin_name, user.full_name)
        for _ in range(5):  # a code already taken (1 in 2**60) is drawn again
            code = codes.new_code()
            if await tx.certificates.by_code(code) is None:
                break
        certificate = await tx.certificates.add(
            code, course.id, user.id, locales, names, sent=not waiting
        )
        if certificate is None:
            return False  # a double press: issued by the first one
        if not waiting:
            await self._queue_file(tx, certificate, course, "certificate-sent")
        elif not already_asked:
            # Asked once, however many certificates wait for the name.
            await self._ask_latin_name(tx, user.id, course)
        return True

    async def _ask_latin_name(self, tx: Transaction, user_id: int, course: Course) -> None:
        await self.notices.queue(
            tx.outbox,
            user_id,
            "certificate_latin_name",
            lambda t: t("certificate-latin-name-needed", title=course.title(t.locale)),
            buttons=LATIN_NAME_BUTTON,
        )

    async def remind_latin_name(self, course_id: int, certificate_id: int | None = None) -> int:
        """Ask again everyone whose certificate of the course (or that one certificate) still
        waits for their name in Latin letters (an organiser's reminder); returns how many
        were asked."""
        async with self.db.transaction() as tx:
            course = await tx.courses.get(course_id)
            if course is None:
                raise CourseNotFound()
            waiting = [
                c.user_id
                for c in await tx.certificates.of_course(course_id)
                if c.valid
                and c.sent_at is None
                and c.user_id is not None
                and certificate_id in (None, c.id)
            ]
            for user_id in waiting:
                await self._ask_latin_name(tx, user_id, course)
        return len(waiting)

    async def _queue_file(
        self, tx: Transaction, certificate: Certificate, course: Course, key: str
    ) -> None:
        """The PDF to its holder, made when sent (in their language, CertificateFiles)."""
        assert certificate.user_id is not None

        def caption(t: Translator) -> str:
            return t(key, title=course.title(t.locale), code=codes.display(certificate.code))

        payload = self.notices.payload(caption)
        payload["generated"] = {"kind": "certificate", "ref": certificate.id}
        await tx.outbox.add(certificate.user_id, "certificate", payload)

    # -- the Latin name --------------------------------------------------------------------------

    async def give_latin_name(self, user_id: int, text: str | None) -> int:
        """Store the name in Latin letters and send the certificates that waited for it;
        returns how many were sent."""
        name = clean_latin_name(text)
        async with self.db.transaction() as tx:
            await tx.users.set_latin_name(user_id, name)
            return await self._send_waiting(tx, user_id)

    async def send_waiting(self, user_id: int) -> int:
        """Certificates that waited for the Latin name, now that the profile has it."""
        async with self.db.transaction() as tx:
            return await self._send_waiting(tx, user_id)

    async def _send_waiting(self, tx: Transaction, user_id: int) -> int:
        user = await tx.users.get(user_id)
        if user is None or not user.latin_name:
            return 0
        sent = 0
        for certificate in await tx.certificates.waiting_for_name(user_id):
            course = await tx.courses.get(certificate.course_id)
            if course is None:
                continue
            await tx.certificates.mark_sent(certificate.id, (user.latin_name, user.full_name))
            await self._queue_file(tx, certificate, course, "certificate-sent")
            sent += 1
        return sent

    # -- the holder's own --------------------------------------------------------------------

    async def mine(self, user_id: int) -> list[tuple[Certificate, Course]]:
        shown = []
        for certificate in await self.repos.certificates.of_user(user_id):
            course = await self.repos.courses.get(certificate.course_id)
            if course is not None:
                shown.append((certificate, course))
        return shown

    async def own(self, user_id: int, certificate_id: int) -> Certificate:
        """The holder's certificate that may be sent again; refused for anyone else's (a
        forged button), a revoked one or one waiting for the name."""
        certificate = await self.repos.certificates.get(certificate_id)
        if certificate is None or certificate.user_id != user_id:
            raise NotAllowed()
        if certificate.revoked_at is not None:
            raise InvalidInput("certificate-error-revoked")
        if certificate.sent_at is None:
            raise InvalidInput("certificate-error-waiting-for-name")
        return certificate

    # -- organisers: the issued certificates -----------------------------------------------

    async def of_course(self, course_id: int) -> tuple[Course, list[Issued]]:
        """The course's certificates, each with the holder's name as an organiser knows it
        and whether the bot can still reach them."""
        course = await self.course(course_id)
        listed = []
        for certificate in await self.repos.certificates.of_course(course_id):
            user = None
            if certificate.user_id is not None:
                user = await self.repos.users.get(certificate.user_id)
            holder = certificate.name_ru or certificate.name_en or (user and user.full_name)
            listed.append(Issued(certificate, holder or "—", user is None or user.is_active))
        return course, listed

    async def of_course_one(self, course_id: int, certificate_id: int) -> Certificate:
        """One certificate of the course (a button's ids are checked against each other)."""
        certificate = await self.repos.certificates.get(certificate_id)
        if certificate is None or certificate.course_id != course_id:
            raise NotAllowed()
        return certificate

    async def reissue(self, course_id: int, certificate_id: int, actor: int) -> Certificate:
        """The same code with the holder's names as the profile has them now (a name
        corrected), version + 1; the new PDF goes to the holder, the old issue is superseded."""
        async with self.db.transaction() as tx:
            certificate = await tx.certificates.get(certificate_id)
            if certificate is None or certificate.course_id != course_id:
                raise NotAllowed()
            if not certificate.valid:
                raise InvalidInput("certificate-error-not-valid")
            user = await tx.users.get(certificate.user_id or 0)
            course = await tx.courses.get(course_id)
            if user is None or course is None:
                raise NotAllowed()
            if needs_latin_name(certificate.locales, user):
                raise InvalidInput("certificate-error-no-latin-name")
            names = (user.latin_name, user.full_name)
            if certificate.sent_at is None or names == (certificate.name_en, certificate.name_ru):
                # Nothing to correct (or not sent yet): a tap must not make an "Issue 2" of
                # the same page and send it again.
                raise InvalidInput("certificate-error-name-unchanged")
            renewed = await tx.certificates.reissue(certificate, names)
            await self._queue_file(tx, renewed, course, "certificate-reissued")
            await tx.audit.record(
                actor,
                AuditAction.CERTIFICATE_REISSUED,
                "course",
                course_id,
                participant=user.id,
                version=renewed.version,
            )
        return renewed

    async def revoke(self, course_id: int, certificate_id: int, actor: int) -> Certificate:
        """Revoked for good: /verify says so, the file is no longer sent, the holder is told."""
        async with self.db.transaction() as tx:
            certificate = await tx.certificates.get(certificate_id)
            if certificate is None or certificate.course_id != course_id:
                raise NotAllowed()
            course = await tx.courses.get(course_id)
            if course is None or not await tx.certificates.revoke(certificate_id):
                raise InvalidInput("certificate-error-not-valid")  # revoked by a double tap
            if certificate.user_id is not None:
                await self.notices.queue(
                    tx.outbox,
                    certificate.user_id,
                    "certificate_revoked",
                    lambda t: t(
                        "certificate-revoked-notice",
                        title=course.title(t.locale),
                        code=codes.display(certificate.code),
                    ),
                )
            await tx.audit.record(
                actor,
                AuditAction.CERTIFICATE_REVOKED,
                "course",
                course_id,
                participant=certificate.user_id,
            )
            revoked = await tx.certificates.get(certificate_id)
        assert revoked is not None
        return revoked

    # -- /verify ---------------------------------------------------------------------------

    async def verify(self, text: str | None) -> Verification | None:
        """What a code says about its certificate; None for a code no certificate has (or
        text that cannot be a code)."""
        code = codes.normalize(text or "")
        if code is None:
            return None
        certificate = await self.repos.certificates.by_code(code)
        if certificate is None:
            return None
        course = await self.repos.courses.get(certificate.course_id)
        if course is None:
            return None
        superseded = await self.repos.certificates.superseded(certificate.id)
        return Verification(certificate, course, superseded)


def clean_latin_name(text: str | None) -> str:
    """The Latin name as typed, tidied; InvalidInput when it is not one."""
    name = clean_text(text)
    if not name or len(name) > LATIN_NAME_MAX:
        raise InvalidInput("certificate-error-latin-name-length", max=LATIN_NAME_MAX)
    if not is_latin_name(name):
        raise InvalidInput("certificate-error-latin-name-letters")
    return name
