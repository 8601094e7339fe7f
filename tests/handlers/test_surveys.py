"""Answering a survey through the production Dispatcher: buttons, toggles, typing, skipping,
language switches, double taps and closed surveys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, SendMessage

from bot.services.surveys.model import Bilingual, Question, QuestionKind, SurveyDraft
from bot.ui.callbacks import LanguageCb, SurveyAction, SurveyCb
from tests.handlers.harness import buttons, texts

Q = Bilingual
QUESTIONS = (
    Question(
        QuestionKind.RATING,
        Q("Overall satisfaction?", "Общая удовлетворённость?"),
        low=Q("Very poor", "Очень плохо"),
        high=Q("Excellent", "Отлично"),
    ),
    Question(
        QuestionKind.MULTI,
        Q("Which formats suit you?", "Какие форматы вам подходят?"),
        options=(Q("Online", "Онлайн"), Q("In person", "Очно")),
    ),
    Question(QuestionKind.TEXT, Q("What should we improve?", "Что улучшить?"), required=False),
    Question(QuestionKind.YESNO, Q("Would you recommend it?", "Порекомендуете ли вы курс?")),
)


async def invited_survey(chatter, closes_in=timedelta(days=14), anonymous=False) -> int:
    service = chatter.dp["surveys"]
    # The person exists as soon as they have written to the bot.
    await chatter.send("/start")
    survey = await service.create(
        SurveyDraft(
            Q("Feedback: Transit", "Отзыв: Транзит"),
            QUESTIONS,
            closes_at=datetime.now(UTC) + closes_in,
            anonymous=anonymous,
        ),
        created_by=1,
    )
    await service.activate(survey.id)
    await service.invite(survey.id, {"kind": "all"})
    return survey.id


def start_data(survey_id: int) -> str:
    return SurveyCb(action=SurveyAction.START, survey_id=survey_id).pack()


def sent(requests) -> list[SendMessage]:
    return [r for r in requests if isinstance(r, SendMessage)]


async def test_one_question_per_message_from_first_tap_to_thank_you(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)

    first = sent(await chatter.press(start_data(survey_id)))[-1]
    assert "Question 1 of 4" in first.text and "Overall satisfaction?" in first.text
    assert "1 = Very poor, 5 = Excellent" in first.text
    assert list(buttons(first)) == ["1", "2", "3", "4", "5"]

    replies = await chatter.press(buttons(first)["4"])
    assert any("✅ 4" in text for text in texts(replies))  # the answered question shows it
    multi = sent(replies)[-1]
    assert "Question 2 of 4" in multi.text

    tick = buttons(multi)["⬜ Online"]
    edit = next(r for r in await chatter.press(tick) if isinstance(r, EditMessageReplyMarkup))
    assert "☑️ Online" in buttons(edit)
    # The same (old) button once more: still ticked, not unticked.
    again = next(r for r in await chatter.press(tick) if isinstance(r, EditMessageReplyMarkup))
    assert "☑️ Online" in buttons(again)

    text_question = sent(await chatter.press(buttons(edit)["✅ Done"]))[-1]
    assert "Question 3 of 4" in text_question.text and "Skip ⏭" in buttons(text_question)
    await chatter.send_sticker()  # not text: asked again
    replies = await chatter.send("More case studies from the border posts, please.")
    yes_no = sent(replies)[-1]
    assert "Question 4 of 4" in yes_no.text

    replies = await chatter.send("yes")  # typed where a button is expected
    assert "Please answer this question with the buttons" in texts(replies)[0]
    assert "Question 4 of 4" in sent(replies)[-1].text
    replies = await chatter.press(buttons(sent(replies)[-1])["Yes"])
    assert "Thank you! Your answers to <b>Feedback: Transit</b> are saved." in texts(replies)[-1]

    # A named survey: the finished response is the survey's, with the person's name.
    rows = (await chatter.dp["surveys"].results(survey_id)).rows
    assert [row.answers for row in rows] == [
        {
            0: 4,
            1: [0],
            2: "More case studies from the border posts, please.",
            3: True,
        }
    ]
    # Starting again after the end: a thank-you, no new response.
    assert "already answered" in texts(await chatter.press(start_data(survey_id)))[-1]


async def test_double_tap_on_an_answer_records_it_once(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    await chatter.press(buttons(first)["5"])
    replies = await chatter.press(buttons(first)["2"])  # the old question's button
    answer = next(r for r in replies if isinstance(r, AnswerCallbackQuery))
    assert answer.text == "This question is answered already."
    assert not sent(replies)
    step = await chatter.dp["surveys"].current(survey_id, chatter.user.id)
    assert step.response.answers == {0: 5} and step.index == 1


@pytest.mark.parametrize("anonymous", [False, True], ids=["named", "anonymous"])
async def test_skipping_an_optional_question_and_stopping_half_way(make_chatter, anonymous):
    """Issue 11: /surveys used to read an anonymous (encrypted) draft without its key, take it
    for unreadable and start the person again at question 1."""
    chatter = make_chatter()
    survey_id = await invited_survey(chatter, anonymous=anonymous)
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    multi = sent(await chatter.press(buttons(first)["3"]))[-1]
    await chatter.press(buttons(multi)["⬜ In person"])
    text_question = sent(await chatter.press(buttons(multi)["✅ Done"]))[-1]
    # Gone for a day; the invitation's button (or /surveys) continues where they were.
    await chatter.send("/courses")
    listing = sent(await chatter.send("/surveys"))[-1]
    assert "▶️ Continue: Feedback: Transit" in buttons(listing)
    resumed = sent(await chatter.press(buttons(listing)["▶️ Continue: Feedback: Transit"]))[-1]
    assert "Question 3 of 4" in resumed.text
    replies = await chatter.press(buttons(text_question)["Skip ⏭"])
    assert any("✅ skipped" in text for text in texts(replies))
    assert "Question 4 of 4" in sent(replies)[-1].text


async def test_switching_language_mid_way_continues_in_the_new_language(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    await chatter.press(buttons(first)["5"])
    replies = await chatter.press(LanguageCb(code="ru").pack())
    question = sent(replies)[-1]
    assert "Вопрос 2 из 4" in question.text and "Какие форматы вам подходят?" in question.text
    assert "⬜ Онлайн" in buttons(question)
    await chatter.press(buttons(question)["⬜ Онлайн"])
    text_question = sent(await chatter.press(buttons(question)["✅ Готово"]))[-1]
    assert "Что улучшить?" in text_question.text


async def test_a_text_answer_over_1000_characters_is_refused_with_its_length(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    multi = sent(await chatter.press(buttons(first)["3"]))[-1]
    await chatter.press(buttons(multi)["⬜ Online"])
    await chatter.press(buttons(multi)["✅ Done"])
    replies = await chatter.send("x" * 1001)
    assert texts(replies) == [
        "Your answer is 1,001 characters long; please shorten it to 1,000 at most."
    ]
    step = await chatter.dp["surveys"].current(survey_id, chatter.user.id)
    assert step.index == 2


async def test_a_closed_survey_says_so_and_records_nothing(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter, closes_in=timedelta(seconds=2))
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    service = chatter.dp["surveys"]
    service.clock = lambda: datetime.now(UTC) + timedelta(minutes=1)
    replies = await chatter.press(buttons(first)["5"])
    answer = next(r for r in replies if isinstance(r, AnswerCallbackQuery))
    assert answer.text.startswith("This survey is closed")
    # Typing after that is not taken for an answer any more.
    replies = await chatter.send("Great course")
    assert "closed" in texts(replies)[0]
    replies = await chatter.send("Great course")
    assert "closed" not in texts(replies)[0]


async def test_a_forged_or_foreign_survey_button_reveals_nothing(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)
    stranger = make_chatter(user_id=777, name="Other")
    await stranger.send("/start")
    for data in (start_data(survey_id), start_data(survey_id + 50), "svy1:a:1:0:99:0"):
        replies = await stranger.press(data)
        answer = next(r for r in replies if isinstance(r, AnswerCallbackQuery))
        assert answer.text == "This survey is not available to you."
        assert not sent(replies)


async def test_done_with_nothing_ticked_asks_for_a_tick_and_records_nothing(make_chatter):
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    multi = sent(await chatter.press(buttons(first)["3"]))[-1]
    replies = await chatter.press(buttons(multi)["✅ Done"])
    answer = next(r for r in replies if isinstance(r, AnswerCallbackQuery))
    assert answer.text == "Tick at least one option, then tap “Done”." and answer.show_alert
    assert not sent(replies)
    assert (await chatter.dp["surveys"].current(survey_id, chatter.user.id)).index == 1


async def test_the_first_question_says_whether_the_survey_is_anonymous_or_named(make_chatter):
    """Issue 11: the person reads what happens to the answers before giving the first one."""
    chatter = make_chatter()
    survey_id = await invited_survey(chatter)
    first = sent(await chatter.press(start_data(survey_id)))[-1]
    assert "👤 Named survey: your answers are stored with your name" in first.text
    second = sent(await chatter.press(buttons(first)["4"]))[-1]
    assert "Question 2 of 4" in second.text and "Named survey" not in second.text

    service = chatter.dp["surveys"]
    anonymous = await service.create(
        SurveyDraft(Q("Anonymous", "Анонимный"), QUESTIONS, anonymous=True), created_by=1
    )
    await service.activate(anonymous.id)
    await service.invite(anonymous.id, {"kind": "all"})
    first = sent(await chatter.press(start_data(anonymous.id)))[-1]
    assert "🔒 Anonymous survey." in first.text
    assert "when you finish, they are stored without your Telegram ID" in first.text
    # Issue 13: the long explanation is folded on a phone (its first lines show; tap for all).
    assert "<blockquote expandable>🔒 Anonymous survey." in first.text
    assert "Named survey" not in first.text
    await chatter.press(LanguageCb(code="ru").pack())
    again = sent(await chatter.press(start_data(anonymous.id)))[-1]
    assert "🔒 Анонимный опрос." in again.text
