"""The delivery worker: sends outbox messages at a steady rate, in each recipient's language.

This is the minimal engine the courses feature needs; the delivery issue extends it
(priorities, broadcasts, progress). Policy: a message is marked `sending` before the request
and `sent` after it, so after a crash the ones caught mid-request are sent again: at most one
duplicate per message in flight, never a loss.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile

from bot.config import Locale
from bot.i18n import pick_locale
from storage.outbox import OutboxMessage, OutboxRepository
from storage.users import UserRepository

log = logging.getLogger(__name__)

CAPTION_LIMIT = 1024
POLL_SECONDS = 1.0
MAX_ATTEMPTS = 5
# (file bytes, file name) of a course's calendar file in a language, or None if it is gone.
CalendarFile = Callable[[int, str], Awaitable[tuple[bytes, str] | None]]


def utcnow() -> datetime:
    return datetime.now(UTC)


class DeliveryWorker:
    def __init__(
        self,
        bot: Bot,
        outbox: OutboxRepository,
        users: UserRepository,
        calendar_file: CalendarFile,
        default_locale: Locale,
        rate: float,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.bot = bot
        self.outbox = outbox
        self.users = users
        self.calendar_file = calendar_file
        self.default_locale = default_locale
        self.interval = 1.0 / rate
        self.clock = clock
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="delivery-worker")

    def wake(self) -> None:
        """New messages were queued: look now instead of at the next poll."""
        self._wake.set()

    async def stop(self) -> None:
        """Finish the message being sent, then stop."""
        self._stopping.set()
        self._wake.set()
        if self._task is not None:
            await self._task

    async def _run(self) -> None:
        recovered = await self.outbox.recover()
        if recovered:
            log.warning("Re-sending %d message(s) interrupted by the last stop", recovered)
        while not self._stopping.is_set():
            try:
                sent = await self.run_once()
            except Exception:
                # Keep delivering whatever one bad row or a database hiccup did.
                log.exception("Delivery round failed")
                sent = 0
            if sent == 0 and not self._stopping.is_set():
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)

    async def run_once(self, limit: int = 20) -> int:
        """Send what is due now; returns how many messages were handled."""
        batch = await self.outbox.claim(self.clock(), limit)
        for index, message in enumerate(batch):
            if self._stopping.is_set():
                # Give the rest back untouched; the next start sends them.
                for rest in batch[index:]:
                    await self.outbox.release(rest.id, self.clock())
                return index
            await self._deliver(message)
            await asyncio.sleep(self.interval)
        return len(batch)

    async def _deliver(self, message: OutboxMessage) -> None:
        user = await self.users.get(message.user_id)
        if user is None:
            await self.outbox.finish(message.id, "cancelled", "user deleted their data")
            return
        locale = pick_locale(user.language, user.telegram_language, self.default_locale)
        texts: dict[str, str] = message.payload.get("text", {})
        text = texts.get(locale) or next(iter(texts.values()), "")
        try:
            sent_id = await self._send(message, text, locale)
        except TelegramRetryAfter as exc:
            log.warning("Flood control: pausing delivery for %ss", exc.retry_after)
            await self.outbox.release(
                message.id, self.clock() + timedelta(seconds=exc.retry_after)
            )
            await asyncio.sleep(exc.retry_after)
        except TelegramForbiddenError as exc:
            await self.outbox.finish(message.id, "blocked", str(exc))
            await self.users.set_active(message.user_id, False)
        except TelegramBadRequest as exc:
            await self.outbox.finish(message.id, "failed", str(exc))
        except (TelegramServerError, TelegramNetworkError) as exc:
            if message.attempts + 1 >= MAX_ATTEMPTS:
                await self.outbox.finish(message.id, "failed", str(exc))
            else:
                delay = 2 ** (message.attempts + 1) * random.uniform(0.5, 1.5)
                await self.outbox.retry_later(
                    message.id, self.clock() + timedelta(seconds=delay), str(exc)
                )
        else:
            await self.outbox.finish(message.id, "sent", tg_message_id=sent_id)

    async def _send(self, message: OutboxMessage, text: str, locale: str) -> int:
        course_id = message.payload.get("ics_course_id")
        attachment = await self.calendar_file(int(course_id), locale) if course_id else None
        if attachment is None:
            return (await self.bot.send_message(message.user_id, text)).message_id
        data, name = attachment
        document = BufferedInputFile(data, filename=name)
        if len(text) <= CAPTION_LIMIT:
            # One message, so the text and its calendar file can never be separated.
            sent = await self.bot.send_document(message.user_id, document, caption=text)
            return sent.message_id
        await self.bot.send_message(message.user_id, text)
        return (await self.bot.send_document(message.user_id, document)).message_id
