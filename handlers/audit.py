"""/audit: the latest organiser actions, who did them and when (in the reader's time zone)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.config import Settings
from bot.i18n import Translator
from bot.ui import course_texts
from handlers.filters import IsOrganiser
from storage.audit import AuditEntry, AuditLog
from storage.users import User, UserRepository

router = Router(name=__name__)
# Organisers only; anyone else's command falls through to the catch-all (unknown command).
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())

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
            names[entry.actor_id] = person_name(
                entry.actor_id, actor, t, fallback=t("audit-unnamed-organiser")
            )
        when = course_texts.local_time(entry.at, zone, t.locale, "d MMM, HH:mm")
        lines.append(
            t(
                "audit-line",
                when=when,
                who=names[entry.actor_id],
                id=person_ref(entry.actor_id, t),
                what=describe(entry, t),
            )
        )
    await message.answer("\n".join(lines))


def is_pseudonym(user_id: int) -> bool:
    """Ids of people who asked to be forgotten were replaced by random negative numbers."""
    return user_id < 0


def person_name(user_id: int, person: User | None, t: Translator, fallback: str) -> str:
    """An organiser as records show them: the profile's name, or `fallback` without one
    (Telegram's own name is not stored)."""
    if is_pseudonym(user_id):
        return t("audit-forgotten-person")
    return (person.full_name if person else None) or fallback


def person_ref(user_id: int, t: Translator) -> str:
    """The Telegram id, or the pseudonym that replaced it."""
    return t("audit-pseudonym", ref=str(-user_id)) if is_pseudonym(user_id) else str(user_id)


def describe(entry: AuditEntry, t: Translator) -> str:
    """The action in words, e.g. "edited course #12 (capacity)"."""
    key = "audit-action-" + entry.action.value.replace(".", "-")
    detail = entry.details
    participant = detail.get("participant")
    if isinstance(participant, int) and is_pseudonym(participant):
        forgotten = t("audit-forgotten-participant", ref=str(-participant))
        return f"{describe_action(key, entry, t)} ({forgotten})"
    return describe_action(key, entry, t)


def describe_action(key: str, entry: AuditEntry, t: Translator) -> str:
    detail = entry.details
    return t(
        key,
        id=str(entry.object_id or ""),
        field=str(detail.get("field", "")),
        format=str(detail.get("format", "")).upper(),
        count=int(detail.get("invited", detail.get("rows", detail.get("notified", 0))) or 0),
    )
