"""Announcements: the list /announcements shows in the chat, one announcement's figures with
a live progress view (server-sent events), and Stop — the chat's own Stop."""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime

from aiohttp import web
from markupsafe import Markup

from bot.i18n import Translator
from bot.services.announcements import AnnouncementService, Progress, Sent
from bot.ui.audience_names import audience_name
from bot.ui.people import person_name
from bot.web.context import ID, dashboard, page_number, viewer
from bot.web.render import render
from storage.announcements import Announcement, AnnouncementStatus
from storage.sql import from_db

PAGE_SIZE = 25
POLL_SECONDS = 1.0  # how often the live view reads the outbox
HEARTBEAT_SECONDS = 15.0  # a comment now and then finds a browser that went away
# What Stop acts on: a running one, or a scheduled one not yet started (it never starts).
STOPPABLE = (AnnouncementStatus.SCHEDULED, AnnouncementStatus.SENDING)
BADGES = {
    AnnouncementStatus.SCHEDULED: "",
    AnnouncementStatus.SENDING: "warn",
    AnnouncementStatus.DONE: "good",
    AnnouncementStatus.STOPPED: "bad",
}
TAG = re.compile(r"<[^>]*>")
SHUTTING_DOWN = web.AppKey("announcements.shutting_down", asyncio.Event)


def setup(app: web.Application) -> None:
    app[SHUTTING_DOWN] = asyncio.Event()
    app.on_shutdown.append(_end_live_views)
    app.router.add_get("/announcements", announcement_list)
    app.router.add_get(f"/announcements/{{id:{ID}}}", announcement_page)
    app.router.add_get(f"/announcements/{{id:{ID}}}/events", progress_events)
    app.router.add_post(f"/announcements/{{id:{ID}}}/stop", stop)


async def _end_live_views(app: web.Application) -> None:
    """Streams end at once when the bot stops, rather than holding up its shutdown."""
    app[SHUTTING_DOWN].set()


@dataclass(frozen=True)
class Figures:
    """What the page shows and the live view sends whenever it changes."""

    status: str
    total: int
    sent: int
    failed: int
    blocked: int
    waiting: int
    cancelled: int

    @property
    def final(self) -> bool:
        """Nothing will change any more (after Stop, once the messages in flight are back)."""
        ended = self.status in (AnnouncementStatus.DONE, AnnouncementStatus.STOPPED)
        return ended and self.waiting == 0


@dataclass(frozen=True)
class AnnouncementRow:
    """One announcement as the list shows it."""

    id: int
    when: datetime | None
    author: str
    audience: Markup
    text: str  # its first line
    figures: Figures


def figures(announcement: Announcement, progress: Progress) -> Figures:
    status = announcement.status
    if status == AnnouncementStatus.SENDING and progress.finished:
        # Every message has left; the bot marks it done at its next status update.
        status = AnnouncementStatus.DONE
    return Figures(
        status=str(status),
        total=progress.total,
        sent=progress.sent,
        failed=progress.failed,
        blocked=progress.blocked,
        waiting=progress.remaining,
        cancelled=progress.cancelled,
    )


def plain_text(telegram_html: str) -> str:
    """An announcement's text without Telegram's formatting tags (the page escapes it)."""
    return html.unescape(TAG.sub("", telegram_html))


def first_line(text: str) -> str:
    return next((line for line in plain_text(text).splitlines() if line.strip()), "…")


def sent_at(announcement: Announcement) -> datetime | None:
    """When it went out, or when it is to go out."""
    stamp = announcement.queued_at or announcement.scheduled_at
    return from_db(stamp) if stamp else None


async def audience_html(
    announcement: Announcement, t: Translator, service: AnnouncementService
) -> Markup:
    """The audience as the chat names it. That is the chat's HTML, in which the translator
    escaped every value a person typed (a course title), so the page takes it as it is."""
    return Markup(await audience_name(announcement.audience_spec, t, service))


async def _row(item: Sent, t: Translator, service: AnnouncementService) -> AnnouncementRow:
    announcement = item.announcement
    author_id = announcement.created_by
    return AnnouncementRow(
        id=announcement.id,
        when=sent_at(announcement),
        author=person_name(author_id, item.author, t, fallback=str(author_id)),
        audience=await audience_html(announcement, t, service),
        text=first_line(announcement.text(t.locale)),
        figures=figures(announcement, item.progress),
    )


async def announcement_list(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    t = viewer(request).t
    page = page_number(request)
    service = dash.services.announcements
    items = await service.recent(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
    rows = [await _row(item, t, service) for item in items[:PAGE_SIZE]]
    return render(
        request,
        "announcements.html",
        rows=rows,
        page=page,
        has_next=len(items) > PAGE_SIZE,
        badges=BADGES,
    )


async def _announcement(request: web.Request) -> Announcement:
    """The announcement in the URL; a draft (an organiser's dialog still open) is not shown."""
    found = await dashboard(request).services.announcements.get(int(request.match_info["id"]))
    if found.status == AnnouncementStatus.DRAFT:
        raise web.HTTPNotFound()
    return found


async def announcement_page(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    t = viewer(request).t
    service = dash.services.announcements
    announcement = await _announcement(request)
    shown = figures(announcement, await service.progress(announcement.id))
    author = await dash.services.users.get(announcement.created_by)
    texts = [
        (locale, plain_text(own))
        for locale, own in (("en", announcement.text_en), ("ru", announcement.text_ru))
        if own
    ]
    expected = (
        await service.recipients(announcement.id)
        if announcement.status == AnnouncementStatus.SCHEDULED
        else None
    )
    return render(
        request,
        "announcement.html",
        announcement=announcement,
        moment=sent_at(announcement),
        author=person_name(announcement.created_by, author, t, str(announcement.created_by)),
        audience=await audience_html(announcement, t, service),
        texts=texts,
        figures=shown,
        expected=expected,
        stoppable=announcement.status in STOPPABLE,
        just_stopped="stopped" in request.query,
        badges=BADGES,
    )


def _event(name: str, shown: Figures) -> bytes:
    return f"event: {name}\ndata: {json.dumps(asdict(shown))}\n\n".encode()


async def progress_events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: the figures whenever they change, then `end` once it is done or
    stopped. aiohttp does not cancel a handler when its browser goes away, so the loop
    checks the connection itself; the bot's shutdown ends it through SHUTTING_DOWN."""
    service = dashboard(request).services.announcements
    announcement = await _announcement(request)
    shutting_down = request.app[SHUTTING_DOWN]
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    last: Figures | None = None
    quiet = 0.0
    with contextlib.suppress(ConnectionResetError):
        while not shutting_down.is_set():
            if request.transport is None or request.transport.is_closing():
                break
            announcement = await service.get(announcement.id)
            shown = figures(announcement, await service.progress(announcement.id))
            if shown.final:
                await response.write(_event("end", shown))
                break
            if shown != last:
                await response.write(_event("progress", shown))
                last, quiet = shown, 0.0
            elif quiet >= HEARTBEAT_SECONDS:
                await response.write(b": still here\n\n")
                quiet = 0.0
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(shutting_down.wait(), POLL_SECONDS)
            quiet += POLL_SECONDS
    return response


async def stop(request: web.Request) -> web.StreamResponse:
    """Stop, as the chat's Stop button does it: the service withdraws what is not sent yet
    and audits it, and the organiser's status message in the chat shows the report."""
    dash = dashboard(request)
    announcement = await _announcement(request)
    target = f"{dash.base}/announcements/{announcement.id}"
    if announcement.status not in STOPPABLE:
        raise web.HTTPSeeOther(target)  # finished meanwhile: the page shows how it ended
    await dash.services.announcements.stop(announcement.id, by=viewer(request).user_id)
    announcer = dash.announcer
    if announcer is not None and announcer.bot is not None:
        await announcer.stopped(announcer.bot, announcement.id)
    # The page's figures say how many were withdrawn: messages in flight at this moment
    # that Telegram does not take are withdrawn too, so a count given now could fall short.
    raise web.HTTPSeeOther(f"{target}?stopped=1")
