"""Signing in to the dashboard (issue 17): the one-time link from /dashboard, the Mini App's
signed initData, and everything that must be refused — in Debian's Chromium, against the
real bot process."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from playwright.async_api import Page

from bot.web.auth import LoginLinks
from storage.courses import CourseRepository
from storage.database import Database
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.init_data import signed_init_data, tampered
from tests.e2e.dashboard.session import (
    DashboardBot,
    login_link,
    sign_in,
    start_with_dashboard,
)
from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser
from tests.factories import course_values, create_course

pytestmark = pytest.mark.e2e

OFFICER_ID = 4301


async def seed(bot: BotProcess) -> list[str]:
    """Two courses and the organiser's and an officer's rows, before the bot starts."""
    starts = datetime.now(UTC) + timedelta(days=20)
    titles = ["Risk management in customs", "Post-clearance audit"]
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        for number, title in enumerate(titles):
            values = course_values(
                starts + timedelta(days=number),
                starts + timedelta(days=number, hours=8),
                starts - timedelta(days=5),
                title_en=title,
            )
            await create_course(CourseRepository(db), values, created_by=ORGANISER_ID)
        users = UserRepository(db)
        await users.upsert_seen(ORGANISER_ID, "en")
        await users.upsert_seen(OFFICER_ID, "en")
    return titles


@pytest.fixture
async def seeded_dashboard(bot: BotProcess) -> tuple[DashboardBot, list[str]]:
    titles = await seed(bot)
    return await start_with_dashboard(bot), titles


@pytest.fixture
def organiser(make_user: Callable[..., FakeUser]) -> FakeUser:
    return make_user(ORGANISER_ID, first_name="Aigerim", language_code="en")


async def test_an_organiser_signs_in_with_the_link_and_sees_the_courses_the_database_holds(
    seeded_dashboard: tuple[DashboardBot, list[str]], organiser: FakeUser, page: Page
) -> None:
    dashboard, titles = seeded_dashboard
    link = await login_link(organiser)
    assert link.startswith(dashboard.url + "/login?token=")

    opened = await page.goto(link)
    assert opened is not None and opened.status == 200
    # Opening the link signs nobody in: a link preview fetching it cannot use it up.
    assert not await page.context.cookies()
    await page.click("#sign-in")
    await page.wait_for_url(re.compile(r"/courses$"))

    table = await page.inner_text("table#courses")
    for title in titles:
        assert title in table
    (cookie,) = await page.context.cookies()
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    headers = (await page.request.get(dashboard.url + "/courses")).headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


async def test_a_used_an_expired_and_a_forged_link_are_refused(
    seeded_dashboard: tuple[DashboardBot, list[str]], organiser: FakeUser, page: Page
) -> None:
    dashboard, titles = seeded_dashboard
    link = await login_link(organiser)
    await page.goto(link)
    await page.click("#sign-in")
    await page.wait_for_url(re.compile(r"/courses$"))

    # The same link again, from another browser: used already.
    other = await page.context.browser.new_context()  # type: ignore[union-attr]
    again = await other.new_page()
    refused = await again.goto(link)
    assert refused is not None and refused.status == 403
    assert "already been used" in await again.inner_text("main")
    # Posting it straight to the sign-in form changes nothing either.
    token = link.split("token=", 1)[1]
    posted = await again.request.post(dashboard.url + "/login", form={"token": token})
    assert posted.status == 403
    assert not await other.cookies()

    # Genuinely signed, but issued 11 minutes ago: expired.
    old = LoginLinks(TEST_TOKEN).issue(ORGANISER_ID, datetime.now(UTC) - timedelta(minutes=11))
    expired = await again.goto(f"{dashboard.url}/login?token={old}")
    assert expired is not None and expired.status == 403
    assert "expired" in await again.inner_text("main")

    # Signed with another key, and a token with its signature changed.
    forged = LoginLinks("123456:another-bot").issue(ORGANISER_ID, datetime.now(UTC))
    changed = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (forged, changed):
        answer = await again.goto(f"{dashboard.url}/login?token={bad}")
        assert answer is not None and answer.status == 403
        assert "not valid" in await again.inner_text("main")
    assert not await other.cookies()
    for title in titles:
        assert title not in await again.content()


async def test_a_forged_cookie_and_no_cookie_see_nothing(
    seeded_dashboard: tuple[DashboardBot, list[str]], page: Page
) -> None:
    dashboard, titles = seeded_dashboard
    for path in ("/courses", "/courses/1", "/announcements", "/surveys", "/audit"):
        answer = await page.goto(dashboard.url + path)
        assert answer is not None and answer.status == 401, path
        assert "/dashboard" in await page.inner_text("main")
    await page.context.add_cookies(
        [
            {
                "name": "dashboard_session",
                "value": secrets.token_urlsafe(32),
                "url": dashboard.url,
            }
        ]
    )
    answer = await page.goto(dashboard.url + "/courses")
    assert answer is not None and answer.status == 401
    content = await page.content()
    for title in titles:
        assert title not in content


async def test_a_form_without_its_csrf_token_changes_nothing(
    seeded_dashboard: tuple[DashboardBot, list[str]], organiser: FakeUser, page: Page
) -> None:
    dashboard, _ = seeded_dashboard
    await sign_in(page, organiser)
    answer = await page.request.post(dashboard.url + "/language", form={"locale": "ru"})
    assert answer.status == 403
    await page.goto(dashboard.url + "/courses")
    assert await page.get_attribute("html", "lang") == "en"
    # With the token (the page's own switch), the language changes.
    await page.click("button[name=locale][value=ru]")
    await page.wait_for_url(re.compile(r"/courses$"))
    assert await page.get_attribute("html", "lang") == "ru"
    assert "Курсы" in await page.inner_text("header")


async def test_the_mini_app_signs_in_with_signed_init_data_and_refuses_a_tampered_one(
    seeded_dashboard: tuple[DashboardBot, list[str]], page: Page
) -> None:
    dashboard, titles = seeded_dashboard
    genuine = signed_init_data(TEST_TOKEN, ORGANISER_ID, datetime.now(UTC))
    await page.goto(f"{dashboard.url}/app#tgWebAppData={quote(genuine)}")
    await page.wait_for_url(re.compile(r"/courses$"))
    assert titles[0] in await page.inner_text("table#courses")

    browser = page.context.browser
    assert browser is not None
    for init_data in (
        tampered(genuine),
        signed_init_data(TEST_TOKEN, OFFICER_ID, datetime.now(UTC)),  # not an organiser
        signed_init_data(TEST_TOKEN, ORGANISER_ID, datetime.now(UTC) - timedelta(hours=2)),
        signed_init_data("123456:another-bot", ORGANISER_ID, datetime.now(UTC)),
    ):
        context = await browser.new_context()
        tab = await context.new_page()
        await tab.goto(f"{dashboard.url}/app#tgWebAppData={quote(init_data)}")
        await tab.wait_for_selector("#mini-app-refused", state="visible")
        assert not await context.cookies()
        answer = await tab.goto(dashboard.url + "/courses")
        assert answer is not None and answer.status == 401
        await context.close()


async def test_organisers_get_the_dashboard_button_and_officers_do_not(
    emulator: BotAPIEmulator,
    seeded_dashboard: tuple[DashboardBot, list[str]],
    make_user: Callable[..., FakeUser],
) -> None:
    dashboard, _ = seeded_dashboard
    button = emulator.settings.get(f"menu_button:{ORGANISER_ID}")
    assert button is not None, emulator.settings
    assert '"web_app"' in str(button) or "web_app" in str(button)
    assert dashboard.url + "/app" in str(button)
    assert f"menu_button:{OFFICER_ID}" not in emulator.settings

    officer = make_user(OFFICER_ID, first_name="Arman", language_code="en")
    officer.send("/dashboard")
    answer = await officer.next_message()
    assert "/login?token=" not in answer.plain_text
