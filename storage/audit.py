"""The audit log of organiser actions."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from storage.sql import Repository, from_db, stamp, to_db

log = logging.getLogger(__name__)


class AuditAction(StrEnum):
    COURSE_CREATED = "course.created"
    COURSE_PUBLISHED = "course.published"
    COURSE_EDITED = "course.edited"
    COURSE_CANCELLED = "course.cancelled"
    COURSE_DELETED = "course.deleted"
    ATTENDANCE_MARKED = "course.attendance"
    ANNOUNCEMENT_SENT = "announcement.sent"
    ANNOUNCEMENT_SCHEDULED = "announcement.scheduled"
    ANNOUNCEMENT_STOPPED = "announcement.stopped"
    SURVEY_CREATED = "survey.created"
    SURVEY_ACTIVATED = "survey.activated"
    SURVEY_INVITED = "survey.invited"
    SURVEY_DELETED = "survey.deleted"
    TEMPLATE_SAVED = "template.saved"  # a survey saved as one of "My templates"
    TEMPLATE_DELETED = "template.deleted"
    SEAT_APPROVED = "seat.approved"
    SEAT_LISTED = "seat.listed"  # put on the waiting or a reserve list by an organiser
    SEAT_DECLINED = "seat.declined"
    SEAT_ADDED = "seat.added"
    SEAT_MOVED = "seat.moved"
    SEAT_REMOVED = "seat.removed"
    FOCAL_POINT_APPOINTED = "focal_point.appointed"
    FOCAL_POINT_REMOVED = "focal_point.removed"
    NOMINATED = "seat.nominated"
    NOMINATION_WITHDRAWN = "seat.withdrawn"
    NOMINATION_LAPSED = "seat.lapsed"  # by the bot: no answer within the answer window
    EXPORT_PARTICIPANTS = "export.participants"
    EXPORT_SURVEY = "export.survey"
    # Issue 15, course materials
    MATERIAL_ADDED = "material.added"
    MATERIAL_REMOVED = "material.removed"
    MATERIALS_SENT = "material.sent"
    CERTIFICATES_ISSUED = "certificate.issued"
    CERTIFICATE_REISSUED = "certificate.reissued"
    CERTIFICATE_REVOKED = "certificate.revoked"
    # Issue 17, the organisers' dashboard
    DASHBOARD_SIGNED_IN = "dashboard.signed_in"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: int
    action: AuditAction
    object_kind: str | None
    object_id: int | None
    details: dict[str, Any]


class AuditLog(Repository):
    async def record(
        self,
        actor_id: int,
        action: AuditAction,
        object_kind: str | None = None,
        object_id: int | None = None,
        **details: Any,
    ) -> None:
        await self.sql.write(
            "INSERT INTO audit_log (at, actor_id, action, object_kind, object_id, details)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (stamp(self.sql), actor_id, action.value, object_kind, object_id, json.dumps(details)),
        )
        # Ids only: the log line carries no personal data.
        log.info("Audit: %s by %s on %s %s", action.value, actor_id, object_kind, object_id)

    async def latest(self, limit: int) -> list[AuditEntry]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?",  # noqa: S608
            (limit,),
        )
        return [_entry(row) for row in rows]

    async def search(
        self, where: AuditFilter, offset: int, limit: int
    ) -> tuple[list[AuditEntry], int]:
        """One page of the entries `where` selects, newest first, and how many it selects."""
        params = where.params()
        # S608 below: the only text added is constant (_COLUMNS, _WHERE); values are parameters.
        total = await self.sql.fetch_one(
            "SELECT COUNT(*) FROM audit_log" + _WHERE,  # noqa: S608
            params,
        )
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM audit_log"  # noqa: S608
            + _WHERE
            + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [_entry(row) for row in rows], int(total[0]) if total else 0

    async def actors(self) -> list[int]:
        """Everyone who appears in the log as having done something (for a filter's choices)."""
        rows = await self.sql.fetch_all("SELECT DISTINCT actor_id FROM audit_log")
        return [row[0] for row in rows]


_COLUMNS = "id, at, actor_id, action, object_kind, object_id, details"  # what _entry reads
# One constant statement for every filter: a part whose value is NULL selects all. The log
# grows by tens of entries a day, so scanning it newest first needs no further index.
_WHERE = (
    " WHERE (:actions IS NULL OR action IN (SELECT value FROM json_each(:actions)))"
    " AND (:actor IS NULL OR actor_id = :actor)"
    " AND (:course IS NULL OR (object_kind = 'course' AND object_id = :course))"
    " AND (:since IS NULL OR at >= :since)"  # ISO text in UTC: text order is time order
    " AND (:until IS NULL OR at < :until)"
)


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show; every part left empty selects all."""

    actions: Sequence[AuditAction] = field(default_factory=tuple)
    actor_id: int | None = None
    course_id: int | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive

    def params(self) -> dict[str, Any]:
        return {
            "actions": json.dumps([a.value for a in self.actions]) if self.actions else None,
            "actor": self.actor_id,
            "course": self.course_id,
            "since": to_db(self.since) if self.since else None,
            "until": to_db(self.until) if self.until else None,
        }


def _entry(row: Sequence[Any]) -> AuditEntry:
    return AuditEntry(
        id=row[0],
        at=from_db(row[1]),
        actor_id=row[2],
        action=AuditAction(row[3]),
        object_kind=row[4],
        object_id=row[5],
        details=json.loads(row[6]),
    )
