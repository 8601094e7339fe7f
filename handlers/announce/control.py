"""Announcements on their way: Stop under a status message, and the /announcements list."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.announcer import Announcer
from bot.i18n import Translator
from bot.services.announcements import AnnouncementService, Sent
from bot.ui.audience_names import audience_name
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.people import person_name
from handlers.announce.common import button_id

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
    announcement_id = button_id(callback_data.value)
    cancelled = await announcements.stop(announcement_id, by=callback.from_user.id)
    await callback.answer(ctx.t("announce-stop-done", count=cancelled), show_alert=True)
    await announcer.stopped(ctx.bot, announcement_id)


@router.message(Command("announcements"))
async def recent(message: Message, t: Translator, announcements: AnnouncementService) -> None:
    items = await announcements.recent(LISTED)
    lines = [t("announce-list-title")]
    for item in items:
        audience = await audience_name(item.announcement.audience_spec, t, announcements)
        lines.append(row_text(item, audience, t))
    await message.answer("\n".join(lines) if items else t("announce-none"))


def row_text(item: Sent, audience: str, t: Translator) -> str:
    announcement = item.announcement
    author_id = announcement.created_by
    return t(
        "announce-list-row",
        id=str(announcement.id),  # as text: a number would read "1 234" or "1,234"
        status=t(f"announce-status-{announcement.status}"),
        sent=item.progress.sent,
        total=announcement.recipients,
        audience=audience,
        author=person_name(author_id, item.author, t, fallback=str(author_id)),
        text=(announcement.text(t.locale) or "…")[:PREVIEW_LENGTH],
    )
