"""STAND-IN for the PDF helper's module (dropped at merge): the interface of design15.md."""

from __future__ import annotations

import secrets

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
LENGTH = 12


def new_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize(text: str) -> str | None:
    code = "".join(text.split()).replace("-", "").upper().translate(_LOOK_ALIKES)
    if len(code) != LENGTH or any(ch not in _ALPHABET for ch in code):
        return None
    return code


def verify_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start=v{code}"
