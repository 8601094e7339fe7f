"""Reading the audit log of organiser actions, each entry with the profile of who did it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.audit import AuditAction, AuditEntry, AuditFilter
from storage.database import Database
from storage.users import User

A = AuditAction
# The kinds of action organisers filter the log by; every action is in exactly one.
ACTION_GROUPS: dict[str, tuple[AuditAction, ...]] = {
    "courses": (
        A.COURSE_CREATED,
        A.COURSE_PUBLISHED,
        A.COURSE_EDITED,
        A.COURSE_CANCELLED,
        A.COURSE_DELETED,
        A.ATTENDANCE_MARKED,
    ),
    "seats": (
        A.SEAT_APPROVED,
        A.SEAT_LISTED,
        A.SEAT_DECLINED,
        A.SEAT_ADDED,
        A.SEAT_MOVED,
        A.SEAT_REMOVED,
        A.NOMINATED,
        A.NOMINATION_WITHDRAWN,
        A.NOMINATION_LAPSED,
        A.FOCAL_POINT_APPOINTED,
        A.FOCAL_POINT_REMOVED,
    ),
    "announcements": (A.ANNOUNCEMENT_SENT, A.ANNOUNCEMENT_SCHEDULED, A.ANNOUNCEMENT_STOPPED),
    "surveys": (
        A.SURVEY_CREATED,
        A.SURVEY_ACTIVATED,
        A.SURVEY_INVITED,
        A.SURVEY_DELETED,
        A.TEMPLATE_SAVED,
        A.TEMPLATE_DELETED,
    ),
    "exports": (A.EXPORT_PARTICIPANTS, A.EXPORT_SURVEY),
    "certificates": (A.CERTIFICATES_ISSUED, A.CERTIFICATE_REISSUED, A.CERTIFICATE_REVOKED),
    "materials": (A.MATERIAL_ADDED, A.MATERIAL_REMOVED, A.MATERIALS_SENT),
    "dashboard": (A.DASHBOARD_SIGNED_IN,),
}


@dataclass(frozen=True)
class AuditLine:
    entry: AuditEntry
    actor: User | None  # None: no profile, or the person asked to be forgotten


@dataclass(frozen=True)
class AuditPage:
    lines: list[AuditLine]
    total: int  # entries the filter selects, on every page


class AuditService:
    def __init__(self, db: Database) -> None:
        self.repos = db.repos

    async def latest(self, limit: int) -> list[AuditLine]:
        """The newest `limit` entries, newest first, each with its actor's row."""
        return await self._with_actors(await self.repos.audit.latest(limit))

    async def search(self, where: AuditFilter, offset: int, limit: int) -> AuditPage:
        """The entries `where` selects, newest first, from `offset`, each with its actor."""
        entries, total = await self.repos.audit.search(where, offset, limit)
        return AuditPage(await self._with_actors(entries), total)

    async def actors(self) -> list[tuple[int, User | None]]:
        """Everyone the log names as having done something, with their profile if any."""
        found = await self._profiles(await self.repos.audit.actors())
        return list(found.items())

    async def _with_actors(self, entries: list[AuditEntry]) -> list[AuditLine]:
        actors = await self._profiles(entry.actor_id for entry in entries)
        return [AuditLine(entry, actors[entry.actor_id]) for entry in entries]

    async def _profiles(self, user_ids: Iterable[int]) -> dict[int, User | None]:
        wanted = list(dict.fromkeys(user_ids))  # each once, in the order first named
        found = await self.repos.users.many(wanted)
        return {user_id: found.get(user_id) for user_id in wanted}
