"""Issue 13, every screen right on a phone: list buttons not cut off (the message names each
course in full), short button labels, and card texts that fit the reader's situation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram.methods import SendMessage, TelegramMethod

from bot.i18n import Localizations
from bot.services.surveys.model import Bilingual, Question, QuestionKind, SurveyDraft
from bot.ui.callbacks import (
    AnnounceAction,
    AnnounceCb,
    CourseAction,
    CourseCb,
    SurveyAdminAction,
    SurveyAdminCb,
)
from bot.ui.course_list import BUTTON_CHARS, shorten
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, texts
from tests.handlers.test_course_dialog import DEFAULT, TYPED, asked, press_under_question
from tests.handlers.test_courses import complete_profile, publish_course

LONG = "Risk management at border crossing points and inland customs posts"
# Telegram leaves out the buttons that are not of this list; the rest must fit the phone.
NAVIGATION = {"‹ Back", "✖️ Cancel", "Next ›", "‹ Previous", "⚙️ Manage courses"}


def messages(sent: list[TelegramMethod[Any]]) -> list[SendMessage]:
    return [r for r in sent if isinstance(r, SendMessage)]


def course_labels(message: SendMessage) -> list[str]:
    return [label for label in buttons(message) if label not in NAVIGATION]


def assert_fits_a_phone(labels: list[str]) -> None:
    too_long = [label for label in labels if len(label) > BUTTON_CHARS]
    assert not too_long, too_long


def test_a_long_title_is_shortened_after_a_whole_word():
    assert shorten(LONG, 28) == "Risk management at border…"
    assert shorten("Transit", 28) == "Transit"
    assert shorten("Single Window and electronic data exchange", 25) == "Single Window…"
    assert shorten("Управление рисками в пунктах пропуска", 25) == "Управление рисками…"
    assert len(shorten("Supercalifragilisticexpialidocious customs", 20)) == 20


async def test_catalogue_buttons_fit_a_phone_and_the_message_names_each_course(make_chatter, db):
    for number in range(7):
        await publish_course(db, f"{LONG} {number}", days=10 + number)
    chatter = make_chatter()
    first = messages(await chatter.send("/courses"))[-1]
    labels = course_labels(first)
    assert len(labels) == 5
    assert_fits_a_phone(labels)
    assert labels[0] == "1 · Risk management at border…"
    # The day in the course's own zone (Chisinau): after 22:00 UTC it is already tomorrow.
    day = (datetime.now(UTC) + timedelta(days=10)).astimezone(ZoneInfo("Europe/Chisinau")).day
    assert f"<b>1.</b> {day}" in first.text
    assert f"{LONG} 0" in first.text and f"{LONG} 4" in first.text
    page_two = (await chatter.press(buttons(first)["Next ›"]))[-1]
    assert "<b>6.</b>" in page_two.text and f"{LONG} 6" in page_two.text
    assert course_labels(page_two)[0].startswith("6 · ")


async def test_my_courses_names_each_course_with_its_status_under_short_buttons(make_chatter, db):
    confirmed = await publish_course(db, f"{LONG} A", days=10)
    full = await publish_course(db, f"{LONG} B", days=12, capacity=1)
    for user_id in (61, 62):
        await complete_profile(db, user_id)
    await make_chatter(user_id=61).press(
        CourseCb(action=CourseAction.SIGN_UP, course_id=full).pack()
    )
    officer = make_chatter(user_id=62)
    for course_id in (confirmed, full):
        await officer.press(CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack())
    mine = messages(await officer.send("/my"))[-1]
    assert_fits_a_phone(course_labels(mine))
    assert "<b>1.</b>" in mine.text and f"{LONG} A" in mine.text and f"{LONG} B" in mine.text
    assert "You are signed up" in mine.text and "Your number on the waiting list: 1" in mine.text


async def test_announce_course_questions_name_each_course_under_short_buttons(make_chatter, db):
    await publish_course(db, LONG, days=10)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.send("/start")
    await organiser.send("/announce")
    await organiser.send("Seminar on transit")
    await organiser.send("Семинар по транзиту")
    await organiser.press(AnnounceCb(action=AnnounceAction.SKIP).pack())
    sent = await organiser.press(AnnounceCb(action=AnnounceAction.AUDIENCE, value="course").pack())
    asked_course = messages(sent)[-1]
    assert LONG in asked_course.text
    assert_fits_a_phone(course_labels(asked_course))
    assert "1 · Risk management at border…" in buttons(asked_course)


async def test_results_survey_buttons_fit_a_phone(make_chatter):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    title = "Feedback: Customs valuation under the WTO Agreement"
    await service.create(
        SurveyDraft(
            Bilingual(title, "Отзыв: таможенная стоимость по Соглашению ВТО"),
            (Question(QuestionKind.YESNO, Bilingual("Useful?", "Полезно?")),),
        ),
        created_by=ORGANISER_ID,
    )
    listing = messages(await organiser.send("/results"))[-1]
    assert title in listing.text and "(draft)" in listing.text
    assert_fits_a_phone(list(buttons(listing)))
    assert list(buttons(listing)) == ["#1 Feedback: Customs… (draft)"]


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize(
    "key",
    [
        "button-cancel-place",
        "button-leave-waitlist",
        "button-daytime-any",
        "button-daytime-only",
        "button-survey-send",
        "button-survey-invite-more",
        "button-survey-audience-attended",
        "button-survey-audience-confirmed",
        "button-survey-audience-en",
        "button-survey-audience-ru",
    ],
)
def test_buttons_named_in_the_phone_review_fit_a_phone(
    localizations: Localizations, locale: str, key: str
):
    assert len(localizations.get(locale).plain(key)) <= BUTTON_CHARS


async def test_someone_on_the_waiting_list_is_not_invited_to_join_it(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20, capacity=1)
    for user_id in (71, 72, 73):
        await complete_profile(db, user_id)
    sign_up = CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
    for user_id in (71, 72):
        await make_chatter(user_id=user_id).press(sign_up)
    view = CourseCb(action=CourseAction.VIEW, course_id=course_id).pack()
    waiting = " ".join(texts(await make_chatter(user_id=72).press(view)))
    assert "The only seat is taken" in waiting and "Your number on the waiting list: 1" in waiting
    assert "join the waiting list" not in waiting
    seated = " ".join(texts(await make_chatter(user_id=71).press(view)))
    assert "You are signed up" in seated and "join the waiting list" not in seated
    newcomer = " ".join(texts(await make_chatter(user_id=73).press(view)))
    assert "you can join the waiting list" in newcomer


async def test_a_draft_preview_shows_registration_as_participants_will_find_it(make_chatter):
    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/newcourse")
    for answer in (*TYPED, "20"):
        await organiser.send(answer)
    # Registration open until the default time, then the language question.
    language = buttons(asked(await press_under_question(organiser, DEFAULT)))
    modes = buttons(asked(await press_under_question(organiser, language["English"])))
    sent = await press_under_question(organiser, modes["Open sign-up"])
    previews = [m.text for m in messages(sent) if "Registration" in m.text or "Запись" in m.text]
    assert previews, texts(sent)
    for preview in previews:
        assert "Registration is closed" not in preview and "Запись закрыта" not in preview
    assert any("20 seats left of 20" in p for p in previews)
    assert any("Registration open until" in p for p in previews)


async def _survey_everyone_was_invited_to(make_chatter, service):
    survey = await service.create(
        SurveyDraft(
            Bilingual("Pulse", "Пульс"),
            (Question(QuestionKind.YESNO, Bilingual("Useful?", "Полезно?")),),
            closes_at=datetime.now(UTC) + timedelta(days=3),
        ),
        created_by=ORGANISER_ID,
    )
    await service.activate(survey.id)
    for user_id in (4001, 4002):
        await make_chatter(user_id, name=f"Officer{user_id}").send("/start")
    await service.invite(survey.id, {"kind": "all"})
    return survey


async def test_send_invitations_is_not_offered_when_everyone_has_one(make_chatter):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.send("/start")
    service = organiser.dp["surveys"]
    survey = await _survey_everyone_was_invited_to(make_chatter, service)
    results = SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()
    shown = messages(await organiser.press(results))[-1]
    assert not any("📨" in label for label in buttons(shown))


async def test_after_invitations_went_out_the_button_invites_the_others(make_chatter):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.send("/start")
    service = organiser.dp["surveys"]
    survey = await _survey_everyone_was_invited_to(make_chatter, service)
    await make_chatter(4003, name="Newcomer").send("/start")
    results = SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()
    shown = messages(await organiser.press(results))[-1]
    assert "📨 Invite more people" in buttons(shown)
    assert "📨 Send invitations" not in buttons(shown)


@pytest.mark.parametrize("waiting", [False, True])
async def test_the_are_you_sure_answers_each_have_a_whole_row(make_chatter, db, waiting):
    """Side by side, half a phone's width cut «Нет, остаться в листе ожидания»."""
    course_id = await publish_course(db, "Transit", days=20, capacity=1)
    for user_id in (81, 82):
        await complete_profile(db, user_id)
    sign_up = CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
    for user_id in (81, 82):
        await make_chatter(user_id=user_id).press(sign_up)
    officer = make_chatter(user_id=82 if waiting else 81, language_code="ru")
    asked = await officer.press(CourseCb(action=CourseAction.CANCEL, course_id=course_id).pack())
    markup = next(r for r in reversed(asked) if getattr(r, "reply_markup", None)).reply_markup
    rows = markup.inline_keyboard
    assert [len(row) for row in rows] == [1, 1]
    assert_fits_a_phone([button.text for row in rows for button in row])


async def test_each_preview_card_is_headed_in_the_organisers_language_naming_its_own(
    make_chatter,
):
    """A Russian-speaking organiser read “👁 Preview — participants will see:” above the
    English card: each card is now headed in the organiser's language, naming the card's."""
    organiser = make_chatter(ORGANISER_ID, language_code="ru")
    await organiser.send("/newcourse")
    for answer in (*TYPED, "20"):
        await organiser.send(answer)
    language = buttons(asked(await press_under_question(organiser, DEFAULT)))
    modes = buttons(asked(await press_under_question(organiser, language["Английский"])))
    sent = await press_under_question(organiser, modes["Свободная запись"])
    headings = [m.text.split("\n")[0] for m in messages(sent) if m.text.startswith("👁")]
    assert len(headings) == 2, texts(sent)
    assert "язык: английский" in headings[0] and "язык: русский" in headings[1]
    assert all("Preview" not in heading for heading in headings)
