"""The certificate of attendance as a PDF: one A4 landscape page, in one language or two.

With one translator the page is in that language; with two (English, Russian) it is one
bilingual page: each English line with its Russian one beneath, smaller and lighter, and each
name printed once per script. The texts live in locales/*/certificate_pdf.ftl.

Drawn with fpdf2 in fonts shipped by matplotlib (DejaVu Serif and Sans cover Latin and
Cyrillic), so nothing is downloaded at run time; the QR code (segno) is drawn as vector
squares. Long titles and names wrap and shrink until the page holds them: a certificate is
always one page. CPU-heavy (font subsetting): callers run it with `asyncio.to_thread`. fpdf2
and segno are imported inside the functions, as the survey chart imports matplotlib: the bot
should not pay for them at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.i18n import Translator
from bot.services.certificate_codes import display
from bot.services.certificate_layout import RGB, Block, Style, Typesetter, height
from storage.courses import Course

if TYPE_CHECKING:
    from fpdf import FPDF

NAVY: RGB = (24, 44, 82)
GOLD: RGB = (176, 141, 87)
INK: RGB = (30, 30, 30)
GREY: RGB = (105, 105, 105)

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MARGIN = 30.0  # the text column's left and right edge
TEXT_WIDTH = PAGE_W - 2 * MARGIN
BODY_TOP, BODY_BOTTOM = 36.0, 154.0  # where the heading .. dates stack may go
FOOTER_BOTTOM = PAGE_H - 21.0  # where the footer's text and the QR code end
FOOTER_WIDTH = 100.0  # the place of issue on the left, the code's small print on the right
QR_SIZE = 27.0
QR_GAP = 5.0  # between the small print and the QR code
DAY = "d MMMM y"  # 12 May 2027, 12 мая 2027
LARGEST_SCALE = 1.2  # a page with room to spare (one language, a short title) grows to fill it
SMALLEST_SCALE = 0.3


@dataclass(frozen=True)
class CertificateFacts:
    """Everything printed on one certificate."""

    code: str  # stored form; printed with display()
    verify_link: str  # the QR code opens it
    names: Mapping[str, str]  # per locale: {"en": latin name, "ru": name as in profile}
    course: Course
    issued_on: date
    version: int = 1  # >1: a reissue ("Issue 2" / «Экземпляр 2» printed small)


# Each kind of line: the first language's style, then the other's (smaller, lighter).
HEADING = (
    Style("serif", "B", 30, NAVY, min_size=18, spacing=2.0, lines=1),
    Style("serif", "", 15, GOLD, min_size=10, spacing=1.0, lines=1, gap=1),
)
PHRASE = (
    Style("serif", "I", 14, INK, min_size=9, gap=8),
    Style("serif", "I", 11, GREY, min_size=8),
)
NAME = (
    Style("serif", "B", 30, NAVY, min_size=16, lines=1, gap=4),
    Style("serif", "B", 21, NAVY, min_size=12, lines=1, gap=1),
)
TITLE = (
    Style("serif", "B", 19, INK, min_size=11, lines=3, gap=3),
    Style("serif", "", 14, GREY, min_size=8.5, lines=3, gap=1),
)
DATES = (
    Style("serif", "", 13, INK, min_size=9, gap=6),
    Style("serif", "", 11, GREY, min_size=8),
)
LETTERHEAD = (
    Style("sans", "B", 8.5, NAVY, min_size=6, lines=1),
    Style("sans", "", 7.5, GREY, min_size=5.5, lines=1, gap=0.5),
)
ISSUED = (
    Style("serif", "", 11, INK, min_size=8),
    Style("serif", "I", 9.5, GREY, min_size=7),
)
SMALL = (
    Style("sans", "", 7.5, INK, min_size=6),
    Style("sans", "", 7, GREY, min_size=5.5),
)
CODE = Style("sans", "B", 11, NAVY, spacing=0.6)


def certificate_pdf(facts: CertificateFacts, translators: Sequence[Translator]) -> bytes:
    """The certificate: one page in the translator's language, or bilingual for two (the
    first leads: [English, Russian] prints each English line with the Russian beneath)."""
    from fpdf import FPDF

    if not translators:
        raise ValueError("a certificate needs at least one language")
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0
    for (family, emphasis), path in _font_files().items():
        pdf.add_font(family, emphasis, str(path))
    primary = translators[0]
    pdf.set_title(primary.plain("certificate-pdf-heading"))
    pdf.set_lang(primary.locale)
    pdf.set_creation_date(datetime.combine(facts.issued_on, time(), UTC))
    pdf.add_page()
    _frame(pdf)
    typesetter = Typesetter(pdf)
    letterhead = _lines(translators, LETTERHEAD, "certificate-pdf-organisers")
    typesetter.draw(typesetter.stack(letterhead, TEXT_WIDTH), top=17.0, x=MARGIN, width=TEXT_WIDTH)
    _middle(typesetter, _body(facts, translators))
    _footer(typesetter, facts, translators)
    return bytes(pdf.output())


def certificate_filename(facts: CertificateFacts, locale: str) -> str:
    """An ASCII file name: "certificate-Sadykova-Aigerim-7KQ2-M9XD-4HPT.pdf"."""
    for name in (facts.names.get(locale), facts.names.get("en"), *facts.names.values()):
        slug = _ascii_slug(name or "")
        if slug:
            return f"certificate-{slug}-{display(facts.code)}.pdf"
    return f"certificate-{display(facts.code)}.pdf"


def course_dates(course: Course, locale: str) -> str:
    """The course's days in its own zone: "9 March 2027", "9–11 March 2027",
    "28 February – 2 March 2027" (Russian: «9–11 марта 2027»)."""
    zone = ZoneInfo(course.timezone)
    first = course.starts_at.astimezone(zone).date()
    last = course.ends_at.astimezone(zone).date()

    def day(pattern: str, value: date) -> str:
        return str(format_date(value, pattern, locale=locale))

    if first == last:
        return day(DAY, first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{day('d', first)}–{day(DAY, last)}"
    if first.year == last.year:
        return f"{day('d MMMM', first)} – {day(DAY, last)}"
    return f"{day(DAY, first)} – {day(DAY, last)}"


def _middle(typesetter: Typesetter, blocks: Sequence[Block]) -> None:
    """The heading down to the dates, as large as the room between the letterhead and the
    footer allows, centred in it, with an ornament under the heading."""
    room = BODY_BOTTOM - BODY_TOP
    placed, scale = typesetter.fit(blocks, TEXT_WIDTH, room, LARGEST_SCALE, SMALLEST_SCALE)
    top = BODY_TOP + max(0.0, room - height(placed, scale)) / 2
    ends = typesetter.draw(placed, top=top, x=MARGIN, width=TEXT_WIDTH, scale=scale)
    headings = sum(1 for item in placed if item.block.style in HEADING)
    _ornament(typesetter.pdf, ends[headings - 1] + placed[headings].block.style.gap * scale / 2)


@cache
def _font_files() -> dict[tuple[str, str], Path]:
    """DejaVu Serif and Sans as matplotlib ships them (found through matplotlib, wherever it
    is installed)."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {
        ("serif", ""): folder / "DejaVuSerif.ttf",
        ("serif", "B"): folder / "DejaVuSerif-Bold.ttf",
        ("serif", "I"): folder / "DejaVuSerif-Italic.ttf",
        ("sans", ""): folder / "DejaVuSans.ttf",
        ("sans", "B"): folder / "DejaVuSans-Bold.ttf",
    }


def _lines(
    translators: Sequence[Translator], styles: tuple[Style, Style], key: str, **args: object
) -> list[Block]:
    """One message in each language, the first in its style and the rest in the lighter one;
    a text the same in two languages (a title left untranslated) is printed once."""
    return _once([t.plain(key, **args) for t in translators], styles)


def _once(texts: Sequence[str], styles: tuple[Style, Style]) -> list[Block]:
    blocks: list[Block] = []
    for text in dict.fromkeys(text for text in texts if text):
        blocks.append(Block(text, styles[0] if not blocks else styles[1]))
    return blocks


def _body(facts: CertificateFacts, translators: Sequence[Translator]) -> list[Block]:
    """Heading, the holder's name, the course and its days: the page's middle."""
    locales = [t.locale for t in translators]
    course = facts.course
    names = [facts.names.get(locale) or _any_name(facts.names) for locale in locales]
    hours = getattr(course, "hours", None)
    blocks = [
        *(
            replace(block, text=block.text.upper())
            for block in _lines(translators, HEADING, "certificate-pdf-heading")
        ),
        *_lines(translators, PHRASE, "certificate-pdf-certify"),
        *_once(names, NAME),
        *_lines(translators, PHRASE, "certificate-pdf-attended"),
        *_once([course.title(locale) for locale in locales], TITLE),
    ]
    when = [
        t.plain("certificate-pdf-dates", dates=course_dates(course, t.locale))
        + (" · " + t.plain("certificate-pdf-hours", hours=hours) if hours else "")
        for t in translators
    ]
    return blocks + _once(when, DATES)


def _any_name(names: Mapping[str, str]) -> str:
    return next((name for name in names.values() if name), "")


def _footer(
    typesetter: Typesetter, facts: CertificateFacts, translators: Sequence[Translator]
) -> None:
    """Place and date of issue on the left; the code, how to verify it and the QR code on
    the right."""
    pdf = typesetter.pdf
    bottom = FOOTER_BOTTOM
    issued = [
        t.plain("certificate-pdf-issued", date=format_date(facts.issued_on, DAY, locale=t.locale))
        for t in translators
    ]
    left = typesetter.stack(_once(issued, ISSUED), FOOTER_WIDTH)
    top = bottom - height(left)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.3)
    pdf.line(MARGIN, top - 3, MARGIN + 60, top - 3)
    typesetter.draw(left, top=top, x=MARGIN, width=FOOTER_WIDTH, align="L")

    qr_x = PAGE_W - MARGIN - QR_SIZE
    _qr_code(pdf, facts.verify_link, qr_x, bottom - QR_SIZE, QR_SIZE)
    code = display(facts.code)
    bot = urlsplit(facts.verify_link).path.strip("/")
    blocks = [
        Block(_joined(translators, "certificate-pdf-code"), SMALL[1]),
        Block(code, CODE),
        *_lines(translators, SMALL, "certificate-pdf-verify", code=code, bot=bot),
    ]
    if facts.version > 1:
        issue = _joined(translators, "certificate-pdf-issue", version=str(facts.version))
        blocks.append(Block(issue, SMALL[1]))
    right = typesetter.stack(blocks, FOOTER_WIDTH)
    x = qr_x - QR_GAP - FOOTER_WIDTH
    typesetter.draw(right, top=bottom - height(right), x=x, width=FOOTER_WIDTH, align="R")


def _joined(translators: Sequence[Translator], key: str, **args: object) -> str:
    """A short label in every language on one line: "Verification code / Код проверки"."""
    return " / ".join(dict.fromkeys(t.plain(key, **args) for t in translators))


def _ornament(pdf: FPDF, y: float) -> None:
    """A gold rule with a diamond in its middle, under the heading."""
    middle = PAGE_W / 2
    pdf.set_draw_color(*GOLD)
    pdf.set_fill_color(*GOLD)
    pdf.set_line_width(0.35)
    pdf.line(middle - 42, y, middle - 4, y)
    pdf.line(middle + 4, y, middle + 42, y)
    pdf.polygon(
        [(middle - 2.2, y), (middle, y - 1.5), (middle + 2.2, y), (middle, y + 1.5)], style="F"
    )


def _frame(pdf: FPDF) -> None:
    """A navy border, a thin gold one inside it, and small gold squares at its corners."""
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.4)
    pdf.rect(8, 8, PAGE_W - 16, PAGE_H - 16)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.4)
    pdf.rect(11.5, 11.5, PAGE_W - 23, PAGE_H - 23)
    pdf.set_line_width(0.25)
    pdf.rect(13, 13, PAGE_W - 26, PAGE_H - 26)
    pdf.set_fill_color(*GOLD)
    for x in (11.5, PAGE_W - 11.5):
        for y in (11.5, PAGE_H - 11.5):
            pdf.rect(x - 2.2, y - 2.2, 4.4, 4.4, style="DF")


def _qr_code(pdf: FPDF, link: str, x: float, y: float, size: float) -> None:
    """The link as a QR code of dark squares, one filled path (no hairline seams)."""
    import segno
    from fpdf.enums import PathPaintRule

    matrix = segno.make(link, error="m", micro=False).matrix_iter(border=0)
    rows = [list(row) for row in matrix]
    module = size / len(rows)
    with pdf.new_path(paint_rule=PathPaintRule.FILL_NONZERO) as path:
        path.style.fill_color = "#000000"
        for row_number, row in enumerate(rows):
            column = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:  # a run of dark modules: one rectangle
                    top = y + row_number * module
                    path.rectangle(x + column * module, top, length * module, module)
                column += length


def _ascii_slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[A-Za-z0-9]+", ascii_name))[:60].strip("-")
