"""The audit log: organiser actions are recorded with who, what and when; /audit shows them."""

from __future__ import annotations

from storage.audit import AuditAction, AuditLog
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, texts
from tests.handlers.test_courses import publish_course


async def test_organiser_actions_are_recorded_and_listed_newest_first(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=-1)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    assert texts(await organiser.send("/audit")) == ["No organiser actions are recorded yet."]

    offer = (await organiser.send("/newsurvey"))[-1]
    replies = await organiser.press(next(iter(buttons(offer).values())))
    await organiser.press(buttons(replies[-1])["✅ Activate"])
    await organiser.press(f"adc1:xlsx:{course_id}:0:")

    entries = await AuditLog(db).latest(10)
    assert [e.action for e in entries] == [
        AuditAction.EXPORT_PARTICIPANTS,
        AuditAction.SURVEY_ACTIVATED,
        AuditAction.SURVEY_CREATED,
    ]
    assert {e.actor_id for e in entries} == {ORGANISER_ID}
    assert entries[0].object_id == course_id and entries[0].details["format"] == "xlsx"

    (listing,) = texts(await organiser.send("/audit"))
    lines = listing.splitlines()
    assert "Latest organiser actions" in lines[0] and "UTC" in lines[0]
    assert (
        # Telegram's name is not stored (issue 11): an organiser without a profile is unnamed.
        f"organiser ({ORGANISER_ID}) · downloaded the participants of course #{course_id}"
        in (lines[2])
    )
    assert "activated survey #1" in lines[3] and "created survey #1" in lines[4]


async def test_the_audit_log_speaks_russian_to_a_russian_organiser(make_chatter, db):
    await publish_course(db, "Transit", days=-1)
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Олена")
    offer = (await organiser.send("/newsurvey"))[-1]
    await organiser.press(next(iter(buttons(offer).values())))
    (listing,) = texts(await organiser.send("/audit"))
    assert "опрос №1 создан" in listing


async def test_an_edit_in_the_audit_log_names_the_field_as_organisers_read_it(make_chatter, db):
    """Issue 13: no internal field name ("title_ru") in what organisers read."""
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    await organiser.dp["course_service"].edit(course_id, "title_ru", "Транзит", ORGANISER_ID)
    (listing,) = texts(await organiser.send("/audit"))
    assert f"edited course #{course_id} (Title (RU))" in listing and "title_ru" not in listing


async def test_an_attendance_mark_in_the_audit_log_says_set_or_removed_and_which_day(
    make_chatter, db
):
    """Thirty "marked attendance" lines told an organiser nothing: each now says whether a
    mark was set or taken away, and on which day of a longer course."""
    log = AuditLog(db)
    for attended, day in ((True, 2), (False, 2)):
        await log.record(
            ORGANISER_ID,
            AuditAction.ATTENDANCE_MARKED,
            "course",
            3,
            participant=4201,
            attended=attended,
            day=day,
        )
    await log.record(
        ORGANISER_ID, AuditAction.ATTENDANCE_MARKED, "course", 4, participant=4201, attended=True
    )
    organiser = make_chatter(ORGANISER_ID, name="Olena")
    (listing,) = texts(await organiser.send("/audit"))
    assert "marked a participant present on course #3, day 2" in listing
    assert "removed a participant's attendance mark on course #3, day 2" in listing
    assert "marked a participant present on course #4\n" in listing + "\n"
