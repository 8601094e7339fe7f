"""Scheduled backups: a consistent copy at most once a day, the newest BACKUP_KEEP kept."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.backup import BackupError, backup_to, backups_in, scheduled_backup


@pytest.fixture
def usual_umask():
    """The umask most systems start with (022), so modes are not owner-only by accident."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


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
        "bot-daily-20270104-030000.sqlite3",
        "bot-daily-20270105-030000.sqlite3",
        "bot-daily-20270106-030000.sqlite3",
    ]


def test_no_daily_copy_outlives_backup_keep_days_even_after_the_bot_was_down(live, tmp_path):
    """Issue 11: /forget promises erased data is gone from daily copies after BACKUP_KEEP
    days; keeping the newest N by count kept old copies for as long as the bot was down."""
    folder = tmp_path / "backups"
    start = datetime(2027, 1, 1, 3, 0, tzinfo=UTC)
    for day in range(2):
        scheduled_backup(live, folder, 7, start + timedelta(days=day))
    # Down for ten days, then back: the first check makes today's copy and the old ones go.
    scheduled_backup(live, folder, 7, start + timedelta(days=12))
    assert [p.name for p in backups_in(folder)] == ["bot-daily-20270113-030000.sqlite3"]


def test_a_missing_database_is_an_error_not_an_empty_copy(tmp_path):
    with pytest.raises(BackupError):
        backup_to(tmp_path / "nothing.sqlite3", tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_backup_folder_holds_only_the_copy_readable_by_the_owner_only(
    live, tmp_path, usual_umask
):
    """Issue 11: copies were 0644, in WAL mode, with -wal and -shm files left beside them."""
    folder = tmp_path / "backups"
    folder.mkdir()
    made = backup_to(live, folder)
    assert [p.name for p in folder.iterdir()] == [made.path.name]
    assert mode(made.path) == 0o600
    with sqlite3.connect(made.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert [p.name for p in folder.iterdir()] == [made.path.name]  # reading adds nothing


def test_a_folder_the_backup_creates_is_the_owners_only(live, tmp_path, usual_umask):
    """Issue 11: the folder for the daily copies holds personal data."""
    folder = tmp_path / "backups"
    scheduled_backup(live, folder, keep=3, now=datetime(2027, 1, 1, tzinfo=UTC))
    assert mode(folder) == 0o700
    (made,) = folder.iterdir()
    assert mode(made) == 0o600


def test_the_daily_rotation_never_deletes_a_manual_backup(live, tmp_path):
    """Issue 11: `python -m bot backup DIR/` copies were pruned by BACKUP_KEEP like the daily
    ones."""
    folder = tmp_path / "backups"
    folder.mkdir()
    manual = backup_to(live, folder).path
    start = datetime(2030, 1, 1, 3, 0, tzinfo=UTC)  # later than the manual copy's name
    for day in range(5):
        scheduled_backup(live, folder, keep=2, now=start + timedelta(days=day))
    assert sorted(p.name for p in folder.iterdir()) == [
        manual.name,
        "bot-daily-20300104-030000.sqlite3",
        "bot-daily-20300105-030000.sqlite3",
    ]


def test_the_rotation_removes_what_interrupted_copies_left(live, tmp_path):
    """Issue 11: -wal/-shm files of partial copies piled up beside the backups forever."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in (
        "bot-20261201-030000.sqlite3.partial-wal",
        "bot-20261201-030000.sqlite3.partial-shm",
    ):
        (folder / name).write_bytes(b"x")
    crashed = folder / "bot-daily-20261130-030000.sqlite3.partial"
    crashed.write_bytes(b"x")
    day_old = time.time() - 25 * 3600
    os.utime(crashed, (day_old, day_old))
    running = folder / "bot-20261202-030000.sqlite3.partial"  # another copy, being written
    running.write_bytes(b"x")
    made = scheduled_backup(live, folder, keep=3, now=datetime(2026, 12, 2, 3, tzinfo=UTC))
    assert made is not None
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.path.name, running.name])
