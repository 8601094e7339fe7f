"""Migration 008 on a database written by the previous version: keyed anonymous responses
become unlinkable, half-finished questionnaires become drafts, salts go (issue 11)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import create_services
from bot.clock import ManualClock
from storage.database import Database, to_db
from tests.migrations import database_before

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
SALT = "5f1d3c0a9b8e7d6c5b4a39281706f5e4"
QUESTIONS = json.dumps(
    [
        {"kind": "rating", "text": {"en": "Overall?", "ru": "В целом?"}},
        {"kind": "text", "text": {"en": "Why?", "ru": "Почему?"}},
    ]
)


def old_key(user_id: int) -> str:
    """The respondent key of the previous version."""
    return hmac.new(SALT.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:32]


def read(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


@pytest.fixture
async def old_database(tmp_path: Path) -> AsyncIterator[Database]:
    """Migrations 001-007 and data as the previous version wrote it: surveys 1 (anonymous,
    open), 2 (named, open), 3 (anonymous, closed); in each, officer 1 finished and
    officer 2 stopped after the first question."""
    db = await database_before(tmp_path, "008")
    for user_id in (1, 2, 3):
        await db.write(
            "INSERT INTO users (id, first_name, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
            (user_id, f"Officer{user_id}", to_db(NOW), to_db(NOW)),
        )
    for survey_id, anonymous, closes in ((1, 1, 9), (2, 0, 9), (3, 1, -1)):
        await db.write(
            "INSERT INTO surveys (id, title_en, title_ru, questions, anonymous, salt, status,"
            " opens_at, closes_at, send_after, remind_after, created_at)"
            " VALUES (?, 'F', 'F', ?, ?, ?, 'active', ?, ?, 0, 0, ?)",
            (
                survey_id,
                QUESTIONS,
                anonymous,
                SALT,
                to_db(NOW - timedelta(days=5)),
                to_db(NOW + timedelta(days=closes)),
                to_db(NOW),
            ),
        )
        for user_id in (1, 2, 3):
            await db.write(
                "INSERT INTO survey_invitations (survey_id, user_id, invited_at) VALUES (?, ?, ?)",
                (survey_id, user_id, to_db(NOW)),
            )
        named = None if anonymous else 1
        finished = "2027-02-27" if anonymous else "2027-02-27T10:11:12+00:00"
        await db.write(
            "INSERT INTO survey_responses (survey_id, respondent, user_id, position, answers,"
            " finished_at) VALUES (?, ?, ?, 2, ?, ?)",
            (survey_id, old_key(1), named, json.dumps({"0": 5, "1": "Done"}), finished),
        )
        await db.write(
            "INSERT INTO survey_responses (survey_id, respondent, user_id, position, answers)"
            " VALUES (?, ?, ?, 1, ?)",
            (survey_id, old_key(2), None if anonymous else 2, json.dumps({"0": 3})),
        )
    yield db
    await db.close()  # even when the test fails: an open connection's thread blocks the exit


async def upgraded_surveys(db, localizations, settings):
    """The survey service after the bot started on the old file: migrated, old keys converted."""
    await db.migrate()
    surveys = create_services(db, localizations, settings, ManualClock(NOW)).surveys
    await surveys.convert_legacy_keys()
    return surveys


async def test_migration_008_unlinks_old_anonymous_responses_and_keeps_resuming(
    old_database, localizations, settings
):
    """Issue 11: after the upgrade no salt, key or user id is left on anonymous responses,
    yet officer 1 cannot answer again and officer 2 continues where they stopped."""
    db = old_database
    s = await upgraded_surveys(db, localizations, settings)

    rows = [dict(row) for row in await db.fetch_all("SELECT * FROM survey_responses")]
    by_survey = {row["survey_id"]: row for row in rows}
    assert sorted(by_survey) == [1, 2, 3]
    for survey_id in (1, 3):
        anonymous = by_survey[survey_id]
        assert anonymous["id"] >= 2**62 and anonymous["user_id"] is None
        assert anonymous["finished_at"] == "2027-02-27"
    assert by_survey[2]["id"] == 1 and by_survey[2]["user_id"] == 1
    assert by_survey[2]["finished_at"] == "2027-02-27T10:11:12+00:00"
    columns = {row[1] for row in await db.fetch_all("PRAGMA table_info(surveys)")}
    assert "salt" not in columns
    assert await db.fetch_all("SELECT * FROM survey_legacy_keys") == []

    # The open surveys: 1 finished, 2 resumes at question 2, 3 starts afresh.
    for survey_id in (1, 2):
        assert (await s.begin(survey_id, 1)).response.finished
        resumed = await s.begin(survey_id, 2)
        assert resumed.index == 1 and resumed.response.answers == {0: 3}
        assert (await s.begin(survey_id, 3)).index == 0
    # The closed survey keeps its response and nothing that says whose it is.
    drafts = await db.fetch_all("SELECT survey_id FROM survey_drafts")
    assert 3 not in {row[0] for row in drafts}

    await db.truncate_wal()
    data = read(db.path) + read(Path(f"{db.path}-wal"))
    for user_id in (1, 2):
        assert old_key(user_id).encode() not in data
    assert SALT.encode() not in data


async def test_after_migration_011_plaintext_anonymous_drafts_are_sealed_at_start_up(
    old_database, localizations, settings
):
    """Issue 11: an anonymous survey's draft written in plaintext before the upgrade is sealed
    with the survey's new key at start-up and still resumes; named drafts stay as they are;
    responses finished before the upgrade stay the plaintext rows they were."""
    db = old_database
    s = await upgraded_surveys(db, localizations, settings)
    before = await db.fetch_all("SELECT survey_id, user_id, answers FROM survey_drafts")
    assert {(row[0], row[1], row[2]) for row in before} == {(1, 2, '{"0": 3}'), (2, 2, '{"0": 3}')}

    assert await s.seal_plain_drafts() == 1
    assert await s.seal_plain_drafts() == 0  # once
    drafts = {
        row["survey_id"]: dict(row)
        for row in await db.fetch_all("SELECT * FROM survey_drafts WHERE user_id = 2")
    }
    assert drafts[1]["answers"] == "{}" and drafts[1]["selection"] == "[]"
    assert drafts[1]["position"] == 1 and isinstance(drafts[1]["sealed"], bytes)
    assert drafts[2]["answers"] == '{"0": 3}' and drafts[2]["sealed"] is None
    assert s.repos.surveys.keys.survey_ids() == [1]
    resumed = await s.begin(1, 2)
    assert resumed.index == 1 and resumed.response.answers == {0: 3}
    finished = await db.fetch_all("SELECT survey_id FROM survey_responses ORDER BY survey_id")
    assert [row[0] for row in finished] == [1, 2, 3]
