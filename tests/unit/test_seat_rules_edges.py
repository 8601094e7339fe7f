"""Edges of the seat rules found in review (issue 14): lists that must keep moving when the
rules change, decisions read under the write lock, moves that stay made, removals that stay
removed, and /forget reaching the notices that name someone to others."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.errors import (
    AlreadyAsked,
    CourseCancelled,
    DeclinedByOrganisers,
    NotAllowed,
    SeatsClosed,
)
from storage.courses import CourseStatus, SignupMode
from storage.erasure import forget_user
from storage.registrations import RegStatus
from tests.conftest import ORGANISER_ID
from tests.factories import course_values, create_course
from tests.unit.test_nominations import (
    NOW,
    focal_point,
    make_course,
    notices,
    officer,
    statuses,
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


async def test_removing_quotas_gives_the_reserve_list_its_free_seats(services):
    course = await make_course(services, capacity=10, mode=SignupMode.OPEN, quotas="AZ 1")
    a1, a2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    await services.signups.sign_up(course.id, a1)
    assert (await services.signups.sign_up(course.id, a2)).registration.status == "reserve"
    await services.course_service.edit(course.id, "quotas", "-", ORGANISER_ID)
    assert (await statuses(services, course.id))[a2] == "confirmed"


async def test_a_nomination_course_made_open_still_serves_its_waiting_officers(services):
    course = await make_course(services, capacity=1, quotas=None)
    fp = await focal_point(services, 500, "az")
    a1, a2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    await services.nominations.nominate(fp, course.id, a1)
    second = await services.nominations.nominate(fp, course.id, a2)
    assert second.registration.status == RegStatus.WAITLISTED  # the capacity, not a quota
    await services.course_service.edit(course.id, "signup_mode", "open", ORGANISER_ID)
    late = await officer(services, 201, "ge")
    await services.signups.sign_up(course.id, late)
    await services.nominations.answer(a1, course.id, attend=False)
    people = await statuses(services, course.id)
    assert (people[a2], people[late]) == ("confirmed", "waitlisted")


async def test_moving_someone_to_the_waiting_list_is_not_undone_at_once(services, db):
    course = await make_course(services, capacity=2, mode=SignupMode.OPEN, quotas="AZ 2")
    a1, a2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    await services.signups.sign_up(course.id, a1)
    await services.signups.sign_up(course.id, a2)
    await services.decisions.move(ORGANISER_ID, course.id, a1, RegStatus.WAITLISTED)
    assert (await statuses(services, course.id))[a1] == "waitlisted"
    assert [k for uid, k, _ in await notices(db) if uid == a1] == ["seat_waitlisted"]


async def test_a_capacity_lowered_while_a_sign_up_waits_for_the_lock_holds(services, db):
    course = await make_course(services, capacity=5, mode=SignupMode.OPEN, quotas="AZ 5")
    a1, a2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    await services.signups.sign_up(course.id, a1)
    async with db.transaction() as tx:
        waiting = asyncio.create_task(services.signups.sign_up(course.id, a2))
        await asyncio.sleep(0)  # the sign-up reads the course, then waits for the lock
        await tx.courses.update(course.id, {"capacity": 1}, bump_revision=False)
    assert (await waiting).registration.status == RegStatus.WAITLISTED
    assert (await services.registrations.seat_usage(course.id)).held == 1


async def test_a_course_cancelled_while_a_request_waits_for_the_lock_takes_none(services, db):
    course = await make_course(services, capacity=5, mode=SignupMode.APPROVAL)
    a1 = await officer(services, 101, "az")
    async with db.transaction() as tx:
        waiting = asyncio.create_task(services.signups.sign_up(course.id, a1))
        await asyncio.sleep(0)
        await tx.courses.set_status(course.id, CourseStatus.CANCELLED)
    with pytest.raises(CourseCancelled):
        await waiting
    assert await statuses(services, course.id) == {}
    assert await notices(db, "request") == []


async def test_forget_deletes_the_notices_that_name_the_person_to_others(services, db):
    course = await make_course(services, capacity=5, mode=SignupMode.APPROVAL)
    uid = await officer(services, 101, "az", "Zaur Secretname")
    await services.signups.sign_up(course.id, uid)
    assert [n[0] for n in await notices(db, "request")] == [ORGANISER_ID]
    await forget_user(db, uid)
    rows = await db.fetch_all("SELECT user_id, kind FROM outbox WHERE payload LIKE '%Secretname%'")
    assert [tuple(r) for r in rows] == []


async def test_a_removed_participant_cannot_sign_straight_back_in(services):
    course = await make_course(services, capacity=5, mode=SignupMode.OPEN, quotas="AZ 3")
    plain = await make_course(services, capacity=5, mode=SignupMode.OPEN)
    a1 = await officer(services, 101, "az")
    for each in (course, plain):
        await services.signups.sign_up(each.id, a1)
        await services.decisions.remove(ORGANISER_ID, each.id, a1, "Not a customs officer")
        with pytest.raises(DeclinedByOrganisers):
            await services.signups.sign_up(each.id, a1)
        assert (await statuses(services, each.id))[a1] == "declined"
    # An organiser may still add them again.
    await services.decisions.add(ORGANISER_ID, plain.id, a1, RegStatus.CONFIRMED)
    assert (await statuses(services, plain.id))[a1] == "confirmed"


async def test_a_person_added_by_hand_is_not_told_of_an_approved_request(services, db):
    course = await make_course(services, capacity=5, mode=SignupMode.OPEN)
    a1 = await officer(services, 101, "az")
    await services.decisions.add(ORGANISER_ID, course.id, a1, RegStatus.CONFIRMED)
    ((_, _, told),) = [n for n in await notices(db) if n[0] == a1]
    assert "organisers have signed you up" in told["text"]["en"]
    assert "request" not in told["text"]["en"]


async def test_a_request_is_not_approved_into_a_course_already_running(services, clock):
    course = await make_course(services, capacity=5, mode=SignupMode.APPROVAL)
    a1 = await officer(services, 101, "az")
    request = await services.signups.sign_up(course.id, a1)
    clock.now = course.starts_at + timedelta(hours=1)
    _, waiting = await services.request_inbox.page(0, 10)
    assert waiting == []
    with pytest.raises(SeatsClosed):
        await services.decisions.approve(ORGANISER_ID, request.registration.id)
    assert (await statuses(services, course.id))[a1] == "pending"


async def test_a_cancelled_course_tells_the_focal_point_of_its_nominees(services, db):
    course = await make_course(services, capacity=5)
    fp = await focal_point(services, 500, "az")
    a1 = await officer(services, 101, "az")
    await services.nominations.nominate(fp, course.id, a1)
    await services.course_service.cancel(course.id, ORGANISER_ID)
    assert [uid for uid, _, _ in await notices(db, "course_cancelled")] == [a1, fp]


async def test_a_full_nomination_course_does_not_blame_the_country_quota(services, db):
    course = await make_course(services, capacity=1)
    fp_az, fp_ge = await focal_point(services, 500, "az"), await focal_point(services, 501, "ge")
    a1, g1 = await officer(services, 101, "az"), await officer(services, 201, "ge")
    a2 = await officer(services, 102, "az")
    await services.nominations.nominate(fp_az, course.id, a1)
    ge = await services.nominations.nominate(fp_ge, course.id, g1)
    az = await services.nominations.nominate(fp_az, course.id, a2)
    assert (ge.registration.status, ge.position, az.position) == ("waitlisted", 1, 2)
    ((_, _, told),) = [n for n in await notices(db, "nominated_waiting") if n[0] == g1]
    assert "The course is full for now" in told["text"]["en"]
    assert "Georgia are taken" not in told["text"]["en"]


async def test_a_focal_point_withdraws_only_nominations_on_courses_not_started(services, clock):
    open_course = await make_course(services, capacity=5, mode=SignupMode.OPEN)
    course = await make_course(services, capacity=5)
    fp = await focal_point(services, 500, "az")
    a1 = await officer(services, 101, "az")
    await services.signups.sign_up(open_course.id, a1)
    with pytest.raises(NotAllowed):
        await services.nominations.withdraw(fp, open_course.id, a1)  # their own sign-up
    await services.nominations.nominate(fp, course.id, a1)
    await services.nominations.answer(a1, course.id, attend=True)
    clock.now = course.starts_at + timedelta(hours=1)
    with pytest.raises(NotAllowed):
        await services.nominations.withdraw(fp, course.id, a1)  # the course is running
    assert (await statuses(services, course.id))[a1] == "confirmed"
    assert (await statuses(services, open_course.id))[a1] == "confirmed"


async def test_forget_of_a_focal_point_deletes_the_notices_naming_them(services, db):
    course = await make_course(services, capacity=5)
    fp = await officer(services, 500, "az", "Fuad Focalname")
    await services.nominations.appoint(ORGANISER_ID, "az", fp)
    uid = await officer(services, 101, "az")
    await services.nominations.nominate(fp, course.id, uid)
    await forget_user(db, fp)
    rows = await db.fetch_all("SELECT user_id FROM outbox WHERE payload LIKE '%Focalname%'")
    assert rows == []
    # The nomination itself stays, its focal point forgotten.
    assert (await services.registrations.get(course.id, uid)).nominated_by is None


async def test_asking_the_focal_point_twice_sends_one_notice_and_a_dismissed_one_hears_nothing(
    services, db
):
    course = await make_course(services, capacity=5)
    fp = await focal_point(services, 500, "az")
    a1 = await officer(services, 101, "az")
    await services.nominations.ask_focal_point(a1, course.id)
    with pytest.raises(AlreadyAsked):
        await services.nominations.ask_focal_point(a1, course.id)
    assert len(await notices(db, "nomination_asked")) == 1
    await services.nominations.nominate(fp, course.id, a1)
    await services.nominations.dismiss(ORGANISER_ID, "az", fp)
    await services.nominations.answer(a1, course.id, attend=True)
    assert await notices(db, "nomination_answer") == []


async def test_a_nominee_who_never_answers_loses_the_seat_to_the_next_in_line(services, db, clock):
    course = await make_course(services, capacity=10, quotas="AZ 1")
    fp = await focal_point(services, 500, "az")
    a1, a2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    await services.nominations.nominate(fp, course.id, a1)
    await services.nominations.nominate(fp, course.id, a2)  # Azerbaijan's reserve
    ((_, _, told),) = await notices(db, "nominated")
    assert "Please answer by 6 March 2027, 13:00 Baku time (UTC+4)" in told["text"]["en"]
    assert "Пожалуйста, ответьте до 6 марта 2027" in told["text"]["ru"]
    clock.now = NOW + timedelta(days=4)
    assert await services.nominations.lapse_unanswered() == 0
    clock.now = NOW + timedelta(days=5)
    assert await services.nominations.lapse_unanswered() == 1
    assert await statuses(services, course.id) == {a2: "nominated", a1: "cancelled"}
    assert [uid for uid, _, _ in await notices(db, "nomination_lapsed")] == [a1]
    assert [uid for uid, _, _ in await notices(db, "nomination_answer")] == [fp]
    (promoted,) = await notices(db, "nominee_promoted")
    assert promoted[0] == a2 and "Please answer by 11 March 2027" in promoted[2]["text"]["en"]
    # An answer in time keeps the seat.
    await services.nominations.answer(a2, course.id, attend=True)
    clock.now = NOW + timedelta(days=12)
    assert await services.nominations.lapse_unanswered() == 0


async def test_after_a_lapse_the_officer_may_ask_again_and_the_lapse_is_audited(
    services, db, clock
):
    course = await make_course(services, capacity=5)
    fp = await focal_point(services, 500, "az")
    a1 = await officer(services, 101, "az")
    await services.nominations.ask_focal_point(a1, course.id)
    await services.nominations.nominate(fp, course.id, a1)
    clock.now = NOW + timedelta(days=5, seconds=1)
    assert await services.nominations.lapse_unanswered() == 1
    await services.nominations.ask_focal_point(a1, course.id)  # not "already asked"
    assert len(await notices(db, "nomination_asked")) == 2
    rows = await db.fetch_all(
        "SELECT actor_id, action FROM audit_log WHERE action = 'seat.lapsed'"
    )
    assert [tuple(r) for r in rows] == [(0, "seat.lapsed")]


async def test_a_nomination_close_to_the_start_is_held_until_the_start(services, db):
    start = NOW + timedelta(days=2)
    values = course_values(
        start, start + timedelta(days=1), NOW + timedelta(days=1), signup_mode="nomination"
    )
    course = await create_course(services.courses, values)
    fp = await focal_point(services, 500, "az")
    a1 = await officer(services, 101, "az")
    await services.nominations.nominate(fp, course.id, a1)
    ((_, _, told),) = await notices(db, "nominated")
    assert "Please answer before the course starts" in told["text"]["en"]
    assert "goes to the next officer" not in told["text"]["en"]
