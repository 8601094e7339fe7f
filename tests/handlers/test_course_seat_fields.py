"""Issue 14: organisers say how a course gives its seats — in the creation dialog (one step,
quotas only when needed, Skip), in the edit menu — and the cards show it to organisers and to
participants (only their own country's quota)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from aiogram.methods import AnswerCallbackQuery

from bot.ui.callbacks import AdminAction, AdminCourseCb, CourseAction, CourseCb, CourseFormAction
from bot.ui.callbacks import CourseFormCb as Form
from storage.courses import CourseRepository, SignupMode
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import Chatter, buttons, press_under_question, texts
from tests.handlers.test_course_dialog import BACK, DEFAULT, SKIP, asked, open_edit, start_dialog
from tests.handlers.test_courses import complete_profile, publish_course

LANGUAGE_EN = Form(action=CourseFormAction.LANGUAGE, value="en").pack()
MODE_BUTTONS = {"Open sign-up", "Organisers approve requests", "Focal points nominate"}


def mode(value: SignupMode) -> str:
    return Form(action=CourseFormAction.MODE, value=value.value).pack()


async def up_to_the_mode_question(organiser: Chatter):
    """/newcourse answered up to the language: the sign-up mode is asked."""
    await start_dialog(organiser, steps=8)
    await press_under_question(organiser, DEFAULT)  # no limit
    await press_under_question(organiser, DEFAULT)  # until the start
    return asked(await press_under_question(organiser, LANGUAGE_EN))


async def the_only_course(db):
    (course,), _ = await CourseRepository(db).all(0, 10)
    return course


async def test_the_dialog_asks_how_seats_are_given_with_a_button_each(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    question = await up_to_the_mode_question(organiser)
    assert question.text.startswith("Step 12 of 12\nHow are seats given?")
    assert "Focal points nominate — each country’s national focal point nominates" in question.text
    assert set(buttons(question)) == MODE_BUTTONS | {"‹ Back", "✖️ Cancel"}
    # Open sign-up: no quotas asked, the draft is made.
    sent = await press_under_question(organiser, mode(SignupMode.OPEN))
    assert any("Preview in English" in text for text in texts(sent))
    course = await the_only_course(db)
    assert course.signup_mode == SignupMode.OPEN and course.quotas is None


async def test_approval_asks_for_quotas_which_may_be_skipped(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    await up_to_the_mode_question(organiser)
    quotas = asked(await press_under_question(organiser, mode(SignupMode.APPROVAL)))
    assert quotas.text.startswith("Step 13 of 13\nSeats per country")
    assert set(buttons(quotas)) == {"Skip", "‹ Back", "✖️ Cancel"}
    # Skip: no quotas, so no release day is asked either.
    sent = await press_under_question(organiser, SKIP)
    assert any("Preview in English" in text for text in texts(sent))
    course = await the_only_course(db)
    assert course.signup_mode == SignupMode.APPROVAL
    assert course.quotas is None and course.quota_release_at is None


async def test_nomination_with_quotas_asks_the_release_day(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    await up_to_the_mode_question(organiser)
    await press_under_question(organiser, mode(SignupMode.NOMINATION))
    refused = " ".join(texts(await organiser.send("AZ 3, XX 2")))
    assert "“XX 2” — not a country code I know" in refused
    release = asked(await organiser.send("AZ 3, GE 2, *: 1"))
    assert release.text.startswith("Step 14 of 14\nFrom which day")
    assert "Skip" in buttons(release)
    # Back: the quotas again, as given; the mode before them keeps its answer too.
    back = asked(await press_under_question(organiser, BACK))
    assert "Now: AZ 3, GE 2, *: 1" in back.text
    back = asked(await press_under_question(organiser, BACK))
    assert "Now: Focal points nominate" in back.text
    await press_under_question(organiser, mode(SignupMode.NOMINATION))
    await organiser.send("AZ 3, GE 2, *: 1")
    too_late = " ".join(texts(await organiser.send("20.03.2030")))  # the start: 15.03.2030
    assert "cannot be later than the start" in too_late
    await organiser.send("01.03.2030")
    course = await the_only_course(db)
    assert course.signup_mode == SignupMode.NOMINATION
    assert json.loads(course.quotas or "") == {"az": 3, "ge": 2, "*": 1}
    # 00:00 of 1 March in Chisinau (UTC+2).
    assert course.quota_release_at == datetime(2030, 2, 28, 22, 0, tzinfo=UTC)


async def test_quotas_kept_after_going_back_to_open_sign_up_are_dropped(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    await up_to_the_mode_question(organiser)
    await press_under_question(organiser, mode(SignupMode.APPROVAL))
    await organiser.send("2")
    await press_under_question(organiser, BACK)  # the release day -> the quotas
    await press_under_question(organiser, BACK)  # -> the mode
    await press_under_question(organiser, mode(SignupMode.OPEN))
    course = await the_only_course(db)
    assert course.signup_mode == SignupMode.OPEN and course.quotas is None


async def test_an_organiser_edits_the_quotas_and_the_card_shows_them(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID)
    prompt = await open_edit(organiser, course_id, "quotas")
    assert "Seats per country" in prompt.text and "Now: no quotas" in prompt.text
    refused = " ".join(texts(await organiser.send("AZ 0")))
    assert "a country needs at least 1 seat" in refused
    saved = texts(await organiser.send("AZ 3, ge 2, *: 1"))
    assert "Saved." in " ".join(saved)
    assert "🌍 Seats per country: Azerbaijan 3, Georgia 2, others 1" in saved[-1]
    course = await CourseRepository(db).get(course_id)
    assert course is not None and json.loads(course.quotas or "") == {"az": 3, "ge": 2, "*": 1}
    prompt = await open_edit(organiser, course_id, "quotas")
    assert "Now: AZ 3, GE 2, *: 1" in prompt.text
    await organiser.send("-")
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.quotas is None


async def test_the_mode_of_a_published_course_is_changed_with_its_buttons(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID, language_code="ru")
    prompt = await open_edit(organiser, course_id, "signup_mode")
    assert "Сейчас: Свободная запись" in prompt.text
    assert {"Свободная запись", "По заявкам", "По выдвижению координаторов"} <= set(
        buttons(prompt)
    )
    saved = texts(await press_under_question(organiser, mode(SignupMode.NOMINATION)))
    assert "по выдвижению национальных координаторов" in saved[-1]
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.signup_mode == SignupMode.NOMINATION


async def test_the_release_day_is_edited_and_shown_in_the_courses_zone(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID)
    await open_edit(organiser, course_id, "quotas")
    await organiser.send("2")
    course = await CourseRepository(db).get(course_id)
    assert course is not None
    day = (course.starts_at - timedelta(days=3)).astimezone(UTC)
    prompt = await open_edit(organiser, course_id, "quota_release_at")
    assert "Now: quotas apply until the start" in prompt.text
    saved = texts(await organiser.send(day.strftime("%d.%m.%Y")))
    assert f"From {day.day} {day:%B %Y}, seats a country has not filled" in saved[-1]
    assert "Seats per country: 2 for each country" in saved[-1]
    prompt = await open_edit(organiser, course_id, "quota_release_at")
    assert f"Now: {day:%d.%m.%Y}" in prompt.text


async def test_a_participant_sees_the_mode_and_only_their_countrys_seats(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    await CourseRepository(db).update(
        course_id,
        {"signup_mode": SignupMode.APPROVAL, "quotas": json.dumps({"md": 3, "ge": 2, "*": 1})},
        bump_revision=False,
    )
    officer = make_chatter(language_code="en")
    await complete_profile(db, officer.user.id)  # from Moldova
    sent = await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    card = next(r for r in sent if not isinstance(r, AnswerCallbackQuery))
    assert "📝 Seats are given on request, with the organisers’ approval" in card.text
    assert "🌍 Seats for Moldova: 3" in card.text
    assert "Georgia" not in card.text and "per country" not in card.text


async def test_an_open_course_card_reads_as_before(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID)
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
    )
    card = " ".join(texts(sent))
    assert "Transit" in card and "Status: published" in card
    assert "Seats are given" not in card and "🌍" not in card
