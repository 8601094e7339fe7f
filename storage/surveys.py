"""Surveys, who was invited, and the responses."""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from storage.sql import Executor, Repository, from_db, from_row, stamp, to_db
from storage.survey_keys import Sealer, SurveyKeys

log = logging.getLogger(__name__)


class SurveyStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"  # closed is active past closes_at


class SurveyKind(StrEnum):
    SURVEY = "survey"
    FOLLOWUP = "followup"  # a course's follow-up survey, months after it (issue 15)


@dataclass(frozen=True)
class Survey:
    id: int
    course_id: int | None
    title_en: str
    title_ru: str
    intro_en: str | None
    intro_ru: str | None
    questions: str  # JSON; bot/services/surveys/model.Question.from_json reads each item
    anonymous: bool
    status: SurveyStatus
    opens_at: datetime | None
    closes_at: datetime
    send_after: int
    remind_after: int
    auto_sent_at: str | None
    created_by: int | None
    created_at: str
    activated_at: str | None
    kind: SurveyKind = SurveyKind.SURVEY

    @property
    def is_followup(self) -> bool:
        return self.kind == SurveyKind.FOLLOWUP

    def title(self, locale: str) -> str:
        return (self.title_ru if locale == "ru" else self.title_en) or self.title_en

    def intro(self, locale: str) -> str:
        return (self.intro_ru if locale == "ru" else self.intro_en) or self.intro_en or ""

    def is_open(self, now: datetime) -> bool:
        opened = self.opens_at is None or self.opens_at <= now
        return self.status == SurveyStatus.ACTIVE and opened and now < self.closes_at

    @property
    def question_data(self) -> list[dict[str, Any]]:
        return list(json.loads(self.questions))


_COLUMNS = ", ".join(f.name for f in fields(Survey))


def _survey(row: sqlite3.Row) -> Survey:
    return from_row(
        Survey,
        row,
        anonymous=bool,
        status=SurveyStatus,
        kind=SurveyKind,
        closes_at=from_db,
        opens_at=from_db,
    )


@dataclass(frozen=True)
class Response:
    """Where a person is in a survey: their draft while answering, or (`finished`) a finished
    questionnaire, which the database no longer ties to them (its answers are only in memory
    right after finishing). An anonymous survey's drafts are stored sealed (storage.survey_keys);
    here they are decrypted."""

    survey_id: int
    position: int
    answers: dict[int, Any]
    selection: list[int]
    finished: bool = False


def _draft(survey_id: int, row: sqlite3.Row, sealer: Sealer | None) -> Response | None:
    """The draft in `row`; None if it is sealed and cannot be opened (its key is missing)."""
    answers, selection = row["answers"], row["selection"]
    if row["sealed"] is not None:
        if sealer is None:
            # Reading an anonymous draft without its survey's key is a bug in the caller:
            # taking the draft for unreadable would throw the person's answers away.
            raise RuntimeError(f"survey {survey_id}: a sealed draft was read without a sealer")
        plain = sealer.open(row["sealed"], _draft_context(row["user_id"]))
        if plain is None:
            return None
        record = json.loads(plain.decode("utf-8", "surrogatepass"))
        answers, selection = json.dumps(record["answers"]), json.dumps(record["selection"])
    return Response(
        survey_id=survey_id,
        position=row["position"],
        answers={int(k): v for k, v in json.loads(answers).items()},
        selection=list(json.loads(selection)),
    )


def _draft_context(user_id: int) -> str:
    return f"draft of {user_id}"


def _pending_context(response_id: int) -> str:
    return f"response {response_id}"


def _encode(record: dict[str, Any]) -> bytes:
    # surrogatepass: a lone surrogate in a typed answer must not make the record unwritable.
    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _draft_values(
    sealer: Sealer | None, user_id: int, answers: dict[int, Any], selection: list[int]
) -> tuple[str, str, bytes | None]:
    """(answers, selection, sealed) as stored: anonymous surveys keep only the sealed copy."""
    if sealer is None:
        return json.dumps(answers), json.dumps(selection), None
    record = {"answers": answers, "selection": selection}
    return "{}", "[]", sealer.seal(_encode(record), _draft_context(user_id))


# Anonymous responses get random ids from 2**62 up (62 random bits, within SQLite's signed 64
# bits), so neither their ids nor the table's order follow the order people finished in.
# Named responses (which carry who and when anyway) count up from 1 below that range, so
# their order is the finishing order, ties within a second included.
ANONYMOUS_ID_BASE = 1 << 62
RESPONSE_ID_BITS = 62


@dataclass(frozen=True)
class Respondent:
    """A finished response with who gave it (named surveys) for results and exports."""

    answers: dict[int, Any]
    finished_at: str | None
    name: str | None
    country: str | None
    organisation: str | None


class SurveyRepository(Repository):
    def __init__(self, sql: Executor) -> None:
        super().__init__(sql)
        # Anonymous surveys' keys: files beside the database, never in it (nor in backups).
        self.keys = SurveyKeys(sql.path)

    # -- surveys -----------------------------------------------------------------------------

    async def create(self, values: dict[str, Any]) -> Survey:
        stored = {**values, "created_at": stamp(self.sql)}
        return _survey(await self.insert_returning("surveys", stored, _COLUMNS))

    async def get(self, survey_id: int) -> Survey | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM surveys WHERE id = ?",  # noqa: S608 - fixed columns
            (survey_id,),
        )
        return _survey(row) if row else None

    async def activate(self, survey_id: int, opens_at: datetime) -> Survey | None:
        """Draft -> active; None if it was not a draft (a double tap)."""
        row = await self.sql.write(
            "UPDATE surveys SET status = 'active', activated_at = ?,"  # noqa: S608 - fixed columns
            " opens_at = COALESCE(opens_at, ?) WHERE id = ? AND status = 'draft'"
            f" RETURNING {_COLUMNS}",
            (stamp(self.sql), to_db(opens_at), survey_id),
        )
        return _survey(row) if row else None

    async def set_anonymous(self, survey_id: int, anonymous: bool) -> Survey | None:
        """A draft's mode; None once it is active (people may have answered already)."""
        row = await self.sql.write(
            "UPDATE surveys SET anonymous = ? WHERE id = ? AND status = 'draft'"  # noqa: S608
            f" RETURNING {_COLUMNS}",  # fixed columns
            (int(anonymous), survey_id),
        )
        return _survey(row) if row else None

    async def delete_draft(self, survey_id: int) -> bool:
        row = await self.sql.write(
            "DELETE FROM surveys WHERE id = ? AND status = 'draft' RETURNING 1", (survey_id,)
        )
        return row is not None

    async def latest(self, limit: int) -> list[Survey]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys ORDER BY id DESC LIMIT ?",  # noqa: S608
            (limit,),
        )
        return [_survey(row) for row in rows]

    async def active(self) -> list[Survey]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys WHERE status = 'active' ORDER BY id"  # noqa: S608
        )
        return [_survey(row) for row in rows]

    async def of_course(self, course_id: int) -> list[Survey]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys WHERE course_id = ? ORDER BY id",  # noqa: S608
            (course_id,),
        )
        return [_survey(row) for row in rows]

    async def followup_of(self, course_id: int) -> Survey | None:
        """The course's follow-up survey, if it has one."""
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM surveys WHERE course_id = ? AND kind = 'followup'",  # noqa: S608
            (course_id,),
        )
        return _survey(row) if row else None

    async def followup_courses(self) -> list[int]:
        """Courses with a follow-up field or a follow-up survey (kept in step at start-up)."""
        rows = await self.sql.fetch_all(
            "SELECT id FROM courses WHERE followup IS NOT NULL UNION"
            " SELECT course_id FROM surveys WHERE kind = 'followup' AND course_id IS NOT NULL"
        )
        return sorted(row[0] for row in rows)

    async def move_unsent(
        self, survey_id: int, send_after: int, opens_at: datetime, closes_at: datetime
    ) -> Survey | None:
        """New times for a survey whose automatic invitation has not gone out (None: it has,
        or the survey is gone)."""
        row = await self.sql.write(
            "UPDATE surveys SET send_after = ?, opens_at = ?, closes_at = ?"  # noqa: S608
            " WHERE id = ? AND auto_sent_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM survey_invitations WHERE survey_id = surveys.id)"
            f" RETURNING {_COLUMNS}",  # fixed columns
            (send_after, to_db(opens_at), to_db(closes_at), survey_id),
        )
        return _survey(row) if row else None

    async def delete_unsent(self, survey_id: int) -> bool:
        """Delete a survey nobody was invited to (its automatic invitation not gone out)."""
        row = await self.sql.write(
            "DELETE FROM surveys WHERE id = ? AND auto_sent_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM survey_invitations WHERE survey_id = surveys.id)"
            " RETURNING 1",
            (survey_id,),
        )
        return row is not None

    async def mark_auto_sent(self, survey_id: int) -> bool:
        """Claims the automatic invitation: True only the first time."""
        row = await self.sql.write(
            "UPDATE surveys SET auto_sent_at = ? WHERE id = ? AND auto_sent_at IS NULL"
            " RETURNING 1",
            (stamp(self.sql), survey_id),
        )
        return row is not None

    # -- invitations -------------------------------------------------------------------------

    async def invite(
        self,
        survey_id: int,
        where: str,
        params: dict[str, Any],
        now: datetime,
    ) -> list[int]:
        """Invite the users matching `where` (over `u`) not invited before; their ids."""
        rows = await self.sql.write_all(
            # `where` is built by audience_sql from fixed fragments; values are parameters.
            "INSERT INTO survey_invitations (survey_id, user_id, invited_at)"  # noqa: S608
            f" SELECT :survey_id, u.id, :now FROM users u WHERE {where}"
            " ORDER BY u.id ON CONFLICT DO NOTHING RETURNING user_id",
            {**params, "survey_id": survey_id, "now": to_db(now)},
        )
        return [row[0] for row in rows]

    async def uninvited_count(self, survey_id: int, where: str, params: dict[str, Any]) -> int:
        """How many users matching `where` (over `u`) have no invitation to the survey yet."""
        row = await self.sql.fetch_one(
            # `where` is built by audience_sql from fixed fragments; values are parameters.
            f"SELECT COUNT(*) FROM users u WHERE {where}"  # noqa: S608
            " AND NOT EXISTS (SELECT 1 FROM survey_invitations i"
            " WHERE i.survey_id = :survey_id AND i.user_id = u.id)",
            {**params, "survey_id": survey_id},
        )
        return int(row[0]) if row else 0

    async def invitee_zones(self, survey_id: int, default_zone: str) -> dict[int, str]:
        """Every invitee's time zone (`default_zone` for those without one)."""
        rows = await self.sql.fetch_all(
            "SELECT u.id, COALESCE(u.timezone, ?) FROM users u"
            " JOIN survey_invitations i ON i.user_id = u.id AND i.survey_id = ?",
            (default_zone, survey_id),
        )
        return {row[0]: row[1] for row in rows}

    async def is_invited(self, survey_id: int, user_id: int) -> bool:
        row = await self.sql.fetch_one(
            "SELECT 1 FROM survey_invitations WHERE survey_id = ? AND user_id = ?",
            (survey_id, user_id),
        )
        return row is not None

    async def invited_count(self, survey_id: int) -> int:
        row = await self.sql.fetch_one(
            "SELECT COUNT(*) FROM survey_invitations WHERE survey_id = ?", (survey_id,)
        )
        return int(row[0]) if row else 0

    async def first_unreminded(self, survey_id: int) -> datetime | None:
        """When the earliest invitee not reminded yet was invited (None: there is none)."""
        row = await self.sql.fetch_one(
            "SELECT MIN(invited_at) FROM survey_invitations"
            " WHERE survey_id = ? AND reminded_at IS NULL",
            (survey_id,),
        )
        return from_db(row[0]) if row and row[0] else None

    async def unreminded(self, survey_id: int) -> list[tuple[int, datetime]]:
        """(user id, invited at) of invitees not reminded yet, earliest first."""
        rows = await self.sql.fetch_all(
            "SELECT user_id, invited_at FROM survey_invitations"
            " WHERE survey_id = ? AND reminded_at IS NULL ORDER BY invited_at, user_id",
            (survey_id,),
        )
        return [(row[0], from_db(row[1])) for row in rows]

    async def mark_reminded(self, survey_id: int, user_ids: list[int]) -> list[int]:
        """Mark `user_ids` reminded; returns those not marked before (each reminded once)."""
        marked: list[int] = []
        now = stamp(self.sql)
        async with self.sql.atomic() as sql:
            for user_id in user_ids:
                if await sql.write(
                    "UPDATE survey_invitations SET reminded_at = ?"
                    " WHERE survey_id = ? AND user_id = ? AND reminded_at IS NULL RETURNING 1",
                    (now, survey_id, user_id),
                ):
                    marked.append(user_id)
        return marked

    async def open_for(self, user_id: int, now: datetime) -> list[Survey]:
        """Active, open surveys the user was invited to, newest first."""
        rows = await self.sql.fetch_all(
            f"SELECT {', '.join('s.' + f.name for f in fields(Survey))} FROM surveys s"  # noqa: S608
            " JOIN survey_invitations i ON i.survey_id = s.id AND i.user_id = ?"
            " WHERE s.status = 'active' AND s.closes_at > ?"
            " AND (s.opens_at IS NULL OR s.opens_at <= ?) ORDER BY s.id DESC",
            (user_id, to_db(now), to_db(now)),
        )
        return [_survey(row) for row in rows]

    # -- responses ---------------------------------------------------------------------------

    async def progress(
        self, survey_id: int, user_id: int, sealer: Sealer | None = None
    ) -> Response | None:
        """The person's draft; a finished Response without answers once they finished; None
        if they have not started (or were not invited). A sealed draft whose key is missing
        starts again from the first question: its answers cannot be read."""
        row = await self.sql.fetch_one(
            "SELECT i.finished, d.user_id, d.position, d.answers, d.selection, d.sealed"
            " FROM survey_invitations i LEFT JOIN survey_drafts d"
            " ON d.survey_id = i.survey_id AND d.user_id = i.user_id"
            " WHERE i.survey_id = ? AND i.user_id = ?",
            (survey_id, user_id),
        )
        if row is None:
            return None
        if row["finished"]:
            return Response(survey_id, 0, {}, [], finished=True)
        if row["position"] is None:
            return None
        draft = _draft(survey_id, row, sealer)
        if draft is not None:
            return draft
        log.error(
            "Survey %s: a draft cannot be read because the survey's key file is missing;"
            " it starts again from the first question",
            survey_id,
        )
        await self.sql.write(
            "UPDATE survey_drafts SET position = 0, answers = '{}', selection = '[]',"
            " sealed = NULL WHERE survey_id = ? AND user_id = ?",
            (survey_id, user_id),
        )
        return Response(survey_id, 0, {}, [])

    async def start(self, survey_id: int, user_id: int, sealer: Sealer | None = None) -> Response:
        """The person's draft, created on the first start (a second start resumes; nothing
        is created once they finished)."""
        await self.sql.write(
            "INSERT INTO survey_drafts (survey_id, user_id) SELECT ?, ? WHERE NOT EXISTS"
            " (SELECT 1 FROM survey_invitations WHERE survey_id = ? AND user_id = ?"
            " AND finished = 1) ON CONFLICT DO NOTHING",
            (survey_id, user_id, survey_id, user_id),
        )
        found = await self.progress(survey_id, user_id, sealer)
        assert found is not None
        return found

    async def advance(
        self,
        user_id: int,
        draft: Response,
        answers: dict[int, Any],
        position: int,
        sealer: Sealer | None = None,
    ) -> Response | None:
        """Record an answer if the draft is still where `draft` saw it: a double tap or a
        second device answering the same question changes nothing (None)."""
        return await self._rewrite_draft(user_id, draft, answers, [], position, sealer)

    async def select(
        self, user_id: int, draft: Response, selection: list[int], sealer: Sealer | None = None
    ) -> Response | None:
        """Store the ticks of the multiple-choice question being answered."""
        return await self._rewrite_draft(
            user_id, draft, draft.answers, selection, draft.position, sealer
        )

    async def _rewrite_draft(
        self,
        user_id: int,
        draft: Response,
        answers: dict[int, Any],
        selection: list[int],
        position: int,
        sealer: Sealer | None,
    ) -> Response | None:
        """The draft with these answers, ticks and position, if it is still where `draft` saw
        it (None otherwise)."""
        stored, ticks, sealed = _draft_values(sealer, user_id, answers, selection)
        row = await self.sql.write(
            "UPDATE survey_drafts SET answers = ?, selection = ?, sealed = ?, position = ?"
            " WHERE survey_id = ? AND user_id = ? AND position = ?"
            " RETURNING user_id, position, answers, selection, sealed",
            (stored, ticks, sealed, position, draft.survey_id, user_id, draft.position),
        )
        return _draft(draft.survey_id, row, sealer) if row else None

    async def finish(
        self,
        user_id: int,
        draft: Response,
        answers: dict[int, Any],
        finished_at: str,
        sealer: Sealer | None = None,
    ) -> bool:
        """The draft becomes a response, in one transaction: the draft goes, the invitation is
        marked finished (nothing more), and the response is written: for a named survey a
        plaintext row with the user id and time; for an anonymous one (`sealer`) a pending
        row with a random id, no user id, no time and the answers sealed, released as
        plaintext only when the survey closes (release_closed). False if the draft moved on
        meanwhile (a double tap)."""
        async with self.sql.atomic() as sql:
            if not await sql.write(
                "DELETE FROM survey_drafts WHERE survey_id = ? AND user_id = ? AND position = ?"
                " RETURNING 1",
                (draft.survey_id, user_id, draft.position),
            ):
                return False
            await sql.write(
                "UPDATE survey_invitations SET finished = 1 WHERE survey_id = ? AND user_id = ?",
                (draft.survey_id, user_id),
            )
            if sealer is None:
                await _insert_response(sql, draft.survey_id, user_id, answers, finished_at)
            else:
                await _insert_pending(sql, sealer, answers)
        return True

    async def pending(self, sealer: Sealer) -> tuple[list[dict[int, Any]], int]:
        """The answers of the survey's pending responses, decrypted in memory, and how many
        could not be read (their key is missing)."""
        rows = await self.sql.fetch_all(
            "SELECT id, sealed FROM survey_pending WHERE survey_id = ?", (sealer.survey_id,)
        )
        readable = [_open_pending(sealer, row) for row in rows]
        answers = [found for found in readable if found is not None]
        return answers, len(rows) - len(answers)

    async def closed_with_pending(self, now: datetime) -> list[Survey]:
        """Closed surveys that still have pending responses."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys WHERE closes_at <= ?"  # noqa: S608 - fixed columns
            " AND id IN (SELECT survey_id FROM survey_pending) ORDER BY id",
            (to_db(now),),
        )
        return [_survey(row) for row in rows]

    async def release_closed(self, now: datetime, sealers: list[tuple[Sealer, str]]) -> int:
        """One transaction at closing: each readable pending response of the closed surveys
        (`sealers`: their sealer and the day stored on every released response) becomes a
        plaintext response row with a fresh random id, without time; the pending rows go, and
        so do the drafts of every closed survey. Rows that cannot be read stay pending.
        Returns how many drafts were deleted."""
        async with self.sql.atomic() as sql:
            for sealer, day in sealers:
                rows = await sql.fetch_all(
                    "SELECT id, sealed FROM survey_pending WHERE survey_id = ?",
                    (sealer.survey_id,),
                )
                released = [
                    (row["id"], answers)
                    for row in rows
                    if (answers := _open_pending(sealer, row)) is not None
                ]
                await sql.write_many(
                    "DELETE FROM survey_pending WHERE id = ?", [(id_,) for id_, _ in released]
                )
                for _, answers in released:
                    await _insert_response(sql, sealer.survey_id, None, answers, day)
                await _rewrite_in_id_order(sql, sealer.survey_id)
            deleted = await sql.write_all(
                "DELETE FROM survey_drafts WHERE survey_id IN"
                " (SELECT id FROM surveys WHERE closes_at <= ?) RETURNING 1",
                (to_db(now),),
            )
        return len(deleted)

    async def plain_anonymous_drafts(self) -> list[tuple[int, Response]]:
        """(user id, draft) of anonymous surveys' drafts written before answers were sealed."""
        rows = await self.sql.fetch_all(
            "SELECT d.survey_id, d.user_id, d.position, d.answers, d.selection, d.sealed"
            " FROM survey_drafts d JOIN surveys s ON s.id = d.survey_id"
            " WHERE s.anonymous = 1 AND d.sealed IS NULL ORDER BY d.survey_id, d.user_id"
        )
        drafts = [(row["user_id"], _draft(row["survey_id"], row, None)) for row in rows]
        return [(user_id, draft) for user_id, draft in drafts if draft is not None]

    async def seal_drafts(self, drafts: list[tuple[Sealer, Response, int]]) -> None:
        """Replace plaintext drafts (sealer, draft, user id) by sealed ones, in one
        transaction."""
        async with self.sql.atomic() as sql:
            for sealer, draft, user_id in drafts:
                values = _draft_values(sealer, user_id, draft.answers, draft.selection)
                await sql.write(
                    "UPDATE survey_drafts SET answers = ?, selection = ?, sealed = ?"
                    " WHERE survey_id = ? AND user_id = ? AND sealed IS NULL",
                    (*values, draft.survey_id, user_id),
                )

    async def finished_invitees(self, survey_id: int) -> set[int]:
        rows = await self.sql.fetch_all(
            "SELECT user_id FROM survey_invitations WHERE survey_id = ? AND finished = 1",
            (survey_id,),
        )
        return {row[0] for row in rows}

    async def replace_legacy_keys(
        self, finished: list[tuple[int, int]], drafts: list[tuple[int, int, sqlite3.Row]]
    ) -> None:
        """Migration 008's second half: invitations (survey id, user id) marked finished,
        unfinished answers become drafts, and every legacy key and salt is deleted."""
        async with self.sql.atomic() as sql:
            await sql.write_many(
                "UPDATE survey_invitations SET finished = 1 WHERE survey_id = ? AND user_id = ?",
                finished,
            )
            await sql.write_many(
                "INSERT INTO survey_drafts (survey_id, user_id, position, answers, selection)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [
                    (survey_id, user_id, row["position"], row["answers"], row["selection"])
                    for survey_id, user_id, row in drafts
                ],
            )
            await sql.write("DELETE FROM survey_legacy_keys")

    async def legacy_keys(self) -> list[sqlite3.Row]:
        """Anonymous respondents' HMAC keys left by migration 008, to be converted once."""
        return await self.sql.fetch_all(
            "SELECT survey_id, salt, respondent, finished, position, answers, selection"
            " FROM survey_legacy_keys"
        )

    async def invitees(self, survey_id: int) -> list[int]:
        rows = await self.sql.fetch_all(
            "SELECT user_id FROM survey_invitations WHERE survey_id = ?", (survey_id,)
        )
        return [row[0] for row in rows]

    async def finished_respondents(self, survey_id: int) -> list[Respondent]:
        """Finished responses by day (by time for named surveys), then by their random id, with
        the named respondent's profile (nothing for anonymous responses: no user id)."""
        rows = await self.sql.fetch_all(
            "SELECT r.answers, r.finished_at, u.full_name,"
            " u.country, u.organisation FROM survey_responses r"
            " LEFT JOIN users u ON u.id = r.user_id"
            " WHERE r.survey_id = ? ORDER BY r.finished_at, r.id",
            (survey_id,),
        )
        return [
            Respondent(
                answers={int(k): v for k, v in json.loads(row[0]).items()},
                finished_at=row[1],
                name=row[2],
                country=row[3],
                organisation=row[4],
            )
            for row in rows
        ]


async def _insert_response(
    sql: Executor,
    survey_id: int,
    user_id: int | None,
    answers: dict[int, Any],
    finished_at: str,
) -> None:
    """A response row: a fresh random id (another draw on the rare collision) for an
    anonymous one, the next number for a named one."""
    if user_id is not None:
        await sql.write(
            "INSERT INTO survey_responses (id, survey_id, user_id, answers, finished_at)"
            " SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ?, ? FROM survey_responses WHERE id < ?",
            (survey_id, user_id, json.dumps(answers), finished_at, ANONYMOUS_ID_BASE),
        )
        return
    while True:
        inserted = await sql.write(
            "INSERT INTO survey_responses (id, survey_id, user_id, answers, finished_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
            (
                ANONYMOUS_ID_BASE + secrets.randbits(RESPONSE_ID_BITS),
                survey_id,
                user_id,
                json.dumps(answers),
                finished_at,
            ),
        )
        if inserted:
            return


async def _insert_pending(sql: Executor, sealer: Sealer, answers: dict[int, Any]) -> None:
    """A pending anonymous response: a random id (another draw on the rare collision) and
    the answers sealed under that id."""
    plain = _encode({"answers": answers})
    while True:
        response_id = ANONYMOUS_ID_BASE + secrets.randbits(RESPONSE_ID_BITS)
        if await sql.write(
            "INSERT INTO survey_pending (id, survey_id, sealed) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING 1",
            (response_id, sealer.survey_id, sealer.seal(plain, _pending_context(response_id))),
        ):
            return


def _open_pending(sealer: Sealer, row: sqlite3.Row) -> dict[int, Any] | None:
    plain = sealer.open(row["sealed"], _pending_context(row["id"]))
    if plain is None:
        return None
    record = json.loads(plain.decode("utf-8", "surrogatepass"))
    return {int(k): v for k, v in record["answers"].items()}


async def _rewrite_in_id_order(sql: Executor, survey_id: int) -> None:
    """Write the survey's responses again in the order of their random ids.

    SQLite places each new record below the previous ones in its page, so the byte offsets
    would keep the order in which people finished; written again in id order (with
    secure_delete overwriting the old copies) they keep only the random order of the ids.
    """
    rows = await sql.fetch_all(
        "SELECT id, survey_id, user_id, answers, finished_at FROM survey_responses"
        " WHERE survey_id = ? ORDER BY id",
        (survey_id,),
    )
    await sql.write("DELETE FROM survey_responses WHERE survey_id = ?", (survey_id,))
    await sql.write_many(
        "INSERT INTO survey_responses (id, survey_id, user_id, answers, finished_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [tuple(row) for row in rows],
    )
