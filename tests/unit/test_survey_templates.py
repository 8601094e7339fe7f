"""Issue 15: the built-in surveys as /newsurvey texts (sent back, the same survey, question
identities included), the office's saved templates, and the course field `followup`."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.errors import InvalidInput
from bot.services.course_fields import FieldProblem, parse_followup, parse_form
from bot.services.surveys.definition import feedback_template, parse_definition
from bot.services.surveys.model import QuestionKind
from bot.services.surveys.saved import TemplateNotFound
from bot.services.surveys.service import BUILT_IN_FOLLOWUP
from bot.services.surveys.templates import definition_text, followup_template
from bot.services.surveys.views import questions_of
from tests.factories import course_values, create_course
from tests.unit.test_course_fields import GOOD, NOW


def parsed_back(text: str, course_zones=None):
    body = text.removeprefix("/newsurvey\n")
    return parse_definition(body, NOW, "UTC", course_zones or {})


@pytest.mark.parametrize("template", [feedback_template, followup_template])
def test_a_built_in_survey_copied_as_text_and_sent_back_is_the_same_survey(
    localizations, template
):
    draft = template(localizations, None)
    parsed = parsed_back(definition_text(draft))
    assert parsed.problems == []
    assert parsed.draft.questions == draft.questions  # texts, options, ends, identities
    assert parsed.draft.title == draft.title and parsed.draft.intro == draft.intro
    assert parsed.draft.anonymous is True


# About what a phone shows on a full-width button before it cuts the text with "…".
PHONE_BUTTON = 32


@pytest.mark.parametrize("template", [feedback_template, followup_template])
def test_the_built_in_surveys_answer_buttons_fit_a_phone_screen(localizations, template):
    """Issue 15: each option is a button of its own (a multiple choice's with "⬜ " before
    it), so an officer on a phone reads it whole, in either language."""
    too_long = [
        text
        for question in template(localizations, None).questions
        for option in question.options
        for text in (option.en, option.ru)
        if len(f"⬜ {text}" if question.kind == QuestionKind.MULTI else text) > PHONE_BUTTON
    ]
    assert too_long == []


def test_the_template_buttons_fit_a_phone_screen(localizations):
    """Issue 15: the buttons under a survey's preview and in 🔁 Another template."""
    keys = (
        "button-template-feedback",
        "button-template-followup",
        "button-templates-manage",
        "button-survey-other-template",
        "button-survey-copy",
        "button-survey-save-template",
        "button-ask-organisers",
    )
    too_long = [
        text
        for locale in ("en", "ru")
        for text in (localizations.get(locale).plain(key) for key in keys)
        if len(text) > PHONE_BUTTON
    ]
    assert too_long == []


def test_the_follow_up_text_keeps_its_course_and_delay(localizations):
    draft = followup_template(localizations, 7)
    text = definition_text(draft.__class__(**{**draft.__dict__, "send_after": 90 * 24 * 60}))
    assert "course: 7\nsend_after: 90d\n" in text
    assert "rating #relevance: Looking back now, how relevant" in text
    parsed = parsed_back(text, {7: "Asia/Baku"})
    assert parsed.draft.send_after == 90 * 24 * 60 and parsed.draft.course_id == 7


def test_options_with_a_slash_or_one_text_for_both_languages_survive_the_round_trip():
    line = "choice: Speed? | Скорость? | km/h / км/ч; Online; TIR/ATA / TIR/ATA"
    (question,) = parsed_back(f"title_en: A\ntitle_ru: Б\n{line}").draft.questions
    text = definition_text(parsed_back(f"title_en: A\ntitle_ru: Б\n{line}").draft)
    assert parsed_back(text).draft.questions == (question,)


def test_a_question_identity_is_kept_and_misused_ones_are_refused():
    parsed = parsed_back("title_en: A\ntitle_ru: Б\nrating #Usefulness?: Useful? | Полезно?")
    (question,) = parsed.draft.questions
    assert question.ref == "usefulness" and not question.required
    bad = parsed_back(
        "title_en #x: A\ntitle_ru: Б\nrating #u: One? | Один?\nrating #u: Two? | Два?"
    )
    assert [(p.line, p.key) for p in bad.problems] == [
        (None, "survey-error-missing"),  # the title_en line was not taken
        (1, "survey-error-tag-setting"),
        (4, "survey-error-tag-duplicate"),
    ]


# -- My templates ----------------------------------------------------------------------------


async def test_templates_are_saved_listed_used_and_deleted(services, clock):
    s = services.surveys
    ends = clock.now - timedelta(hours=1)
    starts = ends - timedelta(hours=8)
    course = await create_course(services.courses, course_values(starts, ends, starts))
    built_in = await s.create_from_template(course.id, 1, BUILT_IN_FOLLOWUP)
    assert built_in.survey.send_after == 90 * 86400  # months after the course, not hours

    saved = await s.saved.save(built_in.survey.id, "  After workshops ", 1)
    assert saved.name == "After workshops"
    assert [t.name for t in await s.saved.all()] == ["After workshops"]

    used = await s.create_from_template(course.id, 1, str(saved.id))
    assert questions_of(used.survey) == questions_of(built_in.survey)
    assert used.survey.course_id == course.id and used.survey.anonymous

    switched = await s.switch_template(used.survey.id, str(saved.id), 1)
    assert await s.repos.surveys.get(used.survey.id) is None  # the replaced draft went
    assert switched.survey.id != used.survey.id

    assert await s.saved.delete(saved.id, 99) is True
    assert await s.saved.delete(saved.id, 99) is False  # a double tap
    with pytest.raises(TemplateNotFound):
        await s.create_from_template(course.id, 1, str(saved.id))


async def test_a_template_name_must_be_short_and_not_empty(services):
    s = services.surveys
    preview = await s.create_from_template(None, 1)
    for name, key in (
        ("   ", "template-error-name-empty"),
        ("x" * 61, "template-error-name-long"),
    ):
        with pytest.raises(InvalidInput) as refused:
            await s.saved.save(preview.survey.id, name, 1)
        assert refused.value.key == key
    assert await s.saved.all() == []


# -- the course field ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("90d", 90),
        ("90", 90),
        (" 180 days ", 180),
        ("120 дней", 120),
        ("off", None),
        ("нет", None),
    ],
)
def test_followup_is_a_number_of_days(typed, days):
    assert parse_followup(typed) == days


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("3 months", "course-error-followup"),
        ("soon", "course-error-followup"),
        ("5d", "course-error-followup-range"),
        ("731", "course-error-followup-range"),
    ],
)
def test_a_followup_that_is_not_7_to_730_days_is_refused_with_why(typed, key):
    with pytest.raises(FieldProblem) as problem:
        parse_followup(typed)
    assert problem.value.key == key


def test_the_course_form_takes_followup():
    assert parse_form(GOOD + "\nfollowup: 90d", NOW, "UTC").values["followup"] == 90
    problems = parse_form(GOOD + "\nfollowup: 3 months", NOW, "UTC").problems
    assert [(p.line, p.field, p.key) for p in problems] == [
        (13, "followup", "course-error-followup")
    ]


async def test_forget_keeps_the_offices_templates_without_who_saved_them(services, db):
    s = services.surveys
    await services.users.upsert_seen(42, "en")
    preview = await s.create_from_template(None, 42)
    await s.saved.save(preview.survey.id, "Pulse check", 42)
    await services.users.delete(42)
    (row,) = await db.fetch_all("SELECT name, created_by FROM survey_templates")
    assert tuple(row) == ("Pulse check", None)


def test_a_follow_up_two_years_after_its_course_copied_as_text_is_taken_back(localizations):
    """The course field allows a follow-up 730 days after the end: its /newsurvey text (the
    same survey, `send_after: 730d`) must be accepted too, not refused over 365 days."""
    from dataclasses import replace

    draft = replace(followup_template(localizations, 7), send_after=730 * 24 * 60)
    text = definition_text(draft)
    assert "send_after: 730d" in text
    parsed = parsed_back(text, {7: "Asia/Baku"})
    assert parsed.problems == []
    assert parsed.draft.send_after == 730 * 24 * 60
    too_late = parsed_back(text.replace("730d", "731d"), {7: "Asia/Baku"})
    assert [problem.key for problem in too_late.problems] == ["survey-error-duration"]


def test_the_newcourse_form_template_tells_organisers_about_the_followup_line(localizations):
    """The `followup: 90d` line is only found if the form's template names it."""
    for locale in ("en", "ru"):
        text = localizations.get(locale)("course-template", timezone="Asia/Baku")
        assert "<code>followup: 90d</code>" in text
