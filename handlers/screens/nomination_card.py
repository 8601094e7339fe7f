"""The course card of a nomination course: who the officer's focal point is (or whom to
contact when their country has none), "Ask my focal point to nominate me", and while they are
nominated "I will attend" / "I can't"."""

from __future__ import annotations

from datetime import datetime

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services.nominations import NominationService
from bot.services.seats import answer_by_line
from bot.ui import course_texts, keyboards
from bot.ui.callbacks import CourseAction, CourseCb, NomineeAction, NomineeCb
from handlers.nominations.common import country_name, focal_point_contacts, user_contacts
from storage.courses import Course, CourseStatus
from storage.registrations import RegStatus, SeatView
from storage.sql import from_db
from storage.users import User


async def nomination_card(
    course: Course,
    user: User,
    t: Translator,
    seats: SeatView,
    now: datetime,
    nominations: NominationService | None,
    page: int = 0,
) -> tuple[str, InlineKeyboardMarkup]:
    registration = seats.registration
    status = registration.status if registration is not None else None
    confirmed = registration if status == RegStatus.CONFIRMED else None
    # The online link comes with a seat that is theirs, not with one held for an answer.
    link = course_texts.LinkAccess.AFTER_SEAT if seats.active and not confirmed else None
    lines = [
        course_texts.card(course, t, seats.confirmed, now, user.timezone, confirmed, link=link)
    ]
    rows: list[list[InlineKeyboardButton]] = []

    def course_button(key: str, action: CourseAction) -> None:
        data = CourseCb(action=action, course_id=course.id, page=page).pack()
        rows.append([InlineKeyboardButton(text=t(key), callback_data=data)])

    def nominee_button(key: str, action: NomineeAction) -> None:
        data = NomineeCb(action=action, course_id=course.id).pack()
        rows.append([InlineKeyboardButton(text=t(key), callback_data=data)])

    upcoming = course.status == CourseStatus.PUBLISHED and course.starts_at > now
    if status == RegStatus.NOMINATED and upcoming and registration is not None:
        held_since = from_db(registration.updated_at)
        lines += [
            "",
            t("nomination-card-nominated"),
            answer_by_line(course, held_since, user.timezone, t),
        ]
        nominee_button("button-will-attend", NomineeAction.ATTEND)
        nominee_button("button-cannot-attend", NomineeAction.CANNOT)
    elif status == RegStatus.CONFIRMED and upcoming:
        course_button("button-calendar", CourseAction.CALENDAR)
        course_button("button-cancel-place", CourseAction.CANCEL)
    elif status in (RegStatus.RESERVE, RegStatus.WAITLISTED) and upcoming:
        position = seats.position or 0
        if status == RegStatus.RESERVE:
            country = country_name(registration.country or "", t) if registration else ""
            lines += ["", t("nomination-card-reserve", country=country, position=position)]
        else:
            # A full course: its waiting list (a seat freed is offered in arrival order).
            lines += ["", t("nomination-card-waitlisted", position=position)]
        # Leaving goes through the sign-up's cancel flow, in the list's own words.
        course_button(course_texts.giving_up(registration).button, CourseAction.CANCEL)
    elif not seats.active and course.registration_open(now):
        declined = status == RegStatus.DECLINED
        if declined and registration is not None:
            # Neutral: the nominee's own "I can't" and an organiser's removal read alike
            # (nothing tells them apart); the organiser's reason, when given, is shown.
            lines += ["", t("nomination-card-not-taking-part")]
            if registration.reason:
                lines.append(t("seat-reason", reason=registration.reason))
        lines += ["", t("nomination-card-mode")]
        has_focal_point = nominations is not None and await _contacts(
            course, user, t, nominations, lines
        )
        # After a decline (possibly the organisers' decision) the focal point is named on the
        # card but not asked again from it: a removal is not undone by a button.
        if has_focal_point and not declined:
            nominee_button("button-ask-focal-point", NomineeAction.ASK)
    if registration is not None:
        rows.append([keyboards.ask_organisers(t, course.id)])
    course_button("button-all-courses", CourseAction.LIST)
    return "\n".join(lines), InlineKeyboardMarkup(inline_keyboard=rows)


async def _contacts(
    course: Course, user: User, t: Translator, nominations: NominationService, lines: list[str]
) -> bool:
    """Adds whom the officer asks; True when that is a focal point (the Ask button fits)."""
    if not user.country:
        lines.append(t("nomination-card-no-country"))
        return False
    focal_points = await nominations.contacts(user.country)
    if focal_points:
        lines.append(
            t("nomination-card-focal-points", people=focal_point_contacts(focal_points, t))
        )
        return True
    organisers = await nominations.organisers(course)
    if not organisers:
        # No organiser has a profile to name: the general advice.
        lines.append(t("error-no-focal-point"))
        return False
    country = country_name(user.country, t)
    people = user_contacts(organisers, t)
    lines.append(t("nomination-card-no-focal-point", country=country, people=people))
    return False
