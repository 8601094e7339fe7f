"""Issue 13: the profile dialog as an officer on a phone meets it: steps with Back and Keep, edits
that offer only the buttons they name, time zones by city, and the country keyboard."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardMarkup

from bot.countries import BY_CODE, folded
from bot.ui.callbacks import (
    ConsentCb,
    CountryCb,
    CourseAction,
    CourseCb,
    DialogAction,
    DialogCb,
    ProfileAction,
    ProfileCb,
    TimezoneCb,
)
from storage.courses import CourseRepository
from storage.database import Database
from storage.users import PROFILE_FIELDS, User, UserRepository
from tests.factories import course_values, create_course
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


def last_question(sent: list[TelegramMethod[Any]]) -> SendMessage:
    return [r for r in sent if isinstance(r, SendMessage)][-1]


def rows(message: SendMessage) -> list[list[str]]:
    markup = message.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [[button.text for button in row] for row in markup.inline_keyboard]


async def stored(db: Database, chatter: Chatter) -> User:
    user = await UserRepository(db).get(chatter.user.id)
    assert user is not None
    return user


async def start_wizard(chatter: Chatter) -> list[TelegramMethod[Any]]:
    await chatter.send("/profile")
    return await chatter.press(ConsentCb(agree=True).pack())


async def complete_profile(chatter: Chatter, email: str | None = "ana@customs.ro") -> None:
    await start_wizard(chatter)
    await chatter.send("Ana Popescu")
    await chatter.press(CountryCb(code="ro").pack())
    await chatter.send("Romanian Customs Authority")
    await chatter.send("Customs officer")
    if email:
        await chatter.send(email)
    else:
        await chatter.press(ProfileCb(action=ProfileAction.SKIP, field="email").pack())


async def test_profile_steps_are_counted_and_back_shows_the_answer_to_keep(make_chatter, db):
    chatter = make_chatter(language_code="en")
    question = last_question(await start_wizard(chatter))
    assert question.text.startswith("Step 1 of 5\n")
    assert "‹ Back" not in buttons(question) and "✖️ Cancel" in buttons(question)

    question = last_question(await chatter.send("Aidos Nurpeisov"))
    assert question.text.startswith("Step 2 of 5\n") and "Your country" in question.text
    assert {"‹ Back", "✖️ Cancel"} <= set(buttons(question))

    question = last_question(await press_under_question(chatter, BACK))
    assert question.text.startswith("Step 1 of 5\n") and "Your full name" in question.text
    assert "Now: Aidos Nurpeisov" in question.text
    assert "Keep as it is" in buttons(question)

    question = last_question(await press_under_question(chatter, KEEP))
    assert question.text.startswith("Step 2 of 5\n") and "Your country" in question.text
    user = await stored(db, chatter)
    assert user.full_name == "Aidos Nurpeisov"


async def test_back_from_the_last_step_and_keep_returns_to_the_email_question(make_chatter, db):
    chatter = make_chatter(language_code="ru")
    await start_wizard(chatter)
    await chatter.send("Нурпеисов Айдос")
    await chatter.press(CountryCb(code="kz").pack())
    await chatter.send("Комитет государственных доходов")
    question = last_question(await chatter.send("Главный инспектор"))
    assert question.text.startswith("Шаг 5 из 5\n")
    question = last_question(await press_under_question(chatter, BACK))
    assert "Сейчас: Главный инспектор" in question.text
    question = last_question(await press_under_question(chatter, KEEP))
    assert question.text.startswith("Шаг 5 из 5\n") and "электронной почты" in question.text
    sent = await chatter.press(ProfileCb(action=ProfileAction.SKIP, field="email").pack())
    assert "Ваш профиль сохранён." in texts(sent)


async def test_editing_the_email_offers_keep_and_keep_leaves_the_address(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await complete_profile(chatter)
    question = last_question(await chatter.press("prf1:edit:email"))
    labels = set(buttons(question))
    assert "Keep as it is" in labels and "Skip" not in labels
    assert "🗑 Delete my e-mail address" in labels  # says what it does

    sent = await press_under_question(chatter, KEEP)
    assert "Nothing was changed." in texts(sent)
    user = await stored(db, chatter)
    assert user.email == "ana@customs.ro"

    # A Skip left in the chat by the step-by-step profile does not delete it either.
    await chatter.press("prf1:edit:email")
    await chatter.press(ProfileCb(action=ProfileAction.SKIP, field="email").pack())
    user = await stored(db, chatter)
    assert user.email == "ana@customs.ro"


async def test_the_delete_button_removes_the_email_address(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await complete_profile(chatter)
    question = last_question(await chatter.press("prf1:edit:email"))
    sent = await chatter.press(buttons(question)["🗑 Delete my e-mail address"])
    assert "E-mail: —" in texts(sent)[-1]
    user = await stored(db, chatter)
    assert user.email is None


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_every_profile_prompt_names_only_buttons_that_are_there(make_chatter, language):
    """Each “quoted” / «quoted» button a question names is under it; an edit always offers
    Keep as it is."""
    chatter = make_chatter(language_code=language)
    asked = [last_question(await start_wizard(chatter))]
    asked.append(last_question(await chatter.send("Ana Popescu")))
    asked.append(last_question(await chatter.press(CountryCb(code="ro").pack())))
    asked.append(last_question(await chatter.send("Romanian Customs Authority")))
    asked.append(last_question(await chatter.send("Customs officer")))
    await chatter.press(ProfileCb(action=ProfileAction.SKIP, field="email").pack())
    keep = "Keep as it is" if language == "en" else "Оставить как есть"
    for field in PROFILE_FIELDS:
        question = last_question(await chatter.press(f"prf1:edit:{field}"))
        assert keep in buttons(question), field
        asked.append(question)
        await press_under_question(chatter, KEEP)
    await chatter.press("prf1:edit:email")
    await chatter.send("ana@customs.ro")
    asked.append(last_question(await chatter.press("prf1:edit:email")))  # one to delete
    for question in asked:
        named = re.findall(r"“([^”]+)”|«([^»]+)»", question.text)
        for quoted in ("".join(parts) for parts in named):
            assert quoted in {label.lstrip("🗑 ") for label in buttons(question)}, question.text


async def test_typing_a_city_in_russian_sets_its_time_zone(make_chatter, db):
    chatter = make_chatter(language_code="ru")
    await complete_profile(chatter)
    question = last_question(await chatter.press("prf1:edit:timezone"))
    assert "Asia/" not in question.text and "IANA" not in question.text
    sent = await chatter.send("Ташкент")
    assert "Часовой пояс: Ташкент (UTC+5)" in texts(sent)[-1]
    user = await stored(db, chatter)
    assert user.timezone == "Asia/Tashkent"

    await chatter.press("prf1:edit:timezone")
    await chatter.send("Astana")  # a capital the zone is not named after, in English
    user = await stored(db, chatter)
    assert user.timezone == "Asia/Almaty"


async def test_a_city_that_cannot_be_placed_gets_what_to_do(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await complete_profile(chatter)
    await chatter.press("prf1:edit:timezone")
    sent = await chatter.send("Atlantis")
    reply = last_question(sent)
    assert "I could not find “Atlantis”" in reply.text and "capital" in reply.text
    assert "Baku (UTC+4)" in buttons(reply) and "Keep as it is" in buttons(reply)
    user = await stored(db, chatter)
    assert user.timezone == "Europe/Bucharest"


async def course_card(chatter: Chatter, db: Database, zone: str) -> str:
    """The card of a course in `zone` from 05:00 to 13:00 UTC on 9 March 2027 (09:00 in Baku,
    07:00 in Bucharest), as `chatter` reads it."""
    start = datetime(2027, 3, 9, 5, 0, tzinfo=UTC)
    deadline = datetime.now(UTC) + timedelta(days=30)
    values = course_values(start, start + timedelta(hours=8), deadline, timezone=zone)
    course = await create_course(CourseRepository(db), values)
    sent = await chatter.press(CourseCb(action=CourseAction.VIEW, course_id=course.id).pack())
    return texts(sent)[-1]


async def test_an_officer_in_baku_reads_baku_time_never_an_iana_id(make_chatter, db):
    chatter = make_chatter(language_code="en")
    await complete_profile(chatter)
    await chatter.press("prf1:edit:timezone")
    card = texts(await chatter.send("Baku"))[-1]
    assert "Time zone: Baku (UTC+4)" in card and "Asia/" not in card

    text = await course_card(chatter, db, "Europe/Bucharest")
    assert "07:00 – 15:00 Bucharest time (UTC+2)" in text
    assert "🕒 For you: 9 March 2027, 09:00 Baku time (UTC+4)" in text
    assert "/" not in text.replace("</b>", "")  # no Europe/…, Asia/… anywhere


async def test_russian_course_card_says_po_vremeni(make_chatter, db):
    chatter = make_chatter(language_code="ru")
    await complete_profile(chatter)
    text = await course_card(chatter, db, "Asia/Baku")
    assert "09:00 – 17:00 по времени Баку (UTC+4)" in text
    assert "🕒 Для вас: 9 марта 2027, 07:00 по времени Бухареста (UTC+2)" in text


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_country_keyboard_has_two_columns_and_traceca_first(make_chatter, language):
    chatter = make_chatter(language_code=language)
    await start_wizard(chatter)
    question = last_question(await chatter.send("Ana Popescu"))
    country_rows = rows(question)[:-2]  # then: Other countries, and ‹ Back / ✖️ Cancel
    assert all(len(row) <= 2 for row in rows(question))
    names = [name for row in country_rows for name in row]
    codes = [code for code, country in BY_CODE.items() if country.traceca]
    assert len(names) == len(codes)  # the first page: the TRACECA countries, alphabetical
    assert names == sorted(names, key=folded)
    if language == "en":
        assert names.index("Türkiye") < names.index("Turkmenistan")  # not after the z's
    traceca = {data.split(":")[1] for name, data in buttons(question).items() if name in names}
    assert traceca == set(codes)

    other = "Other countries ›" if language == "en" else "Другие страны ›"
    page = await chatter.press(buttons(question)[other])
    markup = page[-1].reply_markup  # the same message's buttons, turned to the next page
    assert isinstance(markup, InlineKeyboardMarkup)
    assert all(len(row) <= 2 for row in markup.inline_keyboard)
    assert not {b.callback_data for row in markup.inline_keyboard for b in row} & {
        CountryCb(code=code, page=1).pack() for code in codes
    }


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("en", "Please tap one of the buttons above or type the name as a text message"),
        ("ru", "нажмите на одну из кнопок выше или напишите название текстовым сообщением"),
    ],
)
async def test_a_sticker_for_the_country_gets_the_hint_that_names_can_be_typed(
    make_chatter, language, hint
):
    chatter = make_chatter(language_code=language)
    await start_wizard(chatter)
    await chatter.send("Ana Popescu")
    assert hint in texts(await chatter.send_sticker())[0]


async def test_a_typed_profile_answer_removes_the_buttons_of_its_question(make_chatter):
    """A typed answer left ✖️ Cancel (and ‹ Back, Keep as it is) under its question; pressed
    days later, the old Cancel ended whatever dialog was open then."""
    chatter = make_chatter(language_code="en")
    await start_wizard(chatter)
    name = await asked_message_id(chatter)
    sent = await chatter.send("Ana Popescu")
    assert name is not None and removed_buttons(sent) == [(name, None)]
    await chatter.press(CountryCb(code="ro").pack())
    await chatter.send("Romanian Customs Authority")
    position = await asked_message_id(chatter)
    await chatter.send("Customs officer")
    email = await asked_message_id(chatter)
    sent = await chatter.send("ana@customs.ro")  # the last step: the dialog ends
    assert position != email and removed_buttons(sent) == [(email, None)]


async def test_a_refused_typed_answer_moves_the_buttons_under_the_refusal(make_chatter):
    chatter = make_chatter(language_code="en")
    await start_wizard(chatter)
    await chatter.send("Ana Popescu")
    country = await asked_message_id(chatter)
    sent = await chatter.send("Atlantis")
    assert removed_buttons(sent) == [(country, None)]
    assert "I could not find this country" in last_question(sent).text
    assert await asked_message_id(chatter) not in (None, country)


async def test_after_going_back_two_steps_keep_leads_through_each_step_again(make_chatter):
    """‹ Back from Step 4 to Step 2, then Keep as it is: Step 3 comes next (its answer shown,
    to keep or change), not Step 4 as if the step gone back through were not there."""
    chatter = make_chatter(language_code="en")
    await start_wizard(chatter)
    await chatter.send("Ana Popescu")
    await chatter.press(CountryCb(code="ro").pack())
    await chatter.send("Romanian Customs Authority")
    await press_under_question(chatter, BACK)
    assert last_question(await press_under_question(chatter, BACK)).text.startswith("Step 2 of 5")
    organisation = last_question(await press_under_question(chatter, KEEP))
    assert organisation.text.startswith("Step 3 of 5")
    assert "Now: Romanian Customs Authority" in organisation.text
    assert last_question(await press_under_question(chatter, KEEP)).text.startswith("Step 4 of 5")
    await chatter.send("Customs officer")
    done = await chatter.send("ana@customs.ro")
    assert "Your profile is saved." in texts(done)


async def test_a_sign_up_refused_after_the_last_profile_step_does_not_ask_for_another_value(
    make_chatter, db
):
    """The profile was collected for a sign-up and the course was cancelled meanwhile: the
    dialog is over, so the refusal must not end with "Send another value, or /cancel"."""
    course_id = await publish_course(db, "Transit", days=10)
    chatter = make_chatter(language_code="en")
    await chatter.send("/start")
    await chatter.press(CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack())
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send("Ana Popescu")
    await chatter.press(CountryCb(code="ro").pack())
    await chatter.send("Romanian Customs Authority")
    await chatter.send("Customs officer")
    await chatter.dp["course_service"].cancel(course_id)
    replies = texts(await chatter.send("ana@customs.ro"))
    assert "Your profile is saved." in replies
    assert "Send another value" not in replies[-1], replies


async def test_an_old_time_zone_button_left_in_the_chat_changes_nothing(make_chatter, db):
    """The time-zone buttons count only while the profile asks for the time zone: one left in
    the chat from an earlier edit never changes the zone later."""
    chatter = make_chatter(language_code="en")
    await complete_profile(chatter)
    before = await stored(db, chatter)
    replies = await chatter.press(TimezoneCb(index=3).pack())
    assert "out of date" in " ".join(texts(replies))
    assert (await stored(db, chatter)).timezone == before.timezone
