"""Course materials in a real run (issue 15): the organiser attaches an agenda for before the
course and slides for after it, an officer opens the agenda from the card, attendance is
marked for two of three, the course ends, and "Send materials" to the attendees delivers the
slides to each of them exactly once (pressing again sends nothing new), the absent one
nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage.courses import CourseRepository
from storage.database import Database
from storage.sql import to_db
from tests.conftest import ORGANISER_ID
from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import SentMessage
from tests.e2e.fakeuser import FakeUser
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course

pytestmark = pytest.mark.e2e

OFFICERS = {4201: ("Dilnoza", "en"), 4202: ("Arman", "ru"), 4203: ("Giorgi", "en")}
SLIDES = b"PK\x03\x04 slides of the risk management course"


async def seed_course(bot: BotProcess) -> int:
    """A course in two days with three confirmed officers, written with the bot's storage."""
    starts = datetime.now(UTC) + timedelta(days=2)
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        values = course_values(
            starts,
            starts + timedelta(hours=8),
            starts - timedelta(days=1),
            title_en="Risk management",
            title_ru="Управление рисками",
            timezone="Asia/Tashkent",
            venue="Tashkent",
            capacity=20,
        )
        course = await create_course(CourseRepository(db), values, created_by=ORGANISER_ID)
        await sign_up_officers(db, course.id, OFFICERS, datetime.now(UTC))
    return course.id


async def end_the_course(bot: BotProcess, course_id: int) -> None:
    """The course took place: its days moved into the past while the bot is stopped."""
    assert await bot.stop() == 0
    ended = datetime.now(UTC) - timedelta(hours=2)
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        await db.write(
            "UPDATE courses SET starts_at = ?, ends_at = ?, deadline_at = ? WHERE id = ?",
            (
                to_db(ended - timedelta(hours=8)),
                to_db(ended),
                to_db(ended - timedelta(days=1)),
                course_id,
            ),
        )
    await bot.start()


async def open_card(organiser: FakeUser) -> SentMessage:
    organiser.send("/admin")
    listing = await organiser.expect("course")
    organiser.press("Risk management", listing)
    return await organiser.expect_edit("Status:")


async def attach(organiser: FakeUser, filename: str, data: bytes, title: str | None, when: str):
    """📎 Materials → Add a file: the file, its title (None: keep the file name), when."""
    card = await open_card(organiser)
    organiser.press("📎 Materials", card)
    listing = await organiser.expect_edit("Materials for “Risk management”")
    organiser.press("➕ Add a file", listing)
    await organiser.expect("Step 1 of 3")
    organiser.send_document(filename, data)
    question = await organiser.expect("Step 2 of 3")
    if title is None:
        organiser.press("Keep as it is", question)
    else:
        organiser.send(title)
    question = await organiser.expect("Step 3 of 3")
    organiser.press(when, question)
    await organiser.expect("added")
    return await organiser.expect("Materials for “Risk management”")


def documents(officer: FakeUser, filename: str) -> list[SentMessage]:
    return [m for m in officer.messages() if m.document and m.document[0] == filename]


async def test_materials_are_attached_opened_from_the_card_and_sent_once_to_attendees(
    bot: BotProcess, make_user, emulator
):
    course_id = await seed_course(bot)
    await bot.start()
    organiser = make_user(ORGANISER_ID, "Olena", "en")
    dilnoza, arman, giorgi = (
        make_user(user_id, name, language) for user_id, (name, language) in OFFICERS.items()
    )

    # The agenda for before the course (its title kept from the file name), the slides after.
    listing = await attach(
        organiser, "Agenda.pdf", b"%PDF-1.4\n%agenda\n", None, "📅 Before the course"
    )
    assert "1. Agenda — PDF" in listing.plain_text
    listing = await attach(organiser, "Slides_final.pptx", SLIDES, "Slides", "📤 After the course")
    assert "2. Slides — PowerPoint" in listing.plain_text

    # An officer opens the agenda from the card: the file, captioned in Russian. The slides
    # are not on the card before the course.
    arman.send(f"/start c{course_id}")
    card = await arman.expect("Управление рисками")
    assert "📎 Agenda (PDF)" in card.button_texts()
    assert not any("Slides" in text for text in card.button_texts())
    arman.press("📎 Agenda (PDF)", card)
    agenda = await arman.expect(lambda m: m.document is not None)
    assert agenda.document is not None and agenda.document[0] == "Agenda.pdf"
    assert agenda.caption == "Agenda — Управление рисками"

    # Attendance: Dilnoza and Arman were there, Giorgi was not.
    card = await open_card(organiser)
    assert "📤 Send materials to participants" not in card.button_texts()  # not ended yet
    organiser.press("☑️ Mark attendance", card)
    marks = await organiser.expect_edit("Who attended")
    organiser.press("▫️ Dilnoza Karimova", marks)
    await emulator.wait_for(lambda: "✅ Dilnoza Karimova" in marks.button_texts())
    organiser.press("▫️ Arman Karimova", marks)
    await emulator.wait_for(lambda: "✅ Arman Karimova" in marks.button_texts())

    await end_the_course(bot, course_id)

    card = await open_card(organiser)
    organiser.press("📤 Send materials to participants", card)
    choose = await organiser.expect_edit("Who should receive the materials")
    organiser.press("✅ Those marked present: 2", choose)
    confirm = await organiser.expect_edit("Send the file “Slides” to 2 people?")
    (yes,) = [b["callback_data"] for row in confirm.buttons() for b in row if "Yes" in b["text"]]
    organiser.press("📤 Yes, send", confirm)
    answer = await organiser.callback_answer()
    assert answer.params.get("text") == "📤 The materials are on their way to 2 people."

    slides = await dilnoza.expect(lambda m: m.document is not None)
    assert slides.document == ("Slides_final.pptx", SLIDES)
    assert slides.caption == "Slides — Risk management"
    slides = await arman.expect(lambda m: m.document is not None)
    assert slides.caption == "Slides — Управление рисками"

    # Pressed again (a double tap, or a second organiser): nothing new is sent.
    organiser.press_data(yes, confirm)
    answer = await organiser.callback_answer()
    assert answer.params.get("text") == (
        "Nothing was sent: everyone in this group already has these files."
    )
    # Nothing more is queued (the outbox holds the two files sent), and nothing more came.
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        rows = await db.fetch_all("SELECT user_id, state FROM outbox WHERE kind = 'material'")
    assert sorted((row[0], row[1]) for row in rows) == [(4201, "sent"), (4202, "sent")]
    for officer in (dilnoza, arman):
        assert len(documents(officer, "Slides_final.pptx")) == 1
    assert documents(giorgi, "Slides_final.pptx") == []
