"""Courses as organisers run them: create, edit, publish, cancel; participants are told about
changes of time or place and about cancellations through the outbox."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.clock import Clock
from bot.errors import CourseNotFound, DomainError, FieldLabels, InvalidInput, NotFound
from bot.i18n import Translator
from bot.services import course_dialog as dialog
from bot.services import course_fields as fields
from bot.services.attendance_days import course_days, present_on
from bot.services.course_fields import FieldProblem, Times
from bot.services.exports import export_filename, participants_csv, participants_xlsx
from bot.services.notices import Notices, Render
from bot.services.paging import fetch_page
from bot.services.quotas import CountryUse, Quotas, country_use
from bot.services.signups import SignupService
from bot.ui import course_texts
from bot.ui.course_texts import LinkAccess
from bot.ui.pagination import Page
from storage.audit import AuditAction, AuditLog
from storage.courses import FIELD_NAMES, Course, CourseStatus, SignupMode
from storage.database import Database, Transaction
from storage.registrations import (
    Counts,
    Participant,
    RegStatus,
)
from storage.repositories import Repositories

# What an organiser can edit, as offered on the organiser card: every field they set.
EDITABLE = FIELD_NAMES
# What still matters once a course is over: its certificates (issue 15).
AFTER_THE_COURSE = ("certificate", "certificate_language", "hours")


def editable_fields(course: Course) -> tuple[str, ...]:
    """The fields an organiser may change now: all until the course is over, then only what
    its certificates say; none once it is cancelled."""
    if course.status == CourseStatus.CANCELLED:
        return ()
    if course.status == CourseStatus.FINISHED:
        return AFTER_THE_COURSE
    return EDITABLE


# Fields the listeners' timers depend on besides the times (reminders, the "still coming?"
# question, the quota release, the follow-up survey).
_TIMED_BY_LISTENERS = frozenset(
    {"reminder_offsets", "attendance_check_days", "quotas", "quota_release_at", "followup"}
)
# A notice for one participant: their translator, time zone and whether they may see the link.
ReaderRender = Callable[[Translator, str | None, LinkAccess], str]


async def _record(
    log: AuditLog, actor: int | None, action: AuditAction, course_id: int, **details: Any
) -> None:
    """The audit entry of a change, in the change's transaction (`tx.audit`); None: a change
    the bot made itself (tests and imports), which is not audited."""
    if actor is not None:
        await log.record(actor, action, "course", course_id, **details)


class FieldRejected(DomainError):
    """A value an organiser typed was refused; carries the field's problem."""

    def __init__(self, problem: FieldProblem) -> None:
        super().__init__(problem.key, **problem.values)
        self.problem = problem


class FormRejected(DomainError):
    """The one-message form has problems; every one is listed to the organiser at once."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("course-form-problems", count=len(problems))
        self.problems = problems


class EditsRejected(DomainError):
    """Fields of one save refused (the dashboard's form): `refused` maps each to its refusal
    (a FieldRejected or an InvalidInput, worded as the chat words it); nothing was stored."""

    def __init__(self, refused: dict[str, DomainError]) -> None:
        super().__init__("course-form-problems", count=len(refused))
        self.refused = refused


@dataclass(frozen=True)
class Change:
    course: Course
    notified: int  # participants told about it


@dataclass(frozen=True)
class DialogProgress:
    """After an answer in the creation dialog: the answers so far and the step to ask next,
    or the draft created after the last one."""

    draft: dict[str, Any]
    ask: str | None = None
    course: Course | None = None


@dataclass(frozen=True)
class Roster:
    """A course, its seat counts and everyone who signed up (the organiser's views), with
    each country's use of its quota."""

    course: Course
    counts: Counts
    people: list[Participant]
    countries: list[CountryUse] = field(default_factory=list)
    quotas_released: bool = False


@dataclass(frozen=True)
class CourseSeats:
    """A course as /stats shows it: seats, lists and requests by country."""

    course: Course
    counts: Counts
    countries: list[CountryUse]


@dataclass(frozen=True)
class ExportFile:
    course: Course
    filename: str
    data: bytes
    rows: int


class CourseService:
    def __init__(
        self,
        db: Database,
        signups: SignupService,
        notices: Notices,
        clock: Clock,
        listeners: Iterable[Callable[[Course], None]] = (),
    ) -> None:
        self.db = db
        self.repos = db.repos
        self.signups = signups
        self.notices = notices
        self.clock = clock
        # Told about every published, moved or cancelled course (the reminder timers).
        self.listeners: list[Callable[[Course], None]] = list(listeners)

    def _changed(self, course: Course) -> None:
        for listener in self.listeners:
            listener(course)

    async def get(self, course_id: int, repos: Repositories | None = None) -> Course:
        """The course; `repos`: a transaction's, to check it under the write lock (a double
        tap's second press then sees what the first one did)."""
        course = await (repos or self.repos).courses.get(course_id)
        if course is None:
            raise CourseNotFound()
        return course

    async def create(
        self, values: dict[str, Any], created_by: int | None, **details: Any
    ) -> Course:
        """A draft from already validated values (the form parser or the dialog)."""
        async with self.db.transaction() as tx:
            course = await tx.courses.create(values, created_by)
            await _record(tx.audit, created_by, AuditAction.COURSE_CREATED, course.id, **details)
        return course

    async def create_from_form(
        self, text: str, default_timezone: str, created_by: int | None
    ) -> Course:
        """A draft from the one-message form, or FormRejected with every problem in it."""
        parsed = fields.parse_form(text, self.clock(), default_timezone)
        if parsed.problems:
            raise FormRejected(parsed.problems)
        return await self.create(parsed.values, created_by, form=True)

    async def answer_step(
        self, draft: dict[str, Any], step: str, answer: dialog.Answer, organiser_id: int
    ) -> DialogProgress:
        """Take one answer of the creation dialog; the last one creates the draft."""
        if missing := dialog.first_unanswered(step, draft):
            return DialogProgress(draft, ask=missing)  # an earlier step lacks its answer
        try:
            values = dialog.step_values(step, answer, draft, self.clock())
        except FieldProblem as problem:
            raise FieldRejected(problem) from None
        draft = {**draft, **values}
        if step == "title_ru" and not (draft.get("title_en") or draft.get("title_ru")):
            raise InvalidInput("course-error-need-a-title")
        return await self._after_step(draft, step, organiser_id)

    async def keep_step(
        self, draft: dict[str, Any], step: str, organiser_id: int
    ) -> DialogProgress:
        """ "Keep as it is": the answer given before (the organiser went back) stands, if it
        still fits the answers before it; the dialog goes on."""
        if missing := dialog.first_unanswered(step, draft):
            return DialogProgress(draft, ask=missing)  # an earlier step lacks its answer
        if not dialog.answered(step, draft) or dialog.kept_problem(step, draft, self.clock()):
            raise InvalidInput("error-button-expired")  # the question offered no Keep
        return await self._after_step(draft, step, organiser_id)

    async def _after_step(
        self, draft: dict[str, Any], step: str, organiser_id: int
    ) -> DialogProgress:
        if following := dialog.next_step(step, draft):
            return DialogProgress(draft, ask=following)
        course = await self.create(dialog.stored_values(draft), organiser_id)
        return DialogProgress(draft, course=course)

    async def publish(self, course_id: int, actor: int | None = None) -> Course:
        async with self.db.transaction() as tx:
            course = await self.get(course_id, tx)
            if course.status != CourseStatus.DRAFT:
                raise InvalidInput("course-error-not-draft")
            if course.missing_for_publishing:
                missing = FieldLabels(course.missing_for_publishing)
                raise InvalidInput("course-error-publish-missing", fields=missing)
            if course.starts_at <= self.clock():
                raise InvalidInput("course-error-start-past")
            await tx.courses.set_status(course_id, CourseStatus.PUBLISHED)
            await _record(tx.audit, actor, AuditAction.COURSE_PUBLISHED, course_id)
        published = await self.get(course_id)
        self._changed(published)
        return published

    async def delete_draft(self, course_id: int, actor: int | None = None) -> None:
        async with self.db.transaction() as tx:
            if not await tx.courses.delete_draft(course_id):
                raise InvalidInput("course-error-not-draft")
            await _record(tx.audit, actor, AuditAction.COURSE_DELETED, course_id)

    async def edit(
        self, course_id: int, field: str, answer: dialog.Answer, actor: int | None = None
    ) -> Change:
        """Validate and store one field (typed, or a button's choice such as "No limit");
        participants hear about new times or a new place."""
        # Checked, changed, told and audited together: a second tap sees the first one's result.
        async with self.db.transaction() as tx:
            change, timed = await self._edit_in(tx, course_id, field, answer, actor)
        if timed:
            self._changed(change.course)
        return change

    async def edit_fields(
        self, course_id: int, answers: Mapping[str, dialog.Answer], actor: int | None = None
    ) -> Change:
        """Several fields at once (the dashboard's form): each one exactly as its own edit,
        in the order given, all in one transaction. Any refused: nothing is stored, and
        EditsRejected says what is wrong with each refused field."""
        refused: dict[str, DomainError] = {}
        notified, timed = 0, False
        async with self.db.transaction() as tx:
            change = Change(await self.get(course_id, tx), 0)
            for field, answer in answers.items():
                try:
                    change, timed_now = await self._edit_in(tx, course_id, field, answer, actor)
                except (FieldRejected, InvalidInput) as refusal:
                    refused[field] = refusal  # the next fields are checked without it
                    continue
                # The same participants are told of each field: people told, not notices.
                notified = max(notified, change.notified)
                timed = timed or timed_now
            if refused:
                raise EditsRejected(refused)  # rolls back the fields already stored
        if timed:
            self._changed(change.course)
        return Change(change.course, notified)

    async def _edit_in(
        self,
        tx: Transaction,
        course_id: int,
        field: str,
        answer: dialog.Answer,
        actor: int | None,
    ) -> tuple[Change, bool]:
        """One field's edit in `tx`; True: the listeners' timers need the course again."""
        if field not in EDITABLE:
            raise InvalidInput("error-button-expired")
        course = await self.get(course_id, tx)
        if field not in editable_fields(course):
            raise InvalidInput("course-error-closed-for-edits")
        try:
            known = Times(
                course.timezone,
                course.starts_at,
                course.ends_at,
                course.deadline_at,
                course.quota_release_at,
            )
            if isinstance(answer, dialog.Choice):
                values = dialog.choice_values(field, answer, known)
            else:
                values = fields.field_values(field, answer, known, self.clock())
        except FieldProblem as problem:
            raise FieldRejected(problem) from None
        if "capacity" in values and values["capacity"] is not None:
            # Seats held by nominations waiting for an answer count as taken.
            confirmed = (await tx.registrations.seat_usage(course_id)).held
            if values["capacity"] < confirmed:
                raise InvalidInput("course-error-capacity-below", confirmed=confirmed)
        moved = any(name in values for name in fields.TIME_FIELDS) or field == "place"
        notified = 0
        await tx.courses.update(course_id, values, bump_revision=moved)
        updated = await tx.courses.get(course_id)
        if updated is None:
            raise CourseNotFound()
        if moved:
            # Attendance is kept per day of the course: marks stay on their dates.
            first_day_moved = course_days(updated)[0] - course_days(course)[0]
            await tx.registrations.shift_days(course_id, first_day_moved.days)
        if updated.status == CourseStatus.PUBLISHED:
            if moved and self._visible_change(course, updated, LinkAccess.SHOWN):
                notified = await self._tell_participants(
                    tx,
                    course_id,
                    "course_changed",
                    lambda t, zone, link: _change_text(course, updated, t, zone, link),
                    # A new link alone is news only to those who may see it.
                    waitlisted_too=self._visible_change(course, updated, LinkAccess.AFTER_SEAT),
                )
            if field in ("quotas", "signup_mode") and not updated.quotas:
                # No quotas any more: the reserve lists are one waiting list, in order.
                await tx.registrations.reserve_to_waiting_list(course_id, self.clock())
            if self._may_free_seats(field, updated):
                await self.signups.fill_seats(tx, course_id)
        await _record(tx.audit, actor, AuditAction.COURSE_EDITED, course_id, field=field)
        timed = updated.status == CourseStatus.PUBLISHED and (
            moved or field in _TIMED_BY_LISTENERS
        )
        return Change(updated, notified), timed

    def _may_free_seats(self, field: str, updated: Course) -> bool:
        """More seats, other quotas or another mode, or quotas released by a release day now
        in the past: someone waiting may get a seat."""
        if field in ("capacity", "quotas", "signup_mode"):
            return True
        return field == "quota_release_at" and updated.quotas_released(self.clock())

    @staticmethod
    def _visible_change(old: Course, new: Course, link: LinkAccess) -> bool:
        """Whether a participant who sees the course this way would notice the change."""

        def seen(course: Course) -> tuple[object, ...]:
            url = course.online_url if link == LinkAccess.SHOWN else bool(course.online_url)
            return course.starts_at, course.ends_at, course.timezone, course.venue, url

        return seen(old) != seen(new)

    async def cancel(self, course_id: int, actor: int | None = None) -> Change:
        course = await self.get(course_id)
        if course.status not in (CourseStatus.DRAFT, CourseStatus.PUBLISHED):
            raise InvalidInput("course-error-closed-for-edits")

        def render(t: Translator, zone: str | None, link: LinkAccess) -> str:
            when = course_texts.when(course, t, zone)
            return t("course-cancelled-notice", title=course.title(t.locale), when=when)

        async with self.db.transaction() as tx:
            if (await self.get(course_id, tx)).status != course.status:
                raise InvalidInput("course-error-closed-for-edits")  # a double tap: done
            # A new revision, so calendar apps replace the event (it shows as cancelled).
            await tx.courses.set_status(course_id, CourseStatus.CANCELLED, bump_revision=True)
            notified = await self._tell_participants(
                tx, course_id, "course_cancelled", render, with_calendar=False
            )
            await self._tell_nominators(tx, course)
            await _record(
                tx.audit, actor, AuditAction.COURSE_CANCELLED, course_id, notified=notified
            )
        cancelled = await self.get(course_id)
        self._changed(cancelled)
        return Change(cancelled, notified)

    async def _tell_nominators(self, tx: Transaction, course: Course) -> None:
        """The focal points whose nominees were on a cancelled course hear of it too."""
        for focal_point in await tx.registrations.nominators(course.id):

            def render(t: Translator) -> str:
                return t("course-cancelled-focal-point-notice", title=course.title(t.locale))

            await self.notices.queue(tx.outbox, focal_point, "course_cancelled", render)

    async def _tell_participants(
        self,
        tx: Transaction,
        course_id: int,
        kind: str,
        render: ReaderRender,
        with_calendar: bool = True,
        waitlisted_too: bool = True,
    ) -> int:
        """Queue a notice for everyone confirmed (and waiting, unless `waitlisted_too` is
        False) inside the caller's transaction, so a crash can never change the course without
        telling them. Only the confirmed get the online link and the calendar file."""
        told = 0
        for user_id, status in await tx.registrations.active_user_ids(course_id):
            confirmed = status == RegStatus.CONFIRMED
            if not (confirmed or waitlisted_too):
                continue
            user = await tx.users.get(user_id)
            zone = user.timezone if user else None
            link = LinkAccess.SHOWN if confirmed else LinkAccess.AFTER_SEAT
            await self.notices.queue(
                tx.outbox,
                user_id,
                kind,
                _for_reader(render, zone, link),
                course_id if with_calendar and confirmed else None,
            )
            told += 1
        return told

    async def finish_ended(self) -> int:
        return await self.repos.courses.finish_ended(self.clock())

    # -- what organisers look at ---------------------------------------------------------------

    async def organiser_page(self, number: int, size: int) -> tuple[Page, list[Course]]:
        """A page of every course: upcoming first, then the most recent past ones."""
        return await fetch_page(self.repos.courses.all, number, size)

    async def counts(self, course_id: int) -> tuple[Course, Counts]:
        course = await self.get(course_id)
        return course, await self.repos.registrations.counts(course_id)

    async def roster(self, course_id: int) -> Roster:
        course, counts = await self.counts(course_id)
        registrations = self.repos.registrations
        return Roster(
            course,
            counts,
            await registrations.participants(course_id),
            await self._country_use(course),
            course.quotas_released(self.clock()),
        )

    async def participant(self, course_id: int, user_id: int) -> tuple[Course, Participant]:
        """One person's sign-up on the course, with their profile (the organiser's card of
        them); NotFound when they have none."""
        course = await self.get(course_id)
        for person in await self.repos.registrations.participants(course_id):
            if person.registration.user_id == user_id:
                return course, person
        raise NotFound()

    async def _country_use(self, course: Course) -> list[CountryUse]:
        by_country = await self.repos.registrations.by_country(course.id)
        return country_use(Quotas.from_json(course.quotas), by_country)

    async def seats_by_country(self) -> list[CourseSeats]:
        """Upcoming published courses that give seats by request, nomination or quota, or
        that have requests waiting, each with its seats by country (/stats)."""
        shown = []
        for course in await self.repos.courses.published_upcoming(self.clock()):
            counts = await self.repos.registrations.counts(course.id)
            by_decision = course.signup_mode != SignupMode.OPEN or course.quotas
            if by_decision or counts.pending:
                shown.append(CourseSeats(course, counts, await self._country_use(course)))
        return shown

    async def export_participants(
        self, course_id: int, as_xlsx: bool, t: Translator, actor: int
    ) -> ExportFile:
        course = await self.get(course_id)
        people = await self.repos.registrations.participants(course_id)
        countries = await self._country_use(course) if course.quotas else None
        ext = "xlsx" if as_xlsx else "csv"
        await _record(
            self.repos.audit,
            actor,
            AuditAction.EXPORT_PARTICIPANTS,
            course_id,
            format=ext,
            rows=len(people),
        )
        # Thousands of rows take a while to write: built off the event loop so replies go on.
        build = participants_xlsx if as_xlsx else participants_csv
        data = await asyncio.to_thread(build, course, people, t, countries)
        return ExportFile(course, export_filename(course, ext), data, len(people))

    # -- attendance ----------------------------------------------------------------------------

    async def attendance_page(
        self, course_id: int, number: int, size: int
    ) -> tuple[Course, Page, list[Participant]]:
        """Who was confirmed, a page of them, each with their attendance mark."""
        course = await self.get(course_id)
        confirmed = [
            person
            for person in await self.repos.registrations.participants(course_id)
            if person.registration.status == RegStatus.CONFIRMED
        ]
        page = Page.of(number, size, len(confirmed))
        return course, page, list(page.items(confirmed))

    async def anyone_attended(self, course_id: int) -> bool:
        return await self.repos.registrations.attendance_taken(course_id)

    async def toggle_attendance(
        self, course_id: int, user_id: int, actor: int, day: int = 0
    ) -> bool:
        """Flip one confirmed participant's mark for day `day` (0-based) of the course (the
        chat's button); returns the new mark. Read and write share one transaction, so two
        organisers tapping at once cannot lose a tap."""
        return await self._mark(course_id, user_id, actor, day, wanted=None)

    async def set_attendance(
        self, course_id: int, user_id: int, actor: int, day: int, present: bool
    ) -> bool:
        """Mark one confirmed participant present or absent on day `day` (the dashboard, whose
        page may be older than another organiser's mark: a second "present" keeps them
        present instead of flipping them back). A mark that is already so is not audited."""
        return await self._mark(course_id, user_id, actor, day, wanted=present)

    async def _mark(
        self, course_id: int, user_id: int, actor: int, day: int, wanted: bool | None
    ) -> bool:
        course = await self.get(course_id)
        days = len(course_days(course))
        # Attendance is taken on a published or finished course only (a forged button or form
        # for a draft or a cancelled one changes nothing).
        if not 0 <= day < days or course.status not in ATTENDANCE_STATUSES:
            raise InvalidInput("error-button-expired")
        async with self.db.transaction() as tx:
            if wanted is not None:
                registration = await tx.registrations.get(course_id, user_id)
                if registration is None or registration.status != RegStatus.CONFIRMED:
                    raise InvalidInput("error-button-expired")
                if present_on(registration.attended_days, day) == wanted:
                    return wanted
            mask = await tx.registrations.toggle_day(course_id, user_id, day, days)
            if mask is None:
                raise InvalidInput("error-button-expired")  # not (or no longer) confirmed
            present = present_on(mask, day)
            # One-day courses are audited as before; a day is named only when there are more.
            on_day = {"day": day + 1} if days > 1 else {}
            await tx.audit.record(
                actor,
                AuditAction.ATTENDANCE_MARKED,
                "course",
                course_id,
                participant=user_id,
                attended=present,
                **on_day,
            )
        return present


ATTENDANCE_STATUSES = frozenset({CourseStatus.PUBLISHED, CourseStatus.FINISHED})


def _for_reader(render: ReaderRender, zone: str | None, link: LinkAccess) -> Render:
    return lambda t: render(t, zone, link)


def _change_text(
    old: Course, new: Course, t: Translator, zone: str | None, link: LinkAccess
) -> str:
    lines = [t("course-changed-notice", title=new.title(t.locale))]
    if (old.starts_at, old.ends_at, old.timezone) != (new.starts_at, new.ends_at, new.timezone):
        lines.append(
            t(
                "course-changed-time",
                old=course_texts.when(old, t, zone),
                new=course_texts.when(new, t, zone),
            )
        )
    old_place, new_place = course_texts.place(old, t, link), course_texts.place(new, t, link)
    if old_place != new_place:
        lines.append(t("course-changed-place", old=old_place, new=new_place))
    return "\n\n".join(lines)
