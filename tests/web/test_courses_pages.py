"""The course list and a course's page (issue 17): the figures the services hold, filters and
sort, and attendance marked through the chat's own service method (stored and audited), with
forged marks refused and nothing changed."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from fluent.syntax import FluentParser, ast

from bot.ui.roster import listed
from bot.web.app import mount
from bot.web.auth import COOKIE_NAME
from bot.web.context import Dashboard
from storage.audit import AuditAction
from storage.courses import Course, CourseStatus, SignupMode
from storage.erasure import forget_user
from storage.registrations import RegStatus
from tests.conftest import ORGANISER_ID
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course
from tests.web.conftest import WebClient, sign_in_client

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ("courses.html", "course.html")
NOW = datetime.now(UTC).replace(microsecond=0)
OFFICERS = {5101: ("Dilnoza", "en"), 5102: ("Malika", "ru"), 5103: ("Nodira", "en")}


async def add_course(
    dashboard: Dashboard,
    title: str,
    starts_in: timedelta,
    status: CourseStatus = CourseStatus.PUBLISHED,
    days: int = 1,
    **fields: object,
) -> Course:
    starts = NOW + starts_in
    values = course_values(
        starts, starts + timedelta(days=days - 1, hours=8), starts - timedelta(days=3), **fields
    )
    values["title_en"] = title
    return await create_course(dashboard.repos.courses, values, ORGANISER_ID, status)


def row_of(page: str, course_id: int) -> str:
    found = re.search(rf'<tr data-course="{course_id}">(.*?)</tr>', page, re.S)
    assert found, f"course {course_id} is not in the table"
    return found[1]


def cell(row: str, name: str) -> str:
    found = re.search(rf'<td class="num {name}">(.*?)</td>', row, re.S)
    assert found
    return " ".join(re.sub(r"<br>", " ", re.sub(r"<(?!br>)[^>]+>", "", found[1])).split())


def titles_in_order(page: str) -> list[str]:
    return re.findall(r'<td class="course-title"><a [^>]+>([^<]+)</a>', page)


async def marks_of(dashboard: Dashboard, course_id: int, user_id: int) -> int:
    registration = await dashboard.repos.registrations.get(course_id, user_id)
    assert registration is not None
    return registration.attended_days


# -- the list ----------------------------------------------------------------------------------


async def test_the_list_shows_the_seats_waiting_list_and_requests_the_services_hold(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    full = await add_course(dashboard, "Risk management", timedelta(days=20), capacity=2)
    await sign_up_officers(dashboard.db, full.id, OFFICERS, NOW)
    approval = await add_course(
        dashboard, "Post-clearance audit", timedelta(days=30), signup_mode=SignupMode.APPROVAL
    )
    for user_id in (5201, 5202):
        await dashboard.repos.users.upsert_seen(user_id, "en")
        await dashboard.repos.registrations.place(
            approval.id, user_id, RegStatus.PENDING, NOW, "uz"
        )
    unlimited = await add_course(
        dashboard, "Valuation", timedelta(days=40), CourseStatus.DRAFT, capacity=None
    )

    page = await organiser.text("/courses")

    _, counts = await dashboard.services.course_service.counts(full.id)
    assert (counts.confirmed, counts.waitlisted) == (2, 1)
    row = row_of(page, full.id)
    assert cell(row, "seats") == "2/2"
    assert cell(row, "waiting") == "1"
    assert "published" in row
    assert cell(row_of(page, approval.id), "requests") == "2 requests"
    assert cell(row_of(page, unlimited.id), "seats") == "0 no limit"
    assert "draft" in row_of(page, unlimited.id)
    # Dates in the course's own zone (Baku), and the page says so.
    assert "Baku time" in row
    assert "each course's local time" in html.unescape(page)


async def test_filters_narrow_the_list_and_headers_sort_it(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    soon = await add_course(dashboard, "Customs valuation", timedelta(days=5))
    later = await add_course(dashboard, "Anti-smuggling", timedelta(days=50), capacity=3)
    past = await add_course(dashboard, "Border cooperation", -timedelta(days=30))
    draft = await add_course(dashboard, "Rules of origin", timedelta(days=9), CourseStatus.DRAFT)
    await sign_up_officers(dashboard.db, later.id, OFFICERS, NOW)

    by_start = await organiser.text("/courses")
    assert titles_in_order(by_start) == [
        "Border cooperation",
        "Customs valuation",
        "Rules of origin",
        "Anti-smuggling",
    ]
    assert titles_in_order(await organiser.text("/courses?sort=title")) == sorted(
        titles_in_order(by_start)
    )
    assert titles_in_order(await organiser.text("/courses?sort=seats&order=desc"))[0] == (
        "Anti-smuggling"
    )
    # The header of the column sorted by reverses it.
    assert "sort=title&amp;order=desc" in await organiser.text("/courses?sort=title")

    drafts = await organiser.text("/courses?status=draft")
    assert titles_in_order(drafts) == ["Rules of origin"]
    assert "Courses shown: 1 of 4." in drafts
    assert titles_in_order(await organiser.text("/courses?when=past")) == ["Border cooperation"]
    assert titles_in_order(await organiser.text("/courses?q=VALUATION")) == ["Customs valuation"]
    nothing = await organiser.text("/courses?q=nothing+like+this")
    assert "No course matches these filters." in nothing
    assert 'href="/courses">Show all courses' in nothing
    # Unknown values are ignored, not an error.
    assert len(titles_in_order(await organiser.text("/courses?status=x&sort=y&when=z"))) == 4
    assert {soon.id, past.id, draft.id}


async def test_without_courses_the_list_says_to_create_one_in_the_bot(
    organiser: WebClient,
) -> None:
    page = await organiser.text("/courses")
    assert "To create one, send /newcourse to the bot" in page


async def test_a_russian_organiser_reads_titles_statuses_and_countries_in_russian(
    dashboard: Dashboard,
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20), capacity=2)
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)
    token, csrf = await sign_in_client(dashboard, language="ru")
    async with TestClient(TestServer(mount(dashboard))) as http:
        http.session.cookie_jar.update_cookies({COOKIE_NAME: token})
        client = WebClient(http, csrf)
        listing = await client.text("/courses")
        page = await client.text(f"/courses/{course.id}")
    assert "Управление рисками в таможне" in listing
    assert "опубликован" in listing
    assert "Лист ожидания" in listing
    assert "Узбекистан" in page
    assert "В листе ожидания" in page


# -- a course ----------------------------------------------------------------------------------


async def test_the_course_page_lists_participants_with_status_and_filters(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20), capacity=2)
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)

    page = await organiser.text(f"/courses/{course.id}")
    assert "Dilnoza Karimova" in page and "Nodira Karimova" in page
    assert "State Customs Committee" in page and "Uzbekistan" in page
    assert "On the waiting list, No. 1" in page
    for target in ("edit", "export.xlsx", "export.csv"):
        assert f'href="/courses/{course.id}/{target}"' in page
    # Only signed-up people have a cell to mark (one day: one cell each).
    assert page.count(f'action="/courses/{course.id}/attendance"') == 2

    waiting = await organiser.text(f"/courses/{course.id}?status=waitlisted")
    assert "Nodira Karimova" in waiting and "Dilnoza Karimova" not in waiting
    nobody = await organiser.text(f"/courses/{course.id}?country=ge")
    assert "Nobody matches these filters." in nobody


async def test_a_forgotten_officer_is_gone_from_the_page_as_from_the_chats_roster(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20), capacity=2)
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)
    await dashboard.services.course_service.toggle_attendance(course.id, 5101, ORGANISER_ID)
    await forget_user(dashboard.db, 5101)

    page = await organiser.text(f"/courses/{course.id}")
    roster = await dashboard.services.course_service.roster(course.id)
    assert [p.full_name for p in listed(roster)] == ["Malika Karimova", "Nodira Karimova"]
    assert "Dilnoza" not in page and "5101" not in page
    assert "Malika Karimova" in page and "Nodira Karimova" in page


async def test_a_marked_cell_is_stored_audited_and_the_page_keeps_its_filters(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20), days=3)
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)

    answer = await organiser.post(
        f"/courses/{course.id}/attendance",
        {"user": "5102", "day": "1", "back": "status=confirmed&country=uz&evil=https://x"},
    )
    assert answer.status == 303
    assert answer.headers["Location"] == (
        f"/courses/{course.id}?status=confirmed&country=uz#p5102"
    )
    assert await marks_of(dashboard, course.id, 5102) == 0b010
    (entry,) = await dashboard.repos.audit.latest(1)
    assert entry.action == AuditAction.ATTENDANCE_MARKED
    assert (entry.actor_id, entry.object_id) == (ORGANISER_ID, course.id)
    assert entry.details == {"participant": 5102, "attended": True, "day": 2}

    page = await organiser.text(f"/courses/{course.id}")
    row = re.search(r'<tr id="p5102".*?</tr>', page, re.S)
    assert row is not None
    assert row[0].count('aria-pressed="true"') == 1
    assert "1/3" in row[0]

    # Pressed again: unmarked, and audited again.
    await organiser.post(f"/courses/{course.id}/attendance", {"user": "5102", "day": "1"})
    assert await marks_of(dashboard, course.id, 5102) == 0
    assert (await dashboard.repos.audit.latest(1))[0].details["attended"] is False


async def test_the_pages_script_gets_the_new_mark_as_json(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20))
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)
    answer = await organiser.http.post(
        f"/courses/{course.id}/attendance",
        data={"user": "5101", "day": "0"},
        headers={"X-CSRF-Token": organiser.csrf, "Accept": "application/json"},
    )
    assert answer.status == 200
    assert await answer.json() == {"present": True}
    refused = await organiser.http.post(
        f"/courses/{course.id}/attendance",
        data={"user": "777", "day": "0"},
        headers={"X-CSRF-Token": organiser.csrf, "Accept": "application/json"},
    )
    assert refused.status == 400
    assert "Nothing has been changed" in (await refused.json())["error"]


@pytest.mark.parametrize(
    ("user", "day"),
    [
        ("777", "0"),  # never signed up
        ("5103", "0"),  # on the waiting list: the chat marks only signed-up people
        ("5101", "1"),  # a one-day course has no second day
        ("5101", "x"),
        ("abc", "0"),
        ("9" * 30, "0"),
    ],
)
async def test_a_forged_mark_is_refused_with_a_clear_page_and_changes_nothing(
    dashboard: Dashboard, organiser: WebClient, user: str, day: str
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20), capacity=2)
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)

    answer = await organiser.post(f"/courses/{course.id}/attendance", {"user": user, "day": day})

    assert answer.status == 400
    body = html.unescape(await answer.text())
    assert "The mark has not been changed" in body and "Nothing has been changed" in body
    for officer in OFFICERS:
        assert await marks_of(dashboard, course.id, officer) == 0
    assert await dashboard.repos.audit.latest(5) == []


async def test_a_mark_on_a_course_that_does_not_exist_is_404_and_changes_nothing(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20))
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)
    answer = await organiser.post(
        f"/courses/{course.id + 1}/attendance", {"user": "5101", "day": "0"}
    )
    assert answer.status == 404
    assert await marks_of(dashboard, course.id, 5101) == 0
    assert await dashboard.repos.audit.latest(5) == []


async def test_a_draft_has_no_attendance_and_says_how_to_open_registration(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    draft = await add_course(dashboard, "Rules of origin", timedelta(days=9), CourseStatus.DRAFT)
    page = html.unescape(await organiser.text(f"/courses/{draft.id}"))
    assert "Nobody can sign up for a draft" in page and "“Publish”" in page
    assert "export.xlsx" not in page  # the chat exports only courses past the draft
    assert f'href="/courses/{draft.id}/edit"' in page
    answer = await organiser.post(f"/courses/{draft.id}/attendance", {"user": "1", "day": "0"})
    assert answer.status == 400
    assert "published and finished" in await answer.text()


async def test_a_cancelled_course_shows_its_people_without_marks_or_edit(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await add_course(dashboard, "Risk management", timedelta(days=20))
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)
    await dashboard.services.course_service.cancel(course.id)
    page = await organiser.text(f"/courses/{course.id}")
    assert "Dilnoza Karimova" in page
    assert "attendance cannot be marked" in page
    assert 'class="mark"' not in page and "/edit" not in page
    answer = await organiser.post(f"/courses/{course.id}/attendance", {"user": "5101", "day": "0"})
    assert answer.status == 400
    assert await marks_of(dashboard, course.id, 5101) == 0


@pytest.mark.parametrize(
    "path", ["/courses/9999", "/courses/abc", "/courses/1x", "/courses/" + "9" * 30]
)
async def test_a_course_that_does_not_exist_is_a_404_page(organiser: WebClient, path: str) -> None:
    assert "Page not found" in await organiser.text(path, status=404)


# -- texts -------------------------------------------------------------------------------------


def test_every_text_the_pages_use_exists_in_both_locales() -> None:
    used = set()
    for name in TEMPLATES:
        text = (ROOT / "bot" / "web" / "templates" / name).read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z][a-z0-9-]*[a-z0-9])["']""", text))
    # Keys the templates build from a status or a mode.
    used |= {f"dash-courses-when-{period}" for period in ("all", "upcoming", "past")}
    used |= {f"dash-courses-attendance-closed-{s}" for s in ("draft", "cancelled")}
    used |= {f"dash-courses-nobody-{s}" for s in ("draft", "yet")}
    used |= {f"{key}-awaiting" for key in ("dash-courses-requests", "dash-courses-nominations")}
    for locale in ("en", "ru"):
        defined = set()
        for path in (ROOT / "locales" / locale).glob("*.ftl"):
            body = FluentParser().parse(path.read_text(encoding="utf-8")).body
            defined |= {entry.id.name for entry in body if isinstance(entry, ast.Message)}
        assert sorted(used - defined) == [], locale


async def test_a_second_organisers_mark_from_an_older_page_keeps_the_person_present(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    """Two organisers look at the same page; both mark Dilnoza present on day 1. A flip would
    leave her absent; the page sends what it wants, so she stays present, audited once."""
    course = await add_course(dashboard, "Risk management", timedelta(days=20), days=3)
    await sign_up_officers(dashboard.db, course.id, OFFICERS, NOW)
    person = 5102
    page = await organiser.text(f"/courses/{course.id}")
    assert 'name="present" value="1"' in page  # an unmarked cell asks for "present"
    for _ in range(2):
        answer = await organiser.post(
            f"/courses/{course.id}/attendance", {"user": str(person), "day": "0", "present": "1"}
        )
        assert answer.status == 303
    assert await marks_of(dashboard, course.id, person) == 0b001
    marks = [
        e
        for e in await dashboard.repos.audit.latest(20)
        if e.action == AuditAction.ATTENDANCE_MARKED
    ]
    assert len(marks) == 1
    await organiser.post(
        f"/courses/{course.id}/attendance", {"user": str(person), "day": "0", "present": "0"}
    )
    assert await marks_of(dashboard, course.id, person) == 0


async def test_a_course_taking_place_now_says_running_not_published(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    running = await add_course(dashboard, "Transit procedures", -timedelta(hours=2), days=2)
    await add_course(dashboard, "Risk management", timedelta(days=20))
    listing = await organiser.text("/courses")
    # (The badge's first letter is capitalised by the stylesheet.)
    assert ">running now<" in row_of(listing, running.id)
    assert ">published<" in listing and ">published<" not in row_of(listing, running.id)
    page = await organiser.text(f"/courses/{running.id}")
    assert ">running now<" in page
