"""Questions to the organisers: an officer's question reaches every organiser through the
outbox; an organiser's answer reaches the officer (never saying who wrote it) and the other
organisers hear that it was answered, so two do not answer the same question."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.errors import ConsentRequired, DomainError, InvalidInput, NotFound
from bot.i18n import Html, Translator
from bot.services.notices import Notices
from bot.ui.people import person_line
from bot.ui.replies import CAPTION_LIMIT
from bot.ui.telegram_text import utf16_length
from storage.courses import Course
from storage.database import Database, Transaction
from storage.questions import COPY_KEY, Author, Content, Thread, ThreadMessage
from storage.users import User

T = TypeVar("T")

# A text message carries a header of a few lines above the words: together within
# Telegram's 4,096; with a file they are its caption, within 1,024 (a longer caption would go
# as a message of its own, and a reply to that one could not be matched).
TEXT_MAX = 3500
CAPTION_MAX = 700
# How much of an answer the other organisers see in "✅ … answered".
NOTE_WORDS = 60
# Courses offered when a question is asked from /help (the latest first).
PICK_COURSES = 8


class QuestionGone(NotFound, key="question-error-gone"):
    """The thread was deleted (the officer used /forget) while an organiser answered."""


class NoOrganisers(DomainError, key="question-error-no-organisers"):
    """ADMIN_IDS names nobody who could read the question (or only the asker): saying
    "sent" would be a promise nobody keeps."""


@dataclass(frozen=True)
class Answered:
    question: ThreadMessage
    officer: User
    # Organisers who had answered it before (their names; None: no name in the bot), so
    # that two writing at once learn it at once, not from a note a moment later.
    earlier: tuple[str | None, ...] = ()


def check_length(content: Content) -> None:
    """Refuse a text that would not fit the copies sent on (said before anything is stored)."""
    limit = CAPTION_MAX if content.media_type else TEXT_MAX
    # Measured as sent: escaped, & < > take 4-5 characters each.
    if utf16_length(html.escape(content.text, quote=False)) > limit:
        key = (
            "question-error-caption-too-long" if content.media_type else "question-error-too-long"
        )
        if utf16_length(content.text) <= limit:
            key = "question-error-too-many-signs"
        raise InvalidInput(key, max=limit)


def first_words(text: str, limit: int = NOTE_WORDS) -> str:
    """The start of a text, cut at a word and marked with … when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"


def gist(content: Content, t: Translator) -> str:
    """A message by its first words, or "📷 photo" for a file without a caption."""
    return first_words(content.text) or t.plain(f"question-note-{content.media_type or 'empty'}")


def course_title(course: Course | None, t: Translator) -> str | None:
    return course.title(t.locale) if course is not None else None


class QuestionService:
    def __init__(self, db: Database, notices: Notices, organisers: frozenset[int]) -> None:
        self.db = db
        self.notices = notices
        self.organisers = organisers

    def check_can_ask(self, officer: User) -> list[int]:
        """Who receives the officer's question: every organiser but the asker (an organiser
        asking as a participant is the officer of their thread, told no colleague's name).
        Refused before anything is typed or kept: before consent nothing of it may be kept,
        and with nobody to read it "sent" would be untrue."""
        if not officer.has_consented:
            raise ConsentRequired()
        readers = sorted(self.organisers - {officer.id})
        if not readers:
            raise NoOrganisers()
        return readers

    async def ask(
        self,
        officer_id: int,
        course_id: int | None,
        content: Content,
        original: int | None = None,
    ) -> None:
        """The officer's question, kept in their thread and copied to every organiser;
        `original`: the officer's own message (in their chat) it was sent as."""
        check_length(content)
        course = await self._course(course_id)
        async with self.db.transaction() as tx:
            officer = await tx.users.get(officer_id)
            if officer is None:
                raise NotFound()
            readers = self.check_can_ask(officer)
            # A follow-up quotes what each organiser last saw of the thread, for context.
            earlier = await tx.questions.latest_in_chats(officer_id)
            question = await tx.questions.add(
                officer_id, Author.OFFICER, content, course.id if course else None
            )
            if original is not None:
                await tx.questions.record_original(officer_id, original, question.id)

            def render(t: Translator) -> str:
                title = course_title(course, t)
                person = person_line(officer, t)
                header = (
                    t("question-copy-course", person=person, course=title)
                    if title
                    else t("question-copy-general", person=person)
                )
                return _with_text(header, content.text, t("question-reply-hint"))

            payload = self._copy(render, content, question.id, about=[officer_id])
            for organiser in readers:
                copy = dict(payload)
                if organiser in earlier:
                    copy["reply_to"] = earlier[organiser]
                await tx.outbox.add(organiser, "question", copy)

    async def answer(
        self,
        organiser_id: int,
        organiser_name: str,
        question_id: int,
        content: Content,
        original: int | None = None,
        tell_others: bool = True,
    ) -> Answered:
        """An organiser's answer to a question: to the officer without the organiser's name,
        as a reply to the officer's question, and a note to every other organiser, as a reply
        to their copy of it (`tell_others=False` for the later files of an album: noted
        once); `original`: the organiser's own message (in their chat) it was sent as."""
        check_length(content)
        async with self.db.transaction() as tx:
            question = await tx.questions.get(question_id)
            officer = await tx.users.get(question.officer_id) if question else None
            if question is None or officer is None or not question.is_question:
                raise QuestionGone()
            course = await tx.courses.get(question.course_id) if question.course_id else None
            earlier = [
                await self._name(tx, other)
                for other in await tx.questions.answered_by(question.id)
                if other != organiser_id
            ]
            answer = await tx.questions.add(
                officer.id,
                Author.ORGANISER,
                content,
                question.course_id,
                organiser_id=organiser_id,
                answers=question.id,
            )
            if original is not None:
                await tx.questions.record_original(organiser_id, original, answer.id)
            copies = await tx.questions.copies(question.id)

            # The officer may have asked several questions: the answer says which.
            asked_content = question.content

            def to_officer(t: Translator) -> str:
                title = course_title(course, t)
                asked = gist(asked_content, t)
                header = (
                    t("question-answer-course", course=title, question=asked)
                    if title
                    else t("question-answer-general", question=asked)
                )
                return _with_text(header, content.text, t("question-answer-hint"))

            payload = self._copy(to_officer, content, answer.id, reply_to=copies.get(officer.id))
            await tx.outbox.add(officer.id, "question_answer", payload)
            name = (await self._name(tx, organiser_id)) or organiser_name

            def note(t: Translator) -> str:
                return t("question-answered-note", organiser=name, words=gist(content, t))

            # Not to the officer, should they be an organiser: it names who answered.
            others = self.organisers - {organiser_id, officer.id} if tell_others else set()
            for other in sorted(others):
                payload = self.notices.payload(note, about=[officer.id, organiser_id])
                # A reply to the note answers the question too.
                payload[COPY_KEY] = question.id
                if other in copies:
                    payload["reply_to"] = copies[other]
                await tx.outbox.add(other, "question_answered", payload)
        return Answered(question, officer, tuple(earlier))

    async def replied_to(self, chat_id: int, message_id: int) -> ThreadMessage | None:
        """The thread message whose copy a Telegram reply in `chat_id` quotes, if any."""
        return await self.db.repos.questions.at_copy(chat_id, message_id)

    async def question(self, question_id: int) -> ThreadMessage:
        question = await self.db.repos.questions.get(question_id)
        if question is None or not question.is_question:
            raise QuestionGone()
        return question

    async def threads(self, offset: int, limit: int) -> tuple[list[Thread], int]:
        return await self.db.repos.questions.threads(offset, limit)

    async def courses_to_ask_about(self, officer_id: int) -> list[Course]:
        ids = await self.db.repos.questions.courses_of(officer_id, PICK_COURSES)
        found = await self.courses(set(ids))
        return [found[course_id] for course_id in ids if course_id in found]

    async def people(self, ids: set[int]) -> dict[int, User]:
        return await _found(ids, self.db.repos.users.get)

    async def courses(self, ids: set[int]) -> dict[int, Course]:
        return await _found(ids, self.db.repos.courses.get)

    async def _course(self, course_id: int | None) -> Course | None:
        if not course_id:
            return None
        return await self.db.repos.courses.get(course_id)

    async def _name(self, tx: Transaction, user_id: int) -> str | None:
        user = await tx.users.get(user_id)
        return user.full_name if user else None

    def _copy(
        self,
        render: Callable[[Translator], str],
        content: Content,
        copy_of: int,
        about: list[int] | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """The outbox payload of a copy of a question or an answer, its file included; a
        file's text must fit one caption with its header in every language (a longer one
        would go as a message of its own, and a reply to that one could not be matched)."""
        payload: dict[str, Any] = self.notices.payload(render, about=about or ())
        if content.media_type:
            longest = max(utf16_length(text) for text in payload["text"].values())
            if longest > CAPTION_LIMIT:
                room = utf16_length(content.text) - (longest - CAPTION_LIMIT)
                raise InvalidInput("question-error-caption-too-long", max=max(room, 0))
        if content.media_type and content.media_file_id:
            payload["media"] = {"type": content.media_type, "file_id": content.media_file_id}
        payload[COPY_KEY] = copy_of
        if reply_to is not None:
            payload["reply_to"] = reply_to
        return payload


async def _found(ids: set[int], get: Callable[[int], Awaitable[T | None]]) -> dict[int, T]:
    """Id -> row for those of `ids` that are still there (the list's officers and courses)."""
    rows = {row_id: await get(row_id) for row_id in ids}
    return {row_id: row for row_id, row in rows.items() if row is not None}


def _with_text(header: str, text: str, hint: str) -> str:
    """The header, the person's words (escaped: they are plain text) and the hint."""
    parts = [header]
    if text:
        parts.append(html.escape(text, quote=False))
    parts.append(hint)
    return Html("\n\n".join(parts))
