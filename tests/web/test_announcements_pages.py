"""The announcements pages: the list's figures, one announcement's live view (server-sent
events) and Stop, which withdraws and audits exactly as the chat's Stop does."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
import time
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from aiohttp import ClientResponse

from bot.web.auth import COOKIE_NAME
from bot.web.context import Dashboard
from bot.web.pages import announcements as page_module
from bot.web.server import start_dashboard
from storage.announcements import Announcement
from storage.audit import AuditAction
from tests.conftest import ORGANISER_ID
from tests.factories import course_values, create_course
from tests.web.conftest import WebClient, sign_in_client

OFFICERS = range(5001, 5011)  # ten officers; with the organiser, eleven recipients


async def seed_officers(dashboard: Dashboard) -> None:
    users = dashboard.repos.users
    for user_id in OFFICERS:
        await users.upsert_seen(user_id, "en")
    await users.record_consent(ORGANISER_ID)
    await users.set_profile_field(ORGANISER_ID, "full_name", "Olena Kovalenko")


async def announce(dashboard: Dashboard, text: str = "Registration is open") -> Announcement:
    return await dashboard.services.announcements.create(
        ORGANISER_ID, text, "Открыта запись", {"kind": "all"}
    )


async def sending(dashboard: Dashboard) -> Announcement:
    """Eleven messages queued: 4 delivered, 1 blocked, 1 failed, 1 in flight, 4 waiting."""
    await seed_officers(dashboard)
    item = await announce(dashboard, "<b>Registration is open</b>\nSingle Window seminar")
    await dashboard.services.announcements.send_now(item.id, by=ORGANISER_ID)
    await set_states(dashboard, item.id, ["sent"] * 4 + ["blocked", "failed", "sending"])
    return item


async def set_states(dashboard: Dashboard, announcement_id: int, states: list[str]) -> None:
    """The first messages' outcomes, as the delivery worker would record them."""
    rows = await dashboard.db.fetch_all(
        "SELECT id FROM outbox WHERE announcement_id = ? ORDER BY id", (announcement_id,)
    )
    for row, state in zip(rows, states, strict=False):
        await dashboard.db.write("UPDATE outbox SET state = ? WHERE id = ?", (state, row[0]))


async def outbox_states(dashboard: Dashboard, announcement_id: int) -> dict[str, int]:
    rows = await dashboard.db.fetch_all(
        "SELECT state, COUNT(*) FROM outbox WHERE announcement_id = ? GROUP BY state",
        (announcement_id,),
    )
    return {row[0]: row[1] for row in rows}


def figure(body: str, name: str) -> str:
    found = re.search(rf'data-figure="{name}">([^<]*)<', body)
    assert found, name
    return found[1].strip()


async def test_the_list_shows_each_announcements_figures_as_the_outbox_holds_them(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await sending(dashboard)
    body = await organiser.text("/announcements")
    assert figure(body, "total") == "11"
    assert figure(body, "sent") == "4"
    assert figure(body, "failed-blocked") == "1 / 1"
    assert figure(body, "waiting") == "5"  # four waiting and one in flight
    assert '<span class="badge warn">sending</span>' in body
    assert "Olena Kovalenko" in body
    assert "everyone" in body
    assert ">Registration is open</a>" in body  # the first line, without Telegram's tags


async def test_an_empty_list_says_how_to_send_an_announcement(organiser: WebClient) -> None:
    body = await organiser.text("/announcements")
    assert 'id="no-announcements"' in body
    assert "/announce" in body


async def test_a_long_list_is_paged(
    dashboard: Dashboard, organiser: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_module, "PAGE_SIZE", 2)
    for number in range(3):
        item = await announce(dashboard, f"Announcement number {number}")
        await dashboard.services.announcements.send_now(item.id)
    first = await organiser.text("/announcements")
    assert "number 2" in first and "number 1" in first and "number 0" not in first
    assert "/announcements?page=2" in first
    second = await organiser.text("/announcements?page=2")
    assert "number 0" in second and "number 2" not in second
    assert "Newer" in second


async def test_an_announcements_page_shows_its_text_escaped_with_its_line_breaks(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await announce(dashboard, "<b>Open</b> &lt;script&gt;alert(1)&lt;/script&gt;\nLine 2")
    await dashboard.services.announcements.send_now(item.id)
    body = await organiser.text(f"/announcements/{item.id}")
    assert "Open &lt;script&gt;alert(1)&lt;/script&gt;\nLine 2" in body
    assert "<b>Open" not in body and "<script>alert" not in body
    assert "Открыта запись" in body  # both languages


async def test_an_unknown_or_draft_announcement_is_not_found(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    draft = await announce(dashboard)
    await organiser.text("/announcements/999", status=404)
    await organiser.text(f"/announcements/{draft.id}", status=404)
    await organiser.text("/announcements/999/events", status=404)
    assert (await organiser.post("/announcements/999/stop")).status == 404


async def next_event(response: ClientResponse) -> tuple[str, dict[str, object]]:
    """The next server-sent event (its name and data), skipping comments."""
    name, data = "message", ""
    while True:
        line = (await response.content.readline()).decode()
        assert line, "the stream ended"
        line = line.rstrip("\n")
        if line.startswith("event: "):
            name = line[len("event: ") :]
        elif line.startswith("data: "):
            data = line[len("data: ") :]
        elif not line and data:
            return name, json.loads(data)


async def test_the_live_view_sends_the_figures_as_they_change_and_ends_when_done(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await sending(dashboard)
    response = await organiser.get(f"/announcements/{item.id}/events")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    name, data = await next_event(response)
    assert name == "progress"
    assert (data["total"], data["sent"], data["waiting"], data["status"]) == (11, 4, 5, "sending")

    await set_states(dashboard, item.id, ["sent"] * 5)
    name, data = await next_event(response)
    assert (name, data["sent"], data["waiting"]) == ("progress", 5, 5)

    await dashboard.db.write(
        "UPDATE outbox SET state = 'sent' WHERE announcement_id = ? AND state IN"
        " ('pending', 'sending')",
        (item.id,),
    )
    name, data = await next_event(response)
    assert (name, data["sent"], data["waiting"], data["status"]) == ("end", 10, 0, "done")
    assert await response.content.read() == b""  # and the stream closes
    response.close()


async def test_the_live_view_ends_when_the_bot_shuts_down(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await sending(dashboard)
    response = await organiser.get(f"/announcements/{item.id}/events")
    await next_event(response)
    # What the bot's shutdown does first (on_shutdown), before it waits for open requests.
    app = organiser.http.app
    assert app is not None
    app[page_module.SHUTTING_DOWN].set()
    assert await response.content.read() == b""
    response.close()


async def test_stop_withdraws_what_is_not_sent_audits_it_and_the_page_says_so(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await sending(dashboard)
    before = await organiser.text(f"/announcements/{item.id}")
    assert 'id="stop"' in before and "data-confirm=" in before

    answer = await organiser.post(f"/announcements/{item.id}/stop")
    assert answer.status == 303
    assert answer.headers["Location"] == f"/announcements/{item.id}?stopped=1"
    # As the chat's Stop: what waits is withdrawn; delivered and in-flight messages stay.
    states = await outbox_states(dashboard, item.id)
    assert states == {"sent": 4, "blocked": 1, "failed": 1, "sending": 1, "cancelled": 4}
    entry = (await dashboard.repos.audit.latest(1))[0]
    assert (entry.actor_id, entry.action, entry.object_id) == (
        ORGANISER_ID,
        AuditAction.ANNOUNCEMENT_STOPPED,
        item.id,
    )
    assert entry.details == {"cancelled": 4}

    body = await organiser.text(answer.headers["Location"])
    assert '<span id="status" class="badge bad"' in body
    assert "The announcement has been stopped. Messages not yet sent were withdrawn" in body
    assert 'id="stop"' not in body
    assert figure(body, "cancelled") == "4"


async def test_a_stop_without_the_csrf_token_changes_nothing(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await sending(dashboard)
    audited = len(await dashboard.repos.audit.latest(50))
    answer = await organiser.post(f"/announcements/{item.id}/stop", csrf=False)
    assert answer.status == 403
    assert (await dashboard.services.announcements.get(item.id)).status == "sending"
    assert (await outbox_states(dashboard, item.id))["pending"] == 4
    assert len(await dashboard.repos.audit.latest(50)) == audited


async def test_a_scheduled_announcement_can_be_cancelled_before_it_goes_out(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await announce(dashboard)
    later = dashboard.services.clock() + timedelta(days=1)
    await dashboard.services.announcements.schedule(item.id, later, by=ORGANISER_ID)
    body = await organiser.text(f"/announcements/{item.id}")
    assert "Cancel the announcement" in body and "Scheduled for" in body

    answer = await organiser.post(f"/announcements/{item.id}/stop")
    assert answer.status == 303
    assert (await dashboard.services.announcements.get(item.id)).status == "stopped"
    entry = (await dashboard.repos.audit.latest(1))[0]
    assert entry.action == AuditAction.ANNOUNCEMENT_STOPPED
    assert await outbox_states(dashboard, item.id) == {}  # nothing was ever queued


async def test_stop_on_a_finished_announcement_changes_nothing(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await announce(dashboard)
    await dashboard.services.announcements.send_now(item.id)
    await dashboard.services.announcements.mark_done(item.id)
    audited = len(await dashboard.repos.audit.latest(50))
    answer = await organiser.post(f"/announcements/{item.id}/stop")
    assert answer.headers["Location"] == f"/announcements/{item.id}"
    assert (await dashboard.services.announcements.get(item.id)).status == "done"
    assert len(await dashboard.repos.audit.latest(50)) == audited


async def test_the_pages_speak_russian_to_a_russian_organiser(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    item = await sending(dashboard)
    await organiser.post("/language", {"locale": "ru", "next": "/announcements"})
    listing = await organiser.text("/announcements")
    assert "Доставлено" in listing and "отправляется" in listing
    body = await organiser.text(f"/announcements/{item.id}")
    assert "Объявление №" in body and "Остановить отправку" in body


async def test_the_bots_shutdown_ends_an_open_live_view_promptly(
    dashboard: Dashboard, unused_tcp_port: int
) -> None:
    """The real path: the dashboard's own server (bot/web/server.py) and the runner's
    cleanup, as on_shutdown in bot/app.py calls it, with a browser still watching."""
    item = await sending(dashboard)
    settings = dashboard.settings.model_copy(update={"dashboard_port": unused_tcp_port})
    served = dataclasses.replace(dashboard, settings=settings)
    token, _ = await sign_in_client(served)
    runner = await start_dashboard(served)
    try:
        async with aiohttp.ClientSession(cookies={COOKIE_NAME: token}) as browser:
            url = f"http://127.0.0.1:{unused_tcp_port}/announcements/{item.id}/events"
            async with browser.get(url) as response:
                assert (await next_event(response))[0] == "progress"
                started = time.monotonic()
                await asyncio.wait_for(runner.cleanup(), timeout=5)
                assert time.monotonic() - started < 3
                assert await response.content.read() == b""
    finally:
        await runner.cleanup()


async def test_a_live_view_ends_when_the_browser_goes_away(
    dashboard: Dashboard, organiser: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = await sending(dashboard)
    reads = 0
    real_progress = dashboard.services.announcements.progress

    async def counted(announcement_id: int) -> object:
        nonlocal reads
        reads += 1
        return await real_progress(announcement_id)

    monkeypatch.setattr(page_module, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(dashboard.services.announcements, "progress", counted)
    response = await organiser.get(f"/announcements/{item.id}/events")
    await next_event(response)
    response.close()  # the tab is closed
    await asyncio.sleep(0.5)
    settled = reads
    await asyncio.sleep(0.5)
    assert reads == settled  # the loop stopped reading the outbox


async def test_a_course_title_in_the_audience_is_escaped_though_the_audience_is_markup(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    """The audience is the chat's HTML taken as it is (Markup): a typed title must still
    arrive escaped."""
    start = datetime.now(UTC) + timedelta(days=30)
    values = course_values(start, start + timedelta(hours=8), start - timedelta(days=3))
    values["title_en"] = "<img src=x onerror=alert(1)> Risk"
    course = await create_course(dashboard.repos.courses, values, ORGANISER_ID)
    item = await dashboard.services.announcements.create(
        ORGANISER_ID, "Hello", "Привет", {"kind": "course", "course_id": course.id}
    )
    await dashboard.services.announcements.send_now(item.id, by=ORGANISER_ID)
    for path in ("/announcements", f"/announcements/{item.id}"):
        page = await organiser.text(path)
        assert "&lt;img src=x onerror=alert(1)&gt; Risk" in page
        assert "<img" not in page
