"""The screens' capture (tests/e2e/screens/capture.py) writes one file per chat a flow shows."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from tests.e2e.screens.capture import save_chats
from tests.e2e.screens.recorder import ChatRecorder, Recording


class Recorded(ChatRecorder):
    """A chat already played: what `finish` returns names the file it goes to."""

    def __init__(self, first_name: str) -> None:
        self.user = SimpleNamespace(first_name=first_name)  # type: ignore[assignment]

    def finish(self, stem: str) -> Recording:
        return Recording([{"from": "bot", "message_id": 1, "text": f"shown in {stem}"}])


def test_a_flow_of_one_chat_is_saved_under_the_flow_s_name(tmp_path: Path) -> None:
    (written,) = save_chats(tmp_path, "nominee", "Nominated officer", "ru", Recorded("Айгерим"))
    assert written == tmp_path / "nominee-ru.json"
    page = json.loads(written.read_text(encoding="utf-8"))
    assert (page["flow"], page["title"], page["user"]) == (
        "nominee",
        "Nominated officer",
        "Айгерим",
    )


def test_a_flow_of_two_chats_is_saved_once_per_person_named_by_who_sees_it(tmp_path: Path) -> None:
    chats = [("officer", Recorded("Giorgi")), ("organiser", Recorded("Olena"))]
    written = save_chats(tmp_path, "requests", "Requests for a seat", "en", chats)
    assert written == [
        tmp_path / "requests-officer-en.json",
        tmp_path / "requests-organiser-en.json",
    ]
    pages = [json.loads(path.read_text(encoding="utf-8")) for path in written]
    # Both belong to the flow (`--flow requests` draws both), each with its own chat.
    assert [p["flow"] for p in pages] == ["requests", "requests"]
    assert [p["title"] for p in pages] == [
        "Requests for a seat: officer",
        "Requests for a seat: organiser",
    ]
    assert [p["user"] for p in pages] == ["Giorgi", "Olena"]
    assert pages[1]["chat"][0]["text"] == "shown in requests-organiser-en"
