"""Dashboard pages without a browser: the real aiohttp application over HTTP on 127.0.0.1,
the bot's real services and SQLite file, an organiser signed in with a real session.

Browser behaviour (scripts, live updates, what a person clicks) is tested in
tests/e2e/test_dashboard_*_e2e.py; this level checks what each page shows and what each form
changes, quickly."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_dispatcher, create_services
from bot.config import Settings
from bot.i18n import Localizations
from bot.web.app import mount
from bot.web.auth import (
    COOKIE_NAME,
    SESSION_LIFETIME,
    LoginLinks,
    new_csrf_token,
    new_session_token,
    token_hash,
)
from bot.web.context import Dashboard
from handlers import get_routers
from storage.database import Database
from tests.conftest import ORGANISER_ID, TEST_TOKEN

DASHBOARD_URL = "http://127.0.0.1:8081"
CSRF_FIELD = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
def dashboard_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"dashboard_url": DASHBOARD_URL})


@pytest.fixture
def dashboard(
    dashboard_settings: Settings, db: Database, localizations: Localizations
) -> Dashboard:
    """The dashboard over the bot's own services (as bot/app.py builds it)."""
    for router in get_routers():
        router._parent_router = None  # module-level routers: free them from the last test
    services = create_services(db, localizations, dashboard_settings)
    dp, _ = create_dispatcher(dashboard_settings, db, localizations, services)
    return Dashboard(
        settings=dashboard_settings,
        services=services,
        db=db,
        localizations=localizations,
        links=LoginLinks(TEST_TOKEN),
        announcer=dp["announcer"],
    )


@dataclass
class WebClient:
    """An HTTP client with an organiser's session: `post` adds the session's CSRF token."""

    http: TestClient[web.Request, web.Application]
    csrf: str

    async def get(self, path: str, **kwargs: Any) -> ClientResponse:
        return await self.http.get(path, allow_redirects=False, **kwargs)

    async def post(
        self, path: str, data: Mapping[str, Any] | None = None, csrf: bool = True
    ) -> ClientResponse:
        form = dict(data or {})
        if csrf:
            form.setdefault("csrf", self.csrf)
        return await self.http.post(path, data=form, allow_redirects=False)

    async def text(self, path: str, status: int = 200) -> str:
        """The page at `path`, which must answer `status`."""
        response = await self.get(path)
        body = await response.text()
        assert response.status == status, (response.status, body[:2000])
        return body


async def sign_in_client(
    dashboard: Dashboard, user_id: int = ORGANISER_ID, language: str = "en"
) -> tuple[str, str]:
    """A session for `user_id` (their users row made if missing): its cookie and CSRF token."""
    await dashboard.repos.users.upsert_seen(user_id, language)
    await dashboard.repos.users.set_language(user_id, language)
    token, csrf = new_session_token(), new_csrf_token()
    await dashboard.repos.dashboard.open_session(
        token_hash(token), user_id, csrf, dashboard.services.clock() + SESSION_LIFETIME
    )
    return token, csrf


@pytest.fixture
async def anonymous(dashboard: Dashboard) -> AsyncIterator[WebClient]:
    """A browser that has not signed in."""
    async with TestClient(TestServer(mount(dashboard))) as http:
        yield WebClient(http, csrf="")


@pytest.fixture
async def organiser(dashboard: Dashboard) -> AsyncIterator[WebClient]:
    """The organiser (ORGANISER_ID, English), signed in."""
    token, csrf = await sign_in_client(dashboard)
    async with TestClient(TestServer(mount(dashboard))) as http:
        http.session.cookie_jar.update_cookies({COOKIE_NAME: token})
        yield WebClient(http, csrf=csrf)
