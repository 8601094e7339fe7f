"""Requests for a seat (approval courses, issue 14) through the production Dispatcher: what the
officer's card and /my say at each status, and the organisers' /requests inbox and decisions,
including forged presses and two organisers deciding on the same request."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    SendMessage,
)

from bot.commands import commands
from bot.services.quotas import parse_quotas
from bot.ui.callbacks import (
    CourseAction,
    CourseCb,
    DialogAction,
    DialogCb,
    RequestAction,
    RequestCb,
)
from storage.courses import CourseRepository, CourseStatus, SignupMode
from storage.database import Database
from storage.registrations import RegistrationRepository, RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, press_under_question, texts
from tests.handlers.test_access import snapshot
from tests.handlers.test_courses import complete_profile

SECOND_ORGANISER = 900002


@pytest.fixture
def settings(settings):
    """Two organisers: both get every request and either may decide."""
    return settings.model_copy(update={"admin_ids": frozenset({ORGANISER_ID, SECOND_ORGANISER})})


async def approval_course(
    db: Database,
    capacity: int | None = 10,
    quotas: str | None = None,
    mode: SignupMode = SignupMode.APPROVAL,
) -> int:
    now = datetime.now(UTC)
    courses = CourseRepository(db)
    course = await courses.create(
        {
            "title_en": "Transit",
            "title_ru": "Транзит",
            "description_en": "Transit procedures.",
            "description_ru": "Транзитные процедуры.",
            "starts_at": now + timedelta(days=20),
            "ends_at": now + timedelta(days=20, hours=8),
            "deadline_at": now + timedelta(days=19),
            "timezone": "Europe/Chisinau",
            "venue": "Chisinau",
            "capacity": capacity,
            "language": "en",
            "signup_mode": mode.value,
            "quotas": parse_quotas(quotas).to_json() if quotas else None,
        },
        created_by=ORGANISER_ID,
    )
    await courses.set_status(course.id, CourseStatus.PUBLISHED)
    return course.id


async def officer(make_chatter, db: Database, user_id: int, language: str = "en"):
    """An officer from Moldova ("Ion <id>") with a complete profile, speaking `language`."""
    await complete_profile(db, user_id)
    await UserRepository(db).set_language(user_id, language)
    return make_chatter(user_id=user_id, language_code=language)


def sign_up(course_id: int) -> str:
    return CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()


def view(course_id: int) -> str:
    return CourseCb(action=CourseAction.VIEW, course_id=course_id).pack()


def request_cb(action: RequestAction, registration_id: int) -> str:
    return RequestCb(action=action, registration_id=registration_id).pack()


async def request_id(db: Database, course_id: int, user_id: int) -> int:
    registration = await RegistrationRepository(db).get(course_id, user_id)
    assert registration is not None
    return registration.id


async def ion_requests_a_seat(make_chatter, db: Database) -> tuple[int, int]:
    """An approval course and Ion 11's request for a seat on it: (course id, request id)."""
    course_id = await approval_course(db)
    await (await officer(make_chatter, db, 11)).press(sign_up(course_id))
    return course_id, await request_id(db, course_id, 11)


async def status(db: Database, course_id: int, user_id: int) -> RegStatus:
    registration = await RegistrationRepository(db).get(course_id, user_id)
    assert registration is not None
    return registration.status


async def notices(db: Database, user_id: int) -> list[tuple[str, dict]]:
    rows = await db.fetch_all(
        "SELECT kind, payload FROM outbox WHERE user_id = ? ORDER BY id", (user_id,)
    )
    return [(row["kind"], json.loads(row["payload"])) for row in rows]


def card_of(sent) -> EditMessageText:
    return next(r for r in sent if isinstance(r, EditMessageText))


def alert_of(sent) -> str:
    answer = next(r for r in sent if isinstance(r, AnswerCallbackQuery))
    return answer.text or ""


# -- the officer's side ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "button"), [("en", "📝 Request a seat"), ("ru", "📝 Подать заявку на место")]
)
async def test_an_approval_course_card_offers_to_request_a_seat_even_when_full(
    make_chatter, db, language, button
):
    course_id = await approval_course(db, capacity=1)
    await complete_profile(db, 77)
    await RegistrationRepository(db).place(
        course_id, 77, RegStatus.CONFIRMED, datetime.now(UTC), "md"
    )
    ion = await officer(make_chatter, db, 11, language)
    card = card_of(await ion.press(view(course_id)))
    assert next(iter(buttons(card))) == button
    # Nobody is invited to a waiting list the organisers decide on.
    assert "join the waiting list" not in card.text and "встать в лист" not in card.text


async def test_requesting_a_seat_says_the_organisers_decide_and_tells_every_organiser(
    make_chatter, db
):
    course_id = await approval_course(db)
    ion = await officer(make_chatter, db, 11)
    sent = await ion.press(sign_up(course_id))
    assert alert_of(sent) == (
        "📝 Your request has been sent to the organisers. We will tell you their decision."
    )
    card = card_of(sent)
    assert (
        "📝 Your request for a seat is with the organisers; we will tell you their decision"
        in card.text
    )
    assert "Withdraw my request" in buttons(card)
    assert "Can't attend? Cancel my place" not in buttons(card)
    assert await status(db, course_id, 11) == RegStatus.PENDING
    for organiser in (ORGANISER_ID, SECOND_ORGANISER):
        assert [kind for kind, _ in await notices(db, organiser)] == ["request"]


async def test_withdrawing_a_request_is_asked_and_said_in_words_for_a_request(make_chatter, db):
    course_id = await approval_course(db)
    ion = await officer(make_chatter, db, 11, "ru")
    await ion.press(sign_up(course_id))
    sent = await ion.press(CourseCb(action=CourseAction.CANCEL, course_id=course_id).pack())
    ask = card_of(sent)
    assert ask.text.startswith("Отозвать вашу заявку на место на курсе «Транзит»?")
    assert list(buttons(ask)) == ["Да, отозвать заявку", "Нет, оставить заявку"]
    sent = await ion.press(buttons(ask)["Да, отозвать заявку"])
    assert alert_of(sent) == "Ваша заявка отозвана."
    assert "📝 Подать заявку на место" in buttons(card_of(sent))
    assert await status(db, course_id, 11) == RegStatus.CANCELLED


async def test_a_request_after_the_profile_dialog_is_reported_as_a_request(make_chatter, db):
    """The sign-up a profile dialog was started for ends in a message, not a pop-up."""
    from handlers.screens.signup_replies import report_signup

    course_id = await approval_course(db)
    ion = await officer(make_chatter, db, 11)
    result = await ion.dp["signups"].sign_up(course_id, 11)
    user = await UserRepository(db).get(11)
    t = ion.dp["localizations"].get("en")
    mark = ion.mark()
    await report_signup(ion.bot, 11, result, user, t)
    (message,) = ion.session.requests[mark:]
    assert isinstance(message, SendMessage)
    assert message.text.startswith(
        "📝 Your request for a seat on “Transit” has been sent to the organisers."
    )


@pytest.mark.parametrize(
    ("language", "alert", "line", "leave", "question", "done"),
    [
        (
            "en",
            "⏳ All seats for Moldova are taken, so you are on the reserve list of Moldova. "
            "Your number: 1.",
            "⏳ Your number on the reserve list of Moldova: 1",
            "Leave the reserve list",
            "Leave the reserve list for “Transit”?",
            "You have left the reserve list for this course.",
        ),
        (
            "ru",
            "⏳ Места для вашей страны (Молдова) заняты, поэтому вы включены в резервный список "
            "под номером 1.",
            "⏳ Ваш номер в резервном списке (Молдова): 1",
            "Выйти из резервного списка",
            "Выйти из резервного списка на курс «Транзит»?",
            "Вы вышли из резервного списка на этот курс.",
        ),
    ],
)
async def test_a_reserve_place_names_the_country_list_and_the_place(
    make_chatter, db, language, alert, line, leave, question, done
):
    course_id = await approval_course(db, quotas="MD 1", mode=SignupMode.OPEN)
    first = await officer(make_chatter, db, 11, language)
    await first.press(sign_up(course_id))
    second = await officer(make_chatter, db, 12, language)
    sent = await second.press(sign_up(course_id))
    assert alert_of(sent).startswith(alert)
    assert len(alert_of(sent)) <= 200
    card = card_of(sent)
    assert line in card.text and leave in buttons(card)
    sent = await second.press(buttons(card)[leave])
    assert card_of(sent).text.startswith(question)
    sent = await second.press(CourseCb(action=CourseAction.CANCEL_YES, course_id=course_id).pack())
    assert alert_of(sent) == done
    assert await status(db, course_id, 12) == RegStatus.CANCELLED


async def test_my_courses_lists_requests_nominations_and_reserve_places(make_chatter, db):
    requested = await approval_course(db)
    reserve = await approval_course(db, quotas="MD 1", mode=SignupMode.OPEN)
    nominated = await approval_course(db, mode=SignupMode.NOMINATION)
    ion = await officer(make_chatter, db, 11)
    await ion.press(sign_up(requested))
    await complete_profile(db, 77)
    await RegistrationRepository(db).place(
        reserve, 77, RegStatus.CONFIRMED, datetime.now(UTC), "md"
    )
    await ion.press(sign_up(reserve))
    await RegistrationRepository(db).place(
        nominated, 11, RegStatus.NOMINATED, datetime.now(UTC), "md"
    )
    (mine,) = await ion.send("/my")
    assert "<b>My courses (3)</b>" in mine.text
    assert "📝 Your request for a seat is with the organisers; we will tell you" in mine.text
    assert "⏳ Your number on the reserve list of Moldova: 1" in mine.text
    assert "🏛 A seat is held for you: will you attend?" in mine.text


async def test_a_declined_request_shows_on_the_card_with_the_reason(make_chatter, db):
    course_id = await approval_course(db)
    ion = await officer(make_chatter, db, 11, "ru")
    await ion.press(sign_up(course_id))
    await (
        make_chatter(user_id=ORGANISER_ID)
        .dp["decisions"]
        .decline(ORGANISER_ID, await request_id(db, course_id, 11), "Нет бюджета <в этом году>")
    )
    card = card_of(await ion.press(view(course_id)))
    assert "✖️ Ваша заявка отклонена\nПричина: Нет бюджета &lt;в этом году&gt;" in card.text
    # The organisers' decision stands: no new request from the officer (an organiser may
    # still add them by hand).
    assert "📝 Подать заявку на место" not in buttons(card)


# -- the organisers' side --------------------------------------------------------------------


async def organiser(make_chatter, user_id: int = ORGANISER_ID):
    chatter = make_chatter(user_id=user_id, name="Olena")
    await chatter.send("/start")
    return chatter


async def test_the_inbox_lists_requests_oldest_first_with_seats_and_quota_use(make_chatter, db):
    course_id = await approval_course(db, capacity=5, quotas="MD 2")
    for user_id in (11, 12):
        await (await officer(make_chatter, db, user_id)).press(sign_up(course_id))
    olena = await organiser(make_chatter)
    (inbox,) = await olena.send("/requests")
    text = inbox.text
    assert text.startswith("<b>Requests for a seat (2)</b>, oldest first")
    assert text.index("<b>Ion 11</b>, Customs Service, Moldova") < text.index("<b>Ion 12</b>")
    assert "📚 “Transit”" in text and "🕒 Sent on" in text
    assert "👥 5 seats left of 5" in text and "🌍 Moldova: 0 of 2 seats taken" in text
    assert list(buttons(inbox)) == ["1 · Ion 11", "2 · Ion 12"]
    sent = await olena.press(buttons(inbox)["1 · Ion 11"])
    card = card_of(sent)
    assert card.text.startswith("<b>📝 Request for a seat</b>\n<b>Ion 11</b>")
    # Seats are free: the waiting list is not offered.
    assert list(buttons(card)) == ["✅ Approve", "✖️ Decline", "‹ All requests"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "There are free seats: approve or decline the request."),
        ("ru", "На курсе есть свободные места: одобрите или отклоните заявку."),
    ],
)
async def test_waiting_list_from_the_notice_while_seats_are_free_changes_nothing(
    make_chatter, db, language, said
):
    """Review of issue 14: "⏳ Waiting list" under the notice, pressed while seats were free,
    signed the person up."""
    course_id, rid = await ion_requests_a_seat(make_chatter, db)
    olena = await organiser(make_chatter)
    await UserRepository(db).set_language(ORGANISER_ID, language)
    sent = await olena.press(request_cb(RequestAction.LIST, rid))
    assert alert_of(sent) == said
    assert await status(db, course_id, 11) == RegStatus.PENDING
    assert await notices(db, 11) == []


async def test_the_inbox_pages_and_says_when_nothing_waits(make_chatter, db):
    olena = await organiser(make_chatter)
    (empty,) = await olena.send("/requests")
    assert empty.text == "No requests are waiting for a decision."
    course_id = await approval_course(db)
    for user_id in range(11, 18):
        await (await officer(make_chatter, db, user_id)).press(sign_up(course_id))
    (inbox,) = await olena.send("/requests")
    assert "(7)" in inbox.text and "Next ›" in buttons(inbox)
    page_two = card_of(await olena.press(buttons(inbox)["Next ›"]))
    assert [label for label in buttons(page_two) if "·" in label] == ["6 · Ion 16", "7 · Ion 17"]


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_approving_gives_the_seat_and_the_officer_gets_the_calendar_file(
    make_chatter, db, language
):
    course_id = await approval_course(db)
    ion = await officer(make_chatter, db, 11, language)
    await ion.press(sign_up(course_id))
    rid = await request_id(db, course_id, 11)
    olena = await organiser(make_chatter)
    sent = await olena.press(request_cb(RequestAction.APPROVE, rid))
    assert card_of(sent).text.startswith("✅ Approved: Ion 11 is signed up for “Transit”")
    assert await status(db, course_id, 11) == RegStatus.CONFIRMED
    ((kind, payload),) = await notices(db, 11)
    assert kind == "seat_confirmed" and payload["ics_course_id"] == course_id
    expected = {"en": "Your request was approved", "ru": "Ваша заявка одобрена"}[language]
    assert expected in payload["text"][language]
    card = card_of(await ion.press(view(course_id)))
    assert ("✅ You are signed up" if language == "en" else "✅ Вы записаны") in card.text


async def test_approving_on_a_full_course_offers_the_waiting_list(make_chatter, db):
    course_id = await approval_course(db, capacity=1)
    for user_id in (11, 12):
        await (await officer(make_chatter, db, user_id)).press(sign_up(course_id))
    olena = await organiser(make_chatter)
    await olena.press(request_cb(RequestAction.APPROVE, await request_id(db, course_id, 11)))
    rid = await request_id(db, course_id, 12)
    # No seat for the request: its screen offers the waiting list too.
    card = card_of(await olena.press(request_cb(RequestAction.OPEN, rid)))
    assert list(buttons(card)) == ["✅ Approve", "✖️ Decline", "⏳ Waiting list", "‹ All requests"]
    offer = card_of(await olena.press(request_cb(RequestAction.APPROVE, rid)))
    assert offer.text == "The course is full. Put Ion 12 on the waiting list?"
    assert list(buttons(offer)) == ["⏳ Waiting list", "‹ Back"]
    assert await status(db, course_id, 12) == RegStatus.PENDING  # nothing changed yet
    back = card_of(await olena.press(buttons(offer)["‹ Back"]))
    assert "✅ Approve" in buttons(back)
    sent = await olena.press(buttons(offer)["⏳ Waiting list"])
    assert card_of(sent).text.startswith("⏳ Ion 12 is on the waiting list for “Transit”")
    assert await status(db, course_id, 12) == RegStatus.WAITLISTED
    assert [kind for kind, _ in await notices(db, 12)] == ["seat_waitlisted"]


async def test_approving_beyond_the_country_quota_offers_the_reserve_list(make_chatter, db):
    course_id = await approval_course(db, capacity=10, quotas="MD 1")
    for user_id in (11, 12):
        await (await officer(make_chatter, db, user_id)).press(sign_up(course_id))
    olena = await organiser(make_chatter, SECOND_ORGANISER)
    await olena.press(request_cb(RequestAction.APPROVE, await request_id(db, course_id, 11)))
    rid = await request_id(db, course_id, 12)
    offer = card_of(await olena.press(request_cb(RequestAction.APPROVE, rid)))
    assert offer.text == (
        "All seats for Moldova are taken. Put Ion 12 on the reserve list of Moldova?"
    )
    sent = await olena.press(buttons(offer)["⏳ Reserve list"])
    assert card_of(sent).text.startswith("⏳ Ion 12 is on the reserve list of Moldova")
    assert await status(db, course_id, 12) == RegStatus.RESERVE


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_declining_asks_for_a_reason_the_officer_reads(make_chatter, db, language):
    course_id = await approval_course(db)
    await (await officer(make_chatter, db, 11, language)).press(sign_up(course_id))
    rid = await request_id(db, course_id, 11)
    olena = await organiser(make_chatter)
    sent = await olena.press(request_cb(RequestAction.DECLINE, rid))
    ask = next(r for r in sent if isinstance(r, SendMessage))
    assert ask.text == "Type the reason for declining (Ion 11 will read it), or press “Skip”."
    assert list(buttons(ask)) == ["Skip", "✖️ Cancel"]
    sent = await olena.send("The course is for heads of units <only>")
    assert texts(sent)[-1] == (
        "✖️ Declined: Ion 11 will not take part in “Transit” and has been told.\n"
        "Reason: The course is for heads of units &lt;only&gt;"
    )
    assert await status(db, course_id, 11) == RegStatus.DECLINED
    ((kind, payload),) = await notices(db, 11)
    assert kind == "seat_declined"
    reason = {"en": "Reason: ", "ru": "Причина: "}[language]
    assert reason + "The course is for heads of units &lt;only&gt;" in payload["text"][language]


async def test_a_reason_over_500_characters_is_refused_and_typed_again(make_chatter, db):
    """Review of issue 14: a long reason was cut at 500 characters without a word."""
    course_id, rid = await ion_requests_a_seat(make_chatter, db)
    olena = await organiser(make_chatter)
    await olena.press(request_cb(RequestAction.DECLINE, rid))
    sent = await olena.send("x" * 501)
    assert texts(sent)[-1] == (
        "The reason is too long: 501 characters, and the person’s notice takes at most 500."
        " Please shorten it.\nSend another value, or /cancel to stop."
    )
    assert await status(db, course_id, 11) == RegStatus.PENDING
    sent = await olena.send("y" * 500)
    assert texts(sent)[-1].startswith("✖️ Declined: Ion 11")
    registration = await RegistrationRepository(db).get(course_id, 11)
    assert registration is not None and registration.reason == "y" * 500


async def test_declining_with_skip_gives_no_reason(make_chatter, db):
    course_id, rid = await ion_requests_a_seat(make_chatter, db)
    olena = await organiser(make_chatter)
    await olena.press(request_cb(RequestAction.DECLINE, rid))
    sent = await press_under_question(olena, request_cb(RequestAction.NO_REASON, rid))
    assert (
        texts(sent)[-1] == "✖️ Declined: Ion 11 will not take part in “Transit” and has been told."
    )
    registration = await RegistrationRepository(db).get(course_id, 11)
    assert registration is not None and registration.status == RegStatus.DECLINED
    assert registration.reason is None
    # The Skip button is spent: pressing it again declines nothing more.
    sent = await olena.press(request_cb(RequestAction.NO_REASON, rid))
    assert "out of date" in alert_of(sent)


async def test_cancel_while_declining_leaves_the_request_waiting(make_chatter, db):
    course_id, rid = await ion_requests_a_seat(make_chatter, db)
    olena = await organiser(make_chatter)
    await olena.press(request_cb(RequestAction.DECLINE, rid))
    await press_under_question(olena, DialogCb(action=DialogAction.CANCEL).pack())
    assert await status(db, course_id, 11) == RegStatus.PENDING
    assert await notices(db, 11) == []


async def test_another_command_or_button_ends_the_reason_question_and_later_text_declines_nothing(
    make_chatter, db
):
    """Review of issue 14: Decline A, then /requests and Approve B, then text typed later
    became the reason A was declined."""
    course_id = await approval_course(db)
    for user_id in (11, 12):
        await (await officer(make_chatter, db, user_id)).press(sign_up(course_id))
    a, b = await request_id(db, course_id, 11), await request_id(db, course_id, 12)
    olena = await organiser(make_chatter)
    await olena.press(request_cb(RequestAction.DECLINE, a))
    sent = await olena.send("/requests")
    assert any(isinstance(r, EditMessageReplyMarkup) and r.reply_markup is None for r in sent)
    assert "Requests for a seat (2)" in texts(sent)[-1]
    await olena.press(request_cb(RequestAction.APPROVE, b))
    await olena.send("Thanks, see you at the course")
    assert await status(db, course_id, 11) == RegStatus.PENDING
    assert await status(db, course_id, 12) == RegStatus.CONFIRMED
    assert await notices(db, 11) == []
    # A button alone ends it too.
    await olena.press(request_cb(RequestAction.DECLINE, a))
    await olena.press(request_cb(RequestAction.PAGE, 0))
    await olena.send("Some text")
    assert await status(db, course_id, 11) == RegStatus.PENDING


async def test_a_second_organiser_deciding_the_same_request_is_told_it_is_decided(
    make_chatter, db
):
    course_id, rid = await ion_requests_a_seat(make_chatter, db)
    first, second = await organiser(make_chatter), await organiser(make_chatter, SECOND_ORGANISER)
    await first.press(request_cb(RequestAction.APPROVE, rid))
    for action in (
        RequestAction.APPROVE,
        RequestAction.DECLINE,
        RequestAction.LIST,
        RequestAction.OPEN,
    ):
        sent = await second.press(request_cb(action, rid))
        assert alert_of(sent).startswith("This has already been decided"), action
        assert not any(isinstance(r, (SendMessage, EditMessageText)) for r in sent), action
    assert await status(db, course_id, 11) == RegStatus.CONFIRMED
    assert [kind for kind, _ in await notices(db, 11)] == ["seat_confirmed"]


async def test_a_reason_typed_after_another_organiser_decided_changes_nothing(make_chatter, db):
    course_id, rid = await ion_requests_a_seat(make_chatter, db)
    first, second = await organiser(make_chatter), await organiser(make_chatter, SECOND_ORGANISER)
    await first.press(request_cb(RequestAction.DECLINE, rid))
    await second.press(request_cb(RequestAction.APPROVE, rid))
    sent = await first.send("Not this time")
    assert texts(sent)[-1].startswith("This has already been decided")
    assert "Send another value" not in texts(sent)[-1]  # the dialog is over, not asking again
    assert await status(db, course_id, 11) == RegStatus.CONFIRMED
    assert (await first.send("hello"))[-1].text != texts(sent)[-1]  # no longer in the dialog


async def test_request_buttons_pressed_by_an_officer_are_out_of_date_and_change_nothing(
    make_chatter, db
):
    course_id = await approval_course(db, capacity=1)
    ion = await officer(make_chatter, db, 11)
    await ion.press(sign_up(course_id))
    rid = await request_id(db, course_id, 11)
    before = await snapshot(db)
    for action in RequestAction:
        sent = await ion.press(RequestCb(action=action, registration_id=rid).pack())
        assert len(sent) == 1, action
        assert alert_of(sent) == "This button is out of date. Send /start to see the menu again."
    assert await snapshot(db) == before
    (reply,) = await ion.send("/requests")
    assert reply.text == (await ion.send("/nosuchcommand"))[0].text


def test_the_organisers_menu_has_requests_in_both_languages(localizations):
    english = {c.command: c.description for c in commands(localizations, "en", organiser=True)}
    russian = {c.command: c.description for c in commands(localizations, "ru", organiser=True)}
    assert english["requests"] == "Requests for a seat (organisers)"
    assert russian["requests"] == "Заявки на место (для организаторов)"
    officers = {c.command for c in commands(localizations, "en", organiser=False)}
    assert "requests" not in officers


async def test_an_organiser_reading_russian_gets_the_inbox_and_decisions_in_russian(
    make_chatter, db
):
    course_id = await approval_course(db, capacity=1, quotas="MD 1")
    for user_id in (11, 12):
        await (await officer(make_chatter, db, user_id)).press(sign_up(course_id))
    olena = make_chatter(user_id=ORGANISER_ID, language_code="ru")
    await UserRepository(db).upsert_seen(ORGANISER_ID, "ru")
    await UserRepository(db).set_language(ORGANISER_ID, "ru")
    (inbox,) = await olena.send("/requests")
    assert inbox.text.startswith("<b>Заявки на место (2)</b>, сначала самые ранние")
    assert "🌍 Молдова: занято 0 из 1 места" in inbox.text
    assert "📚 «Транзит»" in inbox.text and "Осталось 1 место из 1" in inbox.text
    await olena.press(request_cb(RequestAction.APPROVE, await request_id(db, course_id, 11)))
    offer = card_of(
        await olena.press(request_cb(RequestAction.APPROVE, await request_id(db, course_id, 12)))
    )
    assert offer.text == "Мест на курсе нет. Внести сотрудника (Ion 12) в лист ожидания?"
    assert list(buttons(offer)) == ["⏳ В лист ожидания", "‹ Назад"]
    sent = await olena.press(
        request_cb(RequestAction.DECLINE, await request_id(db, course_id, 12))
    )
    ask = next(r for r in sent if isinstance(r, SendMessage))
    assert ask.text == "Напишите причину отказа — Ion 12 её увидит, — или нажмите «Пропустить»."
    sent = await olena.send("Нет мест")
    assert texts(sent)[-1] == (
        "✖️ Заявка отклонена: Ion 12 не будет участвовать в курсе «Транзит», уведомление"
        " отправлено.\nПричина: Нет мест"
    )
