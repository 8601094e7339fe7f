"""Signing in and out: the one-time login link, the Mini App entry, the language switch."""

from __future__ import annotations

import ipaddress

from aiohttp import web

from bot.web.auth import (
    COOKIE_NAME,
    SESSION_LIFETIME,
    LinkRefused,
    mini_app_user,
    new_csrf_token,
    new_session_token,
    token_hash,
)
from bot.web.context import Dashboard, dashboard, public, viewer
from bot.web.render import message_page, render
from bot.web.security import SignInLimiter, dashboard_path
from storage.audit import AuditAction

LIMITER = web.AppKey("dashboard.sign_in_limiter", SignInLimiter)


def setup(app: web.Application) -> None:
    app[LIMITER] = SignInLimiter()
    app.router.add_get("/", home)
    # DASHBOARD_URL itself without the slash ("https://x.org/dashboard", as an organiser
    # types it): with the dashboard under a path, "" is that path; alone, it matches nothing.
    app.router.add_get("", home)
    app.router.add_get("/login", login_page)
    app.router.add_post("/login", login)
    app.router.add_get("/app", mini_app_page)
    app.router.add_post("/auth/webapp", mini_app_login)
    app.router.add_post("/logout", logout)
    app.router.add_post("/language", choose_language)


def _client(request: web.Request) -> str:
    """The address sign-in attempts are counted by. Behind a reverse proxy on this machine or
    the local network (Docker's bridge), every visitor arrives from the proxy: then the
    address the proxy saw, the last one it added to X-Forwarded-For, counts. A visitor on the
    internet cannot pose as a proxy (their own address is not private)."""
    remote = request.remote or "unknown"
    forwarded = request.headers.get("X-Forwarded-For", "")
    if forwarded and _is_local(remote):
        return forwarded.split(",")[-1].strip() or remote
    return remote


def _is_local(address: str) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return parsed.is_loopback or parsed.is_private


def _too_many(request: web.Request) -> bool:
    return not request.config_dict[LIMITER].allow(_client(request))


@public
async def home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther(dashboard(request).base + "/courses")


@public
async def login_page(request: web.Request) -> web.StreamResponse:
    """What a login link opens: a button that signs in. Opening the link changes nothing,
    so a link preview or a mail scanner fetching it cannot use it up."""
    if _too_many(request):
        return message_page(request, 429, "dash-too-many-title", "dash-too-many")
    refused = await _refusal(request, request.query.get("token", ""))
    if refused is not None:
        return refused
    return render(request, "login.html", token=request.query["token"])


@public
async def login(request: web.Request) -> web.StreamResponse:
    if _too_many(request):
        return message_page(request, 429, "dash-too-many-title", "dash-too-many")
    dash = dashboard(request)
    form = await request.post()
    token = str(form.get("token", ""))
    refused = await _refusal(request, token)
    if refused is not None:
        return refused
    claim = dash.links.check(token, dash.services.clock())
    if not await dash.repos.dashboard.use_link(claim.nonce, claim.user_id, claim.expires_at):
        return message_page(request, 403, "dash-link-used-title", "dash-link-used")
    return await _signed_in(request, dash, claim.user_id, via="link")


async def _refusal(request: web.Request, token: str) -> web.Response | None:
    """The page refusing `token`, or None for a genuine, fresh, unused organiser's link."""
    dash = dashboard(request)
    try:
        claim = dash.links.check(token, dash.services.clock())
    except LinkRefused as refused:
        if refused.reason == "expired":
            return message_page(request, 403, "dash-link-expired-title", "dash-link-expired")
        return message_page(request, 403, "dash-link-invalid-title", "dash-link-invalid")
    if await dash.repos.dashboard.link_used(claim.nonce):
        return message_page(request, 403, "dash-link-used-title", "dash-link-used")
    if not await _may_sign_in(dash, claim.user_id):
        return message_page(request, 403, "dash-not-organiser-title", "dash-not-organiser")
    return None


async def _may_sign_in(dash: Dashboard, user_id: int) -> bool:
    """An organiser with a users row: one forgotten with /forget since the link was sent has
    none, and a session would point at a row that is gone (a foreign key)."""
    if user_id not in dash.settings.admin_ids:
        return False
    return await dash.services.users.get(user_id) is not None


async def _signed_in(
    request: web.Request, dash: Dashboard, user_id: int, via: str
) -> web.StreamResponse:
    token = new_session_token()
    now = dash.services.clock()
    async with dash.db.transaction() as tx:
        await tx.dashboard.open_session(
            token_hash(token), user_id, new_csrf_token(), now + SESSION_LIFETIME
        )
        await tx.audit.record(user_id, AuditAction.DASHBOARD_SIGNED_IN, via=via)
    await dash.repos.dashboard.purge(now)
    response: web.StreamResponse
    if via == "mini_app":
        response = web.json_response({"next": dash.base + "/courses"})
    else:
        # A response, not a returned HTTPSeeOther: aiohttp deprecates returning exceptions
        # (a DeprecationWarning on every sign-in; an error where warnings are errors).
        response = web.Response(status=303, headers={"Location": dash.base + "/courses"})
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path=dash.base or "/",
        httponly=True,
        samesite="Strict",
        secure=dash.secure,
    )
    return response


@public
async def mini_app_page(request: web.Request) -> web.StreamResponse:
    """The Mini App's start page: its script hands Telegram's initData to /auth/webapp."""
    return render(request, "app.html")


@public
async def mini_app_login(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    if _too_many(request):
        return web.json_response({"error": "too-many"}, status=429)
    form = await request.post()
    user_id = mini_app_user(
        dash.settings.bot_token.get_secret_value(),
        str(form.get("init_data", "")),
        dash.services.clock(),
    )
    if user_id is None:
        return web.json_response({"error": "invalid"}, status=401)
    if not await _may_sign_in(dash, user_id):
        return web.json_response({"error": "not-organiser"}, status=403)
    return await _signed_in(request, dash, user_id, via="mini_app")


async def logout(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    await dash.repos.dashboard.close_session(viewer(request).session_hash)
    response = message_page(request, 200, "dash-logged-out-title", "dash-logged-out")
    response.del_cookie(COOKIE_NAME, path=dash.base or "/")
    return response


async def choose_language(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    form = await request.post()
    locale = str(form.get("locale", ""))
    if locale in dash.localizations.locales:
        await dash.repos.dashboard.set_locale(viewer(request).session_hash, locale)
    back = dashboard_path(str(form.get("next", "")), dash.base)
    raise web.HTTPSeeOther(back or dash.base + "/courses")
