"""Serving the dashboard: its own port, or the webhook server's when DASHBOARD_PORT is the same."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from aiohttp import web

from bot.web.app import mount
from bot.web.context import Dashboard

log = logging.getLogger(__name__)

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def listen_host(dash: Dashboard) -> str:
    """A dashboard addressed as localhost listens on the loopback only; one with a public
    address listens on every interface, for the reverse proxy (or Docker's port mapping)."""
    host = urlsplit(dash.public_url).hostname or ""
    return "127.0.0.1" if host in LOCAL_HOSTS else "0.0.0.0"


async def start_dashboard(dash: Dashboard) -> web.AppRunner:
    runner = web.AppRunner(mount(dash), access_log=None, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, host=listen_host(dash), port=dash.settings.dashboard_port).start()
    log.info("Dashboard: listening on port %d", dash.settings.dashboard_port)
    return runner
