"""Exports are built off the event loop: other updates are answered while a big one is made."""

from __future__ import annotations

import asyncio
import csv
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiogram.methods import SendDocument
from xlsxwriter import Workbook

from bot.ui.callbacks import AdminAction, AdminCourseCb, SurveyAdminAction, SurveyAdminCb
from storage.sql import stamp
from tests.conftest import ORGANISER_ID
from tests.handlers.test_courses import publish_course
from tests.handlers.test_survey_admin import survey_answered_by

PARTICIPANTS = 2000


class Building:
    """Watches the library call that writes the file: which thread ran it, and whether the
    event loop ran other tasks meanwhile (the call waits for the loop's heartbeat)."""

    def __init__(self) -> None:
        self.threads: list[int] = []
        self.loop_ran_meanwhile: list[bool] = []
        self.beat = threading.Event()

    def observe(self) -> None:
        self.threads.append(threading.get_ident())
        self.beat.clear()
        # On the loop's own thread this wait blocks the loop, so no beat can come: False.
        self.loop_ran_meanwhile.append(self.beat.wait(timeout=2))

    @asynccontextmanager
    async def heartbeat(self) -> AsyncIterator[None]:
        async def tick() -> None:
            while True:
                self.beat.set()
                await asyncio.sleep(0.001)

        task = asyncio.create_task(tick())
        try:
            yield
        finally:
            task.cancel()


@pytest.fixture
def building(monkeypatch: pytest.MonkeyPatch) -> Building:
    """Wraps the third-party writers (XlsxWriter's close, csv.writer); our code is untouched."""
    watch = Building()
    close = Workbook.close
    writer: Callable[..., Any] = csv.writer

    def watched_close(self: Workbook) -> None:
        watch.observe()
        close(self)

    def watched_writer(*args: Any, **kwargs: Any) -> Any:
        watch.observe()
        return writer(*args, **kwargs)

    monkeypatch.setattr(Workbook, "close", watched_close)
    monkeypatch.setattr(csv, "writer", watched_writer)
    return watch


async def add_participants(db, course_id: int, count: int) -> None:
    now = stamp(db)
    async with db.transaction() as tx:
        await tx.write_many(
            "INSERT INTO users (id, full_name, consent_at, language, created_at, last_seen_at)"
            " VALUES (?, ?, ?, 'en', ?, ?)",
            [(10_000 + i, f"Officer {i}", now, now, now) for i in range(count)],
        )
        await tx.write_many(
            "INSERT INTO registrations (course_id, user_id, status, seq, created_at, updated_at)"
            " VALUES (?, ?, 'confirmed', ?, ?, ?)",
            [(course_id, 10_000 + i, i + 1, now, now) for i in range(count)],
        )


@pytest.mark.parametrize("action", [AdminAction.XLSX, AdminAction.CSV])
async def test_a_2000_row_participant_export_is_built_off_the_event_loop(
    make_chatter, db, building, action
):
    """Issue 11: the loop keeps answering others while the file is written."""
    course_id = await publish_course(db, "Transit", days=10, capacity=None)
    await add_participants(db, course_id, PARTICIPANTS)
    organiser = make_chatter(user_id=ORGANISER_ID)
    async with building.heartbeat():
        sent = await organiser.press(AdminCourseCb(action=action, course_id=course_id).pack())
    (document,) = [r for r in sent if isinstance(r, SendDocument)]
    assert document.caption.endswith("2,000 sign-ups")
    assert building.threads and threading.get_ident() not in building.threads
    assert all(building.loop_ran_meanwhile)


async def test_a_survey_export_is_built_off_the_event_loop(make_chatter, db, building):
    """Issue 11: response exports too."""
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    survey_id = await survey_answered_by(make_chatter, db, organiser, range(2001, 2004))
    async with building.heartbeat():
        sent = await organiser.press(
            SurveyAdminCb(action=SurveyAdminAction.XLSX, survey_id=survey_id).pack()
        )
    assert [r for r in sent if isinstance(r, SendDocument)]
    assert building.threads and threading.get_ident() not in building.threads
    assert all(building.loop_ran_meanwhile)
