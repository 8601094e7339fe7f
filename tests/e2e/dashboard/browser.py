"""Chromium for the browser tests: Debian's package (scripts/test.sh installs it on a fresh
machine), driven by Playwright; the browser Playwright would download is never used."""

from __future__ import annotations

import os
import shutil

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class ChromiumMissing(RuntimeError):
    pass


def chromium_path() -> str:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing(
        "The dashboard's browser tests need Chromium: apt-get install -y chromium"
        " (scripts/test.sh does it when run as root), or set CHROMIUM=/path/to/chromium."
    )
