"""Issue 14, nominations through the production Dispatcher: organisers appoint focal points
(/focalpoints), focal points nominate (/nominate), officers answer and ask."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    SendDocument,
    SendMessage,
    SetMyCommands,
)
from aiogram.types import BotCommandScopeChat

from bot.errors import NotAllowed
from bot.services.quotas import parse_quotas
from bot.ui.callbacks import (
    CountryCb,
    CourseAction,
    CourseCb,
    FocalAction,
    FocalAdminAction,
    FocalAdminCb,
    FocalCb,
    LanguageCb,
    NomineeAction,
    NomineeCb,
)
from storage.courses import CourseRepository, CourseStatus
from storage.registrations import RegistrationRepository, RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import Chatter, buttons, press_under_question, texts

FOCAL_AZ = 601
FOCAL_GE = 602
OFFICER_AZ = 701
OFFICER_AZ2 = 702
OFFICER_GE = 711


async def nomination_course(
    db: Any, title: str = "Transit security", capacity: int | None = 4, quotas: str = "AZ 1, GE 1"
) -> int:
    now = datetime.now(UTC)
    repo = CourseRepository(db)
    course = await repo.create(
        {
            "title_en": title,
            "title_ru": f"{title} (RU)",
            "description_en": "Transit procedures.",
            "description_ru": "Транзитные процедуры.",
            "starts_at": now + timedelta(days=20),
            "ends_at": now + timedelta(days=20, hours=8),
            "deadline_at": now + timedelta(days=10),
            "timezone": "Asia/Baku",
            "venue": "Baku",
            "capacity": capacity,
            "language": "en",
            "signup_mode": "nomination",
            "quotas": parse_quotas(quotas).to_json(),
        },
        created_by=ORGANISER_ID,
    )
    await repo.set_status(course.id, CourseStatus.PUBLISHED)
    return course.id


async def profile(db: Any, user_id: int, country: str, name: str, username: str = "") -> None:
    users = UserRepository(db)
    await users.upsert_seen(user_id, "en")
    await users.set_language(user_id, "en")
    await users.record_consent(user_id)
    for field, value in (
        ("full_name", name),
        ("organisation", "Customs"),
        ("position", "Inspector"),
    ):
        await users.set_profile_field(user_id, field, value)
    await users.set_country(user_id, country, "Asia/Baku")
    if username:
        await users.touch(user_id, "en", username)


def person(make_chatter: Any, user_id: int, name: str, username: str | None = None) -> Chatter:
    chatter: Chatter = make_chatter(user_id, name=name)
    if username:
        chatter.user = chatter.user.model_copy(update={"username": username})
    return chatter


async def status_of(db: Any, course_id: int, user_id: int) -> RegStatus | None:
    registration = await RegistrationRepository(db).get(course_id, user_id)
    return registration.status if registration else None


def sent_text(requests: list[Any]) -> str:
    return "\n".join(texts(requests))


def last_message(requests: list[Any]) -> Any:
    """The last message sent or edited: the screen the user now sees."""
    return [r for r in requests if isinstance(r, (SendMessage, EditMessageText))][-1]


def alert(requests: list[Any]) -> str:
    return next(r.text for r in requests if isinstance(r, AnswerCallbackQuery) and r.text)


def chat_menu(requests: list[Any], chat_id: int) -> set[str]:
    menus = [
        r
        for r in requests
        if isinstance(r, SetMyCommands)
        and isinstance(r.scope, BotCommandScopeChat)
        and r.scope.chat_id == chat_id
    ]
    assert menus, "no command menu set for the chat"
    return {c.command for c in menus[-1].commands}


@pytest.fixture
async def people(make_chatter, db) -> dict[str, Chatter]:
    await profile(db, ORGANISER_ID, "md", "Olena Organiser", "olena")
    await profile(db, FOCAL_AZ, "az", "Aysel Focal", "aysel_fp")
    await profile(db, FOCAL_GE, "ge", "Giorgi Focal", "giorgi_fp")
    await profile(db, OFFICER_AZ, "az", "Rashad Aliyev", "rashad")
    await profile(db, OFFICER_AZ2, "az", "Leyla Mammadova")
    await profile(db, OFFICER_GE, "ge", "Nino Beridze")
    return {
        "organiser": person(make_chatter, ORGANISER_ID, "Olena", "olena"),
        "focal_az": person(make_chatter, FOCAL_AZ, "Aysel", "aysel_fp"),
        "focal_ge": person(make_chatter, FOCAL_GE, "Giorgi", "giorgi_fp"),
        "officer_az": person(make_chatter, OFFICER_AZ, "Rashad", "rashad"),
        "officer_az2": person(make_chatter, OFFICER_AZ2, "Leyla"),
        "officer_ge": person(make_chatter, OFFICER_GE, "Nino"),
    }


def country_button(code: str) -> str:
    """A country button of the appointment dialog."""
    return FocalAdminCb(action=FocalAdminAction.COUNTRY, country=code).pack()


async def appoint(chatter: Chatter, country: str, user_id: int) -> None:
    assert await chatter.dp["nominations"].appoint(ORGANISER_ID, country, user_id)


# -- /focalpoints ------------------------------------------------------------------------------


async def test_organiser_appoints_a_focal_point_picked_from_the_countrys_officers(people):
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    assert "No national focal points have been appointed yet" in first.text
    asked = last_message(await organiser.press(buttons(first)["➕ Appoint a focal point"]))
    assert asked.text == "Which country will the new national focal point represent?"
    assert "Azerbaijan" in buttons(asked) and "✖️ Cancel" in buttons(asked)
    question = last_message(await press_under_question(organiser, country_button("az")))
    assert question.text.startswith("Who is the national focal point for Azerbaijan? Forward")
    assert {"Aysel Focal", "Rashad Aliyev", "Leyla Mammadova"} <= set(buttons(question))
    assert "Nino Beridze" not in buttons(question)  # Georgia's
    sent = await press_under_question(organiser, buttons(question)["Aysel Focal"])
    reply = last_message(sent)
    assert reply.text.startswith(
        "✅ Aysel Focal (@aysel_fp) is now national focal point for Azerbaijan."
    )
    assert "<b>Azerbaijan</b>: Aysel Focal (@aysel_fp)" in reply.text
    assert "✖️ Azerbaijan: Aysel Focal" in buttons(reply)
    assert "nominate" in chat_menu(sent, FOCAL_AZ)
    assert await organiser.dp["nominations"].countries_of(FOCAL_AZ) == ["az"]


async def test_organiser_appoints_by_username_or_forwarded_message(people, db):
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    await organiser.press(buttons(first)["➕ Appoint a focal point"])
    await press_under_question(organiser, country_button("ge"))
    unknown = await organiser.send("@nobody_here")
    assert "This person has no profile in the bot yet" in sent_text(unknown)
    done = await organiser.send("@Giorgi_FP")
    assert "Giorgi Focal (@giorgi_fp) is now national focal point for Georgia" in sent_text(done)

    first = (await organiser.send("/focalpoints"))[-1]
    await organiser.press(buttons(first)["➕ Appoint a focal point"])
    await press_under_question(organiser, country_button("az"))
    forwarded = organiser._message(
        text="hello",
        forward_origin={
            "type": "user",
            "date": 1,
            "sender_user": {"id": OFFICER_AZ, "is_bot": False, "first_name": "Rashad"},
        },
    )
    done = await organiser.feed(forwarded)
    assert "Rashad Aliyev (@rashad) is now national focal point for Azerbaijan" in sent_text(done)


async def test_country_buttons_of_the_appointment_never_change_the_organisers_own_country(
    people, db
):
    """Review of issue 14: the appointment reused the profile's country buttons, so an old
    one changed the organiser's profile country."""
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    asked = last_message(await organiser.press(buttons(first)["➕ Appoint a focal point"]))
    assert buttons(asked)["Georgia"] == country_button("ge")
    turn = buttons(asked)["Other countries ›"]
    turned = await press_under_question(organiser, turn)
    other_page = next(r for r in turned if isinstance(r, EditMessageReplyMarkup))
    assert "Georgia" not in buttons(other_page) and "✖️ Cancel" in buttons(other_page)
    await press_under_question(organiser, country_button("az"))
    # A profile's country button left in the chat, pressed outside the profile's question.
    sent = await organiser.press(CountryCb(code="ge").pack())
    assert "out of date" in alert(sent)
    user = await UserRepository(db).get(ORGANISER_ID)
    assert user is not None and user.country == "md"


async def test_focalpoints_closes_the_appointment_question_left_open(people):
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    await organiser.press(buttons(first)["➕ Appoint a focal point"])
    sent = await organiser.send("/focalpoints")
    closed = [r for r in sent if isinstance(r, EditMessageReplyMarkup)]
    assert closed and closed[0].reply_markup is None
    assert "National focal points" in sent_text(sent)


async def test_a_forwarded_message_of_a_hidden_account_asks_for_the_username(people):
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    await organiser.press(buttons(first)["➕ Appoint a focal point"])
    await press_under_question(organiser, country_button("az"))
    hidden = organiser._message(
        text="hello",
        forward_origin={"type": "hidden_user", "date": 1, "sender_user_name": "Rashad"},
    )
    reply = sent_text(await organiser.feed(hidden))
    assert "hide who they are in forwarded messages" in reply
    assert "Send their @username instead, or pick them below" in reply
    assert await organiser.dp["nominations"].countries_of(OFFICER_AZ) == []


async def test_removing_a_focal_point_asks_first_and_takes_nominate_from_their_menu(people):
    organiser = people["organiser"]
    await appoint(organiser, "az", FOCAL_AZ)
    listing = (await organiser.send("/focalpoints"))[-1]
    assert "<b>Azerbaijan</b>: Aysel Focal (@aysel_fp)" in listing.text
    asked = last_message(await organiser.press(buttons(listing)["✖️ Azerbaijan: Aysel Focal"]))
    assert asked.text.startswith(
        "Remove Aysel Focal (@aysel_fp) as national focal point for Azerbaijan?"
    )
    assert await organiser.dp["nominations"].countries_of(FOCAL_AZ) == ["az"]
    sent = await organiser.press(buttons(asked)["✖️ Yes, remove"])
    assert "Aysel Focal (@aysel_fp) is no longer national focal point for Azerbaijan" in sent_text(
        sent
    )
    assert "nominate" not in chat_menu(sent, FOCAL_AZ)
    assert await organiser.dp["nominations"].countries_of(FOCAL_AZ) == []


# -- /nominate ---------------------------------------------------------------------------------


async def test_nominate_is_an_unknown_command_for_anyone_but_a_focal_point(people):
    reply = await people["officer_az"].send("/nominate")
    assert texts(reply) == [(await people["officer_az"].send("/nosuchcommand"))[0].text]


async def test_focal_point_sees_the_quota_and_nominates_beyond_it_to_the_reserve(people, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    listing = (await focal.send("/nominate"))[-1]
    assert "Courses open for nomination</b> (Azerbaijan): 1" in listing.text
    (course_button,) = [label for label in buttons(listing) if "Transit security" in label]
    screen = last_message(await focal.press(buttons(listing)[course_button]))
    assert "Azerbaijan: 0 of 1 seat taken, 0 on the reserve list" in screen.text
    assert "You have not nominated anyone" in screen.text
    pick = last_message(await focal.press(buttons(screen)["➕ Nominate an officer"]))
    assert {"Rashad Aliyev", "Leyla Mammadova"} <= set(buttons(pick))
    sent = await focal.press(buttons(pick)["Rashad Aliyev"])
    assert alert(sent) == "Rashad Aliyev is nominated. A seat is held until they answer."
    screen = last_message(sent)
    assert "Azerbaijan: 1 of 1 seat taken, 0 on the reserve list" in screen.text
    assert "1. Rashad Aliyev — nominated, answer awaited" in screen.text
    pick = last_message(await focal.press(buttons(screen)["➕ Nominate an officer"]))
    assert "Rashad Aliyev" not in buttons(pick)  # placed already
    sent = await focal.press(buttons(pick)["Leyla Mammadova"])
    assert alert(sent).endswith("Leyla Mammadova is on its reserve list, No. 1.")
    assert "2. Leyla Mammadova — reserve list, No. 1" in last_message(sent).text
    assert "1 on the reserve list" in last_message(sent).text
    assert await status_of(db, course_id, OFFICER_AZ2) == RegStatus.RESERVE


async def test_focal_point_withdraws_a_nominee_after_confirming(people, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    await focal.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ)
    await focal.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ2)
    screen = last_message(
        await focal.press(
            FocalCb(action=FocalAction.COURSE, course_id=course_id, country="az").pack()
        )
    )
    asked = last_message(await focal.press(buttons(screen)["✖️ Withdraw Rashad Aliyev"]))
    assert asked.text.startswith(
        "Withdraw the nomination of Rashad Aliyev for “Transit security”?"
    )
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.NOMINATED
    sent = await focal.press(buttons(asked)["✖️ Yes, withdraw"])
    # Withdrawn: left out of the course screen (nothing more to do about them).
    assert "Rashad Aliyev" not in last_message(sent).text
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.CANCELLED
    # The seat went on to the reserve list, asked again "Will you attend?".
    assert await status_of(db, course_id, OFFICER_AZ2) == RegStatus.NOMINATED


async def test_the_invitation_link_opens_the_bot_with_the_token(people, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    sent = await focal.press(
        FocalCb(action=FocalAction.INVITE, course_id=course_id, country="az").pack()
    )
    text = last_message(sent).text
    assert "https://t.me/courses_test_bot?start=n" in text
    assert "It works only for officers of Azerbaijan." in text


async def test_a_focal_point_of_several_countries_chooses_the_country_first(people, db):
    await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    await appoint(focal, "ge", FOCAL_AZ)
    first = (await focal.send("/nominate"))[-1]
    assert first.text.startswith("You are national focal point for several countries.")
    assert set(buttons(first)) == {"Azerbaijan", "Georgia"}
    listing = last_message(await focal.press(buttons(first)["Georgia"]))
    assert "(Georgia): 1" in listing.text and "‹ Countries" in buttons(listing)


# -- officers ----------------------------------------------------------------------------------


async def test_nominee_will_attend_and_gets_the_calendar_file(people, db):
    course_id = await nomination_course(db)
    officer = people["officer_az"]
    await appoint(officer, "az", FOCAL_AZ)
    await officer.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ)
    card = last_message(
        await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    )
    assert "You are nominated: a seat is held for you" in card.text
    # The card says until when, as the notice does (the seat goes on without an answer).
    assert "Please answer by " in card.text
    assert {"✅ I will attend", "✖️ I can't attend"} <= set(buttons(card))
    sent = await officer.press(buttons(card)["✅ I will attend"])
    (document,) = [r for r in sent if isinstance(r, SendDocument)]
    assert document.caption.startswith("✅ You are signed up for “Transit security”.")
    assert document.document.filename.endswith(".ics")
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.CONFIRMED


async def test_nominee_who_cannot_attend_is_thanked_and_the_reserve_moves_up(people, db):
    course_id = await nomination_course(db)
    officer = people["officer_az"]
    await appoint(officer, "az", FOCAL_AZ)
    await officer.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ)
    await officer.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ2)
    sent = await officer.press(NomineeCb(action=NomineeAction.CANNOT, course_id=course_id).pack())
    assert (
        "Thank you. We have told your national focal point that you cannot attend"
        " “Transit security”." in sent_text(sent)
    )
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.DECLINED
    assert await status_of(db, course_id, OFFICER_AZ2) == RegStatus.NOMINATED
    # A second press finds nothing to answer.
    again = await officer.press(NomineeCb(action=NomineeAction.CANNOT, course_id=course_id).pack())
    assert "No nomination is waiting for your answer" in alert(again)


async def test_the_card_names_the_focal_point_and_the_officer_asks_them(people, db):
    course_id = await nomination_course(db)
    officer = people["officer_az"]
    await appoint(officer, "az", FOCAL_AZ)
    card = last_message(
        await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    )
    assert "To take part, you need to be nominated by your country." in card.text
    assert "Your national focal point: Aysel Focal (@aysel_fp)" in card.text
    assert "✍️ Sign up" not in buttons(card)
    sent = await officer.press(buttons(card)["🙋 Ask to be nominated"])
    assert "Your request has been sent to Aysel Focal (@aysel_fp)." in sent_text(sent)
    asked = await db.fetch_all("SELECT user_id FROM outbox WHERE kind = 'nomination_asked'")
    assert [row[0] for row in asked] == [FOCAL_AZ]


async def test_an_officer_of_a_country_without_focal_point_is_told_whom_to_contact(people, db):
    course_id = await nomination_course(db)
    officer = people["officer_ge"]
    card = last_message(
        await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    )
    assert (
        "Georgia has no national focal point yet. Please contact the organisers:"
        " Olena Organiser (@olena)" in card.text
    )
    assert "🙋 Ask to be nominated" not in buttons(card)


async def test_an_officer_opening_an_invitation_link_takes_the_seat(people, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    invite = await focal.dp["nominations"].invite(FOCAL_AZ, course_id, "az")
    officer = people["officer_az"]
    shown = last_message(await officer.send(f"/start n{invite.token}"))
    assert shown.text.startswith("🏛 Aysel Focal (@aysel_fp) invites you to this course:")
    assert "Transit security" in shown.text
    sent = await officer.press(buttons(shown)["✅ I will attend"])
    (document,) = [r for r in sent if isinstance(r, SendDocument)]
    assert document.caption.startswith("✅ You are signed up for “Transit security”.")
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.CONFIRMED
    # The quota (AZ 1) is used: the next officer by the link goes to the reserve list.
    shown = last_message(await people["officer_az2"].send(f"/start n{invite.token}"))
    sent = await people["officer_az2"].press(buttons(shown)["✅ I will attend"])
    assert (
        "you are on the reserve list of Azerbaijan. Your number on the reserve list: 1."
        in sent_text(sent)
    )


async def test_an_invitation_for_another_country_says_whose_it_is(people, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    invite = await focal.dp["nominations"].invite(FOCAL_AZ, course_id, "az")
    sent = await people["officer_ge"].send(f"/start n{invite.token}")
    assert texts(sent) == [
        "This invitation is for officers of Azerbaijan only. Please ask your own country’s"
        " national focal point."
    ]
    assert not any(buttons(r) for r in sent)


async def test_an_invitation_waits_for_the_profile_and_comes_again(people, make_chatter, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    invite = await focal.dp["nominations"].invite(FOCAL_AZ, course_id, "az")
    newcomer = make_chatter(801, name="Elvin")
    users = UserRepository(db)
    await users.upsert_seen(801, "en")
    await users.set_language(801, "en")
    await users.record_consent(801)
    await users.set_profile_field(801, "full_name", "Elvin Guliyev")
    await users.set_profile_field(801, "organisation", "Customs")
    await users.set_country(801, "az", "Asia/Baku")
    shown = last_message(await newcomer.send(f"/start n{invite.token}"))
    sent = await newcomer.press(buttons(shown)["✅ I will attend"])
    assert "please fill in your profile first" in sent_text(sent)
    assert await status_of(db, course_id, 801) is None
    await newcomer.send("Senior inspector")  # the position, then the optional e-mail
    done = await newcomer.send("elvin@customs.gov.az")
    again = [r for r in done if isinstance(r, SendMessage) and "invites you" in r.text]
    assert again and "✅ I will attend" in buttons(again[-1])
    sent = await newcomer.press(buttons(again[-1])["✅ I will attend"])
    assert await status_of(db, course_id, 801) == RegStatus.CONFIRMED


async def test_an_appointed_focal_point_keeps_nominate_in_the_menu_after_a_language_change(
    people,
):
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    sent = await focal.press(LanguageCb(code="ru").pack())
    assert "nominate" in chat_menu(sent, FOCAL_AZ)


async def test_nominate_under_an_officers_request_nominates_and_closes_the_buttons(people, db):
    course_id = await nomination_course(db)
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    asked = await people["officer_az"].press(
        NomineeCb(action=NomineeAction.ASK, course_id=course_id).pack()
    )
    assert "Your request has been sent to Aysel Focal (@aysel_fp)." in sent_text(asked)
    # The notice's button, as the delivery worker builds it.
    sent = await focal.press(
        FocalCb(action=FocalAction.NOMINATE, course_id=course_id, officer_id=OFFICER_AZ).pack()
    )
    assert alert(sent) == "Rashad Aliyev is nominated. A seat is held until they answer."
    # Answered exactly once: Telegram refuses a second answer to the same press.
    assert len([r for r in sent if isinstance(r, AnswerCallbackQuery)]) == 1
    assert any(isinstance(r, EditMessageReplyMarkup) and r.reply_markup is None for r in sent)
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.NOMINATED


async def test_a_nominee_beyond_a_full_course_is_said_to_be_on_its_waiting_list(
    people, make_chatter, db
):
    """Review of issue 14: a full nomination course puts nominees on its waiting list, but the
    focal point read "A seat is held" and the invited officer "reserve list"."""
    course_id = await nomination_course(db, capacity=1, quotas="AZ 2")
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    await focal.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ)
    sent = await focal.press(
        FocalCb(
            action=FocalAction.NOMINATE, course_id=course_id, officer_id=OFFICER_AZ2, country="az"
        ).pack()
    )
    assert alert(sent) == "The course is full: Leyla Mammadova is on its waiting list (place 1)."
    assert await status_of(db, course_id, OFFICER_AZ2) == RegStatus.WAITLISTED
    await profile(db, 703, "az", "Elvin Guliyev")
    invite = await focal.dp["nominations"].invite(FOCAL_AZ, course_id, "az")
    elvin = person(make_chatter, 703, "Elvin")
    shown = last_message(await elvin.send(f"/start n{invite.token}"))
    sent = await elvin.press(buttons(shown)["✅ I will attend"])
    assert "“Transit security” is full for now, so you are on its waiting list (place 2)" in (
        sent_text(sent)
    )
    assert "reserve" not in sent_text(sent)
    assert await status_of(db, course_id, 703) == RegStatus.WAITLISTED


async def test_a_message_forwarded_from_a_channel_is_not_a_person(people):
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    await organiser.press(buttons(first)["➕ Appoint a focal point"])
    await press_under_question(organiser, country_button("az"))
    forwarded = organiser._message(
        text="news",
        forward_origin={
            "type": "channel",
            "date": 1,
            "chat": {"id": -100123, "type": "channel", "title": "Customs news"},
            "message_id": 5,
        },
    )
    reply = sent_text(await organiser.feed(forwarded))
    assert "This message was not forwarded from a person." in reply


async def test_an_old_pick_of_another_countrys_list_appoints_nobody(people):
    organiser = people["organiser"]
    first = (await organiser.send("/focalpoints"))[-1]
    await organiser.press(buttons(first)["➕ Appoint a focal point"])
    await press_under_question(organiser, country_button("az"))
    forged = FocalAdminCb(action=FocalAdminAction.PICK, country="ge", user_id=FOCAL_GE)
    sent = await press_under_question(organiser, forged.pack())
    assert alert(sent) == "This button is out of date. Send /start to see the menu again."
    assert await organiser.dp["nominations"].countries_of(FOCAL_GE) == []


async def test_help_lists_nominate_for_focal_points_only(people):
    focal = people["focal_az"]
    assert "/nominate" not in sent_text(await focal.send("/help"))
    await appoint(focal, "az", FOCAL_AZ)
    assert "<b>For national focal points</b>\n/nominate" in sent_text(await focal.send("/help"))
    assert "/focalpoints" in sent_text(await people["organiser"].send("/help"))


def card_request(course_id: int) -> str:
    return CourseCb(action=CourseAction.VIEW, course_id=course_id).pack()


async def test_a_waitlisted_nominee_sees_the_place_and_can_leave_the_waiting_list(people, db):
    """Review of issue 14: the nomination card had nothing for the waiting list."""
    course_id = await nomination_course(db, capacity=1, quotas="AZ 2")
    officer = people["officer_az2"]
    await appoint(officer, "az", FOCAL_AZ)
    await officer.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ)
    await officer.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ2)
    card = last_message(await officer.press(card_request(course_id)))
    assert "The course is full for now: you are on its waiting list (place 1)." in card.text
    asked = last_message(await officer.press(buttons(card)["Leave the waiting list"]))
    sent = await officer.press(buttons(asked)["Yes, leave the waiting list"])
    assert await status_of(db, course_id, OFFICER_AZ2) == RegStatus.CANCELLED
    assert alert(sent)


async def test_an_officer_removed_by_the_organisers_reads_a_neutral_line_and_the_reason(
    people, db
):
    """Review of issue 14: a removed officer read "You answered that you cannot attend" and
    was offered to ask their focal point again."""
    course_id = await nomination_course(db)
    officer = people["officer_az"]
    await appoint(officer, "az", FOCAL_AZ)
    await officer.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ)
    await officer.dp["decisions"].remove(ORGANISER_ID, course_id, OFFICER_AZ, "Wrong unit")
    card = last_message(await officer.press(card_request(course_id)))
    assert "You are not taking part in this course.\nReason: Wrong unit" in card.text
    assert "You answered that you cannot attend" not in card.text
    assert "Your national focal point: Aysel Focal (@aysel_fp)" in card.text
    assert "🙋 Ask my focal point to nominate me" not in buttons(card)


def course_screen_cb(course_id: int, page: int = 0) -> str:
    return FocalCb(action=FocalAction.COURSE, course_id=course_id, country="az", page=page).pack()


async def test_a_forged_course_button_on_an_open_course_shows_no_names(people, db):
    """Review of issue 14: FocalCb COURSE naming an open course listed its officers."""
    course_id = await nomination_course(db)
    await CourseRepository(db).update(course_id, {"signup_mode": "open"}, bump_revision=False)
    await RegistrationRepository(db).place(
        course_id, OFFICER_AZ, RegStatus.CONFIRMED, datetime.now(UTC), "az"
    )
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    sent = await focal.press(course_screen_cb(course_id))
    assert "out of date" in alert(sent)
    assert "Rashad" not in sent_text(sent)
    with pytest.raises(NotAllowed):
        await focal.dp["nominations"].nominees(FOCAL_AZ, course_id)


async def test_withdraw_is_offered_and_done_only_for_the_focal_points_nominations(people, db):
    """Review of issue 14: an officer placed by the organisers showed a Withdraw button."""
    course_id = await nomination_course(db, quotas="AZ 3")
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    await focal.dp["nominations"].nominate(FOCAL_AZ, course_id, OFFICER_AZ2)
    await focal.dp["decisions"].add(ORGANISER_ID, course_id, OFFICER_AZ, RegStatus.CONFIRMED)
    screen = last_message(await focal.press(course_screen_cb(course_id)))
    assert "Rashad Aliyev" in screen.text
    assert "✖️ Withdraw Leyla Mammadova" in buttons(screen)
    assert "✖️ Withdraw Rashad Aliyev" not in buttons(screen)
    for action in (FocalAction.WITHDRAW, FocalAction.WITHDRAW_YES):
        forged = FocalCb(action=action, course_id=course_id, officer_id=OFFICER_AZ, country="az")
        sent = await focal.press(forged.pack())
        assert "out of date" in alert(sent)
    assert await status_of(db, course_id, OFFICER_AZ) == RegStatus.CONFIRMED


async def test_the_focal_points_course_screen_pages_its_nominees(people, db):
    course_id = await nomination_course(db, capacity=None, quotas="AZ 30")
    focal = people["focal_az"]
    await appoint(focal, "az", FOCAL_AZ)
    for number in range(12):
        await profile(db, 900 + number, "az", f"Officer {number:02}")
        await focal.dp["nominations"].nominate(FOCAL_AZ, course_id, 900 + number)
    await focal.dp["nominations"].withdraw(FOCAL_AZ, course_id, 900)
    first = last_message(await focal.press(course_screen_cb(course_id)))
    assert "Officer 00" not in first.text  # withdrawn: left out
    assert "1. Officer 01" in first.text and "10. Officer 10" in first.text
    assert "Officer 11" not in first.text and "Next ›" in buttons(first)
    second = last_message(await focal.press(buttons(first)["Next ›"]))
    assert "11. Officer 11" in second.text and "Officer 10" not in second.text
    assert "✖️ Withdraw Officer 11" in buttons(second)


async def test_focalpoints_pages_a_long_list(people, db):
    organiser = people["organiser"]
    for number in range(12):
        await profile(db, 950 + number, "az", f"Focal {number:02}")
        await appoint(organiser, "az", 950 + number)
    first = (await organiser.send("/focalpoints"))[-1]
    assert "Focal 09" in first.text and "Focal 10" not in first.text
    assert "✖️ Azerbaijan: Focal 09" in buttons(first) and "➕ Appoint a focal point" in buttons(
        first
    )
    second = last_message(await organiser.press(buttons(first)["Next ›"]))
    assert "Focal 11" in second.text and "Focal 09" not in second.text
    asked = last_message(await organiser.press(buttons(second)["✖️ Azerbaijan: Focal 11"]))
    back = last_message(await organiser.press(buttons(asked)[list(buttons(asked))[-1]]))
    assert "Focal 11" in back.text  # back on the page it came from
