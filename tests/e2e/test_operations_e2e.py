"""Operations commands of the real process: `python -m bot check` and `python -m bot backup`
taken while the bot runs and writes, restored, and read back."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e


async def test_check_reports_each_step_and_exits_zero_when_all_is_well(bot: BotProcess):
    code, output = await bot.command("check")
    lines = output.strip().splitlines()
    assert code == 0, output
    assert [line.split()[0] for line in lines] == ["ok", "ok", "ok"]
    assert "schema version" in lines[1] and "getMe answered @" in lines[2]
    assert (bot.workdir / "data" / "bot.sqlite3").exists()  # created and migrated


async def test_check_fails_with_the_reason_when_telegram_or_the_config_is_wrong(
    bot: BotProcess,
):
    code, output = await bot.command("check", TELEGRAM_API_URL="http://127.0.0.1:9")
    assert code == 1 and output.strip().splitlines()[-1].startswith("FAIL Telegram:"), output
    code, output = await bot.command("check", BROADCAST_RATE="fast")
    assert code == 2 and output.startswith("FAIL configuration: "), output
    assert "BROADCAST_RATE must be a number" in output
    code, output = await bot.command("check", BOT_TOKEN="123456:wrong-token-value-xyz")
    assert code == 1 and "FAIL Telegram: BOT_TOKEN was rejected" in output, output


async def test_a_backup_taken_while_the_bot_writes_restores_completely(
    bot: BotProcess, emulator: BotAPIEmulator, make_user
):
    await bot.start()
    users = [make_user(5000 + n, f"Officer{n}", "en") for n in range(40)]
    for user in users[:20]:
        user.send("/start")
    # While these are being handled, the backup runs against the live file.
    copy = bot.workdir / "backups" / "copy.sqlite3"
    code, output = await bot.command("backup", str(copy))
    assert code == 0 and "integrity ok" in output, output
    for user in users[:20]:
        await user.expect("language")
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        backed_up = connection.execute("SELECT COUNT(*) FROM users").fetchone()[0]
    assert backed_up <= 20
    for user in users[20:]:
        user.send("/start")
        await user.expect("language")

    # Restore (README): stop, replace the file (and drop its -wal/-shm), start.
    assert await bot.stop() == 0
    live = bot.workdir / "data" / "bot.sqlite3"
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    shutil.copy(copy, live)
    await bot.start()
    with sqlite3.connect(live) as connection:
        assert connection.execute("SELECT COUNT(*) FROM users").fetchone()[0] == backed_up
    users[0].send("/help")
    await users[0].expect("/courses")


async def test_a_backup_into_a_new_folder_gets_a_dated_file(bot: BotProcess):
    assert (await bot.command("check"))[0] == 0  # creates the database
    code, output = await bot.command("backup", "backups/")
    assert code == 0, output
    (made,) = (bot.workdir / "backups").glob("bot-*.sqlite3")
    assert f"backed up to backups/{made.name}" in output


async def test_a_backup_of_a_missing_database_says_so(bot: BotProcess, tmp_path):
    code, output = await bot.command("backup", str(tmp_path / "x.sqlite3"))
    assert code == 1 and "there is no database" in output, output
