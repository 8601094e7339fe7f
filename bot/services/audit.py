"""Reading the audit log of organiser actions, each entry with the profile of who did it."""

from __future__ import annotations

from dataclasses import dataclass

from storage.audit import AuditEntry
from storage.database import Database
from storage.users import User


@dataclass(frozen=True)
class AuditLine:
    entry: AuditEntry
    actor: User | None  # None: no profile, or the person asked to be forgotten


class AuditService:
    def __init__(self, db: Database) -> None:
        self.repos = db.repos

    async def latest(self, limit: int) -> list[AuditLine]:
        """The newest `limit` entries, newest first, each with its actor's row."""
        entries = await self.repos.audit.latest(limit)
        actors: dict[int, User | None] = {}
        for entry in entries:
            if entry.actor_id not in actors:
                actors[entry.actor_id] = await self.repos.users.get(entry.actor_id)
        return [AuditLine(entry, actors[entry.actor_id]) for entry in entries]
