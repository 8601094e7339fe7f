"""Pages from Jinja2 templates (bot/web/templates), autoescaped: every value a person typed
is escaped on its way into HTML, whatever the template does with it."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot.i18n import Translator
from bot.ui.course_texts import local_time
from bot.ui.timefmt import zone_name
from bot.web.context import VIEWER, Viewer, dashboard

TEMPLATES = Path(__file__).resolve().parent / "templates"
DATE_TIME = "d MMM yyyy, HH:mm"  # a moment on a page, shorter than the chat's


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg"], default=True),
        undefined=StrictUndefined,  # a misspelt variable fails the test, not the page quietly
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page_locale(request: web.Request) -> str:
    """The signed-in organiser's language; before sign-in, the browser's if we speak it."""
    found = request.get(VIEWER)
    if isinstance(found, Viewer):
        return found.locale
    dash = dashboard(request)
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower().split("-")[0]
        if code in dash.localizations.locales:
            return code
    return dash.settings.default_locale


def translator(request: web.Request) -> Translator:
    return dashboard(request).localizations.get(page_locale(request))


def render(
    request: web.Request, template: str, *, status: int = 200, **context: Any
) -> web.Response:
    """The page `template` in the viewer's language, with `t`, `when`, `base`, `csrf` and
    `viewer` available to every template."""
    dash = dashboard(request)
    found = request.get(VIEWER)
    signed_in = found if isinstance(found, Viewer) else None
    t = translator(request)
    zone = signed_in.zone if signed_in else dash.settings.default_timezone

    def when(moment: datetime | None, pattern: str = DATE_TIME) -> str:
        return local_time(moment, zone, t.locale, pattern) if moment else "—"

    text = (
        environment()
        .get_template(template)
        .render(
            t=t.plain,
            locale=t.locale,
            when=when,
            zone=zone_name(zone, t),  # "Baku (UTC+4)", as the chat names it
            base=dash.base,
            viewer=signed_in,
            csrf=signed_in.csrf if signed_in else "",
            path=request.path_qs,
            **context,
        )
    )
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def message_page(
    request: web.Request, status: int, title: str, text: str, **args: Any
) -> web.Response:
    """A page that only says something: an error, a refused link, a signed-out browser
    (`title` and `text` are message keys; `args` the text's variables)."""
    t = translator(request)
    return render(
        request, "message.html", status=status, title=t.plain(title), text=t.plain(text, **args)
    )
