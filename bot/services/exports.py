"""Participant lists for organisers as XLSX and CSV files that open cleanly in Excel and
LibreOffice, with headers and values in the organiser's language (survey responses:
bot.services.surveys.exports).

`table_xlsx` and `table_csv` do the writing for every export: text that stays text (no
formulas), a bold frozen header, readable column widths, and a BOM for Excel's CSV import.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from xlsxwriter import Workbook  # type: ignore[import-untyped]
from xlsxwriter.format import Format  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from bot.countries import BY_CODE
from bot.i18n import Translator
from storage.courses import Course
from storage.database import from_db
from storage.registrations import Participant, RegStatus

EXPORT_COLUMNS = (
    "name",
    "country",
    "organisation",
    "position",
    "email",
    "status",
    "waitlist_position",
    "signed_up",
    "attended",
)

Cell = str | int | None

_STATUS_KEYS = {
    RegStatus.CONFIRMED: "export-status-confirmed",
    RegStatus.WAITLISTED: "export-status-waitlisted",
    RegStatus.CANCELLED: "export-status-cancelled",
}

# A spreadsheet treats text starting with these as a formula (OWASP "CSV injection"); tab and
# carriage return are on OWASP's list too because some programs strip them before parsing.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Characters Excel refuses in a sheet name.
_SHEET_UNSAFE = re.compile(r"[\\/?*\[\]:]")
_SHEET_TITLE_MAX = 31

_MIN_WIDTH, _MAX_WIDTH = 8, 50
# Widths are given in pixels so the file stores exactly `width`, as it did with openpyxl:
# XlsxWriter's `set_column` adds Excel's 5-pixel cell padding on top. Its default font
# (Calibri 11) is 7 pixels a character.
_PIXELS_PER_CHARACTER = 7

# Control characters an XLSX cell cannot hold (the same set openpyxl refuses).
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# UTF-8 with a BOM: without it Excel guesses a legacy code page and garbles Cyrillic names.
_CSV_ENCODING = "utf-8-sig"


def participant_rows(
    course: Course, participants: list[Participant], t: Translator
) -> tuple[list[str], list[list[Cell]]]:
    """Localized headers and one row per participant, in EXPORT_COLUMNS order."""
    headers = [t(f"export-column-{column.replace('_', '-')}") for column in EXPORT_COLUMNS]
    return headers, [_row(course, participant, t) for participant in participants]


def _row(course: Course, p: Participant, t: Translator) -> list[Cell]:
    country = BY_CODE.get(p.country) if p.country else None
    signed_up = from_db(p.registration.created_at)
    return [
        p.full_name or "",
        t(country.name_key) if country else "",
        p.organisation or "",
        p.position_title or "",
        p.email or "",
        t(_STATUS_KEYS[p.registration.status]),
        p.position,
        _local(signed_up, course.timezone),
        t("export-yes") if p.registration.attended else t("export-no"),
    ]


def _local(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _safe(value: Cell) -> Cell:
    """Participant-entered text must stay text: a leading `'` defuses a would-be formula.

    Control characters go too: XLSX cannot hold them as they are.
    """
    if not isinstance(value, str):
        return value
    text = _ILLEGAL_CHARACTERS.sub("", value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def participants_xlsx(course: Course, participants: list[Participant], t: Translator) -> bytes:
    headers, rows = participant_rows(course, participants, t)
    name = sheet_title(course.title(t.locale)) or f"course-{course.id}"
    return table_xlsx(name, headers, rows)


def participants_csv(course: Course, participants: list[Participant], t: Translator) -> bytes:
    headers, rows = participant_rows(course, participants, t)
    return table_csv(headers, rows)


def export_filename(course: Course, ext: str) -> str:
    return f"participants-course-{course.id}.{ext.lstrip('.')}"


# -- writing -------------------------------------------------------------------------------


def table_xlsx(sheet_name: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One sheet: a bold header that stays visible while scrolling, then the rows.

    `sheet_name` is made acceptable to Excel with `sheet_title` ("Sheet1" if nothing is left):
    a name Excel refuses would make it refuse the whole file. The file is built in memory
    only: exports hold names, e-mails and answers, which must not reach the server's disk
    (openpyxl, used before, wrote every sheet to a temporary file first).
    """
    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_title(sheet_name) or "Sheet1")
    bold = workbook.add_format({"bold": True})
    # Headers go through _safe too: a survey's come from organisers' question texts.
    for index, header in enumerate(headers):
        _write(sheet, 0, index, _safe(header), bold)
    for row_number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            _write(sheet, row_number, index, _safe(value))
    sheet.freeze_panes(1, 0)  # the header stays visible while scrolling
    for index, header in enumerate(headers):
        longest = max([len(header), *(len(str(row[index] or "")) for row in rows)])
        width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
        sheet.set_column_pixels(index, index, width * _PIXELS_PER_CHARACTER)
    workbook.close()
    return buffer.getvalue()


def _write(
    sheet: Worksheet, row: int, column: int, value: Cell, style: Format | None = None
) -> None:
    """One cell by its type: XlsxWriter's generic `write` would turn text starting with `=`
    into a formula and text that looks like a link into a hyperlink. Empty text leaves the
    cell empty, as openpyxl did (XlsxWriter would store an empty string)."""
    if value is None or value == "":
        sheet.write_blank(row, column, None, style)
    elif isinstance(value, str):
        sheet.write_string(row, column, value, style)
    else:
        sheet.write_number(row, column, value, style)


def table_csv(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """Comma-separated with CRLF line ends (RFC 4180), UTF-8 with a BOM for Excel."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([_safe(header) for header in headers])
    for row in rows:
        writer.writerow(["" if value is None else _safe(value) for value in row])
    return text.getvalue().encode(_CSV_ENCODING)


def sheet_title(title: str) -> str:
    """`title` as Excel accepts a sheet name; empty if nothing is left of it."""
    words = _SHEET_UNSAFE.sub(" ", title).split()
    # Excel also rejects a name that starts or ends with an apostrophe.
    return _utf16_prefix(" ".join(words), _SHEET_TITLE_MAX).strip(" '")


def _utf16_prefix(text: str, limit: int) -> str:
    """The longest start of `text` that is at most `limit` UTF-16 units long: Excel counts a
    sheet name's length in them, so an emoji takes two (XlsxWriter refuses a longer name)."""
    units = 0
    for index, character in enumerate(text):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text
