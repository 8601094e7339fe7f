"""The survey service on a real SQLite file: invitations, the answering state machine,
anonymity, the one reminder."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.scheduler import Scheduler
from bot.services.surveys import (
    SurveyClosed,
    SurveyClosedForInvitations,
    SurveyNotFound,
    SurveyTimers,
)
from bot.services.surveys.definition import parse_definition
from bot.services.surveys.model import Bilingual, QuestionKind, SurveyDraft
from storage.courses import CourseStatus
from storage.users import UserRepository
from tests.factories import FORMATS, course_values, create_course, feedback_questions

Q = Bilingual


QUESTIONS = feedback_questions((*FORMATS, Q("Mixed", "Смешанный")))


async def make_course(services, clock, ends_in: timedelta = timedelta(hours=-1)):
    ends = clock.now + ends_in
    starts = ends - timedelta(hours=8)
    values = course_values(
        starts, ends, starts, title_en="Risk management", title_ru="Управление рисками"
    )
    return await create_course(services.courses, values)


async def person(services, user_id: int, course_id: int | None = None, language: str = "en"):
    users = UserRepository(services.users.sql)
    await users.upsert_seen(user_id, language)
    await users.record_consent(user_id)
    await users.set_country(user_id, "az", "Asia/Baku")
    if course_id is not None:
        await services.registrations.sign_up(course_id, user_id, datetime(2020, 1, 1, tzinfo=UTC))


async def active_survey(services, course_id=None, anonymous=False, **extra):
    draft = SurveyDraft(
        title=Q("Feedback", "Отзыв"),
        questions=QUESTIONS,
        course_id=course_id,
        anonymous=anonymous,
        **extra,
    )
    survey = await services.surveys.create(draft, created_by=1)
    activated = await services.surveys.activate(survey.id)
    assert activated is not None
    return activated


async def outbox(db, kind: str):
    rows = await db.fetch_all("SELECT user_id, payload FROM outbox WHERE kind = ?", (kind,))
    return [(row[0], json.loads(row[1])) for row in rows]


# -- invitations ------------------------------------------------------------------------------


async def test_after_the_course_those_marked_present_are_invited_once_in_their_language(
    services, db, clock
):
    course = await make_course(services, clock, ends_in=timedelta(hours=1))
    for user_id, language in ((1, "en"), (2, "ru"), (3, "en")):
        await person(services, user_id, course.id, language)
    await services.registrations.set_attended(course.id, 1, True)
    await services.registrations.set_attended(course.id, 2, True)
    survey = await active_survey(services, course.id)

    assert await services.surveys.auto_invite(survey.id) == 0  # the course has not ended
    clock.now = course.ends_at + timedelta(hours=2)
    assert await services.surveys.auto_invite(survey.id) == 2
    assert await services.surveys.auto_invite(survey.id) == 0  # a second timer, a restart

    sent = await outbox(db, "survey_invitation")
    assert sorted(user for user, _ in sent) == [1, 2]  # 3 was not marked present
    payload = sent[0][1]
    assert payload["survey_id"] == survey.id
    assert "Feedback" in payload["text"]["en"] and "Отзыв" in payload["text"]["ru"]
    assert "4 short questions" in payload["text"]["en"]
    # The closing time in the officer's own zone: the course ended at 13:00 UTC (17:00 in
    # Baku), and a survey stays open 14 days by default.
    # Issue 13: the closing time by the city of the reader's zone, never its IANA id.
    # Open 14 days from the invitation (2 hours after the end), not from the end itself.
    assert "Open until 15 March 2027, 19:00 Baku time (UTC+4)." in payload["text"]["en"]


async def test_without_attendance_every_confirmed_participant_is_invited(services, db, clock):
    course = await make_course(services, clock, ends_in=timedelta(hours=-3))
    for user_id in (1, 2):
        await person(services, user_id, course.id)
    await person(services, 3)  # not on the course
    survey = await active_survey(services, course.id)
    assert await services.surveys.auto_invite(survey.id) == 2


async def test_a_cancelled_course_sends_no_survey(services, db, clock):
    course = await make_course(services, clock, ends_in=timedelta(hours=-3))
    await person(services, 1, course.id)
    survey = await active_survey(services, course.id)
    await services.courses.set_status(course.id, CourseStatus.CANCELLED)
    assert await services.surveys.auto_invite(survey.id) == 0
    assert await outbox(db, "survey_invitation") == []


async def test_on_demand_invitations_reach_an_audience_and_never_ask_twice(services, db, clock):
    for user_id, language in ((1, "en"), (2, "ru"), (3, "ru")):
        await person(services, user_id, language=language)
    survey = await active_survey(services)
    assert await services.surveys.invite(survey.id, {"kind": "language", "language": "ru"}) == 2
    assert await services.surveys.invite(survey.id, {"kind": "all"}) == 1
    assert len(await outbox(db, "survey_invitation")) == 3
    clock.now = survey.closes_at
    with pytest.raises(SurveyClosedForInvitations):  # closed: the organiser is told so
        await services.surveys.invite(survey.id, {"kind": "all"})


async def test_a_survey_defined_without_a_course_goes_out_on_demand_to_everyone_once(
    services, db, clock
):
    """Issue 11: a definition without `course:` is accepted, sends nothing by itself, and
    on demand reaches everyone exactly once."""
    for user_id, language in ((1, "en"), (2, "ru"), (3, "en")):
        await person(services, user_id, language=language)
    parsed = parse_definition(
        "title_en: Pulse\ntitle_ru: Пульс\nyesno: Useful? | Полезно?", clock.now, "UTC", {}
    )
    assert parsed.draft is not None
    survey = await services.surveys.create(parsed.draft, created_by=1)
    assert survey.course_id is None and survey.send_after == 0  # on demand only
    survey = await services.surveys.activate(survey.id)
    assert survey is not None
    clock.now += timedelta(days=3)
    assert await services.surveys.auto_invite(survey.id) == 0
    assert await services.surveys.invite(survey.id, {"kind": "all"}) == 3
    assert await services.surveys.invite(survey.id, {"kind": "all"}) == 0
    assert await services.surveys.invite(survey.id, {"kind": "language", "language": "ru"}) == 0
    assert sorted(user for user, _ in await outbox(db, "survey_invitation")) == [1, 2, 3]


async def test_the_timer_after_the_course_is_set_at_activation_and_fires_once(services, db, clock):
    course = await make_course(services, clock, ends_in=timedelta(hours=-3))
    await person(services, 1, course.id)
    scheduler = Scheduler()
    timers = SurveyTimers(services.surveys, scheduler)
    survey = await active_survey(services, course.id)
    await timers.plan(survey)
    job = scheduler.scheduler.get_job(f"survey-invite:{survey.id}")
    assert job is not None
    await services.surveys.auto_invite(survey.id)  # what the timer runs
    await timers.plan(await services.surveys.get(survey.id))
    # Sent: nothing more to plan for the invitation.
    assert len(await outbox(db, "survey_invitation")) == 1


# -- answering --------------------------------------------------------------------------------


async def test_a_full_run_with_toggles_skip_and_yes_no(services, clock):
    await person(services, 1)
    survey = await active_survey(services)
    await services.surveys.invite(survey.id, {"kind": "all"})
    s = services.surveys

    step = await s.begin(survey.id, 1)
    assert step.index == 0 and step.question.kind == QuestionKind.RATING
    step = await s.answer(survey.id, 1, 0, 4)
    assert step.recorded and step.index == 1

    step = await s.toggle(survey.id, 1, 1, 2, True)
    step = await s.toggle(survey.id, 1, 1, 0, True)
    step = await s.toggle(survey.id, 1, 1, 0, True)  # a double tap: still ticked once
    assert step.response.selection == [0, 2]
    step = await s.toggle(survey.id, 1, 1, 2, False)
    assert step.response.selection == [0]
    step = await s.confirm_selection(survey.id, 1, 1)
    assert step.index == 2

    step = await s.answer(survey.id, 1, 2, None)  # skip the optional text
    assert step.recorded and step.index == 3
    step = await s.answer(survey.id, 1, 3, True)
    assert step.question is None and step.response.finished
    assert step.response.answers == {0: 4, 1: [0], 2: None, 3: True}


async def test_double_taps_and_old_buttons_change_nothing(services):
    await person(services, 1)
    survey = await active_survey(services)
    await services.surveys.invite(survey.id, {"kind": "all"})
    s = services.surveys
    await s.begin(survey.id, 1)
    assert (await s.answer(survey.id, 1, 0, 5)).recorded
    again = await s.answer(survey.id, 1, 0, 1)  # the same question's button once more
    assert not again.recorded and again.response.answers == {0: 5}
    assert not (await s.answer(survey.id, 1, 3, True)).recorded  # a question ahead
    assert not (await s.answer(survey.id, 1, 1, None)).recorded  # a required one: no skip
    assert not (await s.answer(survey.id, 1, 1, 7)).recorded  # forged: not an option list
    assert not (await s.toggle(survey.id, 1, 1, 9, True)).recorded  # no such option
    assert (await s.current(survey.id, 1)).index == 1


async def test_stopping_half_way_resumes_at_the_same_question(services):
    await person(services, 1)
    survey = await active_survey(services)
    await services.surveys.invite(survey.id, {"kind": "all"})
    await services.surveys.begin(survey.id, 1)
    await services.surveys.answer(survey.id, 1, 0, 3)
    await services.surveys.toggle(survey.id, 1, 1, 1, True)
    resumed = await services.surveys.begin(survey.id, 1)  # /surveys or the invitation again
    assert resumed.index == 1 and resumed.response.selection == [1]


async def test_one_response_per_person(services, db):
    await person(services, 1)
    survey = await active_survey(services)
    await services.surveys.invite(survey.id, {"kind": "all"})
    s = services.surveys
    await s.begin(survey.id, 1)
    for index, answer in enumerate((2, [1], "More practice", False)):
        if index == 1:
            await s.toggle(survey.id, 1, 1, 1, True)
            await s.confirm_selection(survey.id, 1, 1)
        else:
            await s.answer(survey.id, 1, index, answer)
    again = await s.begin(survey.id, 1)
    assert again.question is None
    rows = await db.fetch_all("SELECT COUNT(*) FROM survey_responses")
    assert rows[0][0] == 1


async def test_a_closed_survey_refuses_answers_and_strangers_get_nothing(services, clock):
    await person(services, 1)
    await person(services, 2)
    survey = await active_survey(services, closes_at=clock.now + timedelta(days=1))
    await services.surveys.invite(survey.id, {"kind": "language", "language": "en"})
    await services.surveys.begin(survey.id, 1)
    with pytest.raises(SurveyNotFound):
        await services.surveys.begin(survey.id + 100, 1)
    clock.now += timedelta(days=2)
    with pytest.raises(SurveyClosed):
        await services.surveys.answer(survey.id, 1, 0, 5)
    draft = await services.surveys.create(SurveyDraft(Q("x", "x"), QUESTIONS), 1)
    with pytest.raises(SurveyNotFound):
        await services.surveys.begin(draft.id, 1)  # a draft, whatever the button says


async def test_only_the_invited_may_answer(services):
    await person(services, 1, language="en")
    await person(services, 2, language="ru")
    survey = await active_survey(services)
    await services.surveys.invite(survey.id, {"kind": "language", "language": "en"})
    with pytest.raises(SurveyNotFound):
        await services.surveys.begin(survey.id, 2)


# -- anonymity --------------------------------------------------------------------------------


async def test_anonymous_responses_hold_no_user_id_and_no_time(services, db, clock):
    """Issue 11: until the survey closes a finished anonymous response is a sealed pending
    row; at closing it becomes a plaintext row with the closing day, the same for everyone."""
    await person(services, 77)
    survey = await active_survey(services, anonymous=True)
    await services.surveys.invite(survey.id, {"kind": "all"})
    s = services.surveys
    await s.begin(survey.id, 77)
    await s.answer(survey.id, 77, 0, 5)
    await s.toggle(survey.id, 77, 1, 0, True)
    await s.confirm_selection(survey.id, 77, 1)
    await s.answer(survey.id, 77, 2, "Less theory")
    await s.answer(survey.id, 77, 3, True)
    assert await db.fetch_all("SELECT * FROM survey_responses") == []
    pending = [dict(row) for row in await db.fetch_all("SELECT * FROM survey_pending")]
    assert [set(row) for row in pending] == [{"id", "survey_id", "sealed"}]
    assert b"Less theory" not in pending[0]["sealed"]

    clock.now = survey.closes_at
    await s.close(survey.id)
    rows = await db.fetch_all("SELECT * FROM survey_responses")
    row = dict(rows[0])
    assert row["user_id"] is None
    assert row.pop("id") >= 2**62  # random, see test_survey_anonymity.py
    assert "77" not in json.dumps(row)
    assert set(row) == {"survey_id", "user_id", "answers", "finished_at"}
    assert row["finished_at"] == survey.closes_at.date().isoformat()  # the closing day
    assert "Less theory" in row["answers"]
    assert await db.fetch_all("SELECT * FROM survey_drafts") == []
    assert await db.fetch_all("SELECT * FROM survey_pending") == []


def wal_size(wal: Path) -> int:
    return wal.stat().st_size


@pytest.mark.parametrize("anonymous", [True, False])
async def test_only_an_anonymous_finish_empties_the_wal(services, db, anonymous):
    """An anonymous finish leaves no old page version in the WAL (the draft keyed by the
    person, deleted in the commit that stored the response). A named one links to its author
    anyway, so it pays no checkpoint: one holds every query of the bot while it runs (issue 16:
    a checkpoint per finished response made survey replies queue in the soak)."""
    await person(services, 5)
    survey = await active_survey(services, anonymous=anonymous)
    await services.surveys.invite(survey.id, {"kind": "all"})
    s = services.surveys
    await s.begin(survey.id, 5)
    await s.answer(survey.id, 5, 0, 4)
    await s.toggle(survey.id, 5, 1, 0, True)
    await s.confirm_selection(survey.id, 5, 1)
    await s.answer(survey.id, 5, 2, None)
    wal = Path(f"{db.path}-wal")
    assert wal_size(wal) > 0  # the answers so far are in it
    step = await s.answer(survey.id, 5, 3, True)
    assert step.response.finished
    assert (wal_size(wal) == 0) is anonymous


async def test_named_responses_are_deleted_with_the_person(services, db):
    await person(services, 5)
    survey = await active_survey(services)
    await services.surveys.invite(survey.id, {"kind": "all"})
    await services.surveys.begin(survey.id, 5)
    await services.users.delete(5)
    assert (await db.fetch_all("SELECT COUNT(*) FROM survey_responses"))[0][0] == 0


# -- the reminder -----------------------------------------------------------------------------


async def test_one_reminder_to_those_who_have_not_finished(services, db, clock):
    for user_id in (1, 2, 3):
        await person(services, user_id)
    survey = await active_survey(services, remind_after=60 * 48)
    await services.surveys.invite(survey.id, {"kind": "all"})
    s = services.surveys
    # 1 finishes, 2 stops half-way, 3 never starts.
    await s.begin(survey.id, 1)
    for index, answer in ((0, 5), (2, None), (3, True)):
        if index == 2:
            await s.toggle(survey.id, 1, 1, 0, True)
            await s.confirm_selection(survey.id, 1, 1)
        await s.answer(survey.id, 1, index, answer)
    await s.begin(survey.id, 2)
    await s.answer(survey.id, 2, 0, 2)

    assert await s.next_reminder(survey) == clock.now + timedelta(days=2)
    assert await s.remind(survey.id) == 0  # not yet due
    clock.now += timedelta(days=2)
    assert await s.remind(survey.id) == 2
    assert await s.remind(survey.id) == 0  # once
    reminded = sorted(user for user, _ in await outbox(db, "survey_reminder"))
    assert reminded == [2, 3]
    assert await s.next_reminder(await s.get(survey.id)) is None


async def test_planning_the_reminder_reads_the_earliest_invitation_not_every_one(
    services, db, clock
):
    """Issue 16: each start (and each change to a survey) read every invitation not yet
    reminded only to take the first; a survey sent to 100,000 officers cost the idle bot
    its memory. The earliest invitation still decides when the reminder is due."""
    survey = await active_survey(services, remind_after=60 * 48)
    invited = [(user_id, clock.now + timedelta(minutes=user_id)) for user_id in range(1, 20_001)]
    await db.write_many(
        "INSERT INTO users (id, created_at, last_seen_at) VALUES (?, ?, ?)",
        [(user_id, "2027-01-01", "2027-01-01") for user_id, _ in invited],
    )
    await db.write_many(
        "INSERT INTO survey_invitations (survey_id, user_id, invited_at) VALUES (?, ?, ?)",
        [(survey.id, user_id, at.isoformat()) for user_id, at in reversed(invited)],
    )
    tracemalloc.start()
    try:
        due = await services.surveys.next_reminder(survey)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert due == clock.now + timedelta(minutes=1, days=2)
    # 20,000 invitations as rows and datetimes take some 5 MB; one of them almost nothing.
    assert peak < 500_000


@pytest.mark.parametrize("anonymous", [True, False])
async def test_invitations_and_reminders_say_whether_the_survey_is_anonymous_or_named(
    services, db, clock, anonymous
):
    """Issue 11: every invitation and reminder says, in both languages, whether the answers
    are stored with the person's name."""
    await person(services, 1)
    survey = await active_survey(services, anonymous=anonymous, remind_after=60)
    await services.surveys.invite(survey.id, {"kind": "all"})
    clock.now += timedelta(hours=1)
    assert await services.surveys.remind(survey.id) == 1
    if anonymous:
        expected = {
            "en": "🔒 Anonymous: when you finish, your answers are stored without your name",
            "ru": "🔒 Анонимный опрос: когда вы закончите, ответы сохранятся без вашего имени",
        }
    else:
        expected = {
            "en": "👤 Named: your answers are stored with your name",
            "ru": "👤 Именной опрос: ответы сохраняются с вашим именем",
        }
    for kind in ("survey_invitation", "survey_reminder"):
        ((_, payload),) = await outbox(db, kind)
        for locale, words in expected.items():
            assert words in payload["text"][locale], (kind, locale)


async def test_a_timer_deletes_unfinished_drafts_when_the_survey_closes(services, db, clock):
    """Issue 11: key material that ties a person to answers is destroyed at closing time,
    and at start-up for surveys that closed while the bot was down: drafts go, sealed
    responses are released as plaintext rows, the key file is deleted."""
    await person(services, 1)
    await person(services, 2)
    survey = await active_survey(services, anonymous=True)
    await services.surveys.invite(survey.id, {"kind": "all"})
    await services.surveys.begin(survey.id, 1)
    await services.surveys.answer(survey.id, 1, 0, 4)
    s = services.surveys
    await s.begin(survey.id, 2)
    for index, answer in enumerate((5, [0], "Fine", True)):
        await s.answer(survey.id, 2, index, answer)
    scheduler = Scheduler()
    timers = SurveyTimers(services.surveys, scheduler)
    await timers.restore()
    job = scheduler.scheduler.get_job(f"survey-close:{survey.id}")
    assert job is not None and job.trigger.run_date == survey.closes_at
    assert len(await db.fetch_all("SELECT * FROM survey_drafts")) == 1

    assert len(await db.fetch_all("SELECT * FROM survey_pending")) == 1
    assert s.repos.surveys.keys.survey_ids() == [survey.id]

    clock.now = survey.closes_at + timedelta(days=1)  # the bot was down at closing time
    await timers.restore()
    assert await db.fetch_all("SELECT * FROM survey_drafts") == []
    assert await db.fetch_all("SELECT * FROM survey_pending") == []
    (row,) = await db.fetch_all("SELECT answers FROM survey_responses")
    assert json.loads(row[0]) == {"0": 5, "1": [0], "2": "Fine", "3": True}
    assert s.repos.surveys.keys.survey_ids() == []
