from __future__ import annotations

import logging

from bot.logs import RedactingFormatter
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
