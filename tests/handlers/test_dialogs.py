"""Handlers through the production Dispatcher: what a user reads after each step."""

from __future__ import annotations

import logging

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.ui.callbacks import (
    ConsentCb,
    CountryCb,
    DialogAction,
    DialogCb,
    ForgetCb,
    LanguageCb,
    StatsCb,
)
from storage.database import Database
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, press_under_question, question_message, texts
from tests.handlers.test_courses import publish_course


async def test_first_start_speaks_russian_to_a_russian_client(make_chatter):
    sent = await make_chatter(language_code="ru").send("/start")
    assert "Здравствуйте, Aidos!" in sent[0].text
    assert set(buttons(sent[0])) == {"English", "Русский"}


async def test_first_start_speaks_default_english_to_other_clients(make_chatter):
    sent = await make_chatter(language_code="kk").send("/start")
    assert "Welcome, Aidos!" in sent[0].text


async def test_language_switch_takes_effect_on_the_very_next_reply(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await chatter.send("/start")
    sent = await chatter.press(LanguageCb(code="ru").pack())
    assert "Язык бота: русский." in texts(sent)
    assert "Что вы хотите сделать?" in texts(sent)
    assert (await chatter.send("/help"))[0].text.startswith("<b>Учебные курсы")
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None and user.language == "ru"


async def test_user_name_is_escaped_in_html_replies(make_chatter):
    sent = await make_chatter(name="<b>Eve</b> & co").send("/start")
    assert "&lt;b&gt;Eve&lt;/b&gt; &amp; co" in sent[0].text


async def test_profile_dialog_collects_every_field_after_consent(make_chatter, db):
    chatter = make_chatter(language_code="en")
    sent = await chatter.send("/profile")
    assert "Before we store your profile" in sent[0].text
    users = UserRepository(db)
    assert (await users.get(chatter.user.id)).consent_at is None  # type: ignore[union-attr]

    sent = await chatter.press(ConsentCb(agree=True).pack())
    assert "Your full name" in texts(sent)[-1]
    assert "Your country" in texts(await chatter.send("Aidos Serikovich Nurpeisov"))[-1]
    sent = await chatter.press(CountryCb(code="kz").pack())
    assert "Your customs administration" in texts(sent)[-1]
    await chatter.send("State Revenue Committee")
    sent = await chatter.send("Chief inspector")
    assert "e-mail" in texts(sent)[-1]
    sent = await chatter.send("not-an-address")
    assert "does not look like an e-mail address" in texts(sent)[0]
    # Issue 13: a refused answer says how to go on, not only what is wrong.
    assert "Send another value, or /cancel to stop." in texts(sent)[0]
    sent = await chatter.send("a.nurpeisov@kgd.gov.kz")
    card = texts(sent)[-1]
    assert "Your profile is saved." in texts(sent)
    assert "Kazakhstan" in card and "a.nurpeisov@kgd.gov.kz" in card
    # Issue 13: the zone by its city, never by its IANA id.
    assert "Time zone: Almaty (UTC+5)" in card and "Asia/" not in card

    user = await users.get(chatter.user.id)
    assert user is not None and user.profile_complete and user.consent_at
    assert (user.full_name, user.country, user.timezone) == (
        "Aidos Serikovich Nurpeisov",
        "kz",
        "Asia/Almaty",
    )


async def test_profile_continues_at_the_first_missing_field(make_chatter, db):
    chatter = make_chatter()
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Nodira Karimova")
    await chatter.send("/cancel")
    sent = await chatter.send("/profile")
    assert "Your country" in texts(sent)[0]


async def dialog_rows(db: Database, user_id: int) -> int:
    row = await db.fetch_one("SELECT COUNT(*) FROM fsm_states WHERE user_id = ?", (user_id,))
    return int(row[0]) if row else 0


async def test_a_cancelled_or_finished_dialog_leaves_no_dialog_state_row(make_chatter, db):
    """Issue 11: every dialog that ended left a fsm_states row for ever (user id, '{}' and
    about when it ended), also for people who never gave consent."""
    chatter = make_chatter()
    await chatter.send("/start")
    assert await dialog_rows(db, chatter.user.id) == 0
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Nodira Karimova")
    assert await dialog_rows(db, chatter.user.id) == 1  # half-way: kept across restarts
    await chatter.send("/cancel")
    assert await dialog_rows(db, chatter.user.id) == 0

    assert "Your country" in texts(await chatter.send("/profile"))[0]
    await chatter.press(CountryCb(code="uz").pack())
    await chatter.send("State Customs Committee")
    await chatter.send("Inspector")
    sent = await chatter.send("n.karimova@customs.uz")
    assert "Your profile is saved." in texts(sent)
    assert await dialog_rows(db, chatter.user.id) == 0


async def test_country_can_be_typed_in_either_language(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Giorgi Beridze")
    sent = await chatter.send("Грузия")
    assert "Your customs administration" in texts(sent)[-1]
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None and user.country == "ge" and user.timezone == "Asia/Tbilisi"


async def test_a_sticker_where_text_is_expected_gets_a_hint_and_changes_nothing(make_chatter):
    chatter = make_chatter()
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    sent = await chatter.send_sticker()
    assert texts(sent) == ["Please type your answer as a text message, or send /cancel to stop."]


async def test_unexpected_content_outside_dialogs_gets_a_hint(make_chatter):
    sent = await make_chatter().send_sticker()
    assert "I only understand buttons and commands here" in sent[0].text


async def test_forged_callback_data_is_answered_and_changes_nothing(make_chatter, db):
    chatter = make_chatter()
    for data in ("junk", "cty1:zz:0", "prf1:edit:is_admin", "tz1:99", "lng1:de"):
        sent = await chatter.press(data)
        answers = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
        assert answers, f"{data!r} was not answered"
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None and user.country is None and user.language is None


async def test_non_organiser_gets_the_unknown_command_reply_and_is_logged(make_chatter, caplog):
    chatter = make_chatter(user_id=777)
    unknown = await chatter.send("/nosuchcommand")
    with caplog.at_level(logging.WARNING):
        attempt = await chatter.send("/stats")
    assert texts(attempt) == texts(unknown)
    assert "Non-organiser 777 tried organiser command /stats" in caplog.text
    pressed = await chatter.press(StatsCb().pack())
    assert not any(isinstance(r, SendMessage) for r in pressed)


async def test_organiser_sees_statistics_with_russian_plurals(make_chatter):
    for user_id in (1, 2, 3, 4, 5):
        await make_chatter(user_id=user_id).send("/start")
    organiser = make_chatter(user_id=ORGANISER_ID, language_code="ru")
    sent = await organiser.send("/stats")
    assert "6 пользователей запустили бота" in sent[0].text


async def test_forget_deletes_the_profile_after_confirmation(make_chatter, db):
    chatter = make_chatter()
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Aidos Nurpeisov")
    sent = await chatter.send("/forget")
    assert "Delete your personal data?" in sent[0].text
    sent = await chatter.press(ForgetCb(confirm=True).pack())
    assert "Your personal data has been deleted." in texts(sent)[0]
    assert await UserRepository(db).get(chatter.user.id) is None


async def test_unexpected_error_gets_an_apology_and_the_bot_goes_on(
    make_chatter, db: Database, caplog
):
    chatter = make_chatter(language_code="ru")
    await db.close()  # the database is gone: every handler fails
    with caplog.at_level(logging.ERROR):
        sent = await chatter.send("/start")
    assert texts(sent) == ["Something went wrong on our side. Please try again in a minute."]
    assert "Update" in caplog.text and "failed" in caplog.text


@pytest.mark.parametrize("command", ["/cancel"])
async def test_cancel_outside_a_dialog_says_there_is_nothing_to_cancel(make_chatter, command):
    sent = await make_chatter().send(command)
    assert "nothing to cancel" in sent[0].text


async def test_main_menu_buttons_open_their_features(make_chatter):
    chatter = make_chatter(language_code="en")
    for action, expected in (
        ("courses", "No courses are open for sign-up"),
        ("my", "You have not signed up for any course yet"),
        ("profile", "Before we store your profile"),
        ("help", "/courses — courses open for sign-up"),
        ("language", "Choose the language of the bot"),
    ):
        sent = await chatter.press(f"mnu1:{action}")
        assert any(expected in text for text in texts(sent)), action
        assert any(isinstance(r, AnswerCallbackQuery) for r in sent), action


async def test_time_zone_is_changed_from_the_profile_card(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Ana Popescu")
    await chatter.press(CountryCb(code="ro").pack())
    await chatter.send("Romanian Customs Authority")
    await chatter.send("Customs officer")
    await chatter.press("prf1:skip:email")
    sent = await chatter.press("prf1:edit:timezone")
    choices = buttons(sent[-1])
    baku = next(label for label in choices if label.startswith("Baku"))
    assert baku == "Baku (UTC+4)"
    sent = await chatter.press(choices[baku])
    assert "Time zone: Baku (UTC+4)" in texts(sent)[-1] and "Asia/" not in texts(sent)[-1]
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None and user.timezone == "Asia/Baku" and user.country == "ro"


async def test_a_user_who_blocks_the_bot_is_marked_inactive(make_chatter, db):
    chatter = make_chatter()
    await chatter.send("/start")
    member = {
        "chat": {"id": chatter.user.id, "type": "private", "first_name": "Aidos"},
        "from": chatter.user.model_dump(exclude_none=True),
        "date": 1,
        "old_chat_member": {
            "status": "member",
            "user": {"id": 1, "is_bot": True, "first_name": "B"},
        },
        "new_chat_member": {
            "status": "kicked",
            "until_date": 0,
            "user": {"id": 1, "is_bot": True, "first_name": "B"},
        },
    }
    await chatter.feed_update({"my_chat_member": member})
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None and not user.is_active
    await chatter.send("/start")  # writing again makes them reachable again
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None and user.is_active


async def test_organiser_start_sets_the_organiser_command_menu(make_chatter):
    from aiogram.methods import SetMyCommands

    sent = await make_chatter(user_id=ORGANISER_ID).send("/start")
    scoped = [r for r in sent if isinstance(r, SetMyCommands)]
    assert scoped and all(r.scope is not None for r in scoped)
    assert all("stats" in [c.command for c in r.commands] for r in scoped)
    assert not [
        r for r in await make_chatter(user_id=5).send("/start") if isinstance(r, SetMyCommands)
    ]


async def test_the_dialogs_cancel_button_stops_the_dialog_like_the_command(make_chatter, db):
    """Issue 13: every multi-step dialog has a ✖️ Cancel button; it ends the dialog (no state
    left), keeps what was saved, and says so in the user's language."""
    chatter = make_chatter(language_code="ru")
    await chatter.send("/profile")
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Nodira Karimova")
    assert await dialog_rows(db, chatter.user.id) == 1
    sent = await press_under_question(chatter, DialogCb(action=DialogAction.CANCEL).pack())
    assert "Вы вышли из диалога" in texts(sent)[-1]
    assert await dialog_rows(db, chatter.user.id) == 0
    sent = await chatter.press(DialogCb(action=DialogAction.CANCEL).pack())
    assert "нечего" in texts(sent)[-1]  # nothing to stop: said, not an error


async def test_back_and_cancel_of_a_dialog_left_without_cancel_change_nothing_in_the_next(
    make_chatter,
):
    """/newcourse left half-way for /announce: its ‹ Back and ✖️ Cancel are still on the
    screen. Pressed, they must not move or end the announcement being written."""
    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/newcourse")
    await organiser.send("Transit procedures")
    course_question = await question_message(organiser)  # Step 2 of 12: ‹ Back, ✖️ Cancel
    await organiser.send("/announce")
    await organiser.send("Seminar on transit")  # now at the Russian text
    for action in (DialogAction.BACK, DialogAction.CANCEL):
        stale = await organiser.press(DialogCb(action=action).pack(), course_question)
        assert texts(stale) == ["This button is out of date. Send /start to see the menu again."]
    sent = await organiser.send("Семинар по транзиту")
    assert texts(sent)[-1].startswith("Step 3 of 6")


async def test_a_cancel_left_from_another_dialog_does_not_end_newsurvey_nor_delete_its_draft(
    make_chatter, db
):
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/newcourse")
    await organiser.send("Transit procedures")
    course_question = await question_message(organiser)
    offer = await organiser.send("/newsurvey")
    await press_under_question(organiser, next(iter(buttons(offer[-1]).values())))
    for action in (DialogAction.BACK, DialogAction.CANCEL):
        stale = await organiser.press(DialogCb(action=action).pack(), course_question)
        assert texts(stale) == ["This button is out of date. Send /start to see the menu again."]
    (draft,) = await organiser.dp["surveys"].repos.surveys.latest(5)
    assert draft.status == "draft"
    sent = await press_under_question(organiser, DialogCb(action=DialogAction.BACK).pack())
    assert texts(sent)[-1].startswith("Step 1 of 2")
