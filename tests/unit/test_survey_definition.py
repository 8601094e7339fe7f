"""The one-message survey definition: a good one gives the draft, a bad one every problem at
once with its line; and the built-in feedback survey."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest

from bot.i18n import Localizations
from bot.services.surveys.definition import (
    ParsedSurvey,
    feedback_template,
    parse_definition,
    parse_question,
)
from bot.services.surveys.model import (
    OPTION_LIMIT,
    OPTION_TEXT_LIMIT,
    QUESTION_TEXT_LIMIT,
    QUESTIONS_LIMIT,
    Bilingual,
    Question,
    QuestionKind,
)

NOW = datetime(2027, 1, 10, 12, 0, tzinfo=UTC)
ZONES = {12: "Asia/Baku", 14: "Europe/Kyiv"}

MODULES = "Risk profiles / Профили риска; Targeting / Отбор"
FULL = f"""course: 12
title_en: Feedback: Risk management
title_ru: Отзыв: Управление рисками
intro_en: Five short questions, two minutes.
intro_ru: Пять коротких вопросов, две минуты.
anonymous: yes
opens: 2027-03-01 09:00
closes: 2027-03-31 23:59
timezone: Asia/Baku
send_after: 2h
remind_after: 2d
rating: How useful was the course for your work? | Насколько курс полезен для вашей работы?
rating: Trainers | Преподаватели | 1-10 | Poor / Плохо | Excellent / Отлично
choice: Most useful module? | Самый полезный модуль? | {MODULES}
multi: Which formats suit you? | Какие форматы вам подходят? | Online / Онлайн; In person / Очно
yesno: Would you recommend it? | Порекомендуете ли вы курс?
text?: What should we improve? | Что нам улучшить?"""

MINIMAL = """course: 12
title_en: Feedback
title_ru: Отзыв
yesno: Would you recommend it? | Порекомендуете ли вы курс?"""


def parse(text: str, zones: dict[int, str] = ZONES) -> ParsedSurvey:
    return parse_definition(text, NOW, "UTC", zones)


def problems(text: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.key) for p in parse(text).problems]


def test_the_full_example_gives_the_draft_in_order_with_utc_times():
    parsed = parse(FULL)
    assert parsed.problems == []
    draft = parsed.draft
    assert draft is not None
    assert draft.course_id == 12
    assert draft.title == Bilingual("Feedback: Risk management", "Отзыв: Управление рисками")
    assert draft.intro == Bilingual(
        "Five short questions, two minutes.", "Пять коротких вопросов, две минуты."
    )
    assert draft.anonymous is True
    assert draft.opens_at == datetime(2027, 3, 1, 5, 0, tzinfo=UTC)  # Baku is UTC+4
    assert draft.closes_at == datetime(2027, 3, 31, 19, 59, tzinfo=UTC)
    assert draft.send_after == 120 and draft.remind_after == 2 * 24 * 60
    assert [q.kind for q in draft.questions] == [
        QuestionKind.RATING,
        QuestionKind.RATING,
        QuestionKind.CHOICE,
        QuestionKind.MULTI,
        QuestionKind.YESNO,
        QuestionKind.TEXT,
    ]
    assert [q.required for q in draft.questions] == [True] * 5 + [False]
    useful, trainers, module, formats, recommend, improve = draft.questions
    assert useful == Question(
        QuestionKind.RATING,
        Bilingual(
            "How useful was the course for your work?", "Насколько курс полезен для вашей работы?"
        ),
    )
    assert (useful.scale_min, useful.scale_max, useful.low, useful.high) == (1, 5, None, None)
    assert (trainers.scale_min, trainers.scale_max) == (1, 10)
    assert trainers.low == Bilingual("Poor", "Плохо")
    assert trainers.high == Bilingual("Excellent", "Отлично")
    assert module.options == (
        Bilingual("Risk profiles", "Профили риска"),
        Bilingual("Targeting", "Отбор"),
    )
    assert formats.options == (Bilingual("Online", "Онлайн"), Bilingual("In person", "Очно"))
    assert recommend.text == Bilingual("Would you recommend it?", "Порекомендуете ли вы курс?")
    assert improve.text.ru == "Что нам улучшить?"


def test_left_out_settings_take_their_defaults():
    draft = parse(MINIMAL).draft
    assert draft is not None
    assert draft.intro is None and draft.anonymous is False
    assert draft.opens_at is None and draft.closes_at is None
    assert draft.send_after is None and draft.remind_after is None


@pytest.mark.parametrize(
    ("course", "zones", "expected"),
    [
        (12, ZONES, datetime(2027, 3, 31, 19, 59, tzinfo=UTC)),  # Asia/Baku, UTC+4
        (14, ZONES, datetime(2027, 3, 31, 20, 59, tzinfo=UTC)),  # Europe/Kyiv, summer UTC+3
    ],
)
def test_dates_are_in_the_course_zone_without_a_timezone_line(course, zones, expected):
    text = MINIMAL.replace("course: 12", f"course: {course}") + "\ncloses: 2027-03-31 23:59"
    draft = parse(text, zones).draft
    assert draft is not None and draft.closes_at == expected


def test_windows_line_endings_extra_spaces_and_capitals_are_accepted():
    text = (
        "Course:  #12\r\n"
        "title_en:   Feedback  \r\n"
        "\r\n"
        "title_ru: Отзыв\r\n"
        "choice  ? :  Module?|Модуль?  |  Risk/Риск ;Targeting  /  Отбор ;\r\n"
    )
    parsed = parse(text)
    assert parsed.problems == []
    assert parsed.draft is not None
    (question,) = parsed.draft.questions
    assert question.text == Bilingual("Module?", "Модуль?")
    assert question.required is False
    assert question.options == (Bilingual("Risk", "Риск"), Bilingual("Targeting", "Отбор"))


def test_an_option_without_a_slash_is_the_same_in_both_languages():
    question, found = parse_question(
        QuestionKind.MULTI, "Tools? | Инструменты? | ASYCUDA; km/h / км/ч"
    )
    assert found == []
    assert question is not None
    assert question.options == (Bilingual("ASYCUDA", "ASYCUDA"), Bilingual("km/h", "км/ч"))


@pytest.mark.parametrize(
    ("value", "minutes"),
    [("2h", 120), ("1d", 1440), ("30m", 30), ("1d 12h", 2160), ("no", 0), ("нет", 0), ("off", 0)],
)
def test_durations(value, minutes):
    draft = parse(f"{MINIMAL}\nsend_after: {value}\nremind_after: {value}").draft
    assert draft is not None
    assert draft.send_after == minutes and draft.remind_after == minutes


@pytest.mark.parametrize(("value", "expected"), [("yes", True), ("Да", True), ("no", False)])
def test_anonymous_yes_or_no(value, expected):
    draft = parse(f"{MINIMAL}\nanonymous: {value}").draft
    assert draft is not None and draft.anonymous is expected


def test_every_problem_is_reported_at_once_with_its_line():
    text = "\n".join(
        [
            "course: 99",  # 1
            "title_en: " + "x" * 201,  # 2
            "intro_en: Hello",  # 3
            "speaker: Dr. Ivanov",  # 4
            "anonymous: maybe",  # 5
            "opens: 2027-02-30 09:00",  # 6
            "closes: 2026-12-31 10:00",  # 7
            "send_after: soon",  # 8
            "rating: Trainers | Преподаватели | 2-6",  # 9
            "just a stray line",  # 10
            "choice: Module? | Модуль? | Only one",  # 11
            "yesno: Recommend?",  # 12
            "anonymous: no",  # 13
        ]
    )
    parsed = parse(text)
    assert parsed.draft is None
    assert [(p.line, p.key) for p in parsed.problems] == [
        (None, "survey-error-missing"),  # title_ru
        (None, "survey-error-missing"),  # intro_ru
        (1, "survey-error-course-unknown"),
        (2, "survey-error-too-long"),
        (4, "survey-error-unknown-key"),
        (5, "survey-error-yes-no"),
        (6, "survey-error-no-such-date"),
        (7, "survey-error-closes-past"),
        (8, "survey-error-duration"),
        (9, "survey-error-scale"),
        (10, "survey-error-stray-line"),
        (11, "survey-error-options-count"),
        (12, "survey-error-question-languages"),
        (13, "survey-error-duplicate-key"),
    ]
    by_line = {p.line: p for p in parsed.problems}
    assert by_line[1].values == {"course": 99} and by_line[1].field == "course"
    assert by_line[4].values == {"key": "speaker"}
    assert by_line[9].field == "rating"
    assert {p.values["key"] for p in parsed.problems if p.line is None} == {"title_ru", "intro_ru"}


QUESTION = "Question? | Вопрос?"
TITLES = "title_en: T\ntitle_ru: Т"
HEAD = f"course: 12\n{TITLES}"


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        (f"{TITLES}\nsend_after: 2h\nyesno: {QUESTION}", 3, "survey-error-send-after-course"),
        (f"course: twelve\n{TITLES}\nyesno: {QUESTION}", 1, "survey-error-course-number"),
        (f"course: 13\n{TITLES}\nyesno: {QUESTION}", 1, "survey-error-course-unknown"),
        (f"course: 12\ntitle_en: T\nyesno: {QUESTION}", None, "survey-error-missing"),
        (f"course: 12\ntitle_en: T\ntitle_ru:\nyesno: {QUESTION}", 3, "survey-error-empty"),
        (f"{HEAD}\nintro_ru: Вступление\nyesno: {QUESTION}", None, "survey-error-missing"),
        (HEAD, None, "survey-error-no-questions"),
        (
            f"{MINIMAL}\ntimezone: Europe/Kyiv\nopens: 2027-03-28 03:30",
            6,
            "survey-error-no-such-time",
        ),
        (
            f"{MINIMAL}\nopens: 2027-03-02 09:00\ncloses: 2027-03-01 09:00",
            6,
            "survey-error-closes-before-opens",
        ),
    ],
)
def test_each_rule_of_the_whole_definition(text, line, key):
    assert problems(text) == [(line, key)]
    assert parse(text).draft is None


def test_a_definition_without_a_course_is_accepted_for_sending_on_demand():
    """Issue 11: the README promises surveys without a course, sent on demand to everyone or
    a language group; a definition without `course:` was refused."""
    text = f"{TITLES}\nsend_after: no\ncloses: 2027-03-31 23:59\nyesno: {QUESTION}"
    parsed = parse_definition(text, NOW, "Asia/Baku", ZONES)
    assert parsed.problems == []
    draft = parsed.draft
    assert draft is not None and draft.course_id is None
    assert draft.send_after == 0  # "no" is fine: it only says what is true anyway
    # Without a course, times are in the bot's default zone (Baku is UTC+4).
    assert draft.closes_at == datetime(2027, 3, 31, 19, 59, tzinfo=UTC)


TOO_MANY_OPTIONS = "; ".join(f"O{i}" for i in range(OPTION_LIMIT + 1))
LONG_QUESTION = "x" * (QUESTION_TEXT_LIMIT + 1)
LONG_OPTION = "b" * (OPTION_TEXT_LIMIT + 1)


@pytest.mark.parametrize(
    ("bad_line", "key"),
    [
        # settings
        ("anonymous: perhaps", "survey-error-yes-no"),
        ("timezone: Asia/Atlantis", "survey-error-timezone"),
        ("opens: tomorrow", "survey-error-datetime-format"),
        ("opens: 2027-02-29 09:00", "survey-error-no-such-date"),
        ("closes: 2027-01-10 15:00", "survey-error-closes-past"),  # 11:00 UTC, before NOW
        ("remind_after: 2 weeks", "survey-error-duration"),
        ("remind_after: 800d", "survey-error-duration"),
        ("send_after: 2", "survey-error-duration"),
        ("title_en: Again", "survey-error-duplicate-key"),
        # the shape of a line
        ("color: blue", "survey-error-unknown-key"),
        ("anonymous?: yes", "survey-error-optional-setting"),
        ("second line of the question", "survey-error-stray-line"),
        # question texts and parts
        ("text: Only English", "survey-error-question-languages"),
        ("text: English | ", "survey-error-question-languages"),
        (f"text: {LONG_QUESTION} | Вопрос", "survey-error-question-too-long"),
        (f"yesno: {QUESTION} | Yes / Да", "survey-error-question-format"),
        (f"choice: {QUESTION}", "survey-error-question-format"),
        (f"rating: {QUESTION} | 1-5 | a | b | c", "survey-error-question-format"),
        # rating scales and their ends
        (f"rating: {QUESTION} | 2-5", "survey-error-scale"),
        (f"rating: {QUESTION} | 5-1", "survey-error-scale"),
        (f"rating: {QUESTION} | 0-11", "survey-error-scale"),
        (f"rating: {QUESTION} | 1-1", "survey-error-scale"),
        (f"rating: {QUESTION} | five", "survey-error-scale"),
        (f"rating: {QUESTION} | 1-5 | Poor / Плохо", "survey-error-rating-ends"),
        (f"rating: {QUESTION} | 1-5 | Poor / | Good / Хорошо", "survey-error-option-format"),
        # options
        (f"choice: {QUESTION} | One / Один", "survey-error-options-count"),
        (f"multi: {QUESTION} | {TOO_MANY_OPTIONS}", "survey-error-options-count"),
        (f"choice: {QUESTION} | A / А; B / Б / В", "survey-error-option-format"),
        (f"choice: {QUESTION} | A / А; B; / Б", "survey-error-option-format"),
        (f"choice: {QUESTION} | A / А; {LONG_OPTION} / Б", "survey-error-option-too-long"),
        (f"choice: {QUESTION} | Yes / Да; yes / Конечно", "survey-error-option-duplicate"),
        (f"choice: {QUESTION} | Yes / Да; Sure / да", "survey-error-option-duplicate"),
    ],
)
def test_each_rule_of_a_line(bad_line, key):
    text = f"{MINIMAL}\n{bad_line}"  # MINIMAL has four lines: this is line 5
    assert problems(text) == [(5, key)]
    assert parse(text).draft is None


def test_too_many_questions_points_at_the_first_one_too_many():
    questions = "\n".join(f"yesno: Q{i}? | В{i}?" for i in range(QUESTIONS_LIMIT + 1))
    found = parse(f"course: 12\ntitle_en: T\ntitle_ru: Т\n{questions}").problems
    assert [(p.line, p.key) for p in found] == [
        (4 + QUESTIONS_LIMIT, "survey-error-too-many-questions")
    ]
    assert found[0].values == {"count": QUESTIONS_LIMIT + 1, "max": QUESTIONS_LIMIT}


def test_one_question_line_reports_each_of_its_problems():
    long_text = "x" * (QUESTION_TEXT_LIMIT + 1)
    line = f"choice: {long_text} | Вопрос | A / А; A / Б; / C"
    found = problems(f"{MINIMAL}\n{line}")
    assert found == [
        (5, "survey-error-question-too-long"),
        (5, "survey-error-option-duplicate"),
        (5, "survey-error-option-format"),
    ]


@pytest.mark.parametrize("scale", ["0-10", "1-10", "1-11", "1-2", "0-1", "1 – 7"])
def test_accepted_scales(scale):
    question, found = parse_question(QuestionKind.RATING, f"{QUESTION} | {scale}")
    assert found == [] and question is not None
    low, high = (int(n) for n in re.findall(r"\d+", scale))
    assert (question.scale_min, question.scale_max) == (low, high)
    assert question.valid(high) and not question.valid(high + 1)


def test_an_empty_scale_part_keeps_the_default_with_labelled_ends():
    question, _ = parse_question(
        QuestionKind.RATING, f"{QUESTION} | | Low / Низко | High / Высоко"
    )
    assert question is not None
    assert (question.scale_min, question.scale_max) == (1, 5)
    assert question.low == Bilingual("Low", "Низко")


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_example_definition_parses_without_problems(localizations: Localizations, locale):
    message = localizations.get(locale)("survey-definition-example", course=12345)
    definition = html.unescape(re.sub(r"<[^>]+>", "", message.split("<pre>", 1)[1]))
    command, body = definition.split("\n", 1)
    assert command == "/newsurvey"
    assert "course: 12345\n" in body  # no thousands separator: it is copied back as a number
    parsed = parse_definition(body, NOW, "UTC", {12345: "Asia/Baku"})
    assert parsed.problems == []
    assert parsed.draft is not None and len(parsed.draft.questions) >= 5


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_example_without_a_course_parses_without_problems(
    localizations: Localizations, locale
):
    """Issue 11: with no course yet, the example has no made-up course number (which would be
    refused when sent back) and no send_after, and it parses as a survey without a course."""
    message = localizations.get(locale)("survey-definition-example-no-course")
    definition = html.unescape(re.sub(r"<[^>]+>", "", message.split("<pre>", 1)[1]))
    command, body = definition.split("\n", 1)
    assert command == "/newsurvey"
    assert "course:" not in body and "send_after" not in body
    parsed = parse_definition(body, NOW, "UTC", {})
    assert parsed.problems == []
    assert parsed.draft is not None and parsed.draft.course_id is None
    assert "course (" in message.split("<pre>", 1)[0]  # the course line is explained


SAMPLE_ANSWERS = {
    QuestionKind.RATING: 4,
    QuestionKind.TEXT: "The case studies",
    QuestionKind.YESNO: True,
}


def test_the_feedback_template(localizations: Localizations):
    draft = feedback_template(localizations, 12)
    assert draft.course_id == 12
    # Issue 11: anonymous by default (candid feedback); the preview offers named instead.
    assert draft.anonymous is True
    assert [q.kind for q in draft.questions] == [QuestionKind.RATING] * 4 + [
        QuestionKind.TEXT,
        QuestionKind.TEXT,
        QuestionKind.YESNO,
    ]
    assert [q.required for q in draft.questions] == [True] * 4 + [False, False, True]
    assert draft.intro is not None
    texts = [draft.title, draft.intro]
    for question in draft.questions:
        texts.append(question.text)
        if question.kind == QuestionKind.RATING:
            assert (question.scale_min, question.scale_max) == (1, 5)
            assert question.low is not None and question.high is not None
            texts += [question.low, question.high]
            assert len(question.low.en) <= OPTION_TEXT_LIMIT
        assert len(question.text.en) <= QUESTION_TEXT_LIMIT
        assert len(question.text.ru) <= QUESTION_TEXT_LIMIT
        assert question.valid(SAMPLE_ANSWERS[question.kind])
        assert question.valid(None) is not question.required
    for text in texts:
        assert text.en and text.ru and text.en != text.ru
        assert not text.en.startswith("survey-") and not text.ru.startswith("survey-")
    assert len({q.text.en for q in draft.questions}) == 7


def test_the_feedback_template_names_the_course_in_each_language(localizations: Localizations):
    draft = feedback_template(
        localizations, 12, Bilingual("Risk management", "Управление рисками")
    )
    assert "Risk management" in draft.title.en
    assert "Управление рисками" in draft.title.ru
    only_english = feedback_template(localizations, None, Bilingual("Risk management", ""))
    assert "Risk management" in only_english.title.ru  # a course without a Russian title
    assert only_english.course_id is None


def test_survey_times_are_taken_as_organisers_type_them_day_first():
    """Issue 13: opens/closes take 01.03.2027 9:00 like every other date an organiser types."""
    text = FULL.replace("opens: 2027-03-01 09:00", "opens: 01.03.2027 9:00").replace(
        "closes: 2027-03-31 23:59", "closes: 31.03.2027 23:59"
    )
    draft = parse(text).draft
    assert draft is not None
    assert draft.opens_at == datetime(2027, 3, 1, 5, 0, tzinfo=UTC)  # Baku is UTC+4
    assert draft.closes_at == datetime(2027, 3, 31, 19, 59, tzinfo=UTC)
