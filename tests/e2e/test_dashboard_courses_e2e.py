"""The dashboard's courses (issue 17) in Debian's Chromium against the real bot process: the
course table shows what the database holds, and attendance marked in the browser is what the
bot's /admin attendance screen shows.

With DASHBOARD_SCREENSHOTS=<folder> set, the tests also save each page in both languages
(desk width and a phone's 360 px) for a person to look at."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.async_api import Page

from storage.courses import CourseRepository, SignupMode
from storage.database import Database
from storage.registrations import RegistrationRepository, RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.session import DashboardBot, sign_in, start_with_dashboard
from tests.e2e.fakeuser import FakeUser
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course

pytestmark = pytest.mark.e2e

OFFICERS = {4401: ("Dilnoza", "en"), 4402: ("Malika", "ru"), 4403: ("Nodira", "en")}
SHOTS = os.environ.get("DASHBOARD_SCREENSHOTS")


async def seed(bot: BotProcess) -> tuple[int, int]:
    """A two-day course with two seats and three officers (one on the waiting list), and an
    approval course with two requests; the organiser's row, in English."""
    starts = datetime.now(UTC) + timedelta(days=10)
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        courses = CourseRepository(db)
        two_days = course_values(
            starts,
            starts + timedelta(days=1, hours=8),
            starts - timedelta(days=3),
            title_en="Risk management",
            title_ru="Управление рисками",
            capacity=2,
        )
        course = await create_course(courses, two_days, created_by=ORGANISER_ID)
        await sign_up_officers(db, course.id, OFFICERS, datetime.now(UTC))
        approval = course_values(
            starts + timedelta(days=20),
            starts + timedelta(days=20, hours=8),
            starts + timedelta(days=10),
            title_en="Post-clearance audit",
            title_ru="Пост-таможенный аудит",
            capacity=None,
            signup_mode=SignupMode.APPROVAL,
        )
        requested = await create_course(courses, approval, created_by=ORGANISER_ID)
        users = UserRepository(db)
        for user_id in (4411, 4412):
            await users.upsert_seen(user_id, "en")
            await RegistrationRepository(db).place(
                requested.id, user_id, RegStatus.PENDING, datetime.now(UTC), "uz"
            )
        await users.upsert_seen(ORGANISER_ID, "en")
        await users.set_language(ORGANISER_ID, "en")
    return course.id, requested.id


@pytest.fixture
async def seeded(bot: BotProcess) -> tuple[DashboardBot, int, int]:
    course_id, requested_id = await seed(bot)
    return await start_with_dashboard(bot), course_id, requested_id


@pytest.fixture
def organiser(make_user: Callable[..., FakeUser]) -> FakeUser:
    return make_user(ORGANISER_ID, first_name="Aigerim", language_code="en")


async def screenshots(page: Page, name: str) -> None:
    """The page as it is, then in Russian, at a desk's width and a phone's; back to English."""
    if not SHOTS:
        return
    folder = Path(SHOTS)  # Playwright makes it when missing
    for language, button in (("en", "English"), ("ru", "Русский")):
        await page.click(f"header button:text-is('{button}')")
        await page.wait_for_selector(f"html[lang='{language}']")
        await page.set_viewport_size({"width": 1280, "height": 800})
        await page.screenshot(path=str(folder / f"{name}-{language}.png"), full_page=True)
        await page.set_viewport_size({"width": 360, "height": 740})
        await page.screenshot(path=str(folder / f"{name}-{language}-phone.png"), full_page=True)
        # Scrolled across the table, as a phone shows the columns past the screen's edge.
        await page.evaluate("document.querySelector('.table-wrap').scrollLeft = 10000")
        across = folder / f"{name}-{language}-phone-across.png"
        await page.locator(".table-wrap").screenshot(path=str(across))
    await page.click("header button:text-is('English')")
    await page.set_viewport_size({"width": 1280, "height": 800})


async def test_the_course_table_shows_the_seats_and_lists_the_database_holds(
    seeded: tuple[DashboardBot, int, int], organiser: FakeUser, page: Page
) -> None:
    _, course_id, requested_id = seeded
    await sign_in(page, organiser)

    row = page.locator(f"table#courses tr[data-course='{course_id}']")
    assert await row.locator("td.seats").inner_text() == "2/2"
    assert await row.locator("td.waiting").inner_text() == "1"
    requested = page.locator(f"table#courses tr[data-course='{requested_id}']")
    assert await requested.locator("td.requests").inner_text() == "2 requests"
    assert "no limit" in await requested.locator("td.seats").inner_text()

    # The status filter submits itself on change (no button to find on a phone).
    await page.select_option("select[name=status]", "draft")
    await page.wait_for_url(re.compile(r"status=draft"))
    assert "No course matches these filters." in await page.inner_text("main")
    await page.click("text=Show all courses")
    await page.wait_for_selector(f"table#courses tr[data-course='{course_id}']")
    await screenshots(page, "courses")

    await page.click("text=Risk management")
    await page.wait_for_url(re.compile(rf"/courses/{course_id}$"))
    table = await page.inner_text("table#participants")
    for name in ("Dilnoza Karimova", "Malika Karimova", "Nodira Karimova"):
        assert name in table
    assert "On the waiting list, No. 1" in table


async def test_attendance_marked_in_the_browser_shows_in_the_bots_admin(
    seeded: tuple[DashboardBot, int, int], organiser: FakeUser, page: Page
) -> None:
    _, course_id, _ = seeded
    await sign_in(page, organiser)
    await page.goto(page.url + f"/{course_id}")
    # Kept only while the page is not reloaded: the mark must flip in place.
    await page.evaluate("window.notReloaded = true")

    cell = page.locator("tr#p4401 button.mark").nth(1)  # Dilnoza, day 2
    assert await cell.get_attribute("aria-pressed") == "false"
    await cell.click()
    await page.wait_for_selector("tr#p4401 button.mark[aria-pressed='true']")
    assert await page.evaluate("window.notReloaded") is True
    assert await page.locator("tr#p4401 td.total").inner_text() == "1/2"
    assert await page.locator("tfoot td[data-day='1']").inner_text() == "1"
    # Nodira waits for a seat: nothing to mark in her row.
    assert await page.locator("tr#p4403 button.mark").count() == 0
    await screenshots(page, "course")

    # In the chat: /admin → the course → Mark attendance → Day 2.
    card = await steps.open_course_controls(organiser, "Status:")
    organiser.press("☑️ Mark attendance", card)
    screen = await organiser.expect_edit("Day 1 of 2")
    assert "▫️ Dilnoza Karimova · 1/2" in screen.button_texts()
    organiser.press("Day 2", screen)
    screen = await organiser.expect_edit("Day 2 of 2", screen)
    assert "✅ Dilnoza Karimova · 1/2" in screen.button_texts()
    assert "▫️ Malika Karimova · 0/2" in screen.button_texts()
