"""Courses and survey questions built the same way by unit, handler and end-to-end tests and
the benchmarks: each caller names only what its checks depend on."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.services.surveys.model import Bilingual, Question, QuestionKind
from storage.courses import Course, CourseRepository, CourseStatus

if TYPE_CHECKING:
    from bot.services.surveys import SurveyService

COURSE_FIELDS: dict[str, Any] = {
    "title_en": "Risk management in customs",
    "title_ru": "Управление рисками в таможне",
    "description_en": "Risk profiles and targeting.",
    "description_ru": "Профили риска и отбор.",
    "timezone": "Asia/Baku",
    "venue": "Baku",
    "capacity": 10,
    "language": "en",
}


def course_values(
    starts_at: datetime, ends_at: datetime, deadline_at: datetime, **fields: Any
) -> dict[str, Any]:
    """The fields of a new course: its dates, `fields` and a course in Baku for the rest."""
    dates = {"starts_at": starts_at, "ends_at": ends_at, "deadline_at": deadline_at}
    return {**COURSE_FIELDS, **dates, **fields}


async def create_course(
    courses: CourseRepository,
    values: dict[str, Any],
    created_by: int | None = 1,
    status: CourseStatus = CourseStatus.PUBLISHED,
) -> Course:
    """A course stored with `values` and moved to `status`, as read back afterwards."""
    course = await courses.create(values, created_by=created_by)
    if status != CourseStatus.DRAFT:
        await courses.set_status(course.id, status)
    stored = await courses.get(course.id)
    assert stored is not None
    return stored


def course_record(**changes: Any) -> Course:
    """A published course as the repository returns it, for code that only reads courses."""
    course = Course(
        id=12,
        title_en="Risk management in customs",
        title_ru="Управление рисками в таможне",
        description_en="Three days on risk profiles.",
        description_ru="Три дня о профилях риска.",
        starts_at=datetime(2027, 5, 10, 5, 0, tzinfo=UTC),  # 09:00 in Baku (UTC+4)
        ends_at=datetime(2027, 5, 12, 13, 0, tzinfo=UTC),
        timezone="Asia/Baku",
        venue="Customs Academy, Baku",
        online_url=None,
        capacity=20,
        deadline_at=datetime(2027, 5, 1, tzinfo=UTC),
        language="en",
        status=CourseStatus.PUBLISHED,
        revision=1,
        created_by=None,
        created_at="2027-01-01T00:00:00+00:00",
        updated_at="2027-01-01T00:00:00+00:00",
    )
    return replace(course, **changes)


@dataclass(frozen=True)
class CourseWithHours(Course):
    """A course with training hours, printed on certificates (issue 15 adds `hours` to
    Course itself; until then tests and the certificate samples use this)."""

    hours: int | None = None


def with_hours(course: Course, hours: int | None) -> Course:
    """The course with `hours` training hours."""
    values = {field.name: getattr(course, field.name) for field in fields(course)}
    values["hours"] = hours
    return CourseWithHours(**values)


FORMATS = (Bilingual("Online", "Онлайн"), Bilingual("In person", "Очно"))


def feedback_questions(
    formats: tuple[Bilingual, ...] = FORMATS, improve_required: bool = False
) -> tuple[Question, ...]:
    """A short feedback form with one question of each kind a survey answer takes: a rating,
    several formats to tick, a free text and a yes/no."""
    return (
        Question(QuestionKind.RATING, Bilingual("Overall?", "В целом?")),
        Question(QuestionKind.MULTI, Bilingual("Formats?", "Форматы?"), options=formats),
        Question(QuestionKind.TEXT, Bilingual("Improve?", "Улучшить?"), required=improve_required),
        Question(QuestionKind.YESNO, Bilingual("Recommend?", "Порекомендуете?")),
    )


async def answer_feedback(
    surveys: SurveyService,
    survey_id: int,
    user_id: int,
    rating: int,
    formats: list[int],
    improve: str = "",
) -> None:
    """`user_id` answers a `feedback_questions` survey to the end: `rating`, the `formats`
    options ticked, `improve` (empty: skipped) and "yes" to recommending from a rating of 4."""
    await surveys.begin(survey_id, user_id)
    await surveys.answer(survey_id, user_id, 0, rating)
    for option in formats:
        await surveys.toggle(survey_id, user_id, 1, option, True)
    await surveys.confirm_selection(survey_id, user_id, 1)
    await surveys.answer(survey_id, user_id, 2, improve or None)
    step = await surveys.answer(survey_id, user_id, 3, rating >= 4)
    assert step.response.finished
