"""Who gets a seat: the capacity, and the country quotas until they are released.

One rule for every way a seat is given (an open sign-up on a course with quotas, an organiser's
approval, a nomination, a promotion from the lists): a person gets a seat when the course has a
held seat free and, unless the quotas are released, their country holds fewer seats than its
quota. Callers run it inside `db.transaction()`, whose write lock makes the count and the
change one step, so neither the capacity nor a quota is ever exceeded under concurrency.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from bot.i18n import Translator
from bot.services.quotas import Quotas
from bot.ui import course_texts
from storage.courses import Course, SignupMode
from storage.database import Transaction
from storage.registrations import RegStatus, SeatUsage

# How long a seat is held for a nominee's answer ("I will attend" / "I can't"); then the
# nomination lapses and the seat goes on (NominationService.lapse_unanswered).
ANSWER_WINDOW = timedelta(days=5)


def answer_by(course: Course, held_since: datetime) -> datetime:
    """When a nominee must have answered, as their notice says (never after the start)."""
    return min(held_since + ANSWER_WINDOW, course.starts_at)


def answer_by_line(course: Course, held_since: datetime, zone: str | None, t: Translator) -> str:
    """ "Please answer by …" under a notice of a seat held for a nominee."""
    moment = answer_by(course, held_since)
    # Held until the start: nothing is handed on after it, so the text promises nothing.
    key = "nomination-answer-by-start" if moment >= course.starts_at else "nomination-answer-by"
    return t(key, date=course_texts.zoned_time(moment, zone or course.timezone, t))


class Room(StrEnum):
    FREE = "free"
    FULL = "full"  # the capacity is reached
    QUOTA_FULL = "quota_full"  # the country's quota is used up


def room(course: Course, usage: SeatUsage, country: str | None, now: datetime) -> Room:
    if course.capacity is not None and usage.held >= course.capacity:
        return Room.FULL
    if course.quotas and not course.quotas_released(now):
        limit = Quotas.from_json(course.quotas).limit(country)
        if limit is not None and usage.of(country) >= limit:
            return Room.QUOTA_FULL
    return Room.FREE


async def room_for(tx: Transaction, course: Course, country: str | None, now: datetime) -> Room:
    return room(course, await tx.registrations.seat_usage(course.id), country, now)


def waiting_status(course: Course, why: Room) -> RegStatus:
    """Where someone without a seat waits: their country's reserve list when its quota holds
    them back; the course's waiting list when the capacity does (on every kind of course, so a
    reserve list never claims a country's seats are taken when none are)."""
    return RegStatus.RESERVE if why == Room.QUOTA_FULL else RegStatus.WAITLISTED


def seat_status(course: Course) -> RegStatus:
    """What a seat is when it is given: on a nomination course the officer still answers
    "I will attend" before it is theirs."""
    return (
        RegStatus.NOMINATED if course.signup_mode == SignupMode.NOMINATION else RegStatus.CONFIRMED
    )


def uses_seat_rules(course: Course) -> bool:
    """Open courses without quotas keep the one-statement sign-up and promotion."""
    return course.signup_mode != SignupMode.OPEN or bool(course.quotas)


async def promote_by_rules(
    tx: Transaction, course: Course, now: datetime, skip: int | None = None
) -> list[int]:
    """Give free seats to the waiting and reserve lists in arrival order, each person only if
    the rule lets their country have it; returns who got one, in that order (`skip`: someone
    just moved out of a seat by an organiser)."""
    usage = await tx.registrations.seat_usage(course.id)
    promoted: list[int] = []
    for waiting in await tx.registrations.waiting(course.id, skip):
        why = room(course, usage, waiting.country, now)
        if why == Room.FULL:
            break
        if why == Room.QUOTA_FULL:
            continue
        await tx.registrations.move(
            course.id, waiting.user_id, seat_status(course), now, only_from=(waiting.status,)
        )
        usage = usage.plus(waiting.country)
        promoted.append(waiting.user_id)
    return promoted
