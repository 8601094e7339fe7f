"""A feedback survey in a real run: the organiser sets up the built-in survey for a course
that has ended, invitations arrive, two officers answer in English and Russian, the one who
did not answer is reminded once, and the organiser reads the results, the chart and the
files (parsed back with openpyxl and csv)."""

from __future__ import annotations

import csv
import io
import struct
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from storage.courses import CourseRepository
from storage.database import Database
from tests.conftest import ORGANISER_ID
from tests.e2e.conftest import BotProcess
from tests.e2e.fakeuser import FakeUser
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course

pytestmark = pytest.mark.e2e

OFFICERS = {4101: ("Dilnoza", "en"), 4102: ("Arman", "ru"), 4103: ("Giorgi", "en")}


async def seed_finished_course(bot: BotProcess) -> None:
    """A course that ended three hours ago with three confirmed officers: the state the bot
    would have after a real course, written with the bot's own storage layer."""
    ended = datetime.now(UTC) - timedelta(hours=3)
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        courses = CourseRepository(db)
        values = course_values(
            ended - timedelta(hours=6),
            ended,
            ended - timedelta(days=1),
            title_en="Risk management",
            title_ru="Управление рисками",
            timezone="Asia/Tashkent",
            venue="Tashkent",
            capacity=20,
        )
        course = await create_course(courses, values, created_by=ORGANISER_ID)
        await sign_up_officers(db, course.id, OFFICERS, ended - timedelta(days=9))


async def answer_template(officer: FakeUser, ratings: list[str], useful: str, yes: str) -> None:
    invitation = await officer.expect("📝")
    officer.press(invitation.button_texts()[0], invitation)
    for rating in ratings:
        question = await officer.next_message()
        officer.press(rating, question)
    await officer.next_message()  # most useful part: typed
    officer.send(useful)
    improve = await officer.next_message()
    officer.press(improve.button_texts()[-1], improve)  # skip (optional)
    recommend = await officer.next_message()
    officer.press(yes, recommend)


def table_name(message) -> str:
    return message.document[0] if message.document else ""


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


async def test_feedback_survey_from_the_end_of_a_course_to_results_and_files(
    bot: BotProcess, make_user
):
    await seed_finished_course(bot)
    await bot.start(SURVEY_REMINDER_AFTER="20s")
    organiser = make_user(ORGANISER_ID, "Olena", "en")
    dilnoza, arman, giorgi = (
        make_user(user_id, name, language) for user_id, (name, language) in OFFICERS.items()
    )

    # The course, then Activate (after reading the preview in both languages); this one is
    # switched from the built-in survey's default, anonymous, to named on the preview.
    organiser.send("/newsurvey")
    choose = await organiser.expect("Which course is the feedback survey for?")
    organiser.press(choose.button_texts()[0], choose)
    await organiser.expect("Preview — English")
    await organiser.expect("Управление рисками")
    settings = await organiser.expect("Check both languages above")
    assert "Anonymous" in settings.plain_text
    organiser.press("👤 Make it named", settings)
    settings = await organiser.expect_edit("Named", settings)
    organiser.press("✅ Activate", settings)
    await organiser.expect_edit("The survey is active")

    # The course ended more than SURVEY_SEND_AFTER ago: invitations go out at once.
    await answer_template(dilnoza, ["5", "4", "5", "4"], "The targeting exercise", "Yes")
    await dilnoza.expect("Thank you!")
    await answer_template(arman, ["4", "3", "4", "5"], "Практика по профилям риска", "Да")
    await arman.expect("Спасибо!")

    # Giorgi did not answer: one reminder, 20 s after his invitation.
    reminder = await giorgi.expect("A reminder", timeout=40)
    assert reminder.button_texts() == ["📝 Start the survey"]

    organiser.send("/results")
    pick = await organiser.expect("Choose a survey:")
    organiser.press(pick.button_texts()[0], pick)
    results = await organiser.expect("2 of 3")
    assert "4.5" in results.plain_text  # overall: 5 and 4
    organiser.press("📈 Chart", results)
    chart = await organiser.expect(lambda m: m.photo is not None)
    assert chart.photo is not None and png_size(chart.photo)[0] == 1000
    organiser.press("📄 XLSX", results)
    xlsx = await organiser.expect(lambda m: m.document is not None)
    assert xlsx.document is not None and table_name(xlsx).endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.document[1])).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3 and "Dilnoza Karimova" in rows[1]
    assert "Практика по профилям риска" in rows[2]
    organiser.press("📄 CSV", results)
    table = await organiser.expect(lambda m: m.document is not None)
    assert table.document is not None
    parsed = list(csv.reader(io.StringIO(table.document[1].decode("utf-8-sig"))))
    assert len(parsed) == 3

    # A restart does not send the reminder again, and the finished officers never get one.
    assert await bot.stop() == 0
    await bot.start(SURVEY_REMINDER_AFTER="20s")
    giorgi.send("/surveys")
    listing = await giorgi.expect("One survey for you")
    assert listing.button_texts() == ["📝 Start the survey: Feedback: Risk management"]
    assert sum("A reminder" in m.plain_text for m in giorgi.messages()) == 1
    assert not any("reminder" in m.plain_text.lower() for m in dilnoza.messages())
    assert not any("напомина" in m.plain_text.lower() for m in arman.messages())

    # The log names people by id only: no names, no answers.
    log = bot.log()
    for private in ("Karimova", "Dilnoza", "targeting exercise", "Практика по профилям"):
        assert private not in log
    assert all(line.count(" INFO ") <= 1 for line in log.splitlines())
