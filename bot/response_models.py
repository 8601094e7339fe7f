"""Keep aiogram's parsed-answer models alive, so they are built once per process.

aiogram parses every Bot API answer with `Response[method.__returning__]`, a parametrised
pydantic generic. pydantic (2.13) caches those classes only weakly, so whenever the garbage
collector runs, `Response[Message]` is dropped and the next answer builds it again: ~14 ms of
CPU each time. Measured in benchmarks/broadcast.py: 32 rebuilds in 2,000 sends, a fifth of the
bot's CPU per message; replies to people pay it too. Holding one reference per answer type
makes the cache hit every time.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType


class KeepResponseModels(BaseRequestMiddleware):
    """A session middleware: the first request of each answer type keeps its model."""

    def __init__(self) -> None:
        self._kept: dict[Any, type[Any]] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in self._kept:
            self._kept[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)
