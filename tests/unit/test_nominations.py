"""Seats by decision over a real SQLite file: requests and organiser decisions, nominations by
focal points, country quotas and their release, under concurrency."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.errors import (
    AlreadyDecided,
    NominationOnly,
    NoSeatFree,
    NotAllowed,
    NothingToAnswer,
    QuotaFull,
)
from bot.services.quotas import Quotas, parse_quotas
from bot.services.seats import Room
from storage.courses import SignupMode
from storage.registrations import RegStatus
from tests.conftest import ORGANISER_ID
from tests.factories import course_values, create_course

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


async def make_course(services, capacity=None, mode=SignupMode.NOMINATION, quotas=None, **more):
    values = course_values(
        NOW + timedelta(days=14),
        NOW + timedelta(days=16),
        NOW + timedelta(days=7),
        capacity=capacity,
        signup_mode=mode.value,
        quotas=parse_quotas(quotas).to_json() if quotas else None,
        **more,
    )
    return await create_course(services.courses, values)


async def officer(services, user_id: int, country: str, name: str | None = None) -> int:
    await services.users.upsert_seen(user_id, "en")
    await services.users.record_consent(user_id)
    await services.users.set_country(user_id, country, None)
    await services.users.set_profile_field(user_id, "full_name", name or f"Officer {user_id}")
    return user_id


async def focal_point(services, user_id: int, country: str) -> int:
    await officer(services, user_id, country, f"Focal point {country.upper()}")
    assert await services.nominations.appoint(ORGANISER_ID, country, user_id)
    return user_id


async def statuses(services, course_id: int) -> dict[int, str]:
    people = await services.registrations.participants(course_id)
    return {p.registration.user_id: p.registration.status.value for p in people}


async def notices(db, kind: str | None = None) -> list[tuple[int, str, dict]]:
    rows = await db.fetch_all("SELECT user_id, kind, payload FROM outbox ORDER BY id")
    found = [(r["user_id"], r["kind"], json.loads(r["payload"])) for r in rows]
    return [n for n in found if kind is None or n[1] == kind]


def test_quotas_read_as_organisers_write_them():
    assert parse_quotas("2") == Quotas({"*": 2})
    quotas = parse_quotas("AZ 3, GE 2, KZ 2, *: 1")
    assert (quotas.limit("az"), quotas.limit("ge"), quotas.limit("tr")) == (3, 2, 1)
    assert quotas.as_form() == "AZ 3, GE 2, KZ 2, *: 1"
    assert Quotas.from_json(quotas.to_json()) == quotas
    assert parse_quotas("-") == Quotas()


async def test_nominations_beyond_the_quota_go_to_the_country_reserve_list(services, db):
    course = await make_course(services, capacity=10, quotas="AZ 2, GE 1")
    fp = await focal_point(services, 500, "az")
    officers = [await officer(services, uid, "az") for uid in (101, 102, 103, 104)]
    results = [await services.nominations.nominate(fp, course.id, uid) for uid in officers]
    assert [r.registration.status for r in results] == [
        RegStatus.NOMINATED,
        RegStatus.NOMINATED,
        RegStatus.RESERVE,
        RegStatus.RESERVE,
    ]
    assert [r.position for r in results] == [None, None, 1, 2]
    told = await notices(db)
    assert [(uid, kind) for uid, kind, _ in told if uid in officers] == [
        (101, "nominated"),
        (102, "nominated"),
        (103, "nominated_waiting"),
        (104, "nominated_waiting"),
    ]
    # The held seats wait for the officer's answer: a button under the notice.
    assert told[1][2]["buttons"] == {"kind": "nominee", "course_id": course.id}


async def test_a_nominee_who_cannot_attend_passes_the_seat_to_their_country_reserve(services, db):
    course = await make_course(services, capacity=10, quotas="AZ 1, GE 1")
    fp_az, fp_ge = await focal_point(services, 500, "az"), await focal_point(services, 501, "ge")
    az1, az2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    ge1, ge2 = await officer(services, 201, "ge"), await officer(services, 202, "ge")
    await services.nominations.nominate(fp_az, course.id, az1)
    await services.nominations.nominate(fp_ge, course.id, ge1)
    await services.nominations.nominate(fp_ge, course.id, ge2)  # GE reserve, arrived first
    await services.nominations.nominate(fp_az, course.id, az2)  # AZ reserve
    attend = await services.nominations.answer(ge1, course.id, attend=True)
    assert attend.status == RegStatus.CONFIRMED
    declined = await services.nominations.answer(az1, course.id, attend=False)
    assert declined.status == RegStatus.DECLINED
    # Azerbaijan's seat goes to Azerbaijan's reserve, not to Georgia's earlier one.
    assert await statuses(services, course.id) == {
        ge1: "confirmed",
        az2: "nominated",
        ge2: "reserve",
        az1: "declined",
    }
    promoted = await notices(db, "nominee_promoted")
    assert [uid for uid, _, _ in promoted] == [az2]
    # The focal points hear their nominees' answers.
    answers = await notices(db, "nomination_answer")
    assert [uid for uid, _, _ in answers] == [fp_ge, fp_az]
    with pytest.raises(NothingToAnswer):
        await services.nominations.answer(az1, course.id, attend=True)


async def test_after_the_release_date_unused_seats_go_to_the_reserve_in_order(services, clock):
    course = await make_course(
        services, capacity=4, quotas="AZ 1, GE 1, KZ 2", quota_release_at=NOW + timedelta(days=3)
    )
    fp_az, fp_ge = await focal_point(services, 500, "az"), await focal_point(services, 501, "ge")
    for uid in (101, 102, 103):
        await officer(services, uid, "az")
    await officer(services, 201, "ge")
    await officer(services, 202, "ge")
    for fp, uid in ((fp_az, 101), (fp_az, 102), (fp_ge, 201), (fp_ge, 202), (fp_az, 103)):
        await services.nominations.nominate(fp, course.id, uid)
    # Kazakhstan nominated nobody: its two seats stay unused until the release date.
    assert await statuses(services, course.id) == {
        101: "nominated",
        201: "nominated",
        102: "reserve",
        202: "reserve",
        103: "reserve",
    }
    assert await services.quota_release.release(course.id) == []  # not yet
    clock.now = NOW + timedelta(days=3)
    assert await services.quota_release.release(course.id) == [102, 202]
    assert (await statuses(services, course.id))[103] == "reserve"


async def test_200_concurrent_nominations_hold_the_capacity_and_every_quota(services):
    course = await make_course(services, capacity=12, quotas="AZ 5, GE 4, *: 2")
    countries = ("az", "ge", "kz", "tr")
    fps = {c: await focal_point(services, 900 + i, c) for i, c in enumerate(countries)}
    people = {
        c: [await officer(services, 1000 + 100 * i + n, c) for n in range(50)]
        for i, c in enumerate(countries)
    }

    async def nominate(country: str, uid: int):
        return await services.nominations.nominate(fps[country], course.id, uid)

    # Four focal points at once, 50 officers each, interleaved: 200 concurrent actions.
    actions = [nominate(c, people[c][n]) for n in range(50) for c in countries]
    await asyncio.gather(*actions)
    held = await services.registrations.seat_usage(course.id)
    quota = {"az": 5, "ge": 4, "kz": 2, "tr": 2}
    assert held.held == 12
    assert all(held.of(c) <= quota[c] for c in countries), held
    # In arrival order: four rounds fill 4 + 4 + 2 + 2 seats, the rest wait in reserve.
    assert {c: held.of(c) for c in countries} == {"az": 4, "ge": 4, "kz": 2, "tr": 2}
    counts = await services.registrations.counts(course.id)
    # Held back by a full quota: the reserve list; once the course is full: the waiting list.
    assert (counts.nominated, counts.reserve, counts.waitlisted) == (12, 2, 186)
    # Azerbaijan's four nominees decline at once: their seats go to Azerbaijan's reserve
    # (the other countries' quotas are full), and still no limit is passed.
    az = people["az"]
    await asyncio.gather(*(services.nominations.answer(u, course.id, False) for u in az[:4]))
    held = await services.registrations.seat_usage(course.id)
    assert (held.held, held.of("az"), held.of("ge")) == (12, 4, 4)
    assert {u: s for u, s in (await statuses(services, course.id)).items() if u in az[:9]} == {
        **dict.fromkeys(az[:4], "declined"),
        **dict.fromkeys(az[4:8], "nominated"),
        az[8]: "waitlisted",
    }


async def test_a_focal_point_cannot_act_on_another_country_and_nothing_is_written(services, db):
    course = await make_course(services, capacity=10)
    fp_az = await focal_point(services, 500, "az")
    ge1 = await officer(services, 201, "ge")
    before = await notices(db)
    with pytest.raises(NotAllowed):
        await services.nominations.nominate(fp_az, course.id, ge1)
    with pytest.raises(NotAllowed):
        await services.nominations.nominate(ge1, course.id, ge1)  # not a focal point
    fp_ge = await focal_point(services, 501, "ge")
    await services.nominations.nominate(fp_ge, course.id, ge1)
    with pytest.raises(NotAllowed):
        await services.nominations.withdraw(fp_az, course.id, ge1)
    assert (await statuses(services, course.id)) == {ge1: "nominated"}
    assert len(await notices(db)) == len(before) + 2  # the appointment and the nomination


async def test_a_nomination_course_takes_no_sign_ups(services):
    course = await make_course(services, capacity=10)
    uid = await officer(services, 101, "az")
    with pytest.raises(NominationOnly):
        await services.signups.sign_up(course.id, uid)


async def test_an_approval_request_waits_for_the_organisers_decision(services, db):
    course = await make_course(services, capacity=1, mode=SignupMode.APPROVAL)
    first, second = await officer(services, 101, "az"), await officer(services, 102, "ge")
    request = await services.signups.sign_up(course.id, first)
    assert request.registration.status == RegStatus.PENDING
    assert [uid for uid, _, _ in await notices(db, "request")] == [ORGANISER_ID]
    approved = await services.decisions.approve(ORGANISER_ID, request.registration.id)
    assert (approved.room, approved.registration.status) == (Room.FREE, RegStatus.CONFIRMED)
    (seat,) = await notices(db, "seat_confirmed")
    assert seat[0] == first and seat[2]["ics_course_id"] == course.id
    with pytest.raises(AlreadyDecided):
        await services.decisions.approve(ORGANISER_ID, request.registration.id)
    # The course is full now: approving changes nothing and offers the waiting list.
    other = await services.signups.sign_up(course.id, second)
    full = await services.decisions.approve(ORGANISER_ID, other.registration.id)
    assert (full.room, full.registration.status) == (Room.FULL, RegStatus.PENDING)
    listed = await services.decisions.put_on_list(ORGANISER_ID, other.registration.id)
    assert listed.registration.status == RegStatus.WAITLISTED
    # A freed seat goes to the waiting list, approved already.
    await services.signups.cancel(course.id, first)
    assert (await statuses(services, course.id))[second] == "confirmed"


async def test_a_declined_request_tells_the_reason(services, db):
    course = await make_course(services, capacity=5, mode=SignupMode.APPROVAL)
    uid = await officer(services, 101, "az")
    request = await services.signups.sign_up(course.id, uid)
    await services.decisions.decline(ORGANISER_ID, request.registration.id, "Wrong <unit>")
    (told,) = await notices(db, "seat_declined")
    assert "Reason: Wrong &lt;unit&gt;" in told[2]["text"]["en"]
    assert "Причина: Wrong &lt;unit&gt;" in told[2]["text"]["ru"]


async def test_organiser_moves_keep_the_capacity_and_quotas(services, db):
    course = await make_course(services, capacity=2, mode=SignupMode.OPEN, quotas="AZ 1")
    a1, a2 = await officer(services, 101, "az"), await officer(services, 102, "az")
    g1 = await officer(services, 201, "ge")
    assert (await services.signups.sign_up(course.id, a1)).registration.status == "confirmed"
    assert (await services.signups.sign_up(course.id, a2)).registration.status == "reserve"
    with pytest.raises(QuotaFull):
        await services.decisions.move(ORGANISER_ID, course.id, a2, RegStatus.CONFIRMED)
    await services.decisions.add(ORGANISER_ID, course.id, g1, RegStatus.CONFIRMED)
    with pytest.raises(NoSeatFree):
        await services.decisions.move(ORGANISER_ID, course.id, a2, RegStatus.CONFIRMED)
    # Moving a1 out of the seat passes it to a2 (next in order), and a1 waits behind.
    await services.decisions.move(ORGANISER_ID, course.id, a1, RegStatus.RESERVE)
    assert await statuses(services, course.id) == {a2: "confirmed", g1: "confirmed", a1: "reserve"}
    await services.decisions.remove(ORGANISER_ID, course.id, g1, "Duplicate")
    assert (await statuses(services, course.id))[g1] == "declined"
    kinds = [kind for uid, kind, _ in await notices(db) if uid in (a1, a2, g1)]
    # a2 hears of the seat before a1 of the reserve place, which is told once it is known.
    assert kinds == ["seat_confirmed", "promoted", "seat_reserve", "seat_declined"]
    actions = await db.fetch_all("SELECT action FROM audit_log ORDER BY id")
    assert [r[0] for r in actions][-3:] == ["seat.added", "seat.moved", "seat.removed"]


def test_the_organisers_card_counts_seats_held_for_an_answer(localizations):
    from handlers.courses.common import counts_line
    from storage.registrations import Counts
    from tests.factories import course_record

    course = course_record(capacity=2, signup_mode=SignupMode.NOMINATION)
    t = localizations.get("en")
    assert "🏛" not in counts_line(course, Counts(1, 0, 0, 0), t)
    line = counts_line(course, Counts(1, 0, 0, 0, pending=0, nominated=1, reserve=3), t)
    assert line.endswith("\n🏛 nominated, answer awaited: 1 · on reserve lists: 3")
    ru = counts_line(course, Counts(1, 0, 0, 0, nominated=1), localizations.get("ru"))
    assert ru.endswith("\n🏛 выдвинуты, ожидается ответ: 1")


def test_decision_buttons_under_a_notice_fit_a_phone(localizations):
    """Approve · Decline on one row and the waiting list below; I will attend and I can't
    each on its own row (three, or two long ones, side by side are cut off)."""
    from bot.ui.notice_buttons import NoticeButtons

    under = NoticeButtons(localizations).under
    for locale in ("en", "ru"):
        request = under({"buttons": {"kind": "request", "registration_id": 7}}, locale)
        nominee = under({"buttons": {"kind": "nominee", "course_id": 3}}, locale)
        assert request is not None and nominee is not None
        assert [len(row) for row in request.inline_keyboard] == [2, 1]
        assert [len(row) for row in nominee.inline_keyboard] == [1, 1]
