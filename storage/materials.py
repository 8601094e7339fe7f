"""Course materials (files kept as Telegram file_ids) and who was sent which of them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from enum import StrEnum

from storage.sql import Repository, from_row, stamp


class MaterialKind(StrEnum):
    DOCUMENT = "document"
    PHOTO = "photo"


class MaterialTiming(StrEnum):
    BEFORE = "before"  # on the card for everyone who sees it: agenda, concept note
    AFTER = "after"  # for confirmed participants once the course has ended: slides


@dataclass(frozen=True)
class NewFile:
    """A file as Telegram described it when an organiser sent it."""

    file_id: str
    file_unique_id: str
    kind: MaterialKind
    file_name: str | None = None
    mime_type: str | None = None
    file_size: int | None = None


@dataclass(frozen=True)
class Material:
    id: int
    course_id: int
    title: str
    file_id: str
    file_unique_id: str
    file_name: str | None
    mime_type: str | None
    file_size: int | None
    kind: MaterialKind
    timing: MaterialTiming
    with_reminder: bool
    position: int
    added_by: int | None
    added_at: str


_COLUMNS = ", ".join(f.name for f in fields(Material))


def _material(row: sqlite3.Row) -> Material:
    # `kind` is converted after: from_row's first parameter has that name.
    material = from_row(Material, row, timing=MaterialTiming, with_reminder=bool)
    return replace(material, kind=MaterialKind(material.kind))


class MaterialRepository(Repository):
    async def add(
        self, course_id: int, file: NewFile, title: str, timing: MaterialTiming, added_by: int
    ) -> Material:
        """Append a file to the course's materials (last on the card)."""
        row = await self.sql.write(
            f"INSERT INTO course_materials (course_id, title, file_id, file_unique_id,"  # noqa: S608
            " file_name, mime_type, file_size, kind, timing, position, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT COALESCE(MAX(position), 0) + 1 FROM course_materials WHERE course_id = ?),"
            f" ?, ?) RETURNING {_COLUMNS}",
            (
                course_id,
                title,
                file.file_id,
                file.file_unique_id,
                file.file_name,
                file.mime_type,
                file.file_size,
                file.kind.value,
                timing.value,
                course_id,
                added_by,
                stamp(self.sql),
            ),
        )
        assert row is not None  # RETURNING always yields the inserted row
        return _material(row)

    async def get(self, material_id: int) -> Material | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM course_materials WHERE id = ?",  # noqa: S608
            (material_id,),
        )
        return _material(row) if row else None

    async def of_course(
        self, course_id: int, timing: MaterialTiming | None = None
    ) -> list[Material]:
        """The course's materials in card order (`timing`: only those)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM course_materials WHERE course_id = ?"  # noqa: S608
            " AND (? IS NULL OR timing = ?) ORDER BY position, id",
            (course_id, timing and timing.value, timing and timing.value),
        )
        return [_material(row) for row in rows]

    async def remove(self, course_id: int, material_id: int) -> Material | None:
        """Delete one file of the course (its delivery records go with it); None if gone."""
        row = await self.sql.write(
            f"DELETE FROM course_materials WHERE id = ? AND course_id = ?"  # noqa: S608
            f" RETURNING {_COLUMNS}",
            (material_id, course_id),
        )
        return _material(row) if row else None

    async def toggle_reminder(self, course_id: int, material_id: int) -> bool | None:
        """Flip "sent with the reminder" on a file sent before the course; the new value, or
        None when there is no such file."""
        row = await self.sql.write(
            "UPDATE course_materials SET with_reminder = NOT with_reminder"
            " WHERE id = ? AND course_id = ? AND timing = 'before' RETURNING with_reminder",
            (material_id, course_id),
        )
        return bool(row[0]) if row else None

    async def record_deliveries(self, material_id: int, user_ids: Sequence[int]) -> list[int]:
        """Note that the file goes to these people; returns those it had not gone to before
        (only they are to be sent it)."""
        if not user_ids:
            return []
        rows = await self.sql.write_all(
            # WHERE true: SQLite's upsert after a SELECT needs it to parse ON CONFLICT.
            "INSERT INTO material_deliveries (material_id, user_id, queued_at)"
            " SELECT ?, value, ? FROM json_each(?) WHERE true"
            " ON CONFLICT DO NOTHING RETURNING user_id",
            (material_id, stamp(self.sql), json.dumps(list(user_ids))),
        )
        new = {int(row[0]) for row in rows}
        return [user_id for user_id in user_ids if user_id in new]

    async def claim_request(self, material_id: int, user_id: int, now: str, since: str) -> bool:
        """A participant asked for the file from the card: noted as received (a later "Send
        materials" skips them); False when it went to them after `since`, so a double
        tap (two updates handled at once) sends one copy. One statement: the check and the
        note cannot interleave with another press."""
        row = await self.sql.write(
            "INSERT INTO material_deliveries (material_id, user_id, queued_at) VALUES (?, ?, ?)"
            " ON CONFLICT (material_id, user_id) DO UPDATE SET queued_at = excluded.queued_at"
            " WHERE material_deliveries.queued_at <= ? RETURNING user_id",
            (material_id, user_id, now, since),
        )
        return row is not None

    async def unrecord(self, material_id: int, user_id: int) -> None:
        """The file could not be sent to them after all: a later "Send materials" tries again."""
        await self.sql.write(
            "DELETE FROM material_deliveries WHERE material_id = ? AND user_id = ?",
            (material_id, user_id),
        )

    async def missing(
        self, material_ids: Sequence[int], user_ids: Sequence[int]
    ) -> dict[int, list[int]]:
        """Per person, the files among `material_ids` they have not been sent yet."""
        rows = await self.sql.fetch_all(
            "SELECT material_id, user_id FROM material_deliveries"
            " WHERE material_id IN (SELECT value FROM json_each(?))"
            " AND user_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(material_ids)), json.dumps(list(user_ids))),
        )
        had = {(int(row[0]), int(row[1])) for row in rows}
        return {
            user_id: [m for m in material_ids if (m, user_id) not in had] for user_id in user_ids
        }

    async def refused(self, course_id: int) -> dict[int, int]:
        """Per file of the course, to how many people Telegram refused to send it (a file_id
        of another bot after a restore onto a new token, a file deleted on Telegram's side):
        outbox rows that failed with an error about the file."""
        rows = await self.sql.fetch_all(
            "SELECT json_extract(payload, '$.material_id') AS material, COUNT(*) FROM outbox"
            " WHERE kind = 'material' AND state = 'failed' AND last_error LIKE '%file%'"
            " AND json_extract(payload, '$.material_id') IN"
            " (SELECT id FROM course_materials WHERE course_id = ?) GROUP BY material",
            (course_id,),
        )
        return {int(row[0]): int(row[1]) for row in rows}

    async def delete_of_user(self, user_id: int) -> None:
        """/forget: the person's delivery records; files they added stay, unattributed."""
        await self.sql.write("DELETE FROM material_deliveries WHERE user_id = ?", (user_id,))
        await self.sql.write(
            "UPDATE course_materials SET added_by = NULL WHERE added_by = ?", (user_id,)
        )
