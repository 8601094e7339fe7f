"""Inline keyboards shared by several handler modules."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.config import LOCALES
from bot.countries import COUNTRIES, TIMEZONE_CHOICES
from bot.i18n import Localizations, Translator
from bot.ui.callbacks import (
    CountryCb,
    LanguageCb,
    MenuAction,
    MenuCb,
    ProfileAction,
    ProfileCb,
    TimezoneCb,
)
from bot.ui.timefmt import utc_offset

COUNTRIES_PER_PAGE = 18  # 6 rows of 3: fits a phone screen without scrolling


def main_menu(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for action in MenuAction:
        kb.button(text=t(f"button-menu-{action.value}"), callback_data=MenuCb(action=action))
    kb.adjust(2, 2, 1)
    return kb.as_markup()


def languages(localizations: Localizations) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for code in LOCALES:
        # Each language's button is written in that language, whatever the current one is.
        kb.button(
            text=localizations.get(code)(f"button-language-{code}"),
            callback_data=LanguageCb(code=code),
        )
    return kb.as_markup()


def countries_sorted(t: Translator) -> list[tuple[str, str]]:
    """(code, localized name) of every country, in the user's alphabetical order."""
    return sorted(((c.code, t(c.name_key)) for c in COUNTRIES), key=lambda item: item[1])


def country_page(t: Translator, page: int) -> InlineKeyboardMarkup:
    items = countries_sorted(t)
    pages = max(1, -(-len(items) // COUNTRIES_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    chunk = items[page * COUNTRIES_PER_PAGE : (page + 1) * COUNTRIES_PER_PAGE]
    kb = InlineKeyboardBuilder()
    for code, name in chunk:
        kb.button(text=name, callback_data=CountryCb(code=code, page=page))
    kb.adjust(3)
    nav = InlineKeyboardBuilder()
    if page > 0:
        nav.button(text=t("button-previous-page"), callback_data=CountryCb(page=page - 1))
    if page < pages - 1:
        nav.button(text=t("button-next-page"), callback_data=CountryCb(page=page + 1))
    kb.attach(nav)
    return kb.as_markup()


def timezone_key(zone: str) -> str:
    return "tz-" + zone.lower().replace("/", "-").replace("_", "-")


def timezones(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for index, zone in enumerate(TIMEZONE_CHOICES):
        label = t.plain("tz-button", city=t.plain(timezone_key(zone)), offset=utc_offset(zone))
        kb.button(text=label, callback_data=TimezoneCb(index=index))
    kb.adjust(2)
    return kb.as_markup()


def skip(t: Translator, field: str) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-skip"), callback_data=ProfileCb(action=ProfileAction.SKIP, field=field)
    )
    return kb.as_markup()
