"""Fluent localisations per locale, and the translator a handler uses for one user."""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser

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


class Translator:
    """Formats message keys in one locale: `t("start-welcome", name=...)`.

    Messages are Telegram HTML and every `str` variable is escaped here, at this one boundary:
    callers pass raw values (course titles, names, anything a person typed) and never quote.
    """

    def __init__(self, locale: Locale, bundle: FluentBundle) -> None:
        self.locale = locale
        self._bundle = bundle

    def __call__(self, key: str, /, **args: Any) -> str:
        # An Html at run time, so the result can be a variable of another message; typed as
        # str so that lists of lines mixing it with f-strings stay list[str].
        return Html(self._format(key, {name: _escaped(value) for name, value in args.items()}))

    def plain(self, key: str, /, **args: Any) -> str:
        """The message with its variables as they are, for text Telegram does not parse as
        HTML: button labels, alert pop-ups, file contents, values stored as data."""
        return self._format(key, args)

    def _format(self, key: str, args: Mapping[str, Any]) -> str:
        if not self._bundle.has_message(key):
            log.error("Missing Fluent message %r in locale %s", key, self.locale)
            return key
        message = self._bundle.get_message(key)
        if message.value is None:
            log.error("Fluent message %r in locale %s has no value", key, self.locale)
            return key
        text, errors = self._bundle.format_pattern(message.value, dict(args))
        for error in errors:
            log.error("Fluent error in %r (%s): %s", key, self.locale, error)
        return str(text)

    def has(self, key: str) -> bool:
        return bool(self._bundle.has_message(key))


class Localizations:
    """Every locale's bundle, loaded once from locales/<locale>/*.ftl."""

    def __init__(self, directory: Path = LOCALES_DIR, locales: Iterable[Locale] = LOCALES) -> None:
        self.directory = directory
        self._translators: dict[str, Translator] = {}
        # Without source positions (a Span object on every node, kept for as long as the bot
        # runs): only tools that point at a line use them; they cost 2.4 MB (issue 16).
        parser = FluentParser(with_spans=False)
        for locale in locales:
            # use_isolating=False: Telegram would show the U+2068/U+2069 marks around variables.
            bundle = FluentBundle([locale], use_isolating=False)
            files = sorted((directory / locale).glob("*.ftl"))
            if not files:
                raise RuntimeError(f"No .ftl files for locale {locale!r} in {directory}")
            for path in files:
                bundle.add_resource(parser.parse(path.read_text(encoding="utf-8")))
            self._translators[locale] = Translator(locale, bundle)

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
