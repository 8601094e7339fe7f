"""Server-rendered SVG charts for the dashboard: they need no script, no font download and no
network, so a page works offline, in Telegram's Mini App and on paper alike.

The SVG is built as an element tree and serialised by xml.etree, so every label a person
typed is escaped on the way out. Styling is by SVG presentation attributes (fill=,
font-size=): the Content-Security-Policy allows no `style=` attribute.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"

# Drawn 320 units wide: on a 360 px phone (about 336 px of page) the text keeps its 13 px, and
# the page caps the width on a desk screen (dashboard.css, .survey-chart) so it grows only a
# little.
WIDTH = 320
VALUE_SPACE = 80  # right of the longest bar: "1234 · 100%"
BAR_SPACE = WIDTH - VALUE_SPACE
BAR_HEIGHT = 16
LINE_HEIGHT = 16  # one line of a label
ROW_GAP = 10
FONT_SIZE = 13
LABEL_CHARS = 40  # a label longer than this wraps onto further lines
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

# Fixed, print-safe colours that stay apart for colour-blind readers (Okabe–Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#555555")
TEXT = "#1a1a1a"
TRACK = "#ececec"


@dataclass(frozen=True)
class Bar:
    """One option or scale point: its label, how many chose it and their share in percent."""

    label: str
    count: int
    percent: int


def bar_chart(title: str, bars: Sequence[Bar], *, one_colour: bool = False) -> Markup:
    """A horizontal bar chart, one bar per item with its label above and its count and
    percentage beside; bar lengths are proportional to the counts (the largest fills the
    width). `title` is what a screen reader announces. Options get a colour each; the points
    of one scale (`one_colour`) share the first."""
    longest = max((bar.count for bar in bars), default=0)
    svg = ET.Element("svg", xmlns=SVG_NS)
    _set(svg, class_="bar-chart", role="img", width="100%", font_family=FONT, font_size=FONT_SIZE)
    ET.SubElement(svg, "title").text = title
    y = 0
    for index, bar in enumerate(bars):
        y = _row(svg, bar, 0 if one_colour else index, longest, y)
    height = max(y - ROW_GAP, 1)
    # The page's CSS scales it with the width; the height keeps its proportions.
    _set(svg, viewBox=f"0 0 {WIDTH} {height}", height=height)
    return Markup(ET.tostring(svg, encoding="unicode"))


def _row(svg: ET.Element, bar: Bar, colour: int, longest: int, top: int) -> int:
    """Draws one bar (in PALETTE[`colour`]) with its texts from `top`; returns where the next
    row starts."""
    group = _add(svg, "g", class_="bar-row")
    lines = textwrap.wrap(bar.label, LABEL_CHARS) or [""]
    label = _add(group, "text", class_="bar-label", fill=TEXT)
    for number, line in enumerate(lines):
        _add(label, "tspan", x=0, y=top + 12 + number * LINE_HEIGHT).text = line
    bar_top = top + len(lines) * LINE_HEIGHT + 2
    width = BAR_SPACE * bar.count / longest if longest else 0
    box = {"x": 0, "y": bar_top, "height": BAR_HEIGHT}
    _add(group, "rect", class_="track", width=BAR_SPACE, fill=TRACK, **box)
    fill = PALETTE[colour % len(PALETTE)]
    _add(group, "rect", class_="bar", width=f"{width:.2f}", fill=fill, data_count=bar.count, **box)
    value = _add(
        group,
        "text",
        class_="bar-value",
        x=BAR_SPACE + 6,
        y=bar_top + BAR_HEIGHT - 3,
        fill=TEXT,
        font_weight="bold",
    )
    value.text = f"{bar.count} · {bar.percent}%"
    return bar_top + BAR_HEIGHT + ROW_GAP


def _add(parent: ET.Element, tag: str, **attributes: str | int | float) -> ET.Element:
    return _set(ET.SubElement(parent, tag), **attributes)


def _set(element: ET.Element, **attributes: str | int | float) -> ET.Element:
    """Sets SVG attributes given as Python names: `class_` is class, `font_size` font-size."""
    for name, value in attributes.items():
        element.set(name.rstrip("_").replace("_", "-"), str(value))
    return element
