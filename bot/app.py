"""Composition root: builds the Bot, Dispatcher, storage and services; polling or webhook."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.utils.backoff import BackoffConfig

from bot.announcer import PROGRESS_SECONDS, Announcer
from bot.api_check import bot_identity
from bot.backup import BackupError, scheduled_backup
from bot.clock import Clock
from bot.commands import register_commands
from bot.config import DEFAULT_API_URL, Settings
from bot.i18n import Localizations
from bot.middlewares import InFlightMiddleware, UserContextMiddleware
from bot.response_models import KeepResponseModels
from bot.retry import RetryRequests, TolerateExpiredCallbacks
from bot.scheduler import Scheduler
from bot.services.announcements import AnnouncementService
from bot.services.audit import AuditService
from bot.services.calendar import CalendarFiles
from bot.services.certificate_files import CertificateFiles
from bot.services.certificates import CertificateService
from bot.services.courses import CourseService
from bot.services.decisions import SeatDecisions
from bot.services.delivery import DeliveryRows, DeliveryWorker, Enclosures
from bot.services.materials import MaterialService
from bot.services.nominations import NominationService
from bot.services.notices import Notices
from bot.services.profiles import ProfileService
from bot.services.questions import QuestionService
from bot.services.quota_release import QuotaReleaseTimers
from bot.services.reminders import ReminderService, ReminderTimers
from bot.services.request_inbox import RequestInbox
from bot.services.signups import SignupService
from bot.services.surveys import SurveyService, SurveyTimers
from bot.throttle import CONCURRENT_UPDATES, ThrottleMiddleware
from bot.ui.notice_buttons import NoticeButtons
from bot.web.auth import LoginLinks
from handlers import get_routers
from storage.audit import AuditLog
from storage.courses import CourseRepository
from storage.database import Database
from storage.delivery_pace import DeliveryPaceRepository
from storage.erasure import ErasureLog, replay_erasures
from storage.fsm import SQLiteStorage
from storage.outbox import OutboxRepository
from storage.registrations import RegistrationRepository
from storage.repositories import Repositories
from storage.users import UserRepository

if TYPE_CHECKING:
    from bot.web.context import Dashboard

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 20.0
# After a failed getUpdates (a 5xx, a dropped connection) aiogram waits a whole second
# before polling again, and every update sent meanwhile waits with it: with 1.5% of requests
# failing, the soak's median reply took 456 ms (issue 16). The next poll usually succeeds,
# so the first retry comes after 0.1 s; a server that stays down is still asked less and
# less often, up to every 5 s as before.
POLL_BACKOFF = BackoffConfig(min_delay=0.1, max_delay=5.0, factor=2.0, jitter=0.02)


# One for every Bot of the process: the models it keeps serve them all.
KEEP_RESPONSE_MODELS = KeepResponseModels()


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
    bot.session.middleware(KEEP_RESPONSE_MODELS)
    if retry:
        bot.session.middleware(RetryRequests())
        bot.session.middleware(TolerateExpiredCallbacks())
    return bot


# Settings' own defaults, for callers that pass none (unit tests, benchmarks): built without
# validation, so no token is needed and nothing is read from the environment.
DEFAULT_SETTINGS = Settings.model_construct()


_NOT_FOR_HANDLERS = frozenset(
    {
        "users",
        "courses",
        "registrations",
        "outbox",
        "delivery_pace",
        "audit",
        "dialogs",
        "quota_release",
    }
)


@dataclass(frozen=True)
class Services:
    """Repositories, services and their timers: built once. Handlers get the services as
    Dispatcher kwargs; the repositories are for the composition root (and tests) only."""

    users: UserRepository
    courses: CourseRepository
    registrations: RegistrationRepository
    outbox: OutboxRepository
    delivery_pace: DeliveryPaceRepository
    profiles: ProfileService
    signups: SignupService
    decisions: SeatDecisions
    request_inbox: RequestInbox
    nominations: NominationService
    quota_release: QuotaReleaseTimers
    course_service: CourseService
    reminders: ReminderService
    reminder_timers: ReminderTimers
    surveys: SurveyService
    survey_timers: SurveyTimers  # the survey service's own (SurveyService.timers)
    announcements: AnnouncementService
    questions: QuestionService
    scheduler: Scheduler
    dialogs: SQLiteStorage  # the Dispatcher's FSM storage
    audit: AuditLog
    audit_service: AuditService
    materials: MaterialService
    certificates: CertificateService
    certificate_files: CertificateFiles
    clock: Clock

    def as_kwargs(self) -> dict[str, Any]:
        """What handlers may take: no repository and no storage, so a handler cannot reach
        past the services."""
        return {
            field.name: getattr(self, field.name)
            for field in fields(self)
            if field.name not in _NOT_FOR_HANDLERS
        }


def create_services(
    db: Database,
    localizations: Localizations,
    settings: Settings | None = None,
    clock: Clock | None = None,
    scheduler: Scheduler | None = None,
) -> Services:
    """Every service, each given its collaborators when it is built (nothing is patched
    later): the timers exist before the course service that tells them about changes."""
    settings = settings or DEFAULT_SETTINGS
    # One clock for everything: the database's (stored times) unless a test passes another.
    clock = clock or db.clock
    scheduler = scheduler or Scheduler()
    repos = db.repos
    dialogs = SQLiteStorage(db)
    notices = Notices(localizations)
    signups = SignupService(db, notices, clock, organisers=settings.admin_ids)
    quota_release = QuotaReleaseTimers(db, signups, scheduler, clock)
    profiles = ProfileService(
        db,
        signups,
        ErasureLog.beside(db.path),
        clock,
        forgotten=(_rows_naming_creators(repos), dialogs.forget_user),
    )
    reminders = ReminderService(db, repos.courses, notices, settings.reminder_offsets, clock)
    reminder_timers = ReminderTimers(reminders, scheduler)
    surveys = SurveyService(db, notices, settings, clock, scheduler)
    course_listeners = (
        reminder_timers.course_changed,
        surveys.timers.course_changed,
        surveys.followups.course_changed,
        quota_release.course_changed,
    )
    return Services(
        users=repos.users,
        courses=repos.courses,
        registrations=repos.registrations,
        outbox=repos.outbox,
        delivery_pace=repos.delivery_pace,
        profiles=profiles,
        signups=signups,
        decisions=SeatDecisions(db, signups, notices, clock),
        request_inbox=RequestInbox(db, clock),
        nominations=NominationService(db, signups, notices, clock),
        quota_release=quota_release,
        course_service=CourseService(db, signups, notices, clock, listeners=course_listeners),
        reminders=reminders,
        reminder_timers=reminder_timers,
        surveys=surveys,
        survey_timers=surveys.timers,
        announcements=AnnouncementService(db, settings, clock, localizations),
        questions=QuestionService(db, notices, settings.admin_ids),
        audit_service=AuditService(db),
        materials=MaterialService(db, notices, clock),
        certificates=CertificateService(db, notices, clock, settings.default_locale),
        certificate_files=CertificateFiles(repos, localizations),
        scheduler=scheduler,
        dialogs=dialogs,
        audit=repos.audit,
        clock=clock,
    )


def _rows_naming_creators(repos: Repositories) -> Callable[[int], None]:
    """After an erasure: cached course and announcement rows may still name the person."""

    def drop(user_id: int) -> None:
        repos.courses.drop_cache()
        repos.announcements.drop_cache()

    return drop


def create_dispatcher(
    settings: Settings,
    db: Database,
    localizations: Localizations,
    services: Services | None = None,
    bot: Bot | None = None,
    wake_delivery: asyncio.Event | None = None,
) -> tuple[Dispatcher, InFlightMiddleware]:
    """The production Dispatcher; handler tests feed updates to exactly this. `bot` is the
    one scheduled announcements go out through, `wake_delivery` the event the delivery worker
    waits on (both left out by tests that run neither)."""
    services = services or create_services(db, localizations, settings)
    announcer = Announcer(
        services.announcements,
        services.users,
        localizations,
        settings.default_locale,
        services.scheduler,
        NoticeButtons(localizations),
        bot,
        wake_delivery,
    )
    in_flight = InFlightMiddleware()
    throttle = ThrottleMiddleware(
        services.users, localizations, settings.default_locale, settings.throttle_rate
    )
    dp = Dispatcher(
        storage=services.dialogs,
        # One person's updates are handled one after another: a button pressed the moment its
        # question arrives waits until the dialog has stored it (else "out of date"), and two
        # quick taps never read and write the same dialog state at once. A lock a person.
        events_isolation=SimpleEventIsolation(),
        settings=settings,
        localizations=localizations,
        announcer=announcer,
        throttle=throttle,
        dashboard_links=(
            LoginLinks(settings.bot_token.get_secret_value()) if settings.dashboard_url else None
        ),
        **services.as_kwargs(),
    )
    dp.update.outer_middleware(in_flight)
    # Before the user middleware: a dropped update costs no database write.
    dp.update.outer_middleware(throttle)
    dp.update.outer_middleware(
        UserContextMiddleware(
            services.profiles, localizations, settings.default_locale, settings.default_timezone
        )
    )
    dp.include_routers(*get_routers())
    return dp, in_flight


def create_delivery_worker(
    settings: Settings,
    localizations: Localizations,
    services: Services,
    bot: Bot,
    calendar_bot: Bot,
    wake: asyncio.Event,
) -> DeliveryWorker:
    """The outbox worker, sending through `bot`; calendar files name `calendar_bot`."""
    return DeliveryWorker(
        bot,
        DeliveryRows(
            services.outbox,
            services.users,
            services.announcements.repos.announcements,
            services.delivery_pace,
        ),
        Enclosures(
            NoticeButtons(localizations),
            CalendarFiles(services.courses, calendar_bot, services.clock),
            generated={"certificate": services.certificate_files.for_bot(calendar_bot)},
        ),
        settings.default_locale,
        settings.broadcast_rate,
        services.clock,
        wake,
        paid_broadcast=settings.paid_broadcast,
    )


async def run(settings: Settings) -> None:
    """Run the bot until SIGTERM/SIGINT, then finish in-flight updates and close storage.

    Built in this order, each object complete when it is made: the Bots, the database, the
    services (with their timers), the delivery worker and the Dispatcher (sharing the event
    that wakes the worker), then the start-up and shutdown hooks.
    """
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
        # Set by the announcer when it queued messages: the worker looks at once.
        wake_delivery = asyncio.Event()
        worker = create_delivery_worker(
            settings, localizations, services, worker_bot, bot, wake_delivery
        )
        dp, in_flight = create_dispatcher(
            settings, db, localizations, services, bot, wake_delivery
        )
        announcer: Announcer = dp["announcer"]
        scheduler = services.scheduler
        dashboard = (
            create_dashboard(settings, services, db, localizations, announcer, wake_delivery)
            if settings.dashboard_url
            else None
        )
        dashboard_runner: list[Any] = []  # the dashboard's own server, when it has one

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
            # Each organiser's menu in the language they chose in the bot, once they have.
            organisers: dict[int, str | None] = {}
            for admin_id in settings.admin_ids:
                user = await services.users.get(admin_id)
                organisers[admin_id] = user.language if user is not None else None
            # An organiser who is also a focal point keeps /nominate (the organisers' menus
            # are set again at every start).
            focal_points = {p.user_id for p in await services.nominations.focal_points()}
            await register_commands(
                bot,
                localizations,
                organisers,
                settings.default_locale,
                focal_points,
                dashboard_url=settings.dashboard_url,
            )
            if dashboard is not None and not shares_webhook_port(settings):
                dashboard_runner.append(await start_dashboard(dashboard))
            scheduler.every(services.course_service.finish_ended, "courses:finish-ended", 5)
            scheduler.every(announcer.refresh, "announcements:progress", PROGRESS_SECONDS / 60)
            scheduler.every(purge_outbox, "outbox:retention", 60)
            # Seats held for nominees who never answered go on (bot/services/seats.py).
            scheduler.every(services.nominations.lapse_unanswered, "nominations:lapse", 15)
            # An erasure or a closed survey whose WAL a reader kept full (storage/database.py).
            scheduler.every(db.retry_empty_wal, "database:empty-wal", 1)
            if settings.backup_dir is not None:
                scheduler.every(daily_backup, "backup:daily", 60)
            await announcer.restore()
            await services.reminder_timers.restore()
            await services.survey_timers.restore()
            await services.quota_release.restore()
            scheduler.start()
            worker.start()
            # What start-up built (aiogram's ~235,000 model objects above all) lives as long
            # as the process: set it aside from the garbage collector, whose full passes over
            # it took ~300 ms each — a pause shared by every reply waiting at that moment.
            # (No gc.collect() first: start-up leaves no garbage to speak of — measured 0
            # objects — and the pass would cost every start those 300 ms.)
            gc.freeze()

        async def on_shutdown(bot: Bot) -> None:
            for runner in dashboard_runner:
                await runner.cleanup()
            await in_flight.wait_idle(SHUTDOWN_GRACE_SECONDS)
            await scheduler.stop()
            await worker.stop()
            if not settings.webhook_url:
                # A webhook update is confirmed by the HTTP answer to it; only polling needs this.
                await _confirm_handled_updates(bot, in_flight.last_update_id)

        dp.startup.register(on_startup)
        dp.shutdown.register(on_shutdown)
        if settings.webhook_url:
            await serve_webhook(bot, dp, settings, dashboard)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            await dp.start_polling(
                bot,
                handle_signals=True,
                close_bot_session=True,
                tasks_concurrency_limit=CONCURRENT_UPDATES,
                backoff_config=POLL_BACKOFF,
            )
    finally:
        await bot.session.close()  # already closed after polling; not when start-up failed
        await worker_bot.session.close()
        await db.close()
        log.info("Stopped; database closed")


async def serve_webhook(
    bot: Bot, dp: Dispatcher, settings: Settings, dashboard: Dashboard | None = None
) -> None:
    """Webhook mode: Telegram posts each update to WEBHOOK_URL; only requests carrying
    WEBHOOK_SECRET in the X-Telegram-Bot-Api-Secret-Token header are handled (others get 401).

    An update is answered only after it was handled, so one that was cut off by a crash is
    delivered again by Telegram. SIGTERM/SIGINT: stop accepting, let updates being handled
    finish (the same shutdown as polling), close.
    """
    # Imported here: aiohttp's web server is not needed by a bot that polls (issue 16).
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    assert settings.webhook_url is not None and settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = web.Application()
    # Shutdown hooks run in the order added: the Dispatcher's (which waits for updates in
    # flight) before the request handler's, which closes the Bot session they reply through.
    setup_application(app, dp, bot=bot)
    SimpleRequestHandler(dp, bot, handle_in_background=False, secret_token=secret).register(
        app, path=urlsplit(settings.webhook_url).path or "/"
    )
    if dashboard is not None and shares_webhook_port(settings):
        from bot.web.app import mount

        mount(dashboard, app)
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


def shares_webhook_port(settings: Settings) -> bool:
    """The dashboard is served by the webhook's server (one port for both)."""
    return bool(settings.webhook_url) and settings.dashboard_port == settings.webhook_port


def create_dashboard(
    settings: Settings,
    services: Services,
    db: Database,
    localizations: Localizations,
    announcer: Announcer,
    wake_delivery: asyncio.Event,
) -> Dashboard:
    """The dashboard's context (imported only when it is on: aiohttp's server, Jinja2)."""
    from bot.web.context import Dashboard

    return Dashboard(
        settings=settings,
        services=services,
        db=db,
        localizations=localizations,
        links=LoginLinks(settings.bot_token.get_secret_value()),
        announcer=announcer,
        wake_delivery=wake_delivery,
    )


async def start_dashboard(dashboard: Dashboard) -> Any:
    from bot.web.server import start_dashboard as start

    return await start(dashboard)


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
