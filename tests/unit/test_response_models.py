"""aiogram's answer models are built once per process, not again after every GC run."""

from __future__ import annotations

import gc
import weakref

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import Response
from aiogram.types import Message

from bot.app import create_bot
from tests.conftest import TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator


async def test_the_parsed_answer_model_outlives_garbage_collection(settings):
    async with BotAPIEmulator(TEST_TOKEN) as emulator:
        session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
        bot = create_bot(settings, session=session, retry=False)
        try:
            await bot.send_message(1, "first")
            model = weakref.ref(Response[Message])
            gc.collect()
            # Dropped, the next answer would build it again (~14 ms of CPU each time).
            assert model() is not None
            await bot.send_message(1, "second")
        finally:
            await bot.session.close()
