"""Logging set-up: one line per event (tracebacks too), and the bot token never reaches any
output. At INFO, lines name users by their Telegram id only, never by personal data."""

from __future__ import annotations

import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Replaces the secret wherever it would appear: messages, arguments, tracebacks."""

    def __init__(self, secret: str, fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = [s for s in (secret, secret.split(":", 1)[-1]) if len(s) >= 8]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[BOT_TOKEN]")
        # One line per event, tracebacks included, so log collectors never split an event.
        return text.replace("\r", "").replace("\n", " ⏎ ")


def setup_logging(level: str, token: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's access/client chatter adds nothing at INFO.
    logging.getLogger("aiohttp").setLevel(max(logging.getLevelName(level), logging.WARNING))
