"""An attacker with the whole database file, the WAL, a backup, the invitation rows and the
source code tries to tell who gave which anonymous response (issue 11)."""

from __future__ import annotations

import re
import sqlite3
import stat
import struct
from contextlib import closing
from pathlib import Path

from bot.backup import backup_to
from tests.unit.test_surveys import active_survey, person

# Telegram-sized ids: SQLite stores them in 6 bytes, so a stray match is unlikely.
OFFICERS = [5_100_000_000 + 7919 * number for number in range(1, 9)]


def improvement(user_id: int) -> str:
    """The text answer of one officer: unique, so its bytes can be found in the file."""
    return f"More practice please, officer-{OFFICERS.index(user_id)}-zqx"


async def answer_all_but_last(services, survey_id: int, user_id: int) -> None:
    s = services.surveys
    await s.begin(survey_id, user_id)
    await s.answer(survey_id, user_id, 0, 1 + user_id % 5)
    await s.toggle(survey_id, user_id, 1, user_id % 3, True)
    await s.confirm_selection(survey_id, user_id, 1)
    await s.answer(survey_id, user_id, 2, improvement(user_id))


async def half_answered_survey(services, officers: list[int]):
    """An anonymous survey all `officers` are invited to, each with a half-finished
    questionnaire (a draft with their id) and nobody finished yet."""
    for user_id in officers:
        await person(services, user_id)
    survey = await active_survey(services, anonymous=True)
    await services.surveys.invite(survey.id, {"kind": "all"})
    for user_id in officers:
        await answer_all_but_last(services, survey.id, user_id)
    return survey


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
    # Everyone has a half-finished questionnaire (a draft with their id) before anyone
    # finishes; then they finish in a known order, and the WAL is copied after each.
    survey = await half_answered_survey(services, OFFICERS)
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
    survey = await half_answered_survey(services, OFFICERS[:2])

    await services.users.delete(OFFICERS[0])
    drafts = await db.fetch_all("SELECT user_id FROM survey_drafts")
    assert [row[0] for row in drafts] == [OFFICERS[1]]

    assert await services.surveys.close(survey.id) == 0  # still open: nothing goes
    clock.now = survey.closes_at
    assert await services.surveys.close(survey.id) == 1
    assert await db.fetch_all("SELECT * FROM survey_drafts") == []
    for file in (db.path, Path(f"{db.path}-wal")):
        assert improvement(OFFICERS[1]).encode() not in read(file)


def table(path: Path, sql: str) -> list[dict[str, object]]:
    """Rows of a backup, read as an attacker would, with sqlite3 and no bot code."""
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql)]


async def test_backups_before_and_after_one_person_finished_do_not_link_their_response(
    services, db, clock, tmp_path: Path
):
    """Issue 11, across backups: 5 people; backup A; one known person finishes; backup B; the
    rest finish; the survey closes; backup C. With A, B, C, the live file, the WAL copies and
    the code (the key file gone at closing), no response in C can be matched to the person
    who finished between A and B, and no backup holds a plaintext draft answer."""
    officers = OFFICERS[:5]
    known, early, rest = officers[0], officers[1], officers[2:]
    survey = await half_answered_survey(services, officers)
    wal = Path(f"{db.path}-wal")
    wal_copies = [read(wal)]

    async def finish(user_id: int) -> None:
        step = await services.surveys.answer(survey.id, user_id, 3, user_id % 2 == 0)
        assert step.response.finished
        wal_copies.append(read(wal))

    await finish(early)
    backup_a = backup_to(db.path, tmp_path / "a.sqlite3").path
    await finish(known)
    backup_b = backup_to(db.path, tmp_path / "b.sqlite3").path
    for user_id in rest:
        await finish(user_id)
    clock.now = survey.closes_at
    await services.surveys.close(survey.id)
    backup_c = backup_to(db.path, tmp_path / "c.sqlite3").path
    wal_copies.append(read(wal))

    # No plaintext answer of anyone is in A, B or any WAL copy (drafts and finished ones).
    for copy in (read(backup_a), read(backup_b), *wal_copies):
        for user_id in officers:
            assert improvement(user_id).encode() not in copy
    # The key is gone at closing (no copy of the database ever held it).
    assert services.surveys.repos.surveys.keys.survey_ids() == []
    # A and B: the pending responses are ciphertext of one length, the drafts too.
    pending_a = table(backup_a, "SELECT id, sealed FROM survey_pending")
    pending_b = table(backup_b, "SELECT id, sealed FROM survey_pending")
    assert (len(pending_a), len(pending_b)) == (1, 2)
    assert table(backup_a, "SELECT * FROM survey_responses") == []
    assert table(backup_b, "SELECT * FROM survey_responses") == []
    drafts = table(backup_a, "SELECT answers, selection, sealed FROM survey_drafts")
    assert len(drafts) == 4
    assert {(row["answers"], row["selection"]) for row in drafts} == {("{}", "[]")}
    sealed = [row["sealed"] for row in pending_a + pending_b + drafts]
    assert all(isinstance(blob, bytes) for blob in sealed)
    assert len({len(row["sealed"]) for row in pending_a + pending_b}) == 1  # type: ignore[arg-type]
    assert len({len(blob) for blob in sealed}) == 1  # type: ignore[arg-type]  # drafts too
    # C: every response released as plaintext with a fresh id (none of A's or B's), the
    # same day for all, no pending row and no draft left; each answer once in the file.
    released = table(backup_c, "SELECT * FROM survey_responses")
    assert len(released) == len(officers)
    assert table(backup_c, "SELECT * FROM survey_pending") == []
    assert table(backup_c, "SELECT * FROM survey_drafts") == []
    old_ids = {row["id"] for row in pending_a + pending_b}
    assert not old_ids & {row["id"] for row in released}
    assert {row["finished_at"] for row in released} == {survey.closes_at.date().isoformat()}
    assert all(row["user_id"] is None for row in released)
    data_c = read(backup_c)
    for user_id in officers:
        assert len(offsets(data_c, improvement(user_id).encode())) == 1
    for old_id in old_ids:
        for copy in (data_c, read(db.path)):
            assert struct.pack(">q", old_id) not in copy  # type: ignore[arg-type]


async def test_the_key_file_is_owner_only_outside_the_database_and_goes_at_closing(
    services, db, clock, tmp_path: Path
):
    """Issue 11: an anonymous survey's key is 32 random bytes in a 0600 file in a 0700
    `<database>.keys` folder, created with the first draft, in no database copy, and deleted
    when the survey closes; a named survey has none."""
    for user_id in OFFICERS[:2]:
        await person(services, user_id)
    named = await active_survey(services)
    survey = await active_survey(services, anonymous=True)
    for each in (named, survey):
        await services.surveys.invite(each.id, {"kind": "all"})
        await answer_all_but_last(services, each.id, OFFICERS[0])
    keys = services.surveys.repos.surveys.keys
    assert keys.folder == Path(f"{db.path}.keys")
    assert keys.survey_ids() == [survey.id]
    path = keys.path(survey.id)
    assert stat.S_IMODE(keys.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = path.read_bytes()
    assert len(key) == 32
    backup = backup_to(db.path, tmp_path / "backup.sqlite3").path
    await db.truncate_wal()
    for copy in (read(db.path), read(backup)):
        assert key not in copy

    clock.now = survey.closes_at
    await services.surveys.close(survey.id)
    assert not path.exists()
    assert keys.survey_ids() == []
