"""Survey results: the arithmetic, the results message and the pages of text answers."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from bot.i18n import Localizations
from bot.services.surveys.model import ANONYMOUS_THRESHOLD, Answer, Bilingual, Question
from bot.services.surveys.model import QuestionKind as Kind
from bot.services.surveys.results import (
    MESSAGE_LIMIT,
    ChoiceSummary,
    RatingSummary,
    ResponseRow,
    Summary,
    TextSummary,
    YesNoSummary,
    results_hidden,
    results_text,
    summarize,
    telegram_length,
    text_answers_page,
)

DONE = "2027-05-13T09:30:00+00:00"


def ask(en: str, ru: str = "") -> Bilingual:
    return Bilingual(en, ru)


RATING = Question(
    Kind.RATING,
    ask("How useful was the course?", "Насколько полезен был курс?"),
    low=ask("Useless", "Бесполезен"),
    high=ask("Very useful", "Очень полезен"),
)
CHOICE = Question(
    Kind.CHOICE,
    ask("Best topic?", "Лучшая тема?"),
    options=(ask("Risk profiles", "Профили риска"), ask("Targeting", "Отбор"), ask("Audit")),
)
MULTI = Question(
    Kind.MULTI,
    ask("What would you use?", "Что вы будете применять?"),
    required=False,
    options=(ask("Checklists", "Чек-листы"), ask("Software", "Программы"), ask("Nothing")),
)
YESNO = Question(Kind.YESNO, ask("Recommend it?", "Порекомендуете?"))
TEXT = Question(Kind.TEXT, ask("Comments", "Комментарии"), required=False)
QUESTIONS = (RATING, CHOICE, MULTI, YESNO, TEXT)


def row(answers: dict[int, Answer], finished: bool = True) -> ResponseRow:
    return ResponseRow(answers, DONE if finished else None)


RESPONSES = [
    row({0: 5, 1: 0, 2: [0, 1], 3: True, 4: "Very practical"}),
    row({0: 4, 1: 0, 2: [0], 3: True, 4: None}),
    row({0: 4, 1: 1, 2: None, 3: False, 4: "  "}),  # whitespace only: no text answer
    row({0: 4, 1: 2, 2: [0, 2], 3: True, 4: "More exercises, please"}),
    row({0: 1, 1: 0, 2: [1], 3: False, 4: "<b>too short</b>"}),
    row({0: 2}, finished=False),  # stopped after the first question: not counted
]


@pytest.fixture
def summary() -> Summary:
    return summarize(QUESTIONS, RESPONSES, invited=12)


def test_only_finished_responses_count_and_the_rate_uses_the_invited(summary: Summary):
    assert summary.finished == 5
    assert summary.invited == 12
    assert summary.response_rate == pytest.approx(5 / 12)
    assert summary.response_percent == 42


def test_nobody_invited_gives_a_zero_rate():
    summary = summarize(QUESTIONS, [], invited=0)
    assert (summary.finished, summary.response_rate, summary.response_percent) == (0, 0, 0)


def test_rating_average_and_a_distribution_over_every_point(summary: Summary):
    figures = summary.questions[0]
    assert isinstance(figures, RatingSummary)
    assert figures.answered == 5
    assert figures.distribution == {1: 1, 2: 0, 3: 0, 4: 3, 5: 1}  # 2 is unfinished
    assert figures.average == Decimal("3.6")  # 18 / 5


@pytest.mark.parametrize(
    ("ratings", "average"),
    [
        ([4, 4, 4, 5], Decimal("4.3")),  # 4.25: half up, where float rounding gives 4.2
        ([1, 2], Decimal("1.5")),
        ([1, 1, 2], Decimal("1.3")),  # 1.333…
        ([2, 2, 3], Decimal("2.3")),  # 2.333…
        ([4, 5, 5], Decimal("4.7")),  # 4.666…
        ([5], Decimal("5.0")),
    ],
)
def test_averages_round_half_up_to_one_decimal(ratings: list[int], average: Decimal):
    summary = summarize([RATING], [row({0: r}) for r in ratings], invited=5)
    figures = summary.questions[0]
    assert isinstance(figures, RatingSummary)
    assert figures.average == average


def test_a_rating_nobody_gave_has_no_average():
    figures = summarize([RATING], [], invited=3).questions[0]
    assert isinstance(figures, RatingSummary)
    assert figures.average is None
    assert figures.distribution == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}


def test_a_zero_to_ten_scale_keeps_every_point():
    nps = Question(Kind.RATING, ask("Recommend?"), scale_min=0, scale_max=10)
    figures = summarize([nps], [row({0: 0}), row({0: 10})], invited=2).questions[0]
    assert isinstance(figures, RatingSummary)
    assert list(figures.distribution) == list(range(11))
    assert figures.average == Decimal("5.0")


def test_choice_counts_and_shares_of_those_who_answered(summary: Summary):
    figures = summary.questions[1]
    assert isinstance(figures, ChoiceSummary)
    assert figures.counts == (3, 1, 1)
    assert figures.percents == (60, 20, 20)
    assert not figures.multiple


def test_choice_percents_add_up_to_100():
    three_ways = summarize([CHOICE], [row({0: i}) for i in range(3)], invited=3).questions[0]
    assert isinstance(three_ways, ChoiceSummary)
    assert three_ways.percents == (34, 33, 33)  # not 33 + 33 + 33 = 99
    answers = [0] * 2 + [1] * 2 + [2] * 3  # 28.57, 28.57, 42.86
    sevenths = summarize([CHOICE], [row({0: a}) for a in answers], invited=7).questions[0]
    assert isinstance(sevenths, ChoiceSummary)
    assert sevenths.percents == (29, 28, 43)
    assert sum(sevenths.percents) == 100


def test_multi_shares_are_of_respondents_and_can_exceed_100(summary: Summary):
    figures = summary.questions[2]
    assert isinstance(figures, ChoiceSummary)
    assert figures.multiple
    assert figures.answered == 4  # one skipped the optional question
    assert figures.skipped == 1
    assert figures.counts == (3, 2, 1)
    assert figures.percents == (75, 50, 25)
    assert sum(figures.percents) > 100


def test_yes_no_counts_and_shares(summary: Summary):
    figures = summary.questions[3]
    assert isinstance(figures, YesNoSummary)
    assert (figures.yes, figures.no) == (3, 2)
    assert (figures.yes_percent, figures.no_percent) == (60, 40)
    thirds = summarize([YESNO], [row({0: True}), row({0: False}), row({0: False})], invited=3)
    figures = thirds.questions[0]
    assert isinstance(figures, YesNoSummary)
    assert figures.yes_percent + figures.no_percent == 100


def test_text_answers_in_response_order_and_skips_counted(summary: Summary):
    figures = summary.questions[4]
    assert isinstance(figures, TextSummary)
    assert figures.texts == ("Very practical", "More exercises, please", "<b>too short</b>")
    assert figures.answered == 3
    assert figures.skipped == 1
    assert [q.skipped for q in summary.questions[:2]] == [0, 0]


def test_answers_a_question_no_longer_accepts_are_ignored():
    # A 1–5 question edited to 1–3 after someone answered 5: neither counted nor skipped.
    narrow = Question(Kind.RATING, ask("Rate"), scale_max=3)
    figures = summarize([narrow], [row({0: 5}), row({0: 3})], invited=2).questions[0]
    assert isinstance(figures, RatingSummary)
    assert (figures.answered, figures.skipped, figures.average) == (1, 0, Decimal("3.0"))


# -- the results message ---------------------------------------------------------------------


def test_results_message_in_english(summary: Summary, localizations: Localizations):
    text = results_text("Risk <management>", summary, QUESTIONS, localizations.get("en"), False)
    assert "<b>Risk &lt;management&gt;</b>" in text
    assert "5 of 12 answered (42%)" in text
    assert "<b>1. How useful was the course?</b>" in text
    assert "Average <b>3.6</b> on a scale of 1–5, 5 answers" in text
    assert "<code>4 ▓▓▓▓▓▓░░░░</code> 3" in text
    assert "<code>2 ░░░░░░░░░░</code> 0" in text  # zeros are shown
    assert "<code>5 ▓▓░░░░░░░░</code> 1 · Very useful" in text
    assert "• Risk profiles — <b>3</b> (60%)" in text
    assert "• Checklists — <b>3</b> (75%)" in text
    assert "shares of the 4 who answered" in text
    assert "Yes — <b>3</b> (60%) · No — <b>2</b> (40%)" in text
    assert "3 text answers" in text
    assert "Very practical" not in text  # text answers have pages of their own
    assert text.count("Skipped: 1") == 2  # the optional multi and text questions


def test_results_message_in_russian(summary: Summary, localizations: Localizations):
    text = results_text("Опрос", summary, QUESTIONS, localizations.get("ru"), False)
    assert "Ответили 5 из 12 (42%)" in text
    assert "Средняя оценка <b>3,6</b> по шкале 1–5, 5 ответов" in text
    assert "• Профили риска — <b>3</b> (60%)" in text
    assert "• Audit — <b>1</b> (20%)" in text  # no Russian option text: the English one
    assert "доли от 4 ответивших" in text
    assert "Да — <b>3</b> (60%) · Нет — <b>2</b> (40%)" in text
    assert "3 текстовых ответа" in text
    assert "Пропустили: 1" in text


def test_a_single_respondent_in_russian(localizations: Localizations):
    summary = summarize(QUESTIONS, RESPONSES[:1], invited=21)
    text = results_text("Опрос", summary, QUESTIONS, localizations.get("ru"), False)
    assert "Ответил 1 из 21 (5%)" in text
    assert "1 ответ\n" in text
    assert "1 текстовый ответ" in text


def test_nobody_invited_yet(localizations: Localizations):
    summary = summarize(QUESTIONS, [], invited=0)
    text = results_text("Survey", summary, QUESTIONS, localizations.get("en"), False)
    assert "Answered: 0" in text
    assert "No answers yet." in text


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_anonymous_results_stay_hidden_below_the_threshold(
    localizations: Localizations, locale: str
):
    assert ANONYMOUS_THRESHOLD == 3
    two = summarize(QUESTIONS, RESPONSES[:2], invited=12)
    assert results_hidden(two, anonymous=True)
    assert not results_hidden(two, anonymous=False)
    text = results_text("Survey", two, QUESTIONS, localizations.get(locale), True)
    assert "3" in text and "2" in text  # the threshold and how many answered so far
    # Nothing about the answers: no question, no average, no share, no count of invited.
    assert "%" not in text
    assert "12" not in text
    assert RATING.text.get(locale) not in text
    assert not re.search(r"\d[.,]\d", text)


def test_anonymous_results_show_from_the_threshold(localizations: Localizations):
    three = summarize(QUESTIONS, RESPONSES[:3], invited=12)
    assert not results_hidden(three, anonymous=True)
    text = results_text("Survey", three, QUESTIONS, localizations.get("en"), True)
    assert "3 of 12 answered (25%)" in text
    assert "Average <b>4.3</b>" in text


def test_organiser_texts_are_escaped(localizations: Localizations):
    odd = Question(
        Kind.CHOICE, ask("Is 1 < 2 & 3 > 2?"), options=(ask("<i>yes</i>"), ask("a & b"))
    )
    summary = summarize([odd], [row({0: 0})], invited=1)
    text = results_text("T", summary, [odd], localizations.get("en"), False)
    assert "Is 1 &lt; 2 &amp; 3 &gt; 2?" in text
    assert "&lt;i&gt;yes&lt;/i&gt;" in text
    assert "a &amp; b" in text


def _longest_survey() -> tuple[list[Question], list[ResponseRow]]:
    """30 questions of every kind with the longest texts and the most options allowed."""
    long_text = "Длинный текст вопроса с амперсандом & и <угловыми скобками> " * 5
    options = tuple(ask(f"Option {i} " + "x" * 50, f"Вариант {i} " + "ж" * 50) for i in range(10))
    kinds = [Kind.CHOICE, Kind.MULTI, Kind.RATING, Kind.YESNO, Kind.TEXT]
    questions = [
        Question(
            kinds[i % 5],
            ask(long_text[:300], long_text[:300]),
            required=False,
            options=options if kinds[i % 5] in (Kind.CHOICE, Kind.MULTI) else (),
            scale_min=0,
            scale_max=10,
            low=ask("l" * 60, "н" * 60),
            high=ask("h" * 60, "в" * 60),
        )
        for i in range(30)
    ]
    answer_of = {
        Kind.CHOICE: lambda n: n % 10,
        Kind.MULTI: lambda n: sorted({n % 10, (n + 3) % 10}),
        Kind.RATING: lambda n: n % 11,
        Kind.YESNO: lambda n: n % 2 == 0,
        Kind.TEXT: lambda n: "ответ & <b> " * 80,
    }
    responses = [
        row({i: answer_of[q.kind](n) for i, q in enumerate(questions)}) for n in range(1234)
    ]
    return questions, responses


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_message_fits_telegram_with_30_long_questions(
    localizations: Localizations, locale: str
):
    questions, responses = _longest_survey()
    summary = summarize(questions, responses, invited=2000)
    text = results_text("Т" * 250, summary, questions, localizations.get(locale), False)
    assert telegram_length(text) <= MESSAGE_LIMIT
    assert len(text) <= MESSAGE_LIMIT
    assert "<b>1. " in text
    # What did not fit is said, not silently dropped.
    shown = len(re.findall(r"^<b>\d+\. ", text, flags=re.MULTILINE))
    if shown < 30:
        assert ("XLSX" in text) and (str(30 - shown) in text)


def test_a_long_survey_loses_detail_before_questions(localizations: Localizations):
    questions = [
        Question(Kind.RATING, ask(f"Question {i}: " + "how was it? " * 20), scale_max=10)
        for i in range(30)
    ]
    summary = summarize(questions, [row(dict.fromkeys(range(30), 7))], invited=1)
    text = results_text("Survey", summary, questions, localizations.get("en"), False)
    assert telegram_length(text) <= MESSAGE_LIMIT
    assert "<b>30. Question 29" in text  # every question is there, clipped
    assert "…" in text


# -- text answers ----------------------------------------------------------------------------


def _texts(count: int, text: str = "Answer {n}") -> tuple[list[Question], Summary]:
    responses = [row({0: text.format(n=n)}) for n in range(1, count + 1)]
    return [TEXT], summarize([TEXT], responses, invited=count)


def test_text_answers_are_paginated(localizations: Localizations):
    questions, summary = _texts(23)
    t = localizations.get("en")
    first, pages = text_answers_page(summary, questions, 0, 0, t)  # pages count from 0
    assert pages == 3
    assert "<b>1. Comments</b>" in first
    assert "Page 1 of 3" in first
    assert "<b>1.</b> Answer 1\n" in first
    assert "<b>10.</b> Answer 10" in first
    assert "Answer 11" not in first
    middle, _ = text_answers_page(summary, questions, 0, 1, t)
    assert "Page 2 of 3" in middle
    assert "<b>11.</b> Answer 11" in middle and "<b>20.</b> Answer 20" in middle
    last, _ = text_answers_page(summary, questions, 0, 2, t)
    assert "Page 3 of 3" in last
    assert "<b>21.</b> Answer 21" in last and "<b>23.</b> Answer 23" in last
    assert "Answer 20" not in last
    # An old button for a page that no longer exists shows the nearest one.
    assert text_answers_page(summary, questions, 0, 9, t) == (last, 3)
    assert text_answers_page(summary, questions, 0, -1, t) == (first, 3)


def test_one_page_needs_no_page_line(localizations: Localizations):
    questions, summary = _texts(2)
    text, pages = text_answers_page(summary, questions, 0, 0, localizations.get("ru"))
    assert pages == 1
    assert "Страница" not in text
    assert "<b>1. Комментарии</b>" in text


def test_a_question_without_text_answers(localizations: Localizations):
    questions, summary = _texts(0)
    text, pages = text_answers_page(summary, questions, 0, 0, localizations.get("en"))
    assert (pages, text) == (1, "<b>1. Comments</b>\nNo text answers yet.")


def test_text_answers_are_escaped(localizations: Localizations):
    questions, summary = _texts(1, "<b>bold</b> & <a href='x'>link</a>")
    text, _ = text_answers_page(summary, questions, 0, 0, localizations.get("en"))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href='x'&gt;link&lt;/a&gt;" in text
    assert "<b>bold</b>" not in text


def test_long_answers_are_cut_to_fit_one_message(localizations: Localizations):
    # 10 answers of 1000 characters, each "&" five characters once escaped.
    questions, summary = _texts(10, "{n} " + "a&<" * 332)  # within TEXT_ANSWER_LIMIT
    short = summarize([TEXT], [row({0: "Short and complete"}), *[row({0: "&" * 1000})] * 9], 10)
    t = localizations.get("en")
    text, pages = text_answers_page(summary, questions, 0, 0, t)
    assert pages == 1
    assert telegram_length(text) <= MESSAGE_LIMIT
    assert text.count("…") == 10
    assert not re.search(r"&[a-z]*…", text)  # never cut inside an entity like &amp;
    mixed, _ = text_answers_page(short, [TEXT], 0, 0, t)
    assert "Short and complete" in mixed
    assert telegram_length(mixed) <= MESSAGE_LIMIT
    assert telegram_length(mixed) > MESSAGE_LIMIT - 100  # the room is used, not wasted


def test_emoji_count_double_towards_the_limit(localizations: Localizations):
    questions, summary = _texts(10, "😀" * 1000)
    text, _ = text_answers_page(summary, questions, 0, 0, localizations.get("en"))
    assert len(text.encode("utf-16-le")) // 2 <= MESSAGE_LIMIT


def test_anonymous_text_answers_stay_hidden_below_the_threshold(
    localizations: Localizations,
):
    questions, summary = _texts(2, "Secret {n}")
    t = localizations.get("en")
    text, pages = text_answers_page(summary, questions, 0, 0, t, anonymous=True)
    assert "Secret" not in text
    assert pages == 1
    questions, summary = _texts(3, "Shared {n}")
    text, _ = text_answers_page(summary, questions, 0, 0, t, anonymous=True)
    assert "Shared 3" in text


def test_only_text_questions_have_text_pages(summary: Summary, localizations: Localizations):
    with pytest.raises(ValueError, match="not a text question"):
        text_answers_page(summary, QUESTIONS, 0, 0, localizations.get("en"))
