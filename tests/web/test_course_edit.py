"""The course card's edit form: the chat's fields, parsers, explanations, notices and audit."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.services.courses import editable_fields
from bot.web.app import mount
from bot.web.auth import COOKIE_NAME
from bot.web.context import Dashboard
from bot.web.pages.course_edit import form_value
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course
from tests.web.conftest import WebClient, sign_in_client

OFFICERS = {701: ("Dilnoza", "en"), 702: ("Malika", "ru")}


def baku(text: str) -> datetime:
    """A wall-clock time in Baku (UTC+4, no summer time) as UTC."""
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=UTC) - timedelta(hours=4)


async def course_with_participants(dashboard: Dashboard, **values: Any) -> Course:
    """A published course in Baku a year ahead, with two officers signed up."""
    year = datetime.now(UTC).year + 1
    starts, ends = baku(f"10.05.{year} 09:00"), baku(f"12.05.{year} 17:00")
    course = await create_course(
        dashboard.repos.courses, course_values(starts, ends, starts - timedelta(days=7), **values)
    )
    await sign_up_officers(dashboard.db, course.id, OFFICERS, datetime.now(UTC))
    return course


def form_of(course: Course, **changes: str) -> dict[str, str]:
    """The form as the page fills it in, with `changes` typed over it."""
    return {name: form_value(course, name) for name in editable_fields(course)} | changes


async def stored(dashboard: Dashboard, course_id: int) -> Course:
    return await dashboard.services.course_service.get(course_id)


async def edits_audited(dashboard: Dashboard) -> list[str]:
    entries = await dashboard.repos.audit.latest(100)
    return [e.details["field"] for e in entries if e.action == AuditAction.COURSE_EDITED]


async def change_notices(dashboard: Dashboard) -> list[dict[str, Any]]:
    rows = await dashboard.db.fetch_all(
        "SELECT user_id, payload FROM outbox WHERE kind = 'course_changed' ORDER BY user_id"
    )
    return [{"user_id": row[0], **json.loads(row[1])} for row in rows]


def chat_explanation(dashboard: Dashboard, key: str, locale: str = "en", **values: Any) -> str:
    """What the chat says of a refused value, as the page shows it (a sentence, escaped)."""
    text = dashboard.localizations.get(locale).plain(key, **values)
    return html.escape(text[:1].upper() + text[1:], quote=False)


async def test_the_form_shows_every_field_with_dates_in_the_courses_zone(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard, capacity=10)
    page = await organiser.text(f"/courses/{course.id}/edit")
    year = course.starts_at.year
    assert f'value="10.05.{year} 09:00"' in page
    assert f'value="12.05.{year} 17:00"' in page
    assert "Start (local time, Asia/Baku)" in page
    assert "local time (Asia/Baku)" in page
    assert 'name="capacity" value="10"' in page
    assert f'action="/courses/{course.id}/edit"' in page
    assert f'name="csrf" value="{organiser.csrf}"' in page


async def test_a_valid_edit_is_stored_audited_and_participants_get_the_chats_change_notice(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard, capacity=10)
    year = course.starts_at.year
    answer = await organiser.post(
        f"/courses/{course.id}/edit",
        form_of(course, capacity="12", starts_at=f"11.05.{year} 10:00", place="Tashkent"),
    )
    assert answer.status == 303
    # The course page then says what the chat says: saved, and how many people are told.
    assert answer.headers["Location"] == f"/courses/{course.id}?saved={len(OFFICERS)}"
    page = await organiser.text(answer.headers["Location"])
    assert f"Saved. {len(OFFICERS)} participants are being told about the change." in page
    saved = await stored(dashboard, course.id)
    assert saved.capacity == 12
    assert saved.venue == "Tashkent"
    # As in the chat, a new start moves the whole course.
    assert saved.starts_at == baku(f"11.05.{year} 10:00")
    assert saved.ends_at == baku(f"13.05.{year} 18:00")
    assert sorted(await edits_audited(dashboard)) == ["capacity", "place", "starts_at"]
    notices = await change_notices(dashboard)
    assert {n["user_id"] for n in notices} == set(OFFICERS)
    # The chat's notice, one per field that moved the course (as two edits in the chat).
    heading = dashboard.localizations.get("en")("course-changed-notice", title=course.title_en)
    assert all(n["text"]["en"].startswith(heading) for n in notices)
    assert len(notices) == 2 * len(OFFICERS)
    assert any("Tashkent" in n["text"]["en"] for n in notices)


async def test_fields_left_as_they_were_are_not_edited(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard)
    answer = await organiser.post(f"/courses/{course.id}/edit", form_of(course))
    assert answer.status == 303
    assert await edits_audited(dashboard) == []
    assert await stored(dashboard, course.id) == course
    assert await change_notices(dashboard) == []


WRONG_INPUT = [
    ("starts_at", "next Monday", "course-error-datetime-format", {"value": "next Monday"}),
    ("starts_at", "31.02.2030 09:00", "course-error-no-such-date", {"value": "31.02.2030 09:00"}),
    ("starts_at", "01.01.2020 09:00", "course-error-start-past", {}),
    ("ends_at", "01.05.{year} 09:00", "course-error-end-before-start", {}),
    ("deadline_at", "11.05.{year} 09:00", "course-error-deadline-after-start", {}),
    ("capacity", "many", "course-error-capacity", {"value": "many"}),
    ("timezone", "Mars/Olympus", "course-error-timezone", {"value": "Mars/Olympus"}),
    ("place", "https://meet example", "course-error-url", {"value": "https://meet"}),
    ("title_en", "", "course-error-empty", {}),
    ("reminder_offsets", "soon", "course-error-reminders", {"value": "soon"}),
    ("followup", "3", "course-error-followup-range", {"value": "3", "min": 7, "max": 730}),
]


@pytest.mark.parametrize(("field", "typed", "key", "values"), WRONG_INPUT)
async def test_each_kind_of_wrong_input_shows_the_chats_explanation_and_changes_nothing(
    dashboard: Dashboard,
    organiser: WebClient,
    field: str,
    typed: str,
    key: str,
    values: dict[str, Any],
) -> None:
    course = await course_with_participants(dashboard)
    typed = typed.format(year=course.starts_at.year)
    # A valid change goes with it: all or nothing.
    form = form_of(course, capacity="15") | {field: typed}
    answer = await organiser.post(f"/courses/{course.id}/edit", form)
    page = await answer.text()
    assert answer.status == 422
    assert chat_explanation(dashboard, key, **values) in page
    assert f'id="error-{field}"' in page
    assert "Nothing has been saved yet" in page
    assert html.escape(typed) in page  # what they typed is kept, to correct
    assert await stored(dashboard, course.id) == course
    assert await edits_audited(dashboard) == []
    assert await change_notices(dashboard) == []


async def test_seats_below_those_already_taken_are_refused_as_in_the_chat(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard)
    answer = await organiser.post(f"/courses/{course.id}/edit", form_of(course, capacity="1"))
    assert answer.status == 422
    page = await answer.text()
    assert chat_explanation(dashboard, "course-error-capacity-below", confirmed=2) in page
    assert (await stored(dashboard, course.id)).capacity == course.capacity


async def test_the_explanations_are_in_the_organisers_language(dashboard: Dashboard) -> None:
    course = await course_with_participants(dashboard)
    token, csrf = await sign_in_client(dashboard, language="ru")
    async with TestClient(TestServer(mount(dashboard))) as http:
        http.session.cookie_jar.update_cookies({COOKIE_NAME: token})
        client = WebClient(http, csrf)
        answer = await client.post(f"/courses/{course.id}/edit", form_of(course, capacity="x"))
        page = await answer.text()
    assert chat_explanation(dashboard, "course-error-capacity", "ru", value="x") in page
    assert "Пока ничего не сохранено" in page


async def test_without_the_csrf_token_the_form_is_refused_and_nothing_changes(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard)
    answer = await organiser.post(
        f"/courses/{course.id}/edit", form_of(course, capacity="30"), csrf=False
    )
    assert answer.status == 403
    assert await stored(dashboard, course.id) == course


async def test_an_unknown_or_forged_course_is_not_found(organiser: WebClient) -> None:
    await organiser.text("/courses/999/edit", status=404)
    await organiser.text("/courses/abc/edit", status=404)
    answer = await organiser.post("/courses/999/edit", {"capacity": "5"})
    assert answer.status == 404


async def test_a_cancelled_course_cannot_be_edited(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard)
    await dashboard.services.course_service.cancel(course.id)
    cancelled = await stored(dashboard, course.id)
    page = await organiser.text(f"/courses/{course.id}/edit")
    assert chat_explanation(dashboard, "course-error-closed-for-edits") in page
    assert 'name="capacity"' not in page
    answer = await organiser.post(f"/courses/{course.id}/edit", form_of(course, capacity="30"))
    assert answer.status == 422
    assert chat_explanation(dashboard, "course-error-closed-for-edits") in await answer.text()
    assert await stored(dashboard, course.id) == cancelled


async def test_a_finished_course_offers_only_its_certificate_fields(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await course_with_participants(dashboard)
    await dashboard.repos.courses.set_status(course.id, CourseStatus.FINISHED)
    page = await organiser.text(f"/courses/{course.id}/edit")
    assert 'name="hours"' in page
    assert 'name="starts_at"' not in page
    answer = await organiser.post(f"/courses/{course.id}/edit", {"hours": "16"})
    assert answer.status == 303
    assert (await stored(dashboard, course.id)).hours == 16
    assert await edits_audited(dashboard) == ["hours"]
