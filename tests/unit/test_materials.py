"""Issue 15: course materials in the services and storage: each file goes to each person
once, the "with the reminder" files go with the reminders, /forget and deleting a course take
their rows, and files are named by their type."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.delivery import DeliveryRows
from bot.services.materials import REQUEST_AGAIN_AFTER, Audience, NothingToSend
from bot.services.reminders import due_time
from bot.ui import materials as material_texts
from bot.ui.course_list import BUTTON_CHARS
from handlers.materials.screens import materials_screen
from storage.announcements import AnnouncementRepository
from storage.courses import CourseStatus
from storage.materials import Material, MaterialKind, MaterialTiming, NewFile
from storage.outbox import OutboxRepository
from storage.registrations import RegStatus
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator
from tests.factories import course_values, create_course
from tests.unit.emulated_worker import emulated_worker

DAY, HOUR = timedelta(days=1), timedelta(hours=1)
START = datetime(2027, 3, 10, 5, 0, tzinfo=UTC)  # 09:00 in Baku


async def make_course(services, status: CourseStatus = CourseStatus.PUBLISHED):
    values = course_values(
        START, START + timedelta(hours=8), START - DAY, title_en="Transit", title_ru="Транзит"
    )
    return await create_course(services.courses, values, status=status)


async def person(services, user_id: int, language: str = "en") -> int:
    users = UserRepository(services.users.sql)
    await users.upsert_seen(user_id, language)
    await users.set_language(user_id, language)
    await users.record_consent(user_id)
    return user_id


async def seat(services, course_id: int, user_id: int, attended: bool = False) -> None:
    await person(services, user_id)
    registrations = services.registrations
    await registrations.place(course_id, user_id, RegStatus.CONFIRMED, START - DAY * 5, "az")
    if attended:
        await registrations.set_attended(course_id, user_id, True)


async def attach(
    db, course_id: int, title: str, timing: MaterialTiming, reminder: bool = False
) -> Material:
    file = NewFile(f"id-{title}", f"u-{title}", MaterialKind.DOCUMENT, f"{title}.pdf")
    material = await db.repos.materials.add(course_id, file, title, timing, ORGANISER_ID)
    if reminder:
        await db.repos.materials.toggle_reminder(course_id, material.id)
    return material


async def queued(db) -> list[tuple[int, str, str]]:
    """(recipient, kind, file_id or "") of every outbox row, in queue order."""
    rows = await db.fetch_all("SELECT user_id, kind, payload FROM outbox ORDER BY id")
    return [
        (row[0], row[1], json.loads(row[2]).get("media", {}).get("file_id", "")) for row in rows
    ]


async def test_sending_twice_queues_each_file_to_each_person_once(services, db, clock):
    course = await make_course(services)
    slides = await attach(db, course.id, "Slides", MaterialTiming.AFTER)
    handout = await attach(db, course.id, "Handout", MaterialTiming.AFTER)
    await seat(services, course.id, 11, attended=True)
    await seat(services, course.id, 12)
    clock.now = course.ends_at + HOUR
    materials = services.materials

    first = await materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID)
    second = await materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID)
    assert (first.people, first.already, second.people, second.already) == (1, 0, 0, 1)
    everyone = await materials.send(course.id, Audience.CONFIRMED, ORGANISER_ID)
    assert (everyone.people, everyone.already) == (1, 1)
    assert await queued(db) == [
        (11, "material", slides.file_id),
        (11, "material", handout.file_id),
        (12, "material", slides.file_id),
        (12, "material", handout.file_id),
    ]
    # A file added later goes to those who lack it only.
    extra = await attach(db, course.id, "Photos", MaterialTiming.AFTER)
    plan = await materials.plan(course.id, Audience.CONFIRMED)
    assert (plan.people, plan.already) == (2, 0)
    await materials.send(course.id, Audience.CONFIRMED, ORGANISER_ID)
    assert [row for row in await queued(db) if row[2] == extra.file_id] == [
        (11, "material", extra.file_id),
        (12, "material", extra.file_id),
    ]


async def test_a_file_asked_for_from_the_card_is_not_sent_again_afterwards(services, db, clock):
    course = await make_course(services)
    slides = await attach(db, course.id, "Slides", MaterialTiming.AFTER)
    await seat(services, course.id, 11, attended=True)
    clock.now = course.ends_at + HOUR
    await services.materials.open(slides.id, 11)
    result = await services.materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID)
    assert (result.people, result.already) == (0, 1)
    assert await queued(db) == []


async def test_nothing_is_sent_before_the_course_ends_or_without_files_for_after(
    services, db, clock
):
    course = await make_course(services)
    await attach(db, course.id, "Agenda", MaterialTiming.BEFORE)
    await seat(services, course.id, 11, attended=True)
    clock.now = course.ends_at - HOUR
    with pytest.raises(NothingToSend):
        await services.materials.send(course.id, Audience.CONFIRMED, ORGANISER_ID)
    clock.now = course.ends_at + HOUR
    with pytest.raises(NothingToSend):  # only a file for before the course
        await services.materials.send(course.id, Audience.CONFIRMED, ORGANISER_ID)
    assert await queued(db) == []


async def test_files_marked_for_the_reminder_follow_it_once_and_reach_a_late_sign_up_later(
    services, db, clock
):
    course = await make_course(services)
    agenda = await attach(db, course.id, "Agenda", MaterialTiming.BEFORE, reminder=True)
    await attach(db, course.id, "Concept note", MaterialTiming.BEFORE)  # not with the reminder
    await attach(db, course.id, "Slides", MaterialTiming.AFTER)
    await seat(services, course.id, 11)

    clock.now = due_time(course, DAY)
    assert await services.reminders.send(course.id, int(DAY.total_seconds())) == 1
    assert await queued(db) == [(11, "reminder", ""), (11, "material", agenda.file_id)]
    payload = json.loads((await db.fetch_all("SELECT payload FROM outbox"))[1][0])
    assert payload["text"] == {"en": "Agenda — Transit", "ru": "Agenda — Транзит"}

    # Signed up after the first reminder: the file comes with the next one, to them only.
    await seat(services, course.id, 12)
    clock.now = due_time(course, HOUR)
    assert await services.reminders.send(course.id, int(HOUR.total_seconds())) == 2
    rows = await queued(db)
    assert rows[2:] == [
        (11, "reminder", ""),
        (12, "reminder", ""),
        (12, "material", agenda.file_id),
    ]


async def test_forget_deletes_the_persons_delivery_rows_and_unnames_the_organiser(
    services, db, clock
):
    course = await make_course(services)
    slides = await attach(db, course.id, "Slides", MaterialTiming.AFTER)
    await person(services, ORGANISER_ID)
    await seat(services, course.id, 11, attended=True)
    await seat(services, course.id, 12, attended=True)
    clock.now = course.ends_at + HOUR
    await services.materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID)

    await services.profiles.forget(11)
    await services.profiles.forget(ORGANISER_ID)
    rows = await db.fetch_all("SELECT material_id, user_id FROM material_deliveries")
    assert [tuple(row) for row in rows] == [(slides.id, 12)]
    stored = await db.repos.materials.get(slides.id)
    assert stored is not None and stored.added_by is None


async def test_deleting_a_draft_course_deletes_its_materials(services, db):
    course = await make_course(services, status=CourseStatus.DRAFT)
    await attach(db, course.id, "Agenda", MaterialTiming.BEFORE)
    await services.course_service.delete_draft(course.id, actor=ORGANISER_ID)
    assert await db.fetch_all("SELECT id FROM course_materials") == []


@pytest.mark.parametrize(
    ("file_name", "mime_type", "kind", "expected"),
    [
        ("Agenda.PDF", None, MaterialKind.DOCUMENT, "pdf"),
        ("Speakers.docx", None, MaterialKind.DOCUMENT, "word"),
        ("Budget.xlsx", None, MaterialKind.DOCUMENT, "excel"),
        ("Slides.pptx", None, MaterialKind.DOCUMENT, "powerpoint"),
        ("scan", "application/pdf", MaterialKind.DOCUMENT, "pdf"),
        ("map.png", "image/png", MaterialKind.DOCUMENT, "image"),
        (None, "image/jpeg", MaterialKind.PHOTO, "image"),
        ("notes.xyz", "application/octet-stream", MaterialKind.DOCUMENT, "file"),
    ],
)
def test_a_file_is_named_by_the_type_a_reader_recognises(file_name, mime_type, kind, expected):
    material = Material(
        1, 1, "Agenda", "id", "u", file_name, mime_type, None, kind,
        MaterialTiming.BEFORE, False, 1, None, "",
    )  # fmt: skip
    assert material_texts.file_type(material) == expected


def test_keep_offers_the_caption_or_the_file_name_without_its_extension():
    assert material_texts.default_title("Agenda_v2.final.pdf", None) == "Agenda_v2.final"
    assert material_texts.default_title("Agenda.pdf", "  Programme ") == "Programme"
    assert material_texts.default_title(None, None) is None


async def test_files_telegram_refused_to_send_are_flagged_on_the_organisers_list(
    services, db, clock, settings, localizations
):
    """A restore onto a new bot token: the stored file_ids are another bot's, every send of
    them fails with 400; the organisers' list says so and what to do."""
    course = await make_course(services)
    slides = await attach(db, course.id, "Slides", MaterialTiming.AFTER)  # unknown to Telegram
    await seat(services, course.id, 11, attended=True)
    await seat(services, course.id, 12, attended=True)
    clock.now = course.ends_at + HOUR
    await services.materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID)
    rows = DeliveryRows(OutboxRepository(db), UserRepository(db), AnnouncementRepository(db))
    async with BotAPIEmulator(TEST_TOKEN) as emulator:
        no_calendar = None
        async with emulated_worker(
            emulator, settings, localizations, rows, lambda bot: no_calendar, clock
        ) as worker:
            worker.per_chat_seconds = 0
            await worker.run_once()
            await worker.drain()
    states = await db.fetch_all("SELECT state, last_error FROM outbox")
    assert [row[0] for row in states] == ["failed", "failed"]
    assert await services.materials.refused(course.id) == {slides.id: 2}

    _, files = await services.materials.of_course(course.id)
    text, _ = materials_screen(course, files, localizations.get("en"), True, {slides.id: 2})
    assert "⚠️ Telegram could not deliver this file to 2 people" in text
    text, _ = materials_screen(course, files, localizations.get("ru"), True, {slides.id: 2})
    assert "⚠️ Telegram не доставил этот файл 2 участникам" in text


async def test_two_organisers_sending_at_once_queue_each_file_to_each_attendee_once(
    services, db, clock
):
    course = await make_course(services)
    slides = await attach(db, course.id, "Slides", MaterialTiming.AFTER)
    await seat(services, course.id, 11, attended=True)
    await seat(services, course.id, 12, attended=True)
    clock.now = course.ends_at + HOUR
    plans = await asyncio.gather(
        services.materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID),
        services.materials.send(course.id, Audience.CONFIRMED, ORGANISER_ID + 1),
    )
    assert sorted(plan.people for plan in plans) == [0, 2]
    assert await queued(db) == [(11, "material", slides.file_id), (12, "material", slides.file_id)]


async def test_a_double_tap_handled_at_once_hands_out_the_file_once(services, db, clock):
    """Telegram's updates are handled concurrently: two taps race for the same file."""
    course = await make_course(services)
    agenda = await attach(db, course.id, "Agenda", MaterialTiming.BEFORE)
    await person(services, 11)
    taps = await asyncio.gather(
        services.materials.open(agenda.id, 11),
        services.materials.open(agenda.id, 11),
        return_exceptions=True,
    )
    assert sorted(type(tap).__name__ for tap in taps) == ["JustSent", "tuple"]
    # Asked for again later (the copy was lost): sent again.
    clock.now += REQUEST_AGAIN_AFTER
    assert await services.materials.open(agenda.id, 11) == (course, agenda)


async def test_a_reminder_that_fires_twice_sends_its_files_once(services, db, clock):
    course = await make_course(services)
    agenda = await attach(db, course.id, "Agenda", MaterialTiming.BEFORE, reminder=True)
    await seat(services, course.id, 11)
    clock.now = due_time(course, DAY)
    await asyncio.gather(
        services.reminders.send(course.id, int(DAY.total_seconds())),
        services.reminders.send(course.id, int(DAY.total_seconds())),
    )
    rows = await queued(db)
    assert rows.count((11, "material", agenda.file_id)) == 1


async def test_removing_a_file_right_after_sending_keeps_its_unsent_copies_from_going_out(
    services, db, clock
):
    course = await make_course(services)
    wrong = await attach(db, course.id, "Wrong slides", MaterialTiming.AFTER)
    right = await attach(db, course.id, "Slides", MaterialTiming.AFTER)
    await seat(services, course.id, 11, attended=True)
    clock.now = course.ends_at + HOUR
    await services.materials.send(course.id, Audience.ATTENDEES, ORGANISER_ID)
    await services.materials.remove(course.id, wrong.id, ORGANISER_ID)
    assert await queued(db) == [(11, "material", right.file_id)]


# -- the wording (issue 15 copy review) ------------------------------------------------------

# The organisers' buttons of the materials screens, with a count where they show one.
ORGANISER_BUTTONS = {
    "button-materials": {},
    "button-materials-send": {},
    "button-material-add": {},
    "button-material-before": {},
    "button-material-after": {},
    "button-materials-send-yes": {},
    "button-material-remove-yes": {},
    "button-materials-send-attendees": {"count": 25},
    "button-materials-send-confirmed": {"count": 25},
    "button-materials-all": {"count": 12},
}


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_materials_buttons_fit_a_phone_screen(localizations, locale):
    t = localizations.get(locale)
    labels = [t.plain(key, **args) for key, args in ORGANISER_BUTTONS.items()]
    assert [label for label in labels if len(label) > BUTTON_CHARS] == []


def test_sending_one_file_names_it_without_a_number_in_russian(localizations):
    """«Отправить файл «Slides» 2 участникам?», not «1 файл»; a count reads «21 файл»."""
    t = localizations.get("ru")
    one = t.plain("materials-send-confirm", files=1, names="«Slides»", people=2)
    assert one.startswith("Отправить файл «Slides» 2 участникам?")
    many = t.plain("materials-send-confirm", files=21, names="«A», «B»", people=5)
    assert many.startswith("Отправить 21 файл («A», «B») 5 участникам?")
    already = t.plain("materials-send-already", already=21, files=21)
    assert already == "У 21 участника из этой группы эти файлы уже есть."
