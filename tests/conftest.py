"""Fixtures shared by every test level."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.i18n import Localizations
from storage.database import Database

TEST_TOKEN = "123456789:AAEtestTOKENforTHEemulatorONLY_0123456"
ORGANISER_ID = 900001


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A real, migrated SQLite file in a temporary folder."""
    async with Database(tmp_path / "data" / "bot.sqlite3") as database:
        yield database


@pytest.fixture(scope="session")
def localizations() -> Localizations:
    return Localizations()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        bot_token=TEST_TOKEN,
        admin_ids=frozenset({ORGANISER_ID}),
        database_path=tmp_path / "data" / "bot.sqlite3",
        # Tests feed one user's updates far faster than a person could; the throttle has its
        # own tests (tests/handlers/test_throttle.py).
        throttle_rate=0,
    )
