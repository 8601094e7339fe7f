"""National focal points (who may nominate a country's officers) and their invitation links."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from storage.sql import Repository, stamp


@dataclass(frozen=True)
class FocalPoint:
    country: str
    user_id: int
    full_name: str | None
    username: str | None


@dataclass(frozen=True)
class Invite:
    token: str
    course_id: int
    focal_point_id: int
    country: str


_FOCAL = (
    "SELECT f.country, f.user_id, u.full_name, u.username FROM focal_points f"
    " JOIN users u ON u.id = f.user_id"
)


class FocalPointRepository(Repository):
    async def appoint(self, country: str, user_id: int) -> bool:
        """False if the person already was a focal point for the country."""
        row = await self.sql.write(
            "INSERT INTO focal_points (country, user_id, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING user_id",
            (country, user_id, stamp(self.sql)),
        )
        return row is not None

    async def remove(self, country: str, user_id: int) -> bool:
        row = await self.sql.write(
            "DELETE FROM focal_points WHERE country = ? AND user_id = ? RETURNING user_id",
            (country, user_id),
        )
        if row is not None:
            # An invitation link stops working with the appointment it came from.
            await self.sql.write(
                "DELETE FROM nomination_invites WHERE focal_point_id = ? AND country = ?",
                (user_id, country),
            )
        return row is not None

    async def all(self) -> list[FocalPoint]:
        rows = await self.sql.fetch_all(f"{_FOCAL} ORDER BY f.country, u.full_name, f.user_id")
        return [FocalPoint(*row) for row in rows]

    async def of_country(self, country: str | None) -> list[FocalPoint]:
        if not country:
            return []
        rows = await self.sql.fetch_all(
            f"{_FOCAL} WHERE f.country = ? ORDER BY f.created_at, f.user_id",
            (country,),
        )
        return [FocalPoint(*row) for row in rows]

    async def countries_of(self, user_id: int) -> list[str]:
        """The countries the person is a focal point for (empty: not a focal point)."""
        rows = await self.sql.fetch_all(
            "SELECT country FROM focal_points WHERE user_id = ? ORDER BY country", (user_id,)
        )
        return [row[0] for row in rows]

    async def invite(self, course_id: int, focal_point_id: int, country: str) -> Invite:
        """The focal point's invitation link for the course (the same one every time)."""
        await self.sql.write(
            "INSERT INTO nomination_invites (token, course_id, focal_point_id, country,"
            " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (secrets.token_urlsafe(12), course_id, focal_point_id, country, stamp(self.sql)),
        )
        row = await self.sql.fetch_one(
            "SELECT token, course_id, focal_point_id, country FROM nomination_invites"
            " WHERE course_id = ? AND focal_point_id = ? AND country = ?",
            (course_id, focal_point_id, country),
        )
        assert row is not None
        return Invite(*row)

    async def invite_by_token(self, token: str) -> Invite | None:
        row = await self.sql.fetch_one(
            "SELECT token, course_id, focal_point_id, country FROM nomination_invites"
            " WHERE token = ?",
            (token,),
        )
        return Invite(*row) if row else None
