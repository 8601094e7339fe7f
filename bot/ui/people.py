"""How people appear in records (the audit log, the announcement list): by their profile's
name, or as a forgotten person once they asked to be forgotten."""

from __future__ import annotations

from bot.i18n import Translator
from storage.users import User

# The actor of what the bot does by itself (a nomination lapsing unanswered): no Telegram id
# is 0, and pseudonyms are negative.
SYSTEM_ACTOR = 0


def is_pseudonym(user_id: int) -> bool:
    """Ids of people who asked to be forgotten were replaced by random negative numbers."""
    return user_id < 0


def person_name(user_id: int, person: User | None, t: Translator, fallback: str) -> str:
    """An organiser as records show them: the profile's name, or `fallback` without one
    (Telegram's own name is not stored)."""
    if is_pseudonym(user_id):
        return t("audit-forgotten-person")
    if user_id == SYSTEM_ACTOR:
        return t("audit-the-bot")
    return (person.full_name if person else None) or fallback


def person_ref(user_id: int, t: Translator) -> str:
    """The Telegram id, or the pseudonym that replaced it."""
    return t("audit-pseudonym", ref=str(-user_id)) if is_pseudonym(user_id) else str(user_id)


def person_line(user: User, t: Translator) -> str:
    """An officer as organisers and focal points read them in a notice or a list: name,
    administration and country (each escaped by the translator)."""
    name = user.full_name or str(user.id)
    country = t.plain(f"country-{user.country}") if user.country else ""
    details = ", ".join(part for part in (user.organisation, country) if part)
    if not details:
        return t("person-line-bare", name=name)
    return t("person-line", name=name, details=details)
