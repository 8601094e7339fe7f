"""The organiser's participants screen of a course: everyone grouped by status, each
country's quota use, a button a person (paged) and the card of one person with what may be
done with their place."""

from __future__ import annotations

from aiogram import html
from aiogram.types import InlineKeyboardMarkup

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.services.courses import Roster
from bot.services.exports import status_key
from bot.services.quotas import CountryUse
from bot.ui.callbacks import AdminAction, AdminCourseCb, RosterAction, RosterCb
from bot.ui.course_list import numbered_button
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons, button_row
from storage.courses import Course, CourseStatus, SignupMode
from storage.registrations import Participant, RegStatus

PEOPLE_PER_PAGE = 8
# Telegram takes 4096 characters; the header, the quotas and the closing line fit in the rest.
LIST_BUDGET = 3300

STATUS_MARK = {
    RegStatus.CONFIRMED: "✅",
    RegStatus.NOMINATED: "🏛",
    RegStatus.PENDING: "📝",
    RegStatus.WAITLISTED: "⏳",
    RegStatus.RESERVE: "🗂",
    RegStatus.DECLINED: "✖️",
}
# Where an organiser may put someone, in the order the buttons show.
PLACES = (RegStatus.CONFIRMED, RegStatus.WAITLISTED, RegStatus.RESERVE)


def listed(roster: Roster) -> list[Participant]:
    """The people the screen lists and numbers (not those who gave up their place)."""
    return [p for p in roster.people if p.registration.status in STATUS_MARK]


def country_label(code: str | None, t: Translator) -> str:
    country = BY_CODE.get(code or "")
    return t.plain(country.name_key) if country else "—"


def roster_text(roster: Roster, t: Translator, counts_line: str) -> str:
    course = roster.course
    lines = [f"<b>{html.quote(course.title(t.locale))}</b>", counts_line]
    if course.quotas:
        lines.append(quota_line(roster.countries, roster.quotas_released, t))
    people = listed(roster)
    if not people:
        return "\n".join([*lines, "", t("course-participants-none")])
    used = sum(len(line) for line in lines)
    group: tuple[RegStatus, str | None] | None = None
    for number, person in enumerate(people, start=1):
        registration = person.registration
        # Reserve lists are per country; every other list is one for the course.
        this_group = (
            registration.status,
            registration.country if registration.status == RegStatus.RESERVE else None,
        )
        entry = []
        if this_group != group:
            entry += ["", _heading(this_group[0], this_group[1], people, t)]
            group = this_group
        entry.append(_person_line(number, person, t))
        used += sum(len(line) for line in entry)
        if used > LIST_BUDGET:
            lines += ["", t("course-participants-more", count=len(people) - number + 1)]
            break
        lines += entry
    return "\n".join(lines)


def quota_line(countries: list[CountryUse], released: bool, t: Translator) -> str:
    """ "Azerbaijan 2/3, Georgia 1/2": seats each country holds of its quota."""
    parts = [
        f"{t.plain(f'country-{use.country}') if use.country else '—'} {use.held}/{use.quota}"
        for use in countries
        if use.quota is not None
    ]
    key = "roster-quotas-released" if released else "roster-quotas"
    return t(key, quotas=", ".join(parts) or "—")


def _heading(
    status: RegStatus, country: str | None, people: list[Participant], t: Translator
) -> str:
    count = sum(
        1
        for p in people
        if p.registration.status == status
        and (status != RegStatus.RESERVE or p.registration.country == country)
    )
    return t(
        f"roster-group-{status.value}",
        count=count,
        country=country_label(country, t),
    )


def _person_line(number: int, person: Participant, t: Translator) -> str:
    registration = person.registration
    line = t(
        "roster-line",
        number=str(number),
        name=person.full_name or "—",
        details=", ".join(
            part for part in (country_label(person.country, t), person.organisation) if part
        ),
    )
    if registration.status in (RegStatus.WAITLISTED, RegStatus.RESERVE) and person.position:
        line += " · " + t("roster-place", position=str(person.position))
    if person.nominated_by_name:
        line += " · " + t("roster-nominated-by", name=person.nominated_by_name)
    return line


def roster_markup(roster: Roster, t: Translator, number: int) -> InlineKeyboardMarkup:
    """A button a person on this page, ➕ Add someone, the page turns and back to the card."""
    course_id = roster.course.id
    people = listed(roster)
    page = Page.of(number, PEOPLE_PER_PAGE, len(people))
    kb = InlineKeyboardBuilder()
    for index, person in enumerate(page.items(people), start=page.offset + 1):
        kb.button(
            text=numbered_button(
                index, person.full_name or "—", STATUS_MARK[person.registration.status]
            ),
            callback_data=RosterCb(
                action=RosterAction.PERSON,
                course_id=course_id,
                user_id=person.registration.user_id,
                page=page.number,
            ),
        )
    kb.adjust(1)
    add_page_buttons(
        kb,
        t,
        page,
        lambda n: RosterCb(action=RosterAction.PAGE, course_id=course_id, page=n),
    )
    if roster.course.status == CourseStatus.PUBLISHED:
        button_row(
            kb,
            text=t.plain("button-roster-add"),
            callback_data=RosterCb(action=RosterAction.ADD, course_id=course_id),
        )
    button_row(
        kb,
        text=t.plain("button-back"),
        callback_data=AdminCourseCb(action=AdminAction.VIEW, course_id=course_id),
    )
    return kb.as_markup()


# -- one person ------------------------------------------------------------------------------


def status_words(person: Participant, t: Translator) -> str:
    """ "On the reserve list (Azerbaijan), place 2": the status as an organiser reads it."""
    registration = person.registration
    words = t.plain(status_key(registration.status))
    if registration.status == RegStatus.RESERVE:
        words = t.plain("roster-status-reserve", country=country_label(registration.country, t))
    if registration.status in (RegStatus.WAITLISTED, RegStatus.RESERVE) and person.position:
        words += ", " + t.plain("roster-place", position=str(person.position))
    return words


def person_text(course: Course, person: Participant, t: Translator) -> str:
    registration = person.registration
    lines = [
        t("roster-card-name", name=person.full_name or "—"),
        t("roster-card-organisation", organisation=person.organisation or "—"),
        t("roster-card-country", country=country_label(person.country, t)),
        t("roster-card-course", title=course.title(t.locale)),
        t("roster-card-status", status=status_words(person, t)),
    ]
    if person.nominated_by_name:
        lines.append(t("roster-card-nominated-by", name=person.nominated_by_name))
    if registration.reason:
        lines.append(t("seat-reason", reason=registration.reason))
    return "\n".join(lines)


def places_for(course: Course, status: RegStatus) -> list[RegStatus]:
    """Where the person may be put from `status`: not where they are, not a waiting list the
    course does not use (a nomination course waits on reserve lists; without a capacity nobody
    waits), not a reserve list without quotas or nominations."""
    places = []
    for place in PLACES:
        if place == status:
            continue
        if place == RegStatus.WAITLISTED and (
            course.capacity is None or course.signup_mode == SignupMode.NOMINATION
        ):
            continue
        if place == RegStatus.RESERVE and not (
            course.quotas or course.signup_mode == SignupMode.NOMINATION
        ):
            continue
        places.append(place)
    return places


def person_markup(
    course: Course, person: Participant, t: Translator, page: int
) -> InlineKeyboardMarkup:
    """Move to another place or remove (a live place), put back (a declined or cancelled
    one); nothing but Back once the course is no longer running."""
    registration = person.registration
    kb = InlineKeyboardBuilder()

    def roster_cb(action: RosterAction, arg: str = "") -> RosterCb:
        return RosterCb(
            action=action,
            course_id=course.id,
            user_id=registration.user_id,
            arg=arg,
            page=page,
        )

    if course.status == CourseStatus.PUBLISHED:
        # A live place is moved; a declined or cancelled one is given again, as an addition.
        action = RosterAction.MOVE if registration.active else RosterAction.PICK
        for place in places_for(course, registration.status):
            kb.button(
                text=t.plain(f"button-roster-to-{place.value}"),
                callback_data=roster_cb(action, place.value),
            )
        if registration.active:
            kb.button(
                text=t.plain("button-roster-remove"), callback_data=roster_cb(RosterAction.REMOVE)
            )
    kb.button(text=t.plain("button-roster-list"), callback_data=roster_cb(RosterAction.PAGE))
    kb.adjust(1)
    return kb.as_markup()


def places_markup(course: Course, user_id: int, t: Translator) -> InlineKeyboardMarkup:
    """Where someone being added goes."""
    kb = InlineKeyboardBuilder()
    for place in places_for(course, RegStatus.CANCELLED):
        kb.button(
            text=t.plain(f"button-roster-to-{place.value}"),
            callback_data=RosterCb(
                action=RosterAction.PICK, course_id=course.id, user_id=user_id, arg=place.value
            ),
        )
    kb.adjust(1)
    return kb.as_markup()
