"""A database as an earlier version of the bot left it, for the tests of a migration."""

from __future__ import annotations

import shutil
from pathlib import Path

from storage.database import MIGRATIONS_DIR, Database


async def database_before(tmp_path: Path, migration: str) -> Database:
    """A connected database with the migrations numbered below `migration` ("016") applied;
    its `migrate()` then applies the rest."""
    folder = tmp_path / "old-migrations"
    folder.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("0*.sql")):
        if path.name < migration:
            shutil.copy(path, folder / path.name)
    db = Database(tmp_path / "bot.sqlite3")
    await db.connect()
    await db.migrate(folder)
    return db
