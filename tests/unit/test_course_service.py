"""CourseService rules over a real SQLite file: attendance toggles in one transaction, audit
entries written by the service, and one course field list for the dialog, edits and storage."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.errors import InvalidInput
from bot.services import course_dialog
from bot.services.course_fields import FieldProblem, Times, field_values, parse_form
from bot.services.courses import EDITABLE, FieldRejected
from handlers.courses.form import CourseDialog
from storage import courses as course_storage
from storage.audit import AuditAction
from storage.courses import COURSE_FIELDS, DIALOG_STEPS, FIELD_NAMES, Course, CourseStatus
from storage.database import Transaction
from storage.registrations import RegStatus
from tests.factories import course_values, create_course
from tests.unit.test_signups import make_course

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
ORGANISER = 1

# A value an organiser could type for each field.
SAMPLE = {
    "title_en": "Risk management",
    "title_ru": "Управление рисками",
    "description_en": "Risk profiles.",
    "description_ru": "Профили риска.",
    "timezone": "Asia/Baku",
    "starts_at": "2027-03-20 09:00",
    "ends_at": "2027-03-21 17:00",
    "place": "online: https://example.org/room",
    "capacity": "12",
    "deadline_at": "2027-03-10 18:00",
    "language": "en",
    "reminder_offsets": "2d, 1h",
    "attendance_check_days": "3",
    "signup_mode": "nomination",
    "quotas": "AZ 3, GE 2, *: 1",
    "quota_release_at": "15.03.2027",
    "followup": "90d",
    "certificate": "80%",
    "certificate_language": "bilingual",
    "hours": "16",
}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


async def confirmed(services, course, user_id=501):
    await services.users.upsert_seen(user_id, "en")
    result = await services.signups.sign_up(course.id, user_id)
    assert result.registration.status == RegStatus.CONFIRMED
    return user_id


# -- attendance ------------------------------------------------------------------------------


async def test_two_concurrent_attendance_toggles_of_one_person_cancel_out(services):
    course = await make_course(services)
    person = await confirmed(services, course)

    marks = await asyncio.gather(
        services.course_service.toggle_attendance(course.id, person, actor=ORGANISER),
        services.course_service.toggle_attendance(course.id, person, actor=ORGANISER),
    )

    # Each toggle saw the other's write: one marked, one unmarked, none lost.
    assert sorted(marks) == [False, True]
    registration = await services.registrations.get(course.id, person)
    assert registration is not None and registration.attended is False
    entries = [
        e for e in await services.audit.latest(10) if e.action == AuditAction.ATTENDANCE_MARKED
    ]
    assert [e.details["attended"] for e in reversed(entries)] == marks


async def test_attendance_on_a_cancelled_course_is_refused_and_not_recorded(services):
    """A forged button or dashboard form for a cancelled course changes nothing (the chat
    offers no "Mark attendance" there)."""
    course = await make_course(services)
    person = await confirmed(services, course)
    await services.course_service.cancel(course.id, actor=ORGANISER)
    with pytest.raises(InvalidInput):
        await services.course_service.toggle_attendance(course.id, person, actor=ORGANISER)
    entries = await services.audit.latest(10)
    assert not [e for e in entries if e.action == AuditAction.ATTENDANCE_MARKED]


async def test_attendance_of_someone_not_confirmed_is_refused_and_not_recorded(services):
    course = await make_course(services)
    await services.users.upsert_seen(502, "en")

    with pytest.raises(InvalidInput):
        await services.course_service.toggle_attendance(course.id, 502, actor=ORGANISER)

    assert await services.audit.latest(10) == []


# -- audit entries come from the service -----------------------------------------------------


async def test_course_actions_are_audited_by_the_service(services):
    draft = await make_course(services, status=CourseStatus.DRAFT)
    service = services.course_service

    await service.publish(draft.id, actor=ORGANISER)
    await service.edit(draft.id, "capacity", "5", actor=ORGANISER)
    await service.cancel(draft.id, actor=ORGANISER)

    actions = [entry.action for entry in reversed(await services.audit.latest(10))]
    assert actions == [
        AuditAction.COURSE_PUBLISHED,
        AuditAction.COURSE_EDITED,
        AuditAction.COURSE_CANCELLED,
    ]


# -- one field list --------------------------------------------------------------------------


def test_the_dialog_the_edit_menu_and_storage_share_one_field_list():
    assert EDITABLE == FIELD_NAMES
    assert set(DIALOG_STEPS) <= set(FIELD_NAMES)
    assert [state.state for state in CourseDialog.__all_states__] == [
        f"CourseDialog:{step}" for step in DIALOG_STEPS
    ]
    # Every column a field is stored in is a Course column an update may write.
    course_columns = {f.name for f in dataclasses.fields(Course)}
    stored = {column for field in COURSE_FIELDS for column in field.stored_as}
    assert stored <= course_columns
    assert stored == course_storage._WRITABLE


@pytest.mark.parametrize("field", FIELD_NAMES)
def test_every_field_is_validated_into_exactly_its_columns(field):
    known = Times(
        "Asia/Baku",
        datetime(2027, 3, 20, 5, 0, tzinfo=UTC),
        datetime(2027, 3, 21, 13, 0, tzinfo=UTC),
        datetime(2027, 3, 10, 14, 0, tzinfo=UTC),
    )
    values = field_values(field, SAMPLE[field], known, NOW)
    spec = next(f for f in COURSE_FIELDS if f.name == field)
    assert set(spec.stored_as) <= set(values)
    assert set(values) <= course_storage._WRITABLE


def test_the_one_message_form_writes_only_columns_of_the_field_list():
    form = "\n".join(
        [
            "title_en: Risk management",
            "start: 2027-03-20 09:00",
            "end: 2027-03-21 17:00",
            "venue: Baku",
            "language: en",
            "reminders: 1d",
            "attendance_check: 3",
        ]
    )
    parsed = parse_form(form, NOW, "Asia/Baku")
    assert parsed.problems == []
    assert set(parsed.values) <= course_storage._WRITABLE


def test_a_dialog_step_and_an_edit_refuse_an_end_before_the_start_alike():
    draft = {"timezone": "UTC", "starts_at": (NOW + timedelta(days=5)).isoformat()}
    with pytest.raises(FieldProblem) as in_dialog:
        course_dialog.step_values("ends_at", "2027-03-02 09:00", draft, NOW)
    known = Times("UTC", NOW + timedelta(days=5), NOW + timedelta(days=6), NOW)
    with pytest.raises(FieldProblem) as in_edit:
        field_values("ends_at", "2027-03-02 09:00", known, NOW)
    assert in_dialog.value.key == in_edit.value.key == "course-error-end-before-start"


async def test_the_dialog_creates_the_draft_after_its_last_step_and_audits_it(services):
    answers = {**SAMPLE, "title_ru": course_dialog.Choice.SKIP}
    draft: dict[str, object] = {}
    progress = None
    for step in DIALOG_STEPS:
        progress = await services.course_service.answer_step(draft, step, answers[step], ORGANISER)
        draft = progress.draft
    assert progress is not None and progress.course is not None
    assert progress.course.online_url == "https://example.org/room"
    assert progress.course.title_ru is None
    (entry,) = await services.audit.latest(10)
    assert entry.action == AuditAction.COURSE_CREATED


async def test_a_dialog_answer_it_cannot_take_is_rejected_with_the_fields_problem(services):
    with pytest.raises(FieldRejected) as rejected:
        await services.course_service.answer_step({}, "title_en", "   ", ORGANISER)
    assert rejected.value.problem.key == "course-error-empty"


async def test_cancel_pressed_twice_at_once_tells_participants_once(services, db):
    """Issue 12 review: a double tap on "Yes, cancel" must not send every participant the
    cancellation twice: the status is checked inside the cancelling transaction."""
    course = await make_course(services)
    await confirmed(services, course, 701)
    await confirmed(services, course, 702)
    results = await asyncio.gather(
        services.course_service.cancel(course.id, actor=ORGANISER),
        services.course_service.cancel(course.id, actor=ORGANISER),
        return_exceptions=True,
    )
    assert sum(isinstance(r, InvalidInput) for r in results) == 1
    notices = await db.fetch_all("SELECT * FROM outbox WHERE kind = 'course_cancelled'")
    assert len(notices) == 2
    audits = await db.fetch_all("SELECT * FROM audit_log WHERE action = 'course.cancelled'")
    assert len(audits) == 1


# -- seats per country (issue 14) -------------------------------------------------------------


async def test_new_quotas_or_a_release_day_now_past_hand_out_freed_seats_in_the_edit(
    services, monkeypatch
):
    """Changed quotas, or a release day moved into the past, may free seats: the edit fills
    them in its own transaction, and so may a new mode (a reserve list may become the waiting
    list); a release day still ahead frees none."""
    course = await make_course(services)
    filled: list[tuple[bool, int]] = []
    fill_seats = services.course_service.signups.fill_seats

    async def recording(tx, course_id):
        filled.append((isinstance(tx, Transaction), course_id))
        return await fill_seats(tx, course_id)

    monkeypatch.setattr(services.course_service.signups, "fill_seats", recording)
    edit = services.course_service.edit
    await edit(course.id, "quotas", "AZ 1, *: 2", actor=ORGANISER)
    assert filled == [(True, course.id)]
    ahead = (course.starts_at - timedelta(days=2)).strftime("%d.%m.%Y")
    await edit(course.id, "quota_release_at", ahead, actor=ORGANISER)
    assert len(filled) == 1
    await edit(course.id, "signup_mode", "nomination", actor=ORGANISER)
    assert len(filled) == 2
    await edit(course.id, "quota_release_at", "01.01.2027", actor=ORGANISER)
    assert filled == [(True, course.id)] * 3
    updated = await services.course_service.get(course.id)
    assert updated.signup_mode == "nomination" and updated.quotas_released(NOW)


async def test_the_timers_hear_of_new_quotas_and_a_new_release_day(services):
    """The quota release timer is set or dropped as the quotas and the release day change."""
    course = await make_course(services)
    heard: list[tuple[str | None, object]] = []
    services.course_service.listeners.append(
        lambda changed: heard.append((changed.quotas, changed.quota_release_at))
    )
    await services.course_service.edit(course.id, "quotas", "2", actor=ORGANISER)
    ahead = (course.starts_at - timedelta(days=2)).strftime("%d.%m.%Y")
    await services.course_service.edit(course.id, "quota_release_at", ahead, actor=ORGANISER)
    await services.course_service.edit(course.id, "signup_mode", "approval", actor=ORGANISER)
    assert len(heard) == 2
    assert heard[0] == ('{"*": 2}', None) and heard[1][1] is not None


async def test_the_organisers_list_shows_the_soonest_upcoming_course_first(services):
    """/admin promises "upcoming first": among those, the soonest; then the past, latest first."""

    async def starting_in(days: int, status: CourseStatus = CourseStatus.PUBLISHED) -> Course:
        start = NOW + timedelta(days=days)
        values = course_values(start, start + timedelta(days=1), start - timedelta(days=1))
        return await create_course(services.courses, values, status=status)

    later, sooner = await starting_in(40), await starting_in(10)
    draft = await starting_in(20, CourseStatus.DRAFT)
    old, older = (
        await starting_in(5, CourseStatus.FINISHED),
        await starting_in(3, CourseStatus.FINISHED),
    )
    forgotten_draft = await starting_in(-200, CourseStatus.DRAFT)  # its start has gone by
    listed, total = await services.courses.all(0, 10)
    assert [c.id for c in listed] == [
        sooner.id,
        draft.id,
        later.id,
        old.id,
        older.id,
        forgotten_draft.id,
    ]
    assert total == 6
