"""`python -m bot` runs the bot; `check` and `backup PATH` are operations commands (cli.py)."""

from __future__ import annotations

import asyncio
import sys

from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

from bot.config import ConfigError, load_settings
from bot.logs import setup_logging

EXIT_CONFIG = 2


def main() -> int:
    from bot import cli

    outcome = cli.main(sys.argv[1:])
    if outcome is not None:
        return outcome
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return EXIT_CONFIG
    setup_logging(settings.log_level, settings.bot_token.get_secret_value())
    from bot.app import run  # imported late: a config error must not pay aiogram's import time

    try:
        asyncio.run(run(settings))
    except TelegramUnauthorizedError:
        print(
            "Telegram rejected BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    except TelegramNetworkError as exc:
        print(
            f"Cannot reach the Bot API at {settings.telegram_api_url}: {exc}. "
            "Check the network or TELEGRAM_API_URL.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
