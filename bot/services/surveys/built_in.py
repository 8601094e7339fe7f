"""What the built-in surveys (the course-end feedback, the follow-up) share: their texts come
from the locale files, in both languages at once, as an organiser's own texts would be
stored (plain, escaped when shown)."""

from __future__ import annotations

from bot.i18n import Localizations
from bot.services.surveys.model import Bilingual


class BuiltInTexts:
    def __init__(self, localizations: Localizations) -> None:
        self.en, self.ru = localizations.get("en"), localizations.get("ru")

    def both(self, key: str) -> Bilingual:
        return Bilingual(self.en.plain(key), self.ru.plain(key))

    def title(self, key: str, course_title: Bilingual | None) -> Bilingual:
        """`key` for no course; `<key>-course` naming the course in each language."""
        if course_title is None:
            return self.both(key)
        return Bilingual(
            self.en.plain(f"{key}-course", course=course_title.get("en")),
            self.ru.plain(f"{key}-course", course=course_title.get("ru")),
        )
