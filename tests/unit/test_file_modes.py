"""The database, its WAL and its shared-memory file are readable by the owner only."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from storage.database import Database


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(path: Path) -> dict[str, int]:
    return {
        name: stat.S_IMODE(Path(f"{path}{name}").stat().st_mode)
        for name in ("", "-wal", "-shm")
        if Path(f"{path}{name}").exists()
    }


def world_readable_database(path: Path) -> None:
    """A database (and WAL) made before the fix, with wider modes."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (v TEXT)")
    conn.close()
    path.chmod(0o644)
    Path(f"{path}-wal").write_bytes(b"")
    Path(f"{path}-wal").chmod(0o666)


@pytest.mark.usefixtures("umask_022")
async def test_database_wal_and_shm_are_readable_by_the_owner_only(tmp_path):
    """Issue 11: the database and its WAL were created world-readable (0644)."""
    path = tmp_path / "bot.sqlite3"
    async with Database(path) as db:
        await db.write("CREATE TABLE t (v TEXT)")
        assert modes(path) == {"": 0o600, "-wal": 0o600, "-shm": 0o600}


@pytest.mark.usefixtures("umask_022")
async def test_an_existing_database_with_wider_modes_is_narrowed_on_connect(tmp_path):
    """Issue 11: a file created before the fix stays world-readable unless narrowed."""
    path = tmp_path / "older.sqlite3"
    world_readable_database(path)
    async with Database(path):
        assert set(modes(path).values()) == {0o600}


@pytest.mark.usefixtures("umask_022")
async def test_the_folder_the_database_is_created_in_is_the_owners_only(tmp_path):
    """Issue 11 (audit): DATABASE_PATH's folder, made by the bot, was 0755."""
    path = tmp_path / "data" / "bot.sqlite3"
    async with Database(path):
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
