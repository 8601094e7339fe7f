"""How a course reads in a message: dates in its zone (and the reader's), place, seats, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import lru_cache
from zoneinfo import ZoneInfo

from aiogram import html
from babel.dates import format_datetime

from bot.i18n import Html, Translator
from bot.ui import seat_rules
from bot.ui.timefmt import utc_offset, zone_time
from storage.courses import Course, CourseStatus, SignupMode
from storage.registrations import Registration, RegStatus

DATE_PATTERN = "d MMMM y, HH:mm"
TIME_PATTERN = "HH:mm"


@lru_cache(maxsize=4096)
def local_time(moment: datetime, zone: str, locale: str, pattern: str = DATE_PATTERN) -> str:
    """A moment as people in `zone` read it; cached, since babel's formatting is slow and
    every card shows the same few moments."""
    return str(format_datetime(moment.astimezone(ZoneInfo(zone)), pattern, locale=locale))


def zoned_time(moment: datetime, zone: str, t: Translator, pattern: str = DATE_PATTERN) -> str:
    """A moment with its zone, as officers read it: "9 March 2027, 09:00 Baku time (UTC+4)"
    (the offset of that day, not today's)."""
    local = local_time(moment, zone, t.locale, pattern)
    return t("tz-moment", time=local, zone=zone_time(zone, t, moment))


def ends_on_start_day(course: Course) -> bool:
    """The course ends on the day it starts, in its own zone (its end is then a time alone)."""
    zone = ZoneInfo(course.timezone)
    return course.starts_at.astimezone(zone).date() == course.ends_at.astimezone(zone).date()


def when(course: Course, t: Translator, reader_zone: str | None = None) -> Html:
    """Start and end in the course's zone ("Baku time (UTC+4)"), plus the reader's own time
    when their clock differs."""
    zone = course.timezone
    end_pattern = TIME_PATTERN if ends_on_start_day(course) else DATE_PATTERN
    text = t(
        "course-when",
        start=local_time(course.starts_at, zone, t.locale),
        end=local_time(course.ends_at, zone, t.locale, end_pattern),
        zone=zone_time(zone, t, course.starts_at),
    )
    if reader_zone and utc_offset(reader_zone, course.starts_at) != utc_offset(
        zone, course.starts_at
    ):
        text += "\n" + t("course-your-time", start=zoned_time(course.starts_at, reader_zone, t))
    return Html(text)


class LinkAccess(Enum):
    """Whether a reader may see a course's online meeting link: only those with a seat (and
    organisers) do, so it cannot be passed around by people who never signed up."""

    SHOWN = "shown"  # confirmed participants, organisers
    AFTER_SIGNUP = "after-signup"  # anyone else: the catalogue, an announcement
    AFTER_SEAT = "after-seat"  # on the waiting list: the link comes with a seat


def link_access(registration: Registration | None) -> LinkAccess:
    """What a participant with this registration (None: never signed up) may see."""
    if registration is None or registration.status in (RegStatus.CANCELLED, RegStatus.DECLINED):
        return LinkAccess.AFTER_SIGNUP
    if registration.status == RegStatus.CONFIRMED:
        return LinkAccess.SHOWN
    return LinkAccess.AFTER_SEAT


def place(course: Course, t: Translator, link: LinkAccess) -> str:
    """The venue, the online link (or that there is one), or both for a hybrid course."""
    lines = [t("course-venue", venue=course.venue)] if course.venue else []
    if course.online_url and link == LinkAccess.SHOWN:
        lines.append(t("course-online", url=course.online_url))
    elif course.online_url:
        lines.append(t(f"course-online-link-{link.value}"))
    return Html("\n".join(lines))


def seats(course: Course, confirmed: int, t: Translator, *, has_place: bool = False) -> str:
    """Seats left; a full course invites to the waiting list only those not on it or signed
    up already (`has_place`), and only on an open course (elsewhere the organisers or the
    focal points decide who waits)."""
    if course.capacity is None:
        return t("course-seats-unlimited")
    left = max(course.capacity - confirmed, 0)
    if left == 0:
        invite = not has_place and course.signup_mode == SignupMode.OPEN
        key = "course-seats-full" if invite else "course-seats-taken"
        return t(key, capacity=course.capacity)
    return t("course-seats-left", left=left, capacity=course.capacity)


# The status line of a card and of /my, for statuses whose line needs no more than the key.
STATUS_LINES = {
    RegStatus.CONFIRMED: "course-you-confirmed",
    RegStatus.PENDING: "course-you-pending",
    RegStatus.NOMINATED: "course-you-nominated",
}


def registration_line(
    registration: Registration | None,
    position: int | None,
    t: Translator,
    mode: SignupMode = SignupMode.OPEN,
) -> str | None:
    """Where the reader stands on a course (None: nowhere); `mode` is the course's, since a
    declined place on an approval course was a request the organisers turned down."""
    if registration is None or registration.status == RegStatus.CANCELLED:
        return None
    status = registration.status
    if status in STATUS_LINES:
        return t(STATUS_LINES[status])
    if status == RegStatus.DECLINED:
        key = (
            "course-you-request-declined" if mode == SignupMode.APPROVAL else "course-you-declined"
        )
        if registration.reason:
            return t(key) + "\n" + t("seat-reason", reason=registration.reason)
        return t(key)
    if status == RegStatus.RESERVE and registration.country:
        country = t.plain(f"country-{registration.country}")
        return t("course-you-reserve", country=country, position=position or 0)
    return t("course-you-waitlisted", position=position or 0)


@dataclass(frozen=True)
class GivingUp:
    """The words for giving up a place, which depend on what the place is: a seat, a place on
    a list, or a request."""

    button: str  # under the card
    question: str  # "Are you sure?"
    yes: str
    no: str
    done: str  # the pop-up afterwards


GIVING_UP = {
    RegStatus.WAITLISTED: GivingUp(
        "button-leave-waitlist",
        "signup-leave-waitlist-confirm",
        "button-leave-waitlist-yes",
        "button-leave-waitlist-no",
        "signup-left-waitlist",
    ),
    RegStatus.RESERVE: GivingUp(
        "button-leave-reserve",
        "signup-leave-reserve-confirm",
        "button-leave-reserve-yes",
        "button-leave-reserve-no",
        "signup-left-reserve",
    ),
    RegStatus.PENDING: GivingUp(
        "button-withdraw-request",
        "signup-withdraw-request-confirm",
        "button-withdraw-request-yes",
        "button-withdraw-request-no",
        "signup-request-withdrawn",
    ),
}
GIVING_UP_SEAT = GivingUp(
    "button-cancel-place",
    "signup-cancel-confirm",
    "button-cancel-place-yes",
    "button-cancel-place-no",
    "signup-cancelled",
)


def giving_up(registration: Registration | None) -> GivingUp:
    """The words for giving up `registration` (a seat's, when there is none to go by)."""
    if registration is None:
        return GIVING_UP_SEAT
    return GIVING_UP.get(registration.status, GIVING_UP_SEAT)


def card(
    course: Course,
    t: Translator,
    confirmed: int,
    now: datetime,
    reader_zone: str | None = None,
    registration: Registration | None = None,
    position: int | None = None,
    link: LinkAccess | None = None,
    country: str | None = None,
) -> str:
    """The course card a participant reads (titles and texts in the reader's language); the
    online link only if `registration` is a seat (or `link` says so: an organiser's preview);
    `country`: the reader's, whose seats a course with quotas shows."""
    lines = [_card_head(course, t, reader_zone, link or link_access(registration))]
    if course.status == CourseStatus.CANCELLED:
        lines.append(t("course-is-cancelled"))
    elif course.status == CourseStatus.FINISHED or course.starts_at <= now:
        lines.append(t("course-is-over"))
    elif course.registration_open(now) or _opens_on_publishing(course, now):
        has_place = registration is not None and registration.active
        lines.append(seats(course, confirmed, t, has_place=has_place))
        lines.append(
            t(
                "course-deadline",
                deadline=zoned_time(course.deadline_at, course.timezone, t),
            )
        )
        lines += seat_rules.seat_rule_lines(course, t, country)
    else:
        lines.append(t("course-registration-closed"))
    status = registration_line(registration, position, t, course.signup_mode)
    if status:
        lines += ["", status]
    return "\n".join(lines)


def _opens_on_publishing(course: Course, now: datetime) -> bool:
    """A draft's preview shows registration as participants will find it once published,
    not the "closed" of a course nobody can see yet."""
    return course.status == CourseStatus.DRAFT and now < course.deadline_at


@lru_cache(maxsize=1024)
def _card_head(course: Course, t: Translator, reader_zone: str | None, link: LinkAccess) -> str:
    """The part of a card that does not change with sign-ups: rendered once per reader kind
    (a changed course is a different Course value, so it never goes stale)."""
    return "\n".join(
        [
            f"<b>{html.quote(course.title(t.locale))}</b>",
            description_html(course.description(t.locale)),
            "",
            when(course, t, reader_zone),
            place(course, t, link),
            t("course-language", language=t(f"language-name-{course.language}")),
        ]
    )


# A phone shows about this many characters a line; a description longer than FOLD_AFTER_LINES
# such lines would push the dates, place and buttons off the screen, so it folds.
PHONE_LINE = 40
FOLD_AFTER_LINES = 5


def description_html(text: str) -> str:
    """A course description as HTML: a long one folded into an expandable quote (the reader
    taps it to read on), a short one as it is."""
    quoted = html.quote(text)
    lines = sum(max(1, -(-len(line) // PHONE_LINE)) for line in text.splitlines())
    if lines <= FOLD_AFTER_LINES:
        return quoted
    return f"<blockquote expandable>{quoted}</blockquote>"


def announcement(course: Course, t: Translator) -> str:
    """A course announced to everyone, as stored HTML: title, description, time and place."""
    return "\n".join(
        [
            f"<b>{html.quote(course.title(t.locale))}</b>",
            html.quote(course.description(t.locale)),
            "",
            when(course, t),
            # The announcement goes to everyone: the link stays for those who sign up.
            place(course, t, LinkAccess.AFTER_SIGNUP),
        ]
    )


def field_label(name: str, t: Translator) -> str:
    """A course field as organisers read it ("Title (RU)"), not as code names it."""
    return t.plain(f"course-field-{name}")
