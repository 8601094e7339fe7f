"""The emulator's HTTP side: the aiohttp app on 127.0.0.1, routing Bot API methods to their
handlers through faults and rate limits, recording every call, start and stop."""

from __future__ import annotations

import asyncio
import socket
import time

from aiohttp import web

from tests.e2e.emulator.faults import DROP, FaultInjector
from tests.e2e.emulator.limits import RateLimiter
from tests.e2e.emulator.methods.compose import Composer
from tests.e2e.emulator.methods.media import MediaMethods
from tests.e2e.emulator.methods.messages import MessageMethods
from tests.e2e.emulator.methods.profile import ProfileMethods
from tests.e2e.emulator.methods.updates import UpdateMethods
from tests.e2e.emulator.model import (
    ApiError,
    Call,
    Files,
    Handler,
    Params,
    too_many_requests,
)
from tests.e2e.emulator.params import read_params
from tests.e2e.emulator.store import Store, UpdateQueue
from tests.e2e.emulator.waiting import Ticker


class EmulatorServer:
    """aiohttp server speaking the Bot API over the emulator's parts.

    `store` holds chats, messages and files; `queue` the updates for the bot; `faults` and
    `limits` what goes wrong on purpose; `polling` long polls and webhooks."""

    def __init__(self, token: str, bot_user: Params) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.arrived: list[tuple[str, Params]] = []  # delayed requests, as they came in
        self.ticker = Ticker()
        self.store = Store(bot_user)
        self.queue = UpdateQueue()
        self.faults = FaultInjector()
        self.limits = RateLimiter()
        self.polling = UpdateMethods(self.queue, self.ticker)
        composer = Composer(self.store)
        self.media = MediaMethods(self.store, composer)
        self._methods: dict[str, tuple[str, Handler]] = {}
        for family in (
            ProfileMethods(self.store),
            self.polling,
            MessageMethods(self.store, composer),
            self.media,
        ):
            for name, handler in family.handlers().items():
                self._methods[name.lower()] = (name, handler)
        self._runner: web.AppRunner | None = None
        self._port = 0

    # ----------------------------------------------------------------------- lifecycle
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    async def start(self) -> None:
        # Telegram accepts uploads up to 50 MB; aiohttp's default body limit is 1 MB.
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # port 0: the OS picks a free one, no races between tests
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        self.ticker.close()
        await self.polling.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ------------------------------------------------------------------ HTTP plumbing
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params: Params = {}
        files: Files = {}
        try:
            params, files = await read_params(request)
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            entry = self._methods.get(method.lower())
            if entry is None:
                raise ApiError(404, "Not Found: method not found")
            method, handler = entry
            delay = self.faults.delay_of(method)
            if delay:
                # A slow server: the request is visibly in flight until the delay ends.
                self.arrived.append((method, params))
                self.ticker.notify()
                await asyncio.sleep(delay)
            kind = self.faults.take(method, params)
            if kind == DROP:
                # Cut the TCP connection without any HTTP response, like a flaky network.
                self._record(method, params, files, 0, None)
                if request.transport is not None:
                    request.transport.abort()
                return web.Response()
            if kind is not None:
                raise self.faults.error(kind)
            retry_after = self.limits.admit(method, params)
            if retry_after is not None:
                self.limits.too_many_requests += 1
                raise too_many_requests(retry_after)
            result = await handler(params, files)
            status, body = 200, {"ok": True, "result": result}
        except ApiError as error:
            status = error.status
            body = {"ok": False, "error_code": error.status, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
        self._record(method, params, files, status, body)
        return web.json_response(body, status=status)

    def _record(
        self, method: str, params: Params, files: Files, status: int, body: Params | None
    ) -> None:
        """Keep one call; a subclass may watch calls here (benchmarks/soak.py does)."""
        self.calls.append(Call(method, params, files, status, body, time.monotonic()))
        self.ticker.notify()

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            raise web.HTTPUnauthorized()
        data = self.media.download(request.match_info["path"])
        if data is None:
            raise web.HTTPNotFound()
        return web.Response(body=data)
