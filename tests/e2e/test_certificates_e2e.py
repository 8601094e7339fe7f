"""Certificates end to end (issue 15, the first "Done when" item): a two-day course with an
80% threshold, attendance marked for three officers — names in Latin and Cyrillic letters,
one absent on day 2, who gets no certificate — certificates issued, the PDFs each officer
received read back, and /verify confirming a real code and refusing a forged one."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import BotAPIEmulator, SentMessage
from tests.e2e.fakeuser import FakeUser

pytestmark = pytest.mark.e2e

# Until the PDF helper's module is merged, certificate_pdf is a stand-in that draws no page.
STAND_IN_PDF = "STAND-IN" in (
    Path(__file__).resolve().parents[2] / "bot" / "services" / "certificate_pdf.py"
).read_text(encoding="utf-8")

TWO_DAY_FORM = steps.FORM.format(capacity=10).replace(
    "end: 2031-03-17 17:00", "end: 2031-03-16 17:00"
)
CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


async def sign_up(user: FakeUser, course_id: int, name: str, russian: bool) -> None:
    """Through the course's link, the profile filled on the way."""
    user.send(f"/start c{course_id}")
    await user.expect("выберите язык" if russian else "choose your language")
    user.press("Русский" if russian else "English")
    card = await user.expect("Управление рисками" if russian else "Risk management")
    user.press("✍️ Записаться" if russian else "✍️ Sign up", card)
    await user.expect("Прежде чем" if russian else "Before we store")
    user.press("✅ Даю согласие" if russian else "✅ I agree")
    country = "Казахстан" if russian else "Georgia"
    answers = (name, country, "Customs", "Inspector")
    await steps.answer_profile_questions(user, answers, russian)
    await user.expect("почты" if russian else "e-mail")
    user.press("Пропустить" if russian else "Skip")
    await user.expect("Вы записаны" if russian else "You are signed up")


async def toggle(organiser: FakeUser, page: SentMessage, name: str) -> None:
    """Tap a name on the attendance page and wait until its mark has changed."""
    before = next(text for text in page.button_texts() if name in text)
    organiser.press(before, page)
    await organiser.emu.wait_for(
        lambda: next((t for t in page.button_texts() if name in t and t != before), None)
    )


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


async def test_two_day_course_certificates_for_those_present_80_percent_verified(
    running_bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    organiser = await steps.join_organiser(make_user)
    organiser.send(f"{TWO_DAY_FORM}\ncertificate: 80%\nhours: 16")
    await organiser.expect("Preview in Russian")
    card = await steps.publish_draft(organiser)
    course_id = int(re.search(r"start=c(\d+)", card.plain_text)[1])
    assert "🎓 Certificates: at least 80% of the days attended" in card.plain_text

    giorgi = make_user(3001, "Giorgi", "en")  # an English certificate: the Latin name
    aigerim = make_user(3002, "Aigerim", "ru")  # a Russian one: the name as typed
    anar = make_user(3003, "Anar", "ru")  # absent on day 2
    await sign_up(giorgi, course_id, "Giorgi Beridze", russian=False)
    await sign_up(aigerim, course_id, "Садыкова Айгерим", russian=True)
    await sign_up(anar, course_id, "Алиев Анар", russian=True)

    # Day 1: all three; day 2: Anar is absent.
    controls = await steps.open_course_controls(organiser, "Signed up: 3 of 10")
    organiser.press("☑️ Mark attendance", controls)
    page = await organiser.expect_edit("Day 1 of 2")
    for name in ("Giorgi Beridze", "Садыкова Айгерим", "Алиев Анар"):
        await toggle(organiser, page, name)
    organiser.press("Day 2", page)
    page = await organiser.expect_edit("Day 2 of 2", page)
    for name in ("Giorgi Beridze", "Садыкова Айгерим"):
        await toggle(organiser, page, name)
    assert "✅ Giorgi Beridze · 2/2" in page.button_texts()
    assert "▫️ Алиев Анар · 1/2" in page.button_texts()

    # Issue: the preview names who qualifies and who does not.
    organiser.press("‹ Back", page)
    card = await organiser.expect_edit("Status: published", page)
    organiser.press("🎓 Issue certificates", card)
    preview = await organiser.expect_edit("2 of 3 attendees qualify", card)
    assert "Do not qualify: Алиев Анар (1/2)" in preview.plain_text
    organiser.press("🎓 Issue 2", preview)
    answer = await organiser.callback_answer()
    assert "2 certificates issued" in answer.params["text"]

    # Aigerim's Russian certificate comes at once; Giorgi's English one asks for his name in
    # Latin letters first, offering the one in his profile.
    russian = await aigerim.expect(lambda m: m.method == "sendDocument")
    assert "Ваш сертификат об участии" in russian.plain_text
    ask = await giorgi.expect("needs your name in Latin letters")
    giorgi.press("✍️ My name in Latin letters", ask)
    question = await giorgi.expect("as in your passport")
    giorgi.press("✅ Giorgi Beridze", question)
    await giorgi.expect("Your certificate is on its way")
    english = await giorgi.expect(lambda m: m.method == "sendDocument")
    assert "Your certificate of attendance" in english.plain_text

    # Anar qualifies for nothing: no certificate reaches him.
    assert not [
        m for m in anar.drain() if m.method == "sendDocument" and "сертификат" in m.plain_text
    ]

    # /verify confirms the code printed in the caption, refuses a forged one.
    code = CODE.search(english.plain_text)[0]
    checker = make_user(3999, "Checker", "en")
    checker.send(f"/verify {code}")
    genuine = await checker.expect("is genuine")
    assert "Giorgi Beridze" in genuine.plain_text and "Risk management" in genuine.plain_text
    forged = code[:-1] + ("0" if code[-1] != "0" else "1")
    checker.send(f"/verify {forged}")
    await checker.expect("No certificate with this code was found.")

    if STAND_IN_PDF:
        pytest.skip("needs certificate_pdf: the PDFs are read back once the PDF module is merged")
    assert english.document is not None and russian.document is not None
    english_text, russian_text = pdf_text(english.document[1]), pdf_text(russian.document[1])
    assert "Giorgi Beridze" in english_text and code in english_text
    assert "Садыкова Айгерим" in russian_text
    assert CODE.search(russian_text) is not None
