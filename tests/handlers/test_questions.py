"""Questions to the organisers through the production Dispatcher (issue 15): asked from the
course card, copied to every organiser, answered by Telegram's reply, the officer told
without the organiser's name, the other organiser told as a reply to their copy."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram.methods import SendMessage

from bot.config import Settings
from bot.ui.callbacks import (
    CourseAction,
    CourseCb,
    QuestionAction,
    QuestionCb,
)
from storage.database import Database
from storage.outbox import OutboxRepository, OutboxState, Outcome
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import BOT_USER, Chatter, buttons, texts
from tests.handlers.test_courses import complete_profile, publish_course

SECOND_ORGANISER = 900002
OFFICER = 501
_telegram_ids = itertools.count(70_000)
EXPIRED = "This button is out of date. Send /start to see the menu again."
QUESTION_SENT = (
    "Your question has been sent to the organisers. Their answer will come here, in this chat."
)
NOT_UNDERSTOOD = (
    "I only understand buttons and commands here. Send /start for the menu or /help for the"
    " list of commands."
)


@pytest.fixture
def organisers() -> frozenset[int]:
    """Two organisers: the one who answers, and the one who must see that it was answered
    (a test parametrizes `organisers` for another list)."""
    return frozenset({ORGANISER_ID, SECOND_ORGANISER})


@pytest.fixture
def settings(settings: Settings, organisers: frozenset[int]) -> Settings:
    return settings.model_copy(update={"admin_ids": organisers})


async def deliver(db: Database) -> list[tuple[int, int, dict[str, Any]]]:
    """What the delivery worker would do: every queued message is sent and gets its Telegram
    message id. Returns (recipient, message id, payload) in order."""
    outbox = OutboxRepository(db)
    claimed = await outbox.claim(datetime.now(UTC) + timedelta(days=1), 100)
    sent = [(m, next(_telegram_ids)) for m in claimed]
    await outbox.record(
        [Outcome(m.id, OutboxState.SENT, telegram_id=tid, user_id=m.user_id) for m, tid in sent]
    )
    return [(m.user_id, tid, m.payload) for m, tid in sent]


def bot_message(chatter: Chatter, message_id: int, text: str = "…") -> dict[str, Any]:
    return {
        "message_id": message_id,
        "date": int(datetime.now(UTC).timestamp()),
        "chat": {"id": chatter.user.id, "type": "private"},
        "from": BOT_USER.model_dump(exclude_none=True),
        "text": text,
    }


async def reply(chatter: Chatter, to: int, **content: Any) -> list[Any]:
    """The chatter replies (Telegram's reply) to message `to` of their chat."""
    content = content or {"text": "Yes"}
    return await chatter.feed(
        chatter._message(reply_to_message=bot_message(chatter, to), **content)
    )


DOCUMENT = {"file_id": "BQACprogramme", "file_unique_id": "uprog", "file_name": "programme.pdf"}


def photo(file_id: str = "AgACphoto") -> list[dict[str, Any]]:
    return [{"file_id": file_id, "file_unique_id": "u" + file_id, "width": 90, "height": 90}]


async def officer_on_a_course(make_chatter: Any, db: Database) -> tuple[Chatter, int]:
    course_id = await publish_course(db, "Risk management", days=10)
    await complete_profile(db, OFFICER)
    officer = make_chatter(OFFICER)
    await officer.press(CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack())
    return officer, course_id


async def ask_from_the_card(officer: Chatter, course_id: int, **content: Any) -> list[Any]:
    card = await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    ask = buttons(card[-1])["❓ Ask the organisers"]
    prompt = await officer.press(ask)
    assert "Type your question" in texts(prompt)[-1]
    assert "✖️ Cancel" in buttons(prompt[-1])
    return await officer.feed(officer._message(**content))


async def test_a_question_goes_to_every_organiser_and_a_reply_answers_it(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    sent = await ask_from_the_card(officer, course_id, photo=photo(), caption="Is <b> ok?")
    assert texts(sent)[-1] == QUESTION_SENT
    copies = await deliver(db)
    assert sorted(reader for reader, _, _ in copies) == [ORGANISER_ID, SECOND_ORGANISER]
    payload = copies[0][2]
    assert payload["media"] == {"type": "photo", "file_id": "AgACphoto"}
    assert payload["about"] == [OFFICER]
    caption = payload["text"]["en"]
    assert caption.startswith("❓ Question from <b>Ion 501</b>, Customs Service, Moldova")
    assert "about “Risk management”" in caption
    assert "Is &lt;b&gt; ok?" in caption and "Reply to this message to answer." in caption
    copy_in = {reader: message_id for reader, message_id, _ in copies}

    organiser = make_chatter(ORGANISER_ID, name="Elena")
    sent = await reply(organiser, copy_in[ORGANISER_ID], text="Yes, bring your badge.")
    assert texts(sent) == ["Your answer has been sent to Ion 501."]
    delivered = await deliver(db)
    to_officer = [p for reader, _, p in delivered if reader == OFFICER]
    to_second = [p for reader, _, p in delivered if reader == SECOND_ORGANISER]
    assert len(to_officer) == 1 and len(to_second) == 1
    answer = to_officer[0]["text"]["en"]
    assert answer.startswith(
        "💬 The organisers have answered your question “Is &lt;b&gt; ok?” about “Risk management”:"
    )
    assert "Yes, bring your badge." in answer
    # No organiser's name or account reaches the officer.
    assert "Elena" not in json.dumps(to_officer[0], ensure_ascii=False)
    note = to_second[0]
    assert note["reply_to"] == copy_in[SECOND_ORGANISER]
    assert note["text"]["en"] == "✅ Elena answered: “Yes, bring your badge.”"

    # A later answer by the second organiser goes through too, and the first hears of it.
    second = make_chatter(SECOND_ORGANISER, name="Marat")
    sent = await reply(second, copy_in[SECOND_ORGANISER], text="And a passport.")
    assert texts(sent) == [
        "Your answer has been sent to Ion 501. This question had already been answered by"
        " another organiser; the participant receives all the answers."
    ]
    delivered = await deliver(db)
    assert {reader for reader, _, _ in delivered} == {OFFICER, ORGANISER_ID}
    first_note = next(p for reader, _, p in delivered if reader == ORGANISER_ID)
    assert first_note["reply_to"] == copy_in[ORGANISER_ID]
    assert "Marat answered" in first_note["text"]["en"]

    # The officer replies to the answer: a follow-up in the same thread, about the course.
    answer_id = next(mid for reader, mid, _ in delivered if reader == OFFICER)
    sent = await reply(officer, answer_id, text="Which entrance?")
    assert texts(sent) == [QUESTION_SENT]
    follow_up = await deliver(db)
    assert sorted(reader for reader, _, _ in follow_up) == [ORGANISER_ID, SECOND_ORGANISER]
    assert "about “Risk management”" in follow_up[0][2]["text"]["en"]
    thread = await db.repos.questions.thread(OFFICER)
    assert [(m.author.value, m.text) for m in thread] == [
        ("officer", "Is <b> ok?"),
        ("organiser", "Yes, bring your badge."),
        ("organiser", "And a passport."),
        ("officer", "Which entrance?"),
    ]


async def test_an_organisers_reply_to_anything_else_goes_to_the_other_handlers(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/start")
    # A reply to a message that is no question: the catch-all answers, as before.
    sent = await reply(organiser, 4242, text="hello")
    assert texts(sent) == [NOT_UNDERSTOOD]
    # Composing an announcement, the text typed as a reply is still the announcement's text.
    await organiser.send("/announce")
    sent = await reply(organiser, 4242, text="Welcome to the course")
    assert "Russian" in texts(sent)[-1]
    assert await db.fetch_all("SELECT id FROM question_messages") == []


async def test_a_reply_to_a_forged_message_id_by_a_non_organiser_changes_nothing(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="When does it start?")
    copies = await deliver(db)
    organisers_copy = copies[0][1]
    # Another officer quotes the id of the organiser's copy in their own chat.
    await complete_profile(db, 777)
    intruder = make_chatter(777)
    sent = await reply(intruder, organisers_copy, text="Tomorrow, trust me")
    assert texts(sent) == [NOT_UNDERSTOOD]
    # Nor may the officer answer their own question by quoting the copy's id.
    await reply(officer, organisers_copy, text="I answer myself")
    assert [m.text for m in await db.repos.questions.thread(OFFICER)] == ["When does it start?"]
    assert await deliver(db) == []


async def test_a_sticker_instead_of_a_question_gets_a_clear_answer(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    card = await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    await officer.press(buttons(card[-1])["❓ Ask the organisers"])
    sent = await officer.send_sticker()
    assert texts(sent)[0].startswith("This kind of message cannot be passed on. Please send text")
    assert await db.fetch_all("SELECT id FROM question_messages") == []
    # Still asking: the text that follows is the question.
    sent = await officer.send("Is there a dress code?")
    assert texts(sent)[-1].startswith("Your question has been sent")


async def test_a_too_long_question_is_refused_with_the_limit(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    sent = await ask_from_the_card(officer, course_id, text="a" * 3501)
    assert "The text is too long: at most 3,500 characters." in texts(sent)[0]
    sent = await officer.feed(officer._message(photo=photo(), caption="b" * 701))
    assert "A caption under a photo or a document can be at most 700 characters" in texts(sent)[0]
    assert await db.fetch_all("SELECT id FROM question_messages") == []


async def test_help_offers_a_general_question_or_one_about_the_officers_course(make_chatter, db):
    officer, _ = await officer_on_a_course(make_chatter, db)
    help_message = (await officer.send("/help"))[-1]
    picker = await officer.press(buttons(help_message)["❓ Ask the organisers"])
    assert texts(picker)[-1] == "Which course is your question about?"
    assert list(buttons(picker[-1])) == ["Risk management", "General question"]
    prompt = await officer.press(buttons(picker[-1])["General question"])
    assert "Your question to the organisers." in texts(prompt)[-1]
    await officer.send("Do you run courses in Tashkent?")
    copy = (await deliver(db))[0][2]["text"]["en"]
    assert copy.startswith("❓ General question from <b>")


async def test_questions_lists_unanswered_threads_first_and_answers_from_the_list(
    make_chatter, db
):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="First officer's question")
    await complete_profile(db, 502)
    other = make_chatter(502)
    await other.press(CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack())
    await ask_from_the_card(other, course_id, text="Second officer's question")
    copies = await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    second_copy = next(mid for reader, mid, p in copies if "Second" in p["text"]["en"])
    await reply(organiser, second_copy, text="Answered.")
    await deliver(db)

    listing = (await organiser.send("/questions"))[-1]
    assert isinstance(listing, SendMessage)
    assert listing.text.index("First officer") < listing.text.index("Second officer")
    assert "⏳ <b>Ion 501</b>" in listing.text and "✅ <b>Ion 502</b>" in listing.text
    prompt = await organiser.press(buttons(listing)["✍️ Answer 1"])
    assert "Your answer to <b>Ion 501</b>" in texts(prompt)[-1]
    sent = await organiser.feed(
        organiser._message(document=DOCUMENT, caption="From the list: the programme.")
    )
    assert texts(sent)[-1] == "Your answer has been sent to Ion 501."
    to_officer = [p for reader, _, p in await deliver(db) if reader == OFFICER]
    assert "From the list: the programme." in to_officer[0]["text"]["en"]
    assert to_officer[0]["media"] == {"type": "document", "file_id": "BQACprogramme"}


async def test_a_non_organiser_cannot_open_the_answer_dialog(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Question")
    question_id = (await db.repos.questions.thread(OFFICER))[0].id
    data = QuestionCb(action=QuestionAction.ANSWER, question_id=question_id).pack()
    sent = await officer.press(data)
    assert texts(sent) == [EXPIRED]
    await officer.send("Answer to myself")
    assert [m.author.value for m in await db.repos.questions.thread(OFFICER)] == ["officer"]


async def test_forget_deletes_the_thread_its_copies_and_the_notices_naming_the_officer(
    make_chatter, db
):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Question to forget")
    copies = await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    await reply(organiser, copies[0][1], text="Answer to forget")
    await db.repos.users.delete(OFFICER)
    assert await db.fetch_all("SELECT id FROM question_messages") == []
    assert await db.fetch_all("SELECT chat_id FROM question_copies") == []
    assert await db.fetch_all("SELECT id FROM outbox") == []
    # The organiser's reply to the old copy now matches nothing.
    sent = await reply(organiser, copies[0][1], text="Anyone?")
    assert texts(sent) == [NOT_UNDERSTOOD]


async def test_forgetting_an_organiser_keeps_the_officers_answers_without_their_name(
    make_chatter, db
):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Question")
    copies = await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    await reply(organiser, copies[0][1], text="Answer")
    await deliver(db)
    await UserRepository(db).delete(ORGANISER_ID)
    thread = await db.repos.questions.thread(OFFICER)
    assert [(m.text, m.organiser_id) for m in thread] == [("Question", None), ("Answer", None)]
    assert (
        await db.fetch_all("SELECT 1 FROM question_copies WHERE chat_id = ?", (ORGANISER_ID,))
        == []
    )
    # The other organiser's note named the forgotten one: it goes too.
    assert await db.fetch_all("SELECT 1 FROM outbox WHERE kind = 'question_answered'") == []


# -- review of issue 15's questions: privacy, albums, honest refusals --------------------------


async def test_an_organiser_who_asks_gets_no_copy_of_it_nor_the_name_of_who_answered(
    make_chatter, db
):
    """An organiser asking as a participant is an officer here: the answer reaches them
    without the answering organiser's name, and no copy of their own question."""
    await complete_profile(db, ORGANISER_ID)
    asker = make_chatter(ORGANISER_ID)
    help_message = (await asker.send("/help"))[-1]
    await asker.press(buttons(help_message)["❓ Ask the organisers"])
    await asker.send("Can I attend as a participant?")
    copies = await deliver(db)
    assert [reader for reader, _, _ in copies] == [SECOND_ORGANISER]
    second = make_chatter(SECOND_ORGANISER, name="Marat")
    await reply(second, copies[0][1], text="Yes.")
    delivered = await deliver(db)
    assert [reader for reader, _, _ in delivered] == [ORGANISER_ID]
    assert "Marat" not in json.dumps(delivered[0][2], ensure_ascii=False)


async def test_someone_without_consent_is_asked_for_the_profile_and_nothing_is_kept(
    make_chatter, db
):
    await UserRepository(db).upsert_seen(OFFICER, "en")
    officer = make_chatter(OFFICER)
    help_message = (await officer.send("/help"))[-1]
    sent = await officer.press(buttons(help_message)["❓ Ask the organisers"])
    assert texts(sent) == ["Please allow us to store your profile first: open /profile."]
    sent = await officer.send("My question before consent")
    assert texts(sent) == [NOT_UNDERSTOOD]
    assert await db.fetch_all("SELECT id FROM question_messages") == []


@pytest.mark.parametrize("organisers", [frozenset()])
async def test_with_no_organisers_configured_a_question_is_refused_not_lost(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    card = await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    sent = await officer.press(buttons(card[-1])["❓ Ask the organisers"])
    assert texts(sent) == [
        "Questions cannot be passed on at the moment, as no organisers are set up in the bot."
        " Please contact the training office directly."
    ]
    sent = await officer.send("Anyone there?")
    assert texts(sent) == [NOT_UNDERSTOOD]
    assert await db.fetch_all("SELECT id FROM question_messages") == []


def album_item(chatter: Chatter, file_id: str, caption: str | None = None) -> dict[str, Any]:
    extra = {"caption": caption} if caption else {}
    return chatter._message(media_group_id="album1", photo=photo(file_id), **extra)


async def test_an_album_sent_as_a_question_reaches_the_organisers_whole(make_chatter, db):
    """Three photos with one caption come as three messages: every photo is passed on, the
    officer is told once, and none of them gets "I only understand buttons"."""
    officer, course_id = await officer_on_a_course(make_chatter, db)
    sent = await ask_from_the_card(officer, course_id, **_album_fields(officer, "p1", "Which?"))
    sent += await officer.feed(album_item(officer, "p2"))
    sent += await officer.feed(album_item(officer, "p3"))
    assert texts(sent) == [QUESTION_SENT]
    copies = await deliver(db)
    to_first = [p["media"]["file_id"] for reader, _, p in copies if reader == ORGANISER_ID]
    assert to_first == ["p1", "p2", "p3"]
    # Answering the first photo answers the thread: it is not left "waiting" for the others.
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    first_copy = next(mid for reader, mid, p in copies if reader == ORGANISER_ID)
    await reply(organiser, first_copy, text="The second one.")
    listing = (await organiser.send("/questions"))[-1]
    assert "✅ <b>Ion 501</b>" in texts([listing])[0]
    # A later message that is not part of the album is no question.
    sent = await officer.feed(officer._message(media_group_id="album2", photo=photo("p4")))
    assert texts(sent) == [NOT_UNDERSTOOD]


def _album_fields(chatter: Chatter, file_id: str, caption: str) -> dict[str, Any]:
    item = album_item(chatter, file_id, caption)
    return {key: item[key] for key in ("media_group_id", "photo", "caption")}


async def test_an_album_answered_from_the_list_reaches_the_officer_whole(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Send me the plan?")
    await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    listing = (await organiser.send("/questions"))[-1]
    await organiser.press(buttons(listing)["✍️ Answer 1"])
    sent = await organiser.feed(album_item(organiser, "plan1", "The plan"))
    sent += await organiser.feed(album_item(organiser, "plan2"))
    assert texts(sent) == ["Your answer has been sent to Ion 501."]
    to_officer = [p for reader, _, p in await deliver(db) if reader == OFFICER]
    assert [p["media"]["file_id"] for p in to_officer] == ["plan1", "plan2"]
    assert all("Elena" not in json.dumps(p, ensure_ascii=False) for p in to_officer)


async def test_the_answer_says_which_question_it_answers(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Is lunch provided on both days?")
    copies = await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    await reply(organiser, copies[0][1], text="Yes.")
    answer = next(p for reader, _, p in await deliver(db) if reader == OFFICER)
    assert answer["text"]["en"].startswith(
        "💬 The organisers have answered your question “Is lunch provided on both days?”"
        " about “Risk management”:"
    )


async def ask_keeping_the_message(officer: Chatter, course_id: int, text: str) -> int:
    """Ask from the card; returns the id of the officer's own message."""
    card = await officer.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    await officer.press(buttons(card[-1])["❓ Ask the organisers"])
    message = officer._message(text=text)
    await officer.feed(message)
    return int(message["message_id"])


async def test_an_edited_question_is_not_passed_on_and_the_officer_is_told(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    asked = await ask_keeping_the_message(officer, course_id, "Is it in Minsk?")
    await deliver(db)
    edited = officer._message(text="Is it in Vilnius?", edit_date=1) | {"message_id": asked}
    sent = await officer.feed_update({"edited_message": edited})
    assert texts(sent) == [
        "Edits to a message already sent are not passed on: the organisers have your question"
        " as you first sent it. To correct it, reply to your question with the correction."
    ]
    assert [m.text for m in await db.repos.questions.thread(OFFICER)] == ["Is it in Minsk?"]


async def test_the_answer_comes_as_a_reply_to_the_officers_own_question(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    asked = await ask_keeping_the_message(officer, course_id, "Is it in Minsk?")
    copies = await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    await reply(organiser, copies[0][1], text="Yes.")
    answer = next(p for reader, _, p in await deliver(db) if reader == OFFICER)
    assert answer["reply_to"] == asked
    # Replying to their own question adds to it: a follow-up, to every organiser.
    sent = await reply(officer, asked, text="And the address?")
    assert texts(sent) == [QUESTION_SENT]
    assert {reader for reader, _, _ in await deliver(db)} == {ORGANISER_ID, SECOND_ORGANISER}


async def test_an_organiser_replying_to_their_own_question_does_not_answer_it(make_chatter, db):
    await complete_profile(db, ORGANISER_ID)
    asker = make_chatter(ORGANISER_ID)
    help_message = (await asker.send("/help"))[-1]
    await asker.press(buttons(help_message)["❓ Ask the organisers"])
    message = asker._message(text="Can I attend?")
    await asker.feed(message)
    await deliver(db)
    sent = await reply(asker, int(message["message_id"]), text="Also: is there lunch?")
    assert texts(sent) == [QUESTION_SENT]
    thread = await db.repos.questions.thread(ORGANISER_ID)
    assert [m.author.value for m in thread] == ["officer", "officer"]


async def test_an_edited_answer_is_not_passed_on_and_the_organiser_is_told(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_keeping_the_message(officer, course_id, "Is it in Minsk?")
    copies = await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    answer = organiser._message(text="Yes.", reply_to_message=bot_message(organiser, copies[0][1]))
    await organiser.feed(answer)
    edited = organiser._message(text="No, Vilnius.", edit_date=1) | {
        "message_id": answer["message_id"]
    }
    sent = await organiser.feed_update({"edited_message": edited})
    assert "the participant has your answer as you first sent it" in texts(sent)[0]


async def test_a_question_too_long_once_escaped_is_refused_not_lost_on_the_way(make_chatter, db):
    """3,000 “&” fit the limit as typed, but sent as HTML they take 15,000 characters: the
    copies would fail at Telegram after the officer was told "sent"."""
    officer, course_id = await officer_on_a_course(make_chatter, db)
    sent = await ask_from_the_card(officer, course_id, text="&" * 3000)
    assert "each &amp;, &lt; and &gt; takes several characters" in texts(sent)[0]
    assert await db.fetch_all("SELECT id FROM question_messages") == []


async def test_the_second_organiser_to_answer_is_told_at_once_who_answered_first(make_chatter, db):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Is there parking?")
    copies = {reader: mid for reader, mid, _ in await deliver(db)}
    await complete_profile(db, ORGANISER_ID)
    first = make_chatter(ORGANISER_ID, name="Elena")
    second = make_chatter(SECOND_ORGANISER, name="Marat")
    await reply(first, copies[ORGANISER_ID], text="Yes.")
    # The second wrote at the same time: the note about the first is not delivered yet.
    sent = await reply(second, copies[SECOND_ORGANISER], text="No, sorry.")
    assert texts(sent) == [
        "Your answer has been sent to Ion 501. This question had already been answered by"
        " Ion 900001; the participant receives all the answers."
    ]


async def test_a_caption_that_would_not_fit_under_its_header_is_refused_with_the_room_left(
    make_chatter, db
):
    """A long name, administration and course title leave less than 700 characters of a
    caption: a longer one went as a message of its own, and a reply to it matched nothing."""
    course_id = await publish_course(db, "T" * 200, days=10)
    await complete_profile(db, OFFICER)
    await UserRepository(db).set_profile_field(OFFICER, "organisation", "O" * 150)
    officer = make_chatter(OFFICER)
    await officer.press(CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack())
    sent = await ask_from_the_card(officer, course_id, photo=photo(), caption="c" * 690)
    assert "A caption under a photo or a document can be at most" in texts(sent)[0]
    assert "at most 690" not in texts(sent)[0]
    assert await db.fetch_all("SELECT id FROM question_messages") == []
    # Within the room it tells, the question goes.
    room = int(texts(sent)[0].split("at most ")[1].split(" ")[0].replace(",", ""))
    sent = await officer.feed(officer._message(photo=photo(), caption="c" * room))
    assert texts(sent)[-1].startswith("Your question has been sent")
    assert all(len(p["text"]["en"]) <= 1024 for _, _, p in await deliver(db))


async def test_an_organisers_reply_in_a_group_chat_answers_nothing(make_chatter, db):
    """Copies are matched by chat: a group message quoting the same message id is no answer,
    and the group gets only the "private chat" reply."""
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Is there parking?")
    copy = next(mid for reader, mid, _ in await deliver(db) if reader == ORGANISER_ID)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    group = {"id": -100123, "type": "supergroup", "title": "Office"}
    quoted = bot_message(organiser, copy) | {"chat": group}
    sent = await organiser.feed(
        organiser._message(text="Yes", reply_to_message=quoted) | {"chat": group}
    )
    assert texts(sent) == ["I only work in a private chat with you. Please write to me there."]
    assert [m.author.value for m in await db.repos.questions.thread(OFFICER)] == ["officer"]
    assert await deliver(db) == []


async def test_answering_a_question_whose_officer_left_ends_the_answer_dialog(make_chatter, db):
    """The officer used /forget while the organiser typed: no "send another value", which
    would only be refused again."""
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Question")
    await deliver(db)
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    listing = (await organiser.send("/questions"))[-1]
    await organiser.press(buttons(listing)["✍️ Answer 1"])
    await UserRepository(db).delete(OFFICER)
    sent = await organiser.send("The answer")
    assert texts(sent) == [
        "This question no longer exists: the participant has deleted their data."
    ]
    sent = await organiser.send("Hello?")
    assert texts(sent) == [NOT_UNDERSTOOD]


async def test_a_follow_up_reaches_each_organiser_as_a_reply_to_what_they_last_saw(
    make_chatter, db
):
    officer, course_id = await officer_on_a_course(make_chatter, db)
    await ask_from_the_card(officer, course_id, text="Is there parking?")
    copies = {reader: mid for reader, mid, _ in await deliver(db)}
    organiser = make_chatter(ORGANISER_ID, name="Elena")
    answer = organiser._message(
        text="Yes, behind the building.",
        reply_to_message=bot_message(organiser, copies[ORGANISER_ID]),
    )
    await organiser.feed(answer)
    delivered = await deliver(db)
    to_officer = next(mid for reader, mid, _ in delivered if reader == OFFICER)
    note = next(mid for reader, mid, _ in delivered if reader == SECOND_ORGANISER)
    await reply(officer, to_officer, text="Is it free?")
    follow_up = {reader: p for reader, _, p in await deliver(db)}
    # Elena sees it under her own answer, Marat under the note that she answered.
    assert follow_up[ORGANISER_ID]["reply_to"] == answer["message_id"]
    assert follow_up[SECOND_ORGANISER]["reply_to"] == note
