from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from aiogram.types import User

from bot.app import create_bot, create_dispatcher
from bot.config import Settings
from bot.i18n import Localizations
from handlers import get_routers
from storage.database import Database
from tests.handlers.harness import Chatter, RecordingSession


@pytest.fixture
async def make_chatter(
    settings: Settings, db: Database, localizations: Localizations
) -> AsyncIterator[Callable[..., Chatter]]:
    # Routers are module-level singletons (aiogram convention); each test builds a new
    # production Dispatcher, so they are released from the previous test's one first.
    for router in get_routers():
        router._parent_router = None
    dp, _ = create_dispatcher(settings, db, localizations)
    bot = create_bot(settings, session=RecordingSession())

    def make(user_id: int = 501, language_code: str | None = "en", name: str = "Aidos") -> Chatter:
        user = User(id=user_id, is_bot=False, first_name=name, language_code=language_code)
        return Chatter(dp=dp, bot=bot, user=user)

    yield make
    await bot.session.close()
