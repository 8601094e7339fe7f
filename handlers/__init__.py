"""aiogram routers, one module per feature."""

from __future__ import annotations

from aiogram import Router

from handlers import catalogue, common, errors, fallback, organiser, profile, start


def get_routers() -> list[Router]:
    """Every router in the order they must see updates; the catch-all comes last."""
    return [
        errors.router,
        common.router,
        organiser.router,
        start.router,
        profile.router,
        catalogue.router,
        fallback.router,
    ]
