"""Course materials: the organisers' list of a course's files, adding one, sending them after
the course; and a participant's file from the course card."""

from __future__ import annotations

from handlers.materials import add, files, organiser, send

# Organisers only (each filters on ADMIN_IDS itself).
ORGANISER_ROUTERS = (organiser.router, add.router, send.router)
PARTICIPANT_ROUTER = files.router
