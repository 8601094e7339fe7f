"""Issue 14: organisers control a course's participants from its participants screen: the
list grouped by status with the country quotas, one person's card, moving, removing with a
reason and adding someone by hand. Each action tells the person and is audited."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage
from aiogram.types import BufferedInputFile
from openpyxl import load_workbook

from bot.countries import COUNTRIES
from bot.services.quotas import parse_quotas
from bot.ui.callbacks import AdminAction, AdminCourseCb, RosterAction, RosterCb
from storage.courses import CourseRepository, CourseStatus, SignupMode
from storage.registrations import RegistrationRepository, RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, press_under_question, texts

AZ_FOCAL = 801


async def quota_course(
    db, capacity: int | None = 5, quotas: str | None = "AZ 2, GE 1", mode=SignupMode.APPROVAL
) -> int:
    now = datetime.now(UTC)
    repo = CourseRepository(db)
    course = await repo.create(
        {
            "title_en": "Risk management",
            "title_ru": "Управление рисками",
            "description_en": "Profiles.",
            "description_ru": "Профили.",
            "starts_at": now + timedelta(days=20),
            "ends_at": now + timedelta(days=21),
            "deadline_at": now + timedelta(days=19),
            "timezone": "Asia/Baku",
            "venue": "Baku",
            "capacity": capacity,
            "language": "en",
            "signup_mode": mode.value,
            "quotas": parse_quotas(quotas).to_json() if quotas else None,
        },
        created_by=ORGANISER_ID,
    )
    await repo.set_status(course.id, CourseStatus.PUBLISHED)
    return course.id


async def officer(db, user_id: int, country: str, name: str) -> int:
    users = UserRepository(db)
    await users.upsert_seen(user_id, "en")
    await users.record_consent(user_id)
    await users.set_profile_field(user_id, "full_name", name)
    await users.set_profile_field(user_id, "organisation", f"Customs of {country.upper()}")
    await users.set_profile_field(user_id, "position", "Inspector")
    await users.set_country(user_id, country, None)
    return user_id


async def place(db, course_id, user_id, status, country, nominated_by=None):
    repo = RegistrationRepository(db)
    await repo.place(course_id, user_id, status, datetime.now(UTC), country, nominated_by)


async def status_of(db, course_id: int, user_id: int) -> tuple[str, str | None]:
    row = await db.fetch_one(
        "SELECT status, reason FROM registrations WHERE course_id = ? AND user_id = ?",
        (course_id, user_id),
    )
    return (row[0], row[1]) if row else ("", None)


async def notices_to(db, user_id: int) -> list[str]:
    rows = await db.fetch_all(
        "SELECT payload FROM outbox WHERE user_id = ? ORDER BY id", (user_id,)
    )
    return [json.loads(row[0])["text"]["en"] for row in rows]


async def audited(db) -> list[tuple[str, str]]:
    rows = await db.fetch_all("SELECT action, details FROM audit_log ORDER BY id")
    return [(row[0], row[1]) for row in rows]


async def full_course(db, capacity: int = 2) -> int:
    """Risk management: both seats taken by AZ (one nominated), GE a request, MD waiting,
    an AZ reserve and a GE officer declined."""
    course_id = await quota_course(db, capacity=capacity)
    await officer(db, AZ_FOCAL, "az", "Focal <AZ>")
    await officer(db, 601, "az", "Aliyev Rashad")
    await officer(db, 602, "az", "Mammadova Leyla")
    await officer(db, 603, "ge", "Beridze Nino")
    await officer(db, 604, "md", "Rusu Ion")
    await officer(db, 605, "az", "Huseynov Elvin")
    await officer(db, 606, "ge", "Kapanadze Giorgi")
    await place(db, course_id, 601, RegStatus.CONFIRMED, "az")
    await place(db, course_id, 602, RegStatus.NOMINATED, "az", nominated_by=AZ_FOCAL)
    await place(db, course_id, 603, RegStatus.PENDING, "ge")
    await place(db, course_id, 604, RegStatus.WAITLISTED, "md")
    await place(db, course_id, 605, RegStatus.RESERVE, "az", nominated_by=AZ_FOCAL)
    await place(db, course_id, 606, RegStatus.DECLINED, "ge")
    return course_id


def roster_cb(action: RosterAction, course_id: int, user_id: int = 0, arg: str = "") -> str:
    return RosterCb(action=action, course_id=course_id, user_id=user_id, arg=arg).pack()


async def test_participants_screen_groups_everyone_by_status_with_the_quota_use(make_chatter, db):
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.PARTICIPANTS, course_id=course_id).pack()
    )
    screen = next(r for r in sent if isinstance(r, SendMessage))
    text = screen.text
    assert "🌍 Country quotas (seats held): Azerbaijan 2/2, Georgia 0/1" in text
    order = [
        "✅ <b>Signed up</b> (1)",
        "1. Aliyev Rashad — Azerbaijan, Customs of AZ",
        "🏛 <b>Nominated, answer awaited</b> (1)",
        "2. Mammadova Leyla — Azerbaijan, Customs of AZ · nominated by Focal &lt;AZ&gt;",
        "📝 <b>Requests for a seat</b> (1)",
        "3. Beridze Nino — Georgia, Customs of GE",
        "⏳ <b>Waiting list</b> (1)",
        "4. Rusu Ion — Moldova, Customs of MD · No. 1",
        "🗂 <b>Reserve list of Azerbaijan</b> (1)",
        "5. Huseynov Elvin — Azerbaijan, Customs of AZ · No. 1 · nominated by Focal &lt;AZ&gt;",
        "✖️ <b>Declined</b> (1)",
        "6. Kapanadze Giorgi — Georgia, Customs of GE",
    ]
    positions = [text.index(line) for line in order]
    assert positions == sorted(positions)
    labels = list(buttons(screen))
    assert labels[:6] == [
        "✅ 1 · Aliyev Rashad",
        "🏛 2 · Mammadova Leyla",
        "📝 3 · Beridze Nino",
        "⏳ 4 · Rusu Ion",
        "🗂 5 · Huseynov Elvin",
        "✖️ 6 · Kapanadze Giorgi",
    ]
    assert "➕ Add a participant" in labels


async def test_participants_screen_in_russian_pages_its_buttons(make_chatter, db):
    course_id = await quota_course(db, capacity=None, quotas=None, mode=SignupMode.OPEN)
    for number in range(11):
        user_id = await officer(db, 700 + number, "kz", f"Участник {number:02} с длинной фамилией")
        await place(db, course_id, user_id, RegStatus.CONFIRMED, "kz")
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Olena")
    await UserRepository(db).upsert_seen(ORGANISER_ID, "ru")
    await UserRepository(db).set_language(ORGANISER_ID, "ru")
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.PARTICIPANTS, course_id=course_id).pack()
    )
    screen = next(r for r in sent if isinstance(r, SendMessage))
    assert "✅ <b>Записаны</b> (11)" in screen.text
    assert "Квоты" not in screen.text  # no quotas on this course
    labels = list(buttons(screen))
    # Names are cut at a word to fit a phone's button.
    assert labels[0] == "✅ 1 · Участник 00 с длинной…"
    assert len([label for label in labels if " · " in label]) == 8
    turned = await organiser.press(buttons(screen)["Далее ›"])
    page_two = next(r for r in turned if isinstance(r, EditMessageText))
    assert next(iter(buttons(page_two))).startswith("✅ 9 · ")


async def test_a_persons_card_offers_only_the_moves_that_make_sense(make_chatter, db):
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(roster_cb(RosterAction.PERSON, course_id, 605))
    card = next(r for r in sent if isinstance(r, EditMessageText))
    assert "👤 <b>Huseynov Elvin</b>" in card.text
    assert "Administration: Customs of AZ" in card.text
    assert "Country: Azerbaijan" in card.text
    assert "Status: On the reserve list of Azerbaijan, No. 1" in card.text
    assert "Nominated by: Focal &lt;AZ&gt;" in card.text
    assert list(buttons(card)) == [
        "✅ Give a seat",
        "⏳ Waiting list",
        "🗑 Remove",
        "‹ Back to the list",
    ]
    sent = await organiser.press(roster_cb(RosterAction.PERSON, course_id, 606))
    declined = next(r for r in sent if isinstance(r, EditMessageText))
    # Someone declined is put back by adding them again; there is nothing to remove.
    assert "🗑 Remove" not in buttons(declined)
    assert RosterAction.PICK.value in buttons(declined)["✅ Give a seat"]


async def test_a_move_beyond_the_countrys_quota_is_refused_and_changes_nothing(make_chatter, db):
    course_id = await full_course(db, capacity=10)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(roster_cb(RosterAction.MOVE, course_id, 605, "confirmed"))
    assert texts(sent) == [
        "All seats for Azerbaijan are taken. Free one of them first, or put the officer "
        "on the reserve list of Azerbaijan."
    ]
    assert await status_of(db, course_id, 605) == ("reserve", None)
    assert await notices_to(db, 605) == []


async def test_moving_someone_out_of_a_seat_tells_them_and_the_seat_goes_on(make_chatter, db):
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(roster_cb(RosterAction.MOVE, course_id, 601, "waitlisted"))
    alert = next(r for r in sent if isinstance(r, AnswerCallbackQuery))
    # Moved behind everyone waiting; the freed seat went to the first in line, who was told.
    assert alert.text == "Aliyev Rashad: On the waiting list, No. 1. They have been told."
    card = next(r for r in sent if isinstance(r, EditMessageText))
    assert "Status: On the waiting list, No. 1" in card.text
    assert await status_of(db, course_id, 601) == ("waitlisted", None)
    assert "Your number on the waiting list: 1" in (await notices_to(db, 601))[0]
    assert await status_of(db, course_id, 604) == ("confirmed", None)
    assert await notices_to(db, 604)
    assert await status_of(db, course_id, 605) == ("reserve", None)
    assert ("seat.moved", json.dumps({"participant": 601, "status": "waitlisted"})) in [
        (action, json.dumps(json.loads(details))) for action, details in await audited(db)
    ]


async def test_removing_asks_for_the_reason_the_person_reads(make_chatter, db):
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(roster_cb(RosterAction.REMOVE, course_id, 601))
    question = next(r for r in sent if isinstance(r, SendMessage))
    assert question.text == (
        "Remove Aliyev Rashad from “Risk management”? Type the reason (Aliyev Rashad will read"
        " it), or press “Skip: no reason”."
    )
    assert list(buttons(question)) == ["Skip: no reason", "✖️ Cancel"]
    sent = await organiser.send("Not a customs officer <b>")
    assert texts(sent)[0] == (
        "Aliyev Rashad has been removed from “Risk management” and told, with your reason."
    )
    assert "✖️ <b>Declined</b> (2)" in texts(sent)[1]
    assert await status_of(db, course_id, 601) == ("declined", "Not a customs officer <b>")
    notice = (await notices_to(db, 601))[0]
    assert "removed you from the list of participants" in notice
    assert "Reason: Not a customs officer &lt;b&gt;" in notice
    assert "seat.removed" in [action for action, _ in await audited(db)]


async def test_a_removal_reason_too_long_is_refused_in_russian_and_typed_again(make_chatter, db):
    course_id = await full_course(db)
    await officer(db, ORGANISER_ID, "md", "Olena")
    await UserRepository(db).set_language(ORGANISER_ID, "ru")
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.press(roster_cb(RosterAction.REMOVE, course_id, 601))
    sent = await organiser.send("x" * 602)
    assert texts(sent)[0].startswith(
        "Причина слишком длинная: 602 символа, а в уведомление помещается не более 500 символов."
    )
    assert await status_of(db, course_id, 601) == ("confirmed", None)
    await organiser.send("Ошибка в заявке")
    assert await status_of(db, course_id, 601) == ("declined", "Ошибка в заявке")


async def test_removing_without_a_reason_and_cancelling_the_removal(make_chatter, db):
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    asked = await organiser.press(roster_cb(RosterAction.REMOVE, course_id, 604))
    question = next(r for r in asked if isinstance(r, SendMessage))
    await press_under_question(organiser, buttons(question)["✖️ Cancel"])
    assert await status_of(db, course_id, 604) == ("waitlisted", None)
    asked = await organiser.press(roster_cb(RosterAction.REMOVE, course_id, 604))
    question = next(r for r in asked if isinstance(r, SendMessage))
    sent = await press_under_question(organiser, buttons(question)["Skip: no reason"])
    assert "Rusu Ion has been removed from “Risk management” and told." in texts(sent)
    assert await status_of(db, course_id, 604) == ("declined", None)
    assert "Reason:" not in (await notices_to(db, 604))[0]


async def test_another_roster_button_or_command_ends_the_removal_question(make_chatter, db):
    """Review of issue 14: a removal question left open turned later text into a reason."""
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.press(roster_cb(RosterAction.REMOVE, course_id, 601))
    await organiser.press(roster_cb(RosterAction.PERSON, course_id, 604))
    await organiser.send("He is in the other group")
    assert await status_of(db, course_id, 601) == ("confirmed", None)
    await organiser.press(roster_cb(RosterAction.REMOVE, course_id, 601))
    await organiser.send("/admin")
    await organiser.send("Hello")
    assert await status_of(db, course_id, 601) == ("confirmed", None)
    assert await notices_to(db, 601) == []


# -- adding someone by hand ------------------------------------------------------------------


async def start_adding(organiser, course_id: int) -> SendMessage:
    sent = await organiser.press(roster_cb(RosterAction.ADD, course_id))
    return next(r for r in sent if isinstance(r, SendMessage))


async def test_adding_someone_picked_from_their_countrys_people(make_chatter, db):
    course_id = await full_course(db, capacity=10)
    await officer(db, 607, "az", "Quliyev Samir")
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    question = await start_adding(organiser, course_id)
    assert question.text.startswith("Whom do you want to add to “Risk management”? Send their")
    countries = list(buttons(question))
    assert countries[:3] == ["Azerbaijan", "Georgia", "Moldova"]
    sent = await press_under_question(organiser, buttons(question)["Azerbaijan"])
    people = next(r for r in sent if isinstance(r, EditMessageText))
    assert "Officers of Azerbaijan with a profile" in people.text
    assert "5 · Quliyev Samir" in buttons(people)
    sent = await press_under_question(organiser, buttons(people)["5 · Quliyev Samir"])
    where = next(r for r in sent if isinstance(r, EditMessageText))
    assert where.text == (
        "Adding <b>Quliyev Samir</b>, Customs of AZ, Azerbaijan to “Risk management”."
        " Where should they go?"
    )
    assert list(buttons(where)) == [
        "✅ Give a seat",
        "⏳ Waiting list",
        "🗂 Reserve list",
        "✖️ Cancel",
    ]
    sent = await press_under_question(organiser, buttons(where)["🗂 Reserve list"])
    assert texts(sent)[0] == (
        "✅ Quliyev Samir has been added to “Risk management”: On the reserve list of"
        " Azerbaijan, No. 2. They have been told."
    )
    assert "6. Quliyev Samir — Azerbaijan, Customs of AZ · No. 2" in texts(sent)[1]
    assert await status_of(db, course_id, 607) == ("reserve", None)
    assert "Your number on the reserve list: 2." in (await notices_to(db, 607))[0]
    assert "seat.added" in [action for action, _ in await audited(db)]
    # The dialog is over: a text now is not taken for a person.
    assert await organiser.dp.storage.get_state(_key(organiser)) is None


def _key(chatter) -> StorageKey:
    return StorageKey(bot_id=chatter.bot.id, chat_id=chatter.user.id, user_id=chatter.user.id)


async def test_adding_someone_by_username_or_a_forwarded_message(make_chatter, db):
    course_id = await full_course(db, capacity=10)
    await officer(db, 607, "ge", "Tsiklauri Ana")
    # The username column is written by the nominations part; here it is set by hand.
    columns = [row[1] for row in await db.fetch_all("PRAGMA table_info(users)")]
    if "username" not in columns:
        await db.write("ALTER TABLE users ADD COLUMN username TEXT")
    await db.write("UPDATE users SET username = 'ana_ts' WHERE id = 607")
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await start_adding(organiser, course_id)
    # Another command in the middle of the dialog is that command, not a person.
    assert "<b>Users</b>" in texts(await organiser.send("/stats"))[0]
    sent = await organiser.send("Tsiklauri Ana")
    assert texts(sent) == [
        "Send the person’s @username, forward a message from them, or pick them with the"
        " buttons above."
    ]
    sent = await organiser.send("@nobody_here")
    assert texts(sent) == [
        "Nobody with the username @nobody_here has a profile in the bot. Ask them to send"
        " /start to the bot and fill in their profile, or forward a message from them."
    ]
    sent = await organiser.send("@ANA_TS")
    where = next(r for r in sent if isinstance(r, SendMessage))
    assert "<b>Tsiklauri Ana</b>, Customs of GE, Georgia" in where.text
    # A forwarded message from someone else names them instead.
    forwarded = organiser._message(
        text="Hello",
        forward_origin={
            "type": "user",
            "date": int(datetime.now(UTC).timestamp()),
            "sender_user": {"id": 604, "is_bot": False, "first_name": "Ion"},
        },
    )
    sent = await organiser.feed(forwarded)
    where = next(r for r in sent if isinstance(r, SendMessage))
    assert "<b>Rusu Ion</b>" in where.text
    # Rusu Ion is on the waiting list already: nothing changes.
    sent = await press_under_question(organiser, buttons(where)["✅ Give a seat"])
    assert texts(sent) == [
        "This officer already has a seat, a request or a nomination for this course."
    ]
    assert await status_of(db, course_id, 604) == ("waitlisted", None)
    hidden = organiser._message(
        text="Hi",
        forward_origin={
            "type": "hidden_user",
            "date": int(datetime.now(UTC).timestamp()),
            "sender_user_name": "Someone",
        },
    )
    sent = await organiser.feed(hidden)
    assert "Telegram settings hide who they are" in texts(sent)[0]


async def test_putting_back_someone_declined_from_their_card(make_chatter, db):
    course_id = await full_course(db, capacity=10)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(roster_cb(RosterAction.PICK, course_id, 606, "confirmed"))
    assert texts(sent)[0].startswith("✅ Kapanadze Giorgi has been added to “Risk management”")
    assert await status_of(db, course_id, 606) == ("confirmed", None)
    assert "calendar file is attached" in (await notices_to(db, 606))[0]


async def test_the_export_of_a_course_with_quotas_names_statuses_and_country_use(make_chatter, db):
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.XLSX, course_id=course_id).pack()
    )
    document = next(r for r in sent if isinstance(r, SendDocument))
    assert isinstance(document.document, BufferedInputFile)
    book = load_workbook(io.BytesIO(document.document.data))
    participants, quotas = (book[name] for name in book.sheetnames)
    rows = list(participants.iter_rows(values_only=True))
    assert [(row[0], row[5], row[8]) for row in rows[1:]] == [
        ("Aliyev Rashad", "Signed up", None),
        ("Mammadova Leyla", "Nominated, answer awaited", "Focal <AZ>"),
        ("Beridze Nino", "Requested a seat", None),
        ("Rusu Ion", "On the waiting list", None),
        ("Huseynov Elvin", "On the reserve list", "Focal <AZ>"),
        ("Kapanadze Giorgi", "Declined", None),
    ]
    assert list(quotas.iter_rows(values_only=True))[1:] == [
        ("Azerbaijan", 2, 2, 1, 0),
        ("Georgia", 1, 0, 0, 1),
    ]


# -- /stats ------------------------------------------------------------------------------------


async def test_stats_show_requests_and_seats_by_country_per_course(make_chatter, db):
    course_id = await full_course(db)
    await officer(db, 608, "ge", "Lomidze Tamar")
    await place(db, course_id, 608, RegStatus.PENDING, "ge")
    await quota_course(db, quotas=None, mode=SignupMode.OPEN)  # first come, first served
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    text = (await organiser.send("/stats"))[0].text
    assert text.endswith(
        "<b>Seats by country</b> (courses with requests, nominations or quotas)\n"
        "<b>Risk management</b>: AZ 2/2 seats + 1 in reserve, GE 0/1 seats,"
        " 1 on the waiting list, 2 requests waiting"
    )
    assert text.count("<b>Risk management</b>") == 1  # not the first-come, first-served one


async def test_stats_of_seats_in_russian(make_chatter, db):
    course_id = await quota_course(db, quotas="AZ 3", mode=SignupMode.NOMINATION)
    await officer(db, 601, "az", "Aliyev Rashad")
    await place(db, course_id, 601, RegStatus.CONFIRMED, "az")
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Olena")
    await organiser.send("/start")
    await UserRepository(db).set_language(ORGANISER_ID, "ru")
    text = (await organiser.send("/stats"))[0].text
    assert text.endswith("<b>Управление рисками</b>: AZ — 1/3 место")


async def test_the_cancel_confirmation_counts_everyone_the_cancellation_tells(make_chatter, db):
    """Review of issue 14: requests, nominations and reserve places were left out of the
    count (only the signed up and the waiting list)."""
    course_id = await full_course(db)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.CANCEL, course_id=course_id).pack()
    )
    question = next(r for r in sent if isinstance(r, EditMessageText))
    # Signed up, nominated, a request, the waiting list and the reserve (not the declined).
    assert (
        "The 5 people with a place, a request or a nomination will be told at once."
        in question.text
    )


async def test_stats_stop_before_telegrams_limit_and_say_how_many_more(make_chatter, db):
    """Review of issue 14: ten courses with quotas for many countries made /stats longer than
    Telegram's 4096 characters (the message was refused)."""
    quotas = ", ".join(f"{c.code.upper()} 2" for c in COUNTRIES[:40])
    for _ in range(10):
        await quota_course(db, quotas=quotas)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    text = (await organiser.send("/stats"))[0].text
    assert len(text) <= 4096
    shown = text.count("<b>Risk management</b>")
    assert 0 < shown < 10
    assert text.endswith(f"…and {10 - shown} more: each course’s participants are in /admin.")
