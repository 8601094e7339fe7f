"""Stopping the scheduler lets a running job finish instead of cancelling it half-way."""

from __future__ import annotations

import asyncio

from bot.scheduler import Scheduler


async def test_stop_waits_for_the_running_job_and_starts_no_new_one():
    started, release = asyncio.Event(), asyncio.Event()
    runs: list[str] = []

    async def job() -> None:
        runs.append("started")
        started.set()
        await release.wait()
        runs.append("finished")

    scheduler = Scheduler()
    scheduler.every(job, "test-job", minutes=0.001)  # due again at once, if it were allowed
    scheduler.start()
    await asyncio.wait_for(started.wait(), 5)
    stopping = asyncio.create_task(scheduler.stop())
    await asyncio.sleep(0)  # let stop() pause the scheduler before the job is released
    assert not stopping.done()
    release.set()
    await asyncio.wait_for(stopping, 5)
    assert runs == ["started", "finished"]
    assert not scheduler.scheduler.running
