"""What an organiser reads when deciding on requests for a seat: the /requests inbox, one
request with its buttons, the offer of a list when there is no seat, and the outcome."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services.decisions import Decision
from bot.services.request_inbox import RequestView
from bot.services.seats import Room
from bot.ui import course_texts
from bot.ui.callbacks import RequestAction, RequestCb
from bot.ui.course_list import numbered_button
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.notice_buttons import REQUEST_DECISIONS
from bot.ui.pagination import Page, add_page_buttons
from bot.ui.people import person_line
from bot.ui.timefmt import zone_name
from storage.registrations import RegStatus
from storage.users import User

ASKED_PATTERN = "d MMM, HH:mm"


def name_of(person: User) -> str:
    return person.full_name or str(person.id)


def _country(code: str | None, t: Translator) -> str:
    return t.plain(f"country-{code}") if code else ""


def _cb(action: RequestAction, registration_id: int = 0, page: int = 0) -> RequestCb:
    return RequestCb(action=action, registration_id=registration_id, page=page)


def _room(request: RequestView, t: Translator) -> list[str]:
    """The seats left on the course and the country's quota use: what the decision hangs on."""
    lines = [course_texts.seats(request.course, request.usage.held, t, has_place=True)]
    if request.quota is not None:
        quota = request.quota
        lines.append(
            t(
                "request-quota-use",
                country=_country(quota.country, t),
                used=quota.used,
                limit=quota.limit,
            )
        )
    return lines


def inbox(
    page: Page, requests: list[RequestView], t: Translator, zone: str
) -> tuple[str, InlineKeyboardMarkup]:
    """A page of the requests waiting, oldest first: a numbered entry and a button each."""
    kb = InlineKeyboardBuilder()
    if not page.total:
        return t("requests-none"), kb.as_markup()
    lines = [t("requests-title", count=page.total, zone=zone_name(zone, t))]
    for number, request in enumerate(requests, page.offset + 1):
        asked = course_texts.local_time(request.asked_at, zone, t.locale, ASKED_PATTERN)
        lines += ["", f"<b>{number}.</b> {person_line(request.person, t)}"]
        details = [
            t("request-course", title=request.course.title(t.locale)),
            t("request-asked", when=asked),
            *_room(request, t),
        ]
        lines += [f"    {line}" for line in details]
        kb.button(
            text=numbered_button(number, name_of(request.person)),
            callback_data=_cb(RequestAction.OPEN, request.registration.id, page.number),
        )
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: _cb(RequestAction.PAGE, page=n))
    return "\n".join(lines), kb.as_markup()


def request_card(
    request: RequestView, t: Translator, zone: str, page: int = 0
) -> tuple[str, InlineKeyboardMarkup]:
    """One request with Approve / Decline, the waiting (or reserve) list when there is no
    seat for it, and back to the inbox."""
    asked = course_texts.zoned_time(request.asked_at, zone, t, ASKED_PATTERN)
    lines = [
        t("request-card-title"),
        person_line(request.person, t),
        t("request-course", title=request.course.title(t.locale)),
        course_texts.when(request.course, t),
        t("request-asked", when=asked),
        *_room(request, t),
    ]
    rid = request.registration.id
    kb = InlineKeyboardBuilder()
    decisions = [(key, action) for key, action in REQUEST_DECISIONS]
    if request.room == Room.FREE:
        # A seat is there: a list would leave it unused (SeatDecisions.put_on_list refuses).
        decisions = [(key, action) for key, action in decisions if action != RequestAction.LIST]
    elif request.room == Room.QUOTA_FULL:
        decisions = [
            ("button-request-reserve", action) if action == RequestAction.LIST else (key, action)
            for key, action in decisions
        ]
    for key, action in decisions:
        kb.button(text=t(key), callback_data=_cb(action, rid, page))
    kb.button(text=t("button-requests-all"), callback_data=_cb(RequestAction.PAGE, page=page))
    # Approve · Decline on one row, the list on its own: three in a row are cut off on a phone.
    kb.adjust(2, 1, 1)
    return "\n".join(lines), kb.as_markup()


def offer_list(
    decision: Decision, t: Translator, page: int = 0
) -> tuple[str, InlineKeyboardMarkup]:
    """No seat for the approval: the course (or the country's quota) is full; nothing changed
    yet, and the waiting list (or the country's reserve list) is offered."""
    name = name_of(decision.person)
    rid = decision.registration.id
    kb = InlineKeyboardBuilder()
    if decision.room == Room.QUOTA_FULL:
        country = _country(decision.registration.country, t)
        text = t("request-quota-full", name=name, country=country)
        kb.button(
            text=t("button-request-reserve"), callback_data=_cb(RequestAction.LIST, rid, page)
        )
    else:
        text = t("request-course-full", name=name)
        kb.button(
            text=t("button-request-waitlist"), callback_data=_cb(RequestAction.LIST, rid, page)
        )
    kb.button(text=t("button-back"), callback_data=_cb(RequestAction.OPEN, rid, page))
    kb.adjust(1)
    return text, kb.as_markup()


def decided(decision: Decision, t: Translator, page: int = 0) -> tuple[str, InlineKeyboardMarkup]:
    """What came of a decision (the person has been told), and back to the inbox."""
    after = decision.registration
    variables = {"name": name_of(decision.person), "title": decision.course.title(t.locale)}
    if after.status == RegStatus.CONFIRMED:
        text = t("request-approved", **variables)
    elif after.status == RegStatus.RESERVE:
        country = _country(after.country, t)
        text = t("request-listed-reserve", country=country, **variables)
    elif after.status == RegStatus.WAITLISTED:
        text = t("request-listed-waitlist", **variables)
    else:
        text = t("request-declined", **variables)
        if after.reason:
            text += "\n" + t("seat-reason", reason=after.reason)
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-requests-all"), callback_data=_cb(RequestAction.PAGE, page=page))
    return text, kb.as_markup()
