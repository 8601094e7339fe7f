"""The dashboard's aiohttp application: sign-in and error middlewares, headers, routes."""

from __future__ import annotations

import logging
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.errors import CourseNotFound, NotFound
from bot.web import signin
from bot.web.auth import COOKIE_NAME, token_hash
from bot.web.context import DASHBOARD, VIEWER, Dashboard, Viewer, dashboard
from bot.web.pages import PAGES
from bot.web.render import message_page
from bot.web.security import add_security_headers, check_csrf

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Errors as pages in the viewer's language; an unexpected one is logged (with no data
    from the request) and the organiser sees a short apology, never a traceback."""
    try:
        return await handler(request)
    # A service's "not found" (the id in the address names nothing, or it went meanwhile)
    # is the page's 404, so no page catches it itself.
    except (web.HTTPNotFound, NotFound, CourseNotFound):
        return message_page(request, 404, "dash-not-found-title", "dash-not-found")
    except web.HTTPForbidden as refused:
        if refused.reason and "CSRF" in refused.reason:
            return message_page(request, 403, "dash-stale-form-title", "dash-stale-form")
        return _refused(request, refused)
    except web.HTTPError as refused:
        # A wrong method, a form over client_max_size, a malformed request: a page in the
        # viewer's language rather than aiohttp's plain "405: Method Not Allowed".
        return _refused(request, refused)
    except web.HTTPException:
        raise  # redirects
    except Exception:
        log.exception("Dashboard request %s %s failed", request.method, request.path)
        return message_page(request, 500, "dash-error-title", "dash-error")


def _refused(request: web.Request, error: web.HTTPError) -> web.Response:
    page = message_page(request, error.status, "dash-refused-title", "dash-refused")
    if "Allow" in error.headers:
        page.headers["Allow"] = error.headers["Allow"]
    return page


@web.middleware
async def signed_in(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every page but the public ones needs a live session of someone in ADMIN_IDS (read on
    every request: an organiser taken off the list is out at once). 401 and 403 pages say
    how to sign in and nothing else."""
    dash = dashboard(request)
    if getattr(handler, "dashboard_public", False) or request.path.startswith(
        dash.base + "/static/"
    ):
        return await handler(request)
    cookie = request.cookies.get(COOKIE_NAME)
    session = await dash.repos.dashboard.session(token_hash(cookie)) if cookie else None
    if session is None or session.expires_at <= dash.services.clock():
        return message_page(request, 401, "dash-signed-out-title", "dash-signed-out")
    if session.user_id not in dash.settings.admin_ids:
        return message_page(request, 403, "dash-not-organiser-title", "dash-not-organiser")
    user = await dash.services.users.get(session.user_id)
    locale = session.locale or (user.language if user else None) or dash.settings.default_locale
    if locale not in dash.localizations.locales:
        locale = dash.settings.default_locale
    found = Viewer(
        user_id=session.user_id,
        locale=locale,
        zone=(user.timezone if user else None) or dash.settings.default_timezone,
        t=dash.localizations.get(locale),
        csrf=session.csrf,
        session_hash=session.token_hash,
    )
    request[VIEWER] = found
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        await check_csrf(request, found)
    return await handler(request)


def create_dashboard_app(dash: Dashboard) -> web.Application:
    app = web.Application(middlewares=[errors, signed_in], client_max_size=2 * 1024 * 1024)
    app[DASHBOARD] = dash
    app.on_response_prepare.append(add_security_headers)
    signin.setup(app)
    for setup in PAGES:
        setup(app)
    app.router.add_static("/static", STATIC)
    return app


def mount(dash: Dashboard, root: web.Application | None = None) -> web.Application:
    """The application to serve: the dashboard itself, or a root with the dashboard under its
    path (DASHBOARD_URL's); `root` given (the webhook server's), it is added to that."""
    app = create_dashboard_app(dash)
    if not dash.base:
        if root is not None:
            raise ValueError("sharing a port with the webhook needs a path in DASHBOARD_URL")
        return app
    root = root if root is not None else web.Application()
    root.add_subapp(dash.base, app)
    return root
