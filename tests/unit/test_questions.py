"""Questions to the organisers, below the handlers: which message a reply quotes (recorded when
the outbox sends a copy), and /forget (issue 15)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.questions import first_words
from storage.database import Database
from storage.outbox import OutboxRepository, OutboxState, Outcome
from storage.questions import COPY_KEY, Author, Content, ThreadMessage
from storage.users import UserRepository

OFFICER = 501
ORGANISER = 900001
OTHER_ORGANISER = 900002


async def a_question(db: Database, officer: int = OFFICER) -> ThreadMessage:
    await UserRepository(db).upsert_seen(officer, "en")
    return await db.repos.questions.add(officer, Author.OFFICER, Content("When?"), None)


async def send_copies(
    db: Database, question: ThreadMessage, state: OutboxState = OutboxState.SENT
) -> None:
    """Queue a copy of `question` to two organisers and let the outbox record the outcome:
    the copies become messages 4001 and 4002 of their chats."""
    outbox = OutboxRepository(db)
    for organiser in (ORGANISER, OTHER_ORGANISER):
        await outbox.add(organiser, "question", {"text": {"en": "?"}, COPY_KEY: question.id})
    await outbox.add(ORGANISER, "other", {"text": {"en": "no copy"}})
    claimed = await outbox.claim(datetime.now(UTC) + timedelta(days=1), 10)
    await outbox.record(
        [
            Outcome(m.id, state, telegram_id=4000 + index, user_id=m.user_id)
            for index, m in enumerate(claimed, 1)
        ]
    )


async def test_a_sent_copy_is_matched_by_its_chat_and_message_id(db):
    question = await a_question(db)
    await send_copies(db, question)
    questions = db.repos.questions
    assert (await questions.at_copy(ORGANISER, 4001)) == question
    assert (await questions.at_copy(OTHER_ORGANISER, 4002)) == question
    assert await questions.copies(question.id) == {ORGANISER: 4001, OTHER_ORGANISER: 4002}


async def test_the_same_message_id_in_another_chat_matches_nothing(db):
    question = await a_question(db)
    await send_copies(db, question)
    assert await db.repos.questions.at_copy(OFFICER, 4001) is None
    assert await db.repos.questions.at_copy(OTHER_ORGANISER, 4001) is None
    # The message without a copy in its payload was sent too, and matches nothing.
    assert await db.repos.questions.at_copy(ORGANISER, 4003) is None


async def test_a_copy_that_failed_to_send_is_not_matched(db):
    question = await a_question(db)
    await send_copies(db, question, OutboxState.FAILED)
    assert await db.repos.questions.copies(question.id) == {}


async def test_a_copy_of_a_question_deleted_meanwhile_does_not_undo_the_outcomes(db):
    question = await a_question(db)
    await db.write("DELETE FROM question_messages WHERE id = ?", (question.id,))
    await send_copies(db, question)
    states = await db.fetch_all("SELECT state FROM outbox")
    assert [row["state"] for row in states] == ["sent", "sent", "sent"]
    assert await db.fetch_all("SELECT 1 FROM question_copies") == []


async def test_forget_deletes_the_officers_thread_and_every_copy_of_it(db):
    question = await a_question(db)
    await send_copies(db, question)
    kept = await a_question(db, officer=502)
    await db.repos.questions.add(
        502, Author.ORGANISER, Content("Now."), None, organiser_id=ORGANISER, answers=kept.id
    )
    await UserRepository(db).delete(OFFICER)
    assert await db.repos.questions.thread(OFFICER) == []
    assert await db.fetch_all("SELECT 1 FROM question_copies") == []
    assert [m.text for m in await db.repos.questions.thread(502)] == ["When?", "Now."]


async def test_forgetting_an_organiser_removes_their_copies_and_their_name_on_answers(db):
    question = await a_question(db)
    await send_copies(db, question)
    await db.repos.questions.add(
        OFFICER,
        Author.ORGANISER,
        Content("Now."),
        None,
        organiser_id=ORGANISER,
        answers=question.id,
    )
    await UserRepository(db).upsert_seen(ORGANISER, "en")
    await UserRepository(db).delete(ORGANISER)
    assert await db.repos.questions.copies(question.id) == {OTHER_ORGANISER: 4002}
    answer = (await db.repos.questions.thread(OFFICER))[-1]
    assert answer.text == "Now." and answer.organiser_id is None


def test_the_note_quotes_the_first_words_cut_at_a_word():
    assert first_words("Yes,   bring\nyour badge.") == "Yes, bring your badge."
    assert first_words("one two three four", limit=12) == "one two…"
