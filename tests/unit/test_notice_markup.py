"""Notices about a course whose title or place holds markup characters reach people: the
delivery worker sends them to the Bot API emulator, which refuses invalid HTML as Telegram
does (issue 11: such notices failed with "can't parse entities" and were never retried)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import create_services
from bot.clock import ManualClock
from bot.services.calendar import CalendarFiles
from bot.services.delivery import DeliveryRows
from bot.services.reminders import due_time
from storage.courses import CourseStatus
from tests.conftest import TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator
from tests.unit.emulated_worker import emulated_worker

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
TITLE = "HS <2022> to HS 2027"
TITLE_RU = 'ТН ВЭД <2022> → 2027 & "x"'
VENUE = 'R&D <centre>, room "B" </b>'


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def services(db, localizations, settings, clock):
    return create_services(db, localizations, settings, clock)


@pytest.fixture
async def emulator():
    async with BotAPIEmulator(TEST_TOKEN) as emu:
        yield emu


@pytest.fixture
async def worker(emulator, services, settings, localizations):
    rows = DeliveryRows(
        services.outbox, services.users, services.announcements.repos.announcements
    )
    async with emulated_worker(
        emulator,
        settings,
        localizations,
        rows,
        lambda bot: CalendarFiles(services.courses, bot, services.clock),
        services.clock,
    ) as worker:
        worker.per_chat_seconds = 0  # no one-second spacing between one person's notices here
        # The bot's name (the calendar files' domain) known before the first send, so a
        # notice with a file does not fall behind the next one waiting for it.
        await worker.bot.me()
        yield worker


async def make_course(services, capacity: int):
    course = await services.courses.create(
        {
            "title_en": TITLE,
            "title_ru": TITLE_RU,
            "description_en": "Tariff <classification> & origin",
            "description_ru": "Классификация <товаров> & происхождение",
            "starts_at": NOW + timedelta(days=14),
            "ends_at": NOW + timedelta(days=14, hours=8),
            "deadline_at": NOW + timedelta(days=7),
            "timezone": "Europe/Brussels",
            "venue": VENUE,
            "capacity": capacity,
            "language": "en",
        },
        created_by=1,
    )
    await services.courses.set_status(course.id, CourseStatus.PUBLISHED)
    return await services.courses.get(course.id)


async def make_people(services, languages: dict[int, str]) -> None:
    for user_id, language in languages.items():
        await services.users.upsert_seen(user_id, language)
        await services.users.set_language(user_id, language)


async def deliver(worker, db) -> set[str]:
    """Run the worker until nothing is due; each notice's kind, final state and error."""
    while await worker.run_once():
        await worker.drain()
    await worker.drain()
    rows = await db.fetch_all("SELECT kind, state, last_error FROM outbox ORDER BY id")
    return {f"{row['kind']} {row['state']} {row['last_error'] or ''}".strip() for row in rows}


def shown(emulator: BotAPIEmulator, chat_id: int) -> list[str]:
    return [m.plain_text for m in emulator.outbox if m.chat_id == chat_id]


async def test_the_promoted_person_is_told_even_when_the_title_has_markup(
    services, worker, db, emulator
):
    """Regression for issue 11: the promotion notice failed with "can't parse entities"."""
    course = await make_course(services, capacity=1)
    await make_people(services, {100: "en", 101: "ru"})
    await services.signups.sign_up(course.id, 100)
    await services.signups.sign_up(course.id, 101)  # waiting
    assert await services.signups.cancel(course.id, 100) == [101]
    assert await deliver(worker, db) == {"promoted sent"}
    (text,) = shown(emulator, 101)
    assert TITLE_RU in text and VENUE in text  # the promotion names title, time and place


async def test_reminders_reach_participants_of_a_course_with_markup_in_title_and_place(
    services, worker, db, emulator, clock
):
    """Regression for issue 11: reminders failed with "can't parse entities"."""
    course = await make_course(services, capacity=5)
    await make_people(services, {100: "en", 101: "ru"})
    for user_id in (100, 101):
        await services.signups.sign_up(course.id, user_id)
    day = timedelta(days=1)
    clock.now = due_time(course, day)
    assert await services.reminders.send(course.id, int(day.total_seconds())) == 2
    assert await deliver(worker, db) == {"reminder sent"}
    (english,) = shown(emulator, 100)
    (russian,) = shown(emulator, 101)
    assert TITLE in english and TITLE_RU in russian


async def test_moving_and_cancelling_a_course_with_markup_tells_everyone(
    services, worker, db, emulator
):
    """Regression for issue 11: move and cancel notices failed with "can't parse entities"."""
    course = await make_course(services, capacity=1)
    await make_people(services, {100: "en", 101: "en"})
    await services.signups.sign_up(course.id, 100)
    await services.signups.sign_up(course.id, 101)  # waiting: told as well
    change = await services.course_service.edit(course.id, "place", 'Annex <2> & "C"')
    assert change.notified == 2
    await services.course_service.cancel(course.id)
    assert await deliver(worker, db) == {"course_changed sent", "course_cancelled sent"}
    for user_id in (100, 101):
        moved, cancelled = shown(emulator, user_id)
        assert TITLE in moved and VENUE in moved and 'Annex <2> & "C"' in moved
        assert TITLE in cancelled
