"""A PNG chart of a course's ratings at the course end and in the follow-up months later, side
by side: per question its text across the whole width, then two bars, the average on the
question's scale, with how many answered.

Made to be read on a phone, where organisers open it: Telegram shows a photo about 330 points
wide, so the picture is narrow (650 px) with large type, and each question's text runs above
its bars instead of in a column beside them.

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

# Pixel sizes, multiples of 25 (whole quarter inches at 100 dpi, see chart.py).
DPI = 100
WIDTH_PX = 650
TITLE_PX = 100  # up to two lines
LEGEND_PX = 75  # its row, and room before the first question
LINE_PX = 25  # one line of a question's text
BARS_PX = 75  # a question's two bars
GAP_PX = 25  # between two questions
AXIS_PX = 50  # the scale's numbers under the last question

_MARGIN_PX = 25
_VALUE_PX = 150  # right of the bars: "4.6 · n = 18"
_LABEL_LINES = 3
BEFORE_COLOUR = "#9aa5b1"
AFTER_COLOUR = "#2e7d32"
_TITLE_PT, _LABEL_PT, _VALUE_PT, _SMALL_PT = 17, 14, 14, 12


@dataclass(frozen=True)
class ChartTexts:
    """What the chart says, in the reader's language (rendered by the caller from Fluent)."""

    title: str
    before: str  # "End of course"
    after: str  # "90 days later"
    answered: Mapping[int, str]  # "n = 12" for each count of answers on the chart


def comparison_chart(texts: ChartTexts, pairs: Sequence[PairedRating], locale: str) -> bytes:
    """The chart as PNG bytes (`pairs` not empty)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_PX / DPI, 1), dpi=DPI)
    canvas = FigureCanvasAgg(figure)
    pen = _Pen(canvas.get_renderer())  # type: ignore[no-untyped-call]
    label_font = pen.font(_LABEL_PT, bold=True)
    labels = [
        pen.wrap(
            pair.question.text.get(locale), label_font, WIDTH_PX - 2 * _MARGIN_PX, _LABEL_LINES
        )
        for pair in pairs
    ]
    rows = [LINE_PX * (label.count("\n") + 1) + BARS_PX for label in labels]
    height = TITLE_PX + LEGEND_PX + sum(rows) + GAP_PX * (len(rows) - 1) + AXIS_PX
    figure.set_size_inches(WIDTH_PX / DPI, height / DPI)

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
    _legend(figure, pen, texts, height - TITLE_PX - LEGEND_PX)
    top = max(pair.question.scale_max for pair in pairs)  # 5 for the built-in surveys
    y = height - TITLE_PX - LEGEND_PX  # pixels from the bottom: the next question's top
    for index, (pair, label, row) in enumerate(zip(pairs, labels, rows, strict=True)):
        figure.text(
            _MARGIN_PX / WIDTH_PX,
            y / height,
            label,
            ha="left",
            va="top",
            fontproperties=label_font,
            linespacing=1.1,
            parse_math=False,
        )
        y -= row
        last = index == len(pairs) - 1
        _bars(figure, pen, pair, texts, (y, height), top, locale, scale_numbers=last)
        y -= GAP_PX
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches=None)
    return buffer.getvalue()


def _bars(
    figure: Figure,
    pen: _Pen,
    pair: PairedRating,
    texts: ChartTexts,
    place: tuple[float, float],
    top: int,
    locale: str,
    *,
    scale_numbers: bool,
) -> None:
    """A question's two bars, `place` = (their bottom, the figure's height) in pixels."""
    bottom, height = place
    axes = figure.add_axes(
        (
            _MARGIN_PX / WIDTH_PX,
            bottom / height,
            (WIDTH_PX - 2 * _MARGIN_PX - _VALUE_PX) / WIDTH_PX,
            BARS_PX / height,
        )
    )
    value_font = pen.font(_VALUE_PT, bold=True)
    for row, figures, colour in ((0, pair.before, BEFORE_COLOUR), (1, pair.after, AFTER_COLOUR)):
        average = float(figures.average or 0)
        axes.barh(row, average, height=0.8, color=colour)
        axes.text(
            average + top * 0.02,
            row,
            f"{_decimal(figures.average, locale)} · {texts.answered[figures.answered]}",
            ha="left",
            va="center",
            fontproperties=value_font,
            clip_on=False,
            parse_math=False,
        )
    axes.set_ylim(1.5, -0.5)
    axes.set_xlim(0, top)
    axes.set_yticks([])
    axes.set_xticks(range(top + 1))
    if scale_numbers:
        axes.set_xticklabels([str(n) for n in range(top + 1)], fontproperties=pen.font(_SMALL_PT))
    else:
        axes.tick_params(axis="x", labelbottom=False, length=0)
        axes.spines["bottom"].set_visible(False)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _legend(figure: Figure, pen: _Pen, texts: ChartTexts, bottom: float) -> None:
    """The two colours and what they stand for, in a row under the title."""
    from matplotlib.patches import Rectangle

    height = figure.bbox.height
    axes = figure.add_axes((0, bottom / height, 1, LEGEND_PX / height))
    axes.set_axis_off()
    axes.set_xlim(0, WIDTH_PX)
    axes.set_ylim(0, 1)
    font = pen.font(_LABEL_PT)
    half = (WIDTH_PX - 2 * _MARGIN_PX) / 2
    for column, (label, colour) in enumerate(
        ((texts.before, BEFORE_COLOUR), (texts.after, AFTER_COLOUR))
    ):
        x = _MARGIN_PX + column * half
        axes.add_patch(Rectangle((x, 0.5), 30, 0.34, facecolor=colour))
        axes.text(
            x + 40,
            0.67,
            pen.wrap(label, font, half - 50, 1),
            va="center",
            fontproperties=font,
            parse_math=False,
        )
