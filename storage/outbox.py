"""The outbox: every message to someone other than the user who acted, written in the same
transaction as the change that caused it and sent later by the delivery worker."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiosqlite

from storage.database import Database, to_db, utcnow_iso


@dataclass(frozen=True)
class Outcome:
    """What happened to one message: a final state, or back to pending (retry or release)."""

    message_id: int
    state: str  # sent | blocked | failed | cancelled | pending
    error: str | None = None
    telegram_id: int | None = None
    not_before: datetime | None = None  # for pending: when it is due again
    attempted: bool = True  # False: handed back untried (flood control, stopping)
    user_id: int = 0  # the recipient, for `blocked` (the user is then marked unreachable)


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    user_id: int
    kind: str
    payload: dict[str, Any]
    priority: int
    attempts: int
    # The recipient's language settings, read with the claim (no query per message);
    # recipient_exists is False once the user has deleted their data.
    language: str | None = None
    telegram_language: str | None = None
    recipient_exists: bool = True


# Personal notices (a seat became free, the course moved) go before bulk mail.
PRIORITY_PERSONAL = 0
PRIORITY_BULK = 10


async def delete_messages_in(
    conn: aiosqlite.Connection, where: str, params: dict[str, Any]
) -> None:
    """Delete the outbox rows matching `where` (a fixed fragment over outbox columns, never
    input), inside the caller's transaction. Their announcements keep the totals, so the
    figures organisers see do not change; a message never sent counts as cancelled."""
    await conn.execute(
        # `where` is one of the fixed fragments of this package's callers.
        "UPDATE announcements AS a SET sent_count = a.sent_count + t.sent,"  # noqa: S608
        " blocked_count = a.blocked_count + t.blocked, failed_count = a.failed_count + t.failed,"
        " cancelled_count = a.cancelled_count + t.cancelled"
        " FROM (SELECT announcement_id, SUM(state = 'sent') AS sent,"
        " SUM(state = 'blocked') AS blocked, SUM(state = 'failed') AS failed,"
        " SUM(state NOT IN ('sent', 'blocked', 'failed')) AS cancelled FROM outbox"
        f" WHERE announcement_id IS NOT NULL AND {where} GROUP BY announcement_id) AS t"
        " WHERE a.id = t.announcement_id",
        params,
    )
    await conn.execute(f"DELETE FROM outbox WHERE {where}", params)  # noqa: S608


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    async def add_in(
        conn: aiosqlite.Connection,
        user_id: int,
        kind: str,
        payload: dict[str, Any],
        priority: int = PRIORITY_PERSONAL,
        not_before: datetime | None = None,
    ) -> None:
        now = utcnow_iso()
        await conn.execute(
            "INSERT INTO outbox (user_id, kind, payload, priority, not_before, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                user_id,
                kind,
                json.dumps(payload, ensure_ascii=False),
                priority,
                to_db(not_before) if not_before else now,
                now,
                now,
            ),
        )

    async def recover(self) -> int:
        """After a crash, messages caught mid-send are sent again (at most one duplicate each)."""
        rows = await self.db.fetch_all_write(
            "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sending'"
            " RETURNING id",
            (utcnow_iso(),),
        )
        return len(rows)

    async def claim(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Take the next due messages (by priority, then age) and mark them as being sent."""
        rows = await self.db.fetch_all_write(
            "UPDATE outbox SET state = 'sending', updated_at = ? WHERE id IN ("
            " SELECT id FROM outbox WHERE state = 'pending' AND not_before <= ?"
            " ORDER BY priority, not_before, id LIMIT ?)"
            " RETURNING id, user_id, kind, payload, priority, attempts,"
            " (SELECT language FROM users WHERE users.id = outbox.user_id) AS language,"
            " (SELECT telegram_language FROM users WHERE users.id = outbox.user_id) AS tg,"
            " EXISTS (SELECT 1 FROM users WHERE users.id = outbox.user_id) AS present",
            (to_db(now), to_db(now), limit),
        )
        messages = [
            OutboxMessage(
                id=row["id"],
                user_id=row["user_id"],
                kind=row["kind"],
                payload=json.loads(row["payload"]),
                priority=row["priority"],
                attempts=row["attempts"],
                language=row["language"],
                telegram_language=row["tg"],
                recipient_exists=bool(row["present"]),
            )
            for row in rows
        ]
        return sorted(messages, key=lambda m: (m.priority, m.id))

    async def finish(
        self,
        message_id: int,
        state: str,
        error: str | None = None,
        tg_message_id: int | None = None,
    ) -> None:
        await self.db.write(
            "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?,"
            " message_id = ?, updated_at = ? WHERE id = ?",
            (state, error, tg_message_id, utcnow_iso(), message_id),
        )

    async def retry_later(self, message_id: int, not_before: datetime, error: str) -> None:
        await self.db.write(
            "UPDATE outbox SET state = 'pending', attempts = attempts + 1, last_error = ?,"
            " not_before = ?, updated_at = ? WHERE id = ?",
            (error, to_db(not_before), utcnow_iso(), message_id),
        )

    async def release(self, message_id: int, not_before: datetime) -> None:
        """Put a message back untouched (flood control: not the message's fault)."""
        await self.db.write(
            "UPDATE outbox SET state = 'pending', not_before = ?, updated_at = ? WHERE id = ?",
            (to_db(not_before), utcnow_iso(), message_id),
        )

    async def record(self, outcomes: list[Outcome]) -> None:
        """Write many outcomes in one transaction (the worker's group commit)."""
        now = utcnow_iso()
        final = [
            (o.state, o.error, o.telegram_id, now, o.message_id)
            for o in outcomes
            if o.state != "pending"
        ]
        again = [
            (
                int(o.attempted),
                o.error,
                to_db(o.not_before or datetime.now(UTC)),
                now,
                o.message_id,
            )
            for o in outcomes
            if o.state == "pending"
        ]
        async with self.db.transaction() as conn:
            if final:
                await conn.executemany(
                    "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?,"
                    " message_id = ?, updated_at = ? WHERE id = ?",
                    final,
                )
            if again:
                await conn.executemany(
                    "UPDATE outbox SET state = 'pending', attempts = attempts + ?,"
                    " last_error = COALESCE(?, last_error), not_before = ?, updated_at = ?"
                    " WHERE id = ?",
                    again,
                )

    async def next_due(self) -> datetime | None:
        row = await self.db.fetch_one("SELECT MIN(not_before) FROM outbox WHERE state = 'pending'")
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    async def purge(self, before: datetime) -> int:
        """Delete messages that reached a final state before `before` (OUTBOX_KEEP_DAYS):
        the table does not grow for ever, and rendered texts do not stay. Returns how many."""
        where = "state IN ('sent', 'blocked', 'failed', 'cancelled') AND updated_at < :before"
        async with self.db.transaction() as conn:
            await delete_messages_in(conn, where, {"before": to_db(before)})
            row = await conn.execute_fetchall("SELECT changes()")
        return int(next(iter(row))[0])

    async def by_state(self) -> dict[str, int]:
        rows = await self.db.fetch_all("SELECT state, COUNT(*) FROM outbox GROUP BY state")
        return {row[0]: row[1] for row in rows}
