"""Scope filters that sit on parent routers."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject, User

from bot.config import Settings


class IsOrganiser(Filter):
    """The sender's Telegram id is in ADMIN_IDS (read per update: settings come from the app)."""

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids
