"""Courses: the participants' catalogue and cards, and the organisers' creation, editing,
attendance and administration."""

from __future__ import annotations

from aiogram import Router

from handlers.courses import admin, attendance, card, edit, form, roster, roster_add

# The organisers' routers, each filtering on ADMIN_IDS itself.
ORGANISER_ROUTERS: tuple[Router, ...] = (
    form.router,
    edit.router,
    attendance.router,
    admin.router,
    roster.router,
    roster_add.router,
)
CARD_ROUTER = card.router
