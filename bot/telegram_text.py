"""Text length as Telegram counts it: UTF-16 code units, so an emoji or another character
outside the Basic Multilingual Plane counts twice. Limits checked with len() would let such
texts through and Telegram would then refuse the message."""

from __future__ import annotations


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
