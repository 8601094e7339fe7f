"""The delivery worker against the Bot API emulator: language, blocks, retries, attachments."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import system_clock
from bot.services.delivery import DeliveryRows, Lane
from bot.services.pacing import AdaptivePace, SteadyPacer
from storage.announcements import AnnouncementRepository
from storage.outbox import OutboxRepository
from storage.users import UserRepository
from tests.conftest import TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator
from tests.unit.emulated_worker import emulated_worker


@pytest.fixture
async def emulator():
    async with BotAPIEmulator(TEST_TOKEN) as emu:
        yield emu


class LanguageCalendar:
    """Calendar files that say which language they were asked in."""

    async def file(self, course_id: int, locale: str):
        return (f"BEGIN:VCALENDAR\r\nX-LANG:{locale}\r\nEND:VCALENDAR\r\n".encode(), "c.ics")


@pytest.fixture
async def worker(emulator, db, settings, localizations):
    rows = DeliveryRows(OutboxRepository(db), UserRepository(db), AnnouncementRepository(db))
    async with emulated_worker(
        emulator, settings, localizations, rows, lambda bot: LanguageCalendar(), system_clock
    ) as worker:
        yield worker


async def queue(db, user_id, texts, ics=None):
    async with db.transaction() as tx:
        payload = {"text": texts}
        if ics:
            payload["ics_course_id"] = ics
        await tx.outbox.add(user_id, "test", payload)


async def states(db):
    rows = await db.fetch_all("SELECT user_id, state, attempts FROM outbox ORDER BY id")
    return [(r["user_id"], r["state"], r["attempts"]) for r in rows]


async def test_each_recipient_gets_their_own_language(worker, db, emulator):
    users = UserRepository(db)
    await users.upsert_seen(1, "en")
    await users.upsert_seen(2, "ru")
    await users.upsert_seen(3, "kk")
    await users.set_language(3, "ru")
    for uid in (1, 2, 3):
        await queue(db, uid, {"en": "Hello", "ru": "Привет"})
    assert await worker.run_once() == 3
    await worker.drain()
    sent = {m.chat_id: m.text for m in emulator.outbox}
    assert sent == {1: "Hello", 2: "Привет", 3: "Привет"}
    assert [s for _, s, _ in await states(db)] == ["sent"] * 3


async def test_a_user_who_blocked_the_bot_is_marked_and_others_still_get_theirs(
    worker, db, emulator
):
    users = UserRepository(db)
    await users.upsert_seen(1, "en")
    await users.upsert_seen(2, "en")
    emulator.fail_chat(1, "403")
    await queue(db, 1, {"en": "Hello"})
    await queue(db, 2, {"en": "Hello"})
    await worker.run_once()
    await worker.drain()
    assert await states(db) == [(1, "blocked", 1), (2, "sent", 1)]
    assert not (await users.get(1)).is_active


async def test_server_errors_are_retried_later_and_nothing_is_lost(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "en")
    emulator.fail_chat(1, "502", times=1)
    await queue(db, 1, {"en": "Hello"})
    await worker.run_once()
    await worker.drain()
    assert await states(db) == [(1, "pending", 1)]
    # Due again after the backoff (and no one-second spacing to wait for in this test).
    worker.clock = lambda: datetime.now(UTC) + timedelta(minutes=5)
    worker.per_chat_seconds = 0
    await worker.run_once()
    await worker.drain()
    assert await states(db) == [(1, "sent", 2)]
    assert [m.text for m in emulator.outbox] == ["Hello"]


async def test_a_calendar_file_travels_with_its_text_in_one_message(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "ru")
    await queue(db, 1, {"en": "Seat is yours", "ru": "Место ваше"}, ics=7)
    await worker.run_once()
    await worker.drain()
    (message,) = emulator.outbox
    assert message.method == "sendDocument" and message.caption == "Место ваше"
    assert b"X-LANG:ru" in message.document[1]


async def test_messages_of_a_deleted_user_are_not_sent(worker, db, emulator):
    await queue(db, 42, {"en": "Hello"})
    await worker.run_once()
    await worker.drain()
    assert await states(db) == [(42, "cancelled", 1)]
    assert emulator.outbox == []


async def test_messages_caught_mid_send_by_a_crash_are_sent_after_restart(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "en")
    await queue(db, 1, {"en": "Hello"})
    await OutboxRepository(db).claim(datetime.now(UTC), 10)  # claimed, then the process died
    assert await worker.run_once() == 0
    assert await OutboxRepository(db).recover() == 1
    assert await worker.run_once() == 1
    await worker.drain()
    assert [m.text for m in emulator.outbox] == ["Hello"]


async def add_users(db, count: int, start: int = 1000) -> list[int]:
    users = UserRepository(db)
    for user_id in range(start, start + count):
        await users.upsert_seen(user_id, "ru")
    return list(range(start, start + count))


async def run_until_all_final(worker, db, emulator, within: float = 30.0) -> None:
    """Run the worker as the bot does until no message is pending or being sent."""

    async def settled() -> bool:
        rows = await db.fetch_one(
            "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
        )
        return rows[0] == 0

    worker.start()
    deadline = asyncio.get_running_loop().time() + within
    while not await settled():  # a poll with a deadline
        assert asyncio.get_running_loop().time() < deadline, emulator.dump_calls()
        await asyncio.sleep(0.05)
    await worker.stop()


async def test_sending_at_the_configured_rate_provokes_no_429(worker, db, emulator):
    emulator.rate_limit(global_per_second=30, per_chat_interval=1.0)
    pace = AdaptivePace(25)
    worker.lanes["free"] = Lane("free", pace, SteadyPacer(pace))
    for uid in await add_users(db, 60):
        await queue(db, uid, {"en": "Course announcement", "ru": "Объявление о курсе"})
    await run_until_all_final(worker, db, emulator)
    assert emulator.too_many_requests == 0
    assert len(emulator.outbox) == 60
    assert (await db.fetch_one("SELECT COUNT(*) FROM outbox WHERE state = 'sent'"))[0] == 60


async def test_a_429_pauses_everything_and_the_message_is_retried_not_failed(worker, db, emulator):
    emulator.fault_retry_after = 1
    users = await add_users(db, 5)
    emulator.fail_chat(users[0], "429", times=1)
    for uid in users:
        await queue(db, uid, {"en": "Hi"})
    await run_until_all_final(worker, db, emulator)
    rows = await db.fetch_all("SELECT user_id, state, attempts FROM outbox ORDER BY id")
    assert [(r[0], r[1]) for r in rows] == [(uid, "sent") for uid in users]
    assert rows[0][2] == 1  # the 429 was not counted as an attempt
    refused = next(c for c in emulator.calls if c.status == 429)
    retried = next(
        c for c in emulator.calls if c.status == 200 and c.params["chat_id"] == str(users[0])
    )
    assert retried.at - refused.at >= 0.9
    # During the pause only requests already in flight when the 429 came back completed.
    during = [c for c in emulator.calls if refused.at < c.at < refused.at + 0.9]
    assert len(during) <= worker.max_in_flight


async def test_dropped_connections_and_5xx_are_retried_until_delivered(worker, db, emulator):
    users = await add_users(db, 3)
    emulator.fail_chat(users[0], "drop", times=1)
    emulator.fail_chat(users[1], "500", times=1)
    for uid in users:
        await queue(db, uid, {"en": "Hi"})
    worker.clock = lambda: datetime.now(UTC) + timedelta(minutes=5)  # backoffs are due
    await run_until_all_final(worker, db, emulator)
    assert sorted(m.chat_id for m in emulator.outbox) == sorted(users)


async def test_personal_notices_go_before_bulk_mail(worker, db, emulator):
    users = await add_users(db, 4)
    async with db.transaction() as tx:
        for uid in users[:3]:
            await tx.outbox.add(uid, "bulk", {"text": {"en": "news"}}, 10)
        await tx.outbox.add(users[3], "promoted", {"text": {"en": "seat"}}, 0)
    await run_until_all_final(worker, db, emulator)
    assert emulator.outbox[0].chat_id == users[3]


async def test_chat_not_found_fails_with_the_error_kept_and_is_not_retried(worker, db, emulator):
    (uid,) = await add_users(db, 1)
    emulator.fail_chat(uid, "400")
    await queue(db, uid, {"en": "Hi"})
    await run_until_all_final(worker, db, emulator)
    row = await db.fetch_one("SELECT state, attempts, last_error FROM outbox")
    assert (row[0], row[1]) == ("failed", 1)
    assert "chat not found" in row[2]


async def queue_payload(db, user_id, payload):
    async with db.transaction() as tx:
        await tx.outbox.add(user_id, "test", payload)


async def test_a_file_already_on_telegram_is_sent_again_by_its_id_with_the_readers_caption(
    worker, db, emulator
):
    await UserRepository(db).upsert_seen(1, "ru")
    stored = emulator.register_file(b"%PDF-1.7 slides", "slides.pdf", "application/pdf")
    media = {"type": "document", "file_id": stored.file_id}
    await queue_payload(db, 1, {"text": {"en": "Slides", "ru": "Слайды"}, "media": media})
    await worker.run_once()
    await worker.drain()
    (message,) = emulator.outbox
    assert message.method == "sendDocument" and message.caption == "Слайды"
    assert message.document is not None and message.document[1] == b"%PDF-1.7 slides"


async def test_a_notice_answering_a_message_is_sent_as_a_reply_to_it(worker, db, emulator):
    await UserRepository(db).upsert_seen(1, "en")
    await queue(db, 1, {"en": "First"})
    await worker.run_once()
    await worker.drain()
    first = emulator.outbox[0].message_id
    worker.per_chat_seconds = 0
    await queue_payload(db, 1, {"text": {"en": "Answered"}, "reply_to": first})
    await worker.run_once()
    await worker.drain()
    reply = emulator.outbox[1]
    assert reply.raw["reply_to_message"]["message_id"] == first


class Certificates:
    """Files made at sending time: ref 1 exists (in the reader's language), ref 2 was revoked."""

    async def file(self, ref, locale):
        return (f"PDF {ref} {locale}".encode(), f"certificate-{ref}.pdf") if ref == 1 else None


async def test_a_generated_file_is_made_in_the_readers_language_and_a_withdrawn_one_is_cancelled(
    worker, db, emulator
):
    await UserRepository(db).upsert_seen(1, "ru")
    await UserRepository(db).upsert_seen(2, "en")
    worker.enclosures = replace(worker.enclosures, generated={"certificate": Certificates()})
    for user_id, ref in ((1, 1), (2, 2)):
        generated = {"kind": "certificate", "ref": ref}
        await queue_payload(
            db, user_id, {"text": {"en": "Yours", "ru": "Ваш"}, "generated": generated}
        )
    await worker.run_once()
    await worker.drain()
    (message,) = emulator.outbox
    assert message.chat_id == 1 and message.document == ("certificate-1.pdf", b"PDF 1 ru")
    assert [s for _, s, _ in await states(db)] == ["sent", "cancelled"]


async def test_stopping_during_a_long_flood_pause_is_prompt_and_sends_nothing_more(
    worker, db, emulator
):
    emulator.fault_retry_after = 30
    users = await add_users(db, 3)
    emulator.fail_chat(users[0], "429", times=1)
    for uid in users:
        await queue(db, uid, {"en": "Hi"})
    pace = AdaptivePace(2)  # the next send waits half a second: the 429 comes back first
    worker.lanes["free"] = Lane("free", pace, SteadyPacer(pace))
    worker.start()
    deadline = asyncio.get_running_loop().time() + 5
    while not any(c.status == 429 for c in emulator.calls):  # a poll with a deadline
        assert asyncio.get_running_loop().time() < deadline, emulator.dump_calls()
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.8)
    assert len(emulator.calls) == 1, emulator.dump_calls()  # nothing sent during the pause
    await asyncio.wait_for(worker.stop(), 2.0)  # not after Telegram's 30 seconds
    assert len(emulator.calls) == 1
    assert [s for _, s, _ in await states(db)] == ["pending"] * 3
