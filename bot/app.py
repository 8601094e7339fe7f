"""Composition root: builds the Bot, Dispatcher, storage and services, and runs polling."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError

from bot.commands import register_commands
from bot.config import DEFAULT_API_URL, Settings
from bot.i18n import Localizations
from bot.middlewares import InFlightMiddleware, UserContextMiddleware
from bot.retry import RetryRequests
from bot.services.profiles import ProfileService
from handlers import get_routers
from storage.database import Database
from storage.fsm import SQLiteStorage
from storage.users import UserRepository

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 20.0


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    if session is None and settings.telegram_api_url != DEFAULT_API_URL:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    bot = Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    bot.session.middleware(RetryRequests())
    return bot


@dataclass
class Services:
    users: UserRepository
    profiles: ProfileService


def create_dispatcher(
    settings: Settings, db: Database, localizations: Localizations
) -> tuple[Dispatcher, InFlightMiddleware]:
    """The production Dispatcher; handler tests feed updates to exactly this."""
    users = UserRepository(db)
    profiles = ProfileService(users)
    dp = Dispatcher(
        storage=SQLiteStorage(db),
        settings=settings,
        db=db,
        localizations=localizations,
        users=users,
        profiles=profiles,
    )
    in_flight = InFlightMiddleware()
    dp.update.outer_middleware(in_flight)
    dp.update.outer_middleware(
        UserContextMiddleware(profiles, localizations, settings.default_locale)
    )
    dp.include_routers(*get_routers())
    return dp, in_flight


async def run(settings: Settings) -> None:
    """Run the bot until SIGTERM/SIGINT, then finish in-flight updates and close storage."""
    localizations = Localizations()
    db = Database(settings.database_path)
    bot = create_bot(settings)
    await db.connect()
    try:
        await db.migrate()
        dp, in_flight = create_dispatcher(settings, db, localizations)

        async def on_startup(bot: Bot) -> None:
            await register_commands(
                bot, localizations, settings.admin_ids, settings.default_locale
            )

        async def on_shutdown(bot: Bot) -> None:
            await in_flight.wait_idle(SHUTDOWN_GRACE_SECONDS)
            await _confirm_handled_updates(bot, in_flight.last_update_id)

        dp.startup.register(on_startup)
        dp.shutdown.register(on_shutdown)
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    finally:
        await bot.session.close()  # already closed after polling; not when start-up failed
        await db.close()
        log.info("Stopped; database closed")


async def _confirm_handled_updates(bot: Bot, last_update_id: int | None) -> None:
    """Tell the server which updates are done, so a restart does not handle them again.

    Polling is cancelled mid-request on shutdown, before it could confirm the last batch; a
    getUpdates call with a higher offset is the Bot API's documented way to confirm.
    """
    if last_update_id is None:
        return
    try:
        await bot.get_updates(offset=last_update_id + 1, limit=1, timeout=0)
    except TelegramAPIError as exc:
        log.warning("Could not confirm handled updates: %s", exc)
