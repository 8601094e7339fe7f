"""The dashboard's static files as a browser gets them."""

from __future__ import annotations

import re

from bot.web.app import STATIC


def test_the_stylesheet_has_every_block_closed() -> None:
    """An unclosed @media block (as a merge once left) silently swallows every rule after it."""
    css = re.sub(r"/\*.*?\*/", "", (STATIC / "dashboard.css").read_text(), flags=re.S)
    depth = 0
    for char in css:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
