"""The command menus Telegram shows next to the input field, in both languages."""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)

from bot.i18n import Localizations
from bot.web.auth import mini_app_url

log = logging.getLogger(__name__)

PARTICIPANT_COMMANDS = (
    "start",
    "menu",
    "courses",
    "my",
    "surveys",
    "certificates",
    "verify",
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
    "requests",
    "focalpoints",
    "questions",
    "dashboard",
)
# A national focal point's own command, in their menu while they are one (chat scope).
FOCAL_POINT_COMMANDS = ("nominate",)


def commands(
    localizations: Localizations, locale: str, organiser: bool, focal_point: bool = False
) -> list[BotCommand]:
    t = localizations.get(locale)
    names = (
        PARTICIPANT_COMMANDS
        + (FOCAL_POINT_COMMANDS if focal_point else ())
        + (ORGANISER_COMMANDS if organiser else ())
    )
    return [BotCommand(command=name, description=t.plain(f"cmd-{name}")) for name in names]


async def register_commands(
    bot: Bot,
    localizations: Localizations,
    organisers: Mapping[int, str | None],
    default_locale: str,
    focal_points: Collection[int] = (),
    dashboard_url: str | None = None,
) -> None:
    """Default scope in the default language, Russian for `ru` clients; organisers get theirs
    through a per-chat scope, in the language they chose in the bot if they did (with
    /nominate for an organiser who is also a focal point, `focal_points`). A failure here
    must not stop the bot from answering users."""
    try:
        await bot.set_my_commands(commands(localizations, default_locale, organiser=False))
        for locale in localizations.locales:
            await bot.set_my_commands(
                commands(localizations, locale, organiser=False), language_code=locale
            )
    except TelegramAPIError as exc:
        log.warning("Could not register the command menu: %s", exc)
    for admin_id, chosen in sorted(organisers.items()):
        await register_chat_commands(
            bot,
            localizations,
            admin_id,
            chosen,
            organiser=True,
            default_locale=default_locale,
            focal_point=admin_id in focal_points,
            dashboard_url=dashboard_url,
        )


async def register_chat_commands(
    bot: Bot,
    localizations: Localizations,
    chat_id: int,
    chosen: str | None,
    *,
    organiser: bool,
    default_locale: str,
    focal_point: bool = False,
    dashboard_url: str | None = None,
) -> None:
    """One person's menu in the language they chose in the bot, whatever their Telegram app
    speaks; before they choose, an organiser's menu follows the app's language like the
    default one. Best effort: a refusal (429, 5xx, "chat not found") leaves the menu as it was
    and is only logged, so a language change or /start never fails because of it.
    `focal_point`: the menu has /nominate (set when appointed, taken away when dismissed).
    An organiser's menu button opens the dashboard (DASHBOARD_URL, `dashboard_url`) in the
    same language, or is the default again when it is off."""
    if organiser:
        text = localizations.get(chosen or default_locale).plain("dash-menu-button")
        mini_app = mini_app_url(dashboard_url) if dashboard_url else None
        await set_dashboard_button(bot, chat_id, mini_app, text)
    scope = BotCommandScopeChat(chat_id=chat_id)
    try:
        if chosen is not None:
            await bot.set_my_commands(
                commands(localizations, chosen, organiser, focal_point), scope=scope
            )
            if organiser or focal_point:
                # A chat scope with the app's language wins over one without it (Telegram's
                # order), so the per-language menus set before the choice must go.
                for locale in localizations.locales:
                    await bot.delete_my_commands(scope=scope, language_code=locale)
            return
        await bot.set_my_commands(
            commands(localizations, default_locale, organiser, focal_point), scope=scope
        )
        for locale in localizations.locales:
            await bot.set_my_commands(
                commands(localizations, locale, organiser, focal_point),
                scope=scope,
                language_code=locale,
            )
    except TelegramAPIError as exc:
        # Usually "chat not found": the organiser has not opened the bot yet; /start retries.
        log.warning("Could not set the command menu of chat %s: %s", chat_id, exc)


async def forget_chat_commands(bot: Bot, chat_id: int) -> None:
    """After /forget: the person's own menu goes too, so that Telegram keeps no trace of the
    language they chose in the bot. Best effort, like setting it."""
    try:
        await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=chat_id))
    except TelegramAPIError as exc:
        log.warning("Could not remove the command menu of chat %s: %s", chat_id, exc)


async def set_dashboard_button(
    bot: Bot, chat_id: int, mini_app_url: str | None, text: str | None = None
) -> None:
    """An organiser's menu button opens the dashboard as a Mini App (`mini_app_url`); with the
    dashboard off it is Telegram's default (the command list) again. Officers keep the
    default: the button is set per chat. Best effort, like the command menus."""
    button = (
        MenuButtonWebApp(text=text or "Dashboard", web_app=WebAppInfo(url=mini_app_url))
        if mini_app_url
        else MenuButtonDefault()
    )
    try:
        await bot.set_chat_menu_button(chat_id=chat_id, menu_button=button)
    except TelegramAPIError as exc:
        log.warning("Could not set the menu button of chat %s: %s", chat_id, exc)
