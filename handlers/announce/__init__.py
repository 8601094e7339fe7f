"""Organisers: /announce — texts in both languages (formatting kept), optional photo or
document, an audience (several countries, or the TRACECA ones, among others), an optional
course button and daytime delivery; each question as "Step N of M" with ‹ Back and ✖️ Cancel;
a preview of exactly what each language group receives; then send now or schedule after
"Send to 1,234 people?", or cancel. /announcements lists recent ones, and Stop under a running
one's status message cancels the rest."""

from __future__ import annotations

from aiogram import Router

from handlers.announce import audience, compose, control, navigation, options, schedule
from handlers.announce.common import AnnounceForm
from handlers.filters import IsOrganiser

__all__ = ["AnnounceForm", "router"]

router = Router(name=__name__)
# Organisers only (the filter also guards the routers below); anyone else's command falls
# through to the catch-all (unknown command).
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())
# In this order: the audience step takes every button pressed while it is asked (another
# one is expired there), and the dialog's hint for an unexpected message (in schedule) comes
# after every step that takes a message.
router.include_routers(
    audience.router,
    compose.router,
    options.router,
    navigation.router,
    schedule.router,
    control.router,
)
