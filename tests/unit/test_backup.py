"""Scheduled backups: a consistent copy at most once a day, the newest BACKUP_KEEP kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.backup import BackupError, backup_to, backups_in, scheduled_backup


@pytest.fixture
def live(tmp_path):
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (x)")
        connection.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(1000)])
    return path


def test_a_copy_holds_everything_committed_and_passes_the_integrity_check(live, tmp_path):
    made = backup_to(live, tmp_path / "copies")  # a folder: a dated file inside
    with sqlite3.connect(made.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM t").fetchone() == (1000,)
    assert not list((tmp_path / "copies").glob("*.partial"))


def test_one_backup_a_day_and_only_the_newest_are_kept(live, tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2027, 1, 1, 3, 0, tzinfo=UTC)
    assert scheduled_backup(live, folder, keep=3, now=start) is not None
    # Hourly checks and restarts the same day make no new copy.
    for hours in range(1, 20):
        assert scheduled_backup(live, folder, 3, start + timedelta(hours=hours)) is None
    for day in range(1, 6):
        scheduled_backup(live, folder, 3, start + timedelta(days=day))
    names = [p.name for p in backups_in(folder)]
    assert names == [
        "bot-20270104-030000.sqlite3",
        "bot-20270105-030000.sqlite3",
        "bot-20270106-030000.sqlite3",
    ]


def test_a_missing_database_is_an_error_not_an_empty_copy(tmp_path):
    with pytest.raises(BackupError):
        backup_to(tmp_path / "nothing.sqlite3", tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()
