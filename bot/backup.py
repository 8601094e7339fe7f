"""Consistent copies of the live database with SQLite's online backup API.

The copy is taken through a connection of its own, in one step, while the bot keeps
writing (WAL mode lets readers and the writer work side by side). That step is a read
transaction on the live file, and while it lasts the bot cannot empty its WAL (after an
erasure, storage/database.py): one step keeps it as short as it can be (in steps, SQLite
would also start again whenever the bot wrote in between), and the connection is closed
as soon as the copy is taken, before the copy is checked. The copy is written to a
temporary file, checked with `PRAGMA integrity_check`, and only then renamed into place, so
a backup file is either complete or absent. A copy is one self-contained file readable by
its owner only (0600), in a folder the backup creates owner-only (0700): it holds personal
data. Nothing but the copies stays in the folder.

The daily copies are named `bot-daily-…` and are the only ones the rotation deletes; a copy
an operator made with `python -m bot backup DIR/` (`bot-…`) is theirs to keep.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.clock import Clock, system_clock

log = logging.getLogger(__name__)

PREFIX = "bot-"  # copies made on demand
DAILY_PREFIX = "bot-daily-"  # copies made by the schedule: the only ones rotated
SUFFIX = ".sqlite3"
PARTIAL = ".partial"
# Files SQLite may put beside a database while it is open.
SIDE_FILES = ("-journal", "-wal", "-shm")
# A partial copy this old belongs to no running backup: a crash left it.
STALE_PARTIAL_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int


class BackupError(Exception):
    """The copy could not be made or did not pass the integrity check."""


def make_folder(folder: Path) -> None:
    """A folder for backups; one made here is the owner's only (0700)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def backup_to(
    source: Path, target: Path, prefix: str = PREFIX, clock: Clock = system_clock
) -> Backup:
    """Copy the database at `source` to `target` (a file, or a folder to put a dated file in)."""
    if not source.exists():
        raise BackupError(f"there is no database at {source}")
    if target.is_dir():
        target = target / _dated_name(clock(), prefix)
    partial = target.with_name(target.name + PARTIAL)
    try:
        make_folder(target.parent)
        _remove_with_side_files(partial)
        _create_private(partial)
        with closing(_connect(partial)) as dst:
            with closing(_connect(source)) as src:
                src.backup(dst, pages=-1)
            # The copy inherits the live file's WAL mode, which would leave -wal and -shm
            # files beside it; a backup is a single file.
            dst.execute("PRAGMA journal_mode=DELETE")
            (verdict,) = dst.execute("PRAGMA integrity_check").fetchone()
            if verdict != "ok":
                raise BackupError(f"the copy failed the integrity check: {verdict}")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(str(exc)) from exc
    finally:
        _remove_with_side_files(partial)
    return Backup(target, target.stat().st_size)


def _create_private(path: Path) -> None:
    # SQLite keeps the mode of a file that exists and gives its journal the same mode.
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _remove_with_side_files(path: Path) -> None:
    for name in (path.name, *(path.name + side for side in SIDE_FILES)):
        path.with_name(name).unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=30)
    connection.execute("PRAGMA busy_timeout = 30000")
    return connection


def _dated_name(moment: datetime, prefix: str = PREFIX) -> str:
    return f"{prefix}{moment:%Y%m%d-%H%M%S}{SUFFIX}"


def backups_in(folder: Path) -> list[Path]:
    """Backups made by the schedule, oldest first (their names sort by time)."""
    return sorted(folder.glob(f"{DAILY_PREFIX}*{SUFFIX}"))


def remove_leftovers(folder: Path) -> None:
    """Deletes what interrupted copies left (a crash; earlier versions left -wal and -shm
    files beside every copy): partial files no backup is writing any more, and side files of
    partial files that are gone."""
    stale = time.time() - STALE_PARTIAL_SECONDS
    for path in folder.glob(f"*{SUFFIX}{PARTIAL}*"):
        main = path.with_name(path.name.split(PARTIAL, 1)[0] + PARTIAL)
        # A copy running beside us may finish (and remove its files) at any moment.
        with suppress(FileNotFoundError):
            if path == main and path.stat().st_mtime < stale:
                _remove_with_side_files(path)
            elif path != main and not main.exists():
                path.unlink()


def scheduled_backup(source: Path, folder: Path, keep: int, now: datetime) -> Backup | None:
    """The daily backup: made unless one from the last 20 hours exists (restarts do not pile
    up copies), then only the newest `keep` daily copies, none older than `keep` days, are
    kept."""
    make_folder(folder)
    remove_leftovers(folder)
    existing = backups_in(folder)
    recent = _dated_name(now - timedelta(hours=20), DAILY_PREFIX)
    made = None
    if not existing or existing[-1].name < recent:
        made = backup_to(source, folder / _dated_name(now, DAILY_PREFIX))
        log.info("Backed up the database to %s (%d bytes)", made.path, made.size)
    # Newest `keep` copies, and none older than `keep` days: a copy is how long data erased
    # by /forget survives, and that must not grow because the bot was down for a while.
    oldest_kept = _dated_name(now - timedelta(days=keep), DAILY_PREFIX)
    copies = backups_in(folder)
    for old in copies[:-keep] + [c for c in copies[-keep:] if c.name < oldest_kept]:
        old.unlink()
    return made
