"""Courses: every course with its seats, waiting list, requests, deadline and status."""

from __future__ import annotations

from aiohttp import web

from bot.web.context import dashboard, viewer
from bot.web.render import render


def setup(app: web.Application) -> None:
    app.router.add_get("/courses", course_list)


async def course_list(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    courses, _total = await dash.repos.courses.all(0, 500)
    return render(
        request,
        "courses.html",
        courses=courses,
        title_of=lambda course: course.title(viewer(request).locale),
    )
