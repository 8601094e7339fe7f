"""/audit: the latest organiser actions, who did them and when (in the reader's time zone)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot import course_texts
from bot.config import Settings
from bot.i18n import Translator
from storage.audit import AuditEntry, AuditLog
from storage.users import User, UserRepository

router = Router(name=__name__)

SHOWN = 20


@router.message(Command("audit"))
async def audit_command(
    message: Message,
    user: User,
    t: Translator,
    settings: Settings,
    audit: AuditLog,
    users: UserRepository,
) -> None:
    entries = await audit.latest(SHOWN)
    if not entries:
        await message.answer(t("audit-none"))
        return
    zone = user.timezone or settings.default_timezone
    names: dict[int, str] = {}
    lines = [t("audit-title", count=len(entries), zone=zone), ""]
    for entry in entries:
        if entry.actor_id not in names:
            actor = await users.get(entry.actor_id)
            names[entry.actor_id] = (actor.full_name or actor.first_name) if actor else "?"
        when = course_texts.local_time(entry.at, zone, t.locale, "d MMM, HH:mm")
        lines.append(
            t(
                "audit-line",
                when=when,
                who=names[entry.actor_id],
                id=str(entry.actor_id),
                what=describe(entry, t),
            )
        )
    await message.answer("\n".join(lines))


def describe(entry: AuditEntry, t: Translator) -> str:
    """The action in words, e.g. "edited course #12 (capacity)"."""
    key = "audit-action-" + entry.action.value.replace(".", "-")
    detail = entry.details
    return t(
        key,
        id=str(entry.object_id or ""),
        field=str(detail.get("field", "")),
        format=str(detail.get("format", "")).upper(),
        count=int(detail.get("invited", detail.get("rows", detail.get("notified", 0))) or 0),
    )
