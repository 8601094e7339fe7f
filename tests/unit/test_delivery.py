"""The delivery worker against the Bot API emulator: language, blocks, retries, attachments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bot.app import create_bot
from bot.services.delivery import DeliveryWorker
from storage.outbox import OutboxRepository
from storage.users import UserRepository
from tests.conftest import TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator


@pytest.fixture
async def emulator():
    async with BotAPIEmulator(TEST_TOKEN) as emu:
        yield emu


@pytest.fixture
async def worker(emulator, db, settings):
    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = create_bot(settings, session=session)
    # The session's own retries would hide the worker's handling of 5xx.
    bot.session.middleware.unregister(bot.session.middleware[-1])

    async def calendar_file(course_id: int, locale: str):
        return (f"BEGIN:VCALENDAR\r\nX-LANG:{locale}\r\nEND:VCALENDAR\r\n".encode(), "c.ics")

    worker = DeliveryWorker(
        bot, OutboxRepository(db), UserRepository(db), calendar_file, "en", rate=1000
    )
    yield worker
    await bot.session.close()


async def queue(db, user_id, texts, ics=None):
    async with db.transaction() as conn:
        payload = {"text": texts}
        if ics:
            payload["ics_course_id"] = ics
        await OutboxRepository.add_in(conn, user_id, "test", payload)


async def states(db):
    rows = await db.fetch_all("SELECT user_id, state, attempts FROM outbox ORDER BY id")
    return [(r["user_id"], r["state"], r["attempts"]) for r in rows]


async def test_each_recipient_gets_their_own_language(worker, db, emulator):
    users = UserRepository(db)
    await users.upsert_seen(1, "Ana", None, None, "en")
    await users.upsert_seen(2, "Ivan", None, None, "ru")
    await users.upsert_seen(3, "Aida", None, None, "kk")
    await users.set_language(3, "ru")
    for uid in (1, 2, 3):
        await queue(db, uid, {"en": "Hello", "ru": "Привет"})
    assert await worker.run_once() == 3
    sent = {m.chat_id: m.text for m in emulator.outbox}
    assert sent == {1: "Hello", 2: "Привет", 3: "Привет"}
    assert [s for _, s, _ in await states(db)] == ["sent"] * 3


async def test_a_user_who_blocked_the_bot_is_marked_and_others_still_get_theirs(
    worker, db, emulator
):
    users = UserRepository(db)
    await users.upsert_seen(1, "Ana", None, None, "en")
    await users.upsert_seen(2, "Ivan", None, None, "en")
    emulator.fail_chat(1, "403")
    await queue(db, 1, {"en": "Hello"})
    await queue(db, 2, {"en": "Hello"})
    await worker.run_once()
    assert await states(db) == [(1, "blocked", 1), (2, "sent", 1)]
    assert not (await users.get(1)).is_active


async def test_server_errors_are_retried_later_and_nothing_is_lost(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "Ana", None, None, "en")
    emulator.fail_chat(1, "502", times=1)
    await queue(db, 1, {"en": "Hello"})
    await worker.run_once()
    assert await states(db) == [(1, "pending", 1)]
    # Due again after the backoff.
    worker.clock = lambda: datetime.now(UTC) + timedelta(minutes=5)
    await worker.run_once()
    assert await states(db) == [(1, "sent", 2)]
    assert [m.text for m in emulator.outbox] == ["Hello"]


async def test_a_calendar_file_travels_with_its_text_in_one_message(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "Ivan", None, None, "ru")
    await queue(db, 1, {"en": "Seat is yours", "ru": "Место ваше"}, ics=7)
    await worker.run_once()
    (message,) = emulator.outbox
    assert message.method == "sendDocument" and message.caption == "Место ваше"
    assert b"X-LANG:ru" in message.document[1]


async def test_messages_of_a_deleted_user_are_not_sent(worker, db, emulator):
    await queue(db, 42, {"en": "Hello"})
    await worker.run_once()
    assert await states(db) == [(42, "cancelled", 1)]
    assert emulator.outbox == []


async def test_messages_caught_mid_send_by_a_crash_are_sent_after_restart(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "Ana", None, None, "en")
    await queue(db, 1, {"en": "Hello"})
    await OutboxRepository(db).claim(datetime.now(UTC), 10)  # claimed, then the process died
    assert await worker.run_once() == 0
    assert await OutboxRepository(db).recover() == 1
    assert await worker.run_once() == 1
    assert [m.text for m in emulator.outbox] == ["Hello"]
