"""Questions to the organisers: each officer's thread of questions and answers, and where
each of its messages reached a chat (so that a Telegram reply to it can be matched)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from storage.sql import Executor, Repository, from_row, stamp


class Author(StrEnum):
    OFFICER = "officer"
    ORGANISER = "organiser"


@dataclass(frozen=True)
class Content:
    """What a person sent: text (a caption with a file) and an optional photo or document,
    kept as Telegram's file_id."""

    text: str
    media_type: str | None = None  # "photo" | "document"
    media_file_id: str | None = None


@dataclass(frozen=True)
class ThreadMessage:
    id: int
    officer_id: int  # whose thread
    author: Author
    organiser_id: int | None  # who answered (never shown to the officer)
    answers: int | None  # an answer's question
    course_id: int | None  # None: a general question
    text: str
    media_type: str | None
    media_file_id: str | None
    created_at: str

    @property
    def is_question(self) -> bool:
        return self.author == Author.OFFICER

    @property
    def content(self) -> Content:
        return Content(self.text, self.media_type, self.media_file_id)


@dataclass(frozen=True)
class Thread:
    """An officer's thread as organisers list it: its last question and whether it has an
    answer yet."""

    last_question: ThreadMessage
    answered: bool


_COLUMNS = (
    "id, officer_id, author, organiser_id, answers, course_id, text, media_type,"
    " media_file_id, created_at"
)
_Q_COLUMNS = ", ".join(f"q.{name.strip()}" for name in _COLUMNS.split(","))
# An outbox payload naming the thread message it carries a copy of: once it is sent, the
# copy's message id is recorded (OutboxRepository.record calls record_copies).
COPY_KEY = "thread_copy"


def _message(row: sqlite3.Row) -> ThreadMessage:
    return from_row(ThreadMessage, row, author=Author)


async def record_copies(sql: Executor, outbox_ids: Sequence[int]) -> None:
    """For outbox rows just sent whose payload names a thread message: which message of the
    recipient's chat is that copy. A message deleted meanwhile (/forget) is skipped: the
    INSERT selects nothing, so the outcomes written with it are never rolled back."""
    if not outbox_ids:
        return
    await sql.write(
        "INSERT OR REPLACE INTO question_copies (chat_id, message_id, question_id)"
        " SELECT o.user_id, o.message_id, q.id FROM outbox AS o"
        " JOIN question_messages AS q"
        " ON q.id = json_extract(o.payload, '$.thread_copy')"  # COPY_KEY
        " WHERE o.id IN (SELECT value FROM json_each(?)) AND o.state = 'sent'"
        " AND o.message_id IS NOT NULL",
        (json.dumps(list(outbox_ids)),),
    )


class QuestionRepository(Repository):
    async def add(
        self,
        officer_id: int,
        author: Author,
        content: Content,
        course_id: int | None,
        organiser_id: int | None = None,
        answers: int | None = None,
    ) -> ThreadMessage:
        row = await self.sql.write(
            "INSERT INTO question_messages (officer_id, author, organiser_id, answers,"  # noqa: S608 (constant text)
            " course_id, text, media_type, media_file_id, created_at)"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (
                officer_id,
                str(author),
                organiser_id,
                answers,
                course_id,
                content.text,
                content.media_type,
                content.media_file_id,
                stamp(self.sql),
            ),
        )
        assert row is not None
        return _message(row)

    async def record_original(self, chat_id: int, message_id: int, thread_message: int) -> None:
        """The author's own message that became `thread_message`: an answer is sent as a reply
        to the officer's question, and an edit or a reply to it is recognised."""
        await self.sql.write(
            "INSERT OR REPLACE INTO question_copies (chat_id, message_id, question_id)"
            " VALUES (?, ?, ?)",
            (chat_id, message_id, thread_message),
        )

    async def get(self, message_id: int) -> ThreadMessage | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM question_messages WHERE id = ?",  # noqa: S608 (constant text)
            (message_id,),
        )
        return _message(row) if row else None

    async def at_copy(self, chat_id: int, message_id: int) -> ThreadMessage | None:
        """The thread message whose copy is message `message_id` of chat `chat_id`."""
        row = await self.sql.fetch_one(
            f"SELECT {_Q_COLUMNS} FROM question_copies AS c"  # noqa: S608 (constant text)
            " JOIN question_messages AS q ON q.id = c.question_id"
            " WHERE c.chat_id = ? AND c.message_id = ?",
            (chat_id, message_id),
        )
        return _message(row) if row else None

    async def copies(self, question_id: int) -> dict[int, int]:
        """Chat id -> the message there that is a copy of the question (the first one; in
        the officer's chat, their own message)."""
        rows = await self.sql.fetch_all(
            "SELECT chat_id, MIN(message_id) AS message_id FROM question_copies"
            " WHERE question_id = ? GROUP BY chat_id",
            (question_id,),
        )
        return {row["chat_id"]: row["message_id"] for row in rows}

    async def latest_in_chats(self, officer_id: int) -> dict[int, int]:
        """Chat id -> the latest message there of the officer's thread (a copy, a note, or
        the organiser's own answer): a follow-up's copy is sent as a reply to it."""
        # Latest by the thread's order (message ids of a chat only break ties: a note comes
        # after the copy of the question it is recorded against).
        rows = await self.sql.fetch_all(
            "SELECT chat_id, message_id FROM (SELECT c.chat_id, c.message_id, ROW_NUMBER()"
            " OVER (PARTITION BY c.chat_id ORDER BY c.question_id DESC, c.message_id DESC)"
            " AS n FROM question_copies AS c JOIN question_messages AS q"
            " ON q.id = c.question_id WHERE q.officer_id = ?) WHERE n = 1",
            (officer_id,),
        )
        return {row["chat_id"]: row["message_id"] for row in rows}

    async def answered_by(self, question_id: int) -> list[int]:
        """The organisers who have answered the question (those not forgotten), first first."""
        rows = await self.sql.fetch_all(
            "SELECT organiser_id FROM question_messages WHERE answers = ?"
            " AND organiser_id IS NOT NULL GROUP BY organiser_id ORDER BY MIN(id)",
            (question_id,),
        )
        return [row["organiser_id"] for row in rows]

    async def thread(self, officer_id: int) -> list[ThreadMessage]:
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM question_messages WHERE officer_id = ? ORDER BY id",  # noqa: S608 (constant text)
            (officer_id,),
        )
        return [_message(row) for row in rows]

    async def threads(self, offset: int, limit: int) -> tuple[list[Thread], int]:
        """Every officer's thread by its last question: unanswered ones first, then the most
        recent first; and how many threads there are. A thread is answered when an answer
        came after its last question (to any of its questions: the photos of an album are
        questions of their own, answered once)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_Q_COLUMNS}, EXISTS (SELECT 1 FROM question_messages AS a"  # noqa: S608 (constant text)
            " WHERE a.officer_id = q.officer_id AND a.author = 'organiser' AND a.id > q.id)"
            " AS answered,"
            " COUNT(*) OVER () AS total FROM question_messages AS q"
            " WHERE q.id IN (SELECT MAX(id) FROM question_messages WHERE author = 'officer'"
            " GROUP BY officer_id)"
            " ORDER BY answered, q.id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        total = rows[0]["total"] if rows else 0
        return [Thread(_message(row), bool(row["answered"])) for row in rows], total

    async def courses_of(self, user_id: int, limit: int) -> list[int]:
        """The courses an officer may ask about from /help: those they hold a place, a
        request or a nomination on, or attended; the latest first."""
        rows = await self.sql.fetch_all(
            "SELECT r.course_id FROM registrations AS r JOIN courses AS c ON c.id = r.course_id"
            " WHERE r.user_id = ? AND c.status IN ('published', 'finished')"
            " AND (r.attended = 1 OR r.status IN"
            " ('pending', 'nominated', 'confirmed', 'waitlisted', 'reserve'))"
            " ORDER BY c.starts_at DESC LIMIT ?",
            (user_id, limit),
        )
        return [row["course_id"] for row in rows]

    async def forget(self, user_id: int) -> None:
        """/forget: the person's own thread (with every copy of it in organisers' chats) and
        the copies in their chat go; an organiser's answers no longer say who wrote them (the
        officers keep the answers they received)."""
        await self.sql.write("DELETE FROM question_messages WHERE officer_id = ?", (user_id,))
        await self.sql.write("DELETE FROM question_copies WHERE chat_id = ?", (user_id,))
        await self.sql.write(
            "UPDATE question_messages SET organiser_id = NULL WHERE organiser_id = ?",
            (user_id,),
        )
