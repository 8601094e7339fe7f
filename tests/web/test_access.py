"""Who the dashboard answers: every page but sign-in needs an organiser's live session."""

from __future__ import annotations

from datetime import timedelta

from bot.web.context import Dashboard
from tests.web.conftest import WebClient, sign_in_client

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
