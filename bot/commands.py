"""The command menus Telegram shows next to the input field, in both languages."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat

from bot.i18n import Localizations

log = logging.getLogger(__name__)

PARTICIPANT_COMMANDS = (
    "start",
    "courses",
    "my",
    "surveys",
    "profile",
    "language",
    "help",
    "cancel",
)
# Only organisers see these in their menu and /help; the catch-all logs anyone else's attempt.
ORGANISER_COMMANDS = (
    "newcourse",
    "admin",
    "announce",
    "announcements",
    "newsurvey",
    "results",
    "stats",
    "audit",
)


def commands(localizations: Localizations, locale: str, organiser: bool) -> list[BotCommand]:
    t = localizations.get(locale)
    names = PARTICIPANT_COMMANDS + (ORGANISER_COMMANDS if organiser else ())
    return [BotCommand(command=name, description=t(f"cmd-{name}")) for name in names]


async def register_commands(
    bot: Bot, localizations: Localizations, admin_ids: frozenset[int], default_locale: str
) -> None:
    """Default scope in the default language, Russian for `ru` clients; organisers get theirs
    through a per-chat scope. A failure here must not stop the bot from answering users."""
    try:
        await bot.set_my_commands(commands(localizations, default_locale, organiser=False))
        for locale in localizations.locales:
            await bot.set_my_commands(
                commands(localizations, locale, organiser=False), language_code=locale
            )
    except TelegramAPIError as exc:
        log.warning("Could not register the command menu: %s", exc)
    for admin_id in sorted(admin_ids):
        await register_organiser_commands(bot, localizations, admin_id, default_locale)


async def register_organiser_commands(
    bot: Bot, localizations: Localizations, admin_id: int, default_locale: str
) -> None:
    scope = BotCommandScopeChat(chat_id=admin_id)
    try:
        await bot.set_my_commands(
            commands(localizations, default_locale, organiser=True), scope=scope
        )
        for locale in localizations.locales:
            await bot.set_my_commands(
                commands(localizations, locale, organiser=True), scope=scope, language_code=locale
            )
    except TelegramAPIError as exc:
        # Usually "chat not found": the organiser has not opened the bot yet; /start retries.
        log.warning("Could not set organiser commands for %s: %s", admin_id, exc)
