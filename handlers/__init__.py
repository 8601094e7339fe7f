"""aiogram routers, one module per feature."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    announce,
    audit,
    certificates,
    common,
    courses,
    dashboard,
    errors,
    fallback,
    groups,
    materials,
    no_profile,
    nominations,
    profile,
    questions,
    reason_questions,
    requests,
    start,
    stats,
    surveys,
)
from handlers.filters import IsOrganiser


def _organisers_router() -> Router:
    """The organisers' routers under one parent that checks ADMIN_IDS once. aiogram offers an
    update to every router in turn; an officer's update used to be offered to each of these
    ~20 (each running its own organiser filter) before reaching the catalogue — about a
    millisecond of CPU per update (issue 16). Now one failed filter skips them all. Each child
    keeps its own IsOrganiser filter, so it stays closed wherever it is included."""
    parent = Router(name="organisers")
    parent.message.filter(IsOrganiser())
    parent.callback_query.filter(IsOrganiser())
    parent.include_routers(
        *courses.ORGANISER_ROUTERS,
        *materials.ORGANISER_ROUTERS,
        announce.router,
        surveys.organiser_router,
        audit.router,
        dashboard.router,
        certificates.ORGANISER_ROUTER,
        stats.router,
        requests.router,
        questions.ORGANISER_ROUTER,
        *nominations.ORGANISER_ROUTERS,
    )
    return parent


# Built once: a router can belong to one parent only, and get_routers() runs for every
# Dispatcher (the tests build many).
ORGANISERS_ROUTER = _organisers_router()


def get_routers() -> list[Router]:
    """Every router in the order they must see updates; the catch-all comes last."""
    return [
        errors.router,
        # Shared chats get one answer and nothing else: before every feature router.
        groups.router,
        # /verify answers anyone, even someone the bot holds no row for.
        certificates.VERIFY_ROUTER,
        # Before any handler that needs the sender's row: a forgotten person gets a hint.
        no_profile.router,
        common.router,
        # Before the organisers' other routers: their commands and buttons end a reason
        # question left open, then go on to their own handlers.
        reason_questions.router,
        # A reply quoting a question or an answer answers it, whatever dialog is open, and
        # an album's other files follow its first; other replies go on (the filter matches
        # only replies to a question's or answer's copy).
        *questions.REPLY_ROUTERS,
        ORGANISERS_ROUTER,
        *nominations.FOCAL_POINT_ROUTERS,
        # The catalogue sees most traffic (browsing, signing up), so it is tried early; its
        # handlers share no commands or callback prefixes with the routers after it.
        courses.CARD_ROUTER,
        materials.PARTICIPANT_ROUTER,
        surveys.participant_router,
        nominations.OFFICER_ROUTER,
        questions.OFFICER_ROUTER,
        certificates.HOLDER_ROUTER,
        start.router,
        profile.router,
        fallback.router,
    ]
