"""What the survey service hands back: a respondent's step, and what the organisers' screens
show (a draft's preview, an activation, the results and their files)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.services.surveys.model import Question
from bot.services.surveys.results import ResponseRow, Summary, results_hidden
from storage.courses import Course
from storage.surveys import Response, Survey


def questions_of(survey: Survey) -> tuple[Question, ...]:
    return tuple(Question.from_json(item) for item in survey.question_data)


@dataclass(frozen=True)
class Result:
    """What /results shows: the finished responses it can read, how many were invited, and
    how many finished anonymous responses cannot be read (their survey's key is missing)."""

    survey: Survey
    rows: list[ResponseRow]
    invited: int
    unreadable: int


@dataclass(frozen=True)
class Preview:
    """A survey as its organiser checks it, with its course (None: not tied to one)."""

    survey: Survey
    course: Course | None


@dataclass(frozen=True)
class Launch:
    """What an organiser is told after activating: when the automatic invitation goes out
    (`invite_at` None: on demand only; `invite_now`: it is due already)."""

    survey: Survey
    course: Course | None
    invite_at: datetime | None
    invite_now: bool


@dataclass(frozen=True)
class Report:
    """/results for one survey: what may be shown of it, and when it closes (`closing`: the
    `when` and `zone` of the message, in the course's zone, else UTC)."""

    survey: Survey
    questions: tuple[Question, ...]
    rows: list[ResponseRow]
    summary: Summary
    unreadable: int
    released: bool
    closing: dict[str, str]

    @property
    def visible(self) -> bool:
        return not results_hidden(self.summary, self.survey.anonymous)


@dataclass(frozen=True)
class ExportFile:
    """A survey's responses as a file, its title in the organiser's language, and how many
    responses it holds."""

    data: bytes
    filename: str
    title: str
    rows: int


@dataclass(frozen=True)
class Step:
    """Where a respondent is after an action: the question to show next (None: finished).

    `recorded` is False when the action changed nothing (a double tap, an old button).
    """

    survey: Survey
    response: Response
    recorded: bool = True

    @property
    def questions(self) -> tuple[Question, ...]:
        return questions_of(self.survey)

    @property
    def index(self) -> int:
        return self.response.position

    @property
    def question(self) -> Question | None:
        questions = self.questions
        if self.response.finished or self.index >= len(questions):
            return None
        return questions[self.index]
