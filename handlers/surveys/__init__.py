"""Feedback surveys: the organisers' screens (create, admin, results) under one router that
keeps others out, and the participants' dialog (answer)."""

from __future__ import annotations

from aiogram import Router

from handlers.filters import IsOrganiser
from handlers.surveys import admin, answer, create, results, templates

# Organisers only; anyone else's command falls through to the catch-all (unknown command).
organiser_router = Router(name=f"{__name__}.organisers")
organiser_router.message.filter(IsOrganiser())
organiser_router.callback_query.filter(IsOrganiser())
organiser_router.include_routers(create.router, admin.router, results.router, templates.router)

participant_router = answer.router
