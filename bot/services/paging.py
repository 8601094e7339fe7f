"""Fetching one page of a list the database counts (the catalogue, the organiser's list)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.ui.pagination import Page

T = TypeVar("T")
Fetch = Callable[[int, int], Awaitable[tuple[list[T], int]]]


async def fetch_page(fetch: Fetch[T], number: int, size: int) -> tuple[Page, list[T]]:
    """Page `number` of what `fetch(offset, limit)` returns with its total; a number beyond
    the last page (an old button after courses went away) shows the last page."""
    items, total = await fetch(max(number, 0) * size, size)
    page = Page.of(number, size, total)
    if not items and number > 0:
        # Past the end the query returns no rows and so no total: count from the start.
        _, total = await fetch(0, size)
        page = Page.of(number, size, total)
        items, _ = await fetch(page.offset, size)
    return page, items
