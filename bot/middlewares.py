"""Outer middlewares: per-update context (user row, translator) and in-flight tracking."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.config import Locale
from bot.i18n import Localizations, pick_locale
from bot.services.profiles import ProfileService
from bot.ui.context import UpdateContext

log = logging.getLogger(__name__)

# /start, /start@bot, /start c12: the one command that (re)creates a forgotten person's row.
_START = re.compile(r"^/start(@\w+)?(\s|$)")

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class UserContextMiddleware(BaseMiddleware):
    """Refreshes the row of the user who sent the update and gives handlers `user` (None when
    the bot holds no row for them: see handlers/no_profile.py), `t`, `locale` and, when there
    is a row, `ctx` (bot/ui/context.py) with all of them and the chat to answer in."""

    def __init__(
        self,
        profiles: ProfileService,
        localizations: Localizations,
        default_locale: Locale,
        default_timezone: str,
    ) -> None:
        self.profiles = profiles
        self.localizations = localizations
        self.default_locale = default_locale
        self.default_timezone = default_timezone

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        sender: User | None = data.get("event_from_user")
        user = None
        if sender is not None and not sender.is_bot:
            update = event if isinstance(event, Update) else None
            message = update.message if update else None
            button = update.callback_query if update else None
            # Only a private chat is talking to the bot: a group gets one pointer there
            # (handlers/groups.py) and leaves no row behind.
            chat = data.get("event_chat")
            private = chat is None or chat.type == "private"
            user = await self.profiles.seen(
                sender.id,
                sender.language_code,
                talking=(message is not None or button is not None) and private,
                starting=message is not None and _START.match(message.text or "") is not None,
                username=sender.username,
            )
        locale = pick_locale(
            user.language if user else None,
            sender.language_code if sender else None,
            self.default_locale,
        )
        t = self.localizations.get(locale)
        data["user"] = user
        data["locale"] = locale
        data["t"] = t
        if user is not None:
            # Answers go to the chat of the message or the button; the sender's own chat when
            # the button's message is too old for Telegram to say where it was.
            chat = data.get("event_chat")
            chat_id = chat.id if chat is not None else user.id
            data["ctx"] = UpdateContext(data["bot"], chat_id, user, t, self.default_timezone)
        return await handler(event, data)


class InFlightMiddleware(BaseMiddleware):
    """Counts updates being handled, so shutdown can let them finish before closing storage."""

    def __init__(self) -> None:
        self._active = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.last_update_id: int | None = None

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if isinstance(event, Update):
            self.last_update_id = max(self.last_update_id or 0, event.update_id)
        self._active += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self._active -= 1
            if self._active == 0:
                self._idle.set()

    async def wait_idle(self, grace: float) -> bool:
        """Wait until no update is being handled; False if some were still running at timeout."""
        try:
            await asyncio.wait_for(self._idle.wait(), grace)
        except TimeoutError:
            log.warning("%d update(s) still running at shutdown", self._active)
            return False
        return True
