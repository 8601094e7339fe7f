"""Feedback surveys: creating and activating them, inviting and reminding people through the
outbox, and the answering state machine.

The answering state lives in SQLite (a draft keyed by survey and person, `survey_drafts`), not
in the chat: a person can stop and continue from any old button, `/surveys`, or another device,
in whatever language they use now. Every answer is written with a compare-and-set on the
position, so a double tap or a stale button records nothing twice.

Finishing turns the draft into a response in one transaction: the draft is deleted and the
invitation only says "finished". A named survey's response is a plaintext row with the user id
and time. An anonymous survey's is a pending row: a random id, no user id, no time, and the
answers encrypted with the survey's key, which lives in a file beside the database and never in
it (storage.survey_keys); its drafts are encrypted the same way. When the survey closes, the
pending rows become plaintext response rows with fresh random ids, drafts left are deleted, and
the key file goes. So nobody holding the database file, its WAL, every backup and this code can
link a response to its author (issue 11): before closing, backups hold only ciphertext of equal
length under a key no backup holds; after closing, the key is gone and the released rows share
no id, time or order with the pending ones. The WAL is emptied after each of these steps.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import json
import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from aiogram import html

from bot.clock import Clock
from bot.config import Settings
from bot.errors import CourseNotFound, InvalidInput
from bot.i18n import Translator
from bot.scheduler import Scheduler
from bot.services.course_fields import FieldProblem
from bot.services.notices import Notices
from bot.services.surveys import exports
from bot.services.surveys.definition import feedback_template, parse_definition
from bot.services.surveys.errors import (
    ResultsHidden,
    ResultsNotReleased,
    SurveyClosed,
    SurveyClosedForInvitations,
    SurveyModeLocked,
    SurveyNotFound,
)
from bot.services.surveys.followup import FollowupSurveys
from bot.services.surveys.model import (
    ANONYMOUS_THRESHOLD,
    TEXT_ANSWER_LIMIT,
    Answer,
    Bilingual,
    Question,
    QuestionKind,
    SurveyDraft,
)
from bot.services.surveys.results import ResponseRow, summarize
from bot.services.surveys.saved import SavedTemplates
from bot.services.surveys.templates import (
    definition_text,
    draft_from_template,
    draft_of,
    followup_template,
)
from bot.services.surveys.timers import SurveyTimers
from bot.services.surveys.views import (
    ExportFile,
    Launch,
    Preview,
    Report,
    Result,
    Step,
    questions_of,
)
from bot.ui import course_texts
from storage.announcements import audience_sql
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus
from storage.database import Database, Transaction, to_db
from storage.outbox import PRIORITY_BULK
from storage.survey_keys import Sealer
from storage.surveys import Response, Survey, SurveyKind, SurveyStatus

log = logging.getLogger(__name__)

DEFAULT_OPEN_DAYS = 14
DEFAULT_FOLLOWUP_DAYS = 90  # the built-in follow-up chosen by hand for a course without one
BUILT_IN_FEEDBACK = "fb"  # template sources besides a saved template's id
BUILT_IN_FOLLOWUP = "fu"
TEMPLATE_COURSES = 8  # recent courses offered for the built-in survey

# Audience button -> delivery engine audience (course ones get the survey's course id).
AUDIENCES: dict[str, dict[str, Any]] = {
    "attended": {"kind": "course", "status": "attended"},
    "confirmed": {"kind": "course", "status": "confirmed"},
    "waitlisted": {"kind": "course", "status": "waitlisted"},
    "all": {"kind": "all"},
    "en": {"kind": "language", "language": "en"},
    "ru": {"kind": "language", "language": "ru"},
}
# A follow-up asks whether the training changed the work: only those who attended can say.
FOLLOWUP_AUDIENCES = ("attended",)
FOLLOWUP_RETRY = timedelta(days=1)  # a follow-up due before attendance was marked


def sealed_size(questions: tuple[Question, ...]) -> int:
    """The most bytes a sealed record of these questions can take as JSON (every answer and
    the ticks of the widest multiple-choice question): every record is padded to it, so the
    length of a ciphertext says nothing about what was answered."""

    def widest(question: Question) -> int:
        match question.kind:
            case QuestionKind.TEXT:  # quotes; a character is at most 6 bytes (\uXXXX)
                return 2 + 6 * TEXT_ANSWER_LIMIT
            case QuestionKind.RATING:
                return max(len(str(question.scale_min)), len(str(question.scale_max)))
            case QuestionKind.CHOICE:
                return len(str(len(question.options)))
            case QuestionKind.MULTI:
                return len(json.dumps(list(range(len(question.options)))))
        return len("false")

    ticks = max((len(q.options) for q in questions), default=0)
    size = 64 + len(json.dumps(list(range(ticks))))  # the keys, braces and the ticks
    for index, question in enumerate(questions):
        # '"index": answer, ' (null, 4 bytes, when skipped)
        size += len(json.dumps(str(index))) + 4 + max(4, widest(question))
    return size


class SurveyService:
    def __init__(
        self,
        db: Database,
        notices: Notices,
        settings: Settings,
        clock: Clock,
        scheduler: Scheduler,
    ) -> None:
        self.db = db
        self.repos = db.repos
        self.notices = notices
        self.default_locale = settings.default_locale
        self.default_timezone = settings.default_timezone
        self.send_after = settings.survey_send_after
        self.remind_after = settings.survey_reminder_after
        self.clock = clock
        # Set when a survey becomes active or invites someone; course moves reach them through
        # CourseService's listeners (`timers.course_changed`).
        self.timers = SurveyTimers(self, scheduler)
        # Each course's follow-up survey, kept in step with its `followup` field (CourseService
        # tells it through `followups.course_changed`).
        self.followups = FollowupSurveys(self, scheduler)
        self.saved = SavedTemplates(db)

    # -- organisers --------------------------------------------------------------------------

    async def template_courses(self) -> list[Course]:
        """Recent courses offered for the built-in survey (published or finished)."""
        items, _ = await self.repos.courses.all(0, 50)
        usable = [c for c in items if c.status in (CourseStatus.PUBLISHED, CourseStatus.FINISHED)]
        return usable[:TEMPLATE_COURSES]

    async def define(
        self, text: str, created_by: int
    ) -> tuple[Preview | None, list[FieldProblem]]:
        """A survey from a one-message definition, or what is wrong with the definition."""
        zones = await self.repos.courses.zones()
        parsed = parse_definition(text, self.clock(), self.default_timezone, zones)
        if parsed.draft is None:
            return None, parsed.problems
        return await self.preview(await self.create(parsed.draft, created_by)), []

    async def create_from_template(
        self, course_id: int | None, created_by: int, source: str = BUILT_IN_FEEDBACK
    ) -> Preview:
        """A survey for a course (None: for no course, sent on demand) from the built-in
        feedback survey, the built-in follow-up or a saved template (its id as `source`)."""
        localizations = self.notices.localizations
        course = None
        if course_id is not None:
            course = await self.repos.courses.get(course_id)
            if course is None or course.status in (CourseStatus.DRAFT, CourseStatus.CANCELLED):
                raise CourseNotFound()
        title = Bilingual(course.title("en"), course.title("ru")) if course else None
        if source == BUILT_IN_FEEDBACK:
            draft = feedback_template(localizations, course_id, title)
        elif source == BUILT_IN_FOLLOWUP:
            draft = followup_template(localizations, course_id, title)
            # Months after the course, not hours: the course's own follow-up delay if set.
            days = (course.followup if course else None) or DEFAULT_FOLLOWUP_DAYS
            draft = replace(draft, send_after=days * 24 * 60)
        elif source.isdecimal():
            saved = await self.saved.get(int(source))
            draft = draft_from_template(saved.definition, course_id)
        else:
            raise InvalidInput("error-button-expired")
        return await self.preview(await self.create(draft, created_by, template=True))

    async def draft(self, survey_id: int) -> Survey:
        """A survey that is still a draft (another template may replace it)."""
        survey = await self.get(survey_id)
        if survey.status != SurveyStatus.DRAFT:
            raise InvalidInput("template-switch-not-draft")
        return survey

    async def switch_template(self, survey_id: int, source: str, actor: int) -> Preview:
        """The draft replaced by one made from another template, for the same course."""
        survey = await self.draft(survey_id)
        preview = await self.create_from_template(survey.course_id, actor, source)
        await self.delete_draft(survey.id, actor)
        return preview

    async def definition_text(self, survey_id: int) -> str:
        """The survey as a `/newsurvey` text to copy, edit and send back."""
        return definition_text(draft_of(await self.get(survey_id)))

    async def preview(self, survey: Survey) -> Preview:
        course = await self.repos.courses.get(survey.course_id) if survey.course_id else None
        return Preview(survey, course)

    async def create(
        self,
        draft: SurveyDraft,
        created_by: int | None,
        template: bool = False,
        kind: SurveyKind = SurveyKind.SURVEY,
    ) -> Survey:
        course = await self.repos.courses.get(draft.course_id) if draft.course_id else None
        now = self.clock()
        send_after = _or_default(draft.send_after, self.send_after) if course else 0
        # Open for the default period from when the invitation goes out: a survey sent months
        # after its course (a follow-up) must not close before anyone is asked.
        invited = course.ends_at + timedelta(seconds=send_after) if course else None
        start = max(invited, now) if invited else (draft.opens_at or now)
        closes = draft.closes_at or start + timedelta(days=DEFAULT_OPEN_DAYS)
        async with self.db.transaction() as tx:
            survey = await tx.surveys.create(
                {
                    "course_id": course.id if course else None,
                    "title_en": draft.title.en,
                    "title_ru": draft.title.ru,
                    "intro_en": draft.intro.en if draft.intro else None,
                    "intro_ru": draft.intro.ru if draft.intro else None,
                    "questions": _questions_json(draft.questions),
                    "anonymous": int(draft.anonymous),
                    "opens_at": draft.opens_at,
                    "closes_at": closes,
                    # Without a course there is no end to count from: on demand only.
                    "send_after": send_after,
                    "remind_after": _or_default(draft.remind_after, self.remind_after),
                    "created_by": created_by,
                    "kind": kind.value,
                }
            )
            if created_by is not None:
                details = {"template": True} if template else {}
                await tx.audit.record(
                    created_by, AuditAction.SURVEY_CREATED, "survey", survey.id, **details
                )
        return survey

    async def get(self, survey_id: int) -> Survey:
        survey = await self.repos.surveys.get(survey_id)
        if survey is None:
            raise SurveyNotFound()
        return survey

    async def latest(self, limit: int) -> list[Survey]:
        return await self.repos.surveys.latest(limit)

    async def activate(self, survey_id: int, actor: int | None = None) -> Survey | None:
        """Draft -> active (None if it was active already); timers follow."""
        async with self.db.transaction() as tx:
            survey = await tx.surveys.activate(survey_id, self.clock())
            if survey is not None and actor is not None:
                await tx.audit.record(actor, AuditAction.SURVEY_ACTIVATED, "survey", survey.id)
        if survey is not None:
            self.timers.survey_changed(survey)
        return survey

    async def launch(self, survey_id: int, actor: int) -> Launch | None:
        """The organiser's Activate button (None: a double tap, active already or deleted)."""
        survey = await self.get(survey_id)
        activated = await self.activate(survey.id, actor)
        if activated is None:
            return None
        course = await self.repos.courses.get(activated.course_id) if activated.course_id else None
        if course is None or activated.send_after <= 0:
            return Launch(activated, course, None, False)
        due = self.auto_invite_due(activated, course)
        assert due is not None
        return Launch(activated, course, due, due <= self.clock())

    async def delete_draft(self, survey_id: int, actor: int | None = None) -> bool:
        async with self.db.transaction() as tx:
            deleted = await tx.surveys.delete_draft(survey_id)
            if deleted and actor is not None:
                await tx.audit.record(actor, AuditAction.SURVEY_DELETED, "survey", survey_id)
        return deleted

    async def set_anonymous(self, survey_id: int, anonymous: bool) -> Survey | None:
        """Anonymous or named, while it is a draft (None: active already, or deleted)."""
        return await self.repos.surveys.set_anonymous(survey_id, anonymous)

    async def switch_mode(self, survey_id: int, anonymous: bool | None) -> Preview | None:
        """The preview's anonymous/named switch (None: a double tap, the mode is set;
        `anonymous` None: a button that sets no known mode)."""
        survey = await self.get(survey_id)
        if anonymous is None:
            raise InvalidInput("error-button-expired")
        if survey.status != SurveyStatus.DRAFT:
            raise SurveyModeLocked()
        if survey.anonymous == anonymous:
            return None
        changed = await self.set_anonymous(survey.id, anonymous)
        if changed is None:  # activated or deleted meanwhile
            raise SurveyModeLocked()
        return await self.preview(changed)

    def auto_invite_due(self, survey: Survey, course: Course) -> datetime | None:
        """When the automatic invitation goes out (None: on demand only, sent already, or
        the course was cancelled)."""
        if survey.status != SurveyStatus.ACTIVE or survey.send_after <= 0 or survey.auto_sent_at:
            return None
        if course.status in (CourseStatus.CANCELLED, CourseStatus.DRAFT):
            return None
        return course.ends_at + timedelta(seconds=survey.send_after)

    async def audiences(self, survey_id: int) -> list[str]:
        """The audience buttons a survey offers (course ones only with a course)."""
        survey = await self.get(survey_id)
        if survey.is_followup:
            return list(FOLLOWUP_AUDIENCES)
        return [
            code
            for code, spec in AUDIENCES.items()
            if spec["kind"] != "course" or survey.course_id is not None
        ]

    async def invite_audience(self, survey_id: int, code: str, actor: int) -> int:
        """The organiser's audience button: invite, and record who did."""
        survey = await self.get(survey_id)
        base = AUDIENCES.get(code)
        if survey.is_followup and code not in FOLLOWUP_AUDIENCES:
            base = None
        if self._followup_not_due(survey):
            raise InvalidInput("followup-invite-not-yet")
        if base is None or (base["kind"] == "course" and survey.course_id is None):
            raise InvalidInput("error-button-expired")
        spec = {**base, "course_id": survey.course_id} if base["kind"] == "course" else dict(base)
        return await self.invite(survey.id, spec, actor=actor, audience=code)

    async def invite(
        self, survey_id: int, spec: dict[str, Any], actor: int | None = None, audience: str = ""
    ) -> int:
        """Invite an audience of the delivery engine (see storage.announcements.audience_sql);
        people invited before are not asked twice. Returns how many were invited now. An
        organiser's invitation (`actor`, the `audience` button) is audited with it."""
        survey = await self.get(survey_id)
        if not self._takes_invitations(survey):
            raise SurveyClosedForInvitations()
        where = audience_sql(spec, self.default_locale)
        async with self.db.transaction() as tx:
            invited = await tx.surveys.invite(survey_id, where.where, where.params, self.clock())
            await self._queue(tx, survey, invited, "survey-invitation", "survey_invitation")
            if actor is not None:
                await tx.audit.record(
                    actor,
                    AuditAction.SURVEY_INVITED,
                    "survey",
                    survey.id,
                    audience=audience,
                    invited=len(invited),
                )
        self._invited(survey)
        return len(invited)

    async def auto_invite(self, survey_id: int) -> int:
        """The timer after the course: those marked attended, or everyone confirmed if
        attendance was not taken. Runs once per survey, however often the timer fires."""
        survey = await self.repos.surveys.get(survey_id)
        if survey is None or survey.course_id is None:
            return 0
        course = await self.repos.courses.get(survey.course_id)
        due = self.auto_invite_due(survey, course) if course else None
        if course is None or due is None or self.clock() < due - timedelta(seconds=1):
            return 0
        if not self._takes_invitations(survey):
            log.warning("Survey %s closed before its invitation was due", survey_id)
            return 0
        attended = await self.db.repos.registrations.attendance_taken(course.id)
        if survey.is_followup and not attended:
            # Only attendees can say whether they applied what they learned; the organiser's
            # card and /results say the follow-up waits for the attendance. Tried again every
            # day while it is open: attendance marked late still sends it, to everyone marked.
            log.warning("Follow-up survey %s: attendance not taken, nobody invited yet", survey_id)
            self.timers.retry_invite(survey, self.clock() + FOLLOWUP_RETRY)
            return 0
        status = "attended" if attended else "confirmed"
        audience = audience_sql(
            {"kind": "course", "course_id": course.id, "status": status}, self.default_locale
        )
        async with self.db.transaction() as tx:
            if not await tx.surveys.mark_auto_sent(survey_id):
                return 0
            invited = await tx.surveys.invite(
                survey_id, audience.where, audience.params, self.clock()
            )
            await self._queue(tx, survey, invited, "survey-invitation", "survey_invitation")
        log.info("Survey %s: invited %d %s participant(s)", survey_id, len(invited), status)
        self._invited(survey)
        return len(invited)

    async def can_invite_more(self, survey: Survey) -> bool:
        """Whether an organiser's invitation would reach anyone: the survey still takes
        invitations and someone using the bot has none yet (every audience is part of
        everyone)."""
        if not self._takes_invitations(survey) or self._followup_not_due(survey):
            return False
        everyone = audience_sql(AUDIENCES["all"], self.default_locale)
        return (
            await self.repos.surveys.uninvited_count(survey.id, everyone.where, everyone.params)
            > 0
        )

    def _followup_not_due(self, survey: Survey) -> bool:
        """A follow-up months before its day: sent by hand now, the attendees would get it
        months early, and nothing on the day it is due."""
        return survey.is_followup and self._opens_later(survey)

    def _takes_invitations(self, survey: Survey) -> bool:
        return survey.is_open(self.clock()) or self._opens_later(survey)

    def _opens_later(self, survey: Survey) -> bool:
        now = self.clock()
        return (
            survey.status == SurveyStatus.ACTIVE
            and survey.opens_at is not None
            and now < survey.opens_at
        )

    def _invited(self, survey: Survey) -> None:
        self.timers.survey_changed(survey)

    async def next_reminder(self, survey: Survey) -> datetime | None:
        """When the next reminder is due (the earliest invitee not reminded yet)."""
        if survey.remind_after <= 0 or survey.status != SurveyStatus.ACTIVE:
            return None
        # The earliest only: every invitation of a survey sent to everyone would be 100,000
        # rows, read at each start and kept by the idle bot's RSS (issue 16).
        first = await self.repos.surveys.first_unreminded(survey.id)
        if first is None:
            return None
        due = first + timedelta(seconds=survey.remind_after)
        return due if due < survey.closes_at else None

    async def remind(self, survey_id: int) -> int:
        """One reminder to each invitee who has not finished, `remind_after` after their
        invitation, while the survey is open. Returns how many were reminded."""
        survey = await self.repos.surveys.get(survey_id)
        now = self.clock()
        if survey is None or survey.remind_after <= 0 or not survey.is_open(now):
            return 0
        limit = now + timedelta(seconds=1) - timedelta(seconds=survey.remind_after)
        due = [
            user
            for user, invited in await self.repos.surveys.unreminded(survey_id)
            if invited <= limit
        ]
        finished = await self.repos.surveys.finished_invitees(survey_id)
        async with self.db.transaction() as tx:
            # Everyone due is marked, finished or not: the reminder is one-off either way.
            marked = await tx.surveys.mark_reminded(survey_id, due)
            unfinished = [u for u in marked if u not in finished]
            await self._queue(tx, survey, unfinished, "survey-reminder", "survey_reminder")
        self._invited(survey)  # the next batch of invitees may be due later
        return len(unfinished)

    async def _queue(
        self, tx: Transaction, survey: Survey, user_ids: list[int], key: str, kind: str
    ) -> None:
        """The invitation (or reminder) with its Start button, in each person's language and
        with the closing time in their own time zone (rendered once per zone)."""
        if not user_ids:
            return
        count = len(questions_of(survey))
        # Every invitation and reminder says what happens to the answers.
        mode = "survey-mode-anonymous" if survey.anonymous else "survey-mode-named"
        zones = await tx.surveys.invitee_zones(survey.id, self.default_timezone)
        payloads: dict[str, dict[str, Any]] = {}

        def render(t: Translator, zone: str) -> str:
            intro = html.quote(survey.intro(t.locale))  # joined below without t()
            text = t(key, title=survey.title(t.locale), count=count)
            until = course_texts.zoned_time(survey.closes_at, zone, t)
            text += "\n" + t("survey-open-until", when=until)
            text += "\n" + t(mode)
            return f"{text}\n\n{intro}" if intro else text

        for user_id in user_ids:
            zone = zones.get(user_id) or self.default_timezone
            if zone not in payloads:
                payloads[zone] = self.notices.payload(functools.partial(render, zone=zone))
                payloads[zone]["survey_id"] = survey.id
            await tx.outbox.add(user_id, kind, payloads[zone], PRIORITY_BULK)

    # -- participants ------------------------------------------------------------------------

    async def open_for(self, user_id: int) -> list[tuple[Survey, Response | None]]:
        """Open surveys the user was invited to, with their response so far."""
        result = []
        for survey in await self.repos.surveys.open_for(user_id, self.clock()):
            sealer = self.sealer(survey)
            result.append((survey, await self.repos.surveys.progress(survey.id, user_id, sealer)))
        return result

    async def begin(self, survey_id: int, user_id: int) -> Step:
        """Start or resume: the question to answer now (or the finished response)."""
        survey = await self._answerable(survey_id, user_id)
        return Step(
            survey, await self.repos.surveys.start(survey.id, user_id, self.sealer(survey))
        )

    async def current(self, survey_id: int, user_id: int) -> Step:
        """Where the user is, without starting anything (typed text, a language switch)."""
        survey = await self._answerable(survey_id, user_id)
        response = await self.repos.surveys.progress(survey.id, user_id, self.sealer(survey))
        if response is None:
            return await self.begin(survey_id, user_id)
        return Step(survey, response)

    async def answer(self, survey_id: int, user_id: int, index: int, answer: Answer) -> Step:
        """Answer question `index` (None: skip it). An answer to any other question than the
        current one, or one the question does not accept, records nothing."""
        return await self._answer(await self.current(survey_id, user_id), user_id, index, answer)

    async def _answer(self, step: Step, user_id: int, index: int, answer: Answer) -> Step:
        """`answer` for question `index` of the response `step` was read from. The write
        checks that the response is still the one read (a double tap records nothing)."""
        question = step.question
        if question is None or index != step.index or not question.valid(answer):
            return Step(step.survey, step.response, recorded=False)
        return await self._advance(step, user_id, answer)

    async def press(self, survey_id: int, user_id: int, index: int, value: int | None) -> Step:
        """A button's answer to question `index`: its number, which a yes/no question takes
        as yes (1) or no (0); None: Skip."""
        step = await self.current(survey_id, user_id)
        answer: Answer = value
        question = step.question
        if value is not None and question is not None and question.kind == QuestionKind.YESNO:
            answer = bool(value)
        return await self._answer(step, user_id, index, answer)

    async def toggle(
        self, survey_id: int, user_id: int, index: int, option: int, on: bool
    ) -> Step:
        """Tick or untick an option of the multiple-choice question `index`. The button says
        which (`on`), so a double tap leaves the same ticks."""
        step = await self.current(survey_id, user_id)
        question = step.question
        if (
            question is None
            or question.kind != QuestionKind.MULTI
            or index != step.index
            or not 0 <= option < len(question.options)
        ):
            return Step(step.survey, step.response, recorded=False)
        selection = set(step.response.selection)
        if on:
            selection.add(option)
        else:
            selection.discard(option)
        response = await self.repos.surveys.select(
            user_id, step.response, sorted(selection), self.sealer(step.survey)
        )
        if response is None:
            return Step(step.survey, step.response, recorded=False)
        return Step(step.survey, response)

    async def confirm_selection(self, survey_id: int, user_id: int, index: int) -> Step:
        """Done on a multiple-choice question: the ticks become the answer (a required one
        needs at least one tick)."""
        step = await self.current(survey_id, user_id)
        selection = step.response.selection
        question = step.question
        if question is not None and step.index == index and question.required and not selection:
            raise InvalidInput("survey-tick-something")
        return await self._answer(step, user_id, index, selection or None)

    async def _advance(self, step: Step, user_id: int, answer: Answer) -> Step:
        answers = dict(step.response.answers)
        answers[step.index] = answer
        position = step.index + 1
        sealer = self.sealer(step.survey)
        if position < len(step.questions):
            response = await self.repos.surveys.advance(
                user_id, step.response, answers, position, sealer
            )
            if response is None:
                return Step(step.survey, step.response, recorded=False)
            return Step(step.survey, response)
        # An anonymous response has no time at all (sealed, released at closing).
        finished_at = to_db(self.clock())
        if not await self.repos.surveys.finish(
            user_id, step.response, answers, finished_at, sealer
        ):
            return Step(step.survey, step.response, recorded=False)
        if step.survey.anonymous:
            # The finish's old page versions (the draft keyed by the person, deleted in the
            # same commit that stored the response) must not stay in the WAL. A named
            # response links to its author anyway: no checkpoint, which holds every query of
            # the bot for its duration (up to 30 ms each under load — issue 16).
            await self.db.truncate_wal()
        # The answers stay in memory for the echo under the last question; the database no
        # longer knows whose they are.
        done = Response(step.survey.id, position, answers, [], finished=True)
        return Step(step.survey, done)

    def sealer(self, survey: Survey) -> Sealer | None:
        """How an anonymous survey's drafts and pending responses are encrypted (None: a
        named survey, stored in plaintext)."""
        if not survey.anonymous:
            return None
        return Sealer(self.repos.surveys.keys, survey.id, sealed_size(questions_of(survey)))

    async def _answerable(self, survey_id: int, user_id: int) -> Survey:
        survey = await self.repos.surveys.get(survey_id)
        if survey is None or survey.status != SurveyStatus.ACTIVE:
            raise SurveyNotFound()
        if not await self.repos.surveys.is_invited(survey.id, user_id):
            raise SurveyNotFound()
        if not survey.is_open(self.clock()):
            raise SurveyClosed()
        return survey

    # -- closing -----------------------------------------------------------------------------

    async def close(self, survey_id: int | None = None) -> int:
        """Release what closed surveys still hold (the timer at a survey's closing time, and
        at start-up for surveys that closed while the bot was down), in one transaction: the
        pending anonymous responses become plaintext rows with fresh random ids and every
        day the same (the closing day), and unfinished drafts are deleted. Then the WAL is
        emptied and the closed surveys' key files are deleted. Returns how many drafts went."""
        now = self.clock()
        sealers: list[tuple[Sealer, str]] = []
        for survey in await self.repos.surveys.closed_with_pending(now):
            sealer = self.sealer(survey)
            if sealer is not None:
                sealers.append((sealer, survey.closes_at.date().isoformat()))
                self._check_key(sealer)
        deleted = await self.repos.surveys.release_closed(now, sealers)
        await self.db.truncate_wal()
        # Only after the commit: a crash before it leaves the pending rows and their key.
        for key_survey in self.repos.surveys.keys.survey_ids():
            owner = await self.repos.surveys.get(key_survey)
            if owner is None or owner.closes_at <= now:
                self.repos.surveys.keys.delete(key_survey)
                log.info("Survey %s closed: its key file is deleted", key_survey)
        if deleted:
            log.info("Deleted %d unfinished survey draft(s) of closed surveys", deleted)
        return deleted

    def _check_key(self, sealer: Sealer) -> None:
        if self.repos.surveys.keys.get(sealer.survey_id) is None:
            log.error(
                "Survey %s: its key file %s is missing; its finished anonymous answers"
                " cannot be read",
                sealer.survey_id,
                self.repos.surveys.keys.path(sealer.survey_id),
            )

    async def seal_plain_drafts(self) -> int:
        """At start-up: drafts of anonymous surveys written before migration 011 are sealed
        with their survey's key, in one transaction; then the WAL is emptied. Returns how
        many."""
        drafts: list[tuple[Sealer, Response, int]] = []
        for user_id, draft in await self.repos.surveys.plain_anonymous_drafts():
            survey = await self.repos.surveys.get(draft.survey_id)
            sealer = self.sealer(survey) if survey else None
            if sealer is not None:
                drafts.append((sealer, draft, user_id))
        if drafts:
            await self.repos.surveys.seal_drafts(drafts)
            await self.db.truncate_wal()
            log.info("Sealed %d anonymous survey draft(s) written in plaintext", len(drafts))
        return len(drafts)

    async def convert_legacy_keys(self) -> int:
        """Finish what migration 008 could not do in SQL: match the old HMAC keys of anonymous
        responses to invitees (invitation finished, or the unfinished answers as a draft),
        then delete keys and salts. Returns how many keys were found."""
        keys = await self.repos.surveys.legacy_keys()
        if not keys:
            return 0
        now = self.clock()
        finished: list[tuple[int, int]] = []
        drafts: list[tuple[int, int, Any]] = []
        for survey_id in {row["survey_id"] for row in keys}:
            survey = await self.repos.surveys.get(survey_id)
            if survey is None or not survey.is_open(now):
                continue  # closed: nothing to resume, nothing to answer twice
            mine = {row["respondent"]: row for row in keys if row["survey_id"] == survey_id}
            salt = next(iter(mine.values()))["salt"]
            for user_id in await self.repos.surveys.invitees(survey_id):
                row = mine.get(_legacy_key(salt, user_id))
                if row is None:
                    continue
                if row["finished"]:
                    finished.append((survey_id, user_id))
                else:
                    drafts.append((survey_id, user_id, row))
        await self.repos.surveys.replace_legacy_keys(finished, drafts)
        await self.db.truncate_wal()
        return len(keys)

    # -- results -----------------------------------------------------------------------------

    def released(self, survey: Survey) -> bool:
        """Whether text answers and files may be shown: for an anonymous survey only once it
        has closed, so comparing two exports cannot single out one person's answers."""
        return not survey.anonymous or self.clock() >= survey.closes_at

    async def results(self, survey_id: int) -> Result:
        """The survey's finished responses: the released rows, and (anonymous, until it
        closes) the pending ones decrypted in memory, which carry the closing day."""
        survey = await self.get(survey_id)
        rows = [
            ResponseRow(r.answers, r.finished_at, r.name, r.country, r.organisation)
            for r in await self.repos.surveys.finished_respondents(survey_id)
        ]
        unreadable = 0
        sealer = self.sealer(survey)
        if sealer is not None:
            pending, unreadable = await self.repos.surveys.pending(sealer)
            day = survey.closes_at.date().isoformat()
            rows += [ResponseRow(answers, day, None, None, None) for answers in pending]
            if unreadable:
                log.error(
                    "Survey %s: %d finished anonymous answer(s) cannot be read: the key file"
                    " %s is missing or is not the one they were encrypted with",
                    survey.id,
                    unreadable,
                    self.repos.surveys.keys.path(survey.id),
                )
        invited = await self.repos.surveys.invited_count(survey_id)
        return Result(survey, rows, invited, unreadable)

    async def report(self, survey_id: int, locale: str) -> Report:
        """What /results may show of a survey (see Report.visible and Report.released)."""
        result = await self.results(survey_id)
        survey = result.survey
        questions = questions_of(survey)
        summary = summarize(questions, result.rows, result.invited)
        course = await self.repos.courses.get(survey.course_id) if survey.course_id else None
        zone = course.timezone if course else "UTC"
        t = self.notices.localizations.get(locale)
        closing = {"when": course_texts.zoned_time(survey.closes_at, zone, t)}
        released = self.released(survey)
        rows, unreadable = result.rows, result.unreadable
        return Report(survey, questions, rows, summary, unreadable, released, closing)

    async def visible_report(self, survey_id: int, locale: str) -> Report:
        """Results for a chart or a page: refused, whatever the button says, while hidden."""
        report = await self.report(survey_id, locale)
        if not report.visible:
            raise ResultsHidden(count=report.summary.finished, threshold=ANONYMOUS_THRESHOLD)
        return report

    async def released_report(self, survey_id: int, locale: str) -> Report:
        """Results for text answers and files: refused while hidden, and for an anonymous
        survey until it closes: two exports taken before and after one known person finishes
        would show that person's answers."""
        report = await self.visible_report(survey_id, locale)
        if not report.released:
            raise ResultsNotReleased(**report.closing)
        return report

    async def export(self, report: Report, xlsx: bool, actor: int, t: Translator) -> ExportFile:
        """A released report's responses as XLSX (else CSV) (`released_report` says whether
        they may be shown); the export is audited."""
        survey, rows = report.survey, report.rows
        ext = "xlsx" if xlsx else "csv"
        await self.repos.audit.record(
            actor, AuditAction.EXPORT_SURVEY, "survey", survey.id, format=ext, rows=len(rows)
        )
        title = survey.title(t.locale)
        # Built off the event loop (a large export would pause every other reply).
        data = await asyncio.to_thread(
            exports.survey_file, ext, title, report.questions, rows, t, survey.anonymous
        )
        name = exports.survey_export_filename(survey.id, ext)
        return ExportFile(data, name, title, len(rows))


def _legacy_key(salt: str, user_id: int) -> str:
    """The respondent key used before migration 008 (HMAC of the user id with the salt)."""
    digest = hmac.new(salt.encode(), str(user_id).encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def _or_default(minutes: int | None, default: timedelta) -> int:
    """Seconds: the survey's own setting (given in minutes), else the configured default."""
    return int(default.total_seconds()) if minutes is None else minutes * 60


def _questions_json(questions: tuple[Question, ...]) -> str:
    return json.dumps([q.to_json() for q in questions], ensure_ascii=False)
