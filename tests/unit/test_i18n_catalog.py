"""Issue 16: a message is parsed when first used. Parsed up front, both locales' ~3,000
messages were ~120,000 objects held for as long as the bot ran; most are never used in a day."""

from __future__ import annotations

from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.config import LOCALES
from bot.i18n import LOCALES_DIR, Localizations, entry_sources

FTL_FILES = sorted(LOCALES_DIR.glob("*/*.ftl"))


@pytest.mark.parametrize("path", FTL_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_each_message_parsed_alone_is_the_one_its_whole_file_gives(path: Path):
    text = path.read_text(encoding="utf-8")
    whole = {
        ("-" if isinstance(entry, ast.Term) else "") + entry.id.name: entry
        for entry in FluentParser(with_spans=False).parse(text).body
        if isinstance(entry, ast.Message | ast.Term)
    }
    sources = entry_sources(text)
    assert list(sources) == list(whole)
    for entry_id, source in sources.items():
        (alone,) = FluentParser(with_spans=False).parse(source).body
        # The comment above a message is not part of it (and not kept: nothing reads it).
        assert alone.equals(whole[entry_id], ignored_fields=["span", "comment"]), entry_id


def test_a_message_is_parsed_only_when_first_used():
    localizations = Localizations()
    for locale in LOCALES:
        assert not localizations.get(locale)._catalog.bundle.has_message("start-welcome")
    t = localizations.get("en")
    assert "Ana" in t("start-welcome", name="Ana")
    assert t._catalog.bundle.has_message("start-welcome")
    assert not localizations.get("ru")._catalog.bundle.has_message("start-welcome")


FTL = """\
### A resource comment
-brand = Customs Academy

# A comment about the message below.
welcome = Welcome to { -brand }!
    Courses: { courses-count }
courses-count = { $count ->
    [one] one course
   *[other] { $count } courses
}
# The closing brace above is at column 0, as in our files.
broken = { $count
after-broken = still here
plain = Text
    .title = An attribute
"""


@pytest.fixture
def translator(tmp_path: Path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "test.ftl").write_text(FTL, encoding="utf-8")
    return Localizations(tmp_path, ["en"]).get("en")


def test_messages_and_terms_a_message_refers_to_are_parsed_with_it(translator):
    text = translator.plain("welcome", count=2)
    assert text == "Welcome to Customs Academy!\nCourses: 2 courses"


def test_an_entry_fluent_cannot_parse_is_missing_as_before(translator, caplog):
    assert not translator.has("broken")
    assert translator("broken") == "broken"
    assert "Missing Fluent message 'broken'" in caplog.text
    assert translator("after-broken") == "still here"
    assert translator.has("plain") and translator("plain") == "Text"
