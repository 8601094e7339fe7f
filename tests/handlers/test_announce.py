"""/announce through the production Dispatcher (issue 13): "Step N of M" with ‹ Back and
✖️ Cancel, answers kept on the way back, several countries or the TRACECA ones as the audience,
and "Send to N people?" before anything is queued."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram.methods import EditMessageReplyMarkup, SendMessage, TelegramMethod

from bot.ui.audience_names import countries_name
from bot.ui.callbacks import AnnounceAction, AnnounceCb, DialogAction, DialogCb
from bot.ui.keyboards import countries_sorted
from storage.courses import CourseRepository, CourseStatus
from storage.database import Database
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import (
    Chatter,
    asked_message_id,
    buttons,
    press_under_question,
    removed_buttons,
    texts,
)
from tests.handlers.test_courses import publish_course

BACK = DialogCb(action=DialogAction.BACK).pack()
KEEP = DialogCb(action=DialogAction.KEEP).pack()

# id -> country: officers who finished their profile (Telegram language English).
OFFICERS = {11: "kz", 12: "uz", 13: "ge", 14: "de", 15: "fr"}


def press_data(action: AnnounceAction, value: str = "") -> str:
    return AnnounceCb(action=action, value=value).pack()


@pytest.fixture
async def officers(db: Database) -> dict[int, str]:
    users = UserRepository(db)
    for uid, code in OFFICERS.items():
        await users.upsert_seen(uid, "en")
        await users.record_consent(uid)
        await users.set_country(uid, code, "UTC")
    return OFFICERS


@pytest.fixture
async def organiser(make_chatter: Any) -> Chatter:
    chatter: Chatter = make_chatter(ORGANISER_ID, name="Olena")
    await chatter.send("/start")
    return chatter


def last(sent: list[TelegramMethod[Any]]) -> SendMessage:
    messages = [r for r in sent if isinstance(r, SendMessage)]
    assert messages, sent
    return messages[-1]


async def button(chatter: Chatter, sent: list[TelegramMethod[Any]], label: str) -> Any:
    """Press the button whose text contains `label` under the last message sent."""
    options = buttons(last(sent))
    matches = [data for text, data in options.items() if label in text]
    assert matches, (label, options)
    return await chatter.press(matches[0])


async def texts_typed(organiser: Chatter) -> list[TelegramMethod[Any]]:
    await organiser.send("/announce")
    await organiser.send("Seminar on transit")
    return await organiser.send("Семинар по транзиту")


async def to_audience(organiser: Chatter) -> list[TelegramMethod[Any]]:
    sent = await texts_typed(organiser)
    return await button(organiser, sent, "Skip")


async def to_preview(organiser: Chatter, sent: list[TelegramMethod[Any]]) -> Any:
    """From the course button question to the preview's summary."""
    sent = await button(organiser, sent, "No button")
    return await button(organiser, sent, "Right away")


async def queued_to(db: Database) -> set[int]:
    rows = await db.fetch_all("SELECT user_id FROM outbox WHERE kind = 'announcement'")
    return {row[0] for row in rows}


async def test_every_announce_question_shows_its_step_with_back_and_cancel(organiser):
    sent = await organiser.send("/announce")
    assert last(sent).text.startswith("Step 1 of 6\n")
    first = buttons(last(sent))
    assert "✖️ Cancel" in first and "‹ Back" not in first  # nothing before the first question
    sent = await organiser.send("Seminar on transit")
    assert last(sent).text.startswith("Step 2 of 6\n")
    sent = await organiser.send("Семинар по транзиту")
    assert last(sent).text.startswith("Step 3 of 6\n")
    sent = await button(organiser, sent, "Skip")
    assert last(sent).text.startswith("Step 4 of 6\n")
    sent = await button(organiser, sent, "By country")
    assert last(sent).text.startswith("Step 4 of 6\n")  # a follow-up of the audience step
    sent = await press_under_question(organiser, BACK)
    sent = await button(organiser, sent, "Everyone")
    assert last(sent).text.startswith("Step 5 of 6\n")
    sent = await button(organiser, sent, "No button")
    assert last(sent).text.startswith("Step 6 of 6\n")
    assert {"‹ Back", "✖️ Cancel"} <= set(buttons(last(sent)))


async def test_back_asks_again_with_the_typed_texts_kept(organiser, db):
    sent = await texts_typed(organiser)
    sent = await press_under_question(
        organiser, BACK
    )  # from the file question to the Russian text
    assert "Now the text in Russian" in last(sent).text
    assert "Now:" in last(sent).text and "Семинар по транзиту" in last(sent).text
    assert "Keep as it is" in buttons(last(sent))
    sent = await press_under_question(organiser, BACK)
    assert "Step 1 of 6" in last(sent).text and "Seminar on transit" in last(sent).text
    sent = await press_under_question(organiser, KEEP)
    assert "Step 2 of 6" in last(sent).text
    sent = await press_under_question(organiser, KEEP)
    assert "Step 3 of 6" in last(sent).text
    sent = await button(organiser, sent, "Skip")
    sent = await button(organiser, sent, "Everyone")
    await to_preview(organiser, sent)
    row = await db.fetch_one("SELECT text_en, text_ru FROM announcements")
    assert tuple(row) == ("Seminar on transit", "Семинар по транзиту")


async def test_back_from_the_preview_keeps_the_audience_and_the_choices(organiser, officers):
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "TRACECA")
    sent = await to_preview(organiser, sent)
    assert "Audience: TRACECA countries" in last(sent).text
    sent = await press_under_question(organiser, BACK)
    assert "Step 6 of 6" in last(sent).text
    assert "Now: Right away" in last(sent).text
    sent = await press_under_question(organiser, BACK)
    assert "Now: No button" in last(sent).text
    sent = await press_under_question(organiser, BACK)
    assert "Step 4 of 6" in last(sent).text
    assert "Now: TRACECA countries" in last(sent).text
    sent = await press_under_question(organiser, KEEP)
    sent = await press_under_question(organiser, KEEP)
    sent = await press_under_question(organiser, KEEP)
    assert "Audience: TRACECA countries" in last(sent).text


async def test_ticked_countries_get_the_announcement_and_no_one_else(
    organiser, officers, db, localizations
):
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "By country")
    # Two columns, in the order of the shared country keyboard (TRACECA countries first).
    markup = last(sent).reply_markup
    assert markup is not None and len(markup.inline_keyboard[0]) == 2
    order = [name for _, name in countries_sorted(localizations.get("en"))]
    assert [b.text for b in markup.inline_keyboard[0]] == order[:2]
    await organiser.press(press_data(AnnounceAction.COUNTRY, "kz"))
    await organiser.press(press_data(AnnounceAction.COUNTRY, "uz"))
    await organiser.press(press_data(AnnounceAction.COUNTRY, "ge"))
    await organiser.press(press_data(AnnounceAction.COUNTRY, "ge"))  # untick
    page = [code for code, _ in countries_sorted(localizations.get("en"))].index("kz") // 20
    turned = await organiser.press(press_data(AnnounceAction.PAGE, str(page)))
    edited = [r for r in turned if getattr(r, "reply_markup", None) is not None][-1]
    labels = buttons(edited)
    assert "✅ Kazakhstan" in labels and "✅ Georgia" not in labels, labels
    sent = await organiser.press(labels["Done: 2 countries"])
    sent = await to_preview(organiser, sent)
    assert "Audience: Kazakhstan and Uzbekistan" in last(sent).text
    sent = await button(organiser, sent, "Send now")
    assert "Send to 2 people?" in last(sent).text
    await button(organiser, sent, "Yes")
    assert await queued_to(db) == {11, 12}  # not Georgia, Germany, France nor the organiser


async def test_traceca_countries_in_one_tap_reach_only_the_corridor(organiser, officers, db):
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "TRACECA countries")
    sent = await to_preview(organiser, sent)
    sent = await button(organiser, sent, "Send now")
    assert "Send to 3 people?" in last(sent).text
    await button(organiser, sent, "Yes")
    assert await queued_to(db) == {11, 12, 13}  # kz, uz, ge; not de, fr


async def test_no_at_the_confirmation_sends_nothing_and_shows_the_preview_again(
    make_chatter, officers, db
):
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Ольга")
    await organiser.send("/start")
    await organiser.send("/announce")
    await organiser.send("Seminar on transit")
    sent = await organiser.send("Семинар по транзиту")
    sent = await button(organiser, sent, "Пропустить")
    sent = await button(organiser, sent, "Всем")
    sent = await button(organiser, sent, "Без кнопки")
    sent = await button(organiser, sent, "Сразу")
    sent = await button(organiser, sent, "Отправить сейчас")
    assert "Отправить 6 получателям?" in last(sent).text  # five officers and the organiser
    sent = await button(organiser, sent, "Нет")
    assert await queued_to(db) == set()
    assert "Получатели: все пользователи" in last(sent).text
    assert "📤 Отправить сейчас" in buttons(last(sent))
    sent = await button(organiser, sent, "Отправить сейчас")
    yes = next(data for text, data in buttons(last(sent)).items() if "Да" in text)
    await organiser.press(yes)
    again = await organiser.press(yes)  # a second press: the dialog is over, nothing sent
    assert not any("Объявление №" in text for text in texts(again))
    assert len(await db.fetch_all("SELECT 1 FROM outbox WHERE kind = 'announcement'")) == 6


async def test_a_scheduled_send_is_confirmed_with_the_count_and_the_time(organiser, officers, db):
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "TRACECA")
    sent = await to_preview(organiser, sent)
    sent = await button(organiser, sent, "Schedule")
    assert {"‹ Back", "✖️ Cancel"} <= set(buttons(last(sent)))
    sent = await organiser.send("2031-05-20 09:00")
    assert "Schedule for 3 people on" in last(sent).text and "2031" in last(sent).text
    row = await db.fetch_one("SELECT status FROM announcements")
    assert row[0] == "draft"  # nothing scheduled before Yes
    sent = await button(organiser, sent, "Yes")
    assert "will go out on" in texts(sent)[-1]
    row = await db.fetch_one("SELECT status FROM announcements")
    assert row[0] == "scheduled"


async def test_the_announcements_list_names_the_audience(organiser, officers):
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "TRACECA")
    sent = await to_preview(organiser, sent)
    sent = await button(organiser, sent, "Send now")
    await button(organiser, sent, "Yes")
    sent = await organiser.send("/announcements")
    assert "to TRACECA countries" in last(sent).text


def test_the_confirmation_counts_people_in_each_language(localizations):
    en, ru = localizations.get("en"), localizations.get("ru")
    assert en("announce-confirm-send", count=1234) == "Send to 1,234 people?"
    assert en("announce-confirm-send", count=1) == "Send to 1 person?"
    assert ru("announce-confirm-send", count=1234).replace("\xa0", " ") == (
        "Отправить 1 234 получателям?"
    )
    assert ru("announce-confirm-send", count=21) == "Отправить 21 получателю?"


def test_several_countries_are_named_then_counted(localizations):
    en, ru = localizations.get("en"), localizations.get("ru")
    assert countries_name(["uz", "kz"], en) == "Kazakhstan and Uzbekistan"
    four = ["kz", "uz", "ge", "tm"]
    named = countries_name(four, en)
    assert named.endswith(" and 2 more") and named.count(",") == 1
    assert countries_name(four, ru).endswith(" и ещё 2 страны")
    assert countries_name(["kz", "uz", "ge", "tm", "am", "az", "tr"], ru).endswith(
        " и ещё 5 стран"
    )


async def test_announcement_numbers_over_999_are_shown_as_ids_without_a_space(organiser, db):
    """Issue 13: ids are not amounts: "#1234", never "#1,234" or "№1 234"."""
    await organiser.dp["announcements"].repos.announcements.create(
        {
            "id": 1234,
            "created_by": ORGANISER_ID,
            "text_en": "Hello",
            "audience": '{"kind": "traceca"}',
            "status": "done",
        }
    )
    sent = await organiser.send("/announcements")
    assert "#1234 · done" in last(sent).text
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "Everyone")
    sent = await to_preview(organiser, sent)
    sent = await button(organiser, sent, "Send now")
    sent = await button(organiser, sent, "Yes")
    assert "Announcement #1235 is going out" in texts(sent)[-1]


async def test_a_refused_audience_answer_leaves_the_question_to_answer_again(organiser):
    sent = await to_audience(organiser)
    refused = await button(organiser, sent, "Participants of a course")  # no course yet
    assert "There are no published courses" in " ".join(texts(refused))
    assert not [r for r in refused if isinstance(r, EditMessageReplyMarkup)]  # buttons kept
    sent = await button(organiser, sent, "Everyone")
    assert last(sent).text.startswith("Step 5 of 6\n")


async def test_the_course_button_step_offers_only_courses_open_for_sign_up(make_chatter, db):
    """Issue 13 (phone screens): the “button that opens a course” step offered a course that
    had taken place; its button would open a card nobody can sign up from."""
    await publish_course(db, "Transit later", days=30)
    await publish_course(db, "Transit soon", days=10)
    past = await publish_course(db, "Transit past", days=-5)
    await CourseRepository(db).set_status(past, CourseStatus.FINISHED)
    organiser = make_chatter(ORGANISER_ID)
    await texts_typed(organiser)
    await organiser.press(AnnounceCb(action=AnnounceAction.SKIP).pack())
    sent = await organiser.press(AnnounceCb(action=AnnounceAction.AUDIENCE, value="all").pack())
    question = last(sent)
    assert "Transit soon" in question.text and "Transit later" in question.text
    assert "Transit past" not in question.text
    assert question.text.index("Transit soon") < question.text.index("Transit later")
    # A forged press for the finished course is refused and changes nothing.
    forged = AnnounceCb(action=AnnounceAction.BUTTON, value=str(past)).pack()
    assert "out of date" in texts(await organiser.press(forged))[0]


async def test_a_past_time_to_schedule_is_refused_and_can_be_typed_again(organiser, officers, db):
    """A time already past is said at once, the question stays: before, "Schedule for …?"
    was asked, and its Yes ended the dialog with "That time is in the past." and nothing kept."""
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "Everyone")
    sent = await to_preview(organiser, sent)
    await button(organiser, sent, "Schedule")
    refused = await organiser.send("01.01.2020 09:00")
    assert "That time is in the past." in texts(refused)[-1]
    assert "/cancel" in texts(refused)[-1]
    assert not any("Schedule for" in text for text in texts(refused))
    sent = await organiser.send("20.05.2031 09:00")
    assert "Schedule for" in last(sent).text
    await button(organiser, sent, "Yes")
    row = await db.fetch_one("SELECT status FROM announcements")
    assert row[0] == "scheduled"


async def test_a_time_that_passed_while_confirming_keeps_the_dialog(organiser, officers, db):
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "Everyone")
    sent = await to_preview(organiser, sent)
    await button(organiser, sent, "Schedule")
    confirmation = await organiser.send("20.05.2031 09:00")
    service = organiser.dp["announcements"]
    service.clock = lambda: datetime(2031, 5, 21, tzinfo=UTC)  # the organiser came back late
    refused = await button(organiser, confirmation, "Yes")
    assert "That time is in the past." in texts(refused)[-1]
    sent = await button(organiser, confirmation, "No")  # the dialog is still there
    assert "📤 Send now" in buttons(last(sent))
    row = await db.fetch_one("SELECT status FROM announcements")
    assert row[0] == "draft"


async def test_a_typed_answer_removes_the_buttons_of_its_announce_question(organiser):
    """An answer typed as a message left Skip, ‹ Back and ✖️ Cancel under its question: the
    old Skip under the English text then skipped the Russian one (or the file)."""
    await organiser.send("/announce")
    english = await asked_message_id(organiser)
    sent = await organiser.send("Seminar on transit")
    assert english is not None and removed_buttons(sent) == [(english, None)]
    russian = await asked_message_id(organiser)
    sent = await organiser.send("Семинар по транзиту")
    assert removed_buttons(sent) == [(russian, None)]


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_the_russian_text_question_names_same_text_only_when_it_offers_it(
    make_chatter, localizations, language
):
    """With the English text skipped there is no “Same text for everyone” button, so the
    question must not tell the organiser to tap it."""
    organiser = make_chatter(ORGANISER_ID, language_code=language)
    await organiser.send("/start")
    await organiser.send("/announce")
    sent = await organiser.press(press_data(AnnounceAction.SKIP))
    same = localizations.get(language).plain("button-announce-same-text")
    assert same not in buttons(last(sent))
    assert same not in last(sent).text


async def test_an_organiser_reads_scheduled_times_by_city_not_by_iana_id(organiser, officers, db):
    """Organisers read times like officers do (“09:00 Tashkent time (UTC+5)”): the schedule
    question, the confirmation and the reply showed “(Asia/Tashkent)”."""
    users = UserRepository(db)
    await users.record_consent(ORGANISER_ID)  # a profile's zone needs consent
    await users.set_profile_field(ORGANISER_ID, "timezone", "Asia/Tashkent")
    sent = await to_audience(organiser)
    sent = await button(organiser, sent, "Everyone")
    sent = await to_preview(organiser, sent)
    asked = last(await button(organiser, sent, "Schedule")).text
    assert "Tashkent (UTC+5)" in asked and "Asia/" not in asked
    sent = await organiser.send("20.05.2031 09:00")
    assert "20 May 2031, 09:00 Tashkent time (UTC+5)?" in last(sent).text
    done = texts(await button(organiser, sent, "Yes"))[-1]
    assert "09:00 Tashkent time (UTC+5)" in done and "Asia/" not in done
