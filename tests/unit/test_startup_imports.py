"""Issue 16: what the bot imports to start and stay idle. Each library here is used on demand
only (an export, a chart, a certificate, a calendar file, an anonymous survey, webhook mode)
and costs megabytes of RSS in every process that imports it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

ON_DEMAND_LIBRARIES = (
    "openpyxl",
    "xlsxwriter",  # exports
    "matplotlib",
    "numpy",
    "PIL",  # survey charts
    "fpdf",
    "segno",
    "pypdf",
    "pypdfium2",
    "fontTools",  # certificates
    "icalendar",
    "dateutil",  # calendar files
    "cryptography",  # anonymous surveys
    "aiohttp.web",  # webhook mode
)

# What `python -m bot` imports and builds before it polls: the entry point, then the
# composition root's Bot, storage, services, delivery worker and Dispatcher (no network).
STARTUP = """
import asyncio, json, sys, tempfile
from pathlib import Path

import bot.__main__, bot.cli
from bot.app import create_bot, create_delivery_worker, create_dispatcher, create_services
from bot.config import Settings
from bot.i18n import Localizations
from storage.database import Database


async def start(folder):
    settings = Settings(
        _env_file=None,
        bot_token="123456789:AAEtestTOKENforTHEemulatorONLY_0123456",
        database_path=Path(folder) / "bot.sqlite3",
    )
    localizations = Localizations()
    async with Database(settings.database_path) as db:
        services = create_services(db, localizations, settings)
        bot = create_bot(settings)
        create_delivery_worker(settings, localizations, services, bot, bot, asyncio.Event())
        create_dispatcher(settings, db, localizations, services, bot)
        await bot.session.close()


with tempfile.TemporaryDirectory() as folder:
    asyncio.run(start(folder))
print(json.dumps(sorted(sys.modules)))
"""


def test_starting_the_bot_imports_no_library_that_is_only_used_on_demand(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", STARTUP],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,  # no .env of the developer's
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    imported = set(json.loads(result.stdout))
    assert "aiogram" in imported and "bot.app" in imported  # it did start
    assert sorted(set(ON_DEMAND_LIBRARIES) & imported) == []
