"""Participant lists for organisers as XLSX and CSV files that open cleanly in Excel and
LibreOffice, with headers and statuses in the organiser's language."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

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
    "username",
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
        p.full_name or p.first_name,
        t(country.name_key) if country else "",
        p.organisation or "",
        p.position_title or "",
        p.email or "",
        t(_STATUS_KEYS[p.registration.status]),
        p.position,
        _local(signed_up, course.timezone),
        t("export-yes") if p.registration.attended else t("export-no"),
        f"@{p.username}" if p.username else "",
    ]


def _local(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _safe(value: Cell) -> Cell:
    """Participant-entered text must stay text: a leading `'` defuses a would-be formula.

    Control characters go too: XLSX cannot hold them (openpyxl refuses the whole file).
    """
    if not isinstance(value, str):
        return value
    text: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def participants_xlsx(course: Course, participants: list[Participant], t: Translator) -> bytes:
    headers, rows = participant_rows(course, participants, t)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(course, t.locale)
    sheet.append(headers)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"  # the header stays visible while scrolling
    for index, header in enumerate(headers, start=1):
        longest = max([len(header), *(len(str(row[index - 1] or "")) for row in rows)])
        width = min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(course: Course, locale: str) -> str:
    # Excel also rejects a name that starts or ends with an apostrophe, or is empty.
    words = _SHEET_UNSAFE.sub(" ", course.title(locale)).split()
    title = " ".join(words)[:_SHEET_TITLE_MAX].strip().strip("'")
    return title or f"course-{course.id}"


def participants_csv(course: Course, participants: list[Participant], t: Translator) -> bytes:
    headers, rows = participant_rows(course, participants, t)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if value is None else _safe(value) for value in row])
    return text.getvalue().encode(_CSV_ENCODING)


def export_filename(course: Course, ext: str) -> str:
    return f"participants-course-{course.id}.{ext.lstrip('.')}"
