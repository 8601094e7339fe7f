"""Operations commands beside the bot: `python -m bot check` and `python -m bot backup PATH`.

Each prints one line per step, meant for an operator or a container health check, and
exits non-zero when something is wrong.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from bot.backup import BackupError, backup_to, make_folder
from bot.config import ConfigError, Settings, load_settings, secrets_of
from bot.logs import Redactor

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
USAGE = "usage: python -m bot [check | backup PATH]"


def _configured() -> Settings | None:
    """The settings, or None after saying why they cannot be used."""
    try:
        return load_settings()
    except ConfigError as exc:
        print(f"FAIL configuration: {exc}")
        return None


def check() -> int:
    """Configuration, database (opened and migrated), Telegram (getMe)."""
    settings = _configured()
    if settings is None:
        return EXIT_CONFIG
    say = _Say(settings)
    organisers = len(settings.admin_ids)
    say(f"ok   configuration: {organisers} organiser(s), Bot API at {settings.telegram_api_url}")
    return asyncio.run(_check_services(settings, say))


class _Say:
    """Prints one line through the logs' redaction: error texts from aiohttp carry request
    URLs, and those carry the token."""

    def __init__(self, settings: Settings) -> None:
        self._redact = Redactor(*secrets_of(settings))

    def __call__(self, line: str) -> None:
        print(self._redact.line(line))


async def _check_services(settings: Settings, say: _Say) -> int:
    from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError

    from bot.api_check import NotABotAPI, bot_identity
    from bot.app import create_bot
    from storage.database import Database

    try:
        async with Database(settings.database_path) as db:
            row = await db.fetch_one("SELECT MAX(version) FROM schema_migrations")
            (integrity,) = await db.fetch_one("PRAGMA quick_check") or ("?",)
        if integrity != "ok":
            say(f"FAIL database {settings.database_path}: quick_check says {integrity}")
            return EXIT_FAILED
        version = row[0] if row else 0
        say(f"ok   database {settings.database_path}: schema version {version}")
    except Exception as exc:  # any failure to open or migrate is this check's answer
        say(f"FAIL database {settings.database_path}: {exc}")
        return EXIT_FAILED
    bot = create_bot(settings, retry=False)
    try:
        me = await bot_identity(bot, settings.telegram_api_url)
        say(f"ok   Telegram: getMe answered @{me.username} (id {me.id})")
    except TelegramUnauthorizedError:
        say("FAIL Telegram: BOT_TOKEN was rejected (401); copy it again from @BotFather")
        return EXIT_FAILED
    except NotABotAPI as exc:
        say(f"FAIL Telegram: {exc}")
        return EXIT_FAILED
    except (TelegramAPIError, OSError, TimeoutError) as exc:
        say(f"FAIL Telegram: {settings.telegram_api_url} did not answer getMe: {exc}")
        return EXIT_FAILED
    except Exception as exc:  # a health check answers with a FAIL line, never a traceback
        say(f"FAIL Telegram: getMe at {settings.telegram_api_url} failed: {exc!r}")
        return EXIT_FAILED
    finally:
        await bot.session.close()
    return EXIT_OK


def backup(target: str) -> int:
    """A consistent copy of the live database at `target` (a file or a folder)."""
    settings = _configured()
    if settings is None:
        return EXIT_CONFIG
    say = _Say(settings)
    destination = Path(target)
    try:
        if target.endswith(("/", os.sep)):
            # `backup backups/`: a folder (made if missing) for a dated file, not a file.
            make_folder(destination)
        made = backup_to(Path(settings.database_path), destination)
    except (BackupError, OSError) as exc:
        say(f"FAIL backup of {settings.database_path}: {exc}")
        return EXIT_FAILED
    source = settings.database_path
    say(f"ok   {source} backed up to {made.path} ({made.size:,} bytes, integrity ok)")
    return EXIT_OK


def main(args: list[str]) -> int | None:
    """Runs an operations command; None when `args` asks for the bot itself."""
    if not args:
        return None
    if args == ["check"]:
        return check()
    if len(args) == 2 and args[0] == "backup":
        return backup(args[1])
    print(USAGE)
    return EXIT_CONFIG
