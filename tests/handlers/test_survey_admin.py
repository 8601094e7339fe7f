"""Organisers' survey handlers through the production Dispatcher: /newsurvey in two taps and
in one message, problems reported by line, Russian organisers, results and their guards, and
nothing for non-organisers."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
)

from bot.clock import ManualClock
from bot.services.surveys.model import Bilingual, Question, QuestionKind, SurveyDraft
from bot.ui.callbacks import SurveyAdminAction, SurveyAdminCb
from handlers.surveys.common import settings_text
from storage.courses import CourseRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, press_under_question, texts
from tests.handlers.test_courses import publish_course
from tests.handlers.test_fuzz import telegram_length


def sent(requests) -> list[SendMessage]:
    return [r for r in requests if isinstance(r, SendMessage)]


def alert(requests) -> str | None:
    return next(r.text for r in requests if isinstance(r, AnswerCallbackQuery))


async def test_the_built_in_survey_for_a_course_in_two_taps(make_chatter, db):
    course_id = await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    assert "Which course is the feedback survey for?" in offer.text
    label, no_course, cancel = buttons(offer)  # issue 13: the dialog's ✖️ Cancel
    assert no_course == "Without a course — I'll choose who gets it" and cancel == "✖️ Cancel"
    replies = sent(await organiser.press(buttons(offer)[label]))
    english, russian, settings = (r.text for r in replies)
    assert "Preview — English" in english and "Would you recommend this course" in english
    assert "Preview — Russian" in russian and "Порекомендуете ли вы этот курс" in russian
    assert "Course: Transit procedures" in settings and "Anonymous" in settings
    activate = buttons(replies[-1])["✅ Activate"]
    replies = await organiser.press(activate)
    assert any("The survey is active" in text for text in texts(replies))
    survey = (await organiser.dp["surveys"].repos.surveys.of_course(course_id))[0]
    assert survey.status == "active"
    # A double tap on Activate changes nothing and says nothing more.
    assert texts(await organiser.press(activate)) == []


async def test_a_russian_organiser_gets_everything_in_russian(make_chatter, db):
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Олена")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    assert "Для какого курса опрос?" in offer.text
    replies = sent(await organiser.press(next(iter(buttons(offer).values()))))
    assert "Предпросмотр (язык: английский)" in replies[0].text
    replies = await organiser.press(buttons(replies[-1])["✅ Включить"])
    assert any("Опрос включён" in text for text in texts(replies))
    listing = sent(await organiser.send("/results"))[-1]
    assert listing.text.startswith("Выберите опрос:")
    results = sent(await organiser.press(next(iter(buttons(listing).values()))))[-1]
    assert "Отзыв о курсе «Transit procedures (RU)»" in results.text


async def test_a_one_message_definition_becomes_a_draft_with_a_preview(make_chatter, db):
    course_id = await publish_course(db, "Risk management", days=3)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    replies = sent(
        await organiser.send(
            "/newsurvey\n"
            f"course: {course_id}\n"
            "title_en: Feedback: Risk management\n"
            "title_ru: Отзыв: Управление рисками\n"
            "anonymous: yes\n"
            "rating: How useful was the course? | Насколько курс полезен?\n"
            "choice: Most useful module? | Самый полезный модуль? | Profiles / Профили; "
            "Targeting / Отбор\n"
            "text?: What should we improve? | Что нам улучшить?"
        )
    )
    assert "Most useful module?" in replies[0].text and "• Targeting" in replies[0].text
    assert "• Отбор" in replies[1].text
    assert "Anonymous" in replies[2].text
    assert list(buttons(replies[2])) == [
        "👤 Make it named",
        "✅ Activate",
        "🗑 Delete",
        "🔁 Another template",  # issue 15: templates
        "📋 Copy as text",
        "💾 Save as my template",
    ]
    deleted = await organiser.press(buttons(replies[2])["🗑 Delete"])
    assert "The survey draft is deleted." in texts(deleted)


async def test_every_problem_of_a_definition_is_reported_by_its_line(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    replies = sent(
        await organiser.send(
            "/newsurvey\ncourse: 999\ntitle_en: Q&A <session>\nrating: Only English\ncolour: blue"
        )
    )
    (report,) = replies
    assert "things to fix" in report.text
    assert "Line 2" in report.text and "999" in report.text
    assert "Line 4" in report.text and "Line 5" in report.text and "colour" in report.text
    assert await organiser.dp["surveys"].repos.surveys.latest(5) == []


async def test_newsurvey_template_sends_a_ready_example(make_chatter, db):
    await publish_course(db, "Transit", days=5)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    (example,) = sent(await organiser.send("/newsurvey template"))
    assert "/newsurvey" in example.text and "course: 1" in example.text


async def test_anonymous_results_stay_hidden_below_three_responses(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.send(
        "/newsurvey\ncourse: "
        + str(await publish_course(db, "Risk", days=-1))
        + "\ntitle_en: Anonymous\ntitle_ru: Анонимный\nanonymous: yes\n"
        "rating: Useful? | Полезно?\ntext: Why? | Почему?"
    )
    survey = (await organiser.dp["surveys"].repos.surveys.latest(1))[0]
    await organiser.dp["surveys"].activate(survey.id)
    results = sent(
        await organiser.press(
            SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()
        )
    )[-1]
    assert "at least 3" in results.text and not buttons(results).get("📈 Chart")
    # Forged buttons for the chart, files or text answers reveal nothing either.
    for action in (SurveyAdminAction.CHART, SurveyAdminAction.XLSX, SurveyAdminAction.TEXTS):
        data = SurveyAdminCb(action=action, survey_id=survey.id, arg="1").pack()
        replies = await organiser.press(data)
        assert "at least 3" in (alert(replies) or "")
        assert not [r for r in replies if isinstance(r, (SendPhoto, SendDocument))]


async def test_non_organisers_get_nothing_done_and_nothing_revealed(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=-1)
    stranger = make_chatter(555, name="Stranger")
    unknown = (await stranger.send("/nosuchcommand"))[0].text
    for command in ("/newsurvey", "/newsurvey template", "/results"):
        assert texts(await stranger.send(command)) == [unknown]
    for action, arg in (
        (SurveyAdminAction.TEMPLATE, str(course_id)),
        (SurveyAdminAction.ACTIVATE, ""),
        (SurveyAdminAction.RESULTS, ""),
        (SurveyAdminAction.XLSX, ""),
        (SurveyAdminAction.AUDIENCE, "all"),
    ):
        replies = await stranger.press(SurveyAdminCb(action=action, survey_id=1, arg=arg).pack())
        assert alert(replies) == "This button is out of date. Send /start to see the menu again."
        assert not sent(replies)
    assert await stranger.dp["surveys"].repos.surveys.latest(5) == []
    assert await CourseRepository(db).get(course_id) is not None


async def survey_answered_by(make_chatter, db, organiser, officers: range) -> int:
    """A named one-question survey on a finished course, written by `organiser` with
    /newsurvey and answered by each of `officers` with "Answer <their id>"."""
    service = organiser.dp["surveys"]
    await organiser.send(
        "/newsurvey\ncourse: "
        + str(await publish_course(db, "Risk", days=-1))
        + "\ntitle_en: Named\ntitle_ru: Именной\ntext: Why? | Почему?"
    )
    survey = (await service.repos.surveys.latest(1))[0]
    await service.activate(survey.id)
    for user_id in officers:
        await make_chatter(user_id, name=f"Officer{user_id}").send("/start")
    await service.invite(survey.id, {"kind": "all"})
    for user_id in officers:
        await service.begin(survey.id, user_id)
        await service.answer(survey.id, user_id, 0, f"Answer <{user_id}>")
    return survey.id


async def test_text_answers_come_ten_a_page(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    survey_id = await survey_answered_by(make_chatter, db, organiser, range(2001, 2013))
    results = sent(
        await organiser.press(
            SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey_id).pack()
        )
    )[-1]
    page_one = sent(await organiser.press(buttons(results)["💬 Q1 answers"]))[-1]
    assert "Answer &lt;2001&gt;" in page_one.text and "2011" not in page_one.text
    turned = await organiser.press(buttons(page_one)["Next ›"], message=None)
    edit = next(r for r in turned if not isinstance(r, AnswerCallbackQuery))
    assert "Answer &lt;2011&gt;" in edit.text and "2001" not in edit.text


# -- issue 11: surveys without a course, the anonymous/named choice, durations ---------------


def _pre(text: str) -> str:
    """The one-message definition inside an example's <pre>, as a person copies it."""
    return html.unescape(re.sub(r"<[^>]+>", "", text.split("<pre>", 1)[1]))


async def test_with_no_course_newsurvey_offers_the_built_in_survey_and_a_usable_example(
    make_chatter, db
):
    """Issue 11: with no course at all, /newsurvey was a dead end and the example carried a
    made-up course number that was refused when sent back."""
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    (offer,) = sent(await organiser.send("/newsurvey"))
    assert "/newsurvey template" in offer.text
    assert list(buttons(offer)) == ["Without a course — I'll choose who gets it", "✖️ Cancel"]
    replies = sent(
        await organiser.press(buttons(offer)["Without a course — I'll choose who gets it"])
    )
    assert "Course feedback" in replies[0].text
    settings = replies[-1].text
    assert "Not linked to a course" in settings and "Nothing is sent automatically" in settings
    assert "Sent automatically" not in settings
    survey = (await organiser.dp["surveys"].repos.surveys.latest(1))[0]
    assert survey.course_id is None and survey.send_after == 0

    (example,) = sent(await organiser.send("/newsurvey template"))
    assert "course:" not in _pre(example.text)
    replies = sent(await organiser.send(_pre(example.text)))
    assert "Preview — English" in replies[0].text and "Not linked to a course" in replies[-1].text
    assert len(await organiser.dp["surveys"].repos.surveys.latest(5)) == 2


async def test_a_survey_without_a_course_is_sent_on_demand_to_everyone_or_a_language(
    make_chatter, db
):
    """Issue 11: a definition without `course:` was refused; now it is accepted, sent only on
    demand, and 📨 offers everyone / English / Russian readers."""
    for user_id, language in ((2001, "en"), (2002, "ru")):
        await make_chatter(user_id, language_code=language, name=f"Officer{user_id}").send(
            "/start"
        )
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    replies = sent(
        await organiser.send(
            "/newsurvey\ntitle_en: Pulse check\ntitle_ru: Короткий опрос\n"
            "yesno: Was the webinar useful? | Был ли вебинар полезен?"
        )
    )
    settings = replies[-1]
    assert "Not linked to a course" in settings.text and "Sent automatically" not in settings.text
    activated = await organiser.press(buttons(settings)["✅ Activate"])
    assert any("Choose who should get it" in text for text in texts(activated))
    actions = next(r for r in activated if buttons(r))
    audiences = sent(await organiser.press(buttons(actions)["📨 Send invitations"]))[-1]
    assert list(buttons(audiences)) == [
        "Everyone using the bot",
        "Everyone reading in English",
        "Everyone reading in Russian",
    ]
    everyone = buttons(audiences)["Everyone using the bot"]
    # Everyone is everyone who uses the bot: the organiser too.
    assert "3 people invited" in texts(await organiser.press(everyone))[-1]
    assert "Nobody new to invite" in texts(await organiser.press(everyone))[-1]
    rows = await db.fetch_all("SELECT user_id FROM outbox WHERE kind = 'survey_invitation'")
    assert sorted(row[0] for row in rows) == [2001, 2002, ORGANISER_ID]


async def test_the_built_in_survey_is_anonymous_unless_switched_to_named_on_the_preview(
    make_chatter, db
):
    """Issue 11: the built-in feedback survey offers the anonymous/named choice when it is set
    up; the preview says which one it is, and the activated survey has the chosen mode."""
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    offer = sent(await organiser.send("/newsurvey"))[-1]
    course_button = next(iter(buttons(offer).values()))

    # Left as it is: anonymous.
    settings = sent(await organiser.press(course_button))[-1]
    assert "Anonymous" in settings.text
    await organiser.press(buttons(settings)["✅ Activate"])
    assert (await service.repos.surveys.latest(1))[0].anonymous is True

    # Switched to named with one tap: the same message now says so and offers the way back.
    settings = sent(await organiser.press(course_button))[-1]
    to_named = buttons(settings)["👤 Make it named"]
    edits = [r for r in await organiser.press(to_named) if isinstance(r, EditMessageText)]
    (edit,) = edits
    assert "Named" in edit.text and "Anonymous" not in edit.text
    assert list(buttons(edit)) == [
        "🔒 Make it anonymous",
        "✅ Activate",
        "🗑 Delete",
        "🔁 Another template",  # issue 15: templates
        "📋 Copy as text",
        "💾 Save as my template",
        "‹ Back",  # issue 13: still the dialog's second step
        "✖️ Cancel",
    ]
    replies = await organiser.press(to_named)  # a double tap: nothing changes, nothing edited
    assert not [r for r in replies if isinstance(r, EditMessageText)]
    await organiser.press(buttons(edit)["✅ Activate"])
    survey = (await service.repos.surveys.latest(1))[0]
    assert survey.status == "active" and survey.anonymous is False

    # Once active, the mode stays: people may have answered already.
    replies = await organiser.press(buttons(edit)["🔒 Make it anonymous"])
    assert "can no longer be switched" in (alert(replies) or "")
    assert (await service.get(survey.id)).anonymous is False


@pytest.mark.parametrize(
    ("seconds", "english", "russian"),
    [
        (20, "20 seconds", "20 секунд"),
        (90 * 60, "1 hour 30 minutes", "1 час 30 минут"),
        (2 * 3600, "2 hours", "2 часа"),
        (3 * 86400, "3 days", "3 дня"),
        (86400 + 6 * 3600, "1 day 6 hours", "1 день 6 часов"),
        (86400, "1 day", "1 день"),
        (60, "1 minute", "1 минуту"),
        (21 * 60, "21 minutes", "21 минуту"),
        (1, "1 second", "1 секунду"),
    ],
)
def test_durations_read_as_people_say_them(localizations, seconds, english, russian):
    """Issue 11: the preview showed "0.005556 h"."""
    from handlers.surveys.common import duration_text  # new with the fix: the rest runs without

    assert duration_text(seconds, localizations.get("en")) == english
    assert duration_text(seconds, localizations.get("ru")) == russian


@pytest.mark.parametrize(
    ("locale", "auto", "reminder"),
    [
        (
            "en",
            "Sent automatically 20 seconds after the course ends",
            "One reminder to those who have not finished, 3 days after their invitation.",
        ),
        (
            "ru",
            "Отправится автоматически через 20 секунд после окончания курса",
            "Одно напоминание тем, кто не закончил, через 3 дня после приглашения.",
        ),
    ],
)
async def test_the_preview_shows_short_delays_in_words(
    make_chatter, db, localizations, locale, auto, reminder
):
    """Issue 11: "Sent automatically 0.005556 h after the course ends" for 20 seconds."""
    course_id = await publish_course(db, "Transit", days=3)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.send(f"/newsurvey\ncourse: {course_id}\n{DEFINITION_BODY}")
    survey = (await organiser.dp["surveys"].repos.surveys.latest(1))[0]
    short = dataclasses.replace(survey, send_after=20, remind_after=3 * 86400)
    text = settings_text(short, "Transit", "UTC", localizations.get(locale))
    assert auto in text and reminder in text


@pytest.mark.parametrize(
    ("language", "auto", "reminder"),
    [
        ("en", "Sent automatically 1 hour 30 minutes after", "2 hours after their invitation"),
        ("ru", "автоматически через 1 час 30 минут после", "через 2 часа после приглашения"),
    ],
)
async def test_a_definitions_delays_are_shown_in_words_in_the_organisers_language(
    make_chatter, db, language, auto, reminder
):
    """Issue 11: send_after and remind_after read as a person says them, in both languages."""
    course_id = await publish_course(db, "Transit", days=3)
    organiser = make_chatter(ORGANISER_ID, language_code=language, name="Olena")
    replies = sent(
        await organiser.send(
            f"/newsurvey\ncourse: {course_id}\nsend_after: 90m\nremind_after: 2h\n"
            + DEFINITION_BODY
        )
    )
    assert auto in replies[-1].text and reminder in replies[-1].text


DEFINITION_BODY = "title_en: Feedback\ntitle_ru: Отзыв\nyesno: Useful? | Полезно?"


async def test_a_course_survey_with_send_after_no_says_it_goes_out_only_when_sent(
    make_chatter, db
):
    """Issue 11: the preview says how a survey goes out, also when it is on demand only."""
    course_id = await publish_course(db, "Transit", days=3)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    replies = sent(
        await organiser.send(f"/newsurvey\ncourse: {course_id}\nsend_after: no\n{DEFINITION_BODY}")
    )
    assert "Course: Transit" in replies[-1].text
    assert "Not sent automatically" in replies[-1].text
    assert "Sent automatically" not in replies[-1].text


async def test_anonymous_text_answers_and_files_wait_until_the_survey_closes(make_chatter, db):
    """Issue 11, the differencing attack: an organiser exporting before and after one known
    person finishes must not see that person's answers, so text answers and files of an
    anonymous survey are released only when it closes; the figures show from 3 responses."""
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    survey = await _anonymous_survey_answered_by_three(make_chatter, service, datetime.now(UTC))
    results_data = SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()

    results = sent(await organiser.press(results_data))[-1]
    assert "3 of 3" in results.text  # the figures show
    assert "text answers and files will be available once it closes on" in results.text
    assert set(buttons(results)) == {"📈 Chart", "📨 Invite more people"}
    for action in (SurveyAdminAction.XLSX, SurveyAdminAction.CSV, SurveyAdminAction.TEXTS):
        data = SurveyAdminCb(action=action, survey_id=survey.id, arg="1", page=-1).pack()
        replies = await organiser.press(data)
        assert "available once it closes on" in (alert(replies) or "")
        assert not [r for r in replies if isinstance(r, SendDocument)]
        assert not any("Because" in text for text in texts(replies))

    service.clock = ManualClock(survey.closes_at + timedelta(minutes=1))
    results = sent(await organiser.press(results_data))[-1]
    assert "after it closes" not in results.text
    assert {"📄 XLSX", "📄 CSV", "💬 Q2 answers"} <= set(buttons(results))
    page = sent(await organiser.press(buttons(results)["💬 Q2 answers"]))[-1]
    assert "Because 3001" in page.text and "Because 3003" in page.text
    replies = await organiser.press(buttons(results)["📄 CSV"])
    assert [r for r in replies if isinstance(r, SendDocument)]


async def _anonymous_survey_answered_by_three(make_chatter, service, now: datetime):
    survey = await service.create(
        SurveyDraft(
            Bilingual("Anonymous", "Анонимный"),
            (
                Question(QuestionKind.RATING, Bilingual("Useful?", "Полезно?")),
                Question(QuestionKind.TEXT, Bilingual("Why?", "Почему?")),
            ),
            anonymous=True,
            closes_at=now + timedelta(days=1),
        ),
        created_by=ORGANISER_ID,
    )
    await service.activate(survey.id)
    for user_id in (3001, 3002, 3003):
        await make_chatter(user_id, name=f"Officer{user_id}").send("/start")
    await service.invite(survey.id, {"kind": "all"})
    for user_id in (3001, 3002, 3003):
        await service.begin(survey.id, user_id)
        await service.answer(survey.id, user_id, 0, 4)
        await service.answer(survey.id, user_id, 1, f"Because {user_id}")
    return survey


async def test_anonymous_results_count_sealed_answers_and_show_every_text_once_released(
    make_chatter, db
):
    """Issue 11: before closing the figures come from the sealed pending responses, decrypted
    in memory; once the closing timer released them and the key is gone, the text answers
    and files show every answer."""
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    survey = await _anonymous_survey_answered_by_three(make_chatter, service, datetime.now(UTC))
    assert await db.fetch_all("SELECT * FROM survey_responses") == []
    results_data = SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()
    results = sent(await organiser.press(results_data))[-1]
    assert "3 of 3" in results.text and "could not be read" not in results.text

    service.clock = ManualClock(survey.closes_at)
    await service.close(survey.id)  # the survey-close timer
    assert not service.repos.surveys.keys.path(survey.id).exists()
    results = sent(await organiser.press(results_data))[-1]
    assert "3 of 3" in results.text and "after it closes" not in results.text
    page = sent(await organiser.press(buttons(results)["💬 Q2 answers"]))[-1]
    for user_id in (3001, 3002, 3003):
        assert f"Because {user_id}" in page.text
    replies = await organiser.press(buttons(results)["📄 CSV"])
    document = next(r for r in replies if isinstance(r, SendDocument)).document
    exported = document.data.decode("utf-8-sig")  # type: ignore[union-attr]
    assert all(f"Because {user_id}" in exported for user_id in (3001, 3002, 3003))


async def test_a_missing_key_file_is_reported_in_results_and_breaks_nothing(
    make_chatter, db, caplog
):
    """Issue 11: restored without the .keys folder, a survey's sealed answers cannot be read:
    /results says how many (in the organiser's language), the log has one ERROR line without
    personal data, and answering, closing and the results go on."""
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    survey = await _anonymous_survey_answered_by_three(make_chatter, service, datetime.now(UTC))
    await make_chatter(3004, name="Officer3004").send("/start")
    await service.invite(survey.id, {"kind": "all"})
    await service.begin(survey.id, 3004)
    await service.answer(survey.id, 3004, 0, 2)  # a sealed draft, half-way
    service.repos.surveys.keys.path(survey.id).unlink()
    results_data = SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()

    caplog.clear()
    results = sent(await organiser.press(results_data))[-1]
    assert "3 finished answers could not be read because this survey's key file is missing" in (
        results.text
    )
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "3 finished anonymous answer(s) cannot be read" in errors[0]
    assert "Officer" not in errors[0] and "Because" not in errors[0]

    russian = make_chatter(ORGANISER_ID, language_code="ru", name="Олена")
    results = sent(await russian.press(results_data))[-1]
    assert "3 завершённых ответа не удалось прочитать" in results.text

    # The half-way draft cannot be read either: its author starts again, nothing crashes.
    step = await service.current(survey.id, 3004)
    assert step.index == 0 and step.response.answers == {}
    await service.answer(survey.id, 3004, 0, 5)
    step = await service.answer(survey.id, 3004, 1, "Starting again")
    assert step.response.finished

    service.clock = ManualClock(survey.closes_at)
    await service.close(survey.id)
    results = sent(await organiser.press(results_data))[-1]
    assert "3 finished answers could not be read" in results.text
    assert len(await db.fetch_all("SELECT * FROM survey_responses")) == 1
    assert not service.repos.surveys.keys.path(survey.id).exists()


async def test_newsurvey_shows_its_two_steps_and_back_keeps_the_course_chosen(make_chatter, db):
    """Issue 13: /newsurvey says "Step 1 of 2" / "Step 2 of 2" with ✖️ Cancel and ‹ Back; Back
    shows the course chosen before, Keep as it is returns to the same draft, and another
    course replaces the draft instead of leaving a second one behind."""
    await publish_course(db, "Transit procedures", days=-2)
    await publish_course(db, "Risk management", days=-3)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    surveys = organiser.dp["surveys"].repos.surveys
    offer = sent(await organiser.send("/newsurvey"))[-1]
    assert offer.text.startswith("Step 1 of 2\n")
    assert "✖️ Cancel" in buttons(offer) and "‹ Back" not in buttons(offer)
    transit = next(data for text, data in buttons(offer).items() if "Transit" in text)
    settings = sent(await organiser.press(transit))[-1]
    assert settings.text.startswith("Step 2 of 2\n")
    assert {"‹ Back", "✖️ Cancel", "✅ Activate"} <= set(buttons(settings))

    again = sent(await press_under_question(organiser, buttons(settings)["‹ Back"]))[-1]
    assert again.text.startswith("Step 1 of 2\n")
    assert "Now: Transit procedures" in again.text
    kept = sent(await press_under_question(organiser, buttons(again)["Keep as it is"]))[-1]
    assert kept.text.startswith("Step 2 of 2\n") and "Transit procedures" in kept.text
    assert len(await surveys.latest(5)) == 1

    again = sent(await press_under_question(organiser, buttons(kept)["‹ Back"]))[-1]
    risk = next(data for text, data in buttons(again).items() if "Risk" in text)
    settings = sent(await organiser.press(risk))[-1]
    assert "Course: Risk management" in settings.text
    (survey,) = await surveys.latest(5)  # the first draft was replaced, not left behind
    await organiser.press(buttons(settings)["✅ Activate"])
    assert (await surveys.latest(1))[0].status == "active"
    # Activating ended the dialog: ✖️ Cancel now has nothing to stop.
    replies = await organiser.press(buttons(settings)["✖️ Cancel"])
    assert "There is nothing to cancel" in " ".join(texts(replies))
    assert survey.id == (await surveys.latest(1))[0].id


async def test_cancel_in_newsurvey_ends_the_dialog_in_russian(make_chatter, db):
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Олена")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    assert offer.text.startswith("Шаг 1 из 2\n")
    settings = sent(await organiser.press(next(iter(buttons(offer).values()))))[-1]
    assert settings.text.startswith("Шаг 2 из 2\n")
    assert {"‹ Назад", "✖️ Отмена"} <= set(buttons(settings))
    # ✖️ Cancel takes the preview's Activate and Delete away with the dialog: the draft it
    # made goes too, instead of staying in /results with no way to activate or delete it.
    replies = await press_under_question(organiser, buttons(settings)["✖️ Отмена"])
    assert "Вы вышли из диалога" in " ".join(texts(replies))
    assert await organiser.dp["surveys"].repos.surveys.latest(5) == []


async def test_cancel_button_in_newsurvey_leaves_no_draft_behind(make_chatter, db):
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    settings = sent(await organiser.press(next(iter(buttons(offer).values()))))[-1]
    assert settings.text.startswith("Step 2 of 2\n")
    await press_under_question(organiser, buttons(settings)["✖️ Cancel"])
    assert await organiser.dp["surveys"].repos.surveys.latest(5) == []
    results = sent(await organiser.send("/results"))[-1]
    assert not any("(draft)" in label for label in buttons(results))


async def test_a_typed_cancel_in_newsurvey_leaves_the_draft_to_activate(make_chatter, db):
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    settings = sent(await organiser.press(next(iter(buttons(offer).values()))))[-1]
    await organiser.send("/cancel")
    await organiser.press(buttons(settings)["✅ Activate"])  # still under the preview
    assert (await organiser.dp["surveys"].repos.surveys.latest(1))[0].status == "active"


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_a_form_with_many_problems_gets_a_report_that_fits_one_message(
    make_chatter, language
):
    """Found by the fuzz test: 23 problems made a reply over Telegram's 4,096 characters, which
    Telegram refuses, so the organiser heard nothing. The report now lists what fits and counts
    the rest. (The course form uses the same report.)"""
    organiser = make_chatter(ORGANISER_ID, language_code=language, name="Olena")
    form = "\n".join(f"{'x' * 30}{n}: {'y' * 60}" for n in range(60))
    (report,) = texts(await organiser.send(f"/newsurvey {form}"))
    assert telegram_length(report) <= 4096
    more = "more: fix these" if language == "en" else "исправьте эти"
    assert more in report.splitlines()[-1]
    for key in ("/newcourse", "/newsurvey"):
        (report,) = texts(await organiser.send(f"{key} {form}"))
        assert telegram_length(report) <= 4096
