"""/forget against the real process: a restored backup does not bring a person back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import steps
from tests.e2e.conftest import BotProcess

pytestmark = pytest.mark.e2e


def restore(backup: Path, database: Path) -> None:
    """The README's procedure: delete the WAL and SHM files, copy the backup over."""
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(backup.read_bytes())


def stored(database: Path) -> bytes:
    return b"".join(
        path.read_bytes() for path in (database, Path(f"{database}-wal")) if path.exists()
    )


async def test_restoring_a_backup_taken_before_forget_erases_the_person_again_at_start(
    bot: BotProcess, make_user
):
    """Issue 11: a restore brought back everyone who had asked to be forgotten since."""
    await bot.start()
    user = make_user(1101, "Aigerim", "ru")
    await steps.fill_russian_profile(user)
    backup = bot.workdir / "before-forget.sqlite3"
    code, output = await bot.command("backup", str(backup))
    assert code == 0, output
    user.send("/forget")
    await user.expect("Удалить ваши персональные данные?")
    user.press("Да, удалить")
    await user.expect_edit("Ваши персональные данные удалены.")
    assert await bot.stop() == 0

    database = bot.workdir / "data" / "bot.sqlite3"
    name = "Садыкова Айгерим Нурлановна".encode()
    assert name not in stored(database)
    restore(backup, database)
    assert name in stored(database)  # the old copy has the person again
    await bot.start()
    user.send("/profile")
    await user.expect("Пожалуйста, отправьте /start, чтобы начать.")
    assert await bot.stop() == 0
    assert name not in stored(database)
    assert "Erased 1 user(s) again" in bot.log()
