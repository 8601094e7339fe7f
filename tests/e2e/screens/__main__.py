"""Capture the main flows and draw them as phone screens (docs/screens/; see README.md)."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from tests.e2e.screens.capture import LANGUAGES, capture
from tests.e2e.screens.registry import FLOWS
from tests.e2e.screens.render import INSTALL_HINT, ChromiumMissing, chromium, render_all

ROOT = Path(__file__).parents[3]
SCREENS = ROOT / "docs" / "screens"
DATA = SCREENS / "recorded"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.screens", description=__doc__)
    parser.add_argument("step", choices=("capture", "render", "all"), nargs="?", default="all")
    parser.add_argument("--flow", action="append", choices=list(FLOWS), help="only these flows")
    parser.add_argument("--language", action="append", choices=LANGUAGES)
    args = parser.parse_args()
    languages = args.language or list(LANGUAGES)
    began = time.monotonic()
    drawing = args.step in ("render", "all")
    if drawing and not chromium_found():
        print(INSTALL_HINT, file=sys.stderr)
        if args.step == "render":
            return 2
    if args.step in ("capture", "all"):
        written = asyncio.run(capture(DATA, languages, args.flow))
        print(f"captured {len(written)} flows in {time.monotonic() - began:.0f} s")
    if drawing:
        try:
            pictures = render_all(DATA, SCREENS, languages, args.flow)
        except ChromiumMissing as missing:
            print(missing, file=sys.stderr)
            return 2
        print(f"drew {len(pictures)} screens; {time.monotonic() - began:.0f} s in all")
    return 0


def chromium_found() -> bool:
    try:
        chromium()
    except ChromiumMissing:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
