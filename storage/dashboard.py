"""The dashboard's login-link uses and sessions (bot/web/auth.py decides what they mean)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.sql import Repository, from_db, from_row, stamp, to_db


@dataclass(frozen=True)
class DashboardSession:
    token_hash: str
    user_id: int
    csrf: str
    locale: str | None
    created_at: datetime
    expires_at: datetime


class DashboardRepository(Repository):
    async def use_link(self, nonce: str, user_id: int, expires_at: datetime) -> bool:
        """Mark a login link used; False if it had been used before (a link works once)."""
        row = await self.sql.write(
            "INSERT INTO dashboard_link_uses (nonce, user_id, expires_at) VALUES (?, ?, ?)"
            " ON CONFLICT (nonce) DO NOTHING RETURNING nonce",
            (nonce, user_id, to_db(expires_at)),
        )
        return row is not None

    async def link_used(self, nonce: str) -> bool:
        row = await self.sql.fetch_one(
            "SELECT 1 FROM dashboard_link_uses WHERE nonce = ?", (nonce,)
        )
        return row is not None

    async def open_session(
        self, token_hash: str, user_id: int, csrf: str, expires_at: datetime
    ) -> None:
        await self.sql.write(
            "INSERT INTO dashboard_sessions (token_hash, user_id, csrf, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (token_hash, user_id, csrf, stamp(self.sql), to_db(expires_at)),
        )

    async def session(self, token_hash: str) -> DashboardSession | None:
        row = await self.sql.fetch_one(
            "SELECT * FROM dashboard_sessions WHERE token_hash = ?", (token_hash,)
        )
        if row is None:
            return None
        return from_row(DashboardSession, row, created_at=from_db, expires_at=from_db)

    async def set_locale(self, token_hash: str, locale: str) -> None:
        await self.sql.write(
            "UPDATE dashboard_sessions SET locale = ? WHERE token_hash = ?", (locale, token_hash)
        )

    async def close_session(self, token_hash: str) -> None:
        await self.sql.write("DELETE FROM dashboard_sessions WHERE token_hash = ?", (token_hash,))

    async def purge(self, now: datetime) -> None:
        """Expired sessions and the uses of links that have expired anyway."""
        moment = to_db(now)
        await self.sql.write("DELETE FROM dashboard_sessions WHERE expires_at <= ?", (moment,))
        await self.sql.write("DELETE FROM dashboard_link_uses WHERE expires_at <= ?", (moment,))
