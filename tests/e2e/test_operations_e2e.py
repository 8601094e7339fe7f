"""Operations commands of the real process: `python -m bot check` and `python -m bot backup`
taken while the bot runs and writes, restored, and read back."""

from __future__ import annotations

import re
import shutil
import sqlite3
import stat
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp import web

from tests.conftest import TEST_TOKEN
from tests.e2e import steps
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


async def test_a_backup_folder_holds_only_the_copy_and_only_its_owner_can_read_it(
    bot: BotProcess,
):
    """Issue 11: `backup DIR/` left .partial-wal and .partial-shm files beside the copy, and
    the copy and its folder were readable by everyone."""
    assert (await bot.command("check"))[0] == 0
    for _ in range(2):
        code, output = await bot.command("backup", "backups/")
        assert code == 0, output
    folder = bot.workdir / "backups"
    copies = sorted(folder.iterdir())
    assert all(re.fullmatch(r"bot-\d{8}-\d{6}\.sqlite3", p.name) for p in copies), copies
    assert {stat.S_IMODE(p.stat().st_mode) for p in copies} == {0o600}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# What a server that is not a Bot API answers; each case is a path below its base URL.
NOT_BOT_API = {
    "html": lambda request: web.Response(
        text="<html><head><title>Welcome to nginx!</title></head><body>...</body></html>",
        content_type="text/html",
    ),
    "404": lambda request: web.Response(status=404, text="404: Not Found"),
    "invalid-json": lambda request: web.Response(
        text='{"ok": true, "result": {', content_type="application/json"
    ),
    "getme-without-is-bot": lambda request: web.json_response(
        {"ok": True, "result": {"id": 7, "first_name": "Proxy", "username": "proxy"}}
    ),
}


@pytest_asyncio.fixture
async def other_server() -> AsyncIterator[str]:
    """A local HTTP server that is not a Bot API (a proxy, a wrong path); its base URL. The
    first path segment picks the answer; `/loop` redirects to itself forever."""

    async def answer(request: web.Request) -> web.StreamResponse:
        case = request.match_info["case"]
        if case == "loop":
            raise web.HTTPFound(request.path)
        return NOT_BOT_API[case](request)

    app = web.Application()
    app.router.add_route("*", "/{case}/{tail:.*}", answer)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    yield f"http://{host}:{port}"
    await runner.cleanup()


def run_output(bot: BotProcess) -> list[str]:
    return bot.log().split("--- run 1 ---\n", 1)[1].strip().splitlines()


@pytest.mark.parametrize("case", sorted(NOT_BOT_API))
async def test_check_fails_in_one_line_when_telegram_api_url_is_not_a_bot_api(
    bot: BotProcess, other_server: str, case: str
):
    """Issue 11: a 404 page or a proxy's HTML made `check` crash with a ClientDecodeError
    traceback and no FAIL line."""
    url = f"{other_server}/{case}"
    code, output = await bot.command("check", TELEGRAM_API_URL=url)
    lines = output.strip().splitlines()
    assert code == 1, output
    assert [line.split()[0] for line in lines] == ["ok", "ok", "FAIL"], output
    assert lines[2].startswith(f"FAIL Telegram: TELEGRAM_API_URL={url} ")
    assert "not answer getMe as a Bot API does" in lines[2]


@pytest.mark.parametrize("case", sorted(NOT_BOT_API))
async def test_the_bot_exits_with_one_line_when_telegram_api_url_is_not_a_bot_api(
    bot: BotProcess, other_server: str, case: str
):
    """Issue 11: the bot crashed with a multi-line ClientDecodeError traceback instead."""
    url = f"{other_server}/{case}"
    await bot.spawn(TELEGRAM_API_URL=url)
    assert await bot.wait_exit() == 1
    (line,) = run_output(bot)
    assert line.startswith(f"TELEGRAM_API_URL={url} did not answer getMe as a Bot API does")


@pytest.mark.parametrize("path", ["http://127.0.0.1:99999", "/loop"])
async def test_no_error_line_of_check_or_start_up_shows_the_token(
    bot: BotProcess, other_server: str, path: str
):
    """Issue 11: an invalid port or a redirect loop put the request URL, token included, into
    check's FAIL line and into the bot's last line."""
    url = other_server + path if path.startswith("/") else path
    code, output = await bot.command("check", TELEGRAM_API_URL=url)
    assert code == 1 and output.strip().splitlines()[-1].startswith("FAIL Telegram: "), output
    await bot.spawn(TELEGRAM_API_URL=url)
    assert await bot.wait_exit() == 1
    lines = run_output(bot)
    assert "TELEGRAM_API_URL" in lines[-1] and "Traceback" not in bot.log()
    for text in (output, bot.log()):
        assert TEST_TOKEN.split(":")[1] not in text
        assert "[BOT_TOKEN]" in text  # the URL is there, without its secret


async def test_a_debug_run_logs_no_personal_data_and_no_token(bot: BotProcess, make_user):
    """Issue 11: at LOG_LEVEL=DEBUG aiosqlite logged every SQL statement with its values, so
    names and e-mails of everyone who signed up ended up in the log."""
    await bot.start(LOG_LEVEL="DEBUG")
    user = make_user(7101, "Tamar", "en")
    user.send("/profile")
    user.press("✅ I agree", await user.expect("Before we store your profile"))
    await steps.answer_profile_questions(
        user,
        [
            "Tamar Zhvania-Kvirikashvili",
            "Georgia",
            "Revenue Service of Georgia",
            "Chief inspector",
        ],
    )
    await user.expect("e-mail")
    user.send("t.zhvania@rs.example.ge")
    await user.expect("Your profile is saved")
    assert await bot.stop() == 0
    log = bot.log()
    for secret in ("Zhvania", "t.zhvania@rs.example.ge", TEST_TOKEN.split(":")[1]):
        assert secret not in log
    assert "DEBUG bot.logs: The bot's modules log at DEBUG" in log  # it was a DEBUG run
