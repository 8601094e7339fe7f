"""A course's participants downloaded from the dashboard: the chat's XLSX and CSV files."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from bot.web.context import Dashboard
from bot.web.pages.course_exports import CONTENT_TYPES
from storage.audit import AuditAction
from tests.conftest import ORGANISER_ID
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course
from tests.web.conftest import WebClient

OFFICERS = {701: ("Dilnoza", "en"), 702: ("Малика", "ru")}
NAMES = {"Dilnoza Karimova", "Малика Karimova"}


async def course_with_participants(dashboard: Dashboard) -> int:
    starts = datetime.now(UTC) + timedelta(days=30)
    course = await create_course(
        dashboard.repos.courses,
        course_values(starts, starts + timedelta(hours=8), starts - timedelta(days=1)),
    )
    await sign_up_officers(dashboard.db, course.id, OFFICERS, datetime.now(UTC))
    return course.id


async def exports_audited(dashboard: Dashboard) -> list[tuple[int, str, int]]:
    return [
        (entry.actor_id, entry.details["format"], entry.details["rows"])
        for entry in await dashboard.repos.audit.latest(50)
        if entry.action == AuditAction.EXPORT_PARTICIPANTS
    ]


async def download(organiser: WebClient, course_id: int, ext: str) -> bytes:
    """The file the browser saves: an attachment named as in the chat, of its own type."""
    answer = await organiser.get(f"/courses/{course_id}/export.{ext}")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == CONTENT_TYPES[ext]
    disposition = answer.headers["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="participants-course-{course_id}.{ext}"')
    return await answer.read()


async def test_the_xlsx_download_is_the_chats_file_with_every_participant(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course_id = await course_with_participants(dashboard)
    data = await download(organiser, course_id, "xlsx")
    rows = list(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Full name"  # the organiser's language, as in the chat
    assert {row[0] for row in rows[1:]} == NAMES
    assert await exports_audited(dashboard) == [(ORGANISER_ID, "xlsx", 2)]


async def test_the_csv_download_is_the_chats_file_with_every_participant(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course_id = await course_with_participants(dashboard)
    data = await download(organiser, course_id, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))  # Excel's BOM, as the chat's
    assert rows[0][0] == "Full name"
    assert {row[0] for row in rows[1:]} == NAMES
    assert await exports_audited(dashboard) == [(ORGANISER_ID, "csv", 2)]


@pytest.mark.parametrize("ext", ["xlsx", "csv"])
async def test_without_a_session_no_file_is_given(
    dashboard: Dashboard, anonymous: WebClient, ext: str
) -> None:
    course_id = await course_with_participants(dashboard)
    answer = await anonymous.get(f"/courses/{course_id}/export.{ext}")
    assert answer.status == 401
    assert "Karimova" not in await answer.text()
    assert await exports_audited(dashboard) == []


async def test_an_unknown_course_or_format_is_not_found(organiser: WebClient) -> None:
    await organiser.text("/courses/999/export.xlsx", status=404)
    await organiser.text("/courses/1/export.pdf", status=404)
