"""Retries for the bot's direct replies when Telegram says "later" (429) or stumbles (5xx).

Without it a reply that hits flood control or a server hiccup is simply lost. Long polling is
left alone: aiogram's polling loop already backs off on its own errors.
"""

from __future__ import annotations

import asyncio
import logging
import random

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import AnswerCallbackQuery, GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType as T

log = logging.getLogger(__name__)

# The request middleware signature, short: the next step, and the Bot API method it sends.
Next = NextRequestMiddlewareType
Method = TelegramMethod


class RetryRequests(BaseRequestMiddleware):
    """Waits the retry_after Telegram asks for, and backs off with jitter on 5xx/network errors.

    A network error can hide a request that did arrive, so a retried send may rarely be
    duplicated; for a direct reply that beats losing it.
    """

    def __init__(
        self, attempts: int = 4, base_delay: float = 0.5, max_retry_after: float = 60.0
    ) -> None:
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_retry_after = max_retry_after

    async def __call__(self, make_request: Next[T], bot: Bot, method: Method[T]) -> Response[T]:
        if method.__api_method__ == GetUpdates.__api_method__:
            return await make_request(bot, method)
        attempt = 1
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt >= self.attempts or exc.retry_after > self.max_retry_after:
                    raise
                delay = float(exc.retry_after)
                error: Exception = exc
            except (TelegramServerError, TelegramNetworkError) as exc:
                if attempt >= self.attempts:
                    raise
                delay = self.base_delay * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)
                error = exc
            log.warning(
                "%s failed (%s); retry %d/%d in %.1fs",
                type(method).__name__,
                error,
                attempt,
                self.attempts - 1,
                delay,
            )
            await asyncio.sleep(delay)
            attempt += 1


class TolerateExpiredCallbacks(BaseRequestMiddleware):
    """Answering a button press that is too old to answer is not a failure of the handler.

    It happens when an update is handled again after a crash (its first handling answered it,
    or too much time passed), or when a retried answer had in fact arrived. The spinner is
    long gone by then; the rest of the handler (editing the card, recording the choice) must
    still run, so the answer is reported as done instead of raising.
    """

    EXPIRED = ("query is too old", "query id is invalid")

    async def __call__(self, make_request: Next[T], bot: Bot, method: Method[T]) -> Response[T]:
        if method.__api_method__ != AnswerCallbackQuery.__api_method__:
            return await make_request(bot, method)
        try:
            return await make_request(bot, method)
        except TelegramBadRequest as exc:
            if not any(marker in exc.message.lower() for marker in self.EXPIRED):
                raise
            log.info("A button press was too old to answer (%s); handling goes on", exc.message)
            return Response[T](ok=True, result=True)
