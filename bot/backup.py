"""Consistent copies of the live database with SQLite's online backup API.

The copy is taken through a connection of its own, page by page, while the bot keeps
writing (WAL mode lets readers and the writer work side by side); it is written to a
temporary file, checked with `PRAGMA integrity_check`, and only then renamed into place, so
a backup file is either complete or absent.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

PAGES_PER_STEP = 1024  # the bot's writes get the lock between steps
PREFIX = "bot-"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int


class BackupError(Exception):
    """The copy could not be made or did not pass the integrity check."""


def backup_to(source: Path, target: Path) -> Backup:
    """Copy the database at `source` to `target` (a file, or a folder to put a dated file in)."""
    if not source.exists():
        raise BackupError(f"there is no database at {source}")
    if target.is_dir():
        target = target / _dated_name(datetime.now(UTC))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with _connect(source) as src, _connect(partial) as dst:
            src.backup(dst, pages=PAGES_PER_STEP)
            (verdict,) = dst.execute("PRAGMA integrity_check").fetchone()
            if verdict != "ok":
                raise BackupError(f"the copy failed the integrity check: {verdict}")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupError(str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return Backup(target, target.stat().st_size)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=30)
    connection.execute("PRAGMA busy_timeout = 30000")
    return connection


def _dated_name(moment: datetime) -> str:
    return f"{PREFIX}{moment:%Y%m%d-%H%M%S}{SUFFIX}"


def backups_in(folder: Path) -> list[Path]:
    """Backups made by the schedule, oldest first (their names sort by time)."""
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))


def scheduled_backup(source: Path, folder: Path, keep: int, now: datetime) -> Backup | None:
    """The daily backup: made unless one from the last 20 hours exists (restarts do not pile
    up copies), then only the newest `keep` are kept."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = backups_in(folder)
    recent = _dated_name(now - timedelta(hours=20))
    made = None
    if not existing or existing[-1].name < recent:
        made = backup_to(source, folder / _dated_name(now))
        log.info("Backed up the database to %s (%d bytes)", made.path, made.size)
    for old in backups_in(folder)[:-keep]:
        old.unlink()
    return made
