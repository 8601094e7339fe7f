"""The ratings chart: a PNG of the documented size, in both languages, without warnings.

pytest turns warnings into errors, so a missing glyph (an emoji in a question) would fail.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib

from bot.services.surveys.chart import (
    AXIS_PX,
    LEGEND_ROW_PX,
    QUESTION_PX,
    TITLE_PX,
    WIDTH_PX,
    chart_height,
    ratings_chart,
)
from bot.services.surveys.model import Answer, Bilingual, Question, QuestionKind
from bot.services.surveys.results import ResponseRow, summarize

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

USEFUL = Question(
    QuestionKind.RATING,
    Bilingual(
        "How useful was the course for your daily work? 🚀",
        "Насколько курс был полезен для вашей ежедневной работы на пункте пропуска? 🚀",
    ),
    low=Bilingual("Useless", "Бесполезен"),
    high=Bilingual("Very useful 👍", "Очень полезен 👍"),
)
TRAINERS = Question(QuestionKind.RATING, Bilingual("Trainers", "Тренеры"))
NPS = Question(
    QuestionKind.RATING,
    Bilingual("Would you recommend it? Costs $5 and $10", "Порекомендуете коллегам?"),
    scale_min=0,
    scale_max=10,
    low=Bilingual("Not at all likely", "Точно нет"),
    high=Bilingual("Extremely likely", "Обязательно"),
)
COMMENT = Question(QuestionKind.TEXT, Bilingual("Comments", "Комментарии"), required=False)


def responses(*answers: dict[int, Answer]) -> list[ResponseRow]:
    return [ResponseRow(a, "2027-05-13T09:30:00+00:00") for a in answers]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first (and be intact)."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    (crc,) = struct.unpack(">I", data[29:33])
    assert zlib.crc32(data[12:29]) == crc
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_documented_height_formula():
    assert chart_height(4, 2) == TITLE_PX + 4 * QUESTION_PX + AXIS_PX + 2 * LEGEND_ROW_PX


def test_a_png_of_the_documented_size_in_english():
    questions = [USEFUL, COMMENT, TRAINERS, NPS]
    summary = summarize(
        questions,
        responses(
            {0: 5, 1: "Good", 2: 4, 3: 9},
            {0: 4, 1: None, 2: 4, 3: 10},
            {0: 2, 1: "Too long", 2: 5, 3: 3},
        ),
        invited=10,
    )
    data = ratings_chart("Risk management — feedback ✅", questions, summary, "en")
    assert data is not None
    # Three rating questions; USEFUL and NPS have labelled ends (two legend rows), and
    # TRAINERS shares USEFUL's 1–5 points, so its unlabelled scale needs no row of its own.
    assert png_size(data) == (WIDTH_PX, chart_height(3, 2))
    assert data.endswith(b"IEND\xaeB`\x82")


def test_russian_labels_render_without_warnings():
    questions = [USEFUL, TRAINERS]
    summary = summarize(questions, responses({0: 3, 1: 5}, {0: 4, 1: 5}), invited=2)
    data = ratings_chart("Отзывы о курсе «Управление рисками» 📊", questions, summary, "ru")
    assert data is not None
    assert png_size(data) == (1000, chart_height(2, 1))


def test_the_height_grows_with_the_questions():
    questions = [
        Question(QuestionKind.RATING, Bilingual(f"Question {i} " + "word " * 60, ""))
        for i in range(30)
    ]
    summary = summarize(questions, responses(dict.fromkeys(range(30), 3)), invited=1)
    data = ratings_chart("T" * 300, questions, summary, "en")
    assert data is not None
    assert png_size(data) == (1000, chart_height(30, 1))


def test_a_rating_nobody_answered_still_gets_its_bar():
    questions = [USEFUL, TRAINERS]
    summary = summarize(questions, responses({0: 4, 1: None}), invited=1)
    data = ratings_chart("Survey", questions, summary, "en")
    assert data is not None
    assert png_size(data) == (1000, chart_height(2, 1))


def test_nothing_to_draw_without_rating_questions_or_answers():
    no_ratings = summarize([COMMENT], responses({0: "Fine"}), invited=1)
    assert ratings_chart("Survey", [COMMENT], no_ratings, "en") is None
    no_answers = summarize([USEFUL, COMMENT], responses(), invited=5)
    assert ratings_chart("Survey", [USEFUL, COMMENT], no_answers, "en") is None
    skipped = summarize([NPS], [ResponseRow({0: None}, "2027-05-13T09:30:00+00:00")], 1)
    assert ratings_chart("Survey", [NPS], skipped, "en") is None


def test_matplotlib_is_not_imported_by_the_bot_modules():
    # Importing matplotlib costs memory and half a second at start-up: only drawing does.
    code = (
        "import sys, bot.services.surveys.chart, bot.services.surveys.results, "
        "bot.services.exports; print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
