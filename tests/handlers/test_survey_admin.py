"""Organisers' survey handlers through the production Dispatcher: /newsurvey in two taps and
in one message, problems reported by line, Russian organisers, results and their guards, and
nothing for non-organisers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMessage, SendPhoto

from bot.services.survey_model import Bilingual, Question, QuestionKind, SurveyDraft
from handlers.callbacks import SurveyAdminAction, SurveyAdminCb
from storage.courses import CourseRepository
from tests.conftest import ORGANISER_ID, Clock
from tests.handlers.harness import buttons, texts
from tests.handlers.test_courses import publish_course


def sent(requests) -> list[SendMessage]:
    return [r for r in requests if isinstance(r, SendMessage)]


def alert(requests) -> str | None:
    return next(r.text for r in requests if isinstance(r, AnswerCallbackQuery))


async def test_the_built_in_survey_for_a_course_in_two_taps(make_chatter, db):
    course_id = await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    assert "Which course is the feedback survey for?" in offer.text
    (label,) = buttons(offer)
    replies = sent(await organiser.press(buttons(offer)[label]))
    english, russian, settings = (r.text for r in replies)
    assert "Preview — English" in english and "Would you recommend this course" in english
    assert "Preview — Russian" in russian and "Порекомендуете ли вы этот курс" in russian
    assert "Course: Transit procedures" in settings and "Named" in settings
    activate = buttons(replies[-1])["✅ Activate"]
    replies = await organiser.press(activate)
    assert any("The survey is active" in text for text in texts(replies))
    survey = (await organiser.dp["surveys"].surveys.of_course(course_id))[0]
    assert survey.status == "active"
    # A double tap on Activate changes nothing and says nothing more.
    assert texts(await organiser.press(activate)) == []


async def test_a_russian_organiser_gets_everything_in_russian(make_chatter, db):
    await publish_course(db, "Transit procedures", days=-2)
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Олена")
    offer = sent(await organiser.send("/newsurvey"))[-1]
    assert "Для какого курса опрос?" in offer.text
    replies = sent(await organiser.press(next(iter(buttons(offer).values()))))
    assert "Так увидят — английский" in replies[0].text
    replies = await organiser.press(buttons(replies[-1])["✅ Включить"])
    assert any("Опрос включён" in text for text in texts(replies))
    listing = sent(await organiser.send("/results"))[-1]
    assert listing.text == "Какой опрос?"
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
    assert list(buttons(replies[2])) == ["✅ Activate", "🗑 Delete"]
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
    assert await organiser.dp["surveys"].surveys.latest(5) == []


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
    survey = (await organiser.dp["surveys"].surveys.latest(1))[0]
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
    assert await stranger.dp["surveys"].surveys.latest(5) == []
    assert await CourseRepository(db).get(course_id) is not None


async def test_text_answers_come_ten_a_page(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    await organiser.send(
        "/newsurvey\ncourse: "
        + str(await publish_course(db, "Risk", days=-1))
        + "\ntitle_en: Named\ntitle_ru: Именной\ntext: Why? | Почему?"
    )
    survey = (await service.surveys.latest(1))[0]
    await service.activate(survey.id)
    for user_id in range(2001, 2013):
        chatter = make_chatter(user_id, name=f"Officer{user_id}")
        await chatter.send("/start")
    await service.invite(survey.id, {"kind": "all"})
    for user_id in range(2001, 2013):
        await service.begin(survey.id, user_id)
        await service.answer(survey.id, user_id, 0, f"Answer <{user_id}>")
    results = sent(
        await organiser.press(
            SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()
        )
    )[-1]
    page_one = sent(await organiser.press(buttons(results)["💬 Q1 answers"]))[-1]
    assert "Answer &lt;2001&gt;" in page_one.text and "2011" not in page_one.text
    turned = await organiser.press(buttons(page_one)["Next ›"], message=None)
    edit = next(r for r in turned if not isinstance(r, AnswerCallbackQuery))
    assert "Answer &lt;2011&gt;" in edit.text and "2001" not in edit.text


async def test_anonymous_text_answers_and_files_wait_until_the_survey_closes(make_chatter, db):
    """Issue 11, the differencing attack: an organiser exporting before and after one known
    person finishes must not see that person's answers, so text answers and files of an
    anonymous survey are released only when it closes; the figures show from 3 responses."""
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    service = organiser.dp["surveys"]
    now = datetime.now(UTC)
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
    results_data = SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()

    results = sent(await organiser.press(results_data))[-1]
    assert "3 of 3" in results.text  # the figures show
    assert "text answers and files are available after it closes on" in results.text
    assert set(buttons(results)) == {"📈 Chart", "📨 Send invitations"}
    for action in (SurveyAdminAction.XLSX, SurveyAdminAction.CSV, SurveyAdminAction.TEXTS):
        data = SurveyAdminCb(action=action, survey_id=survey.id, arg="1", page=-1).pack()
        replies = await organiser.press(data)
        assert "available after it closes on" in (alert(replies) or "")
        assert not [r for r in replies if isinstance(r, SendDocument)]
        assert not any("Because" in text for text in texts(replies))

    service.clock = Clock(survey.closes_at + timedelta(minutes=1))
    results = sent(await organiser.press(results_data))[-1]
    assert "after it closes" not in results.text
    assert {"📄 XLSX", "📄 CSV", "💬 Q2 answers"} <= set(buttons(results))
    page = sent(await organiser.press(buttons(results)["💬 Q2 answers"]))[-1]
    assert "Because 3001" in page.text and "Because 3003" in page.text
    replies = await organiser.press(buttons(results)["📄 CSV"])
    assert [r for r in replies if isinstance(r, SendDocument)]
