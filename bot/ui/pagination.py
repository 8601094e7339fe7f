"""Pages of a long list: one clamping rule and one pair of ← → buttons for every list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton

from bot.i18n import Translator
from bot.ui.keyboard_builder import InlineKeyboardBuilder

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """Page `number` (from 0) of `total` items, `size` a page. A number from an old or forged
    button beyond either end is clamped to the nearest page that exists."""

    number: int
    size: int
    total: int

    @classmethod
    def of(cls, number: int, size: int, total: int) -> Page:
        last = max(total - 1, 0) // size
        return cls(min(max(number, 0), last), size, total)

    @property
    def offset(self) -> int:
        return self.number * self.size

    @property
    def count(self) -> int:
        """How many pages there are (one, empty, when there is nothing)."""
        return max(self.total - 1, 0) // self.size + 1

    @property
    def has_previous(self) -> bool:
        return self.number > 0

    @property
    def has_next(self) -> bool:
        return (self.number + 1) * self.size < self.total

    def items(self, everything: Sequence[T]) -> Sequence[T]:
        """This page's part of a list held in memory."""
        return everything[self.offset : self.offset + self.size]


def add_page_buttons(
    kb: InlineKeyboardBuilder, t: Translator, page: Page, turn_to: Callable[[int], CallbackData]
) -> None:
    """A row with ← and → where there is a page to turn to; `turn_to(n)` is page n's button."""
    nav = InlineKeyboardBuilder()
    if page.has_previous:
        nav.button(text=t("button-previous-page"), callback_data=turn_to(page.number - 1))
    if page.has_next:
        nav.button(text=t("button-next-page"), callback_data=turn_to(page.number + 1))
    kb.attach(nav)


def button_row(kb: InlineKeyboardBuilder, text: str, callback_data: CallbackData) -> None:
    """One button on a row of its own. (`kb.row()` with no buttons starts no row: a
    `kb.button()` after it would join the last row, two buttons cut in half on a phone.)"""
    kb.row(InlineKeyboardButton(text=text, callback_data=callback_data.pack()))
