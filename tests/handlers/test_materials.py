"""Issue 15: course materials through the production Dispatcher. Organisers attach files in a
three-step dialog, switch "with the reminder", remove them and, after the course, send the
slides to attendees or everyone confirmed; participants get the files from the card."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMessage, SendPhoto

from bot.services.materials import Audience
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    CourseAction,
    CourseCb,
    DialogAction,
    DialogCb,
    MaterialAction,
    MaterialCb,
)
from bot.ui.course_list import BUTTON_CHARS
from storage.courses import SignupMode
from storage.materials import MaterialKind, MaterialRepository, MaterialTiming, NewFile
from storage.registrations import RegistrationRepository, RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import Chatter, buttons, press_under_question, texts
from tests.handlers.test_courses import publish_course
from tests.handlers.test_roster import quota_course

PDF = {
    "file_id": "BQACAgIAAxkBAAIBagenda",
    "file_unique_id": "AgADagenda",
    "file_name": "Agenda_Baku_2027.pdf",
    "mime_type": "application/pdf",
    "file_size": 123_456,
}


def cb(
    action: MaterialAction, course_id: int = 0, material_id: int = 0, arg: str = "", page: int = 0
) -> str:
    return MaterialCb(
        action=action, course_id=course_id, material_id=material_id, arg=arg, page=page
    ).pack()


def alert(sent: list[Any]) -> str:
    return next(r.text or "" for r in sent if isinstance(r, AnswerCallbackQuery))


async def officer(db, user_id: int, language: str = "en") -> int:
    users = UserRepository(db)
    await users.upsert_seen(user_id, language)
    await users.set_language(user_id, language)
    await users.record_consent(user_id)
    for field, value in (
        ("full_name", f"Officer {user_id}"),
        ("organisation", "State Customs Committee"),
        ("position", "Inspector"),
    ):
        await users.set_profile_field(user_id, field, value)
    await users.set_country(user_id, "az", "Asia/Baku")
    return user_id


async def confirmed(db, course_id: int, user_id: int, language: str = "en") -> None:
    await officer(db, user_id, language)
    # Placed directly: a course that has ended takes no sign-ups any more.
    await RegistrationRepository(db).place(
        course_id, user_id, RegStatus.CONFIRMED, datetime.now(UTC), "az"
    )


async def attach(
    db,
    course_id: int,
    title: str,
    timing: MaterialTiming = MaterialTiming.BEFORE,
    kind: MaterialKind = MaterialKind.DOCUMENT,
    file_name: str | None = "file.pdf",
):
    file = NewFile(f"id-{title}", f"u-{title}", kind, file_name, "application/pdf", 2048)
    return await MaterialRepository(db).add(course_id, file, title, timing, ORGANISER_ID)


async def send_file(chatter: Chatter, **content: Any) -> list[Any]:
    return await chatter.feed(chatter._message(**content))


async def outbox_files(db) -> list[tuple[int, dict[str, Any]]]:
    rows = await db.fetch_all(
        "SELECT user_id, payload FROM outbox WHERE kind = 'material' ORDER BY id"
    )
    return [(row[0], json.loads(row[1])) for row in rows]


async def card_buttons(chatter: Chatter, course_id: int) -> dict[str, str]:
    sent = await chatter.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    return buttons(sent[-1])


# -- adding a file ---------------------------------------------------------------------------


async def test_organiser_attaches_an_agenda_in_three_steps_and_participants_see_it_on_the_card(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=10)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    card = await organiser.press(
        AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
    )
    assert "📎 Materials" in buttons(card[-1])
    listing = await organiser.press(buttons(card[-1])["📎 Materials"])
    assert "No files yet" in texts(listing)[-1]

    asked = await organiser.press(buttons(listing[-1])["➕ Add a file"])
    assert texts(asked)[-1].startswith("Step 1 of 3\n📎 Send the file")
    asked = await send_file(organiser, document=PDF)
    assert texts(asked)[-1].startswith("Step 2 of 3")
    assert "keep “Agenda_Baku_2027”" in texts(asked)[-1]
    asked = await press_under_question(organiser, DialogCb(action=DialogAction.KEEP).pack())
    assert texts(asked)[-1] == "Step 3 of 3\nWhen should participants get “Agenda_Baku_2027”?"
    before = buttons(asked[-1])["📅 Before the course: on the card"]
    done = await press_under_question(organiser, before)
    assert "✅ “Agenda_Baku_2027” added." in texts(done)
    assert "1. Agenda_Baku_2027 — PDF, 121 KB; before the course, on the card" in texts(done)[-1]

    (material,) = await MaterialRepository(db).of_course(course_id)
    assert (material.file_id, material.file_unique_id) == (PDF["file_id"], PDF["file_unique_id"])
    assert (material.kind, material.timing, material.added_by) == (
        MaterialKind.DOCUMENT,
        MaterialTiming.BEFORE,
        ORGANISER_ID,
    )
    assert (material.file_name, material.mime_type, material.file_size) == (
        "Agenda_Baku_2027.pdf",
        "application/pdf",
        123_456,
    )
    audited = await db.fetch_all("SELECT action FROM audit_log")
    assert [row[0] for row in audited] == ["material.added"]

    # Anyone who opens the card sees it, signed up or not.
    await officer(db, 601)
    assert "📎 Agenda_Baku_2027 (PDF)" in await card_buttons(make_chatter(601), course_id)


async def test_a_typed_title_is_used_and_back_returns_to_the_previous_question_with_it_kept(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=10)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.press(cb(MaterialAction.ADD, course_id))
    await send_file(organiser, document=PDF)
    await organiser.send("Programme")
    back = await press_under_question(organiser, DialogCb(action=DialogAction.BACK).pack())
    assert "keep “Programme”" in texts(back)[-1]
    back = await press_under_question(organiser, DialogCb(action=DialogAction.BACK).pack())
    assert texts(back)[-1].startswith("Step 1 of 3")
    # A photo this time, with a caption: the caption is the title Keep offers.
    photo = {"file_id": "AgACphoto", "file_unique_id": "AQADphoto", "width": 1280, "height": 960}
    asked = await send_file(organiser, photo=[photo], caption="Speakers")
    assert "keep “Speakers”" in texts(asked)[-1]
    await press_under_question(organiser, DialogCb(action=DialogAction.KEEP).pack())
    await press_under_question(organiser, cb(MaterialAction.TIMING, course_id, arg="after"))
    (material,) = await MaterialRepository(db).of_course(course_id)
    assert (material.title, material.kind, material.timing, material.file_id) == (
        "Speakers",
        MaterialKind.PHOTO,
        MaterialTiming.AFTER,
        "AgACphoto",
    )


async def test_text_or_a_sticker_instead_of_the_file_is_refused_and_changes_nothing(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=10)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.press(cb(MaterialAction.ADD, course_id))
    for sent in (await organiser.send("agenda.pdf"), await organiser.send_sticker()):
        assert texts(sent) == [
            "Please send the file as a document or a photo. Nothing has been saved."
        ]
    # Still asking for the file: a document now goes on to the title.
    asked = await send_file(organiser, document=PDF)
    assert texts(asked)[-1].startswith("Step 2 of 3")
    assert await MaterialRepository(db).of_course(course_id) == []


async def test_a_photo_without_caption_needs_a_typed_title_and_a_too_long_one_is_refused(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=10)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.press(cb(MaterialAction.ADD, course_id))
    photo = {"file_id": "AgACphoto", "file_unique_id": "AQADphoto", "width": 90, "height": 90}
    asked = await send_file(organiser, photo=[photo])
    assert "Type a short title" in texts(asked)[-1]
    assert "Keep as it is" not in " ".join(buttons(asked[-1]))
    refused = await organiser.send("x" * 65)
    assert "at most 64 characters" in texts(refused)[0]
    asked = await organiser.send("Group photo")
    assert "When should participants get “Group photo”?" in texts(asked)[-1]


# -- the organiser's list --------------------------------------------------------------------


async def test_the_reminder_toggle_switches_a_file_before_the_course(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    agenda = await attach(db, course_id, "Agenda")
    slides = await attach(db, course_id, "Slides", MaterialTiming.AFTER, file_name="s.pptx")
    organiser = make_chatter(ORGANISER_ID)
    listing = await organiser.press(cb(MaterialAction.LIST, course_id))
    assert "2. Slides — PowerPoint, 2 KB; after the course" in texts(listing)[-1]
    assert "🔕 1" in buttons(listing[-1]) and "🔕 2" not in buttons(listing[-1])
    sent = await organiser.press(buttons(listing[-1])["🔕 1"])
    assert alert(sent) == "“Agenda” will also be sent with the reminder."
    assert "on the card; 🔔 also sent with the reminder" in texts(sent)[-1]
    stored = await MaterialRepository(db).get(agenda.id)
    assert stored is not None and stored.with_reminder
    # A file for after the course has no reminder to go with: a forged press changes nothing.
    sent = await organiser.press(cb(MaterialAction.REMINDER, course_id, slides.id))
    assert alert(sent) == "This file is no longer attached to the course."
    stored = await MaterialRepository(db).get(slides.id)
    assert stored is not None and not stored.with_reminder


async def test_removing_a_file_asks_first_and_a_file_already_gone_is_said_so(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    agenda = await attach(db, course_id, "Agenda")
    organiser = make_chatter(ORGANISER_ID)
    asked = await organiser.press(cb(MaterialAction.REMOVE, course_id, agenda.id))
    assert "Remove “Agenda” from the course?" in texts(asked)[-1]
    done = await organiser.press(buttons(asked[-1])["🗑 Yes, remove"])
    assert alert(done) == "“Agenda” removed."
    assert await MaterialRepository(db).of_course(course_id) == []
    # The same press again (a double tap, another organiser's old list): nothing to remove.
    for action in (MaterialAction.REMOVE_YES, MaterialAction.REMOVE):
        again = await organiser.press(cb(action, course_id, agenda.id))
        assert alert(again) == "This file is no longer attached to the course."
    actions = [row[0] for row in await db.fetch_all("SELECT action FROM audit_log")]
    assert actions == ["material.removed"]


async def test_a_file_of_another_course_cannot_be_removed_through_this_one(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    other_id = await publish_course(db, "Risk", days=12)
    agenda = await attach(db, other_id, "Agenda")
    organiser = make_chatter(ORGANISER_ID)
    sent = await organiser.press(cb(MaterialAction.REMOVE_YES, course_id, agenda.id))
    assert alert(sent) == "This file is no longer attached to the course."
    assert len(await MaterialRepository(db).of_course(other_id)) == 1


async def test_non_organisers_pressing_forged_organiser_buttons_change_and_learn_nothing(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=-2)
    agenda = await attach(db, course_id, "Agenda")
    await attach(db, course_id, "Slides", MaterialTiming.AFTER)
    await confirmed(db, course_id, 601)
    intruder = make_chatter(601)
    for action in (
        MaterialAction.LIST,
        MaterialAction.ADD,
        MaterialAction.REMINDER,
        MaterialAction.REMOVE,
        MaterialAction.REMOVE_YES,
        MaterialAction.SEND,
        MaterialAction.SEND_TO,
        MaterialAction.SEND_YES,
    ):
        sent = await intruder.press(cb(action, course_id, agenda.id, Audience.CONFIRMED.value))
        assert texts(sent) == ["This button is out of date. Send /start to see the menu again."], (
            action
        )
        assert not any(isinstance(r, (SendMessage, SendDocument)) for r in sent)
    assert len(await MaterialRepository(db).of_course(course_id)) == 2
    stored = await MaterialRepository(db).get(agenda.id)
    assert stored is not None and not stored.with_reminder
    assert await outbox_files(db) == []
    assert await db.fetch_all("SELECT action FROM audit_log") == []


# -- participants ----------------------------------------------------------------------------


async def test_a_tap_on_a_file_sends_it_by_file_id_with_a_caption_in_the_readers_language(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=10)
    agenda = await attach(db, course_id, "Agenda")
    photo = await attach(db, course_id, "Map", kind=MaterialKind.PHOTO, file_name=None)
    await officer(db, 602, "ru")
    reader = make_chatter(602, language_code="ru")
    on_card = await card_buttons(reader, course_id)
    assert "📎 Map (изображение)" in on_card
    sent = await reader.press(on_card["📎 Agenda (PDF)"])
    (document,) = [r for r in sent if isinstance(r, SendDocument)]
    assert document.document == agenda.file_id
    assert document.caption == "Agenda — Transit (RU)"
    sent = await reader.press(on_card["📎 Map (изображение)"])
    (picture,) = [r for r in sent if isinstance(r, SendPhoto)]
    assert picture.photo == photo.file_id


async def test_files_for_after_the_course_show_only_once_it_ended_and_only_to_the_confirmed(
    make_chatter, db
):
    upcoming = await publish_course(db, "Transit", days=10)
    slides = await attach(db, upcoming, "Slides", MaterialTiming.AFTER)
    await confirmed(db, upcoming, 601)
    participant = make_chatter(601)
    assert "📎 Slides (PDF)" not in await card_buttons(participant, upcoming)
    forged = await participant.press(cb(MaterialAction.OPEN, upcoming, slides.id))
    assert alert(forged) == "This file is no longer attached to the course."
    assert not any(isinstance(r, SendDocument) for r in forged)

    ended = await publish_course(db, "Risk", days=-2)
    late_slides = await attach(db, ended, "Slides", MaterialTiming.AFTER)
    await confirmed(db, ended, 601)
    await officer(db, 603)  # saw the course, never signed up
    assert "📎 Slides (PDF)" in await card_buttons(participant, ended)
    assert "📎 Slides (PDF)" not in await card_buttons(make_chatter(603), ended)
    sent = await make_chatter(603).press(cb(MaterialAction.OPEN, ended, late_slides.id))
    assert not any(isinstance(r, SendDocument) for r in sent)
    sent = await participant.press(cb(MaterialAction.OPEN, ended, late_slides.id))
    assert any(isinstance(r, SendDocument) for r in sent)


async def test_a_card_shows_three_files_then_all_materials(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    for title in ("Agenda", "Concept note", "Speakers", "Venue map", "Visa letter"):
        await attach(db, course_id, title)
    await officer(db, 601)
    reader = make_chatter(601)
    on_card = list(await card_buttons(reader, course_id))
    files = [text for text in on_card if text.startswith("📎")]
    assert files == [
        "📎 Agenda (PDF)",
        "📎 Concept note (PDF)",
        "📎 Speakers (PDF)",
        "📎 All materials (5)",
    ]
    assert on_card[-1] == "‹ All courses"
    listing = await reader.press(cb(MaterialAction.ALL, course_id))
    assert [t for t in buttons(listing[-1]) if t.startswith("📎")][-1] == "📎 Visa letter (PDF)"


async def test_a_nomination_courses_card_offers_its_files_too(make_chatter, db):
    course_id = await quota_course(db, mode=SignupMode.NOMINATION)
    await attach(db, course_id, "Agenda")
    await officer(db, 601)
    on_card = list(await card_buttons(make_chatter(601), course_id))
    assert on_card[-2:] == ["📎 Agenda (PDF)", "‹ All courses"]


# -- after the course ------------------------------------------------------------------------


async def test_send_materials_goes_to_attendees_once_and_again_only_to_whoever_lacks_them(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=-2)
    slides = await attach(db, course_id, "Slides", MaterialTiming.AFTER, file_name="s.pptx")
    await attach(db, course_id, "Agenda")  # before the course: not sent afterwards
    for user_id, language in ((601, "en"), (602, "ru"), (603, "en")):
        await confirmed(db, course_id, user_id, language)
    registrations = RegistrationRepository(db)
    for user_id in (601, 602):
        await registrations.set_attended(course_id, user_id, True)
    organiser = make_chatter(ORGANISER_ID)

    card = await organiser.press(
        AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
    )
    chosen = await organiser.press(buttons(card[-1])["📤 Send materials to participants"])
    assert set(buttons(chosen[-1])) >= {
        "✅ Those marked present: 2",
        "👥 Everyone signed up: 3",
    }
    asked = await organiser.press(buttons(chosen[-1])["✅ Those marked present: 2"])
    assert texts(asked)[-1] == (
        "Send the file “Slides” to 2 people?\nNobody will receive the same file twice."
    )
    sent = await organiser.press(buttons(asked[-1])["📤 Yes, send"])
    assert alert(sent) == "📤 The materials are on their way to 2 people."
    queued = await outbox_files(db)
    assert [user_id for user_id, _ in queued] == [601, 602]
    payload = queued[1][1]
    assert payload["media"] == {"type": "document", "file_id": slides.file_id}
    assert payload["text"] == {"en": "Slides — Transit", "ru": "Slides — Transit (RU)"}

    # The same press again queues nothing; all confirmed adds only the absent one.
    again = await organiser.press(cb(MaterialAction.SEND_YES, course_id, arg="att"))
    assert alert(again) == ("Nothing was sent: everyone in this group already has these files.")
    asked = await organiser.press(cb(MaterialAction.SEND_TO, course_id, arg="all"))
    assert texts(asked)[-1].endswith(
        "to 1 person?\nNobody will receive the same file twice.\n"
        "2 people in this group already have it."
    )
    sent = await organiser.press(buttons(asked[-1])["📤 Yes, send"])
    assert alert(sent) == (
        "📤 The materials are on their way to 1 person.\n2 people in this group already have it."
    )
    assert texts(sent)[-1].startswith(alert(sent) + "\n\n📎 <b>Materials for “Transit”</b>")
    assert [user_id for user_id, _ in await outbox_files(db)] == [601, 602, 603]
    asked = await organiser.press(cb(MaterialAction.SEND_TO, course_id, arg="all"))
    assert "Everyone in this group already has these files (3 people)" in texts(asked)[-1]
    assert "📤 Yes, send" not in buttons(asked[-1])

    rows = await db.fetch_all("SELECT action, details FROM audit_log ORDER BY id")
    assert [(r[0], json.loads(r[1])["notified"]) for r in rows] == [
        ("material.sent", 2),
        ("material.sent", 0),
        ("material.sent", 1),
    ]
    (listing,) = texts(await organiser.send("/audit"))
    assert f"sent the materials of course #{course_id} to 2 people" in listing


async def test_send_materials_is_offered_only_once_the_course_ended_with_files_for_after(
    make_chatter, db
):
    upcoming = await publish_course(db, "Transit", days=10)
    await attach(db, upcoming, "Slides", MaterialTiming.AFTER)
    ended_without = await publish_course(db, "Risk", days=-2)
    await attach(db, ended_without, "Agenda")
    organiser = make_chatter(ORGANISER_ID)
    for course_id in (upcoming, ended_without):
        card = await organiser.press(
            AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
        )
        assert "📤 Send materials to participants" not in buttons(card[-1])
        forged = await organiser.press(cb(MaterialAction.SEND_YES, course_id, arg="all"))
        assert alert(forged).startswith("The materials can be sent only once the course has ended")
    assert await outbox_files(db) == []


# -- review: double taps, refused files, long lists, the card after an edit ------------------


async def test_a_double_tap_on_a_file_sends_one_copy_and_says_it_is_on_its_way(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    agenda = await attach(db, course_id, "Agenda")
    await officer(db, 601)
    reader = make_chatter(601)
    first = await reader.press(cb(MaterialAction.OPEN, course_id, agenda.id))
    second = await reader.press(cb(MaterialAction.OPEN, course_id, agenda.id))
    assert len([r for r in first if isinstance(r, SendDocument)]) == 1
    assert not any(isinstance(r, SendDocument) for r in second)
    assert alert(second) == "“Agenda” is already on its way: see the chat."


async def test_a_file_telegram_no_longer_accepts_is_explained_and_not_counted_as_received(
    make_chatter, db
):
    """A restore onto a new bot token: the stored file_id is another bot's, Telegram says 400."""
    course_id = await publish_course(db, "Transit", days=-2)
    slides = await attach(db, course_id, "Slides <final>", MaterialTiming.AFTER)
    await confirmed(db, course_id, 601)
    reader = make_chatter(601)
    reader.session.failures[SendDocument] = TelegramBadRequest(
        SendDocument(chat_id=601, document="x"), "Bad Request: wrong file identifier"
    )
    sent = await reader.press(cb(MaterialAction.OPEN, course_id, slides.id))
    assert texts(sent)[-1].startswith(
        "Sorry, “Slides &lt;final&gt;” cannot be sent: the copy the bot keeps is no longer valid"
    )
    assert "“❓ Ask the organisers”" in texts(sent)[-1]
    # Not noted as received: once attached again, "Send materials" still reaches them.
    assert await db.fetch_all("SELECT 1 FROM material_deliveries") == []


async def test_the_organisers_list_of_many_files_is_paged_and_stays_on_its_page(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    files = [await attach(db, course_id, f"Speaker {n}") for n in range(1, 26)]
    organiser = make_chatter(ORGANISER_ID)
    listing = await organiser.press(cb(MaterialAction.LIST, course_id))
    first = texts(listing)[-1]
    assert "(25)" in first and "10. Speaker 10" in first and "11. Speaker 11" not in first
    assert "‹ Previous" not in buttons(listing[-1])
    second = await organiser.press(buttons(listing[-1])["Next ›"])
    assert "11. Speaker 11" in texts(second)[-1] and "20. Speaker 20" in texts(second)[-1]
    assert {"‹ Previous", "Next ›", "🔕 11", "🗑 20"} <= set(buttons(second[-1]))
    # A toggle on page 2 shows page 2 again.
    toggled = await organiser.press(buttons(second[-1])["🔕 12"])
    assert "12. Speaker 12" in texts(toggled)[-1] and "🔔 12" in buttons(toggled[-1])
    asked = await organiser.press(buttons(toggled[-1])["🗑 13"])
    back = await organiser.press(buttons(asked[-1])["‹ Back"])
    assert "13. Speaker 13" in texts(back)[-1]
    removed = await organiser.press(cb(MaterialAction.REMOVE_YES, course_id, files[12].id, page=1))
    assert "13. Speaker 14" in texts(removed)[-1]
    # A file just added is shown on the last page, where it is.
    await organiser.press(cb(MaterialAction.ADD, course_id))
    await send_file(organiser, document=PDF)
    await press_under_question(organiser, DialogCb(action=DialogAction.KEEP).pack())
    done = await press_under_question(
        organiser, cb(MaterialAction.TIMING, course_id, arg="before")
    )
    assert "25. Agenda_Baku_2027" in texts(done)[-1] and "Next ›" not in buttons(done[-1])
    # Every screen fits one message.
    assert all(len(text) < 4096 for text in texts(done))


async def test_the_card_shown_again_after_an_edit_still_offers_send_materials(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=-2)
    await attach(db, course_id, "Slides", MaterialTiming.AFTER)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.press(
        AdminCourseCb(action=AdminAction.EDIT_FIELD, course_id=course_id, arg="hours").pack()
    )
    card = await press_under_question(organiser, DialogCb(action=DialogAction.KEEP).pack())
    assert "📤 Send materials to participants" in buttons(card[-1])
    await organiser.press(
        AdminCourseCb(action=AdminAction.EDIT_FIELD, course_id=course_id, arg="hours").pack()
    )
    card = await organiser.send("16")
    assert "📤 Send materials to participants" in buttons(card[-1])


async def test_a_long_file_title_is_shortened_on_the_card_so_its_type_still_shows(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=10)
    title = "Presentation of the national single window for customs declarations"
    await attach(db, course_id, title[:64], file_name="deck.pptx")
    await officer(db, 601)
    (label,) = [text for text in await card_buttons(make_chatter(601), course_id) if "📎" in text]
    assert label == "📎 Presentation… (PowerPoint)"
    assert len(label) <= BUTTON_CHARS


async def test_all_materials_on_a_participants_card_are_paged(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    for number in range(1, 13):
        await attach(db, course_id, f"Speaker {number}")
    await officer(db, 601)
    reader = make_chatter(601)
    listing = await reader.press(cb(MaterialAction.ALL, course_id))
    labels = list(buttons(listing[-1]))
    assert labels[0] == "📎 Speaker 1 (PDF)" and "📎 Speaker 11 (PDF)" not in labels
    assert labels[-2:] == ["Next ›", "‹ Back"]
    second = await reader.press(buttons(listing[-1])["Next ›"])
    assert list(buttons(second[-1])) == [
        "📎 Speaker 11 (PDF)",
        "📎 Speaker 12 (PDF)",
        "‹ Previous",
        "‹ Back",
    ]


async def test_sending_to_attendees_before_attendance_is_marked_says_to_mark_it_first(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=-2)
    await attach(db, course_id, "Slides", MaterialTiming.AFTER)
    await confirmed(db, course_id, 601)
    organiser = make_chatter(ORGANISER_ID)
    asked = await organiser.press(cb(MaterialAction.SEND_TO, course_id, arg="att"))
    assert texts(asked)[-1] == (
        "Nobody has been marked present yet: mark attendance first with “☑️ Mark attendance”"
        " on the course card, or send the materials to everyone signed up."
    )
    assert "📤 Yes, send" not in buttons(asked[-1])
    forged = await organiser.press(cb(MaterialAction.SEND_YES, course_id, arg="att"))
    assert alert(forged).startswith("Nobody has been marked present yet")
    assert await outbox_files(db) == []


async def test_a_blank_title_is_refused_at_once_not_after_the_last_step(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=10)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.press(cb(MaterialAction.ADD, course_id))
    await send_file(organiser, document=PDF)
    refused = await organiser.send(" \u00a0 \n")
    assert texts(refused)[0].startswith("The title cannot be empty.")
    asked = await organiser.send("Agenda")
    assert "When should participants get “Agenda”?" in texts(asked)[-1]
