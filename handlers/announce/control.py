"""Announcements on their way: Stop under a status message, and the /announcements list."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.announcer import Announcer
from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.announcements import AnnouncementService, Sent
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.people import person_name

router = Router(name=__name__)

LISTED = 10
PREVIEW_LENGTH = 40


@router.callback_query(AnnounceCb.filter(F.action == AnnounceAction.STOP))
async def stop(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    if not callback_data.value.isdigit():
        raise InvalidInput("error-button-expired")
    announcement_id = int(callback_data.value)
    cancelled = await announcements.stop(announcement_id, by=callback.from_user.id)
    await callback.answer(ctx.t("announce-stop-done", count=cancelled), show_alert=True)
    await announcer.stopped(ctx.bot, announcement_id)


@router.message(Command("announcements"))
async def recent(message: Message, t: Translator, announcements: AnnouncementService) -> None:
    items = await announcements.recent(LISTED)
    if not items:
        await message.answer(t("announce-none"))
        return
    lines = [t("announce-list-title")] + [row_text(item, t) for item in items]
    await message.answer("\n".join(lines))


def row_text(item: Sent, t: Translator) -> str:
    announcement = item.announcement
    author_id = announcement.created_by
    return t(
        "announce-list-row",
        id=announcement.id,
        status=t(f"announce-status-{announcement.status}"),
        sent=item.progress.sent,
        total=announcement.recipients,
        author=person_name(author_id, item.author, t, fallback=str(author_id)),
        text=(announcement.text(t.locale) or "…")[:PREVIEW_LENGTH],
    )
