"""Typesetting for the certificate page: blocks of text that wrap, shrink and centre.

A certificate must stay one page whatever its title and name, so every block has a size it
prefers and a smallest size; the page's middle is set at the largest common scale that fits
its box. Lines are wrapped here from cached word widths (fpdf2's own wrapping, asked again for
every trial size, took seconds for a long title) and balanced, so a wrapped title does not end
with one word alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

RGB = tuple[int, int, int]
PT = 25.4 / 72  # mm per point
LEADING = 1.22  # line height as a multiple of the font size
REFERENCE_SIZE = 100.0  # words are measured once at this size; widths scale with the size
SCALE_STEP = 0.02
BALANCING_ROUNDS = 8  # halvings of the width range when evening out wrapped lines


@dataclass(frozen=True)
class Style:
    """How a kind of text is set."""

    font: str  # a family added to the FPDF ("serif", "sans")
    emphasis: str  # fpdf2's "", "B", "I"
    size: float  # points, before shrinking
    color: RGB
    min_size: float = 0  # never smaller than this (0: the size)
    spacing: float = 0  # letter spacing, points
    lines: int = 0  # shrink (down to min_size) to stay within this many lines; 0: just wrap
    gap: float = 0  # mm above the block, before shrinking


@dataclass(frozen=True)
class Block:
    text: str
    style: Style


@dataclass(frozen=True)
class Placed:
    """A block at its final size, broken into lines."""

    block: Block
    size: float
    lines: tuple[str, ...]

    @property
    def line_height(self) -> float:
        return self.size * PT * LEADING

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


def height(placed: Sequence[Placed], scale: float = 1.0) -> float:
    """The blocks' height stacked, with their gaps at `scale`."""
    gaps = sum(item.block.style.gap for item in placed[1:]) * scale
    return sum(item.height for item in placed) + gaps


class Typesetter:
    """Measures, wraps and draws blocks of text on one fpdf2 page."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._unit_widths: dict[tuple[str, str, str], float] = {}

    def printable(self, style: Style, text: str) -> str:
        """The text without the characters its font has no glyph for (an emoji in a course
        title), which would otherwise leave gaps and a warning in the log."""
        from fpdf.fonts import TTFFont

        self.pdf.set_font(style.font, style.emphasis)
        font = self.pdf.current_font
        if not isinstance(font, TTFFont):
            return text
        lines = []
        for line in text.split("\n"):
            words = line.split(" ")
            kept = ["".join(char for char in word if ord(char) in font.cmap) for word in words]
            # A word made only of such characters goes with its space; "" (two spaces) stays.
            lines.append(" ".join(k for word, k in zip(words, kept, strict=True) if k or not word))
        return "\n".join(line.strip() for line in lines)

    def width(self, style: Style, text: str, size: float) -> float:
        """The text's width in mm at `size` points, letter spacing included."""
        key = (style.font, style.emphasis, text)
        if key not in self._unit_widths:
            self.pdf.set_font(style.font, style.emphasis, REFERENCE_SIZE)
            self._unit_widths[key] = self.pdf.get_string_width(text) / REFERENCE_SIZE
        return self._unit_widths[key] * size + len(text) * style.spacing * PT

    def wrap(self, style: Style, text: str, size: float, width: float) -> tuple[str, ...]:
        """The text's lines within `width`, evened out: as narrow as the same number of lines
        allows. A "\\n" in the text always starts a new line."""
        lines = self._greedy(style, text, size, width)
        if len(lines) == 1:
            return lines
        fits, too_narrow = width, width / 2
        for _ in range(BALANCING_ROUNDS):
            middle = (fits + too_narrow) / 2
            if len(self._greedy(style, text, size, middle)) == len(lines):
                fits = middle
            else:
                too_narrow = middle
        return self._greedy(style, text, size, fits)

    def _greedy(self, style: Style, text: str, size: float, width: float) -> tuple[str, ...]:
        space = self.width(style, " ", size)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                for piece in self._pieces(style, word, size, width):
                    wide = self.width(style, piece, size)
                    if line and used + space + wide > width:
                        lines.append(" ".join(line))
                        line, used = [], 0.0
                    used = used + space + wide if line else wide
                    line.append(piece)
            lines.append(" ".join(line))
        return tuple(lines)

    def _pieces(self, style: Style, word: str, size: float, width: float) -> list[str]:
        """The word, or, when it alone is wider than a line, the word cut to lines."""
        if self.width(style, word, size) <= width:
            return [word]
        pieces = [""]
        for char in word:
            if pieces[-1] and self.width(style, pieces[-1] + char, size) > width:
                pieces.append("")
            pieces[-1] += char
        return pieces

    def place(self, block: Block, width: float, scale: float = 1.0) -> Placed:
        """The block at `scale` of its size (not below its minimum); a block with a number of
        lines first shrinks further to stay within them, then wraps."""
        style = block.style
        text = self.printable(style, block.text)
        smallest = style.min_size or style.size
        size = max(smallest, style.size * scale)
        lines = self.wrap(style, text, size, width)
        while style.lines and len(lines) > style.lines and size > smallest:
            size = max(smallest, size - 0.5)
            lines = self.wrap(style, text, size, width)
        return Placed(block, size, lines)

    def stack(self, blocks: Sequence[Block], width: float, scale: float = 1.0) -> list[Placed]:
        return [self.place(block, width, scale) for block in blocks]

    def fit(
        self, blocks: Sequence[Block], width: float, room: float, largest: float, smallest: float
    ) -> tuple[list[Placed], float]:
        """The blocks at the largest scale (from `largest` down to `smallest`) at which they
        fit `room` mm of height: sizes and gaps shrink together, each size stopping at its
        minimum."""
        scale = largest
        placed = self.stack(blocks, width, scale)
        while height(placed, scale) > room and scale - SCALE_STEP >= smallest:
            scale -= SCALE_STEP
            placed = self.stack(blocks, width, scale)
        return placed, scale

    def draw(
        self,
        placed: Sequence[Placed],
        top: float,
        x: float,
        width: float,
        align: str = "C",
        scale: float = 1.0,
    ) -> list[float]:
        """Draws the blocks from `top` down; returns where each one ends."""
        pdf = self.pdf
        ends: list[float] = []
        y = top
        for index, item in enumerate(placed):
            style = item.block.style
            if index:
                y += style.gap * scale
            pdf.set_font(style.font, style.emphasis, item.size)
            pdf.set_char_spacing(style.spacing)
            pdf.set_text_color(*style.color)
            for line in item.lines:
                pdf.set_xy(x, y)
                pdf.cell(width, item.line_height, line, align=align)
                y += item.line_height
            pdf.set_char_spacing(0)
            ends.append(y)
        return ends
