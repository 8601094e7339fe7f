"""`python -m bot` runs the bot; `check` and `backup PATH` are operations commands (cli.py)."""

from __future__ import annotations

import asyncio
import logging
import sys

from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError

from bot.api_check import NotABotAPI
from bot.config import ConfigError, load_settings, secrets_of
from bot.logs import Redactor, setup_logging

EXIT_FAILED, EXIT_CONFIG = 1, 2

log = logging.getLogger(__name__)


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
    secrets = secrets_of(settings)
    setup_logging(settings.log_level, *secrets)
    redact = Redactor(*secrets)
    from bot.app import run  # imported late: a config error must not pay aiogram's import time

    def fail(line: str, code: int = EXIT_FAILED) -> int:
        # The last words go through the logs' redaction: aiohttp's texts carry the token.
        print(redact.line(line), file=sys.stderr)
        return code

    try:
        asyncio.run(run(settings))
    except TelegramUnauthorizedError:
        return fail(
            "Telegram rejected BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather",
            EXIT_CONFIG,
        )
    except NotABotAPI as exc:
        return fail(str(exc))
    except TelegramNetworkError as exc:
        return fail(
            f"Cannot reach the Bot API at {settings.telegram_api_url}: {exc}. "
            "Check the network or TELEGRAM_API_URL."
        )
    except TelegramAPIError as exc:
        return fail(f"The Bot API at {settings.telegram_api_url} refused to start the bot: {exc}")
    except KeyboardInterrupt:
        pass
    except Exception:
        # Python's own traceback printer knows nothing of the token; the log line does.
        log.critical("The bot stopped on an unexpected error", exc_info=True)
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
