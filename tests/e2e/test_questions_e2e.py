"""Questions to the organisers end to end (issue 15, Done when): an officer asks in Russian
with a photo from the course card; both organisers receive it; organiser A answers by
Telegram's reply; the officer receives the answer in Russian, without A's name; organiser B
is told that A answered, as a reply to B's copy of the question."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from contextlib import closing

import pytest

from tests.conftest import ORGANISER_ID
from tests.e2e import steps
from tests.e2e.conftest import BotProcess

pytestmark = pytest.mark.e2e

SECOND_ORGANISER = 900002
NOTICE_WAIT = 20.0  # copies, answers and notes go out through the delivery worker
TITLE_RU = "Управление рисками в таможне"


async def copies_recorded(bot: BotProcess, count: int, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Wait until the delivery worker has written which message each copy became (it does so
    right after Telegram answers, in its next group commit)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with closing(sqlite3.connect(bot.workdir / "data" / "bot.sqlite3")) as file:
            (found,) = file.execute("SELECT COUNT(*) FROM question_copies").fetchone()
        if found >= count:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{count} question copies were not recorded within {timeout}s")


async def test_a_question_with_a_photo_is_answered_by_reply_and_the_other_organiser_sees_it(
    bot: BotProcess, make_user
):
    await bot.start(ADMIN_IDS=f"{ORGANISER_ID},{SECOND_ORGANISER}")
    first = make_user(ORGANISER_ID, "Olena", "en")
    course_id, _ = await steps.create_and_publish(first, capacity=5)
    second = make_user(SECOND_ORGANISER, "Marat", "en")
    await steps.join(second, "English")

    officer = make_user(3101, "Aigerim", "ru")
    await steps.sign_up_by_link(officer, course_id, TITLE_RU)
    officer.send(f"/start c{course_id}")
    card = await officer.expect(TITLE_RU)
    officer.press("❓ Задать вопрос организаторам", card)
    await officer.expect("Напишите ваш вопрос")
    officer.send_photo(caption="Нужен ли паспорт на входе?")
    await officer.expect("Ваш вопрос отправлен организаторам. Ответ придёт сюда, в этот чат.")

    def question_copy(message) -> bool:
        return "Садыкова Айгерим" in message.plain_text and "паспорт" in message.plain_text

    copy_a = await first.expect(question_copy, timeout=NOTICE_WAIT)
    copy_b = await second.expect(question_copy, timeout=NOTICE_WAIT)
    for copy in (copy_a, copy_b):
        assert copy.method == "sendPhoto" and copy.photo is not None
        assert "❓ Question from" in copy.plain_text
        # Each organiser reads it in their own language.
        assert "about “Risk management in customs”" in copy.plain_text
        assert "Reply to this message to answer." in copy.plain_text

    # A person replies seconds later; the test waits as long for the outcomes to be written
    # (the two copies, besides the officer's own message kept when asked).
    await copies_recorded(bot, 3)
    first.reply(copy_a, "Да, возьмите паспорт и служебное удостоверение.")
    await first.expect("Your answer has been sent to Садыкова Айгерим.")

    answer = await officer.expect("Организаторы ответили на ваш вопрос", timeout=NOTICE_WAIT)
    assert f"«Нужен ли паспорт на входе?» о курсе «{TITLE_RU}»" in answer.plain_text
    # As a reply to the officer's own question.
    assert "паспорт" in answer.raw["reply_to_message"]["caption"]
    assert "возьмите паспорт" in answer.plain_text
    assert "Olena" not in answer.plain_text and str(ORGANISER_ID) not in str(answer.raw)

    note = await second.expect("answered:", timeout=NOTICE_WAIT)
    assert note.plain_text.startswith("✅ Olena answered: “Да, возьмите паспорт")
    assert note.raw["reply_to_message"]["message_id"] == copy_b.message_id
