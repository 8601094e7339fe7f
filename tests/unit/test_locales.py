"""Both locales complete: same keys, same variables, no Junk, every key used in code exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.commands import ORGANISER_COMMANDS, PARTICIPANT_COMMANDS
from bot.config import LOCALES
from bot.countries import COUNTRIES, NAMED_ZONES, TIMEZONE_CHOICES, zone_slug
from bot.i18n import LOCALES_DIR, Localizations, pick_locale
from bot.services.announcements import COURSE_STATUSES
from bot.services.course_fields import FORM_KEYS
from bot.services.courses import EDITABLE
from bot.services.exports import CSV_QUOTA_COLUMNS, EXPORT_COLUMNS, QUOTA_COLUMNS, status_key
from bot.services.surveys import AUDIENCES as SURVEY_AUDIENCES
from bot.services.surveys.definition import BORROWED_ERRORS
from bot.services.surveys.model import QuestionKind
from bot.ui.callbacks import MenuAction
from bot.ui.keyboards import timezone_key
from bot.ui.roster import PLACES, STATUS_MARK
from storage.audit import AuditAction
from storage.courses import DIALOG_STEPS as STEPS
from storage.courses import CourseStatus
from storage.registrations import RegStatus
from storage.users import PROFILE_FIELDS

ROOT = Path(__file__).parents[2]


def _messages(locale: str) -> dict[str, ast.Message]:
    out: dict[str, ast.Message] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [entry.content for entry in resource.body if isinstance(entry, ast.Junk)]
        assert not junk, f"{path} has entries Fluent cannot parse: {junk}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in out, f"{entry.id.name} defined twice in {locale}"
                out[entry.id.name] = entry
    return out


def _variables(node: object) -> set[str]:
    found: set[str] = set()

    class Variables(Visitor):
        def visit_VariableReference(self, ref: ast.VariableReference) -> None:
            found.add(ref.id.name)

    Variables().visit(node)
    return found


def test_both_locales_have_the_same_keys_and_variables():
    en, ru = _messages("en"), _messages("ru")
    assert sorted(set(en) - set(ru)) == [], "missing in ru"
    assert sorted(set(ru) - set(en)) == [], "missing in en"
    for key in en:
        assert _variables(en[key]) == _variables(ru[key]), key


def _keys_used_in_code() -> set[str]:
    keys: set[str] = set()
    # t("key" ...) calls, keys given as an argument of anything else (DomainError("key"),
    # FieldProblem(field, "key")) and the keys domain errors declare as class attributes.
    literal = re.compile(
        r"""\bt\(\s*["']([a-z][a-z0-9_-]*)["']"""
        r"""|[(,]\s*["']((?:[a-z]+-)+[a-z0-9_]+)["']"""
        # A domain error's message: `key = "survey-closed"` or `, key="error-not-found"`.
        r"""|\bkey\s*=\s*["']((?:[a-z]+-)+[a-z0-9_]+)["']""",
    )
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            for match in literal.finditer(path.read_text(encoding="utf-8")):
                keys.add(match[1] or match[2] or match[3])
    # Keys built from data rather than written out literally.
    keys |= {c.name_key for c in COUNTRIES}
    keys |= {timezone_key(zone) for zone in TIMEZONE_CHOICES}
    keys |= {f"tz-{kind}-{zone_slug(zone)}" for zone in NAMED_ZONES for kind in ("city", "time")}
    keys |= {f"button-menu-{a.value}" for a in MenuAction}
    keys |= {f"profile-ask-{f}" for f in PROFILE_FIELDS}
    keys |= {f"button-edit-{f}" for f in PROFILE_FIELDS}
    keys |= {f"course-ask-{step}" for step in STEPS}
    keys |= {f"course-field-{name}" for name in (*EDITABLE, *FORM_KEYS)}
    keys |= {f"course-status-{status.value}" for status in CourseStatus}
    keys |= {f"language-name-{code}" for code in LOCALES}
    keys |= {f"cmd-{name}" for name in (*PARTICIPANT_COMMANDS, *ORGANISER_COMMANDS)}
    keys |= {f"announce-status-{s}" for s in ("draft", "scheduled", "sending", "done", "stopped")}
    keys |= {f"button-audience-status-{s}" for s in COURSE_STATUSES}
    keys |= {f"export-column-{c.replace('_', '-')}" for c in EXPORT_COLUMNS}
    keys |= {f"export-quota-column-{c}" for c in QUOTA_COLUMNS}
    keys |= {f"export-csv-country-{c}" for c in CSV_QUOTA_COLUMNS}
    keys |= {status_key(status) for status in RegStatus}
    keys |= {f"roster-group-{status.value}" for status in STATUS_MARK}
    keys |= {f"button-roster-to-{place.value}" for place in PLACES}
    keys |= set(BORROWED_ERRORS.values())
    keys |= {f"audit-action-{a.value.replace('.', '-')}" for a in AuditAction}
    keys |= {f"button-survey-audience-{code}" for code in SURVEY_AUDIENCES}
    keys |= {f"survey-kind-{kind.value}" for kind in QuestionKind}
    return keys


def test_every_key_used_in_code_exists_in_both_locales():
    defined = set(_messages("en"))
    used = {key for key in _keys_used_in_code() if "-" in key}
    assert sorted(used - defined) == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 пользователь запустил"),
        (2, "2 пользователя запустили"),
        (5, "5 пользователей запустили"),
        (11, "11 пользователей запустили"),
        (21, "21 пользователь запустил"),
        (22, "22 пользователя запустили"),
    ],
)
def test_russian_plural_forms(localizations: Localizations, count, expected):
    text = localizations.get("ru")("stats-summary", total=count, active=count, complete=count)
    assert expected in text


def test_no_invisible_isolation_marks(localizations: Localizations):
    text = localizations.get("en")("start-welcome", name="Ana")
    assert "\u2068" not in text and "\u2069" not in text


def test_loaded_messages_keep_no_source_positions(localizations: Localizations):
    """Issue 16: a Span (start and end in the .ftl file) on every node of every message cost
    the running bot 2.4 MB; only tools that point at a line use them."""
    message = localizations.get("en")._catalog.message("start-welcome")
    assert message is not None and message.span is None
    assert all(element.span is None for element in message.value.elements)


def test_a_missing_key_is_returned_as_is_and_logged(localizations: Localizations, caplog):
    assert localizations.get("en")("no-such-key") == "no-such-key"
    assert "Missing Fluent message" in caplog.text


@pytest.mark.parametrize(
    ("chosen", "telegram", "expected"),
    [
        (None, "ru", "ru"),
        (None, "ru-RU", "ru"),
        (None, "kk", "en"),
        (None, None, "en"),
        ("en", "ru", "en"),
        ("ru", "en", "ru"),
    ],
)
def test_the_stored_choice_wins_then_telegram_russian_then_the_default(chosen, telegram, expected):
    assert pick_locale(chosen, telegram, "en") == expected


def test_a_variable_named_key_does_not_clash_with_the_message_key(localizations):
    text = localizations.get("en")("course-error-unknown-key", key="speaker")
    assert "“speaker” is not a field of the form" in text


@pytest.mark.parametrize(
    ("locale", "ending"),
    [("en", "this is how it would look:"), ("ru", "выглядело бы оно так:")],
)
def test_a_preview_language_nobody_reads_is_not_counted_as_zero_recipients(locale, ending):
    """The /announce preview said “👁 English: 0 recipients get this” (issue 13)."""
    t = Localizations().get(locale)
    heading = t.plain("announce-preview-heading", language="X", count=0)
    assert heading.endswith(ending) and "0" not in heading, heading
    assert t.plain("announce-preview-heading", language="X", count=3).count(":") == 2
