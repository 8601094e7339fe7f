"""The screens' capture (docs/screens/, issue 13) in a real run: a new officer's /start is
recorded with the messages, edits, buttons and pop-ups the officer saw. Drawing the PNGs needs
Chromium and is not part of the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.screens.capture import capture
from tests.e2e.screens.render import page_html

pytestmark = pytest.mark.e2e


async def test_the_start_screen_records_the_welcome_its_language_buttons_and_the_menu(
    tmp_path: Path,
):
    (written,) = await capture(tmp_path, ["en"], ["start"])
    assert written == tmp_path / "start-en.json"
    flow = json.loads(written.read_text(encoding="utf-8"))
    assert (flow["flow"], flow["language"]) == ("start", "en")
    chat = flow["chat"]
    assert chat[0] == {"from": "user", "text": "/start"}
    welcome = chat[1]
    assert welcome["from"] == "bot" and "Welcome, Giorgi!" in welcome["text"]
    assert welcome["buttons"] == [[{"text": "English"}, {"text": "Русский"}]]
    assert chat[2] == {"from": "user", "press": "English"}
    # The welcome as it is after the edit, then the menu with its buttons in rows as sent.
    edited = [item for item in chat if item.get("edited")]
    assert edited and edited[0]["message_id"] == welcome["message_id"]
    menu = chat[-1]
    assert menu["from"] == "bot" and menu["buttons"][0][0]["text"] == "📚 Courses"
    assert all(len(row) <= 2 for row in menu["buttons"])
    # The page drawn from it shows the same texts.
    page = page_html(flow, tmp_path)
    assert "Welcome, Giorgi!" in page and "📚 Courses" in page and "tapped" in page
