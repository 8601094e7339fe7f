"""Editing a course card in the dashboard (issue 17), in Debian's Chromium against the real
bot process: what the browser saves, the chat's card shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from playwright.async_api import Page

from bot.services.course_fields import format_local_datetime
from storage.courses import Course, CourseRepository
from storage.database import Database
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.session import DashboardBot, sign_in, start_with_dashboard
from tests.e2e.fakeuser import FakeUser
from tests.e2e.steps import open_course_controls
from tests.factories import course_values, create_course

pytestmark = pytest.mark.e2e


async def seed(bot: BotProcess) -> Course:
    """A published course in Baku with 10 seats, and the organiser's row."""
    starts = (datetime.now(UTC) + timedelta(days=20)).replace(minute=0, second=0, microsecond=0)
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        values = course_values(starts, starts + timedelta(hours=8), starts - timedelta(days=5))
        course = await create_course(CourseRepository(db), values, created_by=ORGANISER_ID)
        await UserRepository(db).upsert_seen(ORGANISER_ID, "en")
    return course


@pytest.fixture
async def seeded(bot: BotProcess) -> tuple[DashboardBot, Course]:
    course = await seed(bot)
    return await start_with_dashboard(bot), course


@pytest.fixture
def organiser(make_user: Callable[..., FakeUser]) -> FakeUser:
    return make_user(ORGANISER_ID, first_name="Aigerim", language_code="en")


async def test_an_organiser_changes_the_seats_in_the_browser_and_the_chats_card_shows_them(
    seeded: tuple[DashboardBot, Course], organiser: FakeUser, page: Page
) -> None:
    dashboard, course = seeded
    await sign_in(page, organiser)
    await page.goto(f"{dashboard.url}/courses/{course.id}/edit")
    await page.fill("#input-capacity", "14")
    await page.fill("#input-starts_at", "31.02.2030 09:00")
    await page.click("button[type=submit]")

    error = await page.wait_for_selector("#error-starts_at")
    assert error is not None
    assert "31.02.2030 09:00 does not exist in the calendar" in await error.inner_text()
    assert await page.input_value("#input-capacity") == "14"  # kept, to send again

    # The start as it was, one day later: the whole course moves, the seats change.
    later = format_local_datetime(course.starts_at + timedelta(days=1), course.timezone)
    await page.fill("#input-starts_at", later)
    await page.click("button[type=submit]")
    await page.wait_for_url(re.compile(rf"/courses/{course.id}\?saved=\d+$"))
    assert "Saved." in await page.inner_text("#saved")

    await open_course_controls(organiser, shows="of 14")
