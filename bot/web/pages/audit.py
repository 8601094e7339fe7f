"""The action log: what organisers did (in the chat and here), newest first, with filters, in
the chat's /audit wording."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.i18n import Translator
from bot.services.audit import ACTION_GROUPS, AuditLine
from bot.ui.audit_texts import actor_name, describe
from bot.ui.pagination import Page
from bot.ui.people import SYSTEM_ACTOR, person_ref
from bot.web.context import Viewer, dashboard, page_number, viewer
from bot.web.render import render
from storage.audit import AuditAction, AuditFilter
from storage.users import User

PAGE_SIZE = 50
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)
# Objects that have a page of their own; a deleted draft has none any more.
LINKED_KINDS = {"course": "courses", "announcement": "announcements", "survey": "surveys"}
GONE = {AuditAction.COURSE_DELETED, AuditAction.SURVEY_DELETED}


def setup(app: web.Application) -> None:
    app.router.add_get("/audit", audit_log)


@dataclass(frozen=True)
class Query:
    """The filters as the organiser wrote them (echoed back into the form), what they select,
    and what could not be understood (said above the table, that filter left out)."""

    values: dict[str, str]
    where: AuditFilter
    page: int
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    when: datetime
    who: str
    ref: str
    what: str
    object: str
    link: str | None


async def audit_log(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    found = viewer(request)
    query = read_query(request, found)
    search = dash.services.audit_service.search
    result = await search(query.where, (query.page - 1) * PAGE_SIZE, PAGE_SIZE)
    shown = Page.of(query.page - 1, PAGE_SIZE, result.total)
    if shown.number < query.page - 1 and result.total:  # an old link past the end: the last
        result = await search(query.where, shown.offset, PAGE_SIZE)
    actors = await dash.services.audit_service.actors()
    t = found.t
    choices = sorted(
        (
            (str(user_id), " ".join(part for part in who(user_id, user, t) if part))
            for user_id, user in actors
        ),
        key=lambda choice: choice[1].casefold(),
    )
    return render(
        request,
        "audit.html",
        rows=[row(line, t, dash.base) for line in result.lines],
        total=result.total,
        page=shown.number + 1,
        pages=shown.count,
        values=query.values,
        errors=query.errors,
        filtered=any(query.values.values()),
        kinds=list(ACTION_GROUPS),
        actors=choices,
        page_url=lambda number: page_url(dash.base, query.values, number),
    )


def row(line: AuditLine, t: Translator, base: str) -> Row:
    """One entry in the chat's words, as plain text (the template escapes it)."""
    entry = line.entry
    kind, object_id = entry.object_kind, entry.object_id
    label, link = "", None
    if kind and object_id is not None:
        label = t.plain(f"dash-audit-object-{kind}", id=str(object_id))
        if kind in LINKED_KINDS and entry.action not in GONE:
            link = f"{base}/{LINKED_KINDS[kind]}/{object_id}"
    name, ref = who(entry.actor_id, line.actor, t)
    return Row(
        when=entry.at,
        who=name,
        ref=ref,
        what=describe(entry, t, t.plain),
        object=label,
        link=link,
    )


def who(user_id: int, user: User | None, t: Translator) -> tuple[str, str]:
    """Who did it as the chat names them, and "(their id)" or "(pseudonym …)" after it; the
    bot has no id to show (the chat's "(0)" tells an organiser nothing)."""
    name = actor_name(user_id, user, t)
    return name, "" if user_id == SYSTEM_ACTOR else f"({person_ref(user_id, t)})"


def read_query(request: web.Request, found: Viewer) -> Query:
    """The filters from the address; a value that cannot be understood is explained and left
    out, so the page still shows the log."""
    t = found.t
    names = ("kind", "actor", "course", "from", "to")
    values = {name: request.query.get(name, "").strip() for name in names}
    errors: list[str] = []
    kind = values["kind"] if values["kind"] in ACTION_GROUPS else ""
    actor = _integer(values["actor"])
    course = _integer(values["course"].lstrip("#№"))
    if values["course"] and course is None:
        errors.append(t.plain("dash-audit-bad-course", value=values["course"]))
    since = _day(values["from"], "dash-audit-from", errors, t)
    until = _day(values["to"], "dash-audit-to", errors, t)
    if since and until and since > until:
        errors.append(t.plain("dash-audit-dates-reversed"))
        since = until = None
    zone = ZoneInfo(found.zone)
    where = AuditFilter(
        actions=ACTION_GROUPS.get(kind, ()),
        actor_id=actor,
        course_id=course,
        # The viewer's days: from the start of "from" to the end of "to", in their zone.
        since=datetime.combine(since, time(), zone) if since else None,
        until=datetime.combine(until + timedelta(days=1), time(), zone) if until else None,
    )
    # Past the end is the last page (see audit_log).
    return Query(values, where, page_number(request), errors)


def page_url(base: str, values: dict[str, str], page: int) -> str:
    """This page's address with the same filters, on page `page`."""
    kept = {name: value for name, value in values.items() if value}
    if page > 1:
        kept["page"] = str(page)
    return f"{base}/audit" + (f"?{urlencode(kept)}" if kept else "")


def _integer(text: str) -> int | None:
    """A number SQLite can compare with (64-bit); anything else is no number."""
    try:
        number = int(text)
    except ValueError:
        return None
    return number if -(2**63) <= number < 2**63 else None


def _day(text: str, label: str, errors: list[str], t: Translator) -> date | None:
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    # A day near year 1 or 9999 would overflow when turned into a moment in a zone.
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        errors.append(t.plain("dash-audit-bad-date", field=t.plain(label), value=text))
        return None
    return day
