"""Course handlers through the production Dispatcher: catalogue pages, attendance, forgery."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, SendMessage

from bot.clock import ManualClock
from bot.ui.callbacks import AdminAction, AdminCourseCb, CourseAction, CourseCb
from storage.courses import CourseRepository, CourseStatus
from storage.registrations import RegistrationRepository
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, texts


async def publish_course(
    db, title: str, days: int, capacity: int | None = 10, length: int = 1
) -> int:
    """A course `days` from now, 09:00-17:00 in Chisinau on `length` calendar days (a course
    whose eight hours crossed midnight would have two days of attendance)."""
    now = datetime.now(UTC)
    local = (now + timedelta(days=days)).astimezone(ZoneInfo("Europe/Chisinau"))
    starts = local.replace(hour=9, minute=0, second=0, microsecond=0).astimezone(UTC)
    course = await CourseRepository(db).create(
        {
            "title_en": title,
            "title_ru": f"{title} (RU)",
            "description_en": "Transit procedures.",
            "description_ru": "Транзитные процедуры.",
            "starts_at": starts,
            "ends_at": starts + timedelta(days=length - 1, hours=8),
            "deadline_at": now + timedelta(days=days - 1),
            "timezone": "Europe/Chisinau",
            "venue": "Chisinau",
            "capacity": capacity,
            "language": "en",
        },
        created_by=ORGANISER_ID,
    )
    await CourseRepository(db).set_status(course.id, CourseStatus.PUBLISHED)
    return course.id


async def complete_profile(db, user_id: int) -> None:
    users = UserRepository(db)
    await users.upsert_seen(user_id, "en")
    await users.record_consent(user_id)
    for field, value in (
        ("full_name", f"Ion {user_id}"),
        ("organisation", "Customs Service"),
        ("position", "Inspector"),
    ):
        await users.set_profile_field(user_id, field, value)
    await users.set_country(user_id, "md", "Europe/Chisinau")


async def test_the_catalogue_shows_five_courses_a_page_soonest_first(make_chatter, db):
    for number in range(7):
        await publish_course(db, f"Course {number}", days=10 + number)
    chatter = make_chatter()
    first = (await chatter.send("/courses"))[0]
    assert first.text.startswith("<b>7 upcoming courses</b>")
    labels = list(buttons(first))
    assert [label.split(" · ")[1] for label in labels[:5]] == [f"Course {n}" for n in range(5)]
    page_two = await chatter.press(buttons(first)["Next ›"])
    labels = list(buttons(page_two[-1]))
    assert [label.split(" · ")[1] for label in labels[:2]] == ["Course 5", "Course 6"]
    assert "‹ Previous" in labels and "Next ›" not in labels


async def test_the_card_shows_seats_in_the_readers_language_and_time(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20, capacity=25)
    chatter = make_chatter(language_code="ru")
    await UserRepository(db).upsert_seen(chatter.user.id, "ru")
    sent = await chatter.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    card = next(r for r in sent if not isinstance(r, AnswerCallbackQuery))
    assert "Transit (RU)" in card.text and "Осталось 25 мест из 25" in card.text
    assert "✍️ Записаться" in buttons(card)


async def test_organiser_marks_attendance_with_toggles(make_chatter, db):
    course_id = await publish_course(db, "Single Window", days=5)
    for user_id in (11, 12):
        await complete_profile(db, user_id)
        await make_chatter(user_id=user_id).press(
            CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
        )
    organiser = make_chatter(user_id=ORGANISER_ID)
    sent = await organiser.press(
        AdminCourseCb(action=AdminAction.ATTENDANCE, course_id=course_id).pack()
    )
    toggles = buttons(sent[-1])
    assert "▫️ Ion 11" in toggles and "▫️ Ion 12" in toggles
    sent = await organiser.press(toggles["▫️ Ion 11"])
    markup = next(r for r in sent if isinstance(r, EditMessageReplyMarkup))
    assert "✅ Ion 11" in buttons(markup)
    assert (await RegistrationRepository(db).get(course_id, 11)).attended


async def test_forged_course_buttons_change_nothing(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=20, capacity=1)
    await complete_profile(db, 21)
    stranger = make_chatter(user_id=21)
    for data in (
        CourseCb(action=CourseAction.SIGN_UP, course_id=999).pack(),
        CourseCb(action=CourseAction.CANCEL_YES, course_id=course_id).pack(),  # not signed up
        AdminCourseCb(action=AdminAction.CANCEL_YES, course_id=course_id).pack(),
        AdminCourseCb(action=AdminAction.TOGGLE, course_id=course_id, arg="21").pack(),
        "crs1:up:notanumber:0",
    ):
        sent = await stranger.press(data)
        assert any(isinstance(r, AnswerCallbackQuery) for r in sent), data
        assert not any(isinstance(r, SendMessage) and "✅" in r.text for r in sent), data
    course = await CourseRepository(db).get(course_id)
    assert course is not None and course.status == CourseStatus.PUBLISHED
    assert (await RegistrationRepository(db).counts(course_id)).confirmed == 0


@pytest.mark.parametrize("title", ["Transit", ("Customs transit procedures " * 5)[:120]])
async def test_a_waitlisted_sign_up_is_an_alert_with_the_position(make_chatter, db, title):
    """Issue 13: a pop-up holds 200 characters; with the title in it, a long title made the
    sign-up look failed ("Something went wrong") although the person was on the list."""
    course_id = await publish_course(db, title, days=20, capacity=1)
    for user_id in (31, 32):
        await complete_profile(db, user_id)
    await make_chatter(user_id=31).press(
        CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
    )
    sent = await make_chatter(user_id=32).press(
        CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
    )
    alert = next(r for r in sent if isinstance(r, AnswerCallbackQuery))
    assert alert.show_alert and "Your number on the waiting list: 1" in alert.text
    assert len(alert.text) <= 200
    assert any("Your number on the waiting list: 1" in text for text in texts(sent))


def test_sign_up_pop_ups_fit_telegrams_200_characters_in_both_languages(localizations):
    """Issue 13: the pop-ups after a sign-up or a cancellation carry no title of unbounded
    length, so they fit in any language with any number."""
    for locale in localizations.locales:
        t = localizations.get(locale)
        assert len(t.plain("signup-waitlisted-alert", position=99999)) <= 200
        assert len(t.plain("signup-cancelled")) <= 200


async def test_answering_no_to_still_coming_frees_the_seat_for_the_next_in_line(make_chatter, db):
    course_id = await publish_course(db, "Transit", days=5, capacity=1)
    for user_id in (41, 42):
        await complete_profile(db, user_id)
        await make_chatter(user_id=user_id).press(
            CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
        )
    sent = await make_chatter(user_id=41).press(
        CourseCb(action=CourseAction.NOT_COMING, course_id=course_id).pack()
    )
    assert any("is freed" in text for text in texts(sent))
    registrations = RegistrationRepository(db)
    assert (await registrations.get(course_id, 41)).status == "cancelled"
    assert (await registrations.get(course_id, 42)).status == "confirmed"
    sent = await make_chatter(user_id=42).press(
        CourseCb(action=CourseAction.COMING, course_id=course_id).pack()
    )
    assert any("see you at “Transit”" in text for text in texts(sent))


async def test_a_press_too_old_to_answer_still_does_its_work(make_chatter, db):
    """After a crash an update can be handled again; answering its button press then fails
    ("query is too old"), and the sign-up and the card must not fail with it."""
    from aiogram.exceptions import TelegramBadRequest

    course_id = await publish_course(db, "Transit", days=10)
    await complete_profile(db, 777)
    chatter = make_chatter(user_id=777)
    chatter.session.failures[AnswerCallbackQuery] = TelegramBadRequest(
        method=None,  # type: ignore[arg-type]
        message="Bad Request: query is too old and response timeout expired",
    )
    replies = await chatter.press(
        CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
    )
    assert await RegistrationRepository(db).get(course_id, 777) is not None
    assert any("signed up" in text for text in texts(replies))
    assert not any("Something went wrong" in text for text in texts(replies))


async def test_cancelling_after_the_start_says_it_has_started_and_changes_nothing(
    make_chatter, db
):
    """Issue 11: the reminder's "Cancel my place", /my → cancel and "No" after the start."""
    course_id = await publish_course(db, "Transit", days=5, capacity=1)
    for user_id in (41, 42):
        await complete_profile(db, user_id)
        await make_chatter(user_id=user_id).press(
            CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
        )
    chatter = make_chatter(user_id=41)
    course = await CourseRepository(db).get(course_id)
    chatter.dp["signups"].clock = ManualClock(course.starts_at + timedelta(minutes=30))
    for action in (CourseAction.CANCEL, CourseAction.CANCEL_YES, CourseAction.NOT_COMING):
        sent = await chatter.press(CourseCb(action=action, course_id=course_id).pack())
        answers = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
        assert [a.text for a in answers] == [
            "This course has already started, so your place can no longer be cancelled."
            " Nothing has changed."
        ], action
    registrations = RegistrationRepository(db)
    assert (await registrations.get(course_id, 41)).status == "confirmed"
    assert (await registrations.get(course_id, 42)).status == "waitlisted"
    assert await db.fetch_all("SELECT id FROM outbox") == []


async def test_a_button_with_an_absurd_number_gets_not_found_without_an_error_log(
    make_chatter, db, caplog
):
    """Issue 11: numbers beyond SQLite's int64 in any button are refused, not a traceback."""
    huge = "9" * 30
    await complete_profile(db, 51)
    chatter = make_chatter(user_id=51)
    organiser = make_chatter(user_id=ORGANISER_ID)
    pressed = [
        (chatter, f"crs1:view:{huge}:0"),
        (chatter, f"crs1:list:0:{huge}"),
        (chatter, f"crs1:up:-{huge}:0"),
        (chatter, f"svy1:start:{huge}:0:0:0"),
        (chatter, f"cty1::{huge}"),
        (chatter, f"tz1:{huge}"),
        (organiser, f"adc1:view:{huge}:0:"),
        (organiser, f"adc1:list:0:{huge}:"),
        (organiser, f"sva1:res:{huge}::0"),
        (organiser, f"sva1:tpl:0:{huge}:0"),  # a number in a text field
    ]
    for who, data in pressed:
        sent = await who.press(data)
        answers = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
        assert [a.text for a in answers] == ["This item no longer exists."], data
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_what_a_draft_lacks_for_publishing_is_named_by_its_labels(make_chatter, db):
    """Issue 13: "To publish, add: title_ru, description_ru" showed the names code uses; the
    organiser reads the fields' labels, in their language."""
    course_id = await publish_course(db, "Transit", days=20)
    await CourseRepository(db).update(
        course_id, {"title_ru": None, "description_ru": None}, bump_revision=False
    )
    await CourseRepository(db).set_status(course_id, CourseStatus.DRAFT)
    organiser = make_chatter(ORGANISER_ID)
    card = await organiser.press(
        AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
    )
    refused = await organiser.press(
        AdminCourseCb(action=AdminAction.PUBLISH, course_id=course_id).pack()
    )
    shown = " ".join(texts(card) + texts(refused))
    assert "To publish, add: Title (RU), Description (RU)" in shown
    assert "Before publishing, add: Title (RU), Description (RU)." in shown
    assert "title_ru" not in shown and "description_ru" not in shown


async def test_someone_on_the_waiting_list_leaves_it_with_its_own_words(make_chatter, db):
    """Issue 13: a waitlisted officer was offered "Can't come? Cancel my place" and told their
    seat would go to the next person; they have no seat: they leave the waiting list."""
    course_id = await publish_course(db, "Transit", days=20, capacity=1)
    for user_id in (51, 52):
        await complete_profile(db, user_id)
    sign_up = CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
    await make_chatter(user_id=51).press(sign_up)
    waiting = make_chatter(user_id=52)
    card = await waiting.press(sign_up)
    assert "Leave the waiting list" in buttons(card[-1]) and not any(
        "Cancel my place" in b for b in buttons(card[-1])
    )
    asked = await waiting.press(CourseCb(action=CourseAction.CANCEL, course_id=course_id).pack())
    question = " ".join(texts(asked))
    assert "Leave the waiting list for “Transit”?" in question and "seat will go" not in question
    assert "Yes, leave the waiting list" in buttons(asked[-1])
    left = await waiting.press(
        CourseCb(action=CourseAction.CANCEL_YES, course_id=course_id).pack()
    )
    assert "You have left the waiting list" in " ".join(texts(left))
    counts = await RegistrationRepository(db).counts(course_id)
    assert counts.confirmed == 1 and counts.waitlisted == 0


async def test_a_refused_answer_in_the_course_dialog_says_how_to_go_on(make_chatter):
    """Issue 13: "The start is in the past." arrived alone; every refused dialog answer also
    says what to do next."""
    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/newcourse")
    for answer in ("Transit", "Транзит", "Procedures.", "Процедуры.", "Europe/Chisinau"):
        await organiser.send(answer)
    sent = await organiser.send("2020-01-15 09:00")
    refused = texts(sent)[0]
    assert "past" in refused and "Send another value, or /cancel to stop." in refused
    assert refused[0].isupper(), refused  # said on its own, it begins a sentence
