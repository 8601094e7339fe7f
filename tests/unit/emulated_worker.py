"""A delivery worker sending to the Bot API emulator, as the bot builds it, for unit tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bot.app import create_bot
from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Localizations
from bot.services.delivery import DeliveryRows, DeliveryWorker, Enclosures
from bot.ui.notice_buttons import NoticeButtons
from tests.e2e.emulator import BotAPIEmulator


@asynccontextmanager
async def emulated_worker(
    emulator: BotAPIEmulator,
    settings: Settings,
    localizations: Localizations,
    rows: DeliveryRows,
    calendar: Callable[[Bot], Any],
    clock: Clock,
    rate: float = 1000,
    paid_broadcast: bool = False,
) -> AsyncIterator[DeliveryWorker]:
    """`calendar(bot)` makes the worker's calendar files; 1,000 messages a second unless
    `rate` says otherwise."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = create_bot(settings, session=session, retry=False)
    enclosures = Enclosures(NoticeButtons(localizations), calendar(bot))
    try:
        yield DeliveryWorker(
            bot, rows, enclosures, "en", rate, clock, paid_broadcast=paid_broadcast
        )
    finally:
        await bot.session.close()
