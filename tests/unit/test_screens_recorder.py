"""What the screens' recorder (tests/e2e/screens/recorder.py) keeps of a chat: the files and
photos sent both ways, replies, and one result for a series of taps on the same message."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

from PIL import Image

from tests.e2e.emulator.model import Call
from tests.e2e.screens.recorder import ChatRecorder, UserAction

CHAT = 4201


def sent(method: str, message_id: int, **content: Any) -> Call:
    result = {"message_id": message_id, "chat": {"id": CHAT}, **content}
    return Call(method, {"chat_id": CHAT}, {}, 200, {"ok": True, "result": result}, 0.0)


def recorder(calls: list[Call], photos: dict[int, bytes] | None = None) -> ChatRecorder:
    """A recorder over calls already made (no emulator running)."""
    messages = {
        (CHAT, message_id): SimpleNamespace(photo=data)
        for message_id, data in (photos or {}).items()
    }
    rec = ChatRecorder.__new__(ChatRecorder)
    rec.user = SimpleNamespace(user_id=CHAT)  # type: ignore[assignment]
    rec.emu = SimpleNamespace(calls=calls, messages=messages)  # type: ignore[assignment]
    rec.first_call = 0
    rec.actions = []
    return rec


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()


def test_a_photo_is_kept_as_a_picture_and_a_stand_in_that_is_no_picture_as_a_placeholder() -> None:
    calls = [
        sent("sendPhoto", 1, photo=[{"file_id": "a"}], caption="Chart"),
        sent("sendPhoto", 2, photo=[{"file_id": "b"}], caption="Question"),
    ]
    rec = recorder(calls, {1: png(), 2: b"\xff\xd8\xff not a jpeg"})
    recording = rec.finish("results-en")
    chart, question = recording.chat
    assert chart["photo"] == "results-en-photo-1.png" and chart["text"] == "Chart"
    assert question["photo_placeholder"] is True and "photo" not in question
    assert [photo.name for photo in recording.photos] == ["results-en-photo-1.png"]
    assert recording.photos[0].data.startswith(b"\x89PNG")


def test_a_document_and_the_message_a_reply_quotes_are_kept() -> None:
    calls = [
        sent(
            "sendDocument",
            3,
            document={"file_name": "certificate.pdf", "file_size": 60_000},
            caption="🎓 Your certificate",
            reply_to_message={"message_id": 2, "text": "❓ Question\nabout the course"},
        )
    ]
    (item,) = recorder(calls).finish("certificates-officer-en").chat
    assert item["document"] == {"file_name": "certificate.pdf", "size": 60_000}
    assert item["reply_to"] == "❓ Question"


def test_a_series_of_taps_on_one_message_shows_the_taps_and_only_the_last_result() -> None:
    calls = [
        sent("sendMessage", 7, text="Day 1: ▫️ Anar ▫️ Nino"),
        sent("editMessageText", 7, text="Day 1: ✅ Anar ▫️ Nino"),
        sent("editMessageText", 7, text="Day 1: ✅ Anar ✅ Nino"),
    ]
    rec = recorder(calls)
    rec.actions = [
        UserAction(1, {"from": "user", "press": "▫️ Anar"}),
        UserAction(2, {"from": "user", "press": "▫️ Nino", "again_on": 7}),
    ]
    chat = rec.finish("attendance-en").chat
    shown = [item.get("press") or item["text"] for item in chat]
    assert shown == ["Day 1: ▫️ Anar ▫️ Nino", "▫️ Anar", "▫️ Nino", "Day 1: ✅ Anar ✅ Nino"]
    assert all("again_on" not in item for item in chat)
