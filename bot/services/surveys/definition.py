"""The one-message survey definition (`/newsurvey` and `key: value` lines), and the built-in
post-training feedback survey.

A definition is long, so every problem is reported at once with its line: the organiser fixes
them all in one go instead of resending the message once per mistake. Problems are
FieldProblems naming `survey-error-*` Fluent messages, like the course form's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, TypeVar

from bot.i18n import Localizations
from bot.services.course_fields import (
    FOLLOWUP_MAX_DAYS,
    FieldProblem,
    parse_local_datetime,
    parse_timezone,
)
from bot.services.profiles import clean_text
from bot.services.surveys.built_in import BuiltInTexts
from bot.services.surveys.model import (
    OPTION_LIMIT,
    OPTION_TEXT_LIMIT,
    QUESTION_TEXT_LIMIT,
    QUESTIONS_LIMIT,
    SCALE_POINTS_LIMIT,
    Bilingual,
    Question,
    QuestionKind,
    SurveyDraft,
)

T = TypeVar("T")

TITLE_MAX = 200
INTRO_MAX = 1000  # shown above the first question: keep that message short enough to read
# As long as a course's `followup` may be: a follow-up copied as text (send_after: 730d) is
# taken back. Longer is a typo, and would overflow datetime arithmetic.
DURATION_MAX_DAYS = FOLLOWUP_MAX_DAYS

SETTING_KEYS = (
    "course",
    "title_en",
    "title_ru",
    "intro_en",
    "intro_ru",
    "anonymous",
    "opens",
    "closes",
    "timezone",
    "send_after",
    "remind_after",
)
QUESTION_KEYS = tuple(kind.value for kind in QuestionKind)

# The course parsers we reuse name course-error-* messages; renamed, the survey's messages can
# be worded (and changed) on their own. The variables stay the same.
BORROWED_ERRORS = {
    "course-error-timezone": "survey-error-timezone",
    "course-error-datetime-format": "survey-error-datetime-format",
    "course-error-no-such-date": "survey-error-no-such-date",
    "course-error-no-such-time": "survey-error-no-such-time",
}

# Keys are matched whatever the case: phone keyboards capitalise the first letter of a line.
# A question's type may carry its identity, `rating #relevance:` (what compares it across
# surveys, see model.Question.ref).
_KEY_LINE = re.compile(
    r"^\s*([A-Za-z][A-Za-z_]*)\s*(?:#\s*([A-Za-z0-9_-]{1,30}))?\s*(\?)?\s*:\s?(.*)$"
)
_COURSE = re.compile(r"^[#№]?\s*(\d{1,18})$")
_SCALE = re.compile(r"^(\d{1,3})\s*[-–—]\s*(\d{1,3})$")
_DURATION = re.compile(r"^(?:\d{1,6}\s*[dhm]\s*)+$")
_DURATION_PART = re.compile(r"(\d+)\s*([dhm])")
_MINUTES = {"d": 24 * 60, "h": 60, "m": 1}
_YES = {"yes", "да"}
_NO = {"no", "нет"}
_NEVER = {"no", "нет", "off", "0"}

# How many `|`-separated parts may follow a question's two texts, per kind.
_EXTRA_PARTS: dict[QuestionKind, tuple[int, ...]] = {
    QuestionKind.RATING: (0, 1, 3),  # [scale] or scale | low end | high end
    QuestionKind.CHOICE: (1,),  # options
    QuestionKind.MULTI: (1,),
    QuestionKind.YESNO: (0,),
    QuestionKind.TEXT: (0,),
}


@dataclass
class ParsedSurvey:
    """`draft` is None exactly when there are `problems` (sorted by line)."""

    draft: SurveyDraft | None
    problems: list[FieldProblem]


@dataclass(frozen=True)
class _Line:
    number: int
    field: str  # the key as typed (lower-case, with its "?"): problem reports name it
    value: str


@dataclass(frozen=True)
class _QuestionLine:
    line: _Line
    kind: QuestionKind
    required: bool
    ref: str | None = None


@dataclass
class _Report:
    """Collects every problem, so parsing goes on after the first one."""

    problems: list[FieldProblem] = field(default_factory=list)

    def add(self, line: int | None, field: str, message: str, /, **values: Any) -> None:
        self.problems.append(FieldProblem(field, message, values, line))

    def found(self, line: _Line, problem: FieldProblem) -> None:
        key = BORROWED_ERRORS.get(problem.key, problem.key)
        self.add(line.number, line.field, key, **problem.values)

    def take(self, line: _Line | None, parse: Callable[..., T], *args: Any) -> T | None:
        """`parse(line.value, *args)`, or None when the line is absent or its value is bad."""
        if line is None:
            return None
        try:
            return parse(line.value, *args)
        except FieldProblem as problem:
            self.found(line, problem)
            return None


def _problem(message: str, /, **values: Any) -> FieldProblem:
    # The field and line are filled in by _Report, which knows which line is being read.
    return FieldProblem("", message, values)


# -- the definition --------------------------------------------------------------------------


def parse_definition(
    text: str, now: datetime, default_timezone: str, course_zones: Mapping[int, str]
) -> ParsedSurvey:
    """Parse the lines below `/newsurvey`; `course_zones`: existing course id -> IANA zone.

    Without a `course:` line the survey belongs to no course: it goes out only when an
    organiser sends it (to everyone or one language group), so `send_after` has no meaning.
    """
    report = _Report()
    settings, question_lines = _read_lines(text, report)
    course_id = report.take(settings.get("course"), _parse_course, course_zones)
    title = _read_texts(settings, "title", TITLE_MAX, report, required=True)
    intro = _read_texts(settings, "intro", INTRO_MAX, report, required=False)
    anonymous = report.take(settings.get("anonymous"), _parse_yes_no)
    zone = default_timezone if course_id is None else course_zones[course_id]
    zone = report.take(settings.get("timezone"), parse_timezone) or zone
    opens, closes = _read_period(settings, zone, now, report)
    send_after = report.take(settings.get("send_after"), _parse_duration)
    if send_after and "course" not in settings:
        # Only a course has an end to count from; silently ignoring the line would leave the
        # organiser waiting for invitations that never go out.
        report.add(settings["send_after"].number, "send_after", "survey-error-send-after-course")
    remind_after = report.take(settings.get("remind_after"), _parse_duration)
    questions = _read_questions(question_lines, report)
    # title is None only when a problem says why.
    if report.problems or title is None:
        return ParsedSurvey(None, sorted(report.problems, key=lambda p: p.line or 0))
    draft = SurveyDraft(
        title=title,
        questions=questions,
        intro=intro,
        course_id=course_id,
        anonymous=bool(anonymous),
        opens_at=opens,
        closes_at=closes,
        send_after=send_after,
        remind_after=remind_after,
    )
    return ParsedSurvey(draft, [])


def _read_lines(text: str, report: _Report) -> tuple[dict[str, _Line], list[_QuestionLine]]:
    """Sort the lines into settings (each at most once) and questions (in their order)."""
    settings: dict[str, _Line] = {}
    questions: list[_QuestionLine] = []
    # splitlines() also ends lines at "\r\n", so Windows line endings need nothing special.
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        match = _KEY_LINE.match(raw)
        if match is None:
            report.add(number, "", "survey-error-stray-line", text=clean_text(raw)[:40])
            continue
        key, ref, optional = match[1].lower(), match[2], bool(match[3])
        line = _Line(number, key + ("?" if optional else ""), match[4])
        if key in QUESTION_KEYS:
            kind = QuestionKind(key)
            tag = ref.lower() if ref else None
            questions.append(_QuestionLine(line, kind, required=not optional, ref=tag))
        elif key not in SETTING_KEYS:
            report.add(number, line.field, "survey-error-unknown-key", key=key)
        elif optional:
            report.add(number, line.field, "survey-error-optional-setting", key=key)
        elif ref:
            report.add(number, line.field, "survey-error-tag-setting", key=key)
        elif key in settings:
            report.add(number, key, "survey-error-duplicate-key", key=key)
        else:
            settings[key] = line
    return settings, questions


def _parse_course(raw: str, course_zones: Mapping[int, str]) -> int:
    # "#12" and "№12" too: that is how course numbers are shown to organisers.
    match = _COURSE.match(clean_text(raw))
    if match is None:
        raise _problem("survey-error-course-number", value=clean_text(raw))
    course_id = int(match[1])
    if course_id not in course_zones:
        raise _problem("survey-error-course-unknown", course=course_id)
    return course_id


def _read_texts(
    settings: Mapping[str, _Line], stem: str, limit: int, report: _Report, *, required: bool
) -> Bilingual | None:
    """`<stem>_en` and `<stem>_ru`: both, or (when not required) neither."""
    lines = {lang: settings.get(f"{stem}_{lang}") for lang in ("en", "ru")}
    if not required and not any(lines.values()):
        return None
    texts: dict[str, str | None] = {}
    for lang, line in lines.items():
        if line is None:
            report.add(None, f"{stem}_{lang}", "survey-error-missing", key=f"{stem}_{lang}")
        texts[lang] = report.take(line, _parse_text, limit)
    en, ru = texts["en"], texts["ru"]
    return Bilingual(en, ru) if en is not None and ru is not None else None


def _parse_text(raw: str, limit: int) -> str:
    text = clean_text(raw)
    if not text:
        raise _problem("survey-error-empty")
    if len(text) > limit:
        raise _problem("survey-error-too-long", length=len(text), max=limit)
    return text


def _parse_yes_no(raw: str) -> bool:
    text = clean_text(raw).lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise _problem("survey-error-yes-no", value=clean_text(raw))


def _parse_duration(raw: str) -> int:
    """`2h`, `1d`, `30m` (or `1d 12h`) -> minutes; `no`/`off` -> 0."""
    text = clean_text(raw).lower()
    if text in _NEVER:
        return 0
    if _DURATION.match(text):
        minutes = sum(int(n) * _MINUTES[unit] for n, unit in _DURATION_PART.findall(text))
        if minutes <= DURATION_MAX_DAYS * _MINUTES["d"]:
            return minutes
    raise _problem("survey-error-duration", value=clean_text(raw), max=DURATION_MAX_DAYS)


def _read_period(
    settings: Mapping[str, _Line], zone: str, now: datetime, report: _Report
) -> tuple[datetime | None, datetime | None]:
    opens = report.take(settings.get("opens"), parse_local_datetime, zone, "opens")
    closes = report.take(settings.get("closes"), parse_local_datetime, zone, "closes")
    if closes is not None:
        line = settings["closes"].number
        if closes <= now:
            report.add(line, "closes", "survey-error-closes-past")
        if opens is not None and closes <= opens:
            report.add(line, "closes", "survey-error-closes-before-opens")
    return opens, closes


def _read_questions(lines: list[_QuestionLine], report: _Report) -> tuple[Question, ...]:
    if not lines:
        report.add(None, "questions", "survey-error-no-questions")
    elif len(lines) > QUESTIONS_LIMIT:
        first_extra = lines[QUESTIONS_LIMIT].line
        report.add(
            first_extra.number,
            first_extra.field,
            "survey-error-too-many-questions",
            count=len(lines),
            max=QUESTIONS_LIMIT,
        )
    questions = []
    refs: set[str] = set()
    for item in lines:
        question, problems = parse_question(item.kind, item.line.value, required=item.required)
        if item.ref is not None:
            if item.ref in refs:
                problems.append(_problem("survey-error-tag-duplicate", tag=item.ref))
            refs.add(item.ref)
        for problem in problems:
            report.found(item.line, problem)
        if question is not None:
            questions.append(replace(question, ref=item.ref))
    return tuple(questions)


# -- one question ----------------------------------------------------------------------------


def parse_question(
    kind: QuestionKind, raw: str, *, required: bool = True
) -> tuple[Question | None, list[FieldProblem]]:
    """`English | Russian [| more parts]` -> the question, or None and every problem in it."""
    parts = [clean_text(part) for part in raw.split("|")]
    texts, extra = parts[:2], parts[2:]
    problems: list[FieldProblem] = []
    if len(texts) < 2 or not all(texts):
        problems.append(_problem("survey-error-question-languages"))
    for text in texts:
        if len(text) > QUESTION_TEXT_LIMIT:
            problems.append(
                _problem(
                    "survey-error-question-too-long", length=len(text), max=QUESTION_TEXT_LIMIT
                )
            )
    details: dict[str, Any] = {}
    if len(extra) in _EXTRA_PARTS[kind]:
        if kind == QuestionKind.RATING:
            details = _rating_details(extra, problems)
        elif kind in (QuestionKind.CHOICE, QuestionKind.MULTI):
            details = {"options": _options(extra[0], problems)}
    elif kind == QuestionKind.RATING and len(extra) == 2:
        problems.append(_problem("survey-error-rating-ends"))
    elif len(texts) == 2:  # without the "|" the languages problem says it all
        problems.append(_problem("survey-error-question-format", kind=kind.value))
    if problems:
        return None, problems
    return Question(kind, Bilingual(*texts), required, **details), []


def _rating_details(extra: list[str], problems: list[FieldProblem]) -> dict[str, Any]:
    """Scale and labelled ends; an empty scale part keeps the default 1-5."""
    details: dict[str, Any] = {}
    if extra and extra[0]:
        try:
            details["scale_min"], details["scale_max"] = _parse_scale(extra[0])
        except FieldProblem as problem:
            problems.append(problem)
    for name, raw in zip(("low", "high"), extra[1:], strict=False):
        try:
            details[name] = _parse_label(raw)
        except FieldProblem as problem:
            problems.append(problem)
    return details


def _parse_scale(raw: str) -> tuple[int, int]:
    # Starting at 0 or 1 keeps results comparable; wider scales don't fit one row of buttons.
    match = _SCALE.match(raw)
    if match:
        low, high = int(match[1]), int(match[2])
        if low in (0, 1) and low < high and high - low + 1 <= SCALE_POINTS_LIMIT:
            return low, high
    raise _problem("survey-error-scale", value=raw, max=SCALE_POINTS_LIMIT)


def _options(raw: str, problems: list[FieldProblem]) -> tuple[Bilingual, ...]:
    # Empty items are dropped: a trailing ";" is a common slip, not a missing option.
    items = [item for item in (clean_text(part) for part in raw.split(";")) if item]
    if not 2 <= len(items) <= OPTION_LIMIT:
        problems.append(_problem("survey-error-options-count", count=len(items), max=OPTION_LIMIT))
    options: list[Bilingual] = []
    for item in items:
        try:
            option = _parse_label(item)
        except FieldProblem as problem:
            problems.append(problem)
            continue
        if any(o.en.casefold() == option.en.casefold() for o in options) or any(
            o.ru.casefold() == option.ru.casefold() for o in options
        ):
            problems.append(_problem("survey-error-option-duplicate", option=item))
        options.append(option)
    return tuple(options)


def _parse_label(raw: str) -> Bilingual:
    """`English / Russian` (an option or an end of a scale); without "/" one text for both."""
    # A spaced " / " separates the languages when present, so "km/h / км/ч" still works.
    halves = re.split(r"\s+/\s+", raw) if re.search(r"\s/\s", raw) else raw.split("/")
    halves = [clean_text(half) for half in halves]
    if len(halves) > 2 or not all(halves):
        raise _problem("survey-error-option-format", option=raw)
    for half in halves:
        if len(half) > OPTION_TEXT_LIMIT:
            raise _problem(
                "survey-error-option-too-long",
                option=half,
                length=len(half),
                max=OPTION_TEXT_LIMIT,
            )
    return Bilingual(halves[0], halves[-1])


# -- the built-in feedback survey ------------------------------------------------------------


def feedback_template(
    localizations: Localizations, course_id: int | None, course_title: Bilingual | None = None
) -> SurveyDraft:
    """The usual post-training feedback survey, in both languages from the locale files.

    Anonymous unless the organiser switches it on the preview: officers rate their trainers
    and the organisation more candidly when the answer cannot be traced back to them.
    """
    texts = BuiltInTexts(localizations)
    both = texts.both

    def rating(key: str, low: str, high: str) -> Question:
        # The key's last word is the question's identity: the follow-up survey asks
        # "overall" and "relevance" again, and the two are compared by it.
        ref = key.removeprefix("survey-template-")
        return Question(QuestionKind.RATING, both(key), low=both(low), high=both(high), ref=ref)

    title = texts.title("survey-template-title", course_title)
    questions = (
        rating("survey-template-overall", "survey-template-low", "survey-template-high"),
        rating(
            "survey-template-relevance",
            "survey-template-relevance-low",
            "survey-template-relevance-high",
        ),
        rating("survey-template-trainers", "survey-template-low", "survey-template-high"),
        rating("survey-template-organisation", "survey-template-low", "survey-template-high"),
        Question(QuestionKind.TEXT, both("survey-template-useful"), required=False),
        Question(QuestionKind.TEXT, both("survey-template-improve"), required=False),
        Question(QuestionKind.YESNO, both("survey-template-recommend")),
    )
    return SurveyDraft(
        title=title,
        questions=questions,
        intro=both("survey-template-intro"),
        course_id=course_id,
        anonymous=True,
    )
