"""Level 3: the real `python -m bot` process against the Bot API emulator on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio

from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser

ROOT = Path(__file__).parents[2]
START_TIMEOUT = 30.0


class BotProcess:
    """One `python -m bot` child process; its log goes to a file the test can read."""

    def __init__(self, emulator: BotAPIEmulator, workdir: Path, env: dict[str, str]) -> None:
        self.emulator = emulator
        self.workdir = workdir
        self.env = env
        self.log_path = workdir / "bot.log"
        self.process: asyncio.subprocess.Process | None = None
        self.runs = 0

    def base_env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
        env.update(
            PYTHONPATH=str(ROOT),
            PYTHONUNBUFFERED="1",
            BOT_TOKEN=TEST_TOKEN,
            TELEGRAM_API_URL=self.emulator.base_url,
            DATABASE_PATH=str(self.workdir / "data" / "bot.sqlite3"),
            ADMIN_IDS=str(ORGANISER_ID),
            LOG_LEVEL="INFO",
            THROTTLE_RATE="0",  # simulated users answer faster than people; see test_throttle
        )
        env.update(self.env)
        return env

    async def spawn(self, **overrides: str) -> asyncio.subprocess.Process:
        """Start the process without waiting for it to be ready (for configuration errors)."""
        env = self.base_env()
        env.update(overrides)
        self.runs += 1
        log = self.log_path.open("ab")
        log.write(f"--- run {self.runs} ---\n".encode())
        log.flush()
        # cwd is the test's own folder, so the developer's .env is never read.
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=self.workdir,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        log.close()
        return self.process

    async def command(self, *args: str, **overrides: str) -> tuple[int, str]:
        """Run `python -m bot <args>` (check, backup) with the bot's environment; its exit
        code and output."""
        env = self.base_env()
        env.update(overrides)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *args,
            cwd=self.workdir,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await asyncio.wait_for(process.communicate(), START_TIMEOUT)
        assert process.returncode is not None
        return process.returncode, output.decode()

    async def start(self, **overrides: str) -> None:
        """Start and wait until the bot is polling for updates (or has set its webhook)."""
        polls_before = self.emulator.poll_generation
        calls_before = len(self.emulator.calls)
        webhook = bool({**self.env, **overrides}.get("WEBHOOK_URL"))
        process = await self.spawn(**overrides)
        # Ready = its first long poll has arrived (it is answered only when an update comes),
        # or in webhook mode its setWebhook call (made once it listens).
        ready = (
            self.emulator.wait_for_call("setWebhook", timeout=START_TIMEOUT, since=calls_before)
            if webhook
            else self.emulator.wait_for(
                lambda: self.emulator.poll_generation > polls_before, timeout=START_TIMEOUT
            )
        )
        polling = asyncio.ensure_future(ready)
        exited = asyncio.ensure_future(process.wait())
        done, _ = await asyncio.wait({polling, exited}, return_when=asyncio.FIRST_COMPLETED)
        if exited in done:
            polling.cancel()
            raise AssertionError(f"bot exited with {process.returncode}:\n{self.log()}")
        exited.cancel()
        polling.result()

    async def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 30) -> int:  # noqa: ASYNC109
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        return await asyncio.wait_for(self.process.wait(), timeout)

    async def wait_exit(self, timeout: float = START_TIMEOUT) -> int:  # noqa: ASYNC109
        assert self.process is not None
        return await asyncio.wait_for(self.process.wait(), timeout)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@pytest_asyncio.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator(TEST_TOKEN) as emu:
        yield emu


@pytest_asyncio.fixture
async def bot(emulator: BotAPIEmulator, tmp_path: Path) -> AsyncIterator[BotProcess]:
    """A configured bot process (not started: tests call start() with what they need)."""
    process = BotProcess(emulator, tmp_path, {})
    yield process
    if process.process is not None and process.process.returncode is None:
        process.process.kill()
        await process.process.wait()


@pytest_asyncio.fixture
async def running_bot(bot: BotProcess) -> BotProcess:
    await bot.start()
    return bot


@pytest.fixture
def make_user(emulator: BotAPIEmulator) -> Callable[..., FakeUser]:
    def make(
        user_id: int, first_name: str = "Nodira", language_code: str | None = "ru"
    ) -> FakeUser:
        return FakeUser(emulator, user_id, first_name=first_name, language_code=language_code)

    return make
