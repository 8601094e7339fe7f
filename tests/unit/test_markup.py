"""Every message the bot can send stays valid Telegram HTML whatever people typed (issue 11).

The check is the emulator's parser, which refuses text exactly as Telegram does ("can't parse
entities"); the hostile values must come back intact in the text the reader sees.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.config import LOCALES
from bot.i18n import LOCALES_DIR, Localizations
from tests.e2e.emulator import ApiError, parse_html

HOSTILE = ["<2022>", "&", "</b>", '"', 'HS <2022> & "x"', "HS <2022> to HS 2027", "&lt; <b>"]
COUNTS = [1, 2, 5, 21]
_COMMENT_TOKEN = re.compile(r"\$([A-Za-z0-9_-]+)|\((\w+)\)")


class _Variables(Visitor):
    """Every variable of a message, and those Fluent treats as numbers (plural selectors)."""

    def __init__(self) -> None:
        self.all: set[str] = set()
        self.numeric: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.all.add(node.id.name)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
        if isinstance(node.selector, ast.VariableReference) and any(
            isinstance(v.key, ast.NumberLiteral)
            or v.key.name in ("zero", "one", "two", "few", "many")
            for v in node.variants
            if isinstance(v.key, (ast.Identifier, ast.NumberLiteral))
        ):
            self.numeric.add(node.selector.id.name)
        self.generic_visit(node)


def _commented_numbers(comment: ast.Comment | None) -> set[str]:
    """Variables a `# $a, $b (Number)` comment declares as numbers."""
    numbers: set[str] = set()
    pending: list[str] = []
    for name, kind in _COMMENT_TOKEN.findall(comment.content if comment else ""):
        if name:
            pending.append(name)
        elif kind:
            if kind.lower() in ("number", "int", "integer"):
                numbers.update(pending)
            pending = []
    return numbers


def _messages() -> list[tuple[str, str, set[str], set[str]]]:
    """(locale, key, text variables, number variables) for every message with a value."""
    out = []
    for locale in LOCALES:
        for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
            resource = FluentParser().parse(Path(path).read_text(encoding="utf-8"))
            for entry in resource.body:
                if not isinstance(entry, ast.Message) or entry.value is None:
                    continue
                found = _Variables()
                found.visit(entry.value)
                numbers = found.numeric | (_commented_numbers(entry.comment) & found.all)
                out.append((locale, entry.id.name, found.all - numbers, numbers))
    return out


MESSAGES = _messages()


def _marker(index: int) -> str:
    return f"zqvar{index}zq"


def _shown(text: str) -> str:
    """What the reader sees, or the error Telegram would answer with."""
    try:
        return parse_html(text)[0]
    except ApiError as error:
        return f"REFUSED: {error}"


def test_every_message_has_been_found():
    keys = {key for _, key, _, _ in MESSAGES}
    assert {"signup-promoted-notice", "course-changed-notice", "reminder-text"} <= keys
    assert len(MESSAGES) > 2 * 500


@pytest.mark.parametrize("value", HOSTILE)
def test_every_message_stays_valid_html_with_hostile_values_intact(
    localizations: Localizations, value: str
):
    """Regression for issue 11: a course titled `HS <2022> to HS 2027` made notices fail."""
    broken = []
    for locale, key, texts, numbers in MESSAGES:
        t = localizations.get(locale)
        for count in COUNTS:
            ints = dict.fromkeys(numbers, count)
            names = sorted(texts)
            # The same message with harmless markers shows where each variable lands.
            expected = _shown(t(key, **ints, **{n: _marker(i) for i, n in enumerate(names)}))
            for i, _ in enumerate(names):
                expected = expected.replace(_marker(i), value)
            got = _shown(t(key, **ints, **dict.fromkeys(names, value)))
            if got != expected:
                broken.append(f"{locale} {key} (count={count}): {got!r} != {expected!r}")
    assert broken == []


def test_numbers_and_dates_go_in_unchanged_and_html_fragments_are_not_escaped_again(
    localizations: Localizations,
):
    from bot.i18n import Html  # here, so the other tests also run against code without it

    t = localizations.get("en")
    fragment = t("course-venue", venue="R&D <centre>")
    assert isinstance(fragment, Html) and "R&amp;D &lt;centre&gt;" in fragment
    # A rendered message as a variable of another: escaped once, not twice.
    changed = t("course-changed-place", old=fragment, new=Html("<b>Room 2</b>"))
    assert "R&amp;D &lt;centre&gt;" in changed and "<b>Room 2</b>" in changed
    assert "5" in t("course-seats-full", capacity=5)


def test_plain_text_keeps_values_as_typed_for_alerts_buttons_and_files(
    localizations: Localizations,
):
    t = localizations.get("en")
    assert "“R&D <2022>”" in t.plain("signup-waitlisted", title="R&D <2022>", position=1)
    assert "“R&amp;D &lt;2022&gt;”" in t("signup-waitlisted", title="R&D <2022>", position=1)


def _utf16_span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return len(text[:start].encode("utf-16-le")) // 2, len(part.encode("utf-16-le")) // 2


def test_an_announcement_reaches_people_with_the_organisers_text_and_formatting_exactly():
    """Regression for issue 11: announcements are stored as HTML from the organiser's message;
    a link with `&` or `"` in it, or a code block's language, must survive the round trip."""
    from aiogram.types import Chat, Message, MessageEntity

    from handlers.announce.compose import message_text  # what the announce dialog stores

    text = 'HS <2022> & "x" </b> bold code 😀 link mention quote'
    spans = {
        "bold": ("HS <2022>", {}),
        "italic": ('& "x"', {}),
        "underline": ("</b>", {}),
        "strikethrough": ("bold", {}),
        "pre": ("code", {"language": "python"}),
        "custom_emoji": ("😀", {"custom_emoji_id": "5368324170671202286"}),
        "text_link": ("link", {"url": 'https://example.org/?q="HS"&lt=1&amp;x'}),
        "spoiler": ("mention", {}),
        "expandable_blockquote": ("quote", {}),
    }
    entities = []
    for kind, (part, extra) in spans.items():
        offset, length = _utf16_span(text, part)
        entities.append(MessageEntity(type=kind, offset=offset, length=length, **extra))
    message = Message(
        message_id=1,
        date=datetime(2027, 3, 1, tzinfo=UTC),
        chat=Chat(id=1, type="private"),
        text=text,
        entities=entities,
    )
    plain, parsed = parse_html(message_text(message))
    assert plain == text
    expected = [e.model_dump(exclude_none=True) for e in entities]
    assert sorted(parsed, key=lambda e: e["offset"]) == expected


def test_files_and_stored_titles_keep_the_text_as_typed(localizations: Localizations):
    """Exports and the feedback template's title are not HTML: t.plain, never escaped."""
    from bot.services.surveys.definition import feedback_template
    from bot.services.surveys.exports import survey_rows
    from bot.services.surveys.model import Bilingual, Question, QuestionKind

    question = Question(QuestionKind.TEXT, Bilingual("Is 1 < 2 & 3?", "1 < 2 & 3?"))
    headers, _ = survey_rows([question], [], localizations.get("en"), anonymous=True)
    assert "Is 1 < 2 & 3?" in headers[-1]
    draft = feedback_template(localizations, 7, Bilingual("R&D <2022>", "НИОКР <2022>"))
    assert "R&D <2022>" in draft.title.en and "НИОКР <2022>" in draft.title.ru
