"""Webhook mode of the real process: updates posted by the Bot API server with the secret are
handled by the same handlers; a request without the secret gets 401 and nothing is processed;
SIGTERM finishes the update being handled, like polling."""

from __future__ import annotations

import socket
import sqlite3

import aiohttp
import pytest

from tests.conftest import ORGANISER_ID
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.dashboard.session import login_link
from tests.e2e.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e

SECRET = "s3cret-Token_for-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def webhook_bot(bot: BotProcess) -> tuple[BotProcess, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    await bot.start(WEBHOOK_URL=url, WEBHOOK_SECRET=SECRET, WEBHOOK_PORT=str(port))
    return bot, url


def forged_update(user_id: int) -> dict[str, object]:
    sender = {"id": user_id, "is_bot": False, "first_name": "Mallory", "language_code": "en"}
    return {
        "update_id": 990001,
        "message": {
            "message_id": 1,
            "date": 1767225600,
            "chat": {"id": user_id, "type": "private", "first_name": "Mallory"},
            "from": sender,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


async def test_updates_arrive_by_webhook_and_requests_without_the_secret_get_401(
    webhook_bot: tuple[BotProcess, str], emulator: BotAPIEmulator, make_user
):
    bot, url = webhook_bot
    call = emulator.calls[-1]
    assert call.method == "setWebhook" and call.params["url"] == url
    assert call.params["secret_token"] == SECRET

    user = make_user(6001, "Aliya", "ru")
    user.send("/start")
    await user.expect("выберите язык")
    user.press("English")
    await user.expect("What would you like to do?")

    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            async with session.post(url, json=forged_update(6666), headers=headers) as response:
                assert response.status == 401
    # The update before was fully handled; the forged ones were refused before any handling.
    user.send("/help")
    await user.expect("/courses")
    assert not [m for m in emulator.outbox if m.chat_id == 6666]
    assert await bot.stop() == 0
    with sqlite3.connect(bot.workdir / "data" / "bot.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM users WHERE id = 6666").fetchone() == (0,)
    assert set(emulator.webhook_statuses) == {200}


async def test_sigterm_in_webhook_mode_finishes_the_update_being_handled(
    webhook_bot: tuple[BotProcess, str], emulator: BotAPIEmulator, make_user
):
    bot, _ = webhook_bot
    await steps.sigterm_while_replying(bot, emulator, make_user(6002, "Ana", "en"))


async def test_one_port_serves_the_webhook_and_the_dashboard_under_its_path(
    bot: BotProcess, emulator: BotAPIEmulator, make_user
):
    port = free_port()
    hook = f"http://127.0.0.1:{port}/telegram/hook"
    dashboard = f"http://127.0.0.1:{port}/dashboard"
    await bot.start(
        WEBHOOK_URL=hook,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_PORT=str(port),
        DASHBOARD_URL=dashboard,
        DASHBOARD_PORT=str(port),
    )
    organiser = make_user(ORGANISER_ID, "Aigerim", "en")
    link = await login_link(organiser)
    assert link.startswith(dashboard + "/login?token=")
    async with aiohttp.ClientSession() as session:
        async with session.get(link) as page:
            assert page.status == 200
            assert "Sign in" in await page.text()
        async with session.get(dashboard + "/courses") as page:
            assert page.status == 401  # no session yet: the dashboard's own answer
        async with session.post(hook, json=forged_update(6666)) as response:
            assert response.status == 401  # the webhook still wants its secret
    assert await bot.stop() == 0
