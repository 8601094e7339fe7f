"""Starts announcements — at once or at their scheduled time — and keeps each organiser's
status message current (sent / blocked / failed / remaining, an estimated finish, Stop)."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import Locale
from bot.i18n import Localizations, Translator, pick_locale
from bot.scheduler import Scheduler
from bot.services.announcements import AnnouncementService, Progress
from bot.services.delivery import send_announcement
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.notice_buttons import NoticeButtons
from storage.announcements import Announcement, AnnouncementStatus, scheduled_time
from storage.users import UserRepository

log = logging.getLogger(__name__)

PROGRESS_SECONDS = 3.0


class Announcer:
    def __init__(
        self,
        service: AnnouncementService,
        users: UserRepository,
        localizations: Localizations,
        default_locale: Locale,
        scheduler: Scheduler,
        buttons: NoticeButtons,
        bot: Bot | None = None,
        wake_delivery: asyncio.Event | None = None,
    ) -> None:
        """`bot`: scheduled jobs look it up when they fire rather than carrying it in their
        arguments (None in tests that build no running bot). `wake_delivery`: the event the
        delivery worker waits on, set when an announcement was queued."""
        self.service = service
        self.users = users
        self.localizations = localizations
        self.default_locale = default_locale
        self.scheduler = scheduler
        self.buttons = buttons
        self.bot = bot
        self.wake_delivery = wake_delivery or asyncio.Event()
        self._shown: dict[int, str] = {}
        self._stopped: set[int] = set()  # stopped, final report not yet shown

    async def _organiser_t(self, announcement: Announcement) -> Translator:
        user = await self.users.get(announcement.created_by)
        locale = pick_locale(
            user.language if user else None,
            user.telegram_language if user else None,
            self.default_locale,
        )
        return self.localizations.get(locale)

    async def start_now(self, bot: Bot, announcement_id: int, by: int | None = None) -> int:
        """Queue it for every recipient and post the live status message to the organiser;
        `by`: the organiser who pressed Send (the service audits it)."""
        count = await self.service.send_now(announcement_id, by=by)
        self.wake_delivery.set()
        announcement = await self.service.get(announcement_id)
        t = await self._organiser_t(announcement)
        progress = await self.service.progress(announcement_id)
        text = self.status_text(t, announcement, progress)
        try:
            message = await bot.send_message(
                announcement.created_by, text, reply_markup=self._stop_markup(t, announcement.id)
            )
        except TelegramAPIError as exc:
            log.warning("No status message for announcement %s: %s", announcement_id, exc)
        else:
            await self.service.set_status_message(
                announcement_id, message.chat.id, message.message_id
            )
            self._shown[announcement_id] = text
        return count

    async def send_copy(self, bot: Bot, chat_id: int, item: Announcement, locale: str) -> None:
        """The message exactly as recipients in `locale` get it (the preview)."""
        await send_announcement(bot, chat_id, item, locale, self.buttons)

    def schedule(self, announcement: Announcement) -> None:
        when = scheduled_time(announcement)
        if when is not None:
            self.scheduler.at(self._fire, f"announce:{announcement.id}", when, announcement.id)

    async def _fire(self, announcement_id: int) -> None:
        if self.bot is None:
            log.error("Announcement %s is due but the bot is not running", announcement_id)
            return
        announcement = await self.service.get(announcement_id)
        if announcement.status == AnnouncementStatus.SCHEDULED:  # not stopped meanwhile
            await self.start_now(self.bot, announcement_id)

    async def restore(self) -> None:
        """At start-up: timers for scheduled announcements (an overdue one starts at once)."""
        for announcement in await self.service.repos.announcements.with_status(
            AnnouncementStatus.SCHEDULED
        ):
            self.schedule(announcement)

    async def stopped(self, bot: Bot, announcement_id: int) -> None:
        """After Stop: show the report now, and again once the requests in flight end."""
        self._stopped.add(announcement_id)
        await self.refresh(bot)

    async def refresh(self, bot: Bot | None = None) -> None:
        """Edit every running announcement's status message; finish the completed ones."""
        bot = bot or self.bot
        if bot is None:
            return
        for announcement in await self.service.repos.announcements.with_status(
            AnnouncementStatus.SENDING
        ):
            progress = await self.service.progress(announcement.id)
            if progress.finished:
                await self.service.mark_done(announcement.id)
                announcement = await self.service.get(announcement.id)
            await self._show(bot, announcement, progress)
        for announcement_id in list(self._stopped):
            announcement = await self.service.get(announcement_id)
            progress = await self.service.progress(announcement_id)
            await self._show(bot, announcement, progress)
            if progress.finished:
                self._stopped.discard(announcement_id)

    async def _show(self, bot: Bot, announcement: Announcement, progress: Progress) -> None:
        if announcement.progress_chat_id is None or announcement.progress_message_id is None:
            return
        t = await self._organiser_t(announcement)
        text = self.status_text(t, announcement, progress)
        if self._shown.get(announcement.id) == text:
            return
        running = announcement.status == AnnouncementStatus.SENDING
        try:
            await bot.edit_message_text(
                text,
                chat_id=announcement.progress_chat_id,
                message_id=announcement.progress_message_id,
                reply_markup=self._stop_markup(t, announcement.id) if running else None,
            )
        except TelegramAPIError as exc:
            log.warning("Could not update announcement %s status: %s", announcement.id, exc)
        self._shown[announcement.id] = text
        if not running:
            self._shown.pop(announcement.id, None)

    def status_text(self, t: Translator, announcement: Announcement, progress: Progress) -> str:
        values = {
            "id": str(announcement.id),  # an id, not a number: never "1 234"
            "total": progress.total,
            "sent": progress.sent,
            "blocked": progress.blocked,
            "failed": progress.failed,
            "remaining": progress.remaining,
            "cancelled": progress.cancelled,
        }
        if announcement.status == AnnouncementStatus.SENDING:
            eta = round(progress.eta_seconds or 0)
            return t("announce-progress", **values, eta=eta)
        if announcement.status == AnnouncementStatus.STOPPED:
            return t("announce-stopped-report", **values)
        return t("announce-done-report", **values)

    def _stop_markup(self, t: Translator, announcement_id: int) -> InlineKeyboardMarkup:
        data = AnnounceCb(action=AnnounceAction.STOP, value=str(announcement_id)).pack()
        button = InlineKeyboardButton(text=t("button-announce-stop"), callback_data=data)
        return InlineKeyboardMarkup(inline_keyboard=[[button]])
