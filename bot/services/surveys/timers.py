"""APScheduler side of the surveys: per active survey, the automatic invitation after its
course, the next reminder and the closing. The service owns its timers (it builds them from the
Scheduler it is given), so nothing is wired up after construction."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.scheduler import Scheduler
from storage.courses import Course
from storage.surveys import Survey, SurveyStatus

if TYPE_CHECKING:
    from bot.services.surveys.service import SurveyService


class SurveyTimers:
    """APScheduler side: per active survey, the automatic invitation after its course and
    the next reminder. Rebuilt from SQLite at start-up; every job re-checks SQLite."""

    def __init__(self, service: SurveyService, scheduler: Scheduler) -> None:
        self.service = service
        self.scheduler = scheduler

    async def restore(self) -> int:
        await self.service.convert_legacy_keys()
        await self.service.close()
        await self.service.seal_plain_drafts()
        # Follow-ups the course's field asks for but a crash kept from being made (or moved).
        await self.service.followups.reconcile()
        surveys = await self.service.repos.surveys.active()
        for survey in surveys:
            await self.plan(survey)
        return len(surveys)

    def survey_changed(self, survey: Survey) -> None:
        """Listener (sync, as the service calls it): plans in a job of its own."""
        self.scheduler.at(
            self.plan_by_id, f"survey-plan:{survey.id}", self.service.clock(), survey.id
        )

    async def plan_by_id(self, survey_id: int) -> None:
        survey = await self.service.repos.surveys.get(survey_id)
        if survey is not None:
            await self.plan(survey)

    def retry_invite(self, survey: Survey, when: datetime) -> None:
        """The automatic invitation tried again at `when` (while the survey is open)."""
        if when < survey.closes_at:
            self.scheduler.at(
                self.service.auto_invite, f"survey-invite:{survey.id}", when, survey.id
            )

    def course_changed(self, course: Course) -> None:
        """A course moved: its surveys' invitations follow its new end."""
        self.scheduler.at(
            self._course_surveys, f"survey-course:{course.id}", self.service.clock(), course.id
        )

    async def _course_surveys(self, course_id: int) -> None:
        for survey in await self.service.repos.surveys.of_course(course_id):
            await self.plan(survey)

    async def plan(self, survey: Survey) -> None:
        now = self.service.clock()
        if survey.course_id is not None:
            course = await self.service.repos.courses.get(survey.course_id)
            due = self.service.auto_invite_due(survey, course) if course else None
            if due is not None:
                self.scheduler.at(
                    self.service.auto_invite,
                    f"survey-invite:{survey.id}",
                    max(due, now),
                    survey.id,
                )
        if survey.status == SurveyStatus.ACTIVE and survey.closes_at > now:
            self.scheduler.at(
                self.service.close, f"survey-close:{survey.id}", survey.closes_at, survey.id
            )
        reminder = await self.service.next_reminder(survey)
        if reminder is not None:
            self.scheduler.at(
                self.service.remind, f"survey-remind:{survey.id}", max(reminder, now), survey.id
            )
