"""Survey response exports read back with openpyxl and the csv module, as a spreadsheet would."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from bot.i18n import Localizations
from bot.services.exports import table_csv, table_xlsx
from bot.services.surveys.exports import (
    survey_csv,
    survey_export_filename,
    survey_rows,
    survey_xlsx,
)
from bot.services.surveys.model import Bilingual, Question, QuestionKind
from bot.services.surveys.results import ResponseRow
from tests.spreadsheets import read_csv, read_xlsx

FORMULA = '=HYPERLINK("http://evil.example","click")'

QUESTIONS = (
    Question(
        QuestionKind.RATING,
        Bilingual("How useful was the course?", "Насколько полезен был курс?"),
    ),
    Question(
        QuestionKind.CHOICE,
        Bilingual("Best topic?", "Лучшая тема?"),
        options=(Bilingual("Risk profiles", "Профили риска"), Bilingual("Targeting", "Отбор")),
    ),
    Question(
        QuestionKind.MULTI,
        Bilingual("What will you use?", "Что будете применять?"),
        required=False,
        options=(
            Bilingual("Checklists", "Чек-листы"),
            Bilingual("Software", "Программы"),
            Bilingual("Audit", ""),
        ),
    ),
    Question(QuestionKind.YESNO, Bilingual("Recommend it?", "Порекомендуете?")),
    Question(QuestionKind.TEXT, Bilingual("Comments", "Комментарии"), required=False),
)

RESPONSES = [
    ResponseRow(
        {0: 5, 1: 0, 2: [0, 2], 3: True, 4: "Очень полезно"},
        "2027-05-13T09:30:41+00:00",
        name="Садыкова Айгерим",
        country="kz",
        organisation="Комитет государственных доходов",
    ),
    ResponseRow({0: 2}, None, name="Stopped Early", country="ge"),  # unfinished: no row
    ResponseRow(
        {0: 3, 1: 1, 2: None, 3: False, 4: FORMULA},
        "2027-05-14T23:05:00+04:00",  # written with an offset: shown in UTC
        name=FORMULA,
        country=None,
        organisation="@SUM(A1)",
    ),
    ResponseRow(
        {0: 4, 1: 1, 2: [1], 3: True, 4: None},
        "2027-05-15T08:00:00+00:00",
        name="Giorgi Beridze",
        country="ge",
        organisation="+995 Revenue Service",
    ),
]

NAMED_EN_HEADERS = [
    "Full name",
    "Country",
    "Administration",
    "Finished (UTC)",
    "Q1. How useful was the course?",
    "Q2. Best topic?",
    "Q3. What will you use?",
    "Q4. Recommend it?",
    "Q5. Comments",
]


def test_named_survey_headers_and_rows(localizations: Localizations):
    headers, rows = survey_rows(QUESTIONS, RESPONSES, localizations.get("en"), anonymous=False)
    assert headers == NAMED_EN_HEADERS
    assert len(rows) == 3  # one per finished response
    assert rows[0] == [
        "Садыкова Айгерим",
        "Kazakhstan",
        "Комитет государственных доходов",
        "2027-05-13 09:30",
        5,
        "Risk profiles",
        "Checklists; Audit",
        "yes",
        "Очень полезно",
    ]
    assert rows[1][1] == ""  # no country
    assert rows[1][3] == "2027-05-14 19:05"
    assert rows[1][6] is None  # skipped
    assert rows[1][7] == "no"
    assert rows[2][-1] is None  # skipped text


def test_anonymous_survey_has_no_respondent_columns(localizations: Localizations):
    headers, rows = survey_rows(QUESTIONS, RESPONSES, localizations.get("en"), anonymous=True)
    assert headers == NAMED_EN_HEADERS[3:]
    assert rows[0] == [
        "2027-05-13 09:30",
        5,
        "Risk profiles",
        "Checklists; Audit",
        "yes",
        "Очень полезно",
    ]
    flat = [str(value) for row in rows for value in row]
    assert not any("Садыкова" in value or "Beridze" in value for value in flat)


def test_anonymous_survey_with_too_few_responses_exports_no_answers(
    localizations: Localizations,
):
    # Two finished responses: as with the results message, nobody's answers are shown.
    t = localizations.get("en")
    headers, rows = survey_rows(QUESTIONS, RESPONSES[:3], t, anonymous=True)
    assert rows == []
    assert read_xlsx(survey_xlsx("Survey", QUESTIONS, RESPONSES[:3], t, True)) == [headers]
    assert len(survey_rows(QUESTIONS, RESPONSES[:3], t, anonymous=False)[1]) == 2


def test_anonymous_responses_show_only_the_day_they_keep(localizations: Localizations):
    # Anonymous responses store the day alone: shown as it is, not shifted by a time zone.
    days = [
        ResponseRow(response.answers, "2027-05-13" if response.finished_at else None)
        for response in RESPONSES
    ]
    _, rows = survey_rows(QUESTIONS, days, localizations.get("en"), anonymous=True)
    assert [row[0] for row in rows] == ["2027-05-13"] * 3


def test_russian_headers_and_values(localizations: Localizations):
    t = localizations.get("ru")
    headers, rows = survey_rows(QUESTIONS, RESPONSES, t, anonymous=False)
    assert headers[:4] == ["ФИО", "Страна", "Ведомство", "Завершено (UTC)"]
    assert headers[4] == "В1. Насколько полезен был курс?"
    assert rows[0][1:3] == ["Казахстан", "Комитет государственных доходов"]
    assert rows[0][5:8] == ["Профили риска", "Чек-листы; Audit", "да"]
    assert rows[2][1] == "Грузия"
    assert rows[1][7] == "нет"


def test_xlsx_contents_and_layout(localizations: Localizations):
    t = localizations.get("en")
    data = survey_xlsx("Feedback: risk / targeting [2027]", QUESTIONS, RESPONSES, t, False)
    rows = read_xlsx(data)
    assert rows[0] == NAMED_EN_HEADERS
    assert len(rows) == 4
    assert rows[1][4] == 5
    assert rows[2][6] is None
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Feedback risk targeting 2027"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(row=2, column=5).data_type == "n"  # ratings are numbers to average
    assert all(8 <= sheet.column_dimensions[c].width <= 50 for c in "ABCDEFGHI")


def test_csv_contents(localizations: Localizations):
    data = survey_csv("Survey", QUESTIONS, RESPONSES, localizations.get("ru"), anonymous=True)
    assert data.count(b"\r\n") == 4
    rows = read_csv(data)
    assert rows[0][0] == "Завершено (UTC)"
    assert rows[1] == [
        "2027-05-13 09:30",
        "5",
        "Профили риска",
        "Чек-листы; Audit",
        "да",
        "Очень полезно",
    ]
    assert rows[2][3] == ""  # skipped


def test_formula_injection_is_neutralised(localizations: Localizations):
    t = localizations.get("en")
    sneaky = Question(QuestionKind.TEXT, Bilingual("=1+1", ""), required=False)
    questions = (*QUESTIONS, sneaky)
    xlsx = survey_xlsx("=cmd", questions, RESPONSES, t, False)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    rows = read_xlsx(xlsx)
    assert rows[0][-1] == "Q6. =1+1"  # the numbering already keeps it text
    assert rows[2][0] == "'" + FORMULA
    assert rows[2][2] == "'@SUM(A1)"
    assert rows[2][8] == "'" + FORMULA
    assert rows[3][2] == "'+995 Revenue Service"
    csv_rows = read_csv(survey_csv("=cmd", questions, RESPONSES, t, False))
    assert [csv_rows[2][0], csv_rows[2][2], csv_rows[2][8]] == [
        "'" + FORMULA,
        "'@SUM(A1)",
        "'" + FORMULA,
    ]


def test_an_untitled_survey_gets_a_localized_sheet_name(localizations: Localizations):
    data = survey_xlsx(" :/ ", QUESTIONS, [], localizations.get("ru"), False)
    assert load_workbook(io.BytesIO(data)).active.title == "Результаты"


def test_an_answer_the_question_no_longer_accepts_is_left_empty(localizations: Localizations):
    narrowed = (
        Question(QuestionKind.CHOICE, Bilingual("Pick", ""), options=(Bilingual("A", ""),)),
    )
    stale = [ResponseRow({0: 3}, "2027-05-13T09:30:00+00:00")]
    _, rows = survey_rows(narrowed, stale, localizations.get("en"), anonymous=False)
    assert rows[0][-1] is None


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [("Results", "Results"), ("'", "Sheet1"), ("' '", "Sheet1"), ("a" * 40, "a" * 31)],
)
def test_generic_tables(sheet: str, expected: str):
    headers, rows = ["Name", "Score"], [["-minus", 3], [None, 0]]
    workbook = load_workbook(io.BytesIO(table_xlsx(sheet, headers, rows)))
    assert workbook.active.title == expected
    assert read_xlsx(table_xlsx(sheet, headers, rows)) == [
        ["Name", "Score"],
        ["'-minus", 3],
        [None, 0],
    ]
    assert read_csv(table_csv(headers, rows)) == [["Name", "Score"], ["'-minus", "3"], ["", "0"]]


def test_filenames():
    assert survey_export_filename(7, "xlsx") == "survey-7-responses.xlsx"
    assert survey_export_filename(7, ".csv") == "survey-7-responses.csv"
