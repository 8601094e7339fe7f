"""A course's follow-up survey months after it (issue 15), and its ratings next to the
course-end survey's.

The follow-up is an ordinary active survey marked `kind = 'followup'`: its invitation, the
reminder and the closing run on the surveys' own timers (SurveyTimers), rebuilt from SQLite at
every start. This module only keeps the survey in step with the course's `followup` field:
made when a course with the field is published (or the field is set), moved when the field or
the course's end changes, deleted when the field is cleared or the course cancelled, as long
as nobody was invited yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.scheduler import Scheduler
from bot.services.surveys.model import ANONYMOUS_THRESHOLD, Bilingual, Question, QuestionKind
from bot.services.surveys.results import RatingSummary
from bot.services.surveys.templates import followup_template
from bot.services.surveys.views import questions_of
from storage.courses import Course, CourseStatus
from storage.surveys import Survey, SurveyKind, SurveyStatus

if TYPE_CHECKING:
    from bot.services.surveys.service import SurveyService
    from bot.services.surveys.views import Report

log = logging.getLogger(__name__)

OPEN_DAYS = 30  # how long a follow-up stays open: busy officers answer within weeks
_LIVE = (CourseStatus.PUBLISHED, CourseStatus.FINISHED)


@dataclass(frozen=True)
class PairedRating:
    """One rating asked at the course end and again later (matched by its identity)."""

    question: Question  # the follow-up's: its text is what the chart shows
    before: RatingSummary
    after: RatingSummary


@dataclass(frozen=True)
class Comparison:
    """The course-end survey's ratings next to the follow-up's."""

    course: Course
    earlier: Survey
    later: Survey
    days: int  # how long after the course end the follow-up went out
    pairs: tuple[PairedRating, ...]


@dataclass(frozen=True)
class Waiting:
    """A follow-up not sent yet, as /results says it."""

    due: datetime
    zone: str  # the course's
    attended: bool  # anyone marked present (else it waits for the attendance)


def followup_times(course: Course, days: int, now: datetime) -> tuple[datetime, datetime]:
    """When a follow-up `days` after the course end opens (its invitation) and closes. Set
    when that day has passed (on a course long over), it goes out now and is open as long."""
    opens = course.ends_at + timedelta(days=days)
    return opens, max(opens, now) + timedelta(days=OPEN_DAYS)


class FollowupSurveys:
    def __init__(self, service: SurveyService, scheduler: Scheduler) -> None:
        self.service = service
        self.scheduler = scheduler

    def course_changed(self, course: Course) -> None:
        """Listener (sync, as CourseService calls it): published, edited, moved, cancelled."""
        self.scheduler.at(self.sync, f"followup-sync:{course.id}", self.service.clock(), course.id)

    async def reconcile(self) -> int:
        """At start-up: every course's follow-up as its field says (a crash between a
        course's change and its sync job leaves nothing behind). Returns how many courses."""
        course_ids = await self.service.repos.surveys.followup_courses()
        for course_id in course_ids:
            await self.sync(course_id)
        return len(course_ids)

    async def sync(self, course_id: int) -> Survey | None:
        """Make, move or delete the course's follow-up survey (only while nobody was invited
        to it); returns the follow-up as it is now."""
        repos = self.service.repos
        course = await repos.courses.get(course_id)
        existing = await repos.surveys.followup_of(course_id)
        wanted = course is not None and course.followup and course.status in _LIVE
        if existing is None:
            if not wanted or course is None or course.followup is None:
                return None
            return await self._create(course, course.followup)
        if not wanted or course is None or course.followup is None:
            if await repos.surveys.delete_unsent(existing.id):
                for job in ("invite", "close", "remind", "plan"):
                    self.scheduler.remove(f"survey-{job}:{existing.id}")
                log.info("Course %s: its follow-up survey %s is deleted", course_id, existing.id)
                return None
            return existing
        seconds = course.followup * 86400
        if existing.send_after == seconds and existing.opens_at == course.ends_at + timedelta(
            seconds=seconds
        ):
            return existing
        if existing.closes_at <= self.service.clock():
            return existing  # closed unsent (attendance never marked): it stays closed
        opens, closes = followup_times(course, course.followup, self.service.clock())
        moved = await repos.surveys.move_unsent(existing.id, seconds, opens, closes)
        if moved is None:
            return existing  # invited already: it stays as it went out
        self.service.timers.survey_changed(moved)
        return moved

    async def waiting(self, survey: Survey) -> Waiting | None:
        """A follow-up whose automatic invitation has not gone out: when it goes (in the
        course's zone) and whether anyone is marked present to get it (None: not a follow-up,
        or it went out)."""
        if not survey.is_followup or survey.auto_sent_at or survey.course_id is None:
            return None
        course = await self.service.repos.courses.get(survey.course_id)
        due = self.service.auto_invite_due(survey, course) if course else None
        if course is None or due is None:
            return None
        attended = await self.service.repos.registrations.attendance_taken(course.id)
        return Waiting(due, course.timezone, attended)

    async def _create(self, course: Course, days: int) -> Survey | None:
        title = Bilingual(course.title("en"), course.title("ru"))
        draft = followup_template(self.service.notices.localizations, course.id, title)
        opens, closes = followup_times(course, days, self.service.clock())
        timed = replace(draft, opens_at=opens, closes_at=closes, send_after=days * 24 * 60)
        survey = await self.service.create(timed, None, kind=SurveyKind.FOLLOWUP)
        activated = await self.service.activate(survey.id)
        log.info("Course %s: follow-up survey %s in %d days", course.id, survey.id, days)
        return activated

    # -- the side-by-side results ---------------------------------------------------------------

    async def comparison(self, survey_id: int, locale: str) -> Comparison | None:
        """A course's course-end and follow-up ratings side by side, from either survey;
        None: no such pair, the follow-up has no answers yet, or either survey's results
        are hidden (anonymous, too few answers)."""
        service = self.service
        survey = await service.get(survey_id)
        if survey.course_id is None:
            return None
        course = await service.repos.courses.get(survey.course_id)
        if course is None:
            return None
        if survey.is_followup:
            later: Survey | None = survey
            earlier = await self._course_end_survey(survey)
        else:
            later = await service.repos.surveys.followup_of(course.id)
            paired = await self._course_end_survey(later) if later is not None else None
            # Only the course-end survey the follow-up is compared with (not, say, a copy of
            # the follow-up sent half a year after the course).
            earlier = survey if paired is not None and paired.id == survey.id else None
        if later is None or earlier is None or later.status != SurveyStatus.ACTIVE:
            return None
        after = await service.report(later.id, locale)
        before = await service.report(earlier.id, locale)
        if not (after.visible and before.visible) or not after.summary.finished:
            return None
        pairs = paired_ratings(before, after)
        if not pairs:
            return None
        return Comparison(course, earlier, later, later.send_after // 86400, pairs)

    async def _course_end_survey(self, followup: Survey) -> Survey | None:
        """The active survey of the follow-up's course that asks a rating the follow-up
        asks again and went out soonest after the course (the newest of those): a copy of
        the follow-up, sent months later too, is not the course end."""
        assert followup.course_id is not None
        refs = _rating_refs(followup)
        candidates = [
            survey
            for survey in await self.service.repos.surveys.of_course(followup.course_id)
            if not survey.is_followup
            and survey.status == SurveyStatus.ACTIVE
            and refs & _rating_refs(survey)
        ]
        return min(candidates, key=lambda s: (s.send_after, -s.id), default=None)


def _rating_refs(survey: Survey) -> set[str]:
    return {q.ref for q in questions_of(survey) if q.kind == QuestionKind.RATING and q.ref}


def _shown(report: Report, figures: RatingSummary) -> bool:
    """An anonymous survey's rating answered by fewer than the threshold (an optional one)
    stays off the chart: its average would be those few people's answers."""
    return not report.survey.anonymous or figures.answered >= ANONYMOUS_THRESHOLD


def paired_ratings(before: Report, after: Report) -> tuple[PairedRating, ...]:
    """The follow-up's ratings whose identity the course-end survey asks too, on the same
    scale, in the follow-up's order (each side answered by enough people to be shown)."""
    earlier = {
        question.ref: (question, figures)
        for question, figures in zip(before.questions, before.summary.questions, strict=True)
        if question.kind == QuestionKind.RATING and question.ref
    }
    pairs = []
    for question, figures in zip(after.questions, after.summary.questions, strict=True):
        if question.kind != QuestionKind.RATING or question.ref not in earlier:
            continue
        first, first_figures = earlier[question.ref]
        same_scale = (first.scale_min, first.scale_max) == (question.scale_min, question.scale_max)
        if (
            same_scale
            and isinstance(figures, RatingSummary)
            and isinstance(first_figures, RatingSummary)
            and _shown(before, first_figures)
            and _shown(after, figures)
        ):
            pairs.append(PairedRating(question, first_figures, figures))
    return tuple(pairs)
