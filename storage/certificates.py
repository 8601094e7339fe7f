"""Certificates of attendance: one per attendee and course, with its code and what it prints."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime

from storage.sql import Repository, from_db, from_row, stamp, to_db


@dataclass(frozen=True)
class Certificate:
    id: int
    code: str
    course_id: int
    user_id: int | None  # None: the holder deleted their data (/forget)
    locales: str  # the page's languages, "en", "ru" or "en ru"
    name_en: str | None
    name_ru: str | None
    version: int
    issued_at: datetime
    reissued_at: datetime | None = None
    sent_at: datetime | None = None  # None: waiting for the holder's Latin name
    revoked_at: datetime | None = None
    erased_at: datetime | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.locales.split())

    @property
    def valid(self) -> bool:
        """Whether its file may be sent: not revoked, holder known."""
        return self.revoked_at is None and self.user_id is not None


_COLUMNS = ", ".join(f.name for f in fields(Certificate))
_TIMES = ("issued_at", "reissued_at", "sent_at", "revoked_at", "erased_at")


def _certificate(row: sqlite3.Row) -> Certificate:
    return from_row(Certificate, row, **dict.fromkeys(_TIMES, from_db))


class CertificateRepository(Repository):
    async def get(self, certificate_id: int) -> Certificate | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM certificates WHERE id = ?",  # noqa: S608 (constant)
            (certificate_id,),
        )
        return _certificate(row) if row else None

    async def by_code(self, code: str) -> Certificate | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM certificates WHERE code = ?",  # noqa: S608 (constant)
            (code,),
        )
        return _certificate(row) if row else None

    async def of_course(self, course_id: int) -> list[Certificate]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM certificates WHERE course_id = ? ORDER BY id",  # noqa: S608
            (course_id,),
        )
        return [_certificate(row) for row in rows]

    async def of_user(self, user_id: int) -> list[Certificate]:
        """The holder's certificates, newest first (revoked ones too: they are told why)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM certificates WHERE user_id = ?"  # noqa: S608 (constant)
            " ORDER BY issued_at DESC, id DESC",
            (user_id,),
        )
        return [_certificate(row) for row in rows]

    async def holders(self, course_id: int) -> set[int]:
        rows = await self.sql.fetch_all(
            "SELECT user_id FROM certificates WHERE course_id = ? AND user_id IS NOT NULL",
            (course_id,),
        )
        return {int(row[0]) for row in rows}

    async def add(
        self,
        code: str,
        course_id: int,
        user_id: int,
        locales: str,
        names: tuple[str | None, str | None],
        sent: bool,
    ) -> Certificate | None:
        """A new certificate; None when the person already has one for the course (the
        code is then not used)."""
        now = stamp(self.sql)
        row = await self.sql.write(
            "INSERT INTO certificates (code, course_id, user_id, locales, name_en, name_ru,"  # noqa: S608
            " issued_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            f" ON CONFLICT (course_id, user_id) DO NOTHING RETURNING {_COLUMNS}",
            (code, course_id, user_id, locales, *names, now, now if sent else None),
        )
        return _certificate(row) if row else None

    async def waiting_for_name(self, user_id: int) -> list[Certificate]:
        """The holder's certificates not sent yet because the Latin name was missing."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM certificates WHERE user_id = ?"  # noqa: S608 (constant)
            " AND sent_at IS NULL AND revoked_at IS NULL ORDER BY id",
            (user_id,),
        )
        return [_certificate(row) for row in rows]

    async def mark_sent(self, certificate_id: int, names: tuple[str | None, str | None]) -> None:
        await self.sql.write(
            "UPDATE certificates SET name_en = ?, name_ru = ?, sent_at = ? WHERE id = ?",
            (*names, stamp(self.sql), certificate_id),
        )

    async def reissue(
        self, certificate: Certificate, names: tuple[str | None, str | None]
    ) -> Certificate:
        """The same code with the names as they are now: the version before is kept as
        superseded."""
        now = stamp(self.sql)
        async with self.sql.atomic() as sql:
            await sql.write(
                "INSERT INTO certificate_versions (certificate_id, version, name_en, name_ru,"
                " issued_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    certificate.id,
                    certificate.version,
                    certificate.name_en,
                    certificate.name_ru,
                    to_db(certificate.reissued_at or certificate.issued_at),
                    now,
                ),
            )
            row = await sql.write(
                "UPDATE certificates SET name_en = ?, name_ru = ?, version = version + 1,"  # noqa: S608
                f" reissued_at = ?, sent_at = ? WHERE id = ? RETURNING {_COLUMNS}",
                (*names, now, now, certificate.id),
            )
        assert row is not None
        return _certificate(row)

    async def superseded(self, certificate_id: int) -> int:
        """How many earlier issues the certificate has."""
        row = await self.sql.fetch_one(
            "SELECT COUNT(*) FROM certificate_versions WHERE certificate_id = ?",
            (certificate_id,),
        )
        return int(row[0]) if row else 0

    async def revoke(self, certificate_id: int) -> bool:
        row = await self.sql.write(
            "UPDATE certificates SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"
            " RETURNING id",
            (stamp(self.sql), certificate_id),
        )
        return row is not None
