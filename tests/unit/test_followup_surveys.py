"""Issue 15: a course's follow-up survey months after it — made from the course's `followup`
field, invited from the course END, to attendees only, on timers that survive a restart —
and its ratings next to the course-end survey's."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.app import create_services
from bot.scheduler import Scheduler
from bot.services.surveys.model import QuestionKind
from bot.services.surveys.service import BUILT_IN_FEEDBACK
from storage.courses import CourseStatus
from storage.database import Database
from storage.users import UserRepository
from tests.factories import course_values, create_course

DAYS = 90


async def followup_course(services, clock, *, ends_in=timedelta(days=5), status=None, **fields):
    """A course with `followup: 90d` (published unless `status` says otherwise)."""
    ends = clock.now + ends_in
    starts = ends - timedelta(hours=8)
    values = course_values(starts, ends, starts, **{"followup": DAYS, **fields})
    return await create_course(services.courses, values, status=status or CourseStatus.PUBLISHED)


async def person(services, user_id: int, course_id: int) -> None:
    users = UserRepository(services.users.sql)
    await users.upsert_seen(user_id, "en")
    await users.record_consent(user_id)
    await users.set_country(user_id, "az", "Asia/Baku")
    await services.registrations.sign_up(course_id, user_id, datetime(2020, 1, 1, tzinfo=UTC))


async def run_job(scheduler: Scheduler, job_id: str) -> None:
    """What the scheduler would run at the job's time (it is not started in unit tests)."""
    job = scheduler.scheduler.get_job(job_id)
    assert job is not None, job_id
    await job.func(*job.args)


async def invited(db) -> list[int]:
    rows = await db.fetch_all(
        "SELECT user_id FROM outbox WHERE kind = 'survey_invitation' ORDER BY user_id"
    )
    return [row[0] for row in rows]


async def test_publishing_a_course_with_followup_schedules_the_survey_from_the_course_end(
    services, clock
):
    course = await followup_course(services, clock, status=CourseStatus.DRAFT)
    await services.course_service.publish(course.id)
    await run_job(services.scheduler, f"followup-sync:{course.id}")  # the publish listener

    survey = await services.surveys.repos.surveys.followup_of(course.id)
    assert survey is not None and survey.is_followup and survey.status == "active"
    due = course.ends_at + timedelta(days=DAYS)
    assert survey.opens_at == due and survey.closes_at == due + timedelta(days=30)
    assert survey.title_en == "Follow-up: Risk management in customs"
    await run_job(services.scheduler, f"survey-plan:{survey.id}")  # activation plans it
    job = services.scheduler.scheduler.get_job(f"survey-invite:{survey.id}")
    assert job.trigger.run_date == due


async def test_the_follow_up_goes_to_attendees_only(services, db, clock):
    course = await followup_course(services, clock, ends_in=timedelta(hours=-1), capacity=3)
    for user_id in (1, 2, 3, 4):  # 4 is on the waiting list
        await person(services, user_id, course.id)
    await services.registrations.set_attended(course.id, 1, True)
    await services.registrations.set_attended(course.id, 3, True)
    survey = await services.surveys.followups.sync(course.id)

    assert await services.surveys.auto_invite(survey.id) == 0  # not due yet
    clock.now = course.ends_at + timedelta(days=DAYS)
    assert await services.surveys.auto_invite(survey.id) == 2
    assert await invited(db) == [1, 3]  # 2 was confirmed but absent, 4 waitlisted
    # By hand too, organisers can only reach the attendees of a follow-up.
    assert await services.surveys.audiences(survey.id) == ["attended"]


async def test_without_attendance_the_follow_up_invites_nobody(services, db, clock):
    course = await followup_course(services, clock, ends_in=timedelta(hours=-1))
    await person(services, 1, course.id)  # confirmed, attendance never taken
    survey = await services.surveys.followups.sync(course.id)
    clock.now = course.ends_at + timedelta(days=DAYS)
    assert await services.surveys.auto_invite(survey.id) == 0
    assert await invited(db) == []
    # Attendance marked late: the next try (a restart re-runs the timer) still invites.
    await services.registrations.set_attended(course.id, 1, True)
    assert await services.surveys.auto_invite(survey.id) == 1


async def test_the_follow_up_survives_a_restart_and_invites_when_due(
    services, db, clock, localizations, settings
):
    """A course published while the bot was told nothing (the sync job lost in a crash): a new
    app over the same database file makes the follow-up at start-up, and another restart
    later still invites when it is due."""
    course = await followup_course(services, clock, ends_in=timedelta(hours=-1))
    await person(services, 1, course.id)
    await services.registrations.set_attended(course.id, 1, True)

    async with Database(db.path, clock) as first_restart:
        again = create_services(first_restart, localizations, settings, clock, Scheduler())
        assert await again.survey_timers.restore() == 1
        survey = await again.surveys.repos.surveys.followup_of(course.id)
        assert survey is not None

    clock.now = course.ends_at + timedelta(days=DAYS, hours=3)  # the bot was down when due
    async with Database(db.path, clock) as second_restart:
        scheduler = Scheduler()
        later = create_services(second_restart, localizations, settings, clock, scheduler)
        await later.survey_timers.restore()
        job = scheduler.scheduler.get_job(f"survey-invite:{survey.id}")
        assert job.trigger.run_date == clock.now  # due while the bot was down: at once
        await run_job(scheduler, f"survey-invite:{survey.id}")
        await later.survey_timers.restore()  # a third start invites nobody twice
        assert await later.surveys.auto_invite(survey.id) == 0
    assert await invited(db) == [1]


async def test_changing_the_field_or_the_end_moves_the_follow_up_and_clearing_deletes_it(
    services, clock
):
    course = await followup_course(services, clock)
    followups = services.surveys.followups
    survey = await followups.sync(course.id)

    await services.course_service.edit(course.id, "followup", "120d")
    moved = await followups.sync(course.id)
    assert moved.id == survey.id and moved.opens_at == course.ends_at + timedelta(days=120)
    assert moved.send_after == 120 * 86400

    new_end = "20.03.2027 18:00"
    updated = (await services.course_service.edit(course.id, "ends_at", new_end)).course
    moved = await followups.sync(course.id)
    assert moved.opens_at == updated.ends_at + timedelta(days=120)

    await services.course_service.edit(course.id, "followup", "off")
    assert await followups.sync(course.id) is None
    assert await services.surveys.repos.surveys.get(survey.id) is None


async def test_a_cancelled_course_loses_its_unsent_follow_up_but_a_sent_one_stays(services, clock):
    cancelled = await followup_course(services, clock)
    survey = await services.surveys.followups.sync(cancelled.id)
    await services.course_service.cancel(cancelled.id)
    assert await services.surveys.followups.sync(cancelled.id) is None
    assert await services.surveys.repos.surveys.get(survey.id) is None

    sent = await followup_course(services, clock, ends_in=timedelta(hours=-1))
    await person(services, 1, sent.id)
    await services.registrations.set_attended(sent.id, 1, True)
    survey = await services.surveys.followups.sync(sent.id)
    clock.now = sent.ends_at + timedelta(days=DAYS)
    assert await services.surveys.auto_invite(survey.id) == 1
    await services.courses.update(sent.id, {"followup": None}, bump_revision=False)
    assert (await services.surveys.followups.sync(sent.id)).id == survey.id


# -- the side-by-side results ---------------------------------------------------------------


def full_answers(questions, rating: int) -> list:
    """An answer to every question: `rating` for ratings, the first option, a text, yes."""
    answers = []
    for question in questions:
        match question.kind:
            case QuestionKind.RATING:
                answers.append(rating)
            case QuestionKind.CHOICE:
                answers.append(0)
            case QuestionKind.MULTI:
                answers.append([0])
            case QuestionKind.TEXT:
                answers.append("Used it at the border")
            case QuestionKind.YESNO:
                answers.append(True)
    return answers


async def answered_by(services, survey, user_ids, ratings) -> None:
    from bot.services.surveys import questions_of

    s = services.surveys
    await s.invite(
        survey.id, {"kind": "course", "course_id": survey.course_id, "status": "attended"}
    )
    for user_id, rating in zip(user_ids, ratings, strict=True):
        await s.begin(survey.id, user_id)
        for index, answer in enumerate(full_answers(questions_of(survey), rating)):
            step = await s.answer(survey.id, user_id, index, answer)
            assert step.recorded


async def course_with_both_surveys(services, clock, end_ratings, later_ratings):
    course = await followup_course(services, clock, ends_in=timedelta(hours=-1))
    people = list(range(1, len(end_ratings) + 1))
    for user_id in people:
        await person(services, user_id, course.id)
        await services.registrations.set_attended(course.id, user_id, True)
    preview = await services.surveys.create_from_template(course.id, 99, BUILT_IN_FEEDBACK)
    end = await services.surveys.activate(preview.survey.id)
    await answered_by(services, end, people, end_ratings)
    later = await services.surveys.followups.sync(course.id)
    clock.now = course.ends_at + timedelta(days=DAYS, hours=1)
    await answered_by(services, later, people[: len(later_ratings)], later_ratings)
    return course, end, later


async def test_the_chart_pairs_the_course_end_and_follow_up_ratings_by_their_identity(
    services, clock
):
    _, end, later = await course_with_both_surveys(services, clock, (5, 4, 5), (4, 3, 3))
    for survey in (later, end):  # from either survey's results
        comparison = await services.surveys.followups.comparison(survey.id, "en")
        assert comparison is not None and comparison.days == DAYS
        assert [pair.question.ref for pair in comparison.pairs] == ["relevance", "overall"]
        relevance = comparison.pairs[0]
        assert (relevance.before.answered, str(relevance.before.average)) == (3, "4.7")
        assert (relevance.after.answered, str(relevance.after.average)) == (3, "3.3")
        # The texts differ ("Looking back now, …"): the identity pairs them, not the words.
        assert relevance.question.text.en.startswith("Looking back now")


async def test_no_chart_while_the_anonymous_follow_up_has_too_few_answers(services, clock):
    _, end, later = await course_with_both_surveys(services, clock, (5, 4, 5), (4, 3))
    assert await services.surveys.followups.comparison(later.id, "en") is None
    assert await services.surveys.followups.comparison(end.id, "en") is None


async def test_the_side_by_side_chart_renders_in_both_languages(services, clock, tmp_path):
    from bot.services.surveys.compare_chart import ChartTexts, comparison_chart

    course, _, later = await course_with_both_surveys(services, clock, (5, 4, 5), (4, 3, 3))
    t = services.surveys.notices.localizations.get("ru")
    comparison = await services.surveys.followups.comparison(later.id, "ru")
    texts = ChartTexts(
        title=t.plain("followup-chart-title", course=course.title("ru")),
        before=t.plain("followup-chart-before"),
        after=t.plain("followup-chart-after", count=DAYS),
        answered={3: t.plain("followup-chart-answered", count=3)},
    )
    png = comparison_chart(texts, comparison.pairs, "ru")
    assert png.startswith(b"\x89PNG")
    (tmp_path / "followup-chart-ru.png").write_bytes(png)
    assert json.dumps(texts.after, ensure_ascii=False) == '"Через 90 дней"'


# -- review of issue 15 -------------------------------------------------------------------------


async def test_a_follow_up_chosen_by_hand_is_still_open_when_its_invitation_goes_out(
    services, clock
):
    """🔁 Another template → the built-in follow-up: invited 90 days after the course, so it
    must not close 14 days after the course (nobody would ever be asked)."""
    from bot.services.surveys.service import BUILT_IN_FOLLOWUP

    course = await followup_course(services, clock, followup=None)
    preview = await services.surveys.create_from_template(course.id, 99, BUILT_IN_FOLLOWUP)
    survey = preview.survey
    goes_out = course.ends_at + timedelta(seconds=survey.send_after)
    assert goes_out == course.ends_at + timedelta(days=90)
    assert survey.closes_at == goes_out + timedelta(days=14)


async def test_a_follow_up_set_after_its_day_has_passed_goes_out_now_to_the_attendees(
    services, db, clock
):
    """`followup: 30d` typed on a course that ended 100 days ago: the follow-up goes out at
    once and stays open 30 days — not made closed already, invited to nobody, unsaid."""
    course = await followup_course(services, clock, ends_in=-timedelta(days=100), followup=None)
    await person(services, 1, course.id)
    await services.registrations.set_attended(course.id, 1, True)
    await services.course_service.edit(course.id, "followup", "30d")
    survey = await services.surveys.followups.sync(course.id)

    assert survey.closes_at == clock.now + timedelta(days=30)
    assert await services.surveys.auto_invite(survey.id) == 1
    assert await invited(db) == [1]


async def test_a_follow_up_that_closed_unsent_is_not_reopened_by_a_later_edit(services, clock):
    course = await followup_course(services, clock, ends_in=-timedelta(hours=1))
    survey = await services.surveys.followups.sync(course.id)
    clock.now = survey.closes_at + timedelta(days=1)  # attendance was never marked
    await services.course_service.edit(course.id, "followup", "60d")
    assert (await services.surveys.followups.sync(course.id)).closes_at == survey.closes_at


async def test_attendance_marked_after_the_follow_up_was_due_still_sends_it_without_a_restart(
    services, db, clock
):
    course = await followup_course(services, clock, ends_in=timedelta(hours=-1))
    await person(services, 1, course.id)  # confirmed; attendance not marked when it is due
    survey = await services.surveys.followups.sync(course.id)
    clock.now = course.ends_at + timedelta(days=DAYS)
    assert await services.surveys.auto_invite(survey.id) == 0
    job = services.scheduler.scheduler.get_job(f"survey-invite:{survey.id}")
    assert job is not None and job.trigger.run_date == clock.now + timedelta(days=1)

    await services.registrations.set_attended(course.id, 1, True)  # the next morning
    clock.now += timedelta(days=1)
    await run_job(services.scheduler, f"survey-invite:{survey.id}")
    assert await invited(db) == [1]


async def test_the_side_by_side_chart_is_narrow_with_each_question_above_its_bars_for_a_phone(
    services, clock
):
    """Telegram shows a photo about 330 points wide: a 1,000 px chart with the questions in a
    side column shrank its 9 pt text to a third. Narrow now, each question's text across the
    whole width, so a long question makes the picture taller, not its type smaller."""
    import struct

    from bot.services.surveys.compare_chart import ChartTexts, comparison_chart

    _, _, later = await course_with_both_surveys(services, clock, (5, 4, 5), (4, 3, 3))
    comparison = await services.surveys.followups.comparison(later.id, "en")
    texts = ChartTexts("Transit", "End of course", "90 days later", {3: "n = 3"})
    png = comparison_chart(texts, comparison.pairs, "en")
    width, height = struct.unpack(">II", png[16:24])  # the PNG's IHDR
    assert width <= 650 and height > width / 2


def test_an_anonymous_rating_answered_by_fewer_than_three_stays_off_the_side_by_side_chart():
    """An office's own follow-up may make a compared rating optional: with 5 responses but 2
    answers to it, its average is those two people's ratings — not drawn."""
    from types import SimpleNamespace

    from bot.services.surveys.followup import paired_ratings
    from bot.services.surveys.model import Bilingual, Question
    from bot.services.surveys.results import RatingSummary

    def report(anonymous: bool, answered: dict[str, int]):
        questions = [
            Question(QuestionKind.RATING, Bilingual(ref, ref), ref=ref) for ref in answered
        ]
        figures = [RatingSummary(n, 5 - n, {}, 4 * n) for n in answered.values()]
        return SimpleNamespace(
            survey=SimpleNamespace(anonymous=anonymous),
            questions=questions,
            summary=SimpleNamespace(questions=figures),
        )

    before = report(True, {"relevance": 5, "overall": 5})
    after = report(True, {"relevance": 2, "overall": 5})
    assert [pair.question.ref for pair in paired_ratings(before, after)] == ["overall"]
    named = report(False, {"relevance": 2, "overall": 5})  # names are shown anyway
    assert len(paired_ratings(before, named)) == 2


async def test_a_copy_of_the_follow_up_sent_later_is_not_taken_for_the_course_end_survey(
    services, clock
):
    """The office copies the follow-up as text for a second one half a year after the course:
    the chart still sets the follow-up against the course-end survey, and the copy's own
    results do not call it “End of course”."""
    from dataclasses import replace

    from bot.services.surveys.templates import draft_of

    _, end, later = await course_with_both_surveys(services, clock, (5, 4, 5), (4, 3, 3))
    copy = await services.surveys.create(replace(draft_of(later), send_after=180 * 24 * 60), 99)
    await services.surveys.activate(copy.id)

    comparison = await services.surveys.followups.comparison(later.id, "en")
    assert comparison is not None and comparison.earlier.id == end.id
    assert await services.surveys.followups.comparison(copy.id, "en") is None
    assert (await services.surveys.followups.comparison(end.id, "en")).later.id == later.id


async def test_a_cancelled_courses_card_no_longer_announces_its_follow_up(
    services, clock, localizations
):
    from dataclasses import replace

    from bot.ui.followup_texts import followup_lines

    course = await followup_course(services, clock)
    t = localizations.get("en")
    assert followup_lines(course, None, t)[0].startswith("📨 Follow-up survey 90 days after")
    assert followup_lines(replace(course, status=CourseStatus.CANCELLED), None, t) == []
