"""What the nomination screens share: how a person is named, and the focal point's menu."""

from __future__ import annotations

from aiogram import Bot

from bot.commands import register_chat_commands
from bot.config import Settings
from bot.i18n import Html, Localizations, Translator
from storage.focal_points import FocalPoint
from storage.users import User

# Officers a page, one a row: names are long, and the page fits a phone with the buttons
# under it.
PEOPLE_PER_PAGE = 8


def contact(name: str | None, username: str | None, t: Translator, fallback: str = "") -> str:
    """A person as others read them: the profile's name and @username (each escaped; the
    result is HTML, to pass into another message as it is)."""
    name = name or fallback
    if username:
        return t("person-contact", name=name, username=username)
    return t("person-contact-bare", name=name)


def focal_point_contacts(people: list[FocalPoint], t: Translator) -> Html:
    return Html(", ".join(contact(p.full_name, p.username, t, str(p.user_id)) for p in people))


def user_contacts(people: list[User], t: Translator) -> Html:
    return Html(", ".join(contact(p.full_name, p.username, t, str(p.id)) for p in people))


def country_name(code: str, t: Translator) -> str:
    return t.plain(f"country-{code}")


async def set_focal_point_menu(
    bot: Bot,
    localizations: Localizations,
    settings: Settings,
    person: User,
    focal_point: bool,
) -> None:
    """/nominate in the person's command menu while they are a focal point (best effort)."""
    await register_chat_commands(
        bot,
        localizations,
        person.id,
        person.language,
        organiser=person.id in settings.admin_ids,
        default_locale=settings.default_locale,
        focal_point=focal_point,
        dashboard_url=settings.dashboard_url,
    )
