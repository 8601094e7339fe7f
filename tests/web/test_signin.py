"""Signing in over HTTP: the link's confirmation page, its single use, the rate limit."""

from __future__ import annotations

from datetime import timedelta

from bot.web.context import Dashboard
from storage.audit import AuditAction
from tests.conftest import ORGANISER_ID
from tests.web.conftest import WebClient


async def link_token(dashboard: Dashboard, user_id: int = ORGANISER_ID) -> str:
    await dashboard.repos.users.upsert_seen(user_id, "en")
    return dashboard.links.issue(user_id, dashboard.services.clock())


async def test_a_link_signs_in_once_and_the_sign_in_is_audited(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    token = await link_token(dashboard)
    page = await anonymous.text(f"/login?token={token}")
    assert 'id="sign-in"' in page
    answer = await anonymous.post("/login", {"token": token}, csrf=False)
    assert answer.status == 303 and answer.headers["Location"] == "/courses"
    cookie = answer.cookies["dashboard_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    await anonymous.text("/courses")  # the cookie works
    (entry,) = [
        e
        for e in await dashboard.repos.audit.latest(5)
        if e.action == AuditAction.DASHBOARD_SIGNED_IN
    ]
    assert entry.actor_id == ORGANISER_ID and entry.details == {"via": "link"}
    again = await anonymous.post("/login", {"token": token}, csrf=False)
    assert again.status == 403


async def test_a_link_for_someone_who_is_not_an_organiser_is_refused(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    token = await link_token(dashboard, user_id=4444)
    body = await anonymous.text(f"/login?token={token}", status=403)
    assert "organisers" in body


async def test_malformed_tokens_are_refused_never_an_error(anonymous: WebClient) -> None:
    for token in ("", "x", "a.b", "1.2.3.4", "9" * 40 + ".1.n.s", "1.99999999999999999999.n.s"):
        answer = await anonymous.get(f"/login?token={token}")
        assert answer.status == 403, token


async def test_sign_in_attempts_are_limited_per_address(
    dashboard: Dashboard, anonymous: WebClient
) -> None:
    for _ in range(20):
        answer = await anonymous.get("/login?token=wrong")
        assert answer.status == 403
    limited = await anonymous.get("/login?token=wrong")
    assert limited.status == 429
    assert "Too many attempts" in await limited.text()
    # Even a genuine link waits: the limit is on attempts, not on failures.
    token = await link_token(dashboard)
    assert (await anonymous.post("/login", {"token": token}, csrf=False)).status == 429


async def test_sign_out_ends_the_session_for_good(organiser: WebClient) -> None:
    await organiser.text("/courses")
    answer = await organiser.post("/logout")
    assert answer.status == 200
    await organiser.text("/courses", status=401)


async def test_a_session_lasts_twelve_hours(dashboard: Dashboard, organiser: WebClient) -> None:
    (row,) = await dashboard.db.fetch_all("SELECT created_at, expires_at FROM dashboard_sessions")
    from storage.sql import from_db

    assert from_db(row["expires_at"]) - from_db(row["created_at"]) == timedelta(hours=12)


async def test_behind_a_local_proxy_each_visitor_has_a_limit_of_their_own(
    anonymous: WebClient,
) -> None:
    """The test client comes from 127.0.0.1, as a reverse proxy on the same machine does."""
    for _ in range(20):
        await anonymous.get("/login?token=wrong", headers={"X-Forwarded-For": "203.0.113.7"})
    blocked = await anonymous.get("/login?token=wrong", headers={"X-Forwarded-For": "203.0.113.7"})
    assert blocked.status == 429
    # Another visitor through the same proxy (a spoofed first entry changes nothing: the
    # proxy's own, last entry counts).
    other = await anonymous.get(
        "/login?token=wrong", headers={"X-Forwarded-For": "203.0.113.7, 198.51.100.20"}
    )
    assert other.status == 403
    spoofed = await anonymous.get(
        "/login?token=wrong", headers={"X-Forwarded-For": "198.51.100.20, 203.0.113.7"}
    )
    assert spoofed.status == 429
