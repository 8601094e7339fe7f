"""Headers every answer carries, the CSRF check of every form, and the sign-in rate limit."""

from __future__ import annotations

import hmac
import time
from collections import deque

from aiohttp import web

from bot.web.context import Viewer

# No inline script or style anywhere: the pages load /static files only. Telegram's web
# client shows a Mini App in a frame, so its origins may embed the pages; nothing else may.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
    )
)


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"  # a login link never leaks to another site
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if not request.path.startswith(_static_prefix(request)):
        # Participants' names and answers: no copy in a shared computer's cache.
        headers["Cache-Control"] = "no-store"
    if request.url.scheme == "https" or request.headers.get("X-Forwarded-Proto") == "https":
        headers["Strict-Transport-Security"] = "max-age=31536000"


def _static_prefix(request: web.Request) -> str:
    from bot.web.context import dashboard

    return dashboard(request).base + "/static/"


def csrf_ok(viewer: Viewer, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(viewer.csrf.encode(), str(sent).encode())


def dashboard_path(target: str, base: str) -> str | None:
    """`target` if it is a path of the dashboard's own, None otherwise: never an open
    redirect. Browsers read a backslash as a slash and drop tabs and newlines, so "/\\evil"
    or "/<tab>/evil" would lead to another host; such a target is refused outright."""
    if any(char == "\\" or ord(char) < 0x20 or char == "\x7f" for char in target):
        return None
    if not target.startswith(base + "/") or target.startswith("//"):
        return None
    return target


async def check_csrf(request: web.Request, viewer: Viewer) -> None:
    """A POST must carry the session's CSRF token, in the form (`csrf`) or, from a script,
    in the X-CSRF-Token header; else 403 and nothing changes."""
    sent = request.headers.get("X-CSRF-Token")
    if sent is None and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        form = await request.post()  # aiohttp keeps it: the handler reads it again for free
        value = form.get("csrf")
        sent = value if isinstance(value, str) else None
    if not csrf_ok(viewer, sent):
        raise web.HTTPForbidden(reason="CSRF token missing or wrong")


class SignInLimiter:
    """At most `limit` sign-in attempts per client address in `window` seconds: a guessed
    or stolen link cannot be tried at speed. In memory: a restart forgets, which is fine for
    a limit measured in minutes."""

    def __init__(self, limit: int = 20, window: float = 600.0) -> None:
        self.limit = limit
        self.window = window
        self._attempts: dict[str, deque[float]] = {}

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        attempts = self._attempts.setdefault(client, deque())
        while attempts and attempts[0] <= now - self.window:
            attempts.popleft()
        if len(attempts) >= self.limit:
            return False
        attempts.append(now)
        if len(self._attempts) > 10_000:  # many addresses: drop those with nothing recent
            for key in [k for k, v in self._attempts.items() if not v]:
                del self._attempts[key]
        return True
