"""The services every unit test module builds the same way: all of them on one manual clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.app import Services, create_services
from bot.clock import ManualClock
from bot.config import Settings
from bot.i18n import Localizations
from storage.database import Database


@pytest.fixture
def clock() -> ManualClock:
    """1 March 2027, 12:00 UTC until a test moves it; a module overrides it for another day."""
    return ManualClock(datetime(2027, 3, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
async def services(
    db: Database, localizations: Localizations, settings: Settings, clock: ManualClock
) -> Services:
    return create_services(db, localizations, settings, clock)
