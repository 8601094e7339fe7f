"""Who the dashboard answers: every page but sign-in needs an organiser's live session."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest.mock import MagicMock

import pytest
from aiohttp.test_utils import TestClient, TestServer
from yarl import URL

from bot.web.app import create_dashboard_app, mount
from bot.web.auth import COOKIE_NAME, token_hash
from bot.web.context import Dashboard
from storage.registrations import RegStatus
from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.dashboard.init_data import signed_init_data, tampered
from tests.e2e.seeding import sign_up_officers
from tests.factories import course_values, create_course
from tests.web.conftest import WebClient, sign_in_client

_START = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
DATES = (_START, _START + timedelta(hours=8), _START - timedelta(days=3))
PAGES = ("/courses", "/announcements", "/surveys", "/audit")


async def test_without_a_session_every_page_answers_401_and_says_how_to_sign_in(
    anonymous: WebClient,
) -> None:
    for path in PAGES:
        body = await anonymous.text(path, status=401)
        assert "/dashboard" in body


async def test_an_organiser_taken_off_admin_ids_is_out_at_once(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await organiser.text("/courses")
    object.__setattr__(
        dashboard, "settings", dashboard.settings.model_copy(update={"admin_ids": frozenset()})
    )
    body = await organiser.text("/courses", status=403)
    assert "organisers" in body


async def test_an_expired_session_is_refused(dashboard: Dashboard, organiser: WebClient) -> None:
    await dashboard.db.write(
        "UPDATE dashboard_sessions SET expires_at = ?",
        ((dashboard.services.clock() - timedelta(seconds=1)).isoformat(timespec="seconds"),),
    )
    await organiser.text("/courses", status=401)


async def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    answer = await organiser.post("/language", {"locale": "ru"}, csrf=False)
    assert answer.status == 403
    assert 'lang="en"' in await organiser.text("/courses")
    answer = await organiser.post("/language", {"locale": "ru", "next": "/courses"})
    assert answer.status == 303
    assert 'lang="ru"' in await organiser.text("/courses")


async def test_the_language_switch_never_redirects_off_the_dashboard(
    organiser: WebClient,
) -> None:
    for target in ("https://evil.example/", "//evil.example/x"):
        answer = await organiser.post("/language", {"locale": "en", "next": target})
        assert answer.headers["Location"] == "/courses"


async def test_a_second_organiser_has_a_session_of_their_own(dashboard: Dashboard) -> None:
    token, csrf = await sign_in_client(dashboard, user_id=900002)
    assert token and csrf
    assert await dashboard.repos.dashboard.session("nothing") is None


# -- review (issue 17): every route, malformed input, error pages ---------------------------

SAMPLE_VALUES = {"course_id": "1", "id": "1", "ext": "csv"}
OFFICER = 5101
HUGE_ID = "9" * 30  # no Telegram or SQLite id: more than SQLite's 64-bit integers hold


def protected_routes() -> list[tuple[str, str]]:
    """(method, path) of every route the dashboard has but the sign-in pages and static
    files, its placeholders filled in."""
    found = []
    for route in create_dashboard_app(MagicMock()).router.routes():
        if route.method == "HEAD" or getattr(route.handler, "dashboard_public", False):
            continue
        info = route.resource.get_info() if route.resource else {}
        if "directory" in info:  # the static files
            continue
        template = info.get("formatter") or info.get("path")
        assert template, route
        found.append((route.method, template.format(**SAMPLE_VALUES)))
    return found


def test_the_route_list_covers_every_section() -> None:
    paths = {path for _, path in protected_routes()}
    for expected in ("/courses", "/courses/1", "/announcements/1/events", "/audit", "/logout"):
        assert expected in paths


async def test_every_route_but_sign_in_answers_401_without_a_session(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    course = await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    assert course.id == 1  # the sample id names a real course: a 401, not a 404
    for method, path in protected_routes():
        answer = await anonymous.http.request(method, path, allow_redirects=False)
        body = await answer.text()
        assert answer.status == 401, (method, path, answer.status)
        assert "/dashboard" in body and "Participants" not in body, (method, path)
        # A forged cookie is no session either.
        answer = await anonymous.http.request(
            method, path, allow_redirects=False, cookies={COOKIE_NAME: "forged"}
        )
        assert answer.status == 401, (method, path, answer.status)


@pytest.mark.parametrize(
    "token",
    ["", ".", "...", "a.b.c.d", "1.2.3.é", "é.é", "1.99999999999999999999.x.y", "x" * 5000],
)
async def test_a_malformed_login_link_is_refused_with_a_page_never_an_error(
    anonymous: WebClient, token: str
) -> None:
    answer = await anonymous.get("/login", params={"token": token})
    assert answer.status == 403, await answer.text()
    assert "link" in (await answer.text()).lower()
    answer = await anonymous.http.post("/login", data={"token": token}, allow_redirects=False)
    assert answer.status == 403
    assert COOKIE_NAME not in answer.cookies


@pytest.mark.parametrize("init_data", ["", "hash=é&user=1", "user=%7B&hash=00&auth_date=x"])
async def test_malformed_mini_app_data_is_refused_in_json(
    anonymous: WebClient, init_data: str
) -> None:
    answer = await anonymous.http.post("/auth/webapp", data={"init_data": init_data})
    assert answer.status == 401
    assert await answer.json() == {"error": "invalid"}
    assert COOKIE_NAME not in answer.cookies


async def test_the_language_switch_never_redirects_to_another_host_in_any_spelling(
    organiser: WebClient,
) -> None:
    # Browsers read "\" as "/" and drop tabs and newlines: each of these leaves the site.
    for target in ("/\\evil.example", "/\t/evil.example", "/%5Cevil.example", "\\\\evil.example"):
        answer = await organiser.post("/language", {"locale": "en", "next": target})
        location = answer.headers["Location"]
        assert location == "/courses" or location == target.replace("\\", "%5C"), location
        assert "\\" not in location and "\t" not in location


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"/courses/{HUGE_ID}/edit"),
        ("POST", f"/courses/{HUGE_ID}/edit"),
        ("GET", f"/courses/{HUGE_ID}/export.csv"),
        ("GET", f"/announcements/{HUGE_ID}"),
        ("GET", f"/announcements/{HUGE_ID}/events"),
        ("POST", f"/announcements/{HUGE_ID}/stop"),
        ("GET", f"/surveys/{HUGE_ID}"),
        ("GET", f"/surveys/{HUGE_ID}/export.xlsx"),
    ],
)
async def test_an_id_too_long_for_sqlite_is_not_found(
    organiser: WebClient, method: str, path: str
) -> None:
    if method == "POST":
        answer = await organiser.post(path, {})
    else:
        answer = await organiser.get(path)
    assert answer.status == 404, (path, answer.status)
    assert "not found" in (await answer.text()).lower()


@pytest.mark.parametrize(
    "path",
    [
        f"/announcements?page={HUGE_ID}",
        f"/audit?actor={HUGE_ID}",
        f"/audit?course={HUGE_ID}",
        "/audit?to=9999-12-31",
        "/audit?from=0001-01-01",
        "/courses?q=" + "x" * 6000,
        "/courses/1?status=" + "x" * 6000,
        "/audit?page=" + "9" * 5000,  # past Python's 4,300-digit limit of int()
        "/announcements?page=" + "9" * 5000,
    ],
)
async def test_absurd_query_values_never_fail_a_page(
    dashboard: Dashboard, organiser: WebClient, path: str
) -> None:
    await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    await organiser.text(path)


async def test_a_wrong_method_answers_a_localized_page_with_the_security_headers(
    organiser: WebClient,
) -> None:
    answer = await organiser.http.request(
        "PUT", "/courses", allow_redirects=False, headers={"X-CSRF-Token": organiser.csrf}
    )
    assert answer.status == 405
    assert "Content-Security-Policy" in answer.headers
    assert answer.headers["Cache-Control"] == "no-store"
    body = await answer.text()
    assert "<html" in body and "Courses" in body  # the dashboard's page, not aiohttp's text


async def test_an_unknown_page_answers_a_localized_404_to_a_signed_in_organiser(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await dashboard.repos.users.set_language(ORGANISER_ID, "ru")
    await dashboard.repos.dashboard.set_locale(
        token_hash(
            organiser.http.session.cookie_jar.filter_cookies(organiser.http.make_url("/"))[
                COOKIE_NAME
            ].value
        ),
        "ru",
    )
    body = await organiser.text("/nothing-here", status=404)
    assert 'lang="ru"' in body


async def test_logout_ends_the_session_in_the_database_not_only_the_cookie(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    cookie = organiser.http.session.cookie_jar.filter_cookies(organiser.http.make_url("/"))
    token = cookie[COOKIE_NAME].value
    answer = await organiser.post("/logout")
    assert answer.status == 200
    assert await dashboard.repos.dashboard.session(token_hash(token)) is None
    # The old cookie, replayed, opens nothing.
    answer = await organiser.http.get(
        "/courses", cookies={COOKIE_NAME: token}, allow_redirects=False
    )
    assert answer.status == 401


async def test_an_online_link_that_is_not_http_never_becomes_a_link(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    course = await create_course(
        dashboard.repos.courses,
        course_values(*DATES, online_url="javascript:alert(document.cookie)"),
        ORGANISER_ID,
    )
    page = await organiser.text(f"/courses/{course.id}")
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.cookie)" in page  # still shown, as text


async def test_a_login_link_sets_a_strict_http_only_cookie_and_works_once(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    await dashboard.repos.users.upsert_seen(ORGANISER_ID, "en")  # /dashboard came from the bot
    token = dashboard.links.issue(ORGANISER_ID, dashboard.services.clock())
    answer = await anonymous.http.post("/login", data={"token": token}, allow_redirects=False)
    assert answer.status == 303 and answer.headers["Location"] == "/courses"
    cookie = answer.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/"
    assert int(cookie["max-age"]) == 12 * 3600
    assert not cookie["secure"]  # http://127.0.0.1 only; an https address sets Secure
    again = await anonymous.http.post("/login", data={"token": token}, allow_redirects=False)
    assert again.status == 403 and COOKIE_NAME not in again.cookies


@pytest.mark.parametrize(
    "path", ["/static/../courses", "/static/%2e%2e/bot/web/app.py", "/static/..%2f..%2fapp.py"]
)
async def test_static_files_never_reach_outside_their_folder(
    anonymous: WebClient, path: str
) -> None:
    answer = await anonymous.http.get(URL(path, encoded=True), allow_redirects=False)
    assert answer.status in (401, 404)
    assert "import" not in await answer.text()


async def test_an_https_dashboard_marks_its_cookie_secure(dashboard: Dashboard) -> None:
    settings = dashboard.settings.model_copy(
        update={"dashboard_url": "https://training.example.org/dashboard"}
    )
    served = dataclasses.replace(dashboard, settings=settings)
    await served.repos.users.upsert_seen(ORGANISER_ID, "en")
    token = served.links.issue(ORGANISER_ID, served.services.clock())
    async with TestClient(TestServer(mount(served))) as http:
        answer = await http.post("/dashboard/login", data={"token": token}, allow_redirects=False)
        assert answer.headers["Location"] == "/dashboard/courses"
        cookie = answer.cookies[COOKIE_NAME]
        assert cookie["secure"] and cookie["path"] == "/dashboard"


# "²" and "٣" pass str.isdigit(); int() refuses the first (a ValueError, a 500 page).
@pytest.mark.parametrize(
    "path", ["/courses/1?saved=²", "/announcements?page=²", "/surveys?page=²", "/audit?page=²"]
)
async def test_a_superscript_digit_in_the_address_never_fails_a_page(
    dashboard: Dashboard, organiser: WebClient, path: str
) -> None:
    await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    await organiser.text(path)


@pytest.mark.parametrize(("user", "day"), [("²", "0"), ("1", "²"), ("-", "0")])
async def test_a_forged_attendance_mark_is_refused_with_a_page(
    dashboard: Dashboard, organiser: WebClient, user: str, day: str
) -> None:
    await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    answer = await organiser.post("/courses/1/attendance", {"user": user, "day": day})
    assert answer.status == 400, await answer.text()


@pytest.mark.parametrize("field", ["hours", "certificate", "attendance_check_days", "quotas"])
async def test_a_superscript_digit_in_the_edit_form_is_explained_not_an_error(
    dashboard: Dashboard, organiser: WebClient, field: str
) -> None:
    await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    answer = await organiser.post("/courses/1/edit", {field: "²"})
    assert answer.status == 422, await answer.text()
    assert "²" in await answer.text()


WEB = Path(__file__).resolve().parents[2] / "bot" / "web"
INLINE = re.compile(
    r"""<script(?![^>]*\bsrc=)|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:|\|\s*safe\b""",
    re.IGNORECASE,
)


def test_no_template_has_inline_script_style_or_handler() -> None:
    """The CSP allows 'self' scripts and styles only: inline ones would be blocked (and the
    page broken), so none may exist; and no |safe in a template."""
    for path in sorted((WEB / "templates").glob("*")):
        found = INLINE.findall(path.read_text(encoding="utf-8"))
        assert not found, (path.name, found)


def test_no_script_writes_html_or_evaluates_text() -> None:
    risky = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(")
    for path in sorted((WEB / "static").glob("*.js")):
        assert not risky.findall(path.read_text(encoding="utf-8")), path.name


async def test_the_mini_app_answers_in_json_who_may_and_may_not_sign_in(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    now = datetime.now(UTC)
    await dashboard.repos.users.upsert_seen(ORGANISER_ID, "en")
    await dashboard.repos.users.upsert_seen(OFFICER, "en")
    refused = {
        signed_init_data(TEST_TOKEN, OFFICER, now): (403, "not-organiser"),
        signed_init_data(TEST_TOKEN, ORGANISER_ID, now - timedelta(hours=2)): (401, "invalid"),
        signed_init_data(TEST_TOKEN, ORGANISER_ID, now + timedelta(hours=1)): (401, "invalid"),
        tampered(signed_init_data(TEST_TOKEN, ORGANISER_ID, now)): (401, "invalid"),
    }
    for init_data, (status, error) in refused.items():
        answer = await anonymous.http.post("/auth/webapp", data={"init_data": init_data})
        assert (answer.status, await answer.json()) == (status, {"error": error})
        assert COOKIE_NAME not in answer.cookies
    genuine = signed_init_data(TEST_TOKEN, ORGANISER_ID, now - timedelta(minutes=50))
    answer = await anonymous.http.post("/auth/webapp", data={"init_data": genuine})
    assert (answer.status, await answer.json()) == (200, {"next": "/courses"})
    assert answer.cookies[COOKIE_NAME]["httponly"]


async def test_every_post_route_refuses_a_form_without_the_csrf_token(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    audited = len(await dashboard.repos.audit.latest(100))
    for method, path in protected_routes():
        if method != "POST":
            continue
        for headers in ({}, {"X-CSRF-Token": "wrong"}):
            answer = await organiser.http.post(
                path, data={"user": "1", "day": "0"}, headers=headers, allow_redirects=False
            )
            assert answer.status == 403, (path, answer.status)
            assert "The form has expired" in await answer.text()
    assert len(await dashboard.repos.audit.latest(100)) == audited
    await organiser.text("/courses")  # still signed in: /logout refused too


async def test_a_participant_of_another_course_cannot_be_marked_through_this_ones_address(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    mine = await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    theirs = await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    await sign_up_officers(
        dashboard.db, theirs.id, {OFFICER: ("Dilnoza", "en")}, datetime.now(UTC)
    )
    answer = await organiser.post(f"/courses/{mine.id}/attendance", {"user": OFFICER, "day": 0})
    assert answer.status == 400
    registration = await dashboard.repos.registrations.get(theirs.id, OFFICER)
    assert registration is not None and registration.status == RegStatus.CONFIRMED
    assert registration.attended_days == 0
    assert await dashboard.repos.audit.latest(5) == []


async def test_the_dashboard_address_as_typed_without_a_slash_leads_to_the_courses(
    dashboard: Dashboard,
) -> None:
    settings = dashboard.settings.model_copy(
        update={"dashboard_url": "https://training.example.org/dashboard"}
    )
    served = dataclasses.replace(dashboard, settings=settings)
    token, _ = await sign_in_client(served)
    async with TestClient(TestServer(mount(served))) as http:
        for path in ("/dashboard", "/dashboard/"):
            answer = await http.get(path, allow_redirects=False, cookies={COOKIE_NAME: token})
            assert answer.status == 303, (path, answer.status)
            assert answer.headers["Location"] == "/dashboard/courses"


async def test_a_link_of_an_organiser_forgotten_since_it_was_sent_is_refused_with_a_page(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    token = dashboard.links.issue(ORGANISER_ID, dashboard.services.clock())  # no users row
    for answer in (
        await anonymous.get("/login", params={"token": token}),
        await anonymous.http.post("/login", data={"token": token}, allow_redirects=False),
    ):
        assert answer.status == 403
        assert "organisers" in await answer.text()
        assert COOKIE_NAME not in answer.cookies


async def test_pages_and_files_with_personal_data_are_never_cached_nor_referred(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    for path in ("/courses/1", "/courses/1/export.csv", "/courses/1/export.xlsx", "/audit"):
        answer = await organiser.get(path)
        assert answer.status == 200, path
        assert answer.headers["Cache-Control"] == "no-store", path
        assert answer.headers["Referrer-Policy"] == "no-referrer", path
        assert answer.headers["X-Content-Type-Options"] == "nosniff", path
        if "export" in path:
            assert answer.headers["Content-Disposition"].startswith("attachment;"), path
    login = await organiser.get("/login", params={"token": "x"})  # the link's own page
    assert login.headers["Cache-Control"] == "no-store"
    assert login.headers["Referrer-Policy"] == "no-referrer"


async def test_an_export_answers_no_head_request_and_audits_nothing(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    """HEAD would build the file (and audit an export) to send no byte of it."""
    course = await create_course(dashboard.repos.courses, course_values(*DATES), ORGANISER_ID)
    for path in (f"/courses/{course.id}/export.csv", "/surveys/1/export.csv"):
        answer = await organiser.http.head(path, allow_redirects=False)
        assert answer.status == 405, path
    assert not [e for e in await dashboard.repos.audit.latest(10) if "export" in e.action]
