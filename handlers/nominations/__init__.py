"""Nominations: organisers appoint national focal points (/focalpoints), focal points put
officers forward (/nominate), officers answer. One module per screen."""

from __future__ import annotations

from aiogram import Router

from handlers.nominations import appoint, course, courses, focal_points, nominee, officers

# Each filters on ADMIN_IDS itself.
ORGANISER_ROUTERS: tuple[Router, ...] = (focal_points.router, appoint.router)
# The focal points' screens: every action is checked by the service (NotAllowed otherwise).
FOCAL_POINT_ROUTERS: tuple[Router, ...] = (courses.router, course.router, officers.router)
OFFICER_ROUTER = nominee.router
