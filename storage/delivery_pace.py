"""The delivery worker's learned pace per lane (see bot/services/pacing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.sql import Repository, stamp


@dataclass(frozen=True)
class Learned:
    """What a lane's pace has learned: the rate it sends at and the rate Telegram refused."""

    rate: float
    failed_rate: float | None


class DeliveryPaceRepository(Repository):
    async def load(self, lane: str) -> Learned | None:
        row = await self.sql.fetch_one(
            "SELECT rate, failed_rate FROM delivery_pace WHERE lane = ?", (lane,)
        )
        return Learned(row["rate"], row["failed_rate"]) if row else None

    async def save(self, lane: str, learned: Learned) -> None:
        await self.sql.write(
            "INSERT INTO delivery_pace (lane, rate, failed_rate, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (lane) DO UPDATE SET rate = excluded.rate,"
            " failed_rate = excluded.failed_rate, updated_at = excluded.updated_at",
            (lane, learned.rate, learned.failed_rate, stamp(self.sql)),
        )
