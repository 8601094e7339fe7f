"""Participant exports read back with openpyxl and the csv module, as a spreadsheet would."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.i18n import Localizations
from bot.services.exports import (
    EXPORT_COLUMNS,
    Sheet,
    export_filename,
    participant_rows,
    participants_csv,
    participants_xlsx,
    table_xlsx,
    workbook_xlsx,
)
from bot.services.quotas import CountryUse
from storage.registrations import Participant, Registration, RegStatus
from tests.factories import course_record
from tests.spreadsheets import read_csv, read_xlsx

COURSE = course_record(
    title_en="Risk management: profiles / targeting [2027]",
    title_ru="Управление рисками: профили и отбор",
    description_en="",
    description_ru="",
    timezone="Asia/Baku",  # UTC+4 all year
    venue="Baku",
    capacity=2,
    language="ru",
)


def person(
    user_id: int,
    status: RegStatus,
    *,
    position: int | None = None,
    full_name: str | None = "Садыкова Айгерим Нурлановна",
    organisation: str | None = "Комитет государственных доходов",
    attended: bool = False,
    created_at: str = "2027-04-01T20:30:00+00:00",
) -> Participant:
    registration = Registration(
        id=user_id,
        course_id=COURSE.id,
        user_id=user_id,
        status=status,
        seq=user_id,
        attended=attended,
        created_at=created_at,
        updated_at=created_at,
    )
    return Participant(
        registration=registration,
        position=position,
        full_name=full_name,
        country="kz",
        organisation=organisation,
        position_title="Главный инспектор",
        email="a.sadykova@kgd.gov.kz",
    )


FORMULA = '=HYPERLINK("http://evil.example","click")'

PARTICIPANTS = [
    person(1, RegStatus.CONFIRMED, attended=True),
    person(
        2,
        RegStatus.CONFIRMED,
        full_name=None,  # no profile name: Telegram's name is not stored (issue 11)
        organisation=FORMULA,
        created_at="2027-04-02T08:05:00+00:00",
    ),
    person(3, RegStatus.WAITLISTED, position=1, organisation="+7 995 000"),
    person(4, RegStatus.WAITLISTED, position=2, organisation="@SUM(A1)"),
    person(5, RegStatus.CANCELLED, organisation="-1+2"),
]


def column(name: str) -> int:
    return EXPORT_COLUMNS.index(name)


EN_HEADERS = [
    "Full name",
    "Country",
    "Administration",
    "Position",
    "E-mail",
    "Status",
    "Waiting list position",
    "Reserve list position",
    "Nominated by",
    "Organisers' reason",
    "Sign-up date",
    "Attended",
]
RU_HEADERS = [
    "ФИО",
    "Страна",
    "Ведомство",
    "Должность",
    "Эл. почта",
    "Статус",
    "Номер в листе ожидания",
    "Номер в резервном списке",
    "Выдвинувший координатор",
    "Причина, указанная организаторами",
    "Дата записи",
    "Присутствие на курсе",
]


@pytest.mark.parametrize(("locale", "headers"), [("en", EN_HEADERS), ("ru", RU_HEADERS)])
def test_headers_are_localized_in_both_formats(
    localizations: Localizations, locale: str, headers: list[str]
):
    t = localizations.get(locale)
    assert read_xlsx(participants_xlsx(COURSE, PARTICIPANTS, t))[0] == headers
    assert read_csv(participants_csv(COURSE, PARTICIPANTS, t))[0] == headers


def test_rows_carry_every_field(localizations: Localizations):
    t = localizations.get("ru")
    _, rows = participant_rows(COURSE, PARTICIPANTS, t)
    assert rows[0] == [
        "Садыкова Айгерим Нурлановна",
        "Казахстан",
        "Комитет государственных доходов",
        "Главный инспектор",
        "a.sadykova@kgd.gov.kz",
        "В списке участников",
        None,
        None,
        "",
        "",
        "2027-04-02 00:30",  # 20:30 UTC is past midnight in Baku (UTC+4)
        "да",
    ]
    assert rows[1][column("name")] == ""
    assert rows[1][column("attended")] == "нет"


def test_xlsx_contents(localizations: Localizations):
    t = localizations.get("ru")
    data = participants_xlsx(COURSE, PARTICIPANTS, t)
    rows = read_xlsx(data)[1:]
    assert [row[column("name")] for row in rows[:2]] == ["Садыкова Айгерим Нурлановна", None]
    assert [row[column("status")] for row in rows] == [
        "В списке участников",
        "В списке участников",
        "В листе ожидания",
        "В листе ожидания",
        "Запись отменена",
    ]
    # Waiting-list places are numbers a spreadsheet can sort, empty for everyone else.
    assert [row[column("waitlist_position")] for row in rows] == [None, None, 1, 2, None]
    assert rows[1][column("signed_up")] == "2027-04-02 12:05"
    assert rows[0][column("country")] == "Казахстан"


def test_xlsx_layout(localizations: Localizations):
    t = localizations.get("en")
    sheet = load_workbook(io.BytesIO(participants_xlsx(COURSE, PARTICIPANTS, t))).active
    # `:`, `/`, `[` and `]` are not allowed in sheet names; Excel's limit is 31 characters.
    assert sheet.title == "Risk management profiles target"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    name_width = sheet.column_dimensions["A"].width
    assert 8 <= name_width <= 50
    assert sheet.cell(row=4, column=column("waitlist_position") + 1).data_type == "n"


def test_sheet_title_in_russian(localizations: Localizations):
    t = localizations.get("ru")
    sheet = load_workbook(io.BytesIO(participants_xlsx(COURSE, PARTICIPANTS, t))).active
    assert sheet.title == "Управление рисками профили и от"


def test_csv_contents(localizations: Localizations):
    t = localizations.get("en")
    data = participants_csv(COURSE, PARTICIPANTS, t)
    assert data.count(b"\r\n") == len(PARTICIPANTS) + 1
    rows = read_csv(data)[1:]
    assert rows[0][column("name")] == "Садыкова Айгерим Нурлановна"
    assert rows[0][column("country")] == "Kazakhstan"
    assert [row[column("status")] for row in rows] == [
        "Signed up",
        "Signed up",
        "On the waiting list",
        "On the waiting list",
        "Cancelled",
    ]
    assert [row[column("waitlist_position")] for row in rows] == ["", "", "1", "2", ""]
    assert [row[column("attended")] for row in rows] == ["yes", "no", "no", "no", "no"]
    assert rows[0][column("signed_up")] == "2027-04-02 00:30"


def test_formula_injection_is_neutralised(localizations: Localizations):
    t = localizations.get("en")
    expected = [
        "Комитет государственных доходов",
        "'" + FORMULA,
        "'+7 995 000",
        "'@SUM(A1)",
        "'-1+2",
    ]
    xlsx = participants_xlsx(COURSE, PARTICIPANTS, t)
    assert [row[column("organisation")] for row in read_xlsx(xlsx)[1:]] == expected
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    csv_rows = read_csv(participants_csv(COURSE, PARTICIPANTS, t))[1:]
    assert [row[column("organisation")] for row in csv_rows] == expected


def test_control_characters_do_not_break_the_file(localizations: Localizations):
    t = localizations.get("en")
    odd = [person(1, RegStatus.CONFIRMED, full_name="Ana\x07 Pop\x00escu")]
    assert read_xlsx(participants_xlsx(COURSE, odd, t))[1][column("name")] == "Ana Popescu"
    assert read_csv(participants_csv(COURSE, odd, t))[1][column("name")] == "Ana Popescu"


def test_empty_course_has_only_the_header(localizations: Localizations):
    t = localizations.get("en")
    assert read_xlsx(participants_xlsx(COURSE, [], t)) == [EN_HEADERS]
    assert read_csv(participants_csv(COURSE, [], t)) == [EN_HEADERS]


def test_untitled_course_gets_a_fallback_sheet_name(localizations: Localizations):
    course = replace(COURSE, title_en=None, title_ru="")
    data = participants_xlsx(course, [], localizations.get("en"))
    assert load_workbook(io.BytesIO(data)).active.title == "course-12"


def test_an_emoji_in_a_long_title_still_gives_a_sheet_name_excel_accepts(
    localizations: Localizations,
):
    """Issue 11: Excel counts a sheet name's 31 characters in UTF-16 units, an emoji as two;
    cutting at 31 Python characters gave a name Excel (and XlsxWriter) refuses."""
    course = replace(COURSE, title_en="Risk 🚢 management in customs procedures")
    data = participants_xlsx(course, PARTICIPANTS, localizations.get("en"))
    title = load_workbook(io.BytesIO(data)).active.title
    assert title == "Risk 🚢 management in customs p"
    assert len(title.encode("utf-16-le")) // 2 == 31


def test_filenames():
    assert export_filename(COURSE, "xlsx") == "participants-course-12.xlsx"
    assert export_filename(COURSE, "csv") == "participants-course-12.csv"


class DiskWrites:
    """Files opened for writing or created anywhere in the process while `watching` is on.

    An audit hook sees every `open()`, `os.open()` and `tempfile` call, from any library and
    any thread; audit hooks cannot be removed, so the one hook stays and records only while
    a test turns it on.
    """

    _WRITING_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def __init__(self) -> None:
        self.watching = False
        self.seen: list[tuple[str, object]] = []

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.watching:
            return
        if event in ("tempfile.mkstemp", "tempfile.mkdtemp"):
            self.seen.append((event, args[0] if args else None))
        elif event == "open":
            path, mode, flags = args
            writes_by_mode = isinstance(mode, str) and any(c in mode for c in "wxa+")
            if writes_by_mode or (isinstance(flags, int) and flags & self._WRITING_FLAGS):
                self.seen.append((event, path))


_DISK_WRITES: DiskWrites | None = None


@pytest.fixture
def disk_writes() -> Iterator[DiskWrites]:
    global _DISK_WRITES
    if _DISK_WRITES is None:
        _DISK_WRITES = DiskWrites()
        sys.addaudithook(_DISK_WRITES.hook)
    _DISK_WRITES.seen.clear()
    yield _DISK_WRITES
    _DISK_WRITES.watching = False


def test_the_disk_watch_sees_a_file_being_written(disk_writes: DiskWrites, tmp_path):
    """The watch below is only worth something if it sees what it looks for."""
    disk_writes.watching = True
    (tmp_path / "probe").write_bytes(b"x")
    disk_writes.watching = False
    assert [path for _, path in disk_writes.seen] == [str(tmp_path / "probe")]


def test_an_xlsx_export_never_touches_the_disk(disk_writes: DiskWrites):
    """Issue 11: exports hold names, e-mails and answers; the README promises they are never
    written to the server's disk. openpyxl wrote each sheet to /tmp/openpyxl.* first, where
    it stayed in freed blocks (or whole, if the process was killed mid-export)."""
    headers = ["ФИО", "Эл. почта", "Ответ", "Оценка"]
    rows: list[list[str | int | None]] = [
        [f"Садыкова Айгерим {i}", f"officer{i}@kgd.gov.kz", "Очень полезно " * 5, i % 5 + 1]
        for i in range(2000)
    ]
    disk_writes.watching = True
    data = table_xlsx("Участники", headers, rows)
    disk_writes.watching = False
    assert disk_writes.seen == []
    read = read_xlsx(data)
    assert len(read) == 2001
    assert read[2000] == ["Садыкова Айгерим 1999", "officer1999@kgd.gov.kz", rows[1999][2], 5]


# -- issue 14: requests, nominations, reserve lists and country quotas ------------------------


def decided(
    user_id: int,
    status: RegStatus,
    country: str,
    *,
    position: int | None = None,
    nominated_by: str | None = None,
    reason: str | None = None,
) -> Participant:
    base = person(user_id, status, position=position, full_name=f"Officer {user_id}")
    registration = replace(base.registration, country=country, reason=reason)
    return replace(
        base, registration=registration, country=country, nominated_by_name=nominated_by
    )


QUOTA_COURSE = replace(COURSE, quotas='{"az": 2, "ge": 1}')
DECIDED = [
    decided(1, RegStatus.CONFIRMED, "az", nominated_by="Focal Point AZ"),
    decided(2, RegStatus.NOMINATED, "az", nominated_by="Focal Point AZ"),
    decided(3, RegStatus.PENDING, "ge"),
    decided(4, RegStatus.WAITLISTED, "ge", position=1),
    decided(5, RegStatus.RESERVE, "az", position=1, nominated_by="Focal Point AZ"),
    decided(6, RegStatus.DECLINED, "ge", reason="=Not a customs officer"),
]
COUNTRIES = [
    CountryUse("az", quota=2, held=2, reserve=1, requests=0, waitlisted=0),
    CountryUse("ge", quota=1, held=0, reserve=0, requests=1, waitlisted=1),
]


def test_export_names_every_status_who_nominated_and_the_reason(localizations: Localizations):
    t = localizations.get("en")
    rows = read_xlsx(participants_xlsx(QUOTA_COURSE, DECIDED, t, COUNTRIES))[1:]
    assert [row[column("status")] for row in rows] == [
        "Signed up",
        "Nominated, answer awaited",
        "Requested a seat",
        "On the waiting list",
        "On the reserve list",
        "Declined",
    ]
    assert [row[column("nominated_by")] for row in rows] == [
        "Focal Point AZ",
        "Focal Point AZ",
        None,
        None,
        "Focal Point AZ",
        None,
    ]
    # An organiser's reason is text they typed: it stays text, never a formula.
    assert rows[5][column("reason")] == "'=Not a customs officer"
    # Each list keeps its own place, so either can be sorted.
    assert [row[column("waitlist_position")] for row in rows] == [None] * 3 + [1, None, None]
    assert [row[column("reserve_position")] for row in rows] == [None] * 4 + [1, None]


def test_export_statuses_read_in_russian(localizations: Localizations):
    t = localizations.get("ru")
    rows = read_csv(participants_csv(QUOTA_COURSE, DECIDED, t))[1:]
    assert [row[column("status")] for row in rows] == [
        "В списке участников",
        "Выдвижение, ожидается ответ",
        "Заявка на место",
        "В листе ожидания",
        "В резервном списке",
        "Отказ",
    ]


def test_xlsx_export_of_a_course_with_quotas_has_a_sheet_of_country_use(
    localizations: Localizations,
):
    t = localizations.get("en")
    book = load_workbook(io.BytesIO(participants_xlsx(QUOTA_COURSE, DECIDED, t, COUNTRIES)))
    assert book.sheetnames[1] == "Country quotas"
    sheet = book["Country quotas"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Country", "Quota (seats)", "Seats held", "Reserve list", "Requests waiting"],
        ["Azerbaijan", 2, 2, 1, 0],
        ["Georgia", 1, 0, 0, 1],
    ]
    assert sheet.freeze_panes == "A2"


def test_xlsx_export_without_quotas_has_one_sheet(localizations: Localizations):
    data = participants_xlsx(COURSE, PARTICIPANTS, localizations.get("en"))
    assert len(load_workbook(io.BytesIO(data)).sheetnames) == 1


def test_csv_export_of_a_course_with_quotas_stays_one_table(localizations: Localizations):
    """The quota use rides on each row as columns of the person's country, so Excel's sort
    and filter keep working on one table."""
    t = localizations.get("ru")
    table = read_csv(participants_csv(QUOTA_COURSE, DECIDED, t, COUNTRIES))
    assert table[0][len(EXPORT_COLUMNS) :] == [
        "Квота страны",
        "Места, занятые страной",
        "Резервный список страны",
        "Заявки страны на рассмотрении",
    ]
    assert {len(row) for row in table} == {len(EXPORT_COLUMNS) + 4}
    assert table[1][len(EXPORT_COLUMNS) :] == ["2", "2", "1", "0"]  # Azerbaijan
    assert table[3][len(EXPORT_COLUMNS) :] == ["1", "0", "0", "1"]  # Georgia


@pytest.mark.parametrize(("language", "title"), [("en", "COUNTRY QUOTAS"), ("ru", "Квоты стран")])
def test_a_course_titled_like_the_quota_sheet_still_exports(
    localizations: Localizations, language: str, title: str
):
    """Review of issue 14: a course titled exactly like the quota sheet broke the XLSX."""
    course = replace(QUOTA_COURSE, title_en=title, title_ru=title)
    data = participants_xlsx(course, DECIDED, localizations.get(language), COUNTRIES)
    names = load_workbook(io.BytesIO(data)).sheetnames
    assert len(names) == 2 and len({name.lower() for name in names}) == 2
    assert names[0] == title


def test_a_repeated_sheet_name_at_the_length_limit_stays_within_it():
    long = "A" * 40
    data = workbook_xlsx([Sheet(long, ["x"], []), Sheet(long, ["x"], [])])
    assert load_workbook(io.BytesIO(data)).sheetnames == ["A" * 31, "A" * 27 + " (2)"]
