"""Certificates of attendance: organisers issue, reissue and revoke; holders get theirs;
anyone verifies one."""

from __future__ import annotations

from handlers.certificates import holder, organiser, verify

ORGANISER_ROUTER = organiser.router
HOLDER_ROUTER = holder.router
VERIFY_ROUTER = verify.router

__all__ = ["HOLDER_ROUTER", "ORGANISER_ROUTER", "VERIFY_ROUTER"]
