"""Text as Telegram handles it.

Length: UTF-16 code units, so an emoji or another character outside the Basic Multilingual
Plane counts twice. Limits checked with len() would let such texts through and Telegram would
then refuse the message.

Formatting: a message's entities as Telegram HTML that Telegram parses back into the same
text and entities, for texts stored once and sent later (announcements).
"""

from __future__ import annotations

import html

from aiogram.types import MessageEntity
from aiogram.utils.text_decorations import HtmlDecoration


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _TelegramHtml(HtmlDecoration):
    """aiogram's HTML, with two differences Telegram needs: attribute values are escaped (a
    link with `"` or `&` in it stays one attribute and keeps its text), and a code block's
    language is given as `class="language-…"`, the form Telegram reads (aiogram writes
    `language="…"`, which Telegram ignores)."""

    def _tag(
        self,
        tag: str,
        content: str,
        *,
        attrs: dict[str, str] | None = None,
        flags: list[str] | None = None,
    ) -> str:
        quoted = {name: html.escape(value, quote=True) for name, value in (attrs or {}).items()}
        return super()._tag(tag, content, attrs=quoted, flags=flags)

    def pre_language(self, value: str, language: str) -> str:
        code = self._tag(self.CODE_TAG, value, attrs={"class": f"language-{language}"})
        return self._tag(self.PRE_TAG, code)


_DECORATION = _TelegramHtml()


def entities_as_html(text: str, entities: list[MessageEntity] | None) -> str:
    """`text` with its formatting as Telegram HTML; the text itself is escaped."""
    return _DECORATION.unparse(text, entities)
