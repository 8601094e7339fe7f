"""The dashboard's screenshots (docs/screens/dashboard-*.png) stay drawable: the demo office
seeds through the bot's services, and every page they show answers the signed-in organiser in
both languages, laid out for a desk. Quick: no PNG is written (scripts/dashboard_screens.sh
draws them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from playwright.async_api import Page, expect

from tests.conftest import ORGANISER_ID
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.demo import seed_demo
from tests.e2e.dashboard.screens import BROADCAST_RATE, DESK, visit_pages
from tests.e2e.dashboard.session import sign_in, start_with_dashboard
from tests.e2e.fakeuser import FakeUser

pytestmark = pytest.mark.e2e


async def test_every_page_of_the_screenshots_answers_in_both_languages(
    bot: BotProcess, make_user: Callable[..., FakeUser], page: Page
) -> None:
    demo = await seed_demo(bot.workdir / "data" / "bot.sqlite3", datetime.now(UTC))
    dashboard = await start_with_dashboard(bot, BROADCAST_RATE=BROADCAST_RATE)
    await sign_in(page, make_user(ORGANISER_ID, "Olena", "en"))

    await visit_pages(page, dashboard.url, demo)  # each must answer 200 and be complete
    assert await page.get_attribute("html", "lang") == "ru"

    # The demo is what the pictures promise: a course running with attendance part-marked,
    # an announcement part-way, a survey with its answers.
    await page.goto(f"{dashboard.url}/courses")
    running = page.locator(f"table#courses tr[data-course='{demo.running}']")
    await expect(running.locator("td.seats")).to_have_text("18/18")
    await expect(running.locator("td.waiting")).to_have_text("2")
    await page.goto(f"{dashboard.url}/courses/{demo.running}")
    await expect(page.locator("tfoot td[data-day='0']")).to_have_text("16")
    await expect(page.locator("tfoot td[data-day='2']")).to_have_text("0")
    # The waiting list in its own order, though No. 2 is from Türkiye and No. 1 from Ukraine.
    waiting = await page.locator("#participants tbody tr .badge.warn").all_inner_texts()
    assert [text.rsplit(" ", 1)[-1] for text in waiting] == ["№1", "№2"], waiting
    # At a desk's width the card is laid out in two columns (the merged stylesheet once left
    # its phone-only blocks open, so desk screens got the phone's layout) and the table fits.
    await page.set_viewport_size(DESK)
    card = await page.eval_on_selector("#course-card", "card => getComputedStyle(card).display")
    assert card == "grid"
    wrap = page.locator(".table-wrap")
    assert await wrap.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth")
    await page.goto(f"{dashboard.url}{demo.pages['announcement']}")
    assert 0 < int(await page.inner_text('#live [data-figure="sent"]')) < 26
    await page.goto(f"{dashboard.url}{demo.pages['survey']}")
    assert "14 / 15" in await page.inner_text("main")
