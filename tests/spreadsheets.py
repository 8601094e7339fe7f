"""Export files read back as a spreadsheet program would: openpyxl for .xlsx, the csv module
for .csv."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook


def read_xlsx(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to show Cyrillic"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
