"""Logging set-up and the redaction every output goes through.

One line per event (tracebacks too); the bot token never reaches any output, neither a log
line nor a line `check` prints nor the last words of a failed start. At INFO, lines name users
by their Telegram id only, never by personal data. Libraries log at WARNING and above only,
whatever LOG_LEVEL says: at DEBUG aiosqlite logs every SQL statement with its parameters
(names, e-mails), aiogram's scenes log dialog data, aiohttp logs URLs with the token.
"""

from __future__ import annotations

import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "[BOT_TOKEN]"
# Our own code; everything else is a library and stays at WARNING.
OWN_LOGGERS = ("bot", "handlers", "storage", "__main__")


class Redactor:
    """Removes secrets from text: the whole token and its secret part after the colon (which
    also catches the token with its colon percent-encoded in a URL), and any other secret."""

    def __init__(self, token: str, *others: str) -> None:
        labels = {part: REDACTED for part in (token, token.split(":", 1)[-1])}
        labels.update({secret: "[SECRET]" for secret in others})
        # Longest first, so a whole token is replaced before the part inside it; short
        # values are left alone, they would blank out ordinary words.
        self._secrets = sorted(
            ((s, label) for s, label in labels.items() if len(s) >= 8),
            key=lambda item: len(item[0]),
            reverse=True,
        )

    def __call__(self, text: str) -> str:
        for secret, label in self._secrets:
            text = text.replace(secret, label)
        return text

    def line(self, text: str) -> str:
        """Redacted and on one line, so log collectors and health checks never split it."""
        return self(text).replace("\r", "").replace("\n", " ⏎ ")


class RedactingFormatter(logging.Formatter):
    """Replaces the secrets wherever they would appear: messages, arguments, tracebacks."""

    def __init__(self, token: str, *others: str, fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._redact = Redactor(token, *others)

    def format(self, record: logging.LogRecord) -> str:
        return self._redact.line(super().format(record))


def setup_logging(level: str, token: str, *others: str) -> None:
    """Our modules log at `level`; libraries at WARNING or above (never their DEBUG/INFO)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(token, *others))
    own_level = logging.getLevelName(level)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # Every logger without a level of its own inherits the root's: a library we never heard
    # of stays quiet too.
    root.setLevel(max(own_level, logging.WARNING))
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(own_level)
    logging.getLogger(__name__).debug(
        "The bot's modules log at %s; libraries at %s and above only (they would log personal"
        " data)",
        level,
        logging.getLevelName(root.level),
    )
