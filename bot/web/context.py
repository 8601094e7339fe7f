"""What every dashboard request handler reaches: the bot's services and the signed-in viewer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.i18n import Localizations, Translator
from bot.web.auth import LoginLinks

if TYPE_CHECKING:
    from bot.announcer import Announcer
    from bot.app import Services
    from bot.config import Settings
    from storage.database import Database
    from storage.repositories import Repositories


@dataclass(frozen=True)
class Dashboard:
    """Built once by the composition root (bot/app.py) and kept in the aiohttp application.

    `services` are the bot's own: what a page changes, it changes through the same service
    as the chat, so the validation, the audit record and the notices are the same.
    `db.repos` is for reading lists the services do not offer, and for the dashboard's own
    sessions; a page never writes the bot's data through it.
    """

    settings: Settings
    services: Services
    db: Database
    localizations: Localizations
    links: LoginLinks
    announcer: Announcer | None
    wake_delivery: object | None = None  # asyncio.Event the delivery worker waits on

    @property
    def repos(self) -> Repositories:
        return self.db.repos

    @property
    def public_url(self) -> str:
        assert self.settings.dashboard_url is not None
        return self.settings.dashboard_url

    @property
    def base(self) -> str:
        """The URL path the dashboard lives under ("" or "/dashboard"): links in pages."""
        return urlsplit(self.public_url).path.rstrip("/")

    @property
    def secure(self) -> bool:
        return self.public_url.startswith("https://")


DASHBOARD = web.AppKey("dashboard", Dashboard)
# An id in a route: 18 digits at most, so every id fits SQLite's 64-bit integers; a longer
# one matches no route and is a 404 page, not an OverflowError.
ID = r"\d{1,18}"


def digits(text: str, most: int) -> bool:
    """ASCII digits only, at most `most` of them: what int() takes and SQLite holds ("²"
    passes str.isdigit() and fails int())."""
    return text.isascii() and text.isdecimal() and len(text) <= most


# The highest page number taken from an address: an absurd one is a page past the end, never
# an OFFSET SQLite cannot hold.
LAST_PAGE = 1_000_000


def query_number(request: web.Request, name: str, default: int = 1) -> int:
    """A whole number from the query string, or `default` where there is none."""
    value = request.query.get(name, "")
    return int(value) if digits(value, 9) else default


def page_number(request: web.Request) -> int:
    """The list page the address asks for (from 1); however many digits, a number past the
    end stays past the end (the page then says so, or shows the last page)."""
    value = request.query.get("page", "")
    if not digits(value, len(value)):
        return 1
    return max(1, LAST_PAGE if len(value) > 9 else min(int(value), LAST_PAGE))


@dataclass(frozen=True)
class Viewer:
    """The organiser a request is from: their language and time zone for every page."""

    user_id: int
    locale: str
    zone: str
    t: Translator
    csrf: str
    session_hash: str


VIEWER = web.RequestKey("dashboard.viewer", Viewer)  # set by the sign-in middleware


def dashboard(request: web.Request) -> Dashboard:
    return request.config_dict[DASHBOARD]


def viewer(request: web.Request) -> Viewer:
    """The signed-in organiser; every page but the public ones has one."""
    found = request.get(VIEWER)
    if not isinstance(found, Viewer):
        raise web.HTTPUnauthorized()
    return found


def public(handler: Handler) -> Handler:
    """Marks a handler that answers without a session (sign-in pages, static files)."""
    handler.dashboard_public = True  # type: ignore[attr-defined,unused-ignore]
    return handler
