"""For every organiser command and every organiser button: someone not in ADMIN_IDS gets
nothing done and nothing revealed — the same answer as for an unknown command or an old
button, and the database (apart from their own user row) unchanged."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pytest
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery, TelegramMethod

from bot.commands import ORGANISER_COMMANDS
from bot.services.quotas import parse_quotas
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
    NomineeAction,
    NomineeCb,
    RequestAction,
    RequestCb,
    RosterAction,
    RosterCb,
    StatsCb,
    SurveyAdminAction,
    SurveyAdminCb,
)
from storage.courses import CourseRepository
from storage.database import Database
from storage.focal_points import FocalPointRepository
from storage.registrations import RegistrationRepository, RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons
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
    # Issue 14: decisions on requests for a seat (any id: the press must not reach a handler).
    buttons += [
        RequestCb(action=RequestAction(a), registration_id=rid, page=1)
        for a in _values(RequestAction)
        for rid in (1, course)
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


# -- issue 14: requests, nominations, focal points and the participants screen ----------------

OUT_OF_DATE = "This button is out of date. Send /start to see the menu again."
AZ_FOCAL_POINT, GE_FOCAL_POINT = 811, 812
AZ_OFFICER, GE_OFFICER, GE_NOMINEE = 821, 822, 823
# Names that only organisers (and each country's own focal point) may see.
SECRET_NAMES = ("Beridze Nino", "Kapanadze Giorgi", "Aliyev Rashad", "Focal Point GE")


async def _officer(db: Database, user_id: int, country: str, name: str) -> None:
    await complete_profile(db, user_id)
    users = UserRepository(db)
    await users.set_profile_field(user_id, "full_name", name)
    await users.set_country(user_id, country, None)


@pytest.fixture
async def seat_data(db: Database) -> dict[str, object]:
    """An approval course with a request waiting, and a nomination course with quotas where
    Georgia's focal point has nominated an officer and holds an invitation link."""
    approval = await publish_course(db, "Secret approval course", days=8)
    nomination = await publish_course(db, "Secret nomination course", days=9)
    courses = CourseRepository(db)
    await courses.update(approval, {"signup_mode": "approval"}, bump_revision=False)
    quotas = parse_quotas("AZ 2, GE 2").to_json()
    await courses.update(
        nomination, {"signup_mode": "nomination", "quotas": quotas}, bump_revision=False
    )
    stored = await courses.get(nomination)
    assert stored is not None and stored.quotas == quotas
    await _officer(db, AZ_FOCAL_POINT, "az", "Focal Point AZ")
    await _officer(db, GE_FOCAL_POINT, "ge", "Focal Point GE")
    await _officer(db, AZ_OFFICER, "az", "Aliyev Rashad")
    await _officer(db, GE_OFFICER, "ge", "Beridze Nino")
    await _officer(db, GE_NOMINEE, "ge", "Kapanadze Giorgi")
    focal_points = FocalPointRepository(db)
    await focal_points.appoint("az", AZ_FOCAL_POINT)
    await focal_points.appoint("ge", GE_FOCAL_POINT)
    registrations = RegistrationRepository(db)
    now = datetime.now(UTC)
    request = await registrations.place(approval, AZ_OFFICER, RegStatus.PENDING, now, "az")
    assert request is not None
    await registrations.place(
        nomination, GE_NOMINEE, RegStatus.NOMINATED, now, "ge", nominated_by=GE_FOCAL_POINT
    )
    invite = await focal_points.invite(nomination, GE_FOCAL_POINT, "ge")
    return {
        "approval": approval,
        "nomination": nomination,
        "request": request.id,
        "token": invite.token,
    }


def _revealed(replies: list[TelegramMethod[Any]]) -> list[str]:
    """Every text and button label a reply shows."""
    shown = []
    for reply in replies:
        shown.append(str(getattr(reply, "text", "") or ""))
        shown += list(buttons(reply))
    return [text for text in shown if any(name in text for name in SECRET_NAMES)]


def seat_organiser_buttons(data: dict[str, Any]) -> list[CallbackData]:
    """Every organiser button of issue 14, aimed at real requests, people and focal points."""
    approval, nomination, request = data["approval"], data["nomination"], data["request"]
    found: list[CallbackData] = [
        RequestCb(action=a, registration_id=request, page=0) for a in RequestAction
    ]
    found += [
        FocalAdminCb(action=a, country="ge", user_id=GE_FOCAL_POINT) for a in FocalAdminAction
    ]
    found += [
        RosterCb(action=a, course_id=course, user_id=person, arg=arg)
        for a in RosterAction
        for course, person in ((approval, AZ_OFFICER), (nomination, GE_NOMINEE))
        for arg in ("", "confirmed", "declined", "reserve")
    ]
    return found


def country_focal_point_buttons(
    data: dict[str, Any], country: str, officer: int
) -> list[CallbackData]:
    return [
        FocalCb(action=a, course_id=data["nomination"], officer_id=officer, country=country)
        for a in FocalAction
    ]


async def test_an_officer_pressing_organiser_seat_buttons_gets_nothing(
    make_chatter, db, seat_data
):
    """Approve, decline, the /requests inbox, appointing focal points and the participants
    screen: forged by an officer, each is out of date and changes nothing."""
    officer = make_chatter(GE_OFFICER, name="Nino")
    before = await snapshot(db)
    for button in seat_organiser_buttons(seat_data):
        replies = await officer.press(button.pack())
        assert [type(r) for r in replies] == [AnswerCallbackQuery], button
        assert replies[0].text == OUT_OF_DATE, button
    assert await snapshot(db) == before
    for command in ("/requests", "/focalpoints"):
        assert not _revealed(await officer.send(command))
    assert await snapshot(db) == before


async def test_an_officer_pressing_focal_point_buttons_gets_nothing(make_chatter, db, seat_data):
    officer = make_chatter(AZ_OFFICER, name="Rashad")
    before = await snapshot(db)
    for button in country_focal_point_buttons(
        seat_data, "ge", GE_NOMINEE
    ) + country_focal_point_buttons(seat_data, "az", AZ_OFFICER):
        replies = await officer.press(button.pack())
        assert replies and all(isinstance(r, AnswerCallbackQuery) for r in replies), button
        assert [r.text for r in replies if r.text] == [OUT_OF_DATE], button
    assert await snapshot(db) == before


async def test_a_focal_point_cannot_act_on_another_countrys_officers(make_chatter, db, seat_data):
    """Azerbaijan's focal point nominating, withdrawing, listing or inviting Georgia's
    officers: nothing changes, and no Georgian name or nominee is shown."""
    focal_point = make_chatter(AZ_FOCAL_POINT, name="Focal")
    before = await snapshot(db)
    for button in country_focal_point_buttons(
        seat_data, "ge", GE_NOMINEE
    ) + country_focal_point_buttons(seat_data, "ge", GE_OFFICER):
        replies = await focal_point.press(button.pack())
        assert replies, button
        # Their own country's screens may show; nothing of Georgia's.
        assert not _revealed(replies), button
    refused = (
        FocalAction.NOMINATE,
        FocalAction.WITHDRAW,
        FocalAction.WITHDRAW_YES,
        FocalAction.OFFICERS,
        FocalAction.INVITE,
    )
    for action in refused:
        button = FocalCb(
            action=action, course_id=seat_data["nomination"], officer_id=GE_NOMINEE, country="ge"
        )
        replies = await focal_point.press(button.pack())
        assert OUT_OF_DATE in [getattr(r, "text", None) for r in replies], action
    assert await snapshot(db) == before


async def test_an_officer_cannot_answer_or_take_up_someone_elses_nomination(
    make_chatter, db, seat_data
):
    """I will attend / I can't on a nomination of someone else, and Georgia's invitation
    link taken up by an Azerbaijani officer: nothing changes, nobody is named."""
    officer = make_chatter(AZ_OFFICER, name="Rashad")
    before = await snapshot(db)
    presses = [
        NomineeCb(action=NomineeAction.ATTEND, course_id=seat_data["nomination"]),
        NomineeCb(action=NomineeAction.CANNOT, course_id=seat_data["nomination"]),
        NomineeCb(action=NomineeAction.ATTEND, course_id=seat_data["approval"]),
        NomineeCb(action=NomineeAction.CANNOT, course_id=seat_data["approval"]),
        # Asking a focal point for a course that takes no nominations.
        NomineeCb(action=NomineeAction.ASK, course_id=seat_data["approval"]),
        NomineeCb(action=NomineeAction.ACCEPT_INVITE, token=str(seat_data["token"])),
        NomineeCb(action=NomineeAction.ACCEPT_INVITE, token="forged-token"),
    ]
    for button in presses:
        replies = await officer.press(button.pack())
        assert any(isinstance(r, AnswerCallbackQuery) for r in replies), button
        assert not _revealed(replies), button
    assert await snapshot(db) == before


# -- issue 14: focal points' buttons -----------------------------------------------------------


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
