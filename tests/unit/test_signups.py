"""Sign-ups over a real SQLite file: capacity, waiting list, promotion, deadline, concurrency."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.errors import (
    CourseCancelled,
    CourseNotFound,
    CourseStarted,
    NotSignedUp,
    RegistrationClosed,
)
from storage.courses import CourseStatus
from storage.registrations import RegStatus
from tests.factories import course_values, create_course

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


async def make_course(services, capacity=3, status=CourseStatus.PUBLISHED, **overrides):
    values = course_values(
        NOW + timedelta(days=14),
        NOW + timedelta(days=16),
        NOW + timedelta(days=7),
        venue="ROCB Europe training centre, Baku",
        capacity=capacity,
        language="ru",
        **overrides,
    )
    return await create_course(services.courses, values, status=status)


async def make_users(services, count, start=100):
    for user_id in range(start, start + count):
        await services.users.upsert_seen(user_id, "en")
    return list(range(start, start + count))


async def outbox_rows(db):
    rows = await db.fetch_all("SELECT user_id, kind, payload FROM outbox ORDER BY id")
    return [(r["user_id"], r["kind"], json.loads(r["payload"])) for r in rows]


async def test_seats_are_confirmed_then_the_waiting_list_fills_in_order(services):
    course = await make_course(services, capacity=2)
    users = await make_users(services, 5)
    results = [await services.signups.sign_up(course.id, uid) for uid in users]
    assert [r.registration.status for r in results] == [
        RegStatus.CONFIRMED,
        RegStatus.CONFIRMED,
        RegStatus.WAITLISTED,
        RegStatus.WAITLISTED,
        RegStatus.WAITLISTED,
    ]
    assert [r.position for r in results] == [None, None, 1, 2, 3]


async def test_signing_up_twice_makes_one_sign_up(services):
    course = await make_course(services, capacity=1)
    (uid,) = await make_users(services, 1)
    first = await services.signups.sign_up(course.id, uid)
    again = await services.signups.sign_up(course.id, uid)
    assert first.registration.id == again.registration.id
    assert (await services.registrations.counts(course.id)).confirmed == 1


async def test_cancelling_promotes_first_waitlisted_participant_and_tells_them(services, db):
    course = await make_course(services, capacity=1)
    a, b, c = await make_users(services, 3)
    for uid in (a, b, c):
        await services.signups.sign_up(course.id, uid)
    promoted = await services.signups.cancel(course.id, a)
    assert promoted == [b]
    assert (await services.signups.status(course.id, b)).registration.status == RegStatus.CONFIRMED
    assert (await services.signups.status(course.id, c)).position == 1  # moved up from 2 to 1
    rows = await outbox_rows(db)
    assert [(uid, kind) for uid, kind, _ in rows] == [(b, "promoted")]
    payload = rows[0][2]
    assert "a seat on “Risk management in customs” has become free" in payload["text"]["en"]
    assert "освободилось место" in payload["text"]["ru"]
    assert payload["ics_course_id"] == course.id


async def test_cancelling_a_waitlist_place_promotes_nobody(services, db):
    course = await make_course(services, capacity=1)
    a, b, c = await make_users(services, 3)
    for uid in (a, b, c):
        await services.signups.sign_up(course.id, uid)
    assert await services.signups.cancel(course.id, b) == []
    assert (await services.signups.status(course.id, c)).position == 1
    assert await outbox_rows(db) == []
    with pytest.raises(NotSignedUp):
        await services.signups.cancel(course.id, b)


async def test_signing_up_again_after_cancelling_goes_to_the_end_of_the_queue(services):
    course = await make_course(services, capacity=1)
    a, b, c = await make_users(services, 3)
    for uid in (a, b, c):
        await services.signups.sign_up(course.id, uid)
    await services.signups.cancel(course.id, b)
    again = await services.signups.sign_up(course.id, b)
    assert again.registration.status == RegStatus.WAITLISTED and again.position == 2


async def test_registration_closes_at_the_deadline(services, clock):
    course = await make_course(services)
    (uid,) = await make_users(services, 1)
    clock.now = course.deadline_at
    with pytest.raises(RegistrationClosed):
        await services.signups.sign_up(course.id, uid)
    clock.now = course.deadline_at - timedelta(seconds=1)
    assert (await services.signups.sign_up(course.id, uid)).registration.status == "confirmed"


async def test_drafts_cancelled_and_unknown_courses_take_no_sign_ups(services):
    draft = await make_course(services, status=CourseStatus.DRAFT)
    cancelled = await make_course(services, status=CourseStatus.CANCELLED)
    (uid,) = await make_users(services, 1)
    with pytest.raises(CourseNotFound):
        await services.signups.sign_up(draft.id, uid)
    with pytest.raises(CourseCancelled):
        await services.signups.sign_up(cancelled.id, uid)
    with pytest.raises(CourseNotFound):
        await services.signups.sign_up(99999, uid)


async def test_200_officers_at_once_for_20_seats_give_exactly_20_confirmed(services):
    course = await make_course(services, capacity=20)
    users = await make_users(services, 200)
    # Everyone presses at the same moment (and some twice): tasks share one connection.
    results = await asyncio.gather(
        *(services.signups.sign_up(course.id, uid) for uid in users + users[:50])
    )
    counts = await services.registrations.counts(course.id)
    assert (counts.confirmed, counts.waitlisted) == (20, 180)
    people = await services.registrations.participants(course.id)
    waiting = [p for p in people if p.registration.status == RegStatus.WAITLISTED]
    assert [p.position for p in waiting] == list(range(1, 181))
    # Arrival order: the first 20 to arrive got the seats.
    confirmed = sorted(p.registration.seq for p in people if p.registration.status == "confirmed")
    assert confirmed == list(range(1, 21))
    assert len({r.registration.id for r in results}) == 200


async def test_counts_of_many_courses_match_each_course_counted_alone(services):
    full = await make_course(services, capacity=1)
    empty = await make_course(services)
    for uid in await make_users(services, 3):
        await services.signups.sign_up(full.id, uid)
    counted = await services.registrations.counts_of([full.id, empty.id])
    assert counted == {
        full.id: await services.registrations.counts(full.id),
        empty.id: await services.registrations.counts(empty.id),
    }
    assert (counted[full.id].confirmed, counted[full.id].waitlisted) == (1, 2)


async def test_raising_the_capacity_promotes_from_the_waiting_list(services, db):
    course = await make_course(services, capacity=1)
    users = await make_users(services, 4)
    for uid in users:
        await services.signups.sign_up(course.id, uid)
    change = await services.course_service.edit(course.id, "capacity", "3")
    assert change.course.capacity == 3
    counts = await services.registrations.counts(course.id)
    assert (counts.confirmed, counts.waitlisted) == (3, 1)
    assert [uid for uid, kind, _ in await outbox_rows(db)] == users[1:3]


async def test_capacity_cannot_drop_below_the_confirmed(services):
    from bot.errors import InvalidInput

    course = await make_course(services, capacity=5)
    for uid in await make_users(services, 3):
        await services.signups.sign_up(course.id, uid)
    with pytest.raises(InvalidInput) as error:
        await services.course_service.edit(course.id, "capacity", "2")
    assert error.value.key == "course-error-capacity-below"


async def test_moving_a_course_tells_participants_old_and_new_time(services, db):
    course = await make_course(services, capacity=1)
    a, b = await make_users(services, 2)
    await services.signups.sign_up(course.id, a)
    await services.signups.sign_up(course.id, b)
    change = await services.course_service.edit(course.id, "starts_at", "2027-03-22 10:00")
    assert change.notified == 2
    assert change.course.ends_at - change.course.starts_at == course.ends_at - course.starts_at
    assert change.course.deadline_at == course.deadline_at  # it was not the start
    assert change.course.revision == course.revision + 1
    rows = await outbox_rows(db)
    assert [(uid, kind) for uid, kind, _ in rows] == [(a, "course_changed"), (b, "course_changed")]
    text = rows[0][2]["text"]["en"]
    assert "15 March 2027, 13:00" in text and "22 March 2027, 10:00" in text
    assert rows[0][2]["ics_course_id"] == course.id  # the confirmed one gets the new file
    assert "ics_course_id" not in rows[1][2]  # the waiting one does not


async def test_cancelling_a_course_tells_everyone_signed_up_or_waiting(services, db):
    course = await make_course(services, capacity=1)
    a, b = await make_users(services, 2)
    await services.signups.sign_up(course.id, a)
    await services.signups.sign_up(course.id, b)
    change = await services.course_service.cancel(course.id)
    assert change.course.status == CourseStatus.CANCELLED and change.notified == 2
    rows = await outbox_rows(db)
    assert {uid for uid, _, _ in rows} == {a, b}
    assert "has been cancelled" in rows[0][2]["text"]["en"]


async def test_forgetting_a_user_frees_their_seat_for_the_next_in_line(services, db):
    course = await make_course(services, capacity=1)
    a, b = await make_users(services, 2)
    await services.signups.sign_up(course.id, a)
    await services.signups.sign_up(course.id, b)
    await services.profiles.forget(a)
    assert (await services.signups.status(course.id, b)).registration.status == RegStatus.CONFIRMED
    assert await services.registrations.get(course.id, a) is None


async def test_publishing_needs_both_languages(services):
    course = await make_course(services, status=CourseStatus.DRAFT, title_ru=None)
    from bot.errors import InvalidInput

    with pytest.raises(InvalidInput) as error:
        await services.course_service.publish(course.id)
    assert error.value.key == "course-error-publish-missing"
    await services.course_service.edit(course.id, "title_ru", "Управление рисками")
    assert (await services.course_service.publish(course.id)).status == CourseStatus.PUBLISHED


async def test_courses_are_finished_after_their_end(services, clock):
    course = await make_course(services)
    clock.now = course.ends_at + timedelta(minutes=1)
    assert await services.course_service.finish_ended() == 1
    assert (await services.courses.get(course.id)).status == CourseStatus.FINISHED


# -- issue 11: after the start nothing moves; a change and its notices are one transaction ----


async def one_seat_course(services, people: int):
    """A one-seat course `people` signed up for: the first confirmed, the others waiting."""
    course = await make_course(services, capacity=1)
    users = await make_users(services, people)
    for uid in users:
        await services.signups.sign_up(course.id, uid)
    return course, users


async def test_cancelling_after_the_start_is_refused_and_promotes_nobody(services, db, clock):
    """Issue 11: "Can't come? Cancel my place" after the start frees no seat for anyone."""
    course, (a, b) = await one_seat_course(services, 2)
    clock.now = course.starts_at + timedelta(minutes=30)
    with pytest.raises(CourseStarted):
        await services.signups.cancel(course.id, a)
    with pytest.raises(CourseStarted):
        await services.signups.cancel(course.id, b)  # a waiting place too: nothing changes
    assert (await services.signups.status(course.id, a)).registration.status == "confirmed"
    assert (await services.signups.status(course.id, b)).position == 1
    assert await outbox_rows(db) == []


async def test_forgetting_after_the_start_withdraws_without_promoting(services, db, clock):
    """Issue 11: /forget during a running course frees the person, promotes nobody into it."""
    course, (a, b) = await one_seat_course(services, 2)
    clock.now = course.starts_at + timedelta(minutes=30)
    await services.profiles.forget(a)
    assert await services.registrations.get(course.id, a) is None
    assert (await services.signups.status(course.id, b)).registration.status == "waitlisted"
    assert await outbox_rows(db) == []


async def test_raising_the_capacity_of_a_started_course_promotes_nobody(services, db, clock):
    """Issue 11: the waiting list of a running course is not pulled into it."""
    course, _ = await one_seat_course(services, 3)
    clock.now = course.starts_at + timedelta(minutes=30)
    await services.course_service.edit(course.id, "capacity", "3")
    assert (await services.registrations.counts(course.id)).confirmed == 1
    assert await outbox_rows(db) == []


async def break_outbox(db):
    """Every insert into the outbox fails, as a crash between change and notice would."""
    await db.conn.execute(
        "CREATE TRIGGER test_outbox_down BEFORE INSERT ON outbox"
        " BEGIN SELECT RAISE(ABORT, 'outbox down'); END"
    )


async def stored_course(db, course_id):
    """The course row as committed in the file (not the repository's cache)."""
    row = await db.fetch_one(
        "SELECT starts_at, capacity, status, revision FROM courses WHERE id = ?", (course_id,)
    )
    return tuple(row)


async def assert_unchanged_when_notices_fail(db, course_id, change) -> None:
    """`change` fails with the outbox down and the committed course row is as it was."""
    before = await stored_course(db, course_id)
    await break_outbox(db)
    with pytest.raises(sqlite3.IntegrityError):
        await change()
    assert await stored_course(db, course_id) == before


async def test_a_move_whose_notices_fail_leaves_the_course_unchanged(services, db):
    """Issue 11: moving a course and telling its participants are one transaction."""
    course, _ = await one_seat_course(services, 1)
    await assert_unchanged_when_notices_fail(
        db,
        course.id,
        lambda: services.course_service.edit(course.id, "starts_at", "2027-03-22 10:00"),
    )
    assert (await services.courses.get(course.id)).starts_at == course.starts_at


async def test_a_capacity_increase_whose_promotion_notice_fails_changes_nothing(services, db):
    """Issue 11: more seats, the promotions and their notices are one transaction."""
    course, _ = await one_seat_course(services, 3)
    await assert_unchanged_when_notices_fail(
        db, course.id, lambda: services.course_service.edit(course.id, "capacity", "3")
    )
    assert (await services.courses.get(course.id)).capacity == 1
    counts = await services.registrations.counts(course.id)
    assert (counts.confirmed, counts.waitlisted) == (1, 2)


async def test_a_course_cancellation_whose_notices_fail_leaves_it_published(services, db):
    """Issue 11: cancelling a course and telling its participants are one transaction."""
    course, _ = await one_seat_course(services, 1)
    await assert_unchanged_when_notices_fail(
        db, course.id, lambda: services.course_service.cancel(course.id)
    )
    assert (await services.courses.get(course.id)).status == CourseStatus.PUBLISHED
