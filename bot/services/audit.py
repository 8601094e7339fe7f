"""Reading the audit log of organiser actions, each entry with the profile of who did it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from storage.audit import AuditEntry, AuditLog
from storage.users import User, UserRepository


@dataclass(frozen=True)
class AuditLine:
    entry: AuditEntry
    actor: User | None  # None: no profile, or the person asked to be forgotten


class AuditService:
    def __init__(self, audit: AuditLog, users: UserRepository, clock: Clock) -> None:
        self.audit = audit
        self.users = users
        self.clock = clock

    async def latest(self, limit: int) -> list[AuditLine]:
        """The newest `limit` entries, newest first, each with its actor's row."""
        entries = await self.audit.latest(limit)
        actors: dict[int, User | None] = {}
        for entry in entries:
            if entry.actor_id not in actors:
                actors[entry.actor_id] = await self.users.get(entry.actor_id)
        return [AuditLine(entry, actors[entry.actor_id]) for entry in entries]
