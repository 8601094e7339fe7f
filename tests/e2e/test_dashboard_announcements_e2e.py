"""An announcement watched from the dashboard (issue 17): sent from the chat to 200 officers at
a slow pace, its page in Chromium follows the delivery live and Stop withdraws the rest."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import pytest
from playwright.async_api import Page, expect

from storage.database import Database
from storage.users import UserRepository
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.session import sign_in, start_with_dashboard
from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser

pytestmark = pytest.mark.e2e

OFFICERS = range(6001, 6201)  # 200 recipients besides the organiser
RATE = "10"  # messages a second: 20 seconds for everyone, time enough to watch and stop
SCREENSHOTS = os.environ.get("DASHBOARD_SCREENSHOTS")  # a folder: pictures for a person


async def screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:  # Playwright makes the folder
        await page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


async def seed_officers(bot: BotProcess) -> None:
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        users = UserRepository(db)
        for user_id in OFFICERS:
            await users.upsert_seen(user_id, "en" if user_id % 2 else "ru")


async def outbox_states(bot: BotProcess) -> dict[str, int]:
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        rows = await db.fetch_all(
            "SELECT state, COUNT(*) FROM outbox WHERE announcement_id = 1 GROUP BY state"
        )
    return {row[0]: row[1] for row in rows}


async def test_an_announcements_progress_updates_live_and_stop_withdraws_the_rest(
    bot: BotProcess,
    make_user: Callable[..., FakeUser],
    emulator: BotAPIEmulator,
    page: Page,
) -> None:
    await seed_officers(bot)
    dashboard = await start_with_dashboard(bot, BROADCAST_RATE=RATE)
    organiser = await steps.join_organiser(make_user)
    await steps.compose(organiser)
    await steps.send_now(organiser)
    status = await organiser.expect("Announcement #1 is going out")

    await sign_in(page, organiser)
    await page.goto(f"{dashboard.url}/announcements/1")
    await page.evaluate("window.notReloaded = true")
    delivered = page.locator('#live [data-figure="sent"]')
    seen = [await delivered.text_content() or ""]
    while len(seen) < 4:  # the first figure and three later ones, each without a reload
        await expect(delivered).not_to_have_text(seen[-1])
        seen.append(await delivered.text_content() or "")
    figures = [int(value) for value in seen]
    assert figures == sorted(figures) and figures[-1] < 201, figures
    assert await page.evaluate("window.notReloaded") is True
    await expect(page.locator("#live-note")).to_have_text(
        "The figures update as the messages go out."
    )
    assert int(await page.get_attribute("#progress", "value") or 0) >= figures[-1]
    await screenshot(page, "running-en")
    await page.click('button[name="locale"][value="ru"]')
    await expect(page.locator("#status")).to_have_text("отправляется")
    await expect(page.locator("#live-note")).to_have_text(
        "Цифры обновляются по мере отправки сообщений."
    )
    await screenshot(page, "running-ru")
    await page.click('button[name="locale"][value="en"]')
    await expect(page.locator("#status")).to_have_text("sending")

    page.once("dialog", lambda dialog: dialog.accept())
    await page.click("#stop")
    await page.wait_for_url(re.compile(r"/announcements/1\?stopped=1$"))
    await expect(page.locator("#status")).to_have_text("stopped")
    await expect(page.locator("#stopped-notice")).to_contain_text("were withdrawn")
    assert await page.locator("#stop").count() == 0
    # Once the messages in flight at Stop are back, the live view's last event comes.
    await expect(page.locator("#live-note")).to_have_text(
        "Delivery has ended; these are the final figures."
    )
    states = await outbox_states(bot)
    assert states.get("cancelled", 0) > 0
    assert "pending" not in states and "sending" not in states
    assert states["sent"] < 201
    # The chat's status message tells the organiser too, as after the chat's own Stop.
    await organiser.expect_edit("was stopped", status, timeout=20)
    await expect(page.locator('#live [data-figure="cancelled"]')).to_have_text(
        str(states["cancelled"])
    )
    await screenshot(page, "stopped-en")
    await page.click('button[name="locale"][value="ru"]')
    await expect(page.locator("#status")).to_have_text("остановлено")
    await screenshot(page, "stopped-ru")
    await page.click('a[aria-current="page"]')  # the list of announcements
    await expect(page.locator("#announcements .badge")).to_have_text("остановлено")
    await screenshot(page, "list-ru")
    if SCREENSHOTS:  # and as in Telegram's Mini App on a phone
        await page.set_viewport_size({"width": 360, "height": 740})
        await screenshot(page, "list-ru-phone")
        await page.goto(f"{dashboard.url}/announcements/1")
        await screenshot(page, "stopped-ru-phone")


async def test_a_finished_announcement_shows_its_final_figures_and_no_stop(
    bot: BotProcess, make_user: Callable[..., FakeUser], page: Page
) -> None:
    await start_with_dashboard(bot)
    ana, ivan = make_user(6301, "Ana", "en"), make_user(6302, "Ivan", "ru")
    await steps.join(ana, "English")
    await steps.join(ivan, "Русский")
    organiser = await steps.join_organiser(make_user)
    await steps.compose(organiser)
    await steps.send_now(organiser)
    status = await organiser.expect("Announcement #1 is going out")
    await organiser.expect_edit("is finished: 3 of 3 delivered", status, timeout=20)

    await sign_in(page, organiser)
    await page.click('a[href$="/announcements"]')
    row = page.locator('#announcements tr[data-id="1"]')
    await expect(row.locator('[data-figure="sent"]')).to_have_text("3")
    await expect(row.locator(".badge")).to_have_text("done")
    await screenshot(page, "list-en")
    await row.locator("a").first.click()
    await expect(page.locator("#status")).to_have_text("done")
    await expect(page.locator('#live [data-figure="sent"]')).to_have_text("3")
    await expect(page.locator("#live-note")).to_have_text(
        "Delivery has ended; these are the final figures."
    )
    assert await page.locator("#stop").count() == 0
    await screenshot(page, "done-en")
    await page.click('button[name="locale"][value="ru"]')
    await expect(page.locator("#status")).to_have_text("отправлено")
    await screenshot(page, "done-ru")
