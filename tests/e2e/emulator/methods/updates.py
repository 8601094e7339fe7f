"""Bot API methods that hand updates to the bot: long polling and webhooks."""

from __future__ import annotations

import asyncio
import contextlib
import re

import aiohttp

from tests.e2e.emulator.methods import MethodFamily
from tests.e2e.emulator.model import ApiError, Files, Params, bad
from tests.e2e.emulator.params import flag, opt_int
from tests.e2e.emulator.store import UpdateQueue
from tests.e2e.emulator.waiting import Ticker


class UpdateMethods(MethodFamily):
    METHODS = ("getUpdates", "deleteWebhook", "setWebhook", "getWebhookInfo")

    def __init__(self, queue: UpdateQueue, ticker: Ticker) -> None:
        self.queue = queue
        self.ticker = ticker
        self.poll_generation = 0  # getUpdates requests so far, counted on arrival
        self.polling_waiters = 0
        # setWebhook: where updates are posted instead of being fetched with getUpdates.
        self.webhook: Params | None = None
        self.webhook_statuses: list[int] = []  # HTTP status of each delivery attempt
        self._webhook_task: asyncio.Task[None] | None = None

    async def stop(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task

    def _drop_pending(self, params: Params) -> None:
        if flag(params, "drop_pending_updates"):
            self.queue.updates.clear()

    async def delete_webhook(self, params: Params, files: Files) -> bool:
        self._drop_pending(params)
        self.webhook = None
        self.ticker.notify()
        return True

    async def set_webhook(self, params: Params, files: Files) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return await self.delete_webhook(params, files)
        if not re.match(r"^https?://", url):
            raise bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad("bad webhook: secret token contains unallowed characters")
        self._drop_pending(params)
        self.queue.allow(params)
        self.webhook = {"url": url, "secret_token": secret}
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._post_updates())
        self.ticker.notify()
        return True

    async def _post_updates(self) -> None:
        """Like Telegram: each pending update is POSTed to the webhook, one at a time and in
        order, until the bot answers 200; failures are retried after a pause."""
        async with aiohttp.ClientSession() as session:
            while not self.ticker.closing and self.webhook is not None:
                tick = self.ticker.current
                batch = self.queue.deliverable(1)
                if not batch:
                    await self.ticker.wait(tick, 1.0)
                    continue
                update, hook = batch[0], self.webhook
                headers = {}
                if hook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = str(hook["secret_token"])
                try:
                    async with session.post(
                        str(hook["url"]),
                        json=update,
                        headers=headers,
                        timeout=aiohttp.ClientTimeout(total=60),
                    ) as response:
                        await response.read()
                        status = response.status
                except (aiohttp.ClientError, TimeoutError):
                    status = 0
                self.webhook_statuses.append(status)
                self.ticker.notify()
                if status == 200:
                    self.queue.confirm(int(update["update_id"]) + 1)
                else:
                    await asyncio.sleep(0.2)

    async def get_webhook_info(self, params: Params, files: Files) -> Params:
        return {
            "url": self.webhook["url"] if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.updates),
        }

    async def get_updates(self, params: Params, files: Files) -> list[Params]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active;"
                " use deleteWebhook to delete the webhook first",
            )
        offset = opt_int(params, "offset")
        limit = min(max(opt_int(params, "limit") or 100, 1), 100)
        timeout = max(opt_int(params, "timeout") or 0, 0)
        self.queue.allow(params)
        if offset is not None:
            self.queue.confirm(offset)
        # A newer getUpdates terminates an older pending one, as on the real server.
        self.poll_generation += 1
        generation = self.poll_generation
        self.ticker.notify()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self.polling_waiters += 1
        try:
            while True:
                tick = self.ticker.current
                if generation != self.poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only"
                        " one bot instance is running",
                    )
                batch = self.queue.deliverable(limit)
                remaining = deadline - loop.time()
                if batch or self.ticker.closing or remaining <= 0:
                    return batch
                await self.ticker.wait(tick, remaining)
        finally:
            self.polling_waiters -= 1
