"""The surveys pages: the list, one survey's figures and charts as the survey service computes
them, text answers page by page, the files, and the chat's anonymity rules."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from aiohttp.test_utils import TestClient, TestServer
from openpyxl import load_workbook

from bot.app import Services
from bot.clock import ManualClock
from bot.i18n import Localizations
from bot.services.surveys.exports import survey_rows
from bot.services.surveys.model import Bilingual, SurveyDraft
from bot.services.surveys.results import ChoiceSummary, RatingSummary, YesNoSummary, shares
from bot.web.app import mount
from bot.web.auth import COOKIE_NAME
from bot.web.context import Dashboard
from storage.audit import AuditAction
from storage.database import Database
from storage.surveys import Survey
from tests.conftest import ORGANISER_ID
from tests.e2e.seeding import sign_up_officers
from tests.factories import answer_feedback, course_values, create_course, feedback_questions
from tests.web.conftest import WebClient, sign_in_client

SVG = "{http://www.w3.org/2000/svg}"
CHART = re.compile(r"<svg .*?</svg>", re.S)
OFFICER_IDS = range(5_200_001, 5_200_031)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2027, 3, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
async def db(tmp_path: Path, clock: ManualClock) -> AsyncIterator[Database]:
    """The database on a clock the tests move, so that an anonymous survey can close."""
    async with Database(tmp_path / "data" / "bot.sqlite3", clock=clock) as database:
        yield database


async def course_with_officers(dashboard: Dashboard, clock: ManualClock, count: int) -> int:
    """A course that ended an hour ago with `count` confirmed officers; its id."""
    ended = clock.now - timedelta(hours=1)
    values = course_values(
        ended - timedelta(hours=8),
        ended,
        ended - timedelta(days=3),
        title_en="Risk management",
        title_ru="Управление рисками",
    )
    course = await create_course(dashboard.services.courses, values)
    officers = {user_id: (f"Officer{user_id}", "en") for user_id in OFFICER_IDS[:count]}
    await sign_up_officers(dashboard.db, course.id, officers, ended - timedelta(days=10))
    return course.id


async def survey_for(
    services: Services, course_id: int | None, anonymous: bool, closes_at: datetime | None
) -> Survey:
    draft = SurveyDraft(
        title=Bilingual("Feedback", "Отзыв"),
        questions=feedback_questions(),
        course_id=course_id,
        anonymous=anonymous,
        closes_at=closes_at,
    )
    survey = await services.surveys.create(draft, created_by=ORGANISER_ID)
    active = await services.surveys.activate(survey.id)
    assert active is not None
    if course_id is not None:
        await services.surveys.invite(survey.id, {"kind": "course", "course_id": course_id})
    return active


ANSWERS = [(5, [0], "More practice"), (4, [0, 1], "<script>alert(1)</script>"), (2, [1], "")]


async def answered_survey(
    dashboard: Dashboard, clock: ManualClock, anonymous: bool, answers=ANSWERS, invited=4
) -> Survey:
    course_id = await course_with_officers(dashboard, clock, invited)
    # Closing in two hours: the tests move the clock past it within the session's lifetime.
    closes_at = clock.now + timedelta(hours=2)
    survey = await survey_for(dashboard.services, course_id, anonymous, closes_at)
    for user_id, (rating, formats, text) in zip(OFFICER_IDS, answers, strict=False):
        await answer_feedback(
            dashboard.services.surveys, survey.id, user_id, rating, formats, text
        )
    return survey


def charts(page: str) -> list[ET.Element]:
    return [ET.fromstring(found) for found in CHART.findall(page)]


def bars(chart: ET.Element) -> list[tuple[str, int, str]]:
    """(label, count, "count · percent%") of every bar, top to bottom."""
    labels = [
        "".join(node.itertext())
        for node in chart.iter(SVG + "text")
        if node.get("class") == "bar-label"
    ]
    counts = [
        int(rect.get("data-count", ""))
        for rect in chart.iter(SVG + "rect")
        if rect.get("class") == "bar"
    ]
    values = [
        node.text or "" for node in chart.iter(SVG + "text") if node.get("class") == "bar-value"
    ]
    return list(zip(labels, counts, values, strict=True))


def officer_traces(text: str) -> list[str]:
    """Names and ids of the officers found in `text`."""
    found = [name for name in (f"Officer{user_id}" for user_id in OFFICER_IDS) if name in text]
    return found + [str(user_id) for user_id in OFFICER_IDS if str(user_id) in text]


async def exports_audited(dashboard: Dashboard) -> list[tuple[int, str]]:
    return [
        (entry.actor_id, entry.details["format"])
        for entry in await dashboard.repos.audit.latest(50)
        if entry.action == AuditAction.EXPORT_SURVEY
    ]


# -- the list ------------------------------------------------------------------------------


async def test_without_surveys_the_list_says_how_to_create_one(organiser: WebClient):
    page = await organiser.text("/surveys")
    assert 'id="no-surveys"' in page and "/newsurvey" in page


async def test_the_list_shows_every_survey_with_its_course_mode_status_and_response_rate(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock
):
    named = await answered_survey(dashboard, clock, anonymous=False)  # 3 of 4 answered
    draft = await dashboard.services.surveys.create(
        SurveyDraft(Bilingual("Pulse", "Пульс"), feedback_questions(), anonymous=True),
        created_by=ORGANISER_ID,
    )
    page = await organiser.text("/surveys")
    row = page.split(f'data-survey="{named.id}"')[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert "Feedback" in cells[1] and f"/surveys/{named.id}" in cells[1]
    assert cells[2] == "Risk management"
    assert "Feedback survey" in cells[3] and "Named" in cells[3]
    assert "Open" in cells[4] and "closes" in cells[4]
    assert cells[5:] == ["4", "3", "75%"]
    draft_row = page.split(f'data-survey="{draft.id}"')[1].split("</tr>")[0]
    assert "Not linked to a course" in draft_row and "Draft" in draft_row
    assert "Anonymous" in draft_row and "—" in draft_row
    assert page.index(f'data-survey="{draft.id}"') < page.index(f'data-survey="{named.id}"')
    # A draft's page: nobody invited yet, nothing to show and nothing to download.
    draft_page = await organiser.text(f"/surveys/{draft.id}")
    assert "Draft" in draft_page and "at least 3 people" in draft_page
    assert "<svg" not in draft_page and "export.csv" not in draft_page


# -- one survey ----------------------------------------------------------------------------


async def test_figures_and_charts_are_those_the_service_computes(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock
):
    survey = await answered_survey(dashboard, clock, anonymous=False)
    report = await dashboard.services.surveys.report(survey.id, "en")
    page = await organiser.text(f"/surveys/{survey.id}")

    assert re.search(r'class="figure">3 / 4<', page)
    assert re.search(r'class="figure">75%<', page)
    rating, formats, recommend = charts(page)
    figures = report.summary.questions
    assert isinstance(figures[0], RatingSummary)
    counts = list(figures[0].distribution.values())
    assert bars(rating) == [
        (str(point), count, f"{count} · {percent}%")
        for point, count, percent in zip(range(1, 6), counts, shares(counts), strict=True)
    ]
    assert "Average 3.7 on a scale of 1–5, 3 answers" in page
    assert isinstance(figures[1], ChoiceSummary)
    assert bars(formats) == [
        ("Online", 2, "2 · 67%"),
        ("In person", 2, "2 · 67%"),
    ]
    assert (figures[1].counts, figures[1].percents) == ((2, 2), (67, 67))
    assert "shares of the 3 who answered" in page
    assert isinstance(figures[3], YesNoSummary)
    assert bars(recommend) == [("Yes", 2, "2 · 67%"), ("No", 1, "1 · 33%")]
    # The text question: its answers (escaped), numbered; nobody named next to them.
    assert "2 text answers" in page and "Skipped: 1" in page
    assert "<li>More practice</li>" in page
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in page
    assert "<script>alert" not in page
    assert officer_traces(page) == []
    for ext in ("xlsx", "csv"):
        assert f"/surveys/{survey.id}/export.{ext}" in page


async def test_rating_labels_show_what_the_ends_of_the_scale_mean(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock
):
    course_id = await course_with_officers(dashboard, clock, 1)
    questions = feedback_questions()
    scaled = replace(
        questions[0], low=Bilingual("Poor", "Плохо"), high=Bilingual("Great", "Отлично")
    )
    draft = SurveyDraft(Bilingual("Scale", "Шкала"), (scaled, *questions[1:]), course_id=course_id)
    survey = await dashboard.services.surveys.create(draft, created_by=ORGANISER_ID)
    await dashboard.services.surveys.activate(survey.id)
    await dashboard.services.surveys.invite(survey.id, {"kind": "course", "course_id": course_id})
    await answer_feedback(dashboard.services.surveys, survey.id, OFFICER_IDS[0], 5, [0])
    page = await organiser.text(f"/surveys/{survey.id}")
    labels = [label for label, _count, _value in bars(charts(page)[0])]
    assert labels == ["1 · Poor", "2", "3", "4", "5 · Great"]


async def test_text_answers_are_shown_twenty_a_page_in_the_services_order(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock
):
    answers = [(4, [0], f"Answer number {n}") for n in range(1, 26)]
    survey = await answered_survey(dashboard, clock, False, answers, invited=25)
    report = await dashboard.services.surveys.report(survey.id, "en")
    texts = report.summary.questions[2].texts  # type: ignore[union-attr]

    first = await organiser.text(f"/surveys/{survey.id}")
    listed = re.findall(r"<li>(Answer number \d+)</li>", first)
    assert listed == list(texts[:20])
    assert 'start="1"' in first and "Page 1 of 2" in first
    assert f"/surveys/{survey.id}?q=3&amp;page=2#q3" in first

    second = await organiser.text(f"/surveys/{survey.id}?q=3&page=2")
    assert re.findall(r"<li>(Answer number \d+)</li>", second) == list(texts[20:])
    assert 'start="21"' in second and "Page 2 of 2" in second
    assert f"/surveys/{survey.id}?q=3&amp;page=1#q3" in second
    # A page past the end shows the last one, like an old button in the chat.
    assert "Page 2 of 2" in await organiser.text(f"/surveys/{survey.id}?q=3&page=9")


async def test_an_unknown_survey_is_not_found(organiser: WebClient):
    for path in ("/surveys/999", "/surveys/999/export.xlsx", "/surveys/999/export.csv"):
        assert "Page not found" in await organiser.text(path, status=404)


# -- anonymity, as in the chat --------------------------------------------------------------


async def test_an_anonymous_survey_with_too_few_answers_shows_no_figures_and_no_files(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock
):
    survey = await answered_survey(dashboard, clock, True, ANSWERS[:2])
    clock.now = survey.closes_at
    await dashboard.services.surveys.close(survey.id)
    page = await organiser.text(f"/surveys/{survey.id}")
    assert "at least 3 people have answered. Answered so far: 2." in page
    assert "<svg" not in page and "More practice" not in page and "export.xlsx" not in page
    refused = await organiser.text(f"/surveys/{survey.id}/export.csv", status=409)
    assert "at least 3 people have answered (so far 2)" in refused
    assert await exports_audited(dashboard) == []


async def test_an_open_anonymous_survey_shows_its_charts_but_no_texts_or_files_until_it_closes(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock
):
    survey = await answered_survey(dashboard, clock, anonymous=True)
    page = await organiser.text(f"/surveys/{survey.id}")
    assert len(charts(page)) == 3
    assert "its text answers and files will be available once it closes" in page
    assert "More practice" not in page and "export.xlsx" not in page
    refused = await organiser.text(f"/surveys/{survey.id}/export.xlsx", status=409)
    assert "will be available once it closes" in refused
    assert await exports_audited(dashboard) == []


async def test_a_closed_anonymous_survey_and_its_files_name_nobody_and_show_no_times(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock, localizations: Localizations
):
    survey = await answered_survey(dashboard, clock, anonymous=True)
    clock.now = survey.closes_at + timedelta(minutes=1)
    await dashboard.services.surveys.close(survey.id)
    page = await organiser.text(f"/surveys/{survey.id}")
    assert "This survey is anonymous" in page
    assert "<li>More practice</li>" in page and len(charts(page)) == 3
    assert officer_traces(page) == []

    report = await dashboard.services.surveys.released_report(survey.id, "en")
    headers, rows = survey_rows(
        report.questions, report.rows, localizations.get("en"), anonymous=True
    )
    assert "Full name" not in headers
    for ext in ("csv", "xlsx"):
        response = await organiser.get(f"/surveys/{survey.id}/export.{ext}")
        assert response.status == 200
        assert f"survey-{survey.id}-responses.{ext}" in response.headers["Content-Disposition"]
        table = read_table(ext, await response.read())
        assert table[0] == headers
        assert sorted(map(cells, table[1:])) == sorted(map(cells, rows))
        # Only the day, never a time of day, and nothing naming an officer.
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(row[0])) for row in table[1:])
        assert officer_traces(str(table)) == []
    assert await exports_audited(dashboard) == [(ORGANISER_ID, "xlsx"), (ORGANISER_ID, "csv")]


async def test_a_named_surveys_files_are_the_chats_with_names_and_are_audited(
    dashboard: Dashboard, organiser: WebClient, clock: ManualClock, localizations: Localizations
):
    survey = await answered_survey(dashboard, clock, anonymous=False)
    report = await dashboard.services.surveys.released_report(survey.id, "en")
    headers, rows = survey_rows(
        report.questions, report.rows, localizations.get("en"), anonymous=False
    )
    response = await organiser.get(f"/surveys/{survey.id}/export.xlsx")
    assert response.status == 200
    table = read_table("xlsx", await response.read())
    assert table[0] == headers and headers[0] == "Full name"
    names = [f"Officer{user_id} Karimova" for user_id in OFFICER_IDS[:3]]
    assert sorted(row[0] for row in table[1:]) == sorted(row[0] for row in rows) == names
    assert await exports_audited(dashboard) == [(ORGANISER_ID, "xlsx")]


def cells(row: Sequence[object]) -> list[str]:
    """A row's cells as text, to compare a CSV's with the XLSX's and the service's."""
    return ["" if cell is None else str(cell) for cell in row]


def read_table(ext: str, data: bytes) -> list[list[object]]:
    """A file's rows as lists of cells."""
    if ext == "xlsx":
        sheet = load_workbook(io.BytesIO(data)).active
        assert sheet is not None
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    return [list(row) for row in reader]


async def test_an_organiser_reading_russian_sees_the_page_in_russian_with_its_plurals(
    dashboard: Dashboard, clock: ManualClock
):
    survey = await answered_survey(dashboard, clock, anonymous=False)
    token, _csrf = await sign_in_client(dashboard, ORGANISER_ID, "ru")
    async with TestClient(TestServer(mount(dashboard))) as http:
        http.session.cookie_jar.update_cookies({COOKIE_NAME: token})
        response = await http.get(f"/surveys/{survey.id}")
        page = await response.text()
    assert response.status == 200
    assert "Доля ответивших" in page and "Ответили / приглашено" in page
    assert "Средняя оценка 3,7 по шкале от 1 до 5, 3 ответа" in page
    assert "2 текстовых ответа · Пропустили: 1" in page
    assert bars(charts(page)[1])[0][0] == "Онлайн" and "Скачать ответы (XLSX)" in page
