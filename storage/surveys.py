"""Surveys, who was invited, and the responses."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db, utcnow_iso


@dataclass(frozen=True)
class Survey:
    id: int
    course_id: int | None
    title_en: str
    title_ru: str
    intro_en: str | None
    intro_ru: str | None
    questions: str  # JSON; bot/services/survey_model.Question.from_json reads each item
    anonymous: bool
    salt: str
    status: str  # draft | active (closed is active past closes_at)
    opens_at: datetime | None
    closes_at: datetime
    send_after: int
    remind_after: int
    auto_sent_at: str | None
    created_by: int | None
    created_at: str
    activated_at: str | None

    def title(self, locale: str) -> str:
        return (self.title_ru if locale == "ru" else self.title_en) or self.title_en

    def intro(self, locale: str) -> str:
        return (self.intro_ru if locale == "ru" else self.intro_en) or self.intro_en or ""

    def is_open(self, now: datetime) -> bool:
        opened = self.opens_at is None or self.opens_at <= now
        return self.status == "active" and opened and now < self.closes_at

    @property
    def question_data(self) -> list[dict[str, Any]]:
        return list(json.loads(self.questions))


_COLUMNS = ", ".join(f.name for f in fields(Survey))


def _survey(row: sqlite3.Row) -> Survey:
    values = dict(row)
    values["anonymous"] = bool(values["anonymous"])
    values["closes_at"] = from_db(values["closes_at"])
    values["opens_at"] = from_db(values["opens_at"]) if values["opens_at"] else None
    return Survey(**values)


@dataclass(frozen=True)
class Response:
    id: int
    survey_id: int
    position: int
    answers: dict[int, Any]
    selection: list[int]
    finished_at: str | None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


def _response(row: sqlite3.Row) -> Response:
    return Response(
        id=row["id"],
        survey_id=row["survey_id"],
        position=row["position"],
        answers={int(k): v for k, v in json.loads(row["answers"]).items()},
        selection=list(json.loads(row["selection"])),
        finished_at=row["finished_at"],
    )


_RESPONSE_COLUMNS = "id, survey_id, position, answers, selection, finished_at"


@dataclass(frozen=True)
class Respondent:
    """A finished response with who gave it (named surveys) for results and exports."""

    answers: dict[int, Any]
    finished_at: str | None
    name: str | None
    country: str | None
    organisation: str | None


class SurveyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- surveys -----------------------------------------------------------------------------

    async def create(self, values: dict[str, Any]) -> Survey:
        stored = {k: to_db(v) if isinstance(v, datetime) else v for k, v in values.items()}
        names = sorted(stored)
        row = await self.db.write(
            f"INSERT INTO surveys ({', '.join(names)}, created_at)"  # noqa: S608 - fixed names
            f" VALUES ({', '.join(':' + n for n in names)}, :created_at)"
            f" RETURNING {_COLUMNS}",
            {**stored, "created_at": utcnow_iso()},
        )
        assert row is not None
        return _survey(row)

    async def get(self, survey_id: int) -> Survey | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM surveys WHERE id = ?",  # noqa: S608 - fixed columns
            (survey_id,),
        )
        return _survey(row) if row else None

    async def activate(self, survey_id: int, opens_at: datetime) -> Survey | None:
        """Draft -> active; None if it was not a draft (a double tap)."""
        row = await self.db.write(
            "UPDATE surveys SET status = 'active', activated_at = ?,"  # noqa: S608 - fixed columns
            " opens_at = COALESCE(opens_at, ?) WHERE id = ? AND status = 'draft'"
            f" RETURNING {_COLUMNS}",
            (utcnow_iso(), to_db(opens_at), survey_id),
        )
        return _survey(row) if row else None

    async def delete_draft(self, survey_id: int) -> bool:
        row = await self.db.write(
            "DELETE FROM surveys WHERE id = ? AND status = 'draft' RETURNING 1", (survey_id,)
        )
        return row is not None

    async def latest(self, limit: int) -> list[Survey]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys ORDER BY id DESC LIMIT ?",  # noqa: S608
            (limit,),
        )
        return [_survey(row) for row in rows]

    async def active(self) -> list[Survey]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys WHERE status = 'active' ORDER BY id"  # noqa: S608
        )
        return [_survey(row) for row in rows]

    async def of_course(self, course_id: int) -> list[Survey]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM surveys WHERE course_id = ? ORDER BY id",  # noqa: S608
            (course_id,),
        )
        return [_survey(row) for row in rows]

    @staticmethod
    async def mark_auto_sent(conn: aiosqlite.Connection, survey_id: int) -> bool:
        """Claims the automatic invitation: True only the first time."""
        rows = await conn.execute_fetchall(
            "UPDATE surveys SET auto_sent_at = ? WHERE id = ? AND auto_sent_at IS NULL"
            " RETURNING 1",
            (utcnow_iso(), survey_id),
        )
        return bool(list(rows))

    # -- invitations -------------------------------------------------------------------------

    @staticmethod
    async def invite_in(
        conn: aiosqlite.Connection,
        survey_id: int,
        where: str,
        params: dict[str, Any],
        now: datetime,
    ) -> list[int]:
        """Invite the users matching `where` (over `u`) not invited before; their ids."""
        rows = await conn.execute_fetchall(
            # `where` is built by audience_sql from fixed fragments; values are parameters.
            "INSERT INTO survey_invitations (survey_id, user_id, invited_at)"  # noqa: S608
            f" SELECT :survey_id, u.id, :now FROM users u WHERE {where}"
            " ORDER BY u.id ON CONFLICT DO NOTHING RETURNING user_id",
            {**params, "survey_id": survey_id, "now": to_db(now)},
        )
        return [row[0] for row in rows]

    async def is_invited(self, survey_id: int, user_id: int) -> bool:
        row = await self.db.fetch_one(
            "SELECT 1 FROM survey_invitations WHERE survey_id = ? AND user_id = ?",
            (survey_id, user_id),
        )
        return row is not None

    async def invited_count(self, survey_id: int) -> int:
        row = await self.db.fetch_one(
            "SELECT COUNT(*) FROM survey_invitations WHERE survey_id = ?", (survey_id,)
        )
        return int(row[0]) if row else 0

    async def unreminded(self, survey_id: int) -> list[tuple[int, datetime]]:
        """(user id, invited at) of invitees not reminded yet, earliest first."""
        rows = await self.db.fetch_all(
            "SELECT user_id, invited_at FROM survey_invitations"
            " WHERE survey_id = ? AND reminded_at IS NULL ORDER BY invited_at, user_id",
            (survey_id,),
        )
        return [(row[0], from_db(row[1])) for row in rows]

    @staticmethod
    async def mark_reminded_in(
        conn: aiosqlite.Connection, survey_id: int, user_ids: list[int]
    ) -> list[int]:
        """Mark `user_ids` reminded; returns those not marked before (each reminded once)."""
        marked: list[int] = []
        now = utcnow_iso()
        for user_id in user_ids:
            rows = await conn.execute_fetchall(
                "UPDATE survey_invitations SET reminded_at = ?"
                " WHERE survey_id = ? AND user_id = ? AND reminded_at IS NULL RETURNING 1",
                (now, survey_id, user_id),
            )
            if list(rows):
                marked.append(user_id)
        return marked

    async def open_for(self, user_id: int, now: datetime) -> list[Survey]:
        """Active, open surveys the user was invited to, newest first."""
        rows = await self.db.fetch_all(
            f"SELECT {', '.join('s.' + f.name for f in fields(Survey))} FROM surveys s"  # noqa: S608
            " JOIN survey_invitations i ON i.survey_id = s.id AND i.user_id = ?"
            " WHERE s.status = 'active' AND s.closes_at > ?"
            " AND (s.opens_at IS NULL OR s.opens_at <= ?) ORDER BY s.id DESC",
            (user_id, to_db(now), to_db(now)),
        )
        return [_survey(row) for row in rows]

    # -- responses ---------------------------------------------------------------------------

    async def response(self, survey_id: int, respondent: str) -> Response | None:
        row = await self.db.fetch_one(
            f"SELECT {_RESPONSE_COLUMNS} FROM survey_responses"  # noqa: S608
            " WHERE survey_id = ? AND respondent = ?",
            (survey_id, respondent),
        )
        return _response(row) if row else None

    async def start(self, survey_id: int, respondent: str, user_id: int | None) -> Response:
        """The respondent's response, created on the first start (a second start resumes)."""
        await self.db.write(
            "INSERT INTO survey_responses (survey_id, respondent, user_id) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (survey_id, respondent, user_id),
        )
        found = await self.response(survey_id, respondent)
        assert found is not None
        return found

    async def advance(
        self,
        response: Response,
        answers: dict[int, Any],
        position: int,
        finished_at: str | None,
    ) -> Response | None:
        """Record an answer if the response is still where `response` saw it: a double tap or
        a second device answering the same question changes nothing (None)."""
        row = await self.db.write(
            "UPDATE survey_responses SET answers = ?, position = ?, selection = '[]',"  # noqa: S608
            " finished_at = ? WHERE id = ? AND position = ? AND finished_at IS NULL"
            f" RETURNING {_RESPONSE_COLUMNS}",
            (json.dumps(answers), position, finished_at, response.id, response.position),
        )
        return _response(row) if row else None

    async def select(self, response: Response, selection: list[int]) -> Response | None:
        """Store the ticks of the multiple-choice question being answered."""
        row = await self.db.write(
            "UPDATE survey_responses SET selection = ?"  # noqa: S608 - fixed columns
            " WHERE id = ? AND position = ? AND finished_at IS NULL"
            f" RETURNING {_RESPONSE_COLUMNS}",
            (json.dumps(selection), response.id, response.position),
        )
        return _response(row) if row else None

    async def finished_respondents(self, survey_id: int) -> list[Respondent]:
        """Finished responses in the order they finished, with the named respondent's
        profile (nothing for anonymous responses: they have no user id)."""
        rows = await self.db.fetch_all(
            "SELECT r.answers, r.finished_at, u.full_name,"
            " u.country, u.organisation FROM survey_responses r"
            " LEFT JOIN users u ON u.id = r.user_id"
            " WHERE r.survey_id = ? AND r.finished_at IS NOT NULL ORDER BY r.finished_at, r.id",
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

    async def finished_keys(self, survey_id: int) -> set[str]:
        rows = await self.db.fetch_all(
            "SELECT respondent FROM survey_responses"
            " WHERE survey_id = ? AND finished_at IS NOT NULL",
            (survey_id,),
        )
        return {row[0] for row in rows}
