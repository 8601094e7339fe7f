"""PAID_BROADCAST: announcements go as paid broadcasts, nothing else does, and a refusal
loses nothing; the pace learned from a 429 is kept across a restart."""

from __future__ import annotations

import asyncio

import pytest

from bot.app import create_services
from bot.clock import system_clock
from bot.services.delivery import DeliveryRows
from storage.announcements import AnnouncementRepository
from storage.delivery_pace import DeliveryPaceRepository
from storage.outbox import OutboxRepository
from storage.users import UserRepository
from tests.conftest import TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator
from tests.unit.emulated_worker import emulated_worker
from tests.unit.test_delivery import add_users, queue, run_until_all_final


@pytest.fixture
async def emulator():
    async with BotAPIEmulator(TEST_TOKEN) as emu:
        yield emu


def rows_of(db) -> DeliveryRows:
    return DeliveryRows(
        OutboxRepository(db),
        UserRepository(db),
        AnnouncementRepository(db),
        DeliveryPaceRepository(db),
    )


class NoCalendar:
    async def file(self, course_id: int, locale: str):
        return None


async def announce_to_everyone(db, localizations, settings) -> int:
    services = create_services(db, localizations, settings)
    item = await services.announcements.create(
        created_by=1, text_en="Seminar", text_ru="Семинар", audience={"kind": "all"}
    )
    return await services.announcements.send_now(item.id)


def worker_for(db, emulator, settings, localizations, **options):
    """The worker as the bot builds it, keeping its learned pace in `db`."""
    return emulated_worker(
        emulator,
        settings,
        localizations,
        rows_of(db),
        lambda bot: NoCalendar(),
        system_clock,
        **options,
    )


def sends(emulator):
    return [c for c in emulator.calls if c.method == "sendMessage"]


async def test_announcements_go_as_paid_broadcasts_and_personal_notices_never_do(
    db, emulator, settings, localizations
):
    users = await add_users(db, 3)
    assert await announce_to_everyone(db, localizations, settings) == 3
    await queue(db, users[0], {"en": "Your seat is confirmed", "ru": "Вы записаны"})
    async with worker_for(db, emulator, settings, localizations, paid_broadcast=True) as worker:
        worker.per_chat_seconds = 0
        await run_until_all_final(worker, db, emulator)
    paid = [c for c in sends(emulator) if c.params.get("allow_paid_broadcast") == "true"]
    assert sorted(int(c.params["chat_id"]) for c in paid) == users
    assert all(c.params.get("text") == "Семинар" for c in paid)
    (notice,) = [c for c in sends(emulator) if "allow_paid_broadcast" not in c.params]
    assert notice.params["text"] == "Вы записаны"
    assert emulator.paid_broadcasts == 3


async def test_without_paid_broadcast_no_send_is_paid_for(db, emulator, settings, localizations):
    await add_users(db, 2)
    await announce_to_everyone(db, localizations, settings)
    async with worker_for(db, emulator, settings, localizations) as worker:
        await run_until_all_final(worker, db, emulator)
    assert len(sends(emulator)) == 2
    assert not any("allow_paid_broadcast" in c.params for c in sends(emulator))
    assert emulator.paid_broadcasts == 0


async def test_refused_paid_broadcasts_are_sent_at_the_free_rate_and_none_is_lost(
    db, emulator, settings, localizations
):
    users = await add_users(db, 5)
    await announce_to_everyone(db, localizations, settings)
    emulator.refuse_paid_broadcasts("Bad Request: not enough Stars")
    async with worker_for(db, emulator, settings, localizations, paid_broadcast=True) as worker:
        await run_until_all_final(worker, db, emulator)
        assert "paid" not in worker.lanes  # given up on for this run after a few refusals
    assert sorted(m.chat_id for m in emulator.outbox) == users
    states = await db.fetch_all("SELECT state, attempts FROM outbox")
    assert [(r["state"], r["attempts"]) for r in states] == [("sent", 1)] * 5


async def test_the_pace_learned_from_a_429_is_kept_across_a_restart(
    db, emulator, settings, localizations
):
    users = await add_users(db, 3)
    emulator.fault_retry_after = 1
    emulator.fail_chat(users[0], "429", times=1)
    for uid in users:
        await queue(db, uid, {"en": "Hi", "ru": "Здравствуйте"})
    async with worker_for(db, emulator, settings, localizations, rate=25) as worker:
        await run_until_all_final(worker, db, emulator)
        learned = worker.lanes["free"].pace.rate
    assert learned < 25
    saved = await DeliveryPaceRepository(db).load("free")
    assert saved is not None and saved.failed_rate == 25
    async with worker_for(db, emulator, settings, localizations, rate=25) as restarted:
        restarted.start()
        await restarted.stop()
        assert restarted.lanes["free"].pace.rate == pytest.approx(saved.rate)
        assert restarted.lanes["free"].pace.rate < 25


async def test_a_message_refused_as_a_paid_broadcast_is_not_tried_paid_again_after_a_429(
    db, emulator, settings, localizations
):
    ana, ivan = await add_users(db, 2)
    await announce_to_everyone(db, localizations, settings)  # to both, after the notice
    async with db.transaction() as tx:
        await tx.outbox.add(ivan, "test", {"text": {"en": "Seat", "ru": "Вы записаны"}}, 0)
    emulator.refuse_paid_broadcasts("Bad Request: not enough Stars")
    # The notice fills the free second, so the refused announcement's free send gets a 429.
    emulator.rate_limit(global_per_second=1)
    async with worker_for(db, emulator, settings, localizations, paid_broadcast=True) as worker:
        worker.per_chat_seconds = 0
        await run_until_all_final(worker, db, emulator)
    to_ana = [c for c in sends(emulator) if c.params["chat_id"] == str(ana)]
    assert any(c.status == 429 for c in to_ana), emulator.dump_calls()
    assert sum(c.params.get("allow_paid_broadcast") == "true" for c in to_ana) == 1
    assert to_ana[-1].status == 200


async def test_a_chat_not_found_on_a_paid_send_fails_after_one_free_try(
    db, emulator, settings, localizations
):
    ana, ivan = await add_users(db, 2)
    await announce_to_everyone(db, localizations, settings)
    emulator.fail_chat(ana, "400")
    async with worker_for(db, emulator, settings, localizations, paid_broadcast=True) as worker:
        await run_until_all_final(worker, db, emulator)
        assert "paid" in worker.lanes  # one chat's error does not give paid broadcasts up
    to_ana = [c for c in sends(emulator) if c.params["chat_id"] == str(ana)]
    assert [c.params.get("allow_paid_broadcast") for c in to_ana] == ["true", None]
    (to_ivan,) = [c for c in sends(emulator) if c.params["chat_id"] == str(ivan)]
    assert to_ivan.params.get("allow_paid_broadcast") == "true"
    row = await db.fetch_one(
        "SELECT state, attempts, last_error FROM outbox WHERE user_id = ?", (ana,)
    )
    assert (row["state"], row["attempts"]) == ("failed", 1)
    assert "chat not found" in row["last_error"]


async def test_a_long_flood_pause_on_the_free_lane_does_not_hold_up_paid_broadcasts(
    db, emulator, settings, localizations
):
    first, second, *readers = await add_users(db, 7)
    await announce_to_everyone(db, localizations, settings)
    async with db.transaction() as tx:  # personal notices: claimed before the announcement
        for uid in (first, second):
            await tx.outbox.add(uid, "test", {"text": {"en": "Seat", "ru": "Вы записаны"}}, 0)
    emulator.fault_retry_after = 30
    emulator.fail_chat(first, "429", times=1)
    # Half a second between free sends: the 429 comes back while the second notice waits.
    async with worker_for(
        db, emulator, settings, localizations, rate=2, paid_broadcast=True
    ) as worker:
        worker.per_chat_seconds = 0
        worker.start()
        deadline = asyncio.get_running_loop().time() + 5
        while emulator.paid_broadcasts < len(readers) + 2:  # a poll with a deadline
            assert asyncio.get_running_loop().time() < deadline, emulator.dump_calls()
            await asyncio.sleep(0.05)
        await worker.stop()
    notices = [c for c in sends(emulator) if "allow_paid_broadcast" not in c.params]
    assert [c.params["chat_id"] for c in notices] == [str(first)]  # the second one waits
