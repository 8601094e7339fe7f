"""Inline keyboards shared by several handler modules."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import LOCALES
from bot.countries import COUNTRIES, TIMEZONE_CHOICES, Country, folded, zone_slug
from bot.i18n import Localizations, Translator
from bot.ui.callbacks import (
    CountryCb,
    LanguageCb,
    MenuAction,
    MenuCb,
    QuestionAction,
    QuestionCb,
    TimezoneCb,
)
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.timefmt import utc_offset

# 7 rows of 2: long names such as «Босния и Герцеговина» fit a phone's width, and a page with
# the dialog's buttons under it fits its height.
COUNTRIES_PER_PAGE = 14


def ask_organisers(t: Translator, course_id: int | None = None) -> InlineKeyboardButton:
    """ "❓ Ask the organisers": about the course of a card, or (under /help, no course) a
    general question or one about a course of theirs, chosen next."""
    if course_id is None:
        data = QuestionCb(action=QuestionAction.PICK)
    else:
        data = QuestionCb(action=QuestionAction.ASK, course_id=course_id)
    return InlineKeyboardButton(text=t.plain("button-ask-organisers"), callback_data=data.pack())


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
    """(code, localized name) of every country: the TRACECA countries first, then the others,
    each group in the reader's alphabetical order."""
    traceca, others = _country_groups(t)
    return traceca + others


def _country_groups(t: Translator) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    def by_name(countries: Iterable[Country]) -> list[tuple[str, str]]:
        named = ((c.code, t.plain(c.name_key)) for c in countries)
        return sorted(named, key=lambda item: folded(item[1]))

    return (
        by_name(c for c in COUNTRIES if c.traceca),
        by_name(c for c in COUNTRIES if not c.traceca),
    )


def country_pages(t: Translator) -> list[list[tuple[str, str]]]:
    """The TRACECA countries on the first page (most officers find theirs there), then the
    others, COUNTRIES_PER_PAGE at a time."""
    traceca, others = _country_groups(t)
    rest = [others[i : i + COUNTRIES_PER_PAGE] for i in range(0, len(others), COUNTRIES_PER_PAGE)]
    return [traceca, *rest]


def _profile_country(code: str, page: int) -> CallbackData:
    return CountryCb(code=code, page=page)


def country_page(
    t: Translator, page: int, button: Callable[[str, int], CallbackData] = _profile_country
) -> InlineKeyboardBuilder:
    """One page of the country buttons, two a row, with the buttons to turn pages.

    `button(code, page)` is a country's callback data (code "" turns to `page`): the profile's
    by default; another dialog gives its own, so that a button left in the chat from one
    dialog never answers the other's question."""
    pages = country_pages(t)
    page = min(max(page, 0), len(pages) - 1)
    kb = InlineKeyboardBuilder()
    for code, name in pages[page]:
        kb.button(text=name, callback_data=button(code, page))
    kb.adjust(2)
    turn = []
    if page > 0:
        turn.append(_page_button(t, "button-countries-previous", button("", page - 1)))
    if page == 0:
        turn.append(_page_button(t, "button-countries-other", button("", page + 1)))
    elif page < len(pages) - 1:
        turn.append(_page_button(t, "button-countries-next", button("", page + 1)))
    kb.row(*turn)
    return kb


def _page_button(t: Translator, key: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=t.plain(key), callback_data=data.pack())


def timezone_key(zone: str) -> str:
    """The label of a time-zone button: the cities people recognise in that zone."""
    return "tz-" + zone_slug(zone)


def timezones(t: Translator) -> InlineKeyboardBuilder:
    kb = InlineKeyboardBuilder()
    for index, zone in enumerate(TIMEZONE_CHOICES):
        city = t.plain(timezone_key(zone))
        label = t.plain("tz-with-offset", city=city, offset=utc_offset(zone))
        kb.button(text=label, callback_data=TimezoneCb(index=index))
    kb.adjust(2)
    return kb
