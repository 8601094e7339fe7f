"""Approval courses end to end (issue 14): officers request a seat, the organiser approves one
(who gets the calendar file), declines another with a reason (who reads it), and on the now
full course Approve offers the waiting list, which puts the third officer there — all through
the real bot process, with the officers in English or in Russian."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from icalendar import Calendar

from tests.conftest import ORGANISER_ID
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.fakeuser import FakeUser

pytestmark = pytest.mark.e2e

NOTICE_WAIT = 20.0  # notices go out through the delivery worker


@dataclass(frozen=True)
class Words:
    """What an officer presses and reads, in their language."""

    language_button: str
    title: str
    request_button: str
    requested: str
    approved: str
    declined: str
    reason: str
    waitlisted: str


WORDS = {
    "en": Words(
        "English",
        "Risk management in customs",
        "📝 Request a seat",
        "Your request for a seat on “Risk management in customs” has been sent to the organisers.",
        "Your request was approved: you are signed up for “Risk management in customs”.",
        "The organisers have declined your request for a seat on “Risk management in customs”",
        "Reason: The course is for heads of units this year.",
        "have put you on the waiting list. Your number on the waiting list: 1.",
    ),
    "ru": Words(
        "Русский",
        "Управление рисками в таможне",
        "📝 Подать заявку на место",
        "Ваша заявка на место на курсе «Управление рисками в таможне» направлена организаторам.",
        "Ваша заявка одобрена: вы записаны на курс «Управление рисками в таможне».",
        "Организаторы отклонили вашу заявку на место на курсе «Управление рисками в таможне»",
        "Причина: The course is for heads of units this year.",
        "включили вас в лист ожидания. Ваш номер в листе ожидания: 1.",
    ),
}
OFFICERS = {
    "en": ("Giorgi Beridze", "Elnur Mammadov", "Nino Kapanadze"),
    "ru": ("Садыкова Айгерим", "Алиев Эльнур", "Ким Ольга"),
}


async def request_seat(officer: FakeUser, course_id: int, name: str, words: Words) -> None:
    """Through the course's link: language, the card, Request a seat, the profile on the way;
    the request is sent."""
    russian = words is WORDS["ru"]
    officer.send(f"/start c{course_id}")
    await officer.expect(lambda m: words.language_button in m.button_texts())
    officer.press(words.language_button)
    card = await officer.expect(words.title)
    officer.press(words.request_button, card)
    await officer.expect("Прежде чем" if russian else "Before we store")
    officer.press("✅ Даю согласие" if russian else "✅ I agree")
    country = "Азербайджан" if russian else "Azerbaijan"
    organisation = "Государственный таможенный комитет" if russian else "State Customs Committee"
    position = "Инспектор" if russian else "Inspector"
    await steps.answer_profile_questions(officer, (name, country, organisation, position), russian)
    await officer.expect("почты" if russian else "e-mail")
    officer.press("Пропустить" if russian else "Skip")
    await officer.expect(words.requested)


async def request_notice(organiser: FakeUser, name: str):
    """The notice every organiser gets of a new request, with its decision buttons."""
    return await organiser.expect(
        lambda m: "New request for a seat" in m.plain_text and name in m.plain_text,
        timeout=NOTICE_WAIT,
    )


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_requests_are_approved_declined_with_a_reason_and_offered_the_waiting_list(
    bot: BotProcess, make_user, language
):
    words, names = WORDS[language], OFFICERS[language]
    await bot.start()
    organiser = make_user(ORGANISER_ID, "Olena", "en")
    course_id, _ = await steps.create_and_publish(organiser, capacity=1, extra="signup: approval")

    first, second, third = (
        make_user(3001 + n, name.split()[0], language) for n, name in enumerate(names)
    )
    await request_seat(first, course_id, names[0], words)
    await request_seat(second, course_id, names[1], words)

    # The organiser approves the first request from its notice: a seat and the calendar file.
    notice = await request_notice(organiser, names[0])
    assert {"✅ Approve", "✖️ Decline", "⏳ Waiting list"} <= set(notice.button_texts())
    organiser.press("✅ Approve", notice)
    await organiser.expect_edit(f"Approved: {names[0]} is signed up", notice)
    approved = await first.expect(words.approved, timeout=NOTICE_WAIT)
    assert approved.method == "sendDocument"
    assert approved.document is not None
    (event,) = Calendar.from_ical(approved.document[1]).walk("VEVENT")
    assert str(event["SUMMARY"]) == words.title

    # The second is declined with a reason typed by the organiser; the officer reads it.
    notice = await request_notice(organiser, names[1])
    organiser.press("✖️ Decline", notice)
    ask = await organiser.expect(f"Type the reason for declining ({names[1]} will read it)")
    assert "Skip" in ask.button_texts()
    organiser.send("The course is for heads of units this year.")
    await organiser.expect(f"Declined: {names[1]} will not take part")
    declined = await second.expect(words.declined, timeout=NOTICE_WAIT)
    assert words.reason in declined.plain_text

    # A third request on the now full course: Approve offers the waiting list instead.
    await request_seat(third, course_id, names[2], words)
    notice = await request_notice(organiser, names[2])
    organiser.press("✅ Approve", notice)
    offer = await organiser.expect_edit(
        f"The course is full. Put {names[2]} on the waiting list?", notice
    )
    organiser.press("⏳ Waiting list", offer)
    await organiser.expect_edit(f"{names[2]} is on the waiting list", notice)
    await third.expect(words.waitlisted, timeout=NOTICE_WAIT)

    # /requests: nothing waits any more.
    organiser.send("/requests")
    await organiser.expect("No requests are waiting for a decision.")
