"""APScheduler holds timers only (memory job store, rebuilt at start); what a job acts on
lives in SQLite. Jobs are plain coroutines looked up by deterministic ids."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import system_clock

Job = Callable[..., Awaitable[Any]]


class Scheduler:
    """An AsyncIOScheduler that can stop without cutting a running job in half.

    APScheduler 3 cancels the asyncio tasks of running jobs on shutdown; jobs here first
    stop being started, then the running ones finish, then the scheduler shuts down.
    """

    def __init__(self) -> None:
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._running: set[asyncio.Task[Any]] = set()

    def _tracked(self, job: Job) -> Job:
        async def run(*args: Any, **kwargs: Any) -> Any:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                return await job(*args, **kwargs)
            finally:
                if task is not None:
                    self._running.discard(task)

        return run

    def every(self, job: Job, job_id: str, minutes: float) -> None:
        """Run `job` now and then every `minutes`; missed runs collapse into one. "Now" is the
        wall clock's: APScheduler fires on it, whatever clock the services are given."""
        self._add(
            job, job_id, "interval", minutes=minutes, next_run_time=system_clock(), coalesce=True
        )

    def at(self, job: Job, job_id: str, when: datetime, *args: Any) -> None:
        """Run `job(*args)` once at `when`; if the bot was down then, as soon as it is up."""
        self._add(job, job_id, "date", run_date=when, args=args)

    def _add(self, job: Job, job_id: str, trigger: str, **options: Any) -> None:
        """A job under a deterministic id (replacing one of the same id) that runs however
        late it comes (the misfire policy: never skipped)."""
        self.scheduler.add_job(
            self._tracked(job),
            trigger,
            id=job_id,
            replace_existing=True,
            misfire_grace_time=None,
            **options,
        )

    def remove(self, job_id: str) -> None:
        """Drop a timer if it is still there (a fired date job is gone already)."""
        with contextlib.suppress(JobLookupError):
            self.scheduler.remove_job(job_id)

    def start(self) -> None:
        self.scheduler.start()

    async def stop(self) -> None:
        if not self.scheduler.running:
            return
        self.scheduler.pause()
        await asyncio.gather(*self._running, return_exceptions=True)
        self.scheduler.shutdown(wait=False)
