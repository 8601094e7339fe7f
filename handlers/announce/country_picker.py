"""The audience's country keyboard: tap to tick ✅ or untick, two columns, TRACECA countries
first (the order of `countries_sorted`), a page at a time, then Done."""

from __future__ import annotations

from bot.i18n import Translator
from bot.ui.callbacks import AnnounceAction
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.keyboards import countries_sorted
from handlers.announce.common import builder, cb

COLUMNS = 2
PER_PAGE = 20  # 10 rows of 2: a phone screen without scrolling


def page_count(t: Translator) -> int:
    return max(1, -(-len(countries_sorted(t)) // PER_PAGE))


def picker(t: Translator, ticked: list[str], page: int) -> InlineKeyboardBuilder:
    """Page `page` of the countries (ticked ones marked), the page turners and Done."""
    items = countries_sorted(t)
    pages = page_count(t)
    page = min(max(page, 0), pages - 1)
    chunk = items[page * PER_PAGE : (page + 1) * PER_PAGE]
    kb = builder(
        *(
            (
                t.plain("announce-country-ticked", name=name) if code in ticked else name,
                cb(AnnounceAction.COUNTRY, code),
            )
            for code, name in chunk
        ),
        width=COLUMNS,
    )
    turners = []
    if page > 0:
        turners.append((t.plain("button-previous-page"), cb(AnnounceAction.PAGE, str(page - 1))))
    if page < pages - 1:
        turners.append((t.plain("button-next-page"), cb(AnnounceAction.PAGE, str(page + 1))))
    if turners:
        kb.attach(builder(*turners, width=len(turners)))
    if ticked:
        done = t.plain("button-announce-countries-done", count=len(ticked))
        kb.attach(builder((done, cb(AnnounceAction.DONE))))
    return kb
