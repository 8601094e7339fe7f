"""The dashboard's pages, one module a section; each has `setup(app)` adding its routes."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from bot.web.pages import courses, surveys

PAGES: tuple[Callable[[web.Application], None], ...] = (courses.setup, surveys.setup)
