"""The audit log in words, one wording for the chat's /audit (Telegram HTML through `t()`) and
the dashboard's action log (plain text through `t.plain`, escaped by the page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.i18n import Translator
from bot.services.audit import AuditLine
from bot.ui import course_texts
from bot.ui.people import is_pseudonym, person_name, person_ref
from storage.audit import AuditEntry
from storage.courses import FIELD_NAMES
from storage.users import User

# `t` (Telegram HTML, variables escaped) or `t.plain` (text as it is, for a web page).
Format = Callable[..., str]

LINE_TIME = "d MMM, HH:mm"


def line_text(line: AuditLine, zone: str, t: Translator) -> str:
    """One entry as the chat's /audit lists it: when · who (id) · what."""
    entry = line.entry
    return t(
        "audit-line",
        when=course_texts.local_time(entry.at, zone, t.locale, LINE_TIME),
        who=actor_name(entry.actor_id, line.actor, t),
        id=person_ref(entry.actor_id, t),
        what=describe(entry, t),
    )


def actor_name(actor_id: int, actor: User | None, t: Translator) -> str:
    """Who did it: the profile's name, "the bot", or a forgotten person (never their id)."""
    return person_name(actor_id, actor, t, fallback=t("audit-unnamed-organiser"))


def describe(entry: AuditEntry, t: Translator, text: Format | None = None) -> str:
    """The action in words, e.g. "edited course #12 (capacity)"; `text` is `t` (the chat,
    the default) or `t.plain` (a web page)."""
    text = text or t
    key = "audit-action-" + entry.action.value.replace(".", "-")
    participant = entry.details.get("participant")
    if isinstance(participant, int) and is_pseudonym(participant):
        forgotten = text("audit-forgotten-participant", ref=str(-participant))
        return f"{describe_action(key, entry, t, text)} ({forgotten})"
    return describe_action(key, entry, t, text)


def describe_action(key: str, entry: AuditEntry, t: Translator, text: Format | None = None) -> str:
    detail = entry.details
    return (text or t)(
        key,
        id=str(entry.object_id or ""),
        field=_field(str(detail.get("field", "")), t),
        format=str(detail.get("format", "")).upper(),
        count=int(_count(detail) or 0),
        # An attendance mark: set or taken away, and on which day of a longer course.
        attended="no" if detail.get("attended") is False else "yes",
        day=int(detail.get("day") or 0),
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
