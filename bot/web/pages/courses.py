"""Courses: every course with its seats, waiting list, requests or nominations, deadline and
status; filtered and sorted through the query string, so a filtered list can be bookmarked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from bot.i18n import Translator
from bot.ui.course_texts import TIME_PATTERN, ends_on_start_day, local_time
from bot.ui.timefmt import zone_time
from bot.web.context import dashboard, viewer
from bot.web.render import DATE_TIME, render
from storage.courses import Course, CourseStatus, SignupMode
from storage.registrations import Counts

# Every course at once: an office runs a few dozen a year, and a filter beats paging.
MOST_COURSES = 2000
SORTS = ("start", "title", "deadline", "seats")
PERIODS = ("all", "upcoming", "past")
STATUS_BADGE = {
    CourseStatus.DRAFT: "",
    CourseStatus.PUBLISHED: "good",
    CourseStatus.FINISHED: "",
    CourseStatus.CANCELLED: "bad",
}


def setup(app: web.Application) -> None:
    app.router.add_get("/courses", course_list)


@dataclass(frozen=True)
class ListQuery:
    """The list's filters and order, as the query string gives them (unknown values: all)."""

    status: str = ""
    text: str = ""
    period: str = "all"
    sort: str = "start"
    descending: bool = False

    @classmethod
    def of(cls, query: Mapping[str, str]) -> ListQuery:
        status = query.get("status", "")
        period = query.get("when", "all")
        sort = query.get("sort", "start")
        return cls(
            status=status if status in CourseStatus.__members__.values() else "",
            text=query.get("q", "").strip()[:200],
            period=period if period in PERIODS else "all",
            sort=sort if sort in SORTS else "start",
            descending=query.get("order") == "desc",
        )

    @property
    def filtered(self) -> bool:
        return bool(self.status or self.text or self.period != "all")

    def params(self, **changes: Any) -> str:
        """The query string of this list with `changes` (for the header's sort links)."""
        chosen = replace(self, **changes)
        values = {
            "status": chosen.status,
            "q": chosen.text,
            "when": "" if chosen.period == "all" else chosen.period,
            "sort": chosen.sort,
            "order": "desc" if chosen.descending else "",
        }
        return urlencode({key: value for key, value in values.items() if value})

    def sort_link(self, column: str) -> str:
        """A header's link: sorts by `column`, or reverses the order when it already does."""
        again = column == self.sort
        return self.params(sort=column, descending=again and not self.descending)


@dataclass(frozen=True)
class CourseRow:
    """One course as the list shows it."""

    course: Course
    counts: Counts
    title: str
    starts: str
    ends: str
    zone: str
    deadline: str
    requests: int | None  # requests or nominations awaiting a decision; None: the mode has none
    requests_key: str
    status: str  # "Published", or "Running" while a published course takes place
    badge: str


def course_dates(course: Course, locale: str) -> tuple[str, str]:
    """Start and end in the course's own zone: ("10 May 2027, 09:00", "12 May 2027, 17:00"),
    the end's time alone when the course ends on the day it starts."""
    end_pattern = TIME_PATTERN if ends_on_start_day(course) else DATE_TIME
    start = local_time(course.starts_at, course.timezone, locale, DATE_TIME)
    end = local_time(course.ends_at, course.timezone, locale, end_pattern)
    return start, end


def requests_of(course: Course, counts: Counts) -> tuple[int | None, str]:
    """What waits for a decision under the course's sign-up mode: requests (approval),
    nominations awaiting the officer's answer (nomination); an open course has neither unless
    requests were left from an earlier mode."""
    if course.signup_mode == SignupMode.NOMINATION:
        return counts.nominated, "dash-courses-nominations"
    if course.signup_mode == SignupMode.APPROVAL or counts.pending:
        return counts.pending, "dash-courses-requests"
    return None, "dash-courses-requests"


def status_of(course: Course, now: datetime, t: Translator) -> tuple[str, str]:
    """The status as an organiser reads it, and its badge: a published course taking place
    right now says so ("Running"), which "Published" would not tell."""
    if course.status == CourseStatus.PUBLISHED and course.starts_at <= now < course.ends_at:
        return t.plain("dash-courses-running"), "good"
    return t.plain(f"course-status-{course.status.value}"), STATUS_BADGE[course.status]


def course_row(course: Course, counts: Counts, t: Translator, now: datetime) -> CourseRow:
    requests, key = requests_of(course, counts)
    status, badge = status_of(course, now, t)
    starts, ends = course_dates(course, t.locale)
    return CourseRow(
        course=course,
        counts=counts,
        title=course.title(t.locale),
        starts=starts,
        ends=ends,
        zone=zone_time(course.timezone, t, course.starts_at),
        deadline=local_time(course.deadline_at, course.timezone, t.locale, DATE_TIME),
        requests=requests,
        requests_key=key,
        status=status,
        badge=badge,
    )


def _matches(row: CourseRow, query: ListQuery, now: datetime) -> bool:
    course = row.course
    if query.status and course.status != query.status:
        return False
    if query.period == "upcoming" and course.ends_at < now:
        return False
    if query.period == "past" and course.ends_at >= now:
        return False
    if query.text:
        # Either language's title: an organiser may remember the course by the other one.
        titles = " ".join(filter(None, (course.title_en, course.title_ru))).casefold()
        return query.text.casefold() in titles
    return True


SORT_KEYS: dict[str, Callable[[CourseRow], Any]] = {
    "start": lambda row: (row.course.starts_at, row.course.id),
    "title": lambda row: (row.title.casefold(), row.course.id),
    "deadline": lambda row: (row.course.deadline_at, row.course.id),
    "seats": lambda row: (row.counts.confirmed, row.course.id),
}


async def course_list(request: web.Request) -> web.StreamResponse:
    dash = dashboard(request)
    t = viewer(request).t
    query = ListQuery.of(request.query)
    courses, total = await dash.repos.courses.all(0, MOST_COURSES)
    now = dash.services.clock()
    counts = await dash.repos.registrations.counts_of([course.id for course in courses])
    rows = [course_row(course, counts[course.id], t, now) for course in courses]
    shown = sorted(
        (row for row in rows if _matches(row, query, now)),
        key=SORT_KEYS[query.sort],
        reverse=query.descending,
    )
    return render(
        request,
        "courses.html",
        rows=shown,
        total=total,
        query=query,
        statuses=list(CourseStatus),
        periods=PERIODS,
    )
