"""An attacker with the whole database file, the WAL, a backup, the invitation rows and the
source code tries to tell who gave which anonymous response (issue 11)."""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import create_services
from bot.backup import backup_to
from tests.conftest import Clock
from tests.unit.test_surveys import active_survey, person

# Telegram-sized ids: SQLite stores them in 6 bytes, so a stray match is unlikely.
OFFICERS = [5_100_000_000 + 7919 * number for number in range(1, 9)]


def improvement(user_id: int) -> str:
    """The text answer of one officer: unique, so its bytes can be found in the file."""
    return f"More practice please, officer-{OFFICERS.index(user_id)}-zqx"


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2027, 3, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
async def services(db, localizations, settings, clock):
    services = create_services(db, localizations, settings)
    services.surveys.clock = clock
    return services


async def answer_all_but_last(services, survey_id: int, user_id: int) -> None:
    s = services.surveys
    await s.begin(survey_id, user_id)
    await s.answer(survey_id, user_id, 0, 1 + user_id % 5)
    await s.toggle(survey_id, user_id, 1, user_id % 3, True)
    await s.confirm_selection(survey_id, user_id, 1)
    await s.answer(survey_id, user_id, 2, improvement(user_id))


def encodings(user_id: int) -> list[bytes]:
    """How a user id can appear in the file: as text, or as SQLite's big-endian integers."""
    return [
        str(user_id).encode(),
        struct.pack(">q", user_id),
        struct.pack(">q", user_id)[2:],  # SQLite's 6-byte integer
    ]


def read(path: Path) -> bytes:
    """A file's bytes as an attacker copying it would get them (a missing WAL is empty)."""
    return path.read_bytes() if path.exists() else b""


def offsets(data: bytes, needle: bytes) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(needle), data)]


async def test_finished_anonymous_responses_cannot_be_linked_to_their_authors(
    services, db, clock, tmp_path: Path
):
    """Issue 11: no user id, key, recomputable HMAC, time or finishing order links a finished
    anonymous response to its author, in the file, the WAL, a backup or the invitations (the
    responses are released as plaintext rows when the survey closes)."""
    for user_id in OFFICERS:
        await person(services, user_id)
    survey = await active_survey(services, anonymous=True)
    await services.surveys.invite(survey.id, {"kind": "all"})

    # Everyone has a half-finished questionnaire (a draft with their id) before anyone
    # finishes; then they finish in a known order, and the WAL is copied after each.
    for user_id in OFFICERS:
        await answer_all_but_last(services, survey.id, user_id)
    wal = Path(f"{db.path}-wal")
    wal_copies = []
    for user_id in OFFICERS:
        step = await services.surveys.answer(survey.id, user_id, 3, user_id % 2 == 0)
        assert step.response.finished
        wal_copies.append(read(wal))
    clock.now = survey.closes_at
    await services.surveys.close(survey.id)
    backup = backup_to(db.path, tmp_path / "backup.sqlite3").path

    # The rows: no key, no user id, only the day; nothing else left that names a person.
    rows = [dict(row) for row in await db.fetch_all("SELECT * FROM survey_responses")]
    assert len(rows) == len(OFFICERS)
    assert {column for row in rows for column in row} == {
        "id",
        "survey_id",
        "user_id",
        "answers",
        "finished_at",
    }
    assert all(row["user_id"] is None for row in rows)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["finished_at"]) for row in rows)
    assert await db.fetch_all("SELECT * FROM survey_drafts") == []
    survey_columns = {row[1] for row in await db.fetch_all("PRAGMA table_info(surveys)")}
    assert "salt" not in survey_columns  # nothing to recompute an HMAC with

    # The ids are random, not in finishing order.
    by_finishing = [
        next(row["id"] for row in rows if improvement(user_id) in row["answers"])
        for user_id in OFFICERS
    ]
    assert all(response_id >= 2**62 for response_id in by_finishing)
    assert by_finishing != sorted(by_finishing)
    assert by_finishing != sorted(by_finishing, reverse=True)

    # The invitations say who finished, and nothing about which response is theirs.
    invitations = [dict(row) for row in await db.fetch_all("SELECT * FROM survey_invitations")]
    assert set(invitations[0]) == {"survey_id", "user_id", "invited_at", "reminded_at", "finished"}
    assert all(row["finished"] == 1 and row["reminded_at"] is None for row in invitations)
    response_ids = {row["id"] for row in rows}
    for row in invitations:
        assert not response_ids & set(row.values())

    # The bytes: every answer is in the file exactly once (the drafts' copies were
    # overwritten), with no user id and no key next to it, and the WAL kept none of them.
    data = read(db.path)
    for copy in (data, read(backup)):
        for user_id in OFFICERS:
            found = offsets(copy, improvement(user_id).encode())
            assert len(found) == 1, improvement(user_id)
            near = copy[max(found[0] - 300, 0) : found[0] + 300]
            assert not re.search(rb"[0-9a-f]{32}", near)  # no HMAC key
            for other in OFFICERS:
                for encoded in encodings(other):
                    assert encoded not in near, (user_id, other)
    for copy in wal_copies:
        for user_id in OFFICERS:
            assert improvement(user_id).encode() not in copy

    # Where each answer sits in the file follows the random ids, not finishing order.
    positions = [offsets(data, improvement(user_id).encode())[0] for user_id in OFFICERS]
    by_place = sorted(range(len(OFFICERS)), key=lambda i: positions[i])
    by_id = sorted(range(len(OFFICERS)), key=lambda i: by_finishing[i])
    assert by_place in (by_id, by_id[::-1])


async def test_an_unfinished_draft_goes_with_the_person_and_when_the_survey_closes(
    services, db, clock
):
    """Issue 11: a draft is the only link between a person and answers; /forget (the users
    row deleted) and the survey's closing both delete it."""
    for user_id in OFFICERS[:2]:
        await person(services, user_id)
    survey = await active_survey(services, anonymous=True)
    await services.surveys.invite(survey.id, {"kind": "all"})
    for user_id in OFFICERS[:2]:
        await answer_all_but_last(services, survey.id, user_id)

    await services.users.delete(OFFICERS[0])
    drafts = await db.fetch_all("SELECT user_id FROM survey_drafts")
    assert [row[0] for row in drafts] == [OFFICERS[1]]

    assert await services.surveys.close(survey.id) == 0  # still open: nothing goes
    clock.now = survey.closes_at
    assert await services.surveys.close(survey.id) == 1
    assert await db.fetch_all("SELECT * FROM survey_drafts") == []
    for file in (db.path, Path(f"{db.path}-wal")):
        assert improvement(OFFICERS[1]).encode() not in read(file)
