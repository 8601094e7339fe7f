"""Composition root: builds the Bot, Dispatcher, storage and services; polling or webhook."""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.announcer import PROGRESS_SECONDS, Announcer
from bot.api_check import bot_identity
from bot.backup import BackupError, scheduled_backup
from bot.clock import Clock, system_clock
from bot.commands import register_commands
from bot.config import DEFAULT_API_URL, Settings
from bot.i18n import Localizations
from bot.middlewares import InFlightMiddleware, UserContextMiddleware
from bot.retry import RetryRequests, TolerateExpiredCallbacks
from bot.scheduler import Scheduler
from bot.services.announcements import AnnouncementService
from bot.services.calendar import course_ics, ics_filename
from bot.services.courses import CourseService
from bot.services.delivery import DeliveryWorker
from bot.services.notices import Notices
from bot.services.profiles import ProfileService
from bot.services.reminders import ReminderService, ReminderTimers
from bot.services.signups import SignupService
from bot.services.surveys import SurveyService, SurveyTimers
from bot.throttle import CONCURRENT_UPDATES, ThrottleMiddleware
from bot.ui.callbacks import (
    AnnounceAction,
    AnnounceCb,
    CourseAction,
    CourseCb,
    SurveyAction,
    SurveyCb,
)
from handlers import get_routers
from storage.announcements import AnnouncementRepository
from storage.audit import AuditLog
from storage.courses import CourseRepository
from storage.database import Database
from storage.erasure import ErasureLog, replay_erasures
from storage.fsm import SQLiteStorage
from storage.outbox import OutboxRepository
from storage.registrations import RegistrationRepository
from storage.surveys import SurveyRepository
from storage.users import UserRepository

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 20.0


def create_bot(settings: Settings, session: BaseSession | None = None, retry: bool = True) -> Bot:
    """The Bot; `retry` adds the session middleware that retries direct replies on 429/5xx
    (the delivery worker handles those itself, so its Bot has none)."""
    if session is None and settings.telegram_api_url != DEFAULT_API_URL:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    bot = Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    if retry:
        bot.session.middleware(RetryRequests())
        bot.session.middleware(TolerateExpiredCallbacks())
    return bot


@dataclass(frozen=True)
class Services:
    """Repositories and services: built once, handed to handlers as Dispatcher kwargs."""

    users: UserRepository
    courses: CourseRepository
    registrations: RegistrationRepository
    outbox: OutboxRepository
    profiles: ProfileService
    signups: SignupService
    course_service: CourseService
    announcements: AnnouncementService
    reminders: ReminderService
    surveys: SurveyService
    audit: AuditLog
    clock: Clock

    def as_kwargs(self) -> dict[str, Any]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


def create_services(
    db: Database,
    localizations: Localizations,
    settings: Settings | None = None,
    clock: Clock = system_clock,
) -> Services:
    users = UserRepository(db)
    courses = CourseRepository(db)
    registrations = RegistrationRepository(db)
    notices = Notices(localizations)
    signups = SignupService(db, courses, registrations, users, notices, clock)
    announcements = AnnouncementRepository(db)
    profiles = ProfileService(db, users, signups, ErasureLog.beside(db.path), clock)
    profiles.forgotten += [courses.drop_cache, announcements.drop_cache]
    return Services(
        users=users,
        courses=courses,
        registrations=registrations,
        outbox=OutboxRepository(db),
        profiles=profiles,
        signups=signups,
        course_service=CourseService(db, courses, registrations, signups, notices, clock),
        reminders=ReminderService(
            db,
            courses,
            notices,
            settings.reminder_offsets if settings else (timedelta(days=1), timedelta(hours=1)),
            clock,
        ),
        clock=clock,
        audit=AuditLog(db),
        surveys=SurveyService(
            db,
            SurveyRepository(db),
            courses,
            notices,
            settings.default_locale if settings else "en",
            send_after=settings.survey_send_after if settings else timedelta(hours=2),
            remind_after=settings.survey_reminder_after if settings else timedelta(days=2),
            clock=clock,
            default_timezone=settings.default_timezone if settings else "UTC",
        ),
        announcements=AnnouncementService(
            announcements,
            settings.default_locale if settings else "en",
            settings.broadcast_rate if settings else 25.0,
            clock,
            default_timezone=settings.default_timezone if settings else "UTC",
        ),
    )


def create_dispatcher(
    settings: Settings,
    db: Database,
    localizations: Localizations,
    services: Services | None = None,
) -> tuple[Dispatcher, InFlightMiddleware]:
    """The production Dispatcher; handler tests feed updates to exactly this."""
    services = services or create_services(db, localizations, settings)
    scheduler = Scheduler()

    def course_button(course_id: int, locale: str) -> InlineKeyboardMarkup:
        """The button under an announcement that opens the course, in the reader's language."""
        label = localizations.get(locale)("button-open-course")
        data = CourseCb(action=CourseAction.OPEN, course_id=course_id).pack()
        return InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=data)]]
        )

    announcer = Announcer(
        services.announcements,
        services.users,
        localizations,
        settings.default_locale,
        scheduler,
        stop_data=lambda announcement_id: AnnounceCb(
            action=AnnounceAction.STOP, value=str(announcement_id)
        ).pack(),
        course_button=course_button,
    )
    timers = ReminderTimers(services.reminders, scheduler)
    services.course_service.listeners.append(timers.course_changed)
    survey_timers = SurveyTimers(services.surveys, scheduler)
    services.course_service.listeners.append(survey_timers.course_changed)
    services.surveys.listeners.append(survey_timers.survey_changed)
    dp = Dispatcher(
        storage=SQLiteStorage(db),
        reminder_timers=timers,
        survey_timers=survey_timers,
        settings=settings,
        db=db,
        localizations=localizations,
        scheduler=scheduler,
        announcer=announcer,
        **services.as_kwargs(),
    )
    in_flight = InFlightMiddleware()
    dp.update.outer_middleware(in_flight)
    # Before the user middleware: a dropped update costs no database write.
    throttle = ThrottleMiddleware(
        services.users, localizations, settings.default_locale, settings.throttle_rate
    )
    dp["throttle"] = throttle
    dp.update.outer_middleware(throttle)
    dp.update.outer_middleware(
        UserContextMiddleware(services.profiles, localizations, settings.default_locale)
    )
    dp.include_routers(*get_routers())
    return dp, in_flight


async def run(settings: Settings) -> None:
    """Run the bot until SIGTERM/SIGINT, then finish in-flight updates and close storage."""
    localizations = Localizations()
    db = Database(settings.database_path)
    bot = create_bot(settings)
    try:
        # A TELEGRAM_API_URL that is no Bot API fails here, with one line, before anything runs.
        await bot_identity(bot, settings.telegram_api_url)
    except BaseException:
        await bot.session.close()
        raise
    worker_bot = create_bot(settings, retry=False)
    await db.connect()
    try:
        await db.migrate()
        services = create_services(db, localizations, settings)
        # A restored backup may hold people who asked to be forgotten since it was taken.
        replayed = await replay_erasures(db, services.profiles.erasures)
        if replayed:
            log.warning("Erased %d user(s) again who had asked to be forgotten", replayed)
        # Also flushes old page versions (a migration that cleared data) out of the WAL; if a
        # reader prevents it, the retry job started below does it.
        await db.truncate_wal()
        dp, in_flight = create_dispatcher(settings, db, localizations, services)
        scheduler: Scheduler = dp["scheduler"]
        announcer: Announcer = dp["announcer"]
        timers: ReminderTimers = dp["reminder_timers"]
        survey_timers: SurveyTimers = dp["survey_timers"]

        def survey_button(survey_id: int, locale: str) -> InlineKeyboardMarkup:
            label = localizations.get(locale)("button-survey-start")
            data = SurveyCb(action=SurveyAction.START, survey_id=survey_id).pack()
            return InlineKeyboardMarkup(
                inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=data)]]
            )

        def course_action_button(course_id: int, action: str, locale: str) -> InlineKeyboardMarkup:
            """Under a reminder: "Can't come? Cancel my place"; under an attendance check:
            Yes / No."""
            t = localizations.get(locale)
            choices = (
                [
                    ("button-still-coming", CourseAction.COMING),
                    ("button-not-coming", CourseAction.NOT_COMING),
                ]
                if action == "attend"
                else [("button-cancel-place", CourseAction.CANCEL)]
            )
            return InlineKeyboardMarkup(
                inline_keyboard=[
                    [
                        InlineKeyboardButton(
                            text=t(key),
                            callback_data=CourseCb(action=a, course_id=course_id).pack(),
                        )
                        for key, a in choices
                    ]
                ]
            )

        async def calendar_file(course_id: int, locale: str) -> tuple[bytes, str] | None:
            course = await services.courses.get(course_id)
            if course is None:
                return None
            me = await bot.me()
            return course_ics(course, locale, f"{me.username}.t.me"), ics_filename(course)

        worker = DeliveryWorker(
            worker_bot,
            services.outbox,
            services.users,
            calendar_file,
            settings.default_locale,
            settings.broadcast_rate,
            services.clock,
            announcements=services.announcements.announcements,
            course_button=announcer.course_button,
            course_action=course_action_button,
            survey_button=survey_button,
        )
        announcer.wake_delivery = worker.wake

        async def daily_backup() -> None:
            """Checked hourly; copies at most once a day (see bot/backup.py)."""
            assert settings.backup_dir is not None
            try:
                await asyncio.to_thread(
                    scheduled_backup,
                    Path(settings.database_path),
                    settings.backup_dir,
                    settings.backup_keep,
                    services.clock(),
                )
            except (BackupError, OSError) as exc:
                log.error("Scheduled backup to %s failed: %s", settings.backup_dir, exc)

        async def purge_outbox() -> None:
            """Messages that reached a final state are kept OUTBOX_KEEP_DAYS, then deleted."""
            keep = timedelta(days=settings.outbox_keep_days)
            removed = await services.outbox.purge(services.clock() - keep)
            if removed:
                log.info("Deleted %d outbox message(s) older than %s", removed, keep)

        async def on_startup(bot: Bot) -> None:
            await register_commands(
                bot, localizations, settings.admin_ids, settings.default_locale
            )
            announcer.bot = bot
            scheduler.every(services.course_service.finish_ended, "courses:finish-ended", 5)
            scheduler.every(announcer.refresh, "announcements:progress", PROGRESS_SECONDS / 60)
            scheduler.every(purge_outbox, "outbox:retention", 60)
            # An erasure or a closed survey whose WAL a reader kept full (storage/database.py).
            scheduler.every(db.retry_empty_wal, "database:empty-wal", 1)
            if settings.backup_dir is not None:
                scheduler.every(daily_backup, "backup:daily", 60)
            await announcer.restore()
            await timers.restore()
            await survey_timers.restore()
            scheduler.start()
            worker.start()

        async def on_shutdown(bot: Bot) -> None:
            await in_flight.wait_idle(SHUTDOWN_GRACE_SECONDS)
            await scheduler.stop()
            await worker.stop()
            if not settings.webhook_url:
                # A webhook update is confirmed by the HTTP answer to it; only polling needs this.
                await _confirm_handled_updates(bot, in_flight.last_update_id)

        dp.startup.register(on_startup)
        dp.shutdown.register(on_shutdown)
        if settings.webhook_url:
            await serve_webhook(bot, dp, settings)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            await dp.start_polling(
                bot,
                handle_signals=True,
                close_bot_session=True,
                tasks_concurrency_limit=CONCURRENT_UPDATES,
            )
    finally:
        await bot.session.close()  # already closed after polling; not when start-up failed
        await worker_bot.session.close()
        await db.close()
        log.info("Stopped; database closed")


async def serve_webhook(bot: Bot, dp: Dispatcher, settings: Settings) -> None:
    """Webhook mode: Telegram posts each update to WEBHOOK_URL; only requests carrying
    WEBHOOK_SECRET in the X-Telegram-Bot-Api-Secret-Token header are handled (others get 401).

    An update is answered only after it was handled, so one that was cut off by a crash is
    delivered again by Telegram. SIGTERM/SIGINT: stop accepting, let updates being handled
    finish (the same shutdown as polling), close.
    """
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = web.Application()
    # Shutdown hooks run in the order added: the Dispatcher's (which waits for updates in
    # flight) before the request handler's, which closes the Bot session they reply through.
    setup_application(app, dp, bot=bot)
    SimpleRequestHandler(dp, bot, handle_in_background=False, secret_token=secret).register(
        app, path=urlsplit(settings.webhook_url).path or "/"
    )
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()  # runs the Dispatcher's start-up
    try:
        await web.TCPSite(runner, host="0.0.0.0", port=settings.webhook_port).start()
        await bot.set_webhook(
            settings.webhook_url,
            secret_token=secret,
            # Each request is handled before it is answered, so Telegram's limit on open
            # connections is the bound on updates handled at once.
            max_connections=min(CONCURRENT_UPDATES, 100),
            allowed_updates=dp.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        log.info("Webhook mode: listening on port %d", settings.webhook_port)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        log.info("Stopping: finishing the updates being handled")
    finally:
        await runner.cleanup()


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
