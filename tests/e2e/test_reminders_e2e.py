"""A reminder arrives in a real run, in the participant's language, with its cancel button,
and a restart after it does not send it again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import ORGANISER_ID
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e


async def test_a_reminder_arrives_once_with_a_cancel_button_and_survives_restarts(
    bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    await bot.start(REMINDER_OFFSETS="1m")
    organiser = make_user(ORGANISER_ID, "Olena", "en")
    # Reminder due 1 minute before: time enough for both officers to sign up first.
    start = (datetime.now(UTC) + timedelta(seconds=100)).replace(microsecond=0)
    organiser.send(
        "/newcourse\n"
        "title_en: Border crossing facilitation\n"
        "title_ru: Упрощение пересечения границ\n"
        "description_en: Joint controls at the border.\n"
        "description_ru: Совместный контроль на границе.\n"
        f"start: {start:%Y-%m-%d %H:%M:%S}\n"
        f"end: {start + timedelta(hours=2):%Y-%m-%d %H:%M:%S}\n"
        "timezone: UTC\n"
        "online: https://meet.example.org/border\n"
        "language: ru"
    )
    card = await steps.publish_draft(organiser)
    course_id = int(card.plain_text.split("?start=c")[1].split()[0])

    aigerim = make_user(4001, "Aigerim", "ru")
    await steps.sign_up_by_link(aigerim, course_id, "Упрощение пересечения границ")

    reminder = await aigerim.expect(
        "Напоминание: скоро «Упрощение пересечения границ»", timeout=70
    )
    assert "Для вас:" in reminder.plain_text  # Asia/Almaty is not UTC
    assert "по времени Алматы (UTC+5)" in reminder.plain_text
    assert "Asia/" not in reminder.plain_text
    assert "https://meet.example.org/border" in reminder.plain_text  # confirmed: the link
    assert reminder.button_texts() == ["Отменить запись"]
    for _ in range(3):  # restarts after the reminder never send it again
        assert await bot.stop() == 0
        await bot.start(REMINDER_OFFSETS="1m")
    aigerim.send("/my")
    await aigerim.expect("Мои курсы")
    reminders = [m for m in aigerim.messages() if "Напоминание" in m.plain_text]
    assert len(reminders) == 1
    aigerim.press("Отменить запись", reminder)
    await aigerim.expect_edit("Отменить вашу запись")
