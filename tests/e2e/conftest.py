"""Level 3: the real `python -m bot` process against the Bot API emulator on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from playwright.async_api import Page, async_playwright

from tests.conftest import TEST_TOKEN
from tests.e2e.dashboard.browser import chromium_path
from tests.e2e.dashboard.session import DashboardBot, start_with_dashboard
from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser
from tests.e2e.process import BotProcess

__all__ = ["BotProcess"]  # tests import it from here


@pytest_asyncio.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator(TEST_TOKEN) as emu:
        yield emu


@pytest_asyncio.fixture
async def bot(emulator: BotAPIEmulator, tmp_path: Path) -> AsyncIterator[BotProcess]:
    """A configured bot process (not started: tests call start() with what they need)."""
    process = BotProcess(emulator, tmp_path, {})
    yield process
    if process.process is not None and process.process.returncode is None:
        process.process.kill()
        await process.process.wait()


@pytest_asyncio.fixture
async def running_bot(bot: BotProcess) -> BotProcess:
    await bot.start()
    return bot


@pytest.fixture
def make_user(emulator: BotAPIEmulator) -> Callable[..., FakeUser]:
    def make(
        user_id: int, first_name: str = "Nodira", language_code: str | None = "ru"
    ) -> FakeUser:
        return FakeUser(emulator, user_id, first_name=first_name, language_code=language_code)

    return make


@pytest_asyncio.fixture
async def page() -> AsyncIterator[Page]:
    """A fresh browser tab (Debian's Chromium through Playwright), English and UTC unless a
    test opens its own context."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path())
        context = await browser.new_context(locale="en-GB", timezone_id="UTC")
        tab = await context.new_page()
        tab.set_default_timeout(15_000)
        try:
            yield tab
        finally:
            await browser.close()


@pytest_asyncio.fixture
async def dashboard_bot(bot: BotProcess) -> DashboardBot:
    """The bot with its dashboard on, at http://127.0.0.1:<free port>."""
    return await start_with_dashboard(bot)
