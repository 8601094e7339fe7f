"""What the browser tests share: a bot with its dashboard on, and an organiser who signs in
with the link /dashboard sends, exactly as a person would."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass

from playwright.async_api import Page

from tests.e2e.fakeuser import FakeUser
from tests.e2e.process import BotProcess

LINK = re.compile(r"https?://\S+/login\?token=[A-Za-z0-9._-]+")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class DashboardBot:
    process: BotProcess
    url: str  # DASHBOARD_URL


async def start_with_dashboard(bot: BotProcess, **settings: str) -> DashboardBot:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    await bot.start(DASHBOARD_URL=url, DASHBOARD_PORT=str(port), **settings)
    return DashboardBot(bot, url)


async def login_link(organiser: FakeUser) -> str:
    """The sign-in link the bot sends an organiser for /dashboard."""
    organiser.drain()
    organiser.send("/dashboard")
    message = await organiser.expect(lambda m: bool(LINK.search(m.plain_text)))
    found = LINK.search(message.plain_text)
    assert found is not None
    return found[0]


async def sign_in(page: Page, organiser: FakeUser) -> None:
    """Open a fresh link and press Sign in: the page lands on the course list."""
    await page.goto(await login_link(organiser))
    await page.click("#sign-in")
    await page.wait_for_url(re.compile(r"/courses$"))
