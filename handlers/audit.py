"""/audit: the latest organiser actions, who did them and when (in the reader's time zone)."""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.i18n import Translator
from bot.services.audit import AuditLine, AuditService
from bot.ui import course_texts
from bot.ui.context import UpdateContext
from bot.ui.people import is_pseudonym, person_name, person_ref
from bot.ui.timefmt import zone_name
from handlers.filters import IsOrganiser
from storage.audit import AuditEntry
from storage.courses import FIELD_NAMES

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


def line_text(line: AuditLine, zone: str, t: Translator) -> str:
    entry = line.entry
    return t(
        "audit-line",
        when=course_texts.local_time(entry.at, zone, t.locale, "d MMM, HH:mm"),
        who=person_name(entry.actor_id, line.actor, t, fallback=t("audit-unnamed-organiser")),
        id=person_ref(entry.actor_id, t),
        what=describe(entry, t),
    )


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
        field=_field(str(detail.get("field", "")), t),
        format=str(detail.get("format", "")).upper(),
        count=int(_count(detail) or 0),
    )


def _count(detail: dict[str, Any]) -> Any:
    """The number an action's text names: people invited or told, rows exported,
    certificates issued."""
    for name in ("invited", "rows", "notified", "count"):
        if name in detail:
            return detail[name]
    return 0


def _field(name: str, t: Translator) -> str:
    """An edited course field by its label ("Title (RU)"), never its code name ("title_ru")."""
    return course_texts.field_label(name, t) if name in FIELD_NAMES else name
