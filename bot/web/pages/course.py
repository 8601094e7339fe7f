"""A course: its card in short, the participants table with filters, and attendance marked
per course day through the same service method as the chat's attendance screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit

from aiohttp import web
from babel.dates import format_date

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.attendance_days import attendance_mask, course_days, present_on
from bot.services.courses import ATTENDANCE_STATUSES, Roster, editable_fields
from bot.ui.roster import STATUS_MARK, country_label, listed, status_words
from bot.web.context import ID, dashboard, digits, viewer
from bot.web.pages.courses import course_row
from bot.web.render import message_page, render
from storage.courses import Course, CourseStatus
from storage.registrations import Participant, RegStatus

COURSE = f"/courses/{{course_id:{ID}}}"  # anything else is no course: 404
FILTERS = ("status", "country")
PERSON_BADGE = {
    RegStatus.CONFIRMED: "good",
    RegStatus.NOMINATED: "warn",
    RegStatus.PENDING: "warn",
    RegStatus.WAITLISTED: "warn",
    RegStatus.RESERVE: "warn",
    RegStatus.DECLINED: "bad",
}


def setup(app: web.Application) -> None:
    app.router.add_get(COURSE, course_page)
    app.router.add_post(COURSE + "/attendance", mark_attendance)


def attendance_open(course: Course) -> bool:
    """Attendance is taken where the chat offers it: on a published or finished course (the
    chat's card has no "Mark attendance" on a draft or a cancelled course)."""
    return course.status in ATTENDANCE_STATUSES


@dataclass(frozen=True)
class PersonRow:
    person: Participant
    name: str
    country: str
    status: str
    badge: str
    markable: bool  # confirmed on a course whose attendance is open
    days: tuple[bool, ...]

    @property
    def user_id(self) -> int:
        return self.person.registration.user_id

    @property
    def present(self) -> int:
        return sum(self.days)


def person_row(person: Participant, day_count: int, open_: bool, t: Translator) -> PersonRow:
    confirmed = person.registration.status == RegStatus.CONFIRMED
    mask = attendance_mask(person.registration) if confirmed else 0
    return PersonRow(
        person=person,
        name=person.full_name or "—",
        country=country_label(person.country, t),
        status=status_words(person, t),
        badge=PERSON_BADGE.get(person.registration.status, ""),
        markable=confirmed and open_,
        days=tuple(present_on(mask, day) for day in range(day_count)),
    )


def kept_filters(query: str) -> str:
    """The page's filters from a query string, nothing else (the `back` field of a mark)."""
    return urlencode([(key, value) for key, value in parse_qsl(query) if key in FILTERS])


def day_labels(days: list[date], t: Translator) -> list[str]:
    return [
        t.plain(
            "dash-courses-day", day=number, date=str(format_date(day, "d MMM", locale=t.locale))
        )
        for number, day in enumerate(days, start=1)
    ]


async def _roster(request: web.Request) -> Roster:
    return await dashboard(request).services.course_service.roster(
        int(request.match_info["course_id"])
    )


async def course_page(request: web.Request) -> web.StreamResponse:
    t = viewer(request).t
    roster = await _roster(request)
    course = roster.course
    days = course_days(course)
    open_ = attendance_open(course)
    people = listed(roster)
    status = request.query.get("status", "")
    country = request.query.get("country", "")
    shown = [
        person_row(person, len(days), open_, t)
        for person in people
        if (not status or person.registration.status == status)
        and (not country or (person.country or "") == country)
    ]
    countries = sorted(
        {person.country or "" for person in people}, key=lambda code: country_label(code, t)
    )
    return render(
        request,
        "course.html",
        course=course,
        summary=course_row(course, roster.counts, t, dashboard(request).services.clock()),
        counts=roster.counts,
        people=shown,
        listed=len(people),
        days=day_labels(days, t),
        attendance_open=open_,
        present_per_day=[sum(row.days[day] for row in shown) for day in range(len(days))],
        statuses=[s for s in STATUS_MARK if any(p.registration.status == s for p in people)],
        countries=[(code, country_label(code, t)) for code in countries],
        chosen_status=status,  # not `status`: render() takes that for the HTTP status
        chosen_country=country,
        filters=kept_filters(request.query_string),
        editable=bool(editable_fields(course)),
        exportable=course.status != CourseStatus.DRAFT,
        online_link=web_link(course.online_url),
        # Back from the edit form: "Saved. N participants are being told", as the chat says.
        saved=_saved(request.query.get("saved", ""), t),
    )


def web_link(url: str | None) -> str | None:
    """`url` if it may be a link on the page: http(s) only. The chat's parser accepts
    nothing else, but a "javascript:" address from anywhere must never become a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url
    return None


def _small_int(text: str) -> bool:
    return digits(text.removeprefix("-"), 18)


def _wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _refused(request: web.Request, key: str) -> web.StreamResponse:
    """A mark that cannot be made: said on a page (or to the script), nothing changed."""
    if _wants_json(request):
        return web.json_response({"error": viewer(request).t.plain(key)}, status=400)
    return message_page(request, 400, "dash-courses-mark-refused-title", key)


async def mark_attendance(request: web.Request) -> web.StreamResponse:
    """Mark one participant present or absent on one day (`present`: what the organiser saw
    and wants instead; without it, the chat's flip); 303 back to the page with its filters,
    or, from the page's script, the stored mark as JSON."""
    dash = dashboard(request)
    course_id = int(request.match_info["course_id"])
    form = await request.post()
    user, day, back, wanted = (
        str(form.get(name, "")) for name in ("user", "day", "back", "present")
    )
    course = await dash.services.course_service.get(course_id)
    if not attendance_open(course):
        return _refused(request, "dash-courses-mark-closed")
    # Ids of 19 digits and more are no Telegram user's (and overflow SQLite's integers).
    if not _small_int(user) or not digits(day, 2):
        return _refused(request, "dash-courses-mark-refused")
    try:
        courses, actor = dash.services.course_service, viewer(request).user_id
        if wanted in ("0", "1"):
            present = await courses.set_attendance(
                course_id, int(user), actor, int(day), present=wanted == "1"
            )
        else:
            present = await courses.toggle_attendance(course_id, int(user), actor, int(day))
    except InvalidInput:
        return _refused(request, "dash-courses-mark-refused")
    if _wants_json(request):
        return web.json_response({"present": present})
    filters = kept_filters(back)
    raise web.HTTPSeeOther(
        f"{dash.base}/courses/{course_id}" + (f"?{filters}" if filters else "") + f"#p{user}"
    )


def _saved(told: str, t: Translator) -> str | None:
    return t.plain("course-edit-saved", count=int(told)).strip() if digits(told, 9) else None
