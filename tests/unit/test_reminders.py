"""Reminders: DST-correct times, queued once, late sign-ups, skipped when late, timers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.scheduler import Scheduler
from bot.services.reminders import ReminderTimers, due_time
from storage.users import UserRepository
from tests.factories import course_values, create_course

DAY, HOUR = timedelta(days=1), timedelta(hours=1)


async def make_course(services, starts_at: datetime, zone: str = "Europe/Brussels"):
    values = course_values(
        starts_at,
        starts_at + timedelta(hours=8),
        starts_at,
        title_en="AEO validation",
        title_ru="Валидация УЭО",
        timezone=zone,
        venue="Brussels, WCO headquarters",
    )
    return await create_course(services.courses, values)


async def participant(services, user_id: int, course_id: int, zone: str = "Asia/Almaty") -> None:
    users = UserRepository(services.users.sql)
    await users.upsert_seen(user_id, "ru")
    await users.record_consent(user_id)
    await users.set_country(user_id, "kz", zone)
    await services.signups.sign_up(course_id, user_id)


async def reminder_rows(db):
    rows = await db.fetch_all("SELECT user_id, payload FROM outbox WHERE kind = 'reminder'")
    return [(row[0], json.loads(row[1])) for row in rows]


@pytest.mark.parametrize(
    ("start", "day_before", "hour_before"),
    [
        # Monday after the last Sunday of March: 09:00 CEST = 07:00 UTC.
        (datetime(2027, 3, 29, 7, 0, tzinfo=UTC), "2027-03-28T07:00", "2027-03-29T06:00"),
        # Monday after the last Sunday of October: 09:00 CET = 08:00 UTC.
        (datetime(2027, 11, 1, 8, 0, tzinfo=UTC), "2027-10-31T08:00", "2027-11-01T07:00"),
    ],
)
async def test_reminders_fire_at_the_right_instant_across_daylight_saving(
    services, start, day_before, hour_before
):
    course = await make_course(services, start)
    plan = {r.offset: r.due_at for r in services.reminders.plan(course)}
    assert plan[DAY].isoformat(timespec="minutes").startswith(day_before)
    assert plan[HOUR].isoformat(timespec="minutes").startswith(hour_before)


def test_a_day_before_is_counted_on_the_courses_wall_clock():
    from types import SimpleNamespace

    # Sunday 28 March 2027 09:00 CEST; the clocks changed at 02:00 that night.
    course = SimpleNamespace(
        starts_at=datetime(2027, 3, 28, 7, 0, tzinfo=UTC), timezone="Europe/Brussels"
    )
    # "1d" before is Saturday 09:00 CET (08:00 UTC), not 24 hours before (07:00 UTC).
    assert due_time(course, DAY) == datetime(2027, 3, 27, 8, 0, tzinfo=UTC)


async def test_a_reminder_is_queued_once_in_each_language_with_the_readers_time(
    services, db, clock
):
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    await participant(services, 10, course.id)
    clock.now = due_time(course, DAY)
    assert await services.reminders.send(course.id, int(DAY.total_seconds())) == 1
    assert await services.reminders.send(course.id, int(DAY.total_seconds())) == 0  # restart
    ((user_id, payload),) = await reminder_rows(db)
    assert user_id == 10
    assert "29 марта 2027, 09:00" in payload["text"]["ru"]  # the course's own time
    # Issue 13: the reader's zone by its city, never by its IANA id.
    assert "Для вас: 29 марта 2027, 12:00 по времени Алматы (UTC+5)" in payload["text"]["ru"]
    assert "Asia/" not in payload["text"]["ru"] and "Asia/" not in payload["text"]["en"]
    assert payload["course_action"] == {"course_id": course.id, "action": "cancel"}


async def test_late_sign_ups_get_only_the_reminders_still_to_come(services, db, clock):
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    await participant(services, 10, course.id)
    clock.now = due_time(course, DAY)
    await services.reminders.send(course.id, int(DAY.total_seconds()))
    await participant(services, 11, course.id)  # signs up between the two reminders
    clock.now = due_time(course, HOUR)
    await services.reminders.send(course.id, int(HOUR.total_seconds()))
    users = [uid for uid, _ in await reminder_rows(db)]
    assert sorted(users) == [10, 10, 11]


async def test_a_reminder_due_while_the_bot_was_down_is_skipped_once_the_course_started(
    services, db, clock, caplog
):
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    await participant(services, 10, course.id)
    clock.now = course.starts_at + timedelta(minutes=5)
    assert await services.reminders.send(course.id, int(HOUR.total_seconds())) == 0
    row = await db.fetch_one("SELECT state FROM course_reminders")
    assert row[0] == "skipped" and "skipped" in caplog.text
    assert await reminder_rows(db) == []


async def test_timers_follow_the_course_when_it_moves_and_go_when_it_is_cancelled(services, clock):
    scheduler = Scheduler()
    timers = ReminderTimers(services.reminders, scheduler)
    services.course_service.listeners.append(timers.course_changed)
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    assert await timers.restore() == 1
    scheduler.scheduler.start(paused=True)  # as in the bot: restored, then running
    jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
    assert set(jobs) == {f"reminder:{course.id}:86400", f"reminder:{course.id}:3600"}
    await services.course_service.edit(course.id, "starts_at", "2027-04-05 09:00")
    moved = {job.id: job.trigger.run_date for job in scheduler.scheduler.get_jobs()}
    assert moved[f"reminder:{course.id}:3600"] == datetime(2027, 4, 5, 6, 0, tzinfo=UTC)
    await services.course_service.cancel(course.id)
    assert scheduler.scheduler.get_jobs() == []
    scheduler.scheduler.shutdown(wait=False)


async def test_an_organiser_can_give_a_course_its_own_reminders(services):
    scheduler = Scheduler()
    timers = ReminderTimers(services.reminders, scheduler)
    services.course_service.listeners.append(timers.course_changed)
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    await timers.restore()
    scheduler.scheduler.start(paused=True)
    change = await services.course_service.edit(course.id, "reminder_offsets", "3d, 2h")
    assert change.course.reminder_offsets == "3d,2h"
    ids = {job.id for job in scheduler.scheduler.get_jobs()}
    assert ids == {f"reminder:{course.id}:259200", f"reminder:{course.id}:7200"}
    from bot.services.courses import FieldRejected

    with pytest.raises(FieldRejected):
        await services.course_service.edit(course.id, "reminder_offsets", "soon")
    back = await services.course_service.edit(course.id, "reminder_offsets", "default")
    assert back.course.reminder_offsets is None
    assert {job.id for job in scheduler.scheduler.get_jobs()} == {
        f"reminder:{course.id}:86400",
        f"reminder:{course.id}:3600",
    }
    scheduler.scheduler.shutdown(wait=False)


async def test_still_coming_is_asked_once_of_the_confirmed_and_no_frees_the_seat(
    services, db, clock
):
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    change = await services.course_service.edit(course.id, "attendance_check_days", "3")
    course = change.course
    await services.courses.update(course.id, {"capacity": 1}, bump_revision=False)
    await participant(services, 10, course.id)
    await participant(services, 11, course.id)  # waitlisted
    clock.now = services.reminders.attendance_due(course)
    assert clock.now == datetime(2027, 3, 26, 8, 0, tzinfo=UTC)  # 09:00 CET, 3 days before
    assert await services.reminders.ask_attendance(course.id) == 1
    assert await services.reminders.ask_attendance(course.id) == 0  # never twice
    rows = await db.fetch_all(
        "SELECT user_id, payload FROM outbox WHERE kind = 'attendance_check'"
    )
    assert [row[0] for row in rows] == [10]
    assert json.loads(rows[0][1])["course_action"]["action"] == "attend"
    # "No": the seat is freed at once and the first person waiting gets it.
    assert await services.signups.cancel(course.id, 10) == [11]


async def test_a_reminder_missed_while_the_bot_was_down_fires_at_start_up(services, db, clock):
    course = await make_course(services, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    await participant(services, 10, course.id)
    clock.now = due_time(course, HOUR) + timedelta(minutes=20)  # down at the due time
    scheduler = Scheduler()
    timers = ReminderTimers(services.reminders, scheduler)
    await timers.restore()
    scheduler.scheduler.start(paused=True)
    run_dates = {job.id: job.trigger.run_date for job in scheduler.scheduler.get_jobs()}
    assert run_dates[f"reminder:{course.id}:3600"] == clock.now  # at once, late but useful
    scheduler.scheduler.shutdown(wait=False)
    assert await services.reminders.send(course.id, 3600) == 1
    assert [uid for uid, _ in await reminder_rows(db)] == [10]
