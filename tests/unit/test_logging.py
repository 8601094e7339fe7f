from __future__ import annotations

import logging

import pytest

from bot.logs import OWN_LOGGERS, RedactingFormatter, Redactor, setup_logging
from tests.conftest import TEST_TOKEN


def test_the_token_never_appears_in_a_log_line():
    formatter = RedactingFormatter(TEST_TOKEN)
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TEST_TOKEN}/getMe failed")
    except RuntimeError as exc:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (str(exc),), None)
        record.exc_info = (type(exc), exc, exc.__traceback__)
    line = formatter.format(record)
    assert TEST_TOKEN not in line
    assert TEST_TOKEN.split(":")[1] not in line
    assert "[BOT_TOKEN]" in line


def test_an_event_with_a_traceback_is_one_line():
    formatter = RedactingFormatter(TEST_TOKEN)
    try:
        raise ValueError("first\nsecond")
    except ValueError as exc:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), None)
        record.exc_info = (type(exc), exc, exc.__traceback__)
    line = formatter.format(record)
    assert "\n" not in line
    assert "Traceback" in line and "ValueError: first ⏎ second" in line


@pytest.fixture
def restore_logging():
    """setup_logging changes process-wide state; put pytest's own handlers back after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    touched = [logging.getLogger(name) for name in (*OWN_LOGGERS, *LIBRARIES, "aiohttp")]
    levels = [logger.level for logger in touched]
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for logger, old in zip(touched, levels, strict=True):
        logger.setLevel(old)


LIBRARIES = (
    "aiosqlite",
    "aiohttp.client",
    "aiohttp.access",
    "asyncio",
    "apscheduler.scheduler",
    "aiogram.event",
    "aiogram.dispatcher",
    "aiogram.scene",
    "matplotlib.font_manager",
    "PIL.PngImagePlugin",
)


@pytest.mark.parametrize("level", ["DEBUG", "INFO"])
def test_library_loggers_stay_at_warning_whatever_log_level(restore_logging, level):
    """Issue 11: at LOG_LEVEL=DEBUG aiosqlite logged every SQL statement with names and
    e-mails; libraries now log warnings and errors only, our own modules follow LOG_LEVEL."""
    setup_logging(level, TEST_TOKEN)
    for name in LIBRARIES:
        assert logging.getLogger(name).getEffectiveLevel() == logging.WARNING, name
    for name in ("bot.app", "handlers.errors", "storage.database", "__main__"):
        assert logging.getLogger(name).getEffectiveLevel() == logging.getLevelName(level), name


def test_a_higher_log_level_quiets_libraries_too(restore_logging):
    setup_logging("ERROR", TEST_TOKEN)
    assert logging.getLogger("aiosqlite").getEffectiveLevel() == logging.ERROR
    assert logging.getLogger("bot.app").getEffectiveLevel() == logging.ERROR


def test_the_redactor_removes_every_secret_and_the_token_in_a_percent_encoded_url():
    """Issue 11: the same redaction as the logs serves every line printed on an error."""
    redact = Redactor(TEST_TOKEN, "webhook-secret-value")
    encoded = TEST_TOKEN.replace(":", "%3A")
    text = redact(f"GET /bot{TEST_TOKEN}/getMe, /bot{encoded}/x, header webhook-secret-value")
    assert text == "GET /bot[BOT_TOKEN]/getMe, /bot123456789%3A[BOT_TOKEN]/x, header [SECRET]"
    assert redact.line("first\nsecond") == "first ⏎ second"
