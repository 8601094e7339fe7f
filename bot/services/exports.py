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
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.services.quotas import CountryUse
from storage.courses import Course
from storage.database import from_db
from storage.registrations import Participant, RegStatus

if TYPE_CHECKING:
    from xlsxwriter.format import Format  # type: ignore[import-untyped]
    from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

EXPORT_COLUMNS = (
    "name",
    "country",
    "organisation",
    "position",
    "email",
    "status",
    "waitlist_position",
    "reserve_position",
    "nominated_by",
    "reason",
    "signed_up",
    "attended",
)
# Each country's use of its quota: the XLSX file's second sheet; in a CSV file the same
# numbers for the person's country on every row (see `participants_csv`).
QUOTA_COLUMNS = ("country", "quota", "held", "reserve", "requests")
CSV_QUOTA_COLUMNS = QUOTA_COLUMNS[1:]

Cell = str | int | None

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
    headers = [t.plain(f"export-column-{_key(column)}") for column in EXPORT_COLUMNS]
    return headers, [_row(course, participant, t) for participant in participants]


def _key(column: str) -> str:
    return column.replace("_", "-")


def status_key(status: RegStatus) -> str:
    """The words for a sign-up's status, in exports and on the organiser's screens."""
    return f"export-status-{status.value}"


def _row(course: Course, p: Participant, t: Translator) -> list[Cell]:
    registration = p.registration
    signed_up = from_db(registration.created_at)
    waiting = registration.status == RegStatus.WAITLISTED
    reserve = registration.status == RegStatus.RESERVE
    return [
        p.full_name or "",
        _country_name(p.country, t),
        p.organisation or "",
        p.position_title or "",
        p.email or "",
        t.plain(status_key(registration.status)),
        p.position if waiting else None,
        p.position if reserve else None,
        p.nominated_by_name or "",
        registration.reason or "",
        _local(signed_up, course.timezone),
        t.plain("export-yes") if registration.attended else t.plain("export-no"),
    ]


def _country_name(code: str | None, t: Translator) -> str:
    country = BY_CODE.get(code) if code else None
    return t.plain(country.name_key) if country else ""


def quota_rows(
    countries: Sequence[CountryUse], t: Translator
) -> tuple[list[str], list[list[Cell]]]:
    """Localized headers and one row per country: its quota and how it is used."""
    headers = [t.plain(f"export-quota-column-{column}") for column in QUOTA_COLUMNS]
    rows: list[list[Cell]] = [
        [_country_name(use.country, t), use.quota, use.held, use.reserve, use.requests]
        for use in countries
    ]
    return headers, rows


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


def participants_xlsx(
    course: Course,
    participants: list[Participant],
    t: Translator,
    countries: Sequence[CountryUse] | None = None,
) -> bytes:
    """The participants; with `countries` (a course with quotas), a second sheet of each
    country's quota use."""
    headers, rows = participant_rows(course, participants, t)
    name = sheet_title(course.title(t.locale)) or f"course-{course.id}"
    sheets = [Sheet(name, headers, rows)]
    if countries is not None:
        sheets.append(Sheet(t.plain("export-quota-sheet"), *quota_rows(countries, t)))
    return workbook_xlsx(sheets)


def participants_csv(
    course: Course,
    participants: list[Participant],
    t: Translator,
    countries: Sequence[CountryUse] | None = None,
) -> bytes:
    """The participants as one table. With `countries`, each row also carries its country's
    quota, seats held, reserve list and requests: a block under the table would be taken into
    the table by Excel's sort and filter; repeated columns stay one table that sorts, filters
    and pivots by country."""
    headers, rows = participant_rows(course, participants, t)
    if countries is None:
        return table_csv(headers, rows)
    by_code = {use.country: use for use in countries}
    headers += [t.plain(f"export-csv-country-{column}") for column in CSV_QUOTA_COLUMNS]
    for person, row in zip(participants, rows, strict=True):
        use = by_code.get(person.registration.country or "")
        row += [None] * len(CSV_QUOTA_COLUMNS) if use is None else _quota_cells(use)
    return table_csv(headers, rows)


def _quota_cells(use: CountryUse) -> list[Cell]:
    return [use.quota, use.held, use.reserve, use.requests]


def export_filename(course: Course, ext: str) -> str:
    return f"participants-course-{course.id}.{ext.lstrip('.')}"


# -- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def table_xlsx(sheet_name: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One sheet: a bold header that stays visible while scrolling, then the rows."""
    return workbook_xlsx([Sheet(sheet_name, headers, rows)])


def workbook_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """Sheets each with a bold header that stays visible while scrolling, then the rows.

    Sheet names are made acceptable to Excel with `sheet_title` ("Sheet1" if nothing is left):
    a name Excel refuses would make it refuse the whole file. The file is built in memory
    only: exports hold names, e-mails and answers, which must not reach the server's disk
    (openpyxl, used before, wrote every sheet to a temporary file first).
    """
    # Imported here: only an organiser's export needs XlsxWriter, not every idle bot (issue 16).
    from xlsxwriter import Workbook  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    for sheet, name in zip(sheets, sheet_names(sheets), strict=True):
        _fill(workbook.add_worksheet(name), bold, sheet.headers, sheet.rows)
    workbook.close()
    return buffer.getvalue()


def sheet_names(sheets: Sequence[Sheet]) -> list[str]:
    """Each sheet's name as Excel accepts it, none the same as another's (Excel compares them
    without case): a course titled like the quota sheet ("Country quotas") would otherwise
    stop the file from being written. A repeated name gets " (2)", " (3)"..."""
    taken: set[str] = set()
    names: list[str] = []
    for number, sheet in enumerate(sheets, start=1):
        base = sheet_title(sheet.name) or f"Sheet{number}"
        name, copy = base, 1
        while name.lower() in taken:
            copy += 1
            suffix = f" ({copy})"
            name = _utf16_prefix(base, _SHEET_TITLE_MAX - len(suffix)).rstrip(" '") + suffix
        taken.add(name.lower())
        names.append(name)
    return names


def _fill(
    sheet: Worksheet, bold: Format, headers: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> None:
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
