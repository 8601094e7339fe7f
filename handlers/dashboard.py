"""/dashboard: an organiser's one-time sign-in link to the dashboard (bot/web/)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)

from bot.clock import Clock
from bot.config import Settings
from bot.ui.context import UpdateContext
from bot.web.auth import LoginLinks, login_url
from handlers.filters import IsOrganiser

router = Router(name=__name__)
# Organisers only; anyone else's /dashboard falls through to the catch-all (unknown command).
router.message.filter(IsOrganiser())


@router.message(Command("dashboard"))
async def dashboard_command(
    message: Message,
    ctx: UpdateContext,
    settings: Settings,
    clock: Clock,
    dashboard_links: LoginLinks | None = None,
) -> None:
    t = ctx.t
    if settings.dashboard_url is None or dashboard_links is None:
        await message.answer(t("dashboard-off"))
        return
    token = dashboard_links.issue(ctx.user.id, clock())
    url = login_url(settings.dashboard_url, token)
    # Telegram accepts a button only for a public https address; the link in the text
    # works anywhere (a dashboard on localhost). No preview: it would fetch the link.
    button = (
        InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text=t.plain("dashboard-link-button"), url=url)]
            ]
        )
        if url.startswith("https://")
        else None
    )
    await message.answer(
        t("dashboard-link", url=url),
        reply_markup=button,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
