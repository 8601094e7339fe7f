"""What organisers type: each bad value is refused with the reason, every problem at once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services import course_fields as f
from bot.services.course_fields import (
    FieldProblem,
    parse_certificate,
    parse_certificate_language,
    parse_form,
    parse_hours,
)

NOW = datetime(2027, 1, 10, 12, 0, tzinfo=UTC)

GOOD = """title_en: Risk management in customs
title_ru: Управление рисками в таможне
description_en: Risk profiles, selectivity
  and targeting along the corridor.
description_ru: Профили риска и отбор грузов.
start: 2027-03-15 09:00
end: 2027-03-17 17:00
timezone: Asia/Baku
venue: ROCB Europe training centre, Baku
capacity: 25
deadline: 2027-03-08 18:00
language: ru"""


def test_a_complete_form_gives_every_value_in_utc():
    parsed = parse_form(GOOD, NOW, "UTC")
    assert parsed.problems == []
    values = parsed.values
    assert values["starts_at"] == datetime(2027, 3, 15, 5, 0, tzinfo=UTC)  # Baku is UTC+4
    assert values["deadline_at"] == datetime(2027, 3, 8, 14, 0, tzinfo=UTC)
    assert values["venue"] == "ROCB Europe training centre, Baku" and values["online_url"] is None
    assert values["capacity"] == 25 and values["language"] == "ru"
    assert values["description_en"].endswith("targeting along the corridor.")


def test_deadline_defaults_to_the_start_and_capacity_to_unlimited():
    text = "\n".join(
        line for line in GOOD.splitlines() if not line.startswith(("deadline", "capacity"))
    )
    values = parse_form(text, NOW, "UTC").values
    assert values["deadline_at"] == values["starts_at"]
    assert values.get("capacity") is None


def problems(text: str) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.field, p.key) for p in parse_form(text, NOW, "UTC").problems]


def test_every_problem_is_reported_at_once_with_its_line():
    text = (
        GOOD.replace("2027-03-15 09:00", "2027-02-30 09:00")
        .replace("capacity: 25", "capacity: twenty")
        .replace("timezone: Asia/Baku", "timezone: Asia/Atlantis")
        + "\nspeaker: Dr. Ivanov"
    )
    found = problems(text)
    assert (6, "start", "course-error-no-such-date") in found
    assert (8, "timezone", "course-error-timezone") in found
    assert (10, "capacity", "course-error-capacity") in found
    assert (13, "speaker", "course-error-unknown-key") in found


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("end: 2027-03-17 17:00", "end: 2027-03-14 17:00", "course-error-end-before-start"),
        (
            "deadline: 2027-03-08 18:00",
            "deadline: 2027-03-16 18:00",
            "course-error-deadline-after-start",
        ),
        ("start: 2027-03-15 09:00", "start: 2026-03-15 09:00", "course-error-start-past"),
        ("capacity: 25", "capacity: 0", "course-error-capacity"),
        ("capacity: 25", "capacity: -5", "course-error-capacity"),
        ("venue: ROCB Europe training centre, Baku", "online: not a link", "course-error-url"),
        ("language: ru", "language: de", "course-error-language"),
        ("start: 2027-03-15 09:00", "start: 15 March 2027 09:00", "course-error-datetime-format"),
        ("start: 2027-03-15 09:00", "start: 15/03/2027 09:00", "course-error-datetime-format"),
        ("start: 2027-03-15 09:00", "start: 31.02.2027 09:00", "course-error-no-such-date"),
    ],
)
def test_bad_values_are_refused(old, new, key):
    assert key in [k for _, _, k in problems(GOOD.replace(old, new))]


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15.03.2027 09:00", 15),
        ("2027-03-15 09:00", 15),
        ("15.03.2027 9:00", 15),
        ("2027-03-15T09:00", 15),
        ("5.3.2027 9:00", 5),
    ],
)
def test_organisers_dates_are_accepted_day_first_or_year_first(typed, day):
    """Issue 13: organisers type 15.03.2027 09:00 (as the prompts show it) or 2027-03-15."""
    assert f.parse_local_datetime(typed, "Asia/Baku", "start") == datetime(
        2027,
        3,
        day,
        5,
        0,
        tzinfo=UTC,  # 09:00 in Baku (UTC+4)
    )


def test_the_day_first_form_works_in_the_one_message_form():
    text = GOOD.replace("start: 2027-03-15 09:00", "start: 15.03.2027 9:00")
    assert parse_form(text, NOW, "UTC").values["starts_at"] == datetime(
        2027, 3, 15, 5, 0, tzinfo=UTC
    )


def test_a_current_value_is_shown_as_it_can_be_typed_back():
    moment = datetime(2027, 3, 15, 5, 0, tzinfo=UTC)
    shown = f.format_local_datetime(moment, "Asia/Baku")
    assert shown == "15.03.2027 09:00"
    assert f.parse_local_datetime(shown, "Asia/Baku", "start") == moment


@pytest.mark.parametrize("typed", ["без ограничений", "Без ограничения", "нет", "no limit"])
def test_capacity_words_the_prompts_name_mean_no_limit(typed):
    assert f.parse_capacity(typed) is None


@pytest.mark.parametrize("typed", ["по умолчанию", "default"])
def test_reminder_words_the_prompts_name_mean_the_default(typed):
    assert f.parse_reminders(typed) is None


@pytest.mark.parametrize("typed", ["нет", "off"])
def test_attendance_check_words_the_prompts_name_turn_it_off(typed):
    assert f.parse_attendance_check(typed) is None


def test_a_time_skipped_by_the_clock_change_is_refused():
    with pytest.raises(FieldProblem) as problem:
        f.parse_local_datetime("2027-03-28 02:30", "Europe/Brussels", "start")
    assert problem.value.key == "course-error-no-such-time"


def test_a_missing_field_is_named():
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith("language"))
    assert (None, "language", "course-error-missing") in problems(text)


def test_texts_too_long_for_a_card_are_refused():
    with pytest.raises(FieldProblem) as problem:
        f.parse_description("x" * (f.DESCRIPTION_MAX + 1))
    assert problem.value.key == "course-error-too-long"


def test_places_online_and_in_person():
    assert f.parse_place("https://meet.example.org/room") == (
        None,
        "https://meet.example.org/room",
    )
    assert f.parse_place("online: meet.example.org/x") == (None, "https://meet.example.org/x")
    assert f.parse_place("Tbilisi, Customs Academy") == ("Tbilisi, Customs Academy", None)
    with pytest.raises(FieldProblem):
        f.parse_place("online: http://")


def test_lengths_count_as_telegram_does_so_emoji_count_twice():
    from bot.services.course_fields import TITLE_MAX, FieldProblem, parse_title

    assert parse_title("🚚" * (TITLE_MAX // 2)) == "🚚" * (TITLE_MAX // 2)
    with pytest.raises(FieldProblem) as problem:
        parse_title("🚚" * (TITLE_MAX // 2 + 1))
    assert problem.value.values == {"max": TITLE_MAX, "length": TITLE_MAX + 2}


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en", "DD.MM.YYYY HH:MM (for example 15.03.2027"),
        ("ru", "ДД.ММ.ГГГГ ЧЧ:ММ (например, 15.03.2027"),
    ],
)
def test_a_refused_date_names_the_format_in_the_organisers_language(localizations, locale, shown):
    t = localizations.get(locale)
    with pytest.raises(FieldProblem) as problem:
        f.parse_local_datetime("next Monday", "UTC", "start")
    assert shown in t(problem.value.key, **problem.value.values)
    for key in ("course-ask-starts_at", "announce-ask-schedule", "survey-error-datetime-format"):
        assert shown.split(" (")[0] in t(key, zone="UTC", value="x"), key


# -- certificates (issue 15) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "share"), [("80%", 80), ("80", 80), (" 50 % ", 50), ("all", None), ("100%", None)]
)
def test_certificate_share_is_a_percentage_of_the_days(typed, share):
    assert parse_certificate(typed) == share


@pytest.mark.parametrize("typed", ["0", "101%", "eighty", "80 days"])
def test_a_certificate_share_outside_1_to_100_is_explained(typed):
    with pytest.raises(FieldProblem) as problem:
        parse_certificate(typed)
    assert problem.value.key == "course-error-certificate"


def test_certificate_language_and_hours_are_parsed_in_either_language():
    assert parse_certificate_language("Bilingual") == "bilingual"
    assert parse_certificate_language("свой") == "own"
    assert parse_hours("16") == 16 and parse_hours("-") is None
    with pytest.raises(FieldProblem) as problem:
        parse_hours("sixteen")
    assert problem.value.key == "course-error-hours"
