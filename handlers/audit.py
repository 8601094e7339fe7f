"""/audit: the latest organiser actions, who did them and when (in the reader's time zone)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.services.audit import AuditService
from bot.ui.audit_texts import line_text
from bot.ui.context import UpdateContext
from bot.ui.timefmt import zone_name
from handlers.filters import IsOrganiser

router = Router(name=__name__)
# Organisers only; anyone else's command falls through to the catch-all (unknown command).
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())

SHOWN = 20


@router.message(Command("audit"))
async def audit_command(message: Message, ctx: UpdateContext, audit_service: AuditService) -> None:
    t = ctx.t
    lines = await audit_service.latest(SHOWN)
    if not lines:
        await message.answer(t("audit-none"))
        return
    zone = ctx.zone
    title = [t("audit-title", count=len(lines), zone=zone_name(zone, t)), ""]
    await message.answer("\n".join(title + [line_text(line, zone, t) for line in lines]))
