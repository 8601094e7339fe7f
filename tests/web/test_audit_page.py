"""The action log page: the chat's /audit wording, newest first, filters, paging, links."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bot.services.audit import ACTION_GROUPS
from bot.ui.audit_texts import describe
from bot.web.app import mount
from bot.web.auth import COOKIE_NAME
from bot.web.context import Dashboard
from storage.audit import AuditAction
from tests.conftest import ORGANISER_ID
from tests.web.conftest import WebClient, sign_in_client

COLLEAGUE = 900002


async def record(
    dashboard: Dashboard,
    action: AuditAction,
    kind: str | None = None,
    object_id: int | None = None,
    *,
    at: datetime | None = None,
    actor: int = ORGANISER_ID,
    **details: Any,
) -> None:
    """An audit entry as the services write it, at `at` (UTC) if given."""
    await dashboard.repos.audit.record(actor, action, kind, object_id, **details)
    if at is not None:
        await dashboard.db.write(
            "UPDATE audit_log SET at = ? WHERE id = (SELECT MAX(id) FROM audit_log)",
            (at.isoformat(timespec="seconds"),),
        )


async def name(dashboard: Dashboard, user_id: int, full_name: str, zone: str = "UTC") -> None:
    await dashboard.repos.users.upsert_seen(user_id, "en")
    await dashboard.db.write(
        "UPDATE users SET full_name = ?, timezone = ? WHERE id = ?", (full_name, zone, user_id)
    )


def rows(page: str) -> list[str]:
    """The table's body rows, each as its text."""
    body = page.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in page else ""
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
        for row in body.split("</tr>")
        if "<td" in row
    ]


async def test_entries_show_in_the_chats_words_newest_first(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await name(dashboard, ORGANISER_ID, "Olena Kovalenko")
    await record(dashboard, AuditAction.COURSE_EDITED, "course", 7, field="title_ru")
    await record(dashboard, AuditAction.SURVEY_INVITED, "survey", 3, invited=12)
    await record(dashboard, AuditAction.EXPORT_PARTICIPANTS, "course", 7, format="xlsx", rows=1)

    shown = rows(await organiser.text("/audit"))

    assert len(shown) == 3
    assert "Olena Kovalenko" in shown[0] and str(ORGANISER_ID) in shown[0]
    assert "downloaded the participants of course #7 (XLSX, one row)" in shown[0]
    assert "invited 12 people to survey #3" in shown[1]
    # The field by its label, as in the chat (issue 13), never its code name.
    assert "edited course #7 (Title (RU))" in shown[2] and "title_ru" not in shown[2]
    # Word for word the chat's /audit: its Telegram HTML, unescaped, is the page's text.
    t = dashboard.localizations.get("en")
    for entry in await dashboard.repos.audit.latest(10):
        assert html.unescape(describe(entry, t)) == describe(entry, t, t.plain)


async def test_the_log_speaks_the_organisers_language(dashboard: Dashboard) -> None:
    await record(dashboard, AuditAction.SURVEY_CREATED, "survey", 1)
    token, _csrf = await sign_in_client(dashboard, language="ru")
    async with TestClient(TestServer(mount(dashboard))) as http:
        http.session.cookie_jar.update_cookies({COOKIE_NAME: token})
        page = await (await http.get("/audit")).text()
    assert "Журнал действий" in page and "опрос №1 создан" in page
    assert "Опрос №1" in page


async def test_forgotten_people_show_as_the_chat_shows_them(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await record(dashboard, AuditAction.SEAT_APPROVED, "course", 4, participant=-4242)
    await record(dashboard, AuditAction.COURSE_PUBLISHED, "course", 4, actor=-777)

    shown = rows(await organiser.text("/audit"))

    assert "a person who asked to be forgotten" in shown[0] and "pseudonym 777" in shown[0]
    assert "777" not in shown[0].replace("pseudonym 777", "")
    assert (
        "approved a request for a seat on course #4 (participant: a person who asked to be"
        " forgotten, pseudonym 4242)"
    ) in shown[1]


async def test_what_the_bot_did_itself_shows_as_the_bot_without_an_id(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await record(dashboard, AuditAction.NOMINATION_LAPSED, "course", 4, actor=0)
    (lapsed,) = rows(await organiser.text("/audit"))
    assert lapsed.endswith("the bot a nomination for course #4 lapsed unanswered Course #4")


async def test_names_typed_by_people_are_escaped(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await name(dashboard, ORGANISER_ID, "<b>Olena</b>")
    await record(dashboard, AuditAction.COURSE_CREATED, "course", 1)
    page = await organiser.text("/audit")
    assert "&lt;b&gt;Olena&lt;/b&gt;" in page and "<b>Olena" not in page


async def test_objects_link_to_their_pages_and_a_deleted_draft_does_not(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await record(dashboard, AuditAction.COURSE_PUBLISHED, "course", 7)
    await record(dashboard, AuditAction.ANNOUNCEMENT_SENT, "announcement", 5)
    await record(dashboard, AuditAction.SURVEY_ACTIVATED, "survey", 3)
    await record(dashboard, AuditAction.COURSE_DELETED, "course", 8)
    await record(dashboard, AuditAction.DASHBOARD_SIGNED_IN, via="link")

    page = await organiser.text("/audit")

    assert '<a href="/courses/7">Course #7</a>' in page
    assert '<a href="/announcements/5">Announcement #5</a>' in page
    assert '<a href="/surveys/3">Survey #3</a>' in page
    assert "Course #8" in page and 'href="/courses/8"' not in page
    assert "signed in to the dashboard" in page


async def test_each_filter_narrows_the_log(dashboard: Dashboard, organiser: WebClient) -> None:
    await name(dashboard, COLLEAGUE, "Timur Aliyev")
    await record(dashboard, AuditAction.COURSE_CREATED, "course", 1, at=_at(2027, 3, 1))
    await record(dashboard, AuditAction.SEAT_APPROVED, "course", 2, at=_at(2027, 3, 5))
    await record(
        dashboard,
        AuditAction.ANNOUNCEMENT_SENT,
        "announcement",
        1,
        at=_at(2027, 3, 9),
        actor=COLLEAGUE,
    )
    await record(
        dashboard,
        AuditAction.EXPORT_SURVEY,
        "survey",
        1,
        at=_at(2027, 3, 12),
        format="csv",
        rows=4,
    )

    async def shown(query: str) -> list[str]:
        return rows(await organiser.text("/audit?" + query))

    assert len(await shown("")) == 4
    (seat,) = await shown("kind=seats")
    assert "approved a request for a seat on course #2" in seat
    (export,) = await shown("kind=exports")
    assert "downloaded the responses to survey #1 (CSV, 4 rows)" in export
    (colleague,) = await shown(f"actor={COLLEAGUE}")
    assert "Timur Aliyev" in colleague and "sent announcement #1" in colleague
    assert len(await shown(f"actor={ORGANISER_ID}")) == 3
    (course,) = await shown("course=2")
    assert "course #2" in course
    # "From" and "To" are whole days, both included.
    between = await shown("from=2027-03-05&to=2027-03-09")
    assert [("#2" in row, "#1" in row) for row in between] == [(False, True), (True, False)]
    assert len(await shown("from=2027-03-10")) == 1
    assert len(await shown("to=2027-03-01")) == 1
    assert await shown("kind=certificates") == []
    page = await organiser.text("/audit?kind=certificates")
    assert "No action matches these filters" in page and "Clear filters" in page


async def test_dates_are_the_viewers_days(dashboard: Dashboard, organiser: WebClient) -> None:
    """At 22:30 UTC on 4 March it is already 5 March in Baku (UTC+4)."""
    await name(dashboard, ORGANISER_ID, "Olena", zone="Asia/Baku")
    await record(dashboard, AuditAction.COURSE_CREATED, "course", 1, at=_at(2027, 3, 4, 22, 30))
    assert len(rows(await organiser.text("/audit?from=2027-03-05&to=2027-03-05"))) == 1
    assert rows(await organiser.text("/audit?to=2027-03-04")) == []
    assert "5 Mar 2027, 02:30" in await organiser.text("/audit")


async def test_a_wrong_date_is_explained_and_the_log_still_shows(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    await record(dashboard, AuditAction.COURSE_CREATED, "course", 1, at=_at(2027, 3, 1))
    await record(dashboard, AuditAction.COURSE_CREATED, "course", 2, at=_at(2027, 3, 9))

    page = await organiser.text("/audit?from=9.3.2027")
    assert "“9.3.2027” in “From” is not a date" in html.unescape(page)
    assert "2027-03-09" in page
    assert len(rows(page)) == 2

    page = await organiser.text("/audit?from=2027-03-09&to=2027-03-01")
    assert "The “From” date is after the “To” date" in html.unescape(page)
    assert len(rows(page)) == 2

    page = await organiser.text("/audit?course=twelve")
    assert "is not a course number" in page and len(rows(page)) == 2


async def test_the_log_pages_fifty_at_a_time_keeping_the_filters(
    dashboard: Dashboard, organiser: WebClient
) -> None:
    for course_id in range(1, 121):
        await record(dashboard, AuditAction.COURSE_CREATED, "course", course_id)
    await record(dashboard, AuditAction.ANNOUNCEMENT_SENT, "announcement", 1)

    first = await organiser.text("/audit?kind=courses")
    assert len(rows(first)) == 50 and "created course #120" in rows(first)[0]
    assert "120 actions" in first and "Page 1 of 3" in first
    assert 'href="/audit?kind=courses&amp;page=2"' in first

    last = await organiser.text("/audit?kind=courses&page=3")
    assert len(rows(last)) == 20 and "created course #1" in rows(last)[-1]
    assert 'href="/audit?kind=courses&amp;page=2" rel="prev"' in last and 'rel="next"' not in last

    # An old link past the end shows the last page rather than nothing.
    assert rows(await organiser.text("/audit?kind=courses&page=9")) == rows(last)
    huge = "9" * 30
    assert rows(await organiser.text(f"/audit?kind=courses&page={huge}")) == rows(last)


async def test_an_empty_log_says_so(organiser: WebClient) -> None:
    assert "No organiser actions have been recorded yet." in await organiser.text("/audit")


def _at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_every_filter_and_object_label_exists_in_both_languages(dashboard: Dashboard) -> None:
    """The page builds these keys from data, so the locale tests cannot see them."""
    for locale in ("en", "ru"):
        t = dashboard.localizations.get(locale)
        for kind in ACTION_GROUPS:
            assert t.has(f"dash-audit-kind-{kind}"), (locale, kind)
        for kind in ("course", "announcement", "survey", "template"):
            assert t.has(f"dash-audit-object-{kind}"), (locale, kind)


def test_every_action_is_in_exactly_one_filter_group() -> None:
    grouped = [action for group in ACTION_GROUPS.values() for action in group]
    assert sorted(grouped) == sorted(AuditAction)
