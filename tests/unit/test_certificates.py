"""Certificates of attendance (issue 15): attendance per day, who qualifies, issuing once,
the Latin name, reissue, revoke, /verify and /forget."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import InvalidInput
from bot.services import certificate_codes as codes
from bot.services import certificate_files
from bot.services.attendance_days import course_days, eligibility
from bot.services.certificates import Standing, is_latin_name
from storage.courses import CourseStatus
from storage.database import Database
from storage.registrations import ALL_DAYS
from storage.users import UserRepository
from tests.factories import course_record, course_values, create_course
from tests.migrations import database_before

ORGANISER = 900001
# 25-26 February 2027, 09:00-17:00 in Baku (UTC+4): two calendar days.
TWO_DAYS = (datetime(2027, 2, 25, 5, 0, tzinfo=UTC), datetime(2027, 2, 26, 13, 0, tzinfo=UTC))
ONE_DAY = (datetime(2027, 2, 25, 5, 0, tzinfo=UTC), datetime(2027, 2, 25, 13, 0, tzinfo=UTC))


async def make_course(services, dates=TWO_DAYS, **fields):
    starts, ends = dates
    values = course_values(
        starts, ends, starts, title_en="Risk management", title_ru="Управление рисками", **fields
    )
    return await create_course(services.courses, values)


async def attendee(services, user_id, course_id, *, language="en", latin=None, name=None):
    users = UserRepository(services.users.sql)
    await users.upsert_seen(user_id, language)
    await users.set_language(user_id, language)
    await users.record_consent(user_id)
    await users.set_profile_field(user_id, "full_name", name or f"Officer {user_id}")
    if latin:
        await users.set_latin_name(user_id, latin)
    await services.registrations.sign_up(course_id, user_id, datetime(2020, 1, 1, tzinfo=UTC))


async def present(services, course_id, user_id, *days):
    for day in days:
        await services.course_service.toggle_attendance(course_id, user_id, ORGANISER, day=day)


async def queued(db: Database, kind: str) -> list[tuple[int, dict]]:
    rows = await db.fetch_all("SELECT user_id, payload FROM outbox WHERE kind = ?", (kind,))
    return [(row[0], json.loads(row[1])) for row in rows]


# -- eligibility ---------------------------------------------------------------------------


def test_a_course_has_its_calendar_days_in_its_own_time_zone():
    two = course_record(starts_at=TWO_DAYS[0], ends_at=TWO_DAYS[1], timezone="Asia/Baku")
    assert [d.isoformat() for d in course_days(two)] == ["2027-02-25", "2027-02-26"]
    # 18:00-21:00 UTC is one evening in London but crosses midnight in Baku.
    evening = (datetime(2027, 2, 25, 18, 0, tzinfo=UTC), datetime(2027, 2, 25, 21, 0, tzinfo=UTC))
    assert len(course_days(course_record(starts_at=evening[0], ends_at=evening[1]))) == 2
    london = course_record(starts_at=evening[0], ends_at=evening[1], timezone="Europe/London")
    assert len(course_days(london)) == 1


def test_a_course_ending_at_midnight_has_no_extra_day():
    # 25 February 09:00 until 26 February 00:00 in Baku (UTC+4): one day, not two.
    until_midnight = course_record(
        starts_at=datetime(2027, 2, 25, 5, 0, tzinfo=UTC),
        ends_at=datetime(2027, 2, 25, 20, 0, tzinfo=UTC),
        timezone="Asia/Baku",
    )
    assert [d.isoformat() for d in course_days(until_midnight)] == ["2027-02-25"]


async def test_one_day_course_present_qualifies(services):
    course = await make_course(services, ONE_DAY)
    await attendee(services, 1, course.id, latin="Aliyev Anar")
    await attendee(services, 2, course.id, latin="Mammadova Leyla")
    await present(services, course.id, 1, 0)
    preview = await services.certificates.preview(course.id)
    assert [c.person.registration.user_id for c in preview.eligible] == [1]
    assert len(preview.candidates) == 1  # never present: not an attendee


async def test_two_day_course_with_80_percent_needs_both_days(services):
    course = await make_course(services, certificate=80)
    for user_id in (1, 2):
        await attendee(services, user_id, course.id, latin=f"Officer {user_id}")
    await present(services, course.id, 1, 0, 1)
    await present(services, course.id, 2, 0)  # absent on day 2
    preview = await services.certificates.preview(course.id)
    assert [c.person.registration.user_id for c in preview.eligible] == [1]
    (absent,) = preview.not_eligible
    assert (absent.attendance.present, absent.attendance.days) == (1, 2)
    registration = await services.registrations.get(course.id, 2)
    assert registration.attended and registration.attended_days == 0b01


async def test_half_the_days_is_enough_with_a_50_percent_threshold(services):
    course = await make_course(services, certificate=50)
    await attendee(services, 1, course.id, latin="Officer One")
    await present(services, course.id, 1, 1)
    assert len((await services.certificates.preview(course.id)).eligible) == 1


async def test_unmarking_the_last_day_leaves_the_person_not_attended(services):
    course = await make_course(services)
    await attendee(services, 1, course.id)
    await present(services, course.id, 1, 1, 1)
    registration = await services.registrations.get(course.id, 1)
    assert not registration.attended and registration.attended_days == 0


async def test_attendance_marked_before_days_existed_counts_as_every_day(services, db):
    course = await make_course(services)
    await attendee(services, 1, course.id, latin="Officer One")
    # As migration 016 leaves a row marked present before attendance had days.
    await db.write(
        "UPDATE registrations SET attended = 1, attended_days = ? WHERE user_id = 1", (ALL_DAYS,)
    )
    registration = await services.registrations.get(course.id, 1)
    check = eligibility(course, registration)
    assert (check.present, check.days, check.eligible) == (2, 2, True)
    # A row with the flag and no days at all (written by older code) counts the same.
    assert eligibility(course, replace(registration, attended_days=0)).eligible


def test_a_latin_name_is_latin_letters_with_any_accents():
    assert not is_latin_name("Иванов Иван")
    assert is_latin_name("Əliyev Ş. O'Neill-Žák")


async def test_marks_stay_on_their_dates_when_the_course_start_moves(services, db):
    services.clock.move(timedelta(days=-28))  # 1 February: the course is ahead
    course = await make_course(services)
    await attendee(services, 1, course.id, latin="Aliyev Anar")
    await present(services, course.id, 1, 1)  # 26 February, day 2
    await services.course_service.edit(course.id, "starts_at", "2027-02-24 09:00")
    (person,) = (await services.certificates.preview(course.id)).candidates
    assert person.person.registration.attended_days == 0b100  # 26 February is now day 3
    await services.course_service.edit(course.id, "starts_at", "2027-02-26 09:00")
    (person,) = (await services.certificates.preview(course.id)).candidates
    assert person.person.registration.attended_days == 0b1  # and now day 1
    assert person.attendance.present == 1


async def test_toggling_a_day_the_course_does_not_have_is_refused(services):
    course = await make_course(services, ONE_DAY)
    await attendee(services, 1, course.id)
    with pytest.raises(InvalidInput):
        await services.course_service.toggle_attendance(course.id, 1, ORGANISER, day=1)


# -- issuing -------------------------------------------------------------------------------


async def test_issuing_twice_issues_only_the_new_ones_with_one_code_each(services, db):
    course = await make_course(services)
    for user_id in (1, 2):
        await attendee(services, user_id, course.id, latin=f"Officer {user_id}")
    await present(services, course.id, 1, 0, 1)
    assert await services.certificates.issue(course.id, ORGANISER) == 1
    await present(services, course.id, 2, 0, 1)
    assert await services.certificates.issue(course.id, ORGANISER) == 1
    assert await services.certificates.issue(course.id, ORGANISER) == 0
    issued = await db.repos.certificates.of_course(course.id)
    assert sorted(c.user_id for c in issued) == [1, 2]
    assert len({c.code for c in issued}) == 2
    assert all(codes.normalize(codes.display(c.code)) == c.code for c in issued)
    files = await queued(db, "certificate")
    assert sorted(user for user, _ in files) == [1, 2]
    assert all(p["generated"]["kind"] == "certificate" for _, p in files)
    audit = await db.fetch_all("SELECT details FROM audit_log WHERE action = 'certificate.issued'")
    assert len(audit) == 3


async def test_two_organisers_issuing_at_once_make_one_certificate_per_person(services, db):
    course = await make_course(services)
    for user_id in (1, 2):
        await attendee(services, user_id, course.id, latin=f"Officer {user_id}")
        await present(services, course.id, user_id, 0, 1)
    counts = await asyncio.gather(
        services.certificates.issue(course.id, ORGANISER),
        services.certificates.issue(course.id, ORGANISER + 1),
    )
    assert sorted(counts) == [0, 2]
    issued = await db.repos.certificates.of_course(course.id)
    assert sorted(c.user_id for c in issued) == [1, 2]
    assert len(await queued(db, "certificate")) == 2


async def test_a_certificate_in_english_waits_for_the_latin_name_asked_once(services, db):
    first = await make_course(services)
    second = await make_course(services)
    for course in (first, second):
        await attendee(services, 1, course.id, name="Иванов Иван")
        await present(services, course.id, 1, 0, 1)
        await services.certificates.issue(course.id, ORGANISER)
    assert await queued(db, "certificate") == []
    asks = await queued(db, "certificate_latin_name")
    assert len(asks) == 1 and asks[0][1]["buttons"] == {"kind": "latin_name"}
    with pytest.raises(InvalidInput):
        await services.certificates.give_latin_name(1, "Иванов")
    assert await services.certificates.give_latin_name(1, " Ivanov  Ivan ") == 2
    assert len(await queued(db, "certificate")) == 2
    (mine, _) = (await services.certificates.mine(1))[0]
    assert (mine.name_en, mine.name_ru) == ("Ivanov Ivan", "Иванов Иван")


async def test_a_russian_speaker_on_an_own_language_course_needs_no_latin_name(services, db):
    course = await make_course(services)
    await attendee(services, 1, course.id, language="ru", name="Иванов Иван")
    await present(services, course.id, 1, 0, 1)
    await services.certificates.issue(course.id, ORGANISER)
    (certificate,) = await db.repos.certificates.of_course(course.id)
    assert certificate.languages == ("ru",) and certificate.sent_at is not None


async def test_a_bilingual_course_prints_both_names_on_one_page(services, db):
    course = await make_course(services, certificate_language="bilingual")
    await attendee(services, 1, course.id, language="ru", name="Иванов Иван", latin="Ivanov Ivan")
    await present(services, course.id, 1, 0, 1)
    await services.certificates.issue(course.id, ORGANISER)
    (certificate,) = await db.repos.certificates.of_course(course.id)
    assert certificate.languages == ("en", "ru")
    assert (certificate.name_en, certificate.name_ru) == ("Ivanov Ivan", "Иванов Иван")


# -- reissue, revoke, verify, forget -------------------------------------------------------


async def issued_one(services, db, **fields):
    course = await make_course(services, **fields)
    await attendee(services, 1, course.id, latin="Ivanov Ivan", name="Иванов Иван")
    await present(services, course.id, 1, 0, 1)
    await services.certificates.issue(course.id, ORGANISER)
    (certificate,) = await db.repos.certificates.of_course(course.id)
    return course, certificate


async def test_reissue_keeps_the_code_and_supersedes_the_old_issue(services, db):
    course, certificate = await issued_one(services, db)
    await UserRepository(db).set_latin_name(1, "Ivanov Ivan Petrovich")
    renewed = await services.certificates.reissue(course.id, certificate.id, ORGANISER)
    assert renewed.code == certificate.code and renewed.version == 2
    assert renewed.name_en == "Ivanov Ivan Petrovich"
    check = await services.certificates.verify(codes.display(certificate.code).lower())
    assert check is not None and check.standing == Standing.GENUINE and check.superseded == 1
    assert len(await queued(db, "certificate")) == 2


async def test_reissue_without_a_name_correction_is_refused_and_sends_nothing(services, db):
    course, certificate = await issued_one(services, db)
    with pytest.raises(InvalidInput) as refused:
        await services.certificates.reissue(course.id, certificate.id, ORGANISER)
    assert refused.value.key == "certificate-error-name-unchanged"
    unchanged = await db.repos.certificates.get(certificate.id)
    assert unchanged is not None and unchanged.version == 1
    assert len(await queued(db, "certificate")) == 1


async def test_certificate_pages_are_drawn_one_at_a_time_off_the_event_loop(
    services, db, monkeypatch
):
    _, certificate = await issued_one(services, db)
    drawing, most = 0, 0

    def slow_page(facts, translators):
        nonlocal drawing, most
        drawing += 1
        most = max(most, drawing)
        time.sleep(0.02)
        drawing -= 1
        return b"%PDF"

    monkeypatch.setattr(certificate_files, "certificate_pdf", slow_page)
    made = await asyncio.gather(
        *(services.certificate_files.made(certificate.id, "en", "bot") for _ in range(4))
    )
    assert all(m is not None and m[0] == b"%PDF" for m in made)
    assert most == 1


async def test_revoked_certificate_is_said_revoked_and_its_file_withdrawn(services, db):
    course, certificate = await issued_one(services, db)
    await services.certificates.revoke(course.id, certificate.id, ORGANISER)
    check = await services.certificates.verify(certificate.code)
    assert check is not None and check.standing == Standing.REVOKED
    assert await services.certificate_files.made(certificate.id, "en", "bot") is None
    assert len(await queued(db, "certificate_revoked")) == 1
    with pytest.raises(InvalidInput):
        await services.certificates.revoke(course.id, certificate.id, ORGANISER)


async def test_forged_or_unknown_codes_are_not_certificates(services, db):
    await issued_one(services, db)
    assert await services.certificates.verify("7KQ2-M9XD-4HPT") is None
    assert await services.certificates.verify("not a code") is None
    assert await services.certificates.verify("") is None


async def test_forgetting_the_holder_keeps_the_code_and_drops_the_names(services, db):
    course, certificate = await issued_one(services, db)
    await UserRepository(db).set_latin_name(1, "Ivanov Ivan Petrovich")
    await services.certificates.reissue(course.id, certificate.id, ORGANISER)
    await services.profiles.forget(1)
    check = await services.certificates.verify(certificate.code)
    assert check is not None and check.standing == Standing.ERASED
    assert check.certificate.name_en is None and check.certificate.name_ru is None
    rows = await db.fetch_all("SELECT name_en, name_ru FROM certificate_versions")
    assert [tuple(row) for row in rows] == [(None, None)]
    # Nothing left that names them: their queued certificate files went too.
    assert await db.fetch_all("SELECT 1 FROM outbox WHERE user_id = 1") == []
    assert await db.fetch_all("SELECT 1 FROM certificates WHERE user_id = 1") == []


async def test_after_the_course_only_its_certificate_settings_can_change(services):
    course = await make_course(services)
    await services.courses.set_status(course.id, CourseStatus.FINISHED)
    change = await services.course_service.edit(course.id, "certificate", "80%", actor=ORGANISER)
    assert change.course.certificate == 80
    await services.course_service.edit(course.id, "hours", "16", actor=ORGANISER)
    with pytest.raises(InvalidInput):
        await services.course_service.edit(course.id, "capacity", "30", actor=ORGANISER)


async def test_migration_016_counts_an_earlier_attendance_mark_as_every_day(tmp_path):
    old = await database_before(tmp_path, "016")
    try:
        now = "2027-03-01T12:00:00+00:00"
        await old.write(
            "INSERT INTO courses (id, title_en, starts_at, ends_at, timezone, venue,"
            " deadline_at, language, status, created_at, updated_at) VALUES (1, 'Risk',"
            " '2027-02-25T05:00:00+00:00', '2027-02-26T13:00:00+00:00', 'Asia/Baku', 'Baku',"
            " '2027-02-20T00:00:00+00:00', 'en', 'finished', ?, ?)",
            (now, now),
        )
        for user_id, attended in ((7, 1), (8, 0)):
            await old.write(
                "INSERT INTO users (id, created_at, last_seen_at) VALUES (?, ?, ?)",
                (user_id, now, now),
            )
            await old.write(
                "INSERT INTO registrations (course_id, user_id, status, seq, attended,"
                " created_at, updated_at) VALUES (1, ?, 'confirmed', ?, ?, ?, ?)",
                (user_id, user_id, attended, now, now),
            )
        assert (await old.migrate())[0] == "016_certificates.sql"
        course = await old.repos.courses.get(1)
        marked = await old.repos.registrations.get(1, 7)
        unmarked = await old.repos.registrations.get(1, 8)
        assert course is not None and marked is not None and unmarked is not None
        assert eligibility(course, marked).present == 2 and eligibility(course, marked).eligible
        assert unmarked.attended_days == 0
        assert course.certificate_language == "own" and course.certificate is None
    finally:
        await old.close()
