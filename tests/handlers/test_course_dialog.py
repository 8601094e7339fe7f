"""Issue 13: the course dialog (/newcourse step by step) and the field edits, as an organiser
on a phone meets them: Step N of M, ‹ Back with the answer kept, Keep as it is, and only the
buttons the question names."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod

from bot.i18n import Localizations, Translator
from bot.services.courses import EDITABLE
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    CourseFormAction,
    CourseFormCb,
    DialogAction,
    DialogCb,
)
from storage.courses import DIALOG_STEPS, CourseRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import Chatter, buttons, press_under_question, texts
from tests.handlers.harness import question_message as question
from tests.handlers.test_courses import publish_course

BACK = DialogCb(action=DialogAction.BACK).pack()
KEEP = DialogCb(action=DialogAction.KEEP).pack()
SKIP = CourseFormCb(action=CourseFormAction.SKIP).pack()
DEFAULT = CourseFormCb(action=CourseFormAction.DEFAULT).pack()
MODE_OPEN = CourseFormCb(action=CourseFormAction.MODE, value="open").pack()
EXPIRED = "This button is out of date. Send /start to see the menu again."

# The answers of the first eight steps, typed (title_en ... place).
TYPED = (
    "Transit procedures",
    "Транзитные процедуры",
    "NCTS and TIR.",
    "NCTS и МДП.",
    "Europe/Chisinau",
    "15.03.2030 09:00",
    "17.03.2030 17:00",
    "Chisinau, Customs Academy",
)


def asked(sent: list[TelegramMethod[Any]]) -> SendMessage:
    """The last message sent: the question now asked."""
    messages = [r for r in sent if isinstance(r, SendMessage)]
    assert messages, sent
    return messages[-1]


def alerts(sent: list[TelegramMethod[Any]]) -> list[str | None]:
    return [r.text for r in sent if isinstance(r, AnswerCallbackQuery)]


async def start_dialog(chatter: Chatter, steps: int) -> list[TelegramMethod[Any]]:
    """/newcourse, then the first `steps` answers typed."""
    sent = await chatter.send("/newcourse")
    for answer in TYPED[:steps]:
        sent = await chatter.send(answer)
    return sent


async def test_each_course_question_shows_its_step_with_back_and_cancel(make_chatter):
    organiser = make_chatter(ORGANISER_ID)
    first = asked(await organiser.send("/newcourse"))
    assert first.text.startswith("Step 1 of 12\nTitle in English")
    assert set(buttons(first)) == {"✖️ Cancel"}  # nothing to go back to yet
    second = asked(await organiser.send("Transit procedures"))
    assert second.text.startswith("Step 2 of 12\nTitle in Russian")
    assert set(buttons(second)) == {"Skip", "‹ Back", "✖️ Cancel"}
    capacity = asked(await start_dialog(organiser, steps=8))
    assert capacity.text.startswith("Step 9 of 12\nHow many seats?")
    assert set(buttons(capacity)) == {"No limit", "‹ Back", "✖️ Cancel"}


async def test_back_returns_to_the_previous_question_with_its_answer_kept(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    await start_dialog(organiser, steps=7)  # the place is asked now
    end = asked(await press_under_question(organiser, BACK))
    assert end.text.startswith("Step 7 of 12\nEnd, local time of the course")
    assert "Now: 17.03.2030 17:00" in end.text
    assert "Keep as it is" in buttons(end)
    start = asked(await press_under_question(organiser, BACK))
    assert "Now: 15.03.2030 09:00" in start.text
    # Keep as it is: on to the next question, which still has its answer too.
    end = asked(await press_under_question(organiser, KEEP))
    assert "Now: 17.03.2030 17:00" in end.text
    # A typed answer replaces the kept one.
    place = asked(await organiser.send("18.03.2030 17:00"))
    assert place.text.startswith("Step 8 of 12\nWhere?")
    assert "Keep as it is" not in buttons(place)  # not answered yet
    await organiser.send("Chisinau")
    await press_under_question(organiser, DEFAULT)  # no limit
    await press_under_question(organiser, DEFAULT)  # until the start
    await press_under_question(
        organiser, CourseFormCb(action=CourseFormAction.LANGUAGE, value="en").pack()
    )
    await press_under_question(organiser, MODE_OPEN)
    (course,), _ = await CourseRepository(db).all(0, 10)
    assert course.title_en == "Transit procedures"
    assert course.starts_at == datetime(2030, 3, 15, 7, 0, tzinfo=UTC)  # Chisinau: UTC+2
    assert course.ends_at == datetime(2030, 3, 18, 15, 0, tzinfo=UTC)
    assert course.deadline_at == course.starts_at and course.capacity is None


async def test_a_start_moved_after_the_kept_end_is_caught_when_the_end_is_reached(make_chatter):
    organiser = make_chatter(ORGANISER_ID)
    await start_dialog(organiser, steps=7)
    await press_under_question(organiser, BACK)
    await press_under_question(organiser, BACK)
    end = asked(await organiser.send("20.03.2030 09:00"))
    assert end.text.startswith("Step 7 of 12")
    assert "no longer fits: the end must be after the start." in end.text
    assert "Keep as it is" not in buttons(end)
    # Keep is not offered; pressed anyway (an old or forged button), it changes nothing.
    refused = await press_under_question(organiser, KEEP)
    assert alerts(refused) == [EXPIRED]
    place = asked(await organiser.send("21.03.2030 17:00"))
    assert place.text.startswith("Step 8 of 12")


async def test_a_button_under_an_earlier_question_changes_nothing(make_chatter):
    organiser = make_chatter(ORGANISER_ID)
    await start_dialog(organiser, steps=1)
    title_ru = await question(organiser)  # its Skip button, still on the phone's screen
    await organiser.send("Транзитные процедуры")
    for data in (SKIP, BACK, KEEP):
        stale = await organiser.press(data, title_ru)
        assert alerts(stale) == [EXPIRED], data
        assert not [r for r in stale if isinstance(r, SendMessage)]
    # The dialog is still at the English description, which was not skipped.
    sent = await organiser.send("NCTS and TIR.")
    assert asked(sent).text.startswith("Step 4 of 12")
    back = asked(await press_under_question(organiser, BACK))
    assert "Now: NCTS and TIR." in back.text


async def test_a_typed_answer_removes_the_buttons_of_its_question(make_chatter):
    organiser = make_chatter(ORGANISER_ID)
    await start_dialog(organiser, steps=1)
    title_ru = await question(organiser)
    sent = await organiser.send("Транзитные процедуры")
    removed = [r for r in sent if type(r).__name__ == "EditMessageReplyMarkup"]
    assert [(r.message_id, r.reply_markup) for r in removed] == [(title_ru.message_id, None)]


# -- edits of a course's fields --------------------------------------------------------------


async def open_edit(organiser: Chatter, course_id: int, field: str) -> SendMessage:
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.EDIT_FIELD, course_id=course_id, arg=field).pack()
    )
    return asked(sent)


async def test_keep_as_it_is_in_an_edit_leaves_the_course_unchanged(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    before = await CourseRepository(db).get(course_id)
    organiser = make_chatter(ORGANISER_ID)
    prompt = await open_edit(organiser, course_id, "capacity")
    assert "Now: 10" in prompt.text and "Keep as it is" in buttons(prompt)
    sent = await press_under_question(organiser, KEEP)
    assert "Transit" in asked(sent).text and "Edit" in " ".join(buttons(asked(sent)))
    assert await CourseRepository(db).get(course_id) == before
    # The edit is over: a number typed now is no answer to it.
    assert "10" not in " ".join(texts(await organiser.send("25")))
    assert await CourseRepository(db).get(course_id) == before


async def test_the_buttons_an_edit_prompt_names_do_what_they_say(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID)
    await open_edit(organiser, course_id, "capacity")
    saved = await press_under_question(organiser, DEFAULT)
    assert "Saved." in " ".join(texts(saved))
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.capacity is None
    await open_edit(organiser, course_id, "deadline_at")
    await press_under_question(organiser, DEFAULT)
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.deadline_at == course.starts_at
    prompt = await open_edit(organiser, course_id, "language")
    assert {"English", "Russian"} <= set(buttons(prompt))
    await press_under_question(organiser, buttons(prompt)["Russian"])
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.language == "ru"
    prompt = await open_edit(organiser, course_id, "timezone")
    assert {"UTC", "Europe/Chisinau"} <= set(buttons(prompt))  # the default, the current one


async def test_an_edited_date_is_shown_and_taken_as_the_organiser_types_it(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID, language_code="ru")
    prompt = await open_edit(organiser, course_id, "starts_at")
    assert "ДД.ММ.ГГГГ ЧЧ:ММ" in prompt.text
    now_line = next(line for line in prompt.text.splitlines() if line.startswith("Сейчас: "))
    assert len(now_line.removeprefix("Сейчас: ")) == len("15.03.2030 09:00")
    await organiser.send("15.03.2030 9:00")
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.starts_at == datetime(2030, 3, 15, 7, 0, tzinfo=UTC)


# Buttons a prompt may name by their text, in either language.
NAMED_BUTTONS = (
    "button-skip",
    "button-unlimited",
    "button-deadline-at-start",
    "button-dialog-keep",
)


def named_but_missing(prompt: SendMessage, t: Translator) -> list[str]:
    """The buttons the prompt's text names that are not under it."""
    offered = set(buttons(prompt))
    question = prompt.text.split("\n")
    # "Now: No limit" shows the value, it names no button: only the question lines count.
    words = "\n".join(
        line for line in question if not line.startswith(t.plain("course-edit-current", value=""))
    )
    return [t.plain(k) for k in NAMED_BUTTONS if t.plain(k) in words and t.plain(k) not in offered]


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_every_edit_prompt_offers_keep_and_the_buttons_it_names(
    make_chatter, db, localizations: Localizations, locale
):
    """Issue 13: edit prompts said "tap No limit", "Until the start", "Skip" with no such
    button, and the language had no en/ru buttons."""
    t = localizations.get(locale)
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID, language_code=locale)
    for field in EDITABLE:
        prompt = await open_edit(organiser, course_id, field)
        assert t.plain("button-dialog-keep") in buttons(prompt), field
        assert named_but_missing(prompt, t) == [], field
        if field == "language":
            assert {
                t.plain("button-course-language-en"),
                t.plain("button-course-language-ru"),
            } <= set(buttons(prompt))
        await press_under_question(organiser, KEEP)


@pytest.mark.parametrize("locale", ["en", "ru"])
async def test_every_dialog_question_offers_the_buttons_it_names(
    make_chatter, localizations: Localizations, locale
):
    t = localizations.get(locale)
    organiser = make_chatter(ORGANISER_ID, language_code=locale)
    prompt = asked(await organiser.send("/newcourse"))
    for number, step in enumerate(DIALOG_STEPS, start=1):
        assert prompt.text.startswith(t.plain("dialog-step", number=number, total=12)), step
        assert named_but_missing(prompt, t) == [], step
        if step == "language":
            assert {
                t.plain("button-course-language-en"),
                t.plain("button-course-language-ru"),
            } <= set(buttons(prompt))
            break
        if step == "timezone":
            assert "UTC" in buttons(prompt)
        answer = dict(zip(DIALOG_STEPS, TYPED, strict=False)).get(step)
        if answer is None:  # capacity, deadline: their buttons
            sent = await press_under_question(organiser, DEFAULT)
        else:
            sent = await organiser.send(answer)
        prompt = asked(sent)


async def test_an_edit_of_a_course_cancelled_meanwhile_ends_instead_of_asking_again(
    make_chatter, db
):
    """The course was cancelled (or its draft deleted) while the edit prompt waited: the
    organiser is told so, not "Send another value" to a prompt that can never take one."""
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID)
    await open_edit(organiser, course_id, "capacity")
    await organiser.dp["course_service"].cancel(course_id)
    refused = " ".join(texts(await organiser.send("25")))
    assert "cannot be changed" in refused and "Send another value" not in refused
    # The edit is over: the next message is no answer to it.
    assert "cannot be changed" not in " ".join(texts(await organiser.send("30")))


async def test_an_edit_of_a_draft_deleted_meanwhile_ends(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    published = await CourseRepository(db).get(await publish_course(db, "Transit", days=20))
    assert published is not None
    values = {f: getattr(published, f) for f in ("title_en", "starts_at", "ends_at")}
    values |= {"deadline_at": published.starts_at, "timezone": "UTC", "language": "en"}
    draft = await organiser.dp["course_service"].create({**values, "venue": "Baku"}, None)
    course_id = draft.id
    await open_edit(organiser, course_id, "title_en")
    await organiser.dp["course_service"].delete_draft(course_id)
    refused = " ".join(texts(await organiser.send("Transit procedures")))
    assert "no longer available" in refused and "Send another value" not in refused
    assert "no longer available" not in " ".join(texts(await organiser.send("Again")))
