"""Screenshots of every dashboard page in English and Russian (docs/screens/dashboard-*.png,
linked from README.md): the real `python -m bot` over a demo office (tests/e2e/dashboard/demo.py)
and the Bot API emulator, an organiser signed in with the /dashboard link in Debian's Chromium.

    python -m tests.e2e.dashboard.screens [--out docs/screens]   (or scripts/dashboard_screens.sh)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import Page, ViewportSize, async_playwright

from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.dashboard.browser import ChromiumMissing, chromium_path
from tests.e2e.dashboard.demo import Demo, seed_demo
from tests.e2e.dashboard.session import sign_in, start_with_dashboard
from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser
from tests.e2e.process import ROOT, BotProcess

LANGUAGES = ("en", "ru")
DESK: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}  # a common phone, the Mini App full screen
PHONE_PAGES = ("course", "survey")  # the widest tables and the charts
# One message in ten seconds: the announcement going out stays part-way while it is drawn.
BROADCAST_RATE = "0.1"
# What each page shows once it is complete (its script has run, its chart is drawn).
READY = {
    "course": "table#participants",
    "course-edit": "form.course-edit",
    "announcements": "table#announcements",
    "surveys": "table#surveys",
    "announcement": "#live-note[data-live]",
    "survey": "svg.bar-chart",
    "audit": "main table",
    "courses": "table#courses",
}
# The live view has connected (or the delivery has ended: the final figures).
LIVE = "(n) => [n.dataset.live, n.dataset.finished].includes(n.textContent.trim())"


class PageFailed(AssertionError):
    pass


async def switch_language(page: Page, language: str) -> None:
    """The page's own switch at the top, as an organiser changes the language."""
    await page.click(f"header button[name=locale][value={language}]")
    await page.wait_for_selector(f"html[lang={language}]")


async def open_page(page: Page, url: str, name: str) -> None:
    """Open one page; it must answer 200 and be complete."""
    response = await page.goto(url)
    if response is None or response.status != 200:
        status = response.status if response else "no answer"
        raise PageFailed(f"{url} answered {status}")
    await page.wait_for_selector(READY[name])
    if name == "announcement":
        await page.wait_for_function(LIVE, arg=await page.query_selector("#live-note"))


async def visit_pages(
    page: Page,
    base: str,
    demo: Demo,
    shot: Callable[[str], Path] | None = None,
) -> list[Path]:
    """Every page in both languages, switched with the page's switch; with `shot` (a
    picture's name → its file) each is saved at a desk's width, the course and survey pages
    in Russian also at a phone's."""
    saved: list[Path] = []
    for language in LANGUAGES:
        await page.set_viewport_size(DESK)
        await open_page(page, base + "/courses", "courses")
        await switch_language(page, language)
        for name, path in demo.pages.items():
            await open_page(page, base + path, name)
            if shot is not None:
                saved.append(shot(f"dashboard-{name}-{language}.png"))
                await page.screenshot(path=saved[-1], full_page=True)
        if shot is None or language != "ru":
            continue
        await page.set_viewport_size(PHONE)
        for name in PHONE_PAGES:
            await open_page(page, base + demo.pages[name], name)
            saved.append(shot(f"dashboard-{name}-{language}-phone.png"))
            await page.screenshot(path=saved[-1], full_page=True)
    return saved


async def draw(out: Path) -> list[Path]:
    """Seed the demo office, start the bot with its dashboard and save every screenshot."""
    with tempfile.TemporaryDirectory(prefix="dashboard-screens-") as folder:
        workdir = Path(folder)
        async with BotAPIEmulator(TEST_TOKEN) as emulator:
            demo = await seed_demo(workdir / "data" / "bot.sqlite3", datetime.now(UTC))
            bot = BotProcess(emulator, workdir, {})
            dashboard = await start_with_dashboard(bot, BROADCAST_RATE=BROADCAST_RATE)
            organiser = FakeUser(emulator, ORGANISER_ID, "Olena", "en")
            try:
                async with async_playwright() as playwright:
                    browser = await playwright.chromium.launch(executable_path=chromium_path())
                    context = await browser.new_context(locale="en-GB", viewport=DESK)
                    page = await context.new_page()
                    page.set_default_timeout(20_000)
                    await sign_in(page, organiser)
                    saved = await visit_pages(page, dashboard.url, demo, out.joinpath)
                    await browser.close()
            finally:
                await bot.stop()
    return saved


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.e2e.dashboard.screens", description=__doc__
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args()
    try:
        chromium_path()
    except ChromiumMissing as missing:
        print(missing, file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(draw(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
