"""A PNG chart of a course's ratings at the course end and in the follow-up months later, side
by side: per question two bars, the average on the question's scale, with how many answered.

Drawn like the results chart (bot/services/surveys/chart.py: matplotlib's object-oriented API
on an Agg canvas, DejaVu Sans by path so Cyrillic always renders, its text wrapping) and, like
it, CPU-bound: callers run it in a thread.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.services.surveys.chart import _decimal, _Pen
from bot.services.surveys.followup import PairedRating

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DPI = 100
WIDTH_PX = 1000
TITLE_PX = 75
QUESTION_PX = 100  # two bars and the question's text, up to four lines
AXIS_PX = 50
LEGEND_PX = 50

_LABEL_PX = 375
_RIGHT_PX = 150  # right of the bars: "4.3 · n = 12"
_MARGIN_PX = 15
_LABEL_LINES = 4
_BAR_HEIGHT = 0.36  # of a question's row, each of the two bars
BEFORE_COLOUR = "#9aa5b1"
AFTER_COLOUR = "#2e7d32"
_TITLE_PT, _LABEL_PT, _VALUE_PT, _SMALL_PT = 14, 9, 10, 8


@dataclass(frozen=True)
class ChartTexts:
    """What the chart says, in the reader's language (rendered by the caller from Fluent)."""

    title: str
    before: str  # "End of course"
    after: str  # "90 days later"
    answered: Mapping[int, str]  # "n = 12" for each count of answers on the chart


def comparison_height(questions: int) -> int:
    return TITLE_PX + QUESTION_PX * questions + AXIS_PX + LEGEND_PX


def comparison_chart(texts: ChartTexts, pairs: Sequence[PairedRating], locale: str) -> bytes:
    """The chart as PNG bytes (`pairs` not empty)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    height = comparison_height(len(pairs))
    figure = Figure(figsize=(WIDTH_PX / DPI, height / DPI), dpi=DPI)
    canvas = FigureCanvasAgg(figure)
    pen = _Pen(canvas.get_renderer())  # type: ignore[no-untyped-call]
    title_font = pen.font(_TITLE_PT, bold=True)
    figure.text(
        0.5,
        1 - TITLE_PX / 2 / height,
        pen.wrap(texts.title, title_font, WIDTH_PX - 2 * _MARGIN_PX, 2),
        ha="center",
        va="center",
        fontproperties=title_font,
        parse_math=False,
    )
    axes = figure.add_axes(
        (
            _LABEL_PX / WIDTH_PX,
            (LEGEND_PX + AXIS_PX) / height,
            (WIDTH_PX - _LABEL_PX - _RIGHT_PX) / WIDTH_PX,
            QUESTION_PX * len(pairs) / height,
        )
    )
    top = _scale_top(pairs)
    value_font = pen.font(_VALUE_PT, bold=True)
    for row, pair in enumerate(pairs):
        for offset, figures, colour in (
            (-_BAR_HEIGHT / 2, pair.before, BEFORE_COLOUR),
            (_BAR_HEIGHT / 2, pair.after, AFTER_COLOUR),
        ):
            y = row + offset
            average = figures.average
            axes.barh(y, float(average or 0), height=_BAR_HEIGHT * 0.9, color=colour)
            value = f"{_decimal(average, locale)} · {texts.answered[figures.answered]}"
            axes.text(
                float(average or 0) + top * 0.01,
                y,
                value,
                ha="left",
                va="center",
                fontproperties=value_font,
                clip_on=False,
                parse_math=False,
            )
    label_font = pen.font(_LABEL_PT)
    labels = [
        pen.wrap(
            pair.question.text.get(locale), label_font, _LABEL_PX - 2 * _MARGIN_PX, _LABEL_LINES
        )
        for pair in pairs
    ]
    axes.set_yticks(range(len(pairs)), labels=labels, fontproperties=label_font, parse_math=False)
    axes.set_ylim(len(pairs) - 0.5, -0.5)
    axes.set_xlim(0, top)
    axes.set_xticks(
        range(top + 1), labels=[str(n) for n in range(top + 1)], fontproperties=pen.font(_SMALL_PT)
    )
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    _legend(figure, pen, texts)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches=None)
    return buffer.getvalue()


def _scale_top(pairs: Sequence[PairedRating]) -> int:
    """The x axis ends at the highest point of the scales (5 for the built-in surveys)."""
    return max(pair.question.scale_max for pair in pairs)


def _legend(figure: Figure, pen: _Pen, texts: ChartTexts) -> None:
    """The two colours and what they stand for, centred under the axis."""
    from matplotlib.patches import Rectangle

    axes = figure.add_axes((0, 0, 1, LEGEND_PX / figure.bbox.height))
    axes.set_axis_off()
    axes.set_xlim(0, WIDTH_PX)
    axes.set_ylim(0, 1)
    font = pen.font(_LABEL_PT)
    x = WIDTH_PX / 2 - 250
    for label, colour in ((texts.before, BEFORE_COLOUR), (texts.after, AFTER_COLOUR)):
        axes.add_patch(Rectangle((x, 0.3), 30, 0.4, facecolor=colour))
        axes.text(
            x + 40,
            0.5,
            pen.wrap(label, font, 200, 1),
            va="center",
            fontproperties=font,
            parse_math=False,
        )
        x += 260
