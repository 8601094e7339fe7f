"""Fluent localisations per locale, and the translator a handler uses for one user."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.runtime.resolver import Message
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.config import LOCALES, Locale

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


class Html(str):
    """Text that already is Telegram HTML, so `t()` puts it into a message unchanged.

    Every `t()` result is one: a rendered message can be a variable of another. Text built
    around it (f-strings, joins) is a plain `str` again and must be marked explicitly.
    """

    __slots__ = ()


def _escaped(value: Any) -> Any:
    """A message variable as HTML: text is escaped, numbers, dates and `Html` stay as they are."""
    if isinstance(value, str) and not isinstance(value, Html):
        return html.escape(value, quote=False)
    return value


# Where an entry of a .ftl file begins: `id =` (a message) or `-id =` (a term) at the start of a
# line; a comment line ends the entry before it. Nothing else starts at column 0 in Fluent
# except a select expression's closing `}`, `[variant]` and `*[default]`, which never look so.
_ENTRY_BOUNDARY = re.compile(r"^(?:(-?[a-zA-Z][a-zA-Z0-9_-]*)[ \t]*=|#)", re.MULTILINE)


def entry_sources(text: str) -> dict[str, str]:
    """The source of each message and term of a .ftl text, by id (terms as `-id`)."""
    sources: dict[str, str] = {}
    boundaries = list(_ENTRY_BOUNDARY.finditer(text))
    for boundary, following in zip(boundaries, [*boundaries[1:], None], strict=True):
        entry_id = boundary.group(1)
        if entry_id is not None:
            end = following.start() if following else len(text)
            # The first wins, as in FluentBundle.add_resource.
            sources.setdefault(entry_id, text[boundary.start() : end].rstrip() + "\n")
    return sources


class _References(Visitor):
    """The messages and terms an entry refers to (`{ other-message }`, `{ -term }`)."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.ids.append(node.id.name)

    def visit_TermReference(self, node: ast.TermReference) -> None:
        self.ids.append(f"-{node.id.name}")
        self.generic_visit(node)  # a term's arguments can refer further


class Catalog:
    """One locale's messages, each parsed into its FluentBundle when first used.

    Parsed up front, the ~1,500 messages of each locale were ~60,000 objects held for as long
    as the bot ran (3.3 MB for both locales); the bot uses a fraction of them in a day, so a
    message stays source text until then: 2.9 MB less idle RSS (issue 16). Thread
    safe enough for the worker threads that render files: parsing the same entry twice only
    repeats work (the bundle keeps the first).
    """

    # Without source positions (a Span object on every node, kept for as long as the bot
    # runs): only tools that point at a line use them.
    _parser = FluentParser(with_spans=False)

    def __init__(self, locale: Locale, sources: Mapping[str, str]) -> None:
        # use_isolating=False: Telegram would show the U+2068/U+2069 marks around variables.
        self.bundle = FluentBundle([locale], use_isolating=False)
        # As UTF-8: one English “quote” would make a whole str take 2 bytes a character.
        self._sources = {entry_id: source.encode() for entry_id, source in sources.items()}
        self._parsed: set[str] = set()

    def message(self, key: str) -> Message | None:
        """The compiled message; None if there is none or it is not valid Fluent (the parser
        turned it into Junk), as a bundle given the whole files would not have it."""
        self._parse(key)
        if not self.bundle.has_message(key):
            return None
        return self.bundle.get_message(key)

    def _parse(self, entry_id: str) -> None:
        if entry_id in self._parsed or entry_id not in self._sources:
            return
        resource = self._parser.parse(self._sources[entry_id].decode())
        self.bundle.add_resource(resource)
        self._parsed.add(entry_id)
        # What it refers to is resolved while formatting: it must be in the bundle by then.
        references = _References()
        references.visit(resource)
        for reference in references.ids:
            self._parse(reference)


class Translator:
    """Formats message keys in one locale: `t("start-welcome", name=...)`.

    Messages are Telegram HTML and every `str` variable is escaped here, at this one boundary:
    callers pass raw values (course titles, names, anything a person typed) and never quote.
    """

    def __init__(self, locale: Locale, catalog: Catalog) -> None:
        self.locale = locale
        self._catalog = catalog

    def __call__(self, key: str, /, **args: Any) -> str:
        # An Html at run time, so the result can be a variable of another message; typed as
        # str so that lists of lines mixing it with f-strings stay list[str].
        return Html(self._format(key, {name: _escaped(value) for name, value in args.items()}))

    def plain(self, key: str, /, **args: Any) -> str:
        """The message with its variables as they are, for text Telegram does not parse as
        HTML: button labels, alert pop-ups, file contents, values stored as data."""
        return self._format(key, args)

    def _format(self, key: str, args: Mapping[str, Any]) -> str:
        message = self._catalog.message(key)
        if message is None:
            log.error("Missing Fluent message %r in locale %s", key, self.locale)
            return key
        if message.value is None:
            log.error("Fluent message %r in locale %s has no value", key, self.locale)
            return key
        text, errors = self._catalog.bundle.format_pattern(message.value, dict(args))
        for error in errors:
            log.error("Fluent error in %r (%s): %s", key, self.locale, error)
        return str(text)

    def has(self, key: str) -> bool:
        return self._catalog.message(key) is not None


class Localizations:
    """Every locale's bundle, loaded once from locales/<locale>/*.ftl."""

    def __init__(self, directory: Path = LOCALES_DIR, locales: Iterable[Locale] = LOCALES) -> None:
        self.directory = directory
        self._translators: dict[str, Translator] = {}
        for locale in locales:
            files = sorted((directory / locale).glob("*.ftl"))
            if not files:
                raise RuntimeError(f"No .ftl files for locale {locale!r} in {directory}")
            sources: dict[str, str] = {}
            for path in files:
                for entry_id, source in entry_sources(path.read_text(encoding="utf-8")).items():
                    sources.setdefault(entry_id, source)
            self._translators[locale] = Translator(locale, Catalog(locale, sources))

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self._translators)

    def get(self, locale: str) -> Translator:
        return self._translators[locale]

    def all(self, key: str, **args: Any) -> set[str]:
        """The message in every locale: for matching a reply-keyboard text in any language
        (button texts are not HTML, so variables are not escaped)."""
        return {translator.plain(key, **args) for translator in self._translators.values()}


def pick_locale(chosen: str | None, telegram_language: str | None, default: Locale) -> Locale:
    """The user's stored choice; before they choose, Telegram's `ru` means Russian."""
    if chosen in LOCALES:
        return chosen
    if telegram_language and telegram_language.lower().split("-")[0] == "ru":
        return "ru"
    return default
