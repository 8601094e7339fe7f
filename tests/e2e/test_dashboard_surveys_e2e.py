"""A survey's results in the dashboard (issue 17), in Debian's Chromium against the real bot:
the server-rendered SVG chart is laid out with bars in the ratio of the answers and readable
labels, on a desk screen and at a phone's width.

With DASHBOARD_SCREENS=<folder> set, the pages are also saved there as PNGs (a named and an
anonymous survey, English and Russian, desk and phone width) for people to look at."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.async_api import Page

from bot.app import create_services
from bot.clock import ManualClock
from bot.i18n import Localizations
from bot.services.surveys.model import Bilingual, SurveyDraft
from storage.courses import CourseRepository
from storage.database import Database
from tests.conftest import ORGANISER_ID
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.session import sign_in, start_with_dashboard
from tests.e2e.fakeuser import FakeUser
from tests.e2e.seeding import sign_up_officers
from tests.factories import answer_feedback, course_values, create_course, feedback_questions

pytestmark = pytest.mark.e2e

OFFICERS = {
    4401: ("Dilnoza", "en"),
    4402: ("Arman", "ru"),
    4403: ("Giorgi", "en"),
    4404: ("Nodira", "ru"),
    4405: ("Timur", "ru"),
}
# (rating, formats ticked, improvement): "Online" ticked 4 times, "In person" once.
ANSWERS = [
    (5, [0], "More role-play with real declarations"),
    (5, [0], ""),
    (4, [0, 1], "Longer breaks between the sessions"),
    (2, [0], "Slides in Russian as well, please"),
]
PHONE = {"width": 360, "height": 780}
DESK = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class Seeded:
    named: int
    anonymous: int


async def seed(bot: BotProcess) -> Seeded:
    """A course that ended two days ago with five officers; a named survey four of them
    answered (still open) and an anonymous one that four answered and that has closed."""
    clock = ManualClock(datetime.now(UTC) - timedelta(days=2))
    async with Database(bot.workdir / "data" / "bot.sqlite3", clock=clock) as db:
        ended = clock.now - timedelta(hours=3)
        values = course_values(
            ended - timedelta(hours=6),
            ended,
            ended - timedelta(days=5),
            title_en="Risk management",
            title_ru="Управление рисками",
        )
        course = await create_course(CourseRepository(db), values, created_by=ORGANISER_ID)
        await sign_up_officers(db, course.id, OFFICERS, ended - timedelta(days=9))
        services = create_services(db, Localizations(), clock=clock)
        surveys = services.surveys
        ids = []
        for anonymous, title in ((False, "Course feedback"), (True, "Anonymous feedback")):
            draft = SurveyDraft(
                Bilingual(title, "Отзыв о курсе" + (" (анонимный)" if anonymous else "")),
                feedback_questions(),
                course_id=course.id,
                anonymous=anonymous,
                closes_at=clock.now + timedelta(days=1 if anonymous else 20),
                remind_after=60 * 24 * 30,  # no reminders in this run
            )
            survey = await surveys.create(draft, created_by=ORGANISER_ID)
            await surveys.activate(survey.id)
            await surveys.invite(survey.id, {"kind": "course", "course_id": course.id})
            for user_id, (rating, formats, text) in zip(OFFICERS, ANSWERS, strict=False):
                await answer_feedback(surveys, survey.id, user_id, rating, formats, text)
            ids.append(survey.id)
        clock.now += timedelta(days=1, minutes=1)  # the anonymous one has closed
        await surveys.close()
    return Seeded(*ids)


@pytest.fixture
def organiser(make_user) -> FakeUser:
    return make_user(ORGANISER_ID, first_name="Aigerim", language_code="en")


async def bar_widths(page: Page, question: int) -> list[float]:
    widths = []
    for bar in await page.locator(f"#q{question} svg rect.bar").all():
        box = await bar.bounding_box()
        assert box is not None
        widths.append(box["width"])
    return widths


async def test_a_survey_chart_renders_with_bars_in_the_ratio_of_the_answers(
    bot: BotProcess, organiser: FakeUser, page: Page
):
    seeded = await seed(bot)
    dashboard = await start_with_dashboard(bot)
    await sign_in(page, organiser)

    await page.goto(f"{dashboard.url}/surveys")
    await page.click(f"#surveys a[href$='/surveys/{seeded.named}']")
    await page.wait_for_selector("#q2 svg rect.bar")
    assert "4 / 5" in await page.inner_text("#response-rate")
    assert "80%" in await page.inner_text("#response-rate")

    # Formats: "Online" 4, "In person" 1: the first bar is four times the second.
    online, in_person = await bar_widths(page, 2)
    assert in_person > 0 and online / in_person == pytest.approx(4, rel=0.02)
    labels = page.locator("#q2 svg text.bar-label")
    assert await labels.all_text_contents()  # SVG text has no innerText == ["Online", "In person"]
    for label in await labels.all():
        assert await label.is_visible()
        box = await label.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] >= 10
    # The rating: 5 twice (the full length), 4 and 2 once each (half), 1 and 3 none.
    rating = await bar_widths(page, 1)
    assert rating == pytest.approx([0, rating[4] / 2, 0, rating[4] / 2, rating[4]], abs=0.5)
    values = await page.locator("#q2 svg text.bar-value").all_text_contents()
    assert values == ["4 · 100%", "1 · 25%"]

    # At a phone's width the chart still fits the screen and its text stays readable.
    await page.set_viewport_size(PHONE)
    chart = await page.locator("#q2 svg").bounding_box()
    assert chart is not None and chart["x"] >= 0 and chart["x"] + chart["width"] <= 360
    label_box = await labels.first.bounding_box()
    assert label_box is not None and label_box["height"] >= 10

    folder = os.environ.get("DASHBOARD_SCREENS")
    if folder:
        await save_screens(page, dashboard.url, seeded, Path(folder))


async def save_screens(page: Page, url: str, seeded: Seeded, folder: Path) -> None:
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    for language in ("en", "ru"):
        await page.set_viewport_size(DESK)
        await page.goto(f"{url}/surveys")
        await page.click(f"button[name=locale][value={language}]")
        await page.wait_for_selector(f"html[lang={language}]")
        await page.screenshot(path=folder / f"surveys-{language}.png", full_page=True)
        for name, survey_id in (("named", seeded.named), ("anonymous", seeded.anonymous)):
            for size, viewport in (("desk", DESK), ("phone", PHONE)):
                await page.set_viewport_size(viewport)
                await page.goto(f"{url}/surveys/{survey_id}")
                await page.wait_for_selector("svg.bar-chart")
                path = folder / f"survey-{name}-{language}-{size}.png"
                await page.screenshot(path=path, full_page=True)
