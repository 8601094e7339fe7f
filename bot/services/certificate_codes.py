"""Certificate verification codes: 12 characters of Crockford base32 (60 random bits).

Stored upper case without dashes ("7KQ2M9XD4HPT"), printed in groups of four
("7KQ2-M9XD-4HPT"). Crockford's alphabet leaves out I, L, O and U, so a code read off paper
and typed back cannot be mistaken: the look-alikes are read as the digits they resemble.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
LENGTH = 12  # 12 x 5 bits = 60 bits: unguessable by anyone sending /verify at any rate
GROUP = 4
START_PREFIX = "v"  # a deep link's start parameter: "v7KQ2M9XD4HPT"

# What a person may type for a character: Crockford's look-alikes (O -> 0, I and L -> 1), and
# the Cyrillic letters that look exactly like Latin ones, typed on a Russian keyboard.
_LOOK_ALIKES = str.maketrans(
    {
        "O": "0",
        "I": "1",
        "L": "1",
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "0",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
    }
)
# Spaces and dashes people put between the groups (phones turn "-" into "–" or "—").
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―]+")
_STORED = re.compile(rf"[{ALPHABET}]{{{LENGTH}}}")


def new_code() -> str:
    """A fresh random code in its stored form."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    """The code as printed and shown: "7KQ2-M9XD-4HPT"."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalize(text: str) -> str | None:
    """The stored form of a code as someone typed it, or None when it cannot be a code."""
    squeezed = _SEPARATORS.sub("", text).upper().translate(_LOOK_ALIKES)
    return squeezed if _STORED.fullmatch(squeezed) else None


def verify_link(bot_username: str, code: str) -> str:
    """The deep link that opens the bot and checks the code (what the QR code holds)."""
    return f"https://t.me/{bot_username.lstrip('@')}?start={START_PREFIX}{code}"
