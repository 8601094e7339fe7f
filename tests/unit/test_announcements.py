"""Announcements over a real SQLite file: audiences, daytime windows, queueing, stop, progress."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import create_services
from bot.clock import ManualClock
from bot.errors import InvalidInput
from bot.services.announcements import daytime_start
from storage.users import UserRepository
from tests.factories import course_values, create_course

NOW = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def services(db, localizations, settings, clock):
    services = create_services(db, localizations, settings, clock)
    users = UserRepository(db)
    people = [
        # id, telegram language, chosen language, country, zone
        (1, "ru", None, "kz", "Asia/Almaty"),
        (2, "en", "ru", "ge", "Asia/Tbilisi"),
        (3, "pt", None, "pt", "Europe/Lisbon"),
        (4, "en", "en", "kz", "Asia/Almaty"),
        (5, "ru", None, "ua", "Europe/Kyiv"),
    ]
    for uid, telegram, chosen, country, zone in people:
        await users.upsert_seen(uid, telegram)
        if chosen:
            await users.set_language(uid, chosen)
        await users.record_consent(uid)
        await users.set_country(uid, country, zone)
    await users.set_active(5, False)  # blocked the bot earlier: left out
    return services


async def announce(services, audience, **extra):
    return await services.announcements.create(
        created_by=1,
        text_en="<b>New course</b>",
        text_ru="<b>Новый курс</b>",
        audience=audience,
        **extra,
    )


async def test_language_groups_follow_the_same_rule_as_the_bot(services):
    item = await announce(services, {"kind": "all"})
    # 1: Telegram ru -> ru; 2: chose ru; 3: pt -> default en; 4: chose en; 5: inactive.
    assert await services.announcements.recipients_by_language(item) == {"ru": 2, "en": 2}


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        ({"kind": "all"}, {1, 2, 3, 4}),
        ({"kind": "language", "language": "ru"}, {1, 2}),
        ({"kind": "country", "country": "kz"}, {1, 4}),
        # Issue 13: several countries, or the TRACECA ones (kz, ge, ua; not pt; 5 inactive).
        ({"kind": "countries", "countries": ["kz", "pt"]}, {1, 3, 4}),
        ({"kind": "traceca"}, {1, 2, 4}),
    ],
)
async def test_audiences_select_the_right_people(services, db, audience, expected):
    item = await announce(services, audience)
    assert await services.announcements.send_now(item.id) == len(expected)
    rows = await db.fetch_all("SELECT user_id FROM outbox WHERE announcement_id = ?", (item.id,))
    assert {row[0] for row in rows} == expected


async def test_a_course_audience_by_status(services, db):
    starts, ends, deadline = (NOW + timedelta(days=days) for days in (30, 31, 20))
    values = course_values(
        starts, ends, deadline, title_en="Transit", title_ru="Транзит", capacity=1
    )
    course = await create_course(services.courses, values)
    await services.signups.sign_up(course.id, 1)  # confirmed
    await services.signups.sign_up(course.id, 2)  # waitlisted
    for status, expected in (("confirmed", {1}), ("waitlisted", {2}), ("all", {1, 2})):
        item = await announce(
            services, {"kind": "course", "course_id": course.id, "status": status}
        )
        await services.announcements.send_now(item.id)
        rows = await db.fetch_all(
            "SELECT user_id FROM outbox WHERE announcement_id = ?", (item.id,)
        )
        assert {row[0] for row in rows} == expected, status


def test_daytime_window_in_the_recipients_own_zone():
    # 12:00 UTC is 17:00 in Almaty (UTC+5): inside the window, send now.
    assert daytime_start("Asia/Almaty", NOW) == NOW
    # 18:00 UTC is 23:00 in Almaty: the next morning 09:00 local = 04:00 UTC.
    late = NOW.replace(hour=18)
    assert daytime_start("Asia/Almaty", late) == datetime(2027, 3, 11, 4, 0, tzinfo=UTC)
    # 06:00 UTC is 06:00 in Lisbon (winter): 09:00 the same day.
    early = NOW.replace(hour=6)
    assert daytime_start("Europe/Lisbon", early) == datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
    # Summer time in Brussels (UTC+2 after 28 March 2027): 09:00 local is 07:00 UTC.
    summer = datetime(2027, 4, 2, 4, 0, tzinfo=UTC)
    assert daytime_start("Europe/Brussels", summer) == datetime(2027, 4, 2, 7, 0, tzinfo=UTC)


async def test_daytime_delivery_holds_messages_until_morning_where_it_is_night(
    services, db, clock
):
    clock.now = NOW.replace(hour=18)  # 23:00 Almaty, 18:00 Lisbon
    item = await announce(services, {"kind": "all"}, daytime=True)
    await services.announcements.send_now(item.id)
    rows = await db.fetch_all(
        "SELECT user_id, not_before FROM outbox WHERE announcement_id = ?", (item.id,)
    )
    due = {row[0]: row[1] for row in rows}
    assert due[1] == due[4] == "2027-03-11T04:00:00+00:00"  # Almaty: next 09:00
    assert due[3] == "2027-03-10T18:00:00+00:00"  # Lisbon: it is 18:00 there, now


async def test_stop_cancels_what_is_not_sent_and_progress_counts_it(services):
    item = await announce(services, {"kind": "all"})
    await services.announcements.send_now(item.id)
    assert await services.announcements.stop(item.id) == 4
    progress = await services.announcements.progress(item.id)
    assert (progress.total, progress.cancelled, progress.remaining) == (4, 4, 0)
    assert (await services.announcements.get(item.id)).status == "stopped"
    with pytest.raises(InvalidInput):
        await services.announcements.send_now(item.id)


async def test_scheduling_in_the_past_is_refused(services):
    item = await announce(services, {"kind": "all"})
    with pytest.raises(InvalidInput) as error:
        await services.announcements.schedule(item.id, NOW - timedelta(minutes=1))
    assert error.value.key == "announce-error-past"


async def test_100000_recipients_are_queued_in_one_statement(services, db):
    async with db.transaction() as tx:
        await tx.write_many(
            "INSERT INTO users (id, telegram_language, created_at, last_seen_at)"
            " VALUES (?, 'ru', '2027-01-01', '2027-01-01')",
            [(10_000 + i,) for i in range(100_000)],
        )
    item = await announce(services, {"kind": "all"})
    assert await services.announcements.send_now(item.id) == 100_004


async def test_people_without_a_profile_get_daytime_in_the_default_zone(
    db, localizations, settings
):
    bishkek = settings.model_copy(update={"default_timezone": "Asia/Bishkek"})
    # 18:00 UTC is 00:00 in Bishkek (UTC+6).
    services = create_services(db, localizations, bishkek, ManualClock(NOW.replace(hour=18)))
    await UserRepository(db).upsert_seen(7, "ru")  # no profile, no zone
    item = await services.announcements.create(
        created_by=7, text_en="x", text_ru="x", audience={"kind": "all"}, daytime=True
    )
    await services.announcements.send_now(item.id)
    row = await db.fetch_one("SELECT not_before FROM outbox WHERE user_id = 7")
    assert row[0] == "2027-03-11T03:00:00+00:00"  # 09:00 in Bishkek


async def test_send_pressed_twice_at_once_queues_everyone_once_and_is_audited_once(services, db):
    """Issue 12 review: the status check and the queueing are one transaction, so a double
    tap on Send (two updates handled at once) cannot send the announcement twice."""
    import asyncio

    item = await announce(services, {"kind": "all"})
    first, second = await asyncio.gather(
        services.announcements.send_now(item.id, by=1),
        services.announcements.send_now(item.id, by=1),
        return_exceptions=True,
    )
    results = sorted([first, second], key=lambda r: isinstance(r, Exception))
    assert results[0] == 4
    assert isinstance(results[1], InvalidInput)
    assert results[1].key == "announce-error-already-sent"
    rows = await db.fetch_all("SELECT user_id FROM outbox WHERE announcement_id = ?", (item.id,))
    assert len(rows) == 4
    audits = await db.fetch_all("SELECT * FROM audit_log WHERE action = 'announcement.sent'")
    assert len(audits) == 1


async def test_a_refused_schedule_leaves_no_audit_entry(services, db, clock):
    """Issue 12: the audit entry is written in the change's transaction, or not at all."""
    item = await announce(services, {"kind": "all"})
    await services.announcements.send_now(item.id, by=1)
    with pytest.raises(InvalidInput):
        await services.announcements.schedule(item.id, clock() + timedelta(days=1), by=1)
    scheduled = await db.fetch_all(
        "SELECT * FROM audit_log WHERE action = 'announcement.scheduled'"
    )
    assert scheduled == []


@pytest.mark.parametrize(
    "audience",
    [
        {"kind": "countries", "countries": []},
        {"kind": "countries", "countries": ["kz", "xx"]},
        {"kind": "countries", "countries": "kz"},
    ],
)
async def test_a_malformed_country_audience_is_refused(services, audience):
    with pytest.raises(InvalidInput):
        await announce(services, audience)
