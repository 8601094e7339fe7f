"""A PNG chart of a survey's rating questions, sent to organisers next to the results text.

One horizontal bar per rating question, stacked from the lowest scale point (red) to the
highest (green), each segment the share of answers that gave that point; the average at the
end of the bar. Below the bars, one legend row per scale: the coloured points with the scale's
labelled ends.

Drawn with matplotlib's object-oriented API on an Agg canvas, never pyplot: callers run this
in a worker thread (`asyncio.to_thread`) and pyplot's global figure registry is not
thread-safe. matplotlib is imported inside the function: it takes memory and about half a
second to import, which the bot should not pay at start-up.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.services.surveys.model import Bilingual, Question, QuestionKind
from bot.services.surveys.results import RatingSummary, Summary

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

# The PNG is WIDTH_PX wide and chart_height(...) high, in pixels. Every constant is a
# multiple of 25 px, so at 100 dpi every size is a whole quarter inch, exact in binary
# floating point: matplotlib truncates fractional pixels, and 113 px / 100 dpi * 100 dpi is
# 112.99999999999999.
DPI = 100
WIDTH_PX = 1000
TITLE_PX = 75  # the title, up to two lines
QUESTION_PX = 75  # one bar and its question text, up to three lines
AXIS_PX = 50  # the 0–100% ticks under the bars
LEGEND_ROW_PX = 50  # one legend row per distinct scale (usually one)

_LABEL_PX = 375  # left of the bars: the question texts
_RIGHT_PX = 75  # right of the bars: the averages
_MARGIN_PX = 15  # kept clear at the figure's edges and between a text and what it labels
_BOX_PX = 36  # one scale point in a legend row
_LABEL_LINES = 3
_TITLE_LINES = 2
_BAR_HEIGHT = 0.6  # of a question's row
_TRACK = "#eeeeee"
_MIN_SHARE_FOR_COUNT = 0.06  # narrower segments are left without their count

_TITLE_PT, _LABEL_PT, _AVERAGE_PT, _SMALL_PT = 14, 9, 11, 8

Colour = tuple[float, float, float, float]


def chart_height(rating_questions: int, legend_rows: int) -> int:
    """The PNG height for that many rating questions and legend rows.

    A legend row per distinct scale (its points and labelled ends); a scale without labels
    gets no row of its own when the same points also appear with labels.
    """
    return TITLE_PX + QUESTION_PX * rating_questions + AXIS_PX + LEGEND_ROW_PX * legend_rows


@dataclass(frozen=True)
class _Rated:
    number: int  # the question's number in the survey, as the results text shows it
    question: Question
    figures: RatingSummary


@dataclass(frozen=True)
class _Scale:
    """A legend row: the points of a scale and what its ends mean, in the chart's language."""

    low: int
    high: int
    low_label: str
    high_label: str


class _Pen:
    """Fonts by file, and line wrapping measured by the renderer that will draw the text."""

    def __init__(self, renderer: RendererBase) -> None:
        self._renderer = renderer
        self._regular, self._bold = _font_files()

    def font(self, size: float, bold: bool = False) -> FontProperties:
        from matplotlib.font_manager import FontProperties

        return FontProperties(fname=self._bold if bold else self._regular, size=size)

    def wrap(self, text: str, font: FontProperties, width: float, max_lines: int) -> str:
        """`text` as the font can draw it, in lines at most `width` pixels wide; the last
        line ends with "…" if the text does not fit in `max_lines`."""
        lines: list[str] = []
        current = ""
        for word in _drawable(text).split():
            if len(lines) >= max_lines:
                break  # the rest is cut anyway
            candidate = f"{current} {word}" if current else word
            if self._fits(candidate, font, width):
                current = candidate
            elif current and self._fits(word, font, width):
                lines.append(current)
                current = word
            else:  # a word wider than a whole line: cut it, starting on the current line
                current = candidate
                while len(current) > 1 and not self._fits(current, font, width):
                    cut = self._longest_fitting(current, font, width)
                    lines.append(current[:cut].rstrip())
                    current = current[cut:].lstrip()
        lines.append(current)
        if len(lines) <= max_lines:
            return "\n".join(lines)
        last = lines[max_lines - 1]
        while last and not self._fits(last + "…", font, width):
            last = last[:-1]
        return "\n".join([*lines[: max_lines - 1], last.rstrip() + "…"])

    def _fits(self, text: str, font: FontProperties, width: float) -> bool:
        measured, _, _ = self._renderer.get_text_width_height_descent(text, font, ismath=False)
        return bool(measured <= width)

    def _longest_fitting(self, word: str, font: FontProperties, width: float) -> int:
        """How many leading characters of a too-wide word fit (at least one)."""
        low, high = 1, len(word) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(word[:middle], font, width):
                low = middle
            else:
                high = middle - 1
        return low


def ratings_chart(
    title: str, questions: Sequence[Question], summary: Summary, locale: str
) -> bytes | None:
    """The chart as PNG bytes; None without rating questions or without any rating answer.

    CPU-bound (a few tenths of a second): run it in a thread.
    """
    rated = [
        _Rated(number, question, figures)
        for number, (question, figures) in enumerate(
            zip(questions, summary.questions, strict=True), start=1
        )
        if question.kind == QuestionKind.RATING and isinstance(figures, RatingSummary)
    ]
    if not any(item.figures.answered for item in rated):
        return None

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    scales = _legend_rows([_scale(item.question, locale) for item in rated])
    height = chart_height(len(rated), len(scales))
    figure = Figure(figsize=(WIDTH_PX / DPI, height / DPI), dpi=DPI)
    canvas = FigureCanvasAgg(figure)  # Agg: no GUI, no pyplot
    # backend_agg ships without type hints; its renderer is a RendererBase.
    pen = _Pen(canvas.get_renderer())  # type: ignore[no-untyped-call]
    title_font = pen.font(_TITLE_PT, bold=True)
    figure.text(
        0.5,
        1 - TITLE_PX / 2 / height,
        pen.wrap(title, title_font, WIDTH_PX - 2 * _MARGIN_PX, _TITLE_LINES),
        ha="center",
        va="center",
        fontproperties=title_font,
        parse_math=False,  # everywhere: a "$" in a text must not switch to mathtext
    )
    _draw_bars(figure, pen, rated, LEGEND_ROW_PX * len(scales) + AXIS_PX, locale)
    for row, scale in enumerate(scales):
        _draw_legend_row(figure, pen, scale, LEGEND_ROW_PX * (len(scales) - 1 - row))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches=None)
    return buffer.getvalue()


def _draw_bars(figure: Figure, pen: _Pen, rated: list[_Rated], bottom: int, locale: str) -> None:
    """The bars, their questions and the 0–100% axis, `bottom` pixels above the lower edge."""
    height = figure.bbox.height
    axes = figure.add_axes(
        (
            _LABEL_PX / WIDTH_PX,
            bottom / height,
            (WIDTH_PX - _LABEL_PX - _RIGHT_PX) / WIDTH_PX,
            QUESTION_PX * len(rated) / height,
        )
    )
    for row, item in enumerate(rated):
        _draw_bar(axes, pen, row, item.question, item.figures, locale)
    label_font = pen.font(_LABEL_PT)
    labels = [
        pen.wrap(
            f"{item.number}. {item.question.text.get(locale)}",
            label_font,
            _LABEL_PX - 2 * _MARGIN_PX,
            _LABEL_LINES,
        )
        for item in rated
    ]
    axes.set_yticks(range(len(rated)), labels=labels, fontproperties=label_font, parse_math=False)
    axes.set_ylim(len(rated) - 0.5, -0.5)  # the first question at the top
    axes.set_xlim(0, 1)
    ticks = [0, 0.25, 0.5, 0.75, 1]
    axes.set_xticks(
        ticks,
        labels=[f"{round(tick * 100)}%" for tick in ticks],
        fontproperties=pen.font(_SMALL_PT),
    )
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)


def _draw_bar(
    axes: Axes, pen: _Pen, row: int, question: Question, figures: RatingSummary, locale: str
) -> None:
    # A light track behind the segments: a question nobody rated still shows its place.
    axes.barh(row, 1, height=_BAR_HEIGHT, color=_TRACK)
    given = [(point, count) for point, count in figures.distribution.items() if count]
    shares = [count / figures.answered for _, count in given]
    lefts = [sum(shares[:index]) for index in range(len(shares))]
    colours = [_colour(point, question.scale_min, question.scale_max) for point, _ in given]
    # One call for all the segments: far cheaper than a bar container per segment.
    axes.barh(
        [row] * len(given),
        shares,
        left=lefts,
        height=_BAR_HEIGHT,
        color=colours,
        edgecolor="white",
    )
    for (_, count), share, left, colour in zip(given, shares, lefts, colours, strict=True):
        if share >= _MIN_SHARE_FOR_COUNT:
            axes.text(
                left + share / 2,
                row,
                str(count),
                ha="center",
                va="center",
                color=_ink(colour),
                fontproperties=pen.font(_SMALL_PT),
                parse_math=False,
            )
    axes.text(
        1.02,
        row,
        _decimal(figures.average, locale),
        ha="left",
        va="center",
        fontproperties=pen.font(_AVERAGE_PT, bold=True),
        clip_on=False,
        parse_math=False,
    )


def _draw_legend_row(figure: Figure, pen: _Pen, scale: _Scale, bottom: int) -> None:
    """The scale's points as coloured boxes, centred, its labelled ends either side."""
    from matplotlib.patches import Rectangle

    axes = figure.add_axes((0, bottom / figure.bbox.height, 1, LEGEND_ROW_PX / figure.bbox.height))
    axes.set_axis_off()
    axes.set_xlim(0, WIDTH_PX)  # x in pixels
    axes.set_ylim(0, 1)
    points = range(scale.low, scale.high + 1)
    start = (WIDTH_PX - _BOX_PX * len(points)) / 2
    font = pen.font(_LABEL_PT)
    for offset, point in enumerate(points):
        colour = _colour(point, scale.low, scale.high)
        x = start + offset * _BOX_PX
        axes.add_patch(Rectangle((x, 0.2), _BOX_PX, 0.6, facecolor=colour, edgecolor="white"))
        axes.text(
            x + _BOX_PX / 2,
            0.5,
            str(point),
            ha="center",
            va="center",
            color=_ink(colour),
            fontproperties=font,
            parse_math=False,
        )
    room = start - 2 * _MARGIN_PX  # either side of the boxes
    ends = (
        (start - _MARGIN_PX / 2, scale.low_label, "right"),
        (WIDTH_PX - start + _MARGIN_PX / 2, scale.high_label, "left"),
    )
    for x, label, align in ends:
        text = pen.wrap(label, font, room, 1)
        axes.text(x, 0.5, text, ha=align, va="center", fontproperties=font, parse_math=False)


def _legend_rows(scales: list[_Scale]) -> list[_Scale]:
    """Each distinct scale once, in question order; an unlabelled scale is left out when the
    same points also appear with labelled ends (its colours are already explained)."""
    distinct = list(dict.fromkeys(scales))
    labelled = {(s.low, s.high) for s in distinct if s.low_label or s.high_label}
    return [s for s in distinct if s.low_label or s.high_label or (s.low, s.high) not in labelled]


def _scale(question: Question, locale: str) -> _Scale:
    return _Scale(
        question.scale_min,
        question.scale_max,
        _end_label(question.low, locale),
        _end_label(question.high, locale),
    )


def _end_label(label: Bilingual | None, locale: str) -> str:
    # Compared between questions, so drawn as it will be: only what the font has.
    return " ".join(_drawable(label.get(locale)).split()) if label else ""


def _colour(point: int, low: int, high: int) -> Colour:
    """Red for the low end through yellow to green for the high end, on any scale."""
    from matplotlib import colormaps

    position = (point - low) / (high - low) if high > low else 0.5
    # The colour map's extremes are nearly black: keep to its readable middle.
    red, green, blue, alpha = colormaps["RdYlGn"](0.1 + 0.8 * position)
    return (red, green, blue, alpha)


def _ink(background: Colour) -> str:
    """Black text on light segments, white on dark ones."""
    red, green, blue, _ = background
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "white"


def _decimal(value: Decimal | None, locale: str) -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}"
    return text.replace(".", ",") if locale == "ru" else text


def _drawable(text: str) -> str:
    """Only characters DejaVu Sans has (no emoji): a missing glyph draws as a box and makes
    matplotlib warn. Line breaks and tabs become spaces: the wrapping is ours."""
    charmap = _charmap()
    kept = "".join(char if ord(char) in charmap else " " for char in text)
    return " ".join(kept.split())


@cache
def _font_files() -> tuple[Path, Path]:
    """DejaVu Sans as matplotlib ships it, regular and bold: by path, so the chart looks the
    same whatever fonts the host has, and the font always has Cyrillic."""
    from matplotlib import get_data_path

    folder = Path(get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


@cache
def _charmap() -> frozenset[int]:
    """The code points both faces can draw (read once; the set is immutable, so threads
    may share it)."""
    from matplotlib.ft2font import FT2Font

    regular, bold = _font_files()
    return frozenset(FT2Font(str(regular)).get_charmap()) & frozenset(
        FT2Font(str(bold)).get_charmap()
    )
