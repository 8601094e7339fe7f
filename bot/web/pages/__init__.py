"""The dashboard's pages, one module a section; each has `setup(app)` adding its routes."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from bot.web.pages import (
    announcements,
    audit,
    course,
    course_edit,
    course_exports,
    courses,
    surveys,
)

PAGES: tuple[Callable[[web.Application], None], ...] = (
    courses.setup,
    course.setup,
    course_edit.setup,
    course_exports.setup,
    announcements.setup,
    surveys.setup,
    audit.setup,
)
