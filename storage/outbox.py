"""The outbox: every message to someone other than the user who acted, written in the same
transaction as the change that caused it and sent later by the delivery worker."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from storage.questions import record_copies
from storage.sql import Executor, Repository, stamp, to_db


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    BLOCKED = "blocked"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Outcome:
    """What happened to one message: a final state, or back to pending (retry or release)."""

    message_id: int
    state: OutboxState
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


async def _delete_messages(sql: Executor, where: str, params: dict[str, Any]) -> int:
    """Delete the outbox rows matching `where` (a fixed fragment over outbox columns, never
    input); returns how many. Their announcements keep the totals, so the figures organisers
    see do not change; a message never sent counts as cancelled."""
    async with sql.atomic() as tx:
        await tx.write(
            # `where` is one of the fixed fragments of this module's callers.
            "UPDATE announcements AS a SET sent_count = a.sent_count + t.sent,"  # noqa: S608
            " blocked_count = a.blocked_count + t.blocked,"
            " failed_count = a.failed_count + t.failed,"
            " cancelled_count = a.cancelled_count + t.cancelled"
            " FROM (SELECT announcement_id, SUM(state = 'sent') AS sent,"
            " SUM(state = 'blocked') AS blocked, SUM(state = 'failed') AS failed,"
            " SUM(state NOT IN ('sent', 'blocked', 'failed')) AS cancelled FROM outbox"
            f" WHERE announcement_id IS NOT NULL AND {where} GROUP BY announcement_id) AS t"
            " WHERE a.id = t.announcement_id",
            params,
        )
        await tx.write(f"DELETE FROM outbox WHERE {where}", params)  # noqa: S608
        row = await tx.fetch_one("SELECT changes()")
    return int(row[0]) if row else 0


class OutboxRepository(Repository):
    async def add(
        self,
        user_id: int,
        kind: str,
        payload: dict[str, Any],
        priority: int = PRIORITY_PERSONAL,
        not_before: datetime | None = None,
    ) -> None:
        """Queue one message (inside a transaction: it commits with the change it tells of)."""
        now = stamp(self.sql)
        await self.sql.write(
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

    async def add_many(
        self,
        kind: str,
        payloads: Sequence[tuple[int, dict[str, Any]]],
        priority: int = PRIORITY_PERSONAL,
    ) -> None:
        """Queue one message per (user id, payload) in one statement: a transaction that
        queues many holds the write lock for one round trip, not one per person."""
        now = stamp(self.sql)
        await self.sql.write_many(
            "INSERT INTO outbox (user_id, kind, payload, priority, not_before, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (user_id, kind, json.dumps(payload, ensure_ascii=False), priority, now, now, now)
                for user_id, payload in payloads
            ],
        )

    async def delete_of_user(self, user_id: int) -> None:
        """Every message to the user, sent or not (rendered texts carry their name), and every
        message to someone else that names them (a request an organiser is told of, a
        nominee's answer): the payload lists those people under "about"."""
        await _delete_messages(
            self.sql,
            "user_id = :user_id OR EXISTS (SELECT 1 FROM json_each(outbox.payload, '$.about')"
            " WHERE json_each.value = :user_id)",
            {"user_id": user_id},
        )

    async def asked_to_nominate(
        self, course_id: int, officer_id: int, since: str | None = None
    ) -> bool:
        """Whether the officer already asked their focal points to nominate them for the
        course (the notice is kept until the outbox is purged), after `since` (stored time:
        when their last place ended — an ask before a lapsed nomination is used up)."""
        row = await self.sql.fetch_one(
            "SELECT 1 FROM outbox WHERE kind = 'nomination_asked'"
            " AND json_extract(payload, '$.buttons.course_id') = ?"
            " AND json_extract(payload, '$.buttons.officer_id') = ?"
            " AND (? IS NULL OR created_at > ?) LIMIT 1",
            (course_id, officer_id, since, since),
        )
        return row is not None

    async def recover(self) -> int:
        """After a crash, messages caught mid-send are sent again (at most one duplicate each)."""
        rows = await self.sql.write_all(
            "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sending'"
            " RETURNING id",
            (stamp(self.sql),),
        )
        return len(rows)

    async def claim(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Take the next due messages (by priority, then age) and mark them as being sent."""
        rows = await self.sql.write_all(
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

    async def record(self, outcomes: list[Outcome]) -> None:
        """Write many outcomes in one transaction (the worker's group commit)."""
        now = self.sql.now()
        final = [
            (str(o.state), o.error, o.telegram_id, to_db(now), o.message_id)
            for o in outcomes
            if o.state != OutboxState.PENDING
        ]
        again = [
            (int(o.attempted), o.error, to_db(o.not_before or now), to_db(now), o.message_id)
            for o in outcomes
            if o.state == OutboxState.PENDING
        ]
        async with self.sql.atomic() as sql:
            if final:
                await sql.write_many(
                    "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?,"
                    " message_id = ?, updated_at = ? WHERE id = ?",
                    final,
                )
            # Copies of a question (or an answer) remember their message, for replies to it.
            await record_copies(
                sql, [o.message_id for o in outcomes if o.state == OutboxState.SENT]
            )
            if again:
                await sql.write_many(
                    "UPDATE outbox SET state = 'pending', attempts = attempts + ?,"
                    " last_error = COALESCE(?, last_error), not_before = ?, updated_at = ?"
                    " WHERE id = ?",
                    again,
                )

    async def next_due(self) -> datetime | None:
        row = await self.sql.fetch_one(
            "SELECT MIN(not_before) FROM outbox WHERE state = 'pending'"
        )
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    async def purge(self, before: datetime) -> int:
        """Delete messages that reached a final state before `before` (OUTBOX_KEEP_DAYS):
        the table does not grow for ever, and rendered texts do not stay. Returns how many."""
        where = "state IN ('sent', 'blocked', 'failed', 'cancelled') AND updated_at < :before"
        return await _delete_messages(self.sql, where, {"before": to_db(before)})

    async def cancel_material(self, material_id: int) -> int:
        """A course file removed: its copies not yet sent are not sent; returns how many."""
        where = (
            "kind = 'material' AND state = 'pending'"
            " AND json_extract(payload, '$.material_id') = :material"
        )
        return await _delete_messages(self.sql, where, {"material": material_id})

    async def by_state(self) -> dict[OutboxState, int]:
        rows = await self.sql.fetch_all("SELECT state, COUNT(*) FROM outbox GROUP BY state")
        return {OutboxState(row[0]): row[1] for row in rows}
