"""For every organiser command and every organiser button: someone not in ADMIN_IDS gets
nothing done and nothing revealed — the same answer as for an unknown command or an old
button, and the database (apart from their own user row) unchanged."""

from __future__ import annotations

from enum import StrEnum

import pytest
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery

from bot.commands import ORGANISER_COMMANDS
from bot.services.surveys.model import Bilingual, Question, QuestionKind, SurveyDraft
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    AnnounceAction,
    AnnounceCb,
    CourseFormAction,
    CourseFormCb,
    FocalAction,
    FocalAdminAction,
    FocalAdminCb,
    FocalCb,
    StatsCb,
    SurveyAdminAction,
    SurveyAdminCb,
)
from storage.database import Database
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.test_courses import complete_profile, publish_course

STRANGER = 555
FOCAL_POINT = 556  # of Azerbaijan
GEORGIAN_OFFICER = 557

# Tables whose rows a stranger's update may touch: their own user row and dialog state.
OWN_TABLES = {"users", "fsm_states", "schema_migrations"}


async def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    tables = await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")
    state = {}
    for (name,) in tables:
        if name in OWN_TABLES or name.startswith("sqlite_"):
            continue
        rows = await db.fetch_all(f"SELECT * FROM {name} ORDER BY rowid")  # noqa: S608
        state[name] = [tuple(row) for row in rows]
    return state


@pytest.fixture
async def organiser_data(make_chatter, db):
    """A course, a draft announcement and an active survey: things a stranger must not see."""
    course_id = await publish_course(db, "Secret transit plan", days=5)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.send("/start")
    surveys = organiser.dp["surveys"]
    survey = await surveys.create(
        SurveyDraft(
            Bilingual("Secret survey", "Секретный опрос"),
            (Question(QuestionKind.YESNO, Bilingual("Ok?", "Ок?")),),
            course_id=course_id,
        ),
        ORGANISER_ID,
    )
    await surveys.activate(survey.id)
    announcement = await organiser.dp["announcements"].repos.announcements.create(
        {
            "created_by": ORGANISER_ID,
            "text_en": "Secret announcement",
            "audience": '{"kind":"all"}',
        }
    )
    return {"course": course_id, "survey": survey.id, "announcement": announcement.id}


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def organiser_buttons(ids: dict[str, int]) -> list[CallbackData]:
    course, survey, announcement = ids["course"], ids["survey"], ids["announcement"]
    buttons: list[CallbackData] = [StatsCb(), StatsCb(refresh=False)]
    buttons += [
        AdminCourseCb(action=AdminAction(a), course_id=course, arg="capacity")
        for a in _values(AdminAction)
    ]
    buttons += [
        CourseFormCb(action=CourseFormAction(a), value="x") for a in _values(CourseFormAction)
    ]
    buttons += [
        FocalAdminCb(action=FocalAdminAction(a), country=country, user_id=user_id)
        for a in _values(FocalAdminAction)
        for country, user_id in (("", 0), ("az", FOCAL_POINT), ("az", STRANGER))
    ]
    buttons += [
        AnnounceCb(action=AnnounceAction(a), value=str(announcement))
        for a in _values(AnnounceAction)
    ]
    buttons += [
        SurveyAdminCb(action=SurveyAdminAction(a), survey_id=survey, arg=arg)
        for a in _values(SurveyAdminAction)
        for arg in ("", str(course), "all", "0")
    ]
    return buttons


async def test_every_organiser_command_is_unknown_to_others(make_chatter, db, organiser_data):
    stranger = make_chatter(STRANGER, name="Stranger")
    await stranger.send("/start")
    before = await snapshot(db)
    unknown = (await stranger.send("/nosuchcommand"))[0].text
    for command in ORGANISER_COMMANDS:
        for text in (f"/{command}", f"/{command} template", f"/{command} 1\ntitle_en: x"):
            replies = await stranger.send(text)
            assert [r.text for r in replies] == [unknown], text
    assert await snapshot(db) == before


async def test_every_organiser_button_is_out_of_date_for_others(make_chatter, db, organiser_data):
    stranger = make_chatter(STRANGER, name="Stranger")
    await stranger.send("/start")
    before = await snapshot(db)
    pressed = 0
    for button in organiser_buttons(organiser_data):
        replies = await stranger.press(button.pack())
        assert len(replies) == 1, (button, replies)
        (answer,) = replies
        assert isinstance(answer, AnswerCallbackQuery), button
        assert answer.text == "This button is out of date. Send /start to see the menu again."
        pressed += 1
    assert pressed > 60  # every action of every organiser button family
    assert await snapshot(db) == before


# -- issue 14: focal points' buttons -----------------------------------------------------------

OUT_OF_DATE = "This button is out of date. Send /start to see the menu again."


@pytest.fixture
async def nominations_data(make_chatter, db):
    """A nomination course; a focal point for Azerbaijan who nominated one of its officers; a
    Georgian officer nominated by Georgia's focal point."""
    course_id = await publish_course(db, "Secret nomination course", days=9)
    await db.write("UPDATE courses SET signup_mode = 'nomination' WHERE id = ?", (course_id,))
    await make_chatter(ORGANISER_ID, name="Olena").send("/start")
    for user_id, country in (
        (FOCAL_POINT, "az"),
        (STRANGER, "az"),
        (GEORGIAN_OFFICER, "ge"),
        (558, "ge"),
        (559, "az"),
    ):
        await complete_profile(db, user_id)
        await UserRepository(db).set_country(user_id, country, None)
    nominations = make_chatter(ORGANISER_ID).dp["nominations"]
    await nominations.appoint(ORGANISER_ID, "az", FOCAL_POINT)
    await nominations.appoint(ORGANISER_ID, "ge", 558)
    await nominations.nominate(FOCAL_POINT, course_id, 559)
    await nominations.nominate(558, course_id, GEORGIAN_OFFICER)
    return course_id


def focal_point_buttons(course_id: int, officers: tuple[int, ...], countries: tuple[str, ...]):
    return [
        FocalCb(action=FocalAction(a), course_id=course_id, officer_id=officer, country=country)
        for a in _values(FocalAction)
        for officer in officers
        for country in countries
    ]


async def _press_all_out_of_date(chatter, buttons) -> int:
    for button in buttons:
        replies = await chatter.press(button.pack())
        assert len(replies) == 1, (button, replies)
        (answer,) = replies
        assert isinstance(answer, AnswerCallbackQuery), button
        assert answer.text == OUT_OF_DATE, button
    return len(buttons)


async def test_an_officer_pressing_focal_point_or_appointment_buttons_changes_nothing(
    make_chatter, db, nominations_data
):
    officer = make_chatter(STRANGER, name="Stranger")
    before = await snapshot(db)
    forged = focal_point_buttons(nominations_data, (559, STRANGER), ("", "az"))
    forged += [
        FocalAdminCb(action=FocalAdminAction(a), country="az", user_id=STRANGER)
        for a in _values(FocalAdminAction)
    ]
    assert await _press_all_out_of_date(officer, forged) > 30
    assert await snapshot(db) == before


async def test_a_focal_point_cannot_nominate_or_withdraw_another_countrys_officer(
    make_chatter, db, nominations_data
):
    focal_point = make_chatter(FOCAL_POINT, name="Aysel")
    before = await snapshot(db)
    forged = focal_point_buttons(nominations_data, (GEORGIAN_OFFICER,), ("ge",))
    forged += [
        FocalCb(
            action=action, course_id=nominations_data, officer_id=GEORGIAN_OFFICER, country="az"
        )
        for action in (FocalAction.NOMINATE, FocalAction.WITHDRAW, FocalAction.WITHDRAW_YES)
    ]
    assert await _press_all_out_of_date(focal_point, forged) == len(FocalAction) + 3
    assert await snapshot(db) == before
