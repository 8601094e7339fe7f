"""Course materials: files an organiser attaches to a course, shown on its card, sent on
request, with the reminder, and after the course to its participants.

Files are kept as Telegram file_ids and re-sent by them. A file goes to a person through the
outbox at most once: the delivery record and the outbox row are written in one transaction,
and a second press (or a later reminder) finds the record and queues nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.clock import Clock
from bot.errors import CourseNotFound, DomainError, InvalidInput
from bot.i18n import Translator
from bot.services.notices import Notices
from bot.services.profiles import clean_text
from bot.ui import materials as material_texts
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus
from storage.database import Database, Transaction
from storage.materials import Material, MaterialTiming, NewFile
from storage.outbox import PRIORITY_BULK, PRIORITY_PERSONAL
from storage.registrations import Registration, RegStatus
from storage.repositories import Repositories
from storage.sql import to_db

# A second tap on a file within this time is a double tap (or impatience on a slow phone),
# not a request for another copy.
REQUEST_AGAIN_AFTER = timedelta(seconds=30)


class MaterialGone(DomainError, key="error-material-gone"):
    """The file was removed (by another organiser, or a press under an old list)."""


class JustSent(DomainError, key="material-just-sent"):
    """The file went to this person a moment ago (a double tap): not sent twice."""


class NothingToSend(DomainError, key="error-materials-not-yet"):
    """The course has not ended, or has no files for after it."""


class Audience(StrEnum):
    ATTENDEES = "att"  # marked present
    CONFIRMED = "all"  # every confirmed participant


@dataclass(frozen=True)
class SendPlan:
    """What "Send materials" does for an audience: `people` of it still lack some of the
    `files` (they are sent what they lack), `already` have them all."""

    course: Course
    audience: Audience
    files: list[Material]
    people: int
    already: int


def has_ended(course: Course, now: datetime) -> bool:
    """A course that took place and is over (a cancelled one never took place)."""
    held = course.status in (CourseStatus.PUBLISHED, CourseStatus.FINISHED)
    return held and course.ends_at <= now


def _confirmed(registration: Registration | None) -> bool:
    return registration is not None and registration.status == RegStatus.CONFIRMED


async def on_card(
    repos: Repositories, course: Course, registration: Registration | None, now: datetime
) -> list[Material]:
    """The files a participant's card offers: those for before the course to everyone who
    sees the card; those for after it, once it has ended, to the people confirmed on it."""
    files = await repos.materials.of_course(course.id)
    after = has_ended(course, now) and _confirmed(registration)
    return [m for m in files if m.timing == MaterialTiming.BEFORE or after]


async def queue_files(
    tx: Transaction,
    notices: Notices,
    course: Course,
    files: Sequence[Material],
    user_ids: Sequence[int],
    priority: int = PRIORITY_PERSONAL,
) -> Counter[int]:
    """Queue each file to each person it has not gone to before, captioned in their language;
    returns how many files each person was queued."""
    queued: Counter[int] = Counter()
    for material in files:
        fresh = await tx.materials.record_deliveries(material.id, user_ids)
        if not fresh:
            continue

        def render(t: Translator, material: Material = material) -> str:
            return material_texts.caption(material, course, t)

        payload = notices.payload(render)
        payload["media"] = {"type": material.kind.value, "file_id": material.file_id}
        payload["material_id"] = material.id  # the organisers' list counts refusals by it
        for user_id in fresh:
            await tx.outbox.add(user_id, "material", payload, priority)
            queued[user_id] += 1
    return queued


async def reminder_files(
    tx: Transaction, notices: Notices, course: Course, user_ids: Sequence[int]
) -> int:
    """With a reminder: the files marked "with the reminder" to those confirmed who have not
    had them (someone who signed up after the first reminder gets them with the next one)."""
    files = [
        m
        for m in await tx.materials.of_course(course.id, MaterialTiming.BEFORE)
        if m.with_reminder
    ]
    if not files:
        return 0
    return sum((await queue_files(tx, notices, course, files, user_ids)).values())


class MaterialService:
    def __init__(self, db: Database, notices: Notices, clock: Clock) -> None:
        self.db = db
        self.repos = db.repos
        self.notices = notices
        self.clock = clock

    async def _course(self, course_id: int, repos: Repositories | None = None) -> Course:
        course = await (repos or self.repos).courses.get(course_id)
        if course is None:
            raise CourseNotFound()
        return course

    # -- the organiser's side ------------------------------------------------------------------

    async def of_course(self, course_id: int) -> tuple[Course, list[Material]]:
        course = await self._course(course_id)
        return course, await self.repos.materials.of_course(course_id)

    async def refused(self, course_id: int) -> dict[int, int]:
        """Per file, to how many people Telegram refused to send it."""
        return await self.repos.materials.refused(course_id)

    async def get(self, course_id: int, material_id: int) -> tuple[Course, Material]:
        course = await self._course(course_id)
        material = await self.repos.materials.get(material_id)
        if material is None or material.course_id != course_id:
            raise MaterialGone()
        return course, material

    async def add(
        self, course_id: int, file: NewFile, title: str, timing: MaterialTiming, actor: int
    ) -> Material:
        title = clean_text(title)
        if not title:
            raise InvalidInput("error-material-title-empty")
        if len(title) > material_texts.TITLE_LIMIT:
            raise InvalidInput("error-material-title-too-long", limit=material_texts.TITLE_LIMIT)
        async with self.db.transaction() as tx:
            await self._course(course_id, tx)
            material = await tx.materials.add(course_id, file, title, timing, actor)
            await tx.audit.record(
                actor, AuditAction.MATERIAL_ADDED, "course", course_id, material=material.id
            )
        return material

    async def remove(self, course_id: int, material_id: int, actor: int) -> Material:
        async with self.db.transaction() as tx:
            await self._course(course_id, tx)
            removed = await tx.materials.remove(course_id, material_id)
            if removed is None:
                raise MaterialGone()
            # Removed by mistake right after Send: the copies still waiting stay unsent.
            await tx.outbox.cancel_material(material_id)
            await tx.audit.record(
                actor, AuditAction.MATERIAL_REMOVED, "course", course_id, material=material_id
            )
        return removed

    async def toggle_reminder(self, course_id: int, material_id: int) -> bool:
        """Flip "with the reminder"; the new value."""
        await self._course(course_id)
        value = await self.repos.materials.toggle_reminder(course_id, material_id)
        if value is None:
            raise MaterialGone()
        return value

    async def sendable(self, course: Course) -> bool:
        """Whether "Send materials to participants" applies: the course has ended and has
        files for after it."""
        if not has_ended(course, self.clock()):
            return False
        return bool(await self.repos.materials.of_course(course.id, MaterialTiming.AFTER))

    async def audience_sizes(self, course_id: int) -> tuple[Course, dict[Audience, int]]:
        course = await self._sendable_course(course_id, self.repos)
        sizes = {a: len(await self._audience(self.repos, course_id, a)) for a in Audience}
        return course, sizes

    async def plan(self, course_id: int, audience: Audience) -> SendPlan:
        return await self._plan(self.repos, course_id, audience)

    async def send(self, course_id: int, audience: Audience, actor: int) -> SendPlan:
        """Queue the files for after the course to the audience, each to each person once;
        the plan as it was (people: how many were queued something)."""
        async with self.db.transaction() as tx:
            plan = await self._plan(tx, course_id, audience)
            people = await self._audience(tx, course_id, audience)
            queued = await queue_files(
                tx, self.notices, plan.course, plan.files, people, PRIORITY_BULK
            )
            await tx.audit.record(
                actor,
                AuditAction.MATERIALS_SENT,
                "course",
                course_id,
                notified=len(queued),
                already=plan.already,
                files=len(plan.files),
                audience=audience.value,
            )
        return plan

    async def _sendable_course(self, course_id: int, repos: Repositories) -> Course:
        course = await self._course(course_id, repos)
        if not has_ended(course, self.clock()):
            raise NothingToSend()
        return course

    async def _plan(self, repos: Repositories, course_id: int, audience: Audience) -> SendPlan:
        course = await self._sendable_course(course_id, repos)
        files = await repos.materials.of_course(course_id, MaterialTiming.AFTER)
        if not files:
            raise NothingToSend()
        people = await self._audience(repos, course_id, audience)
        missing = await repos.materials.missing([m.id for m in files], people)
        lacking = sum(1 for user_id in people if missing[user_id])
        return SendPlan(course, audience, files, lacking, len(people) - lacking)

    @staticmethod
    async def _audience(repos: Repositories, course_id: int, audience: Audience) -> list[int]:
        attended_only = audience == Audience.ATTENDEES
        return await repos.registrations.confirmed_ids(course_id, attended_only)

    # -- the participant's side ----------------------------------------------------------------

    async def open(self, material_id: int, user_id: int) -> tuple[Course, Material]:
        """A file a participant asked for from the card, if the card offers it to them (the
        button's data may be forged or stale: anything else is "not found"); noted as
        received, so that sending the files later does not send it again; the same file again
        within REQUEST_AGAIN_AFTER is a double tap (JustSent)."""
        material = await self.repos.materials.get(material_id)
        if material is None:
            raise MaterialGone()
        course = await self.repos.courses.get(material.course_id)
        if course is None or course.status == CourseStatus.DRAFT:
            raise MaterialGone()
        registration = await self.repos.registrations.get(course.id, user_id)
        now = self.clock()
        if material not in await on_card(self.repos, course, registration, now):
            raise MaterialGone()
        since = to_db(now - REQUEST_AGAIN_AFTER)
        if not await self.repos.materials.claim_request(material.id, user_id, to_db(now), since):
            raise JustSent(title=material.title)
        return course, material

    async def not_received(self, material: Material, user_id: int) -> None:
        """Telegram refused to send the file they asked for: not noted as received."""
        await self.repos.materials.unrecord(material.id, user_id)

    async def visible(self, course_id: int, user_id: int) -> tuple[Course, list[Material]]:
        """Every file the participant's card offers (the "All materials" list)."""
        course = await self._course(course_id)
        if course.status == CourseStatus.DRAFT:
            raise CourseNotFound()
        registration = await self.repos.registrations.get(course_id, user_id)
        return course, await on_card(self.repos, course, registration, self.clock())
