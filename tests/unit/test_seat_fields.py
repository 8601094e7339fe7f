"""Issue 14: the sign-up mode, quotas and quota release day, as organisers type them in the
one-message form, a dialog step or an edit; each bad value says what to fix, in both languages."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.i18n import Localizations
from bot.services import course_dialog
from bot.services.course_fields import FieldProblem, Times, field_values, parse_form
from handlers.screens.problems import describe_problem
from storage.courses import SignupMode

NOW = datetime(2027, 1, 10, 12, 0, tzinfo=UTC)
BAKU = Times(
    "Asia/Baku",
    datetime(2027, 3, 15, 5, 0, tzinfo=UTC),  # 09:00 in Baku (UTC+4)
    datetime(2027, 3, 17, 13, 0, tzinfo=UTC),
    datetime(2027, 3, 8, 14, 0, tzinfo=UTC),
)

FORM = """title_en: Risk management in customs
start: 2027-03-15 09:00
end: 2027-03-17 17:00
timezone: Asia/Baku
venue: Baku
language: en"""


def problem_of(field: str, raw: str, known: Times = BAKU) -> FieldProblem:
    with pytest.raises(FieldProblem) as refused:
        field_values(field, raw, known, NOW)
    return refused.value


@pytest.mark.parametrize(
    ("typed", "mode"),
    [
        ("open", SignupMode.OPEN),
        ("Approval", SignupMode.APPROVAL),
        ("nomination", SignupMode.NOMINATION),
        ("Свободная", SignupMode.OPEN),
        ("открытая", SignupMode.OPEN),
        ("по заявкам", SignupMode.APPROVAL),
        ("одобрение", SignupMode.APPROVAL),
        ("выдвижение", SignupMode.NOMINATION),
        ("номинация", SignupMode.NOMINATION),
        ("Свободная запись", SignupMode.OPEN),
        ("Focal points nominate", SignupMode.NOMINATION),
    ],
)
def test_a_sign_up_mode_is_understood_in_either_language(typed, mode):
    assert field_values("signup_mode", typed, BAKU, NOW) == {"signup_mode": mode}


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_a_mode_buttons_words_typed_instead_are_understood(localizations: Localizations, locale):
    t = localizations.get(locale)
    for mode in SignupMode:
        typed = t.plain(f"button-signup-mode-{mode.value}")
        assert field_values("signup_mode", typed, BAKU, NOW) == {"signup_mode": mode}


def test_an_unknown_sign_up_mode_is_refused_naming_the_choices():
    problem = problem_of("signup_mode", "first come")
    assert problem.key == "course-error-signup-mode"
    assert problem.values == {"value": "first come"}


def test_one_number_is_the_same_quota_for_every_country():
    assert field_values("quotas", "2", BAKU, NOW) == {"quotas": json.dumps({"*": 2})}


def test_quotas_per_country_are_stored_by_lower_case_code():
    values = field_values("quotas", "AZ 3, GE 2, KZ 2, *: 1", BAKU, NOW)
    assert json.loads(values["quotas"]) == {"az": 3, "ge": 2, "kz": 2, "*": 1}


@pytest.mark.parametrize("typed", ["-", "нет", "none"])
def test_a_dash_clears_the_quotas(typed):
    assert field_values("quotas", typed, BAKU, NOW) == {"quotas": None}


@pytest.mark.parametrize(
    ("typed", "key", "entry"),
    [
        ("AZ three", "course-error-quota-entry", "AZ three"),
        ("XX 3", "course-error-quota-country", "XX 3"),
        ("AZ 0", "course-error-quota-number", "AZ 0"),
        ("0", "course-error-quota-number", "0"),
        ("AZ 3, az 2", "course-error-quota-twice", "az 2"),
    ],
)
def test_a_bad_quota_names_the_entry_to_fix(typed, key, entry):
    problem = problem_of("quotas", typed)
    assert (problem.field, problem.key, problem.values) == ("quotas", key, {"entry": entry})


@pytest.mark.parametrize("typed", ["2027-03-01", "01.03.2027", "1.3.2027"])
def test_the_release_day_begins_at_midnight_in_the_courses_zone(typed):
    values = field_values("quota_release_at", typed, BAKU, NOW)
    assert values == {"quota_release_at": datetime(2027, 2, 28, 20, 0, tzinfo=UTC)}


def test_a_release_day_already_past_is_taken():
    values = field_values("quota_release_at", "01.01.2027", BAKU, NOW)
    assert values["quota_release_at"] < NOW


def test_the_release_may_be_on_the_day_of_the_start_but_not_after_it():
    assert field_values("quota_release_at", "15.03.2027", BAKU, NOW)["quota_release_at"]
    problem = problem_of("quota_release_at", "16.03.2027")
    assert problem.key == "course-error-quota-release-after-start"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("March 1", "course-error-date-format"),
        ("01.03.2027 09:00", "course-error-date-format"),
        ("30.02.2027", "course-error-no-such-date"),
    ],
)
def test_a_release_day_that_is_no_date_is_refused(typed, key):
    assert problem_of("quota_release_at", typed).key == key


def test_no_release_day_holds_the_quotas_until_the_start():
    assert field_values("quota_release_at", "-", BAKU, NOW) == {"quota_release_at": None}


def test_a_start_moved_before_the_release_day_is_refused():
    known = Times(
        BAKU.zone,
        BAKU.starts_at,
        BAKU.ends_at,
        BAKU.deadline_at,
        datetime(2027, 3, 9, 20, 0, tzinfo=UTC),  # 10 March in Baku
    )
    problem = problem_of("starts_at", "2027-03-09 09:00", known)
    assert (problem.field, problem.key) == ("starts_at", "course-error-quota-release-after-start")


def test_a_corrected_zone_keeps_the_release_on_the_same_day():
    known = Times("UTC", BAKU.starts_at, BAKU.ends_at, BAKU.deadline_at, BAKU.starts_at)
    values = field_values("timezone", "Asia/Baku", known, NOW)
    assert values["quota_release_at"] == datetime(2027, 3, 15, 1, 0, tzinfo=UTC)


def test_the_form_takes_mode_quotas_and_release_day():
    form = FORM + "\nsignup: nomination\nquotas: AZ 3, *: 1\nquota_release: 2027-03-01"
    parsed = parse_form(form, NOW, "UTC")
    assert parsed.problems == []
    assert parsed.values["signup_mode"] == SignupMode.NOMINATION
    assert json.loads(parsed.values["quotas"]) == {"az": 3, "*": 1}
    assert parsed.values["quota_release_at"] == datetime(2027, 2, 28, 20, 0, tzinfo=UTC)


def test_a_form_without_the_seat_fields_sets_none_of_them():
    """A course that never mentions them is an open one, exactly as before."""
    parsed = parse_form(FORM, NOW, "UTC")
    assert parsed.problems == []
    assert not {"signup_mode", "quotas", "quota_release_at"} & set(parsed.values)


def test_quota_is_the_short_name_of_the_same_setting():
    parsed = parse_form(FORM + "\nquota: 2", NOW, "UTC")
    assert json.loads(parsed.values["quotas"]) == {"*": 2}
    both = parse_form(FORM + "\nquota: 2\nquotas: AZ 3", NOW, "UTC")
    assert [(p.key, p.line) for p in both.problems] == [("course-error-duplicate-key", 8)]


def test_the_form_reports_each_bad_seat_field_on_its_line():
    form = FORM + "\nsignup: lottery\nquotas: AZ 3, QQ 1\nquota_release: 2027-04-01"
    problems = parse_form(form, NOW, "UTC").problems
    assert [(p.line, p.field, p.key) for p in problems] == [
        (7, "signup", "course-error-signup-mode"),
        (8, "quotas", "course-error-quota-country"),
        (9, "quota_release", "course-error-quota-release-after-start"),
    ]


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_every_seat_field_problem_reads_as_a_sentence_in_both_languages(
    localizations: Localizations, locale
):
    t = localizations.get(locale)
    form = FORM + "\nsignup: lottery\nquotas: AZ 3, QQ 1, GE 0, AZ x\nquota_release: 2027-04-01"
    cases = [
        *parse_form(form, NOW, "UTC").problems,
        problem_of("quotas", "AZ three"),
        problem_of("quotas", "AZ 3; az 1"),
        problem_of("quota_release_at", "March"),
    ]
    for problem in cases:
        assert t.has(problem.key), problem.key
        text = describe_problem(problem, t)
        assert "{" not in text and problem.key not in text, text


def test_the_dialog_asks_quotas_only_for_approval_or_nomination():
    asked = course_dialog.steps({"signup_mode": "open"})
    assert "signup_mode" in asked and "quotas" not in asked
    asked = course_dialog.steps({"signup_mode": "approval"})
    assert "quotas" in asked and "quota_release_at" not in asked
    asked = course_dialog.steps({"signup_mode": "nomination", "quotas": '{"*": 2}'})
    assert asked[-2:] == ("quotas", "quota_release_at")
    asked = course_dialog.steps({"signup_mode": "nomination", "quotas": None})
    assert "quota_release_at" not in asked


def test_quotas_kept_from_before_do_not_reach_an_open_course():
    """The organiser gave quotas, went back and chose open sign-up: none are stored."""
    draft = {
        "signup_mode": "open",
        "quotas": '{"*": 2}',
        "quota_release_at": "2027-03-01T00:00:00+00:00",
    }
    stored = course_dialog.stored_values(draft)
    assert stored == {"signup_mode": "open"}


def test_a_kept_release_day_after_a_start_moved_earlier_must_be_given_again():
    draft = {
        "timezone": "Asia/Baku",
        "starts_at": "2027-03-09T05:00:00+00:00",
        "signup_mode": "nomination",
        "quotas": '{"*": 2}',
        "quota_release_at": "2027-03-09T20:00:00+00:00",  # 10 March in Baku
    }
    problem = course_dialog.kept_problem("quota_release_at", draft, NOW)
    assert problem is not None and problem.key == "course-error-quota-release-after-start"
    draft["quota_release_at"] = "2027-03-08T20:00:00+00:00"  # the day of the start
    assert course_dialog.kept_problem("quota_release_at", draft, NOW) is None
