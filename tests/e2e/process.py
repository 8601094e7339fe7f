"""The real `python -m bot` as a child process, for the end-to-end tests and the soak run."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator

ROOT = Path(__file__).parents[2]
START_TIMEOUT = 30.0


def child_env(*variables: Mapping[str, str]) -> dict[str, str]:
    """The environment of a `python -m bot` child: our PATH, HOME and LANG, this checkout on
    PYTHONPATH, output unbuffered, then `variables` in order."""
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    for more in variables:
        env.update(more)
    return env


async def run_bot(
    *args: str, workdir: Path, env: dict[str, str], output: int | IO[Any]
) -> asyncio.subprocess.Process:
    """Start `python -m bot ARGS`; stdout and stderr both go to `output`."""
    # cwd is the caller's own folder, so the developer's .env is never read.
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=workdir,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=output,
        stderr=asyncio.subprocess.STDOUT,
    )


class BotProcess:
    """One `python -m bot` child process; its log goes to a file the test can read."""

    def __init__(self, emulator: BotAPIEmulator, workdir: Path, env: dict[str, str]) -> None:
        self.emulator = emulator
        self.workdir = workdir
        self.env = env
        self.log_path = workdir / "bot.log"
        self.process: asyncio.subprocess.Process | None = None
        self.runs = 0

    def base_env(self, **overrides: str) -> dict[str, str]:
        test_settings = {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": self.emulator.base_url,
            "DATABASE_PATH": str(self.workdir / "data" / "bot.sqlite3"),
            "ADMIN_IDS": str(ORGANISER_ID),
            "LOG_LEVEL": "INFO",
            "THROTTLE_RATE": "0",  # simulated users answer faster than people; see test_throttle
        }
        return child_env(test_settings, self.env, overrides)

    async def spawn(self, **overrides: str) -> asyncio.subprocess.Process:
        """Start the process without waiting for it to be ready (for configuration errors)."""
        self.runs += 1
        with self.log_path.open("ab") as log:
            log.write(f"--- run {self.runs} ---\n".encode())
            log.flush()
            self.process = await run_bot(
                workdir=self.workdir, env=self.base_env(**overrides), output=log
            )
        return self.process

    async def command(self, *args: str, **overrides: str) -> tuple[int, str]:
        """Run `python -m bot <args>` (check, backup) with the bot's environment; its exit
        code and output."""
        process = await run_bot(
            *args,
            workdir=self.workdir,
            env=self.base_env(**overrides),
            output=asyncio.subprocess.PIPE,
        )
        output, _ = await asyncio.wait_for(process.communicate(), START_TIMEOUT)
        assert process.returncode is not None
        return process.returncode, output.decode()
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
