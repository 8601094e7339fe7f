"""Where a course takes place, through the production Dispatcher (issue 13): the online link
only for confirmed participants, and hybrid courses with a venue and a link."""

from __future__ import annotations

from typing import Any

from aiogram.methods import AnswerCallbackQuery, SendDocument, SendMessage, TelegramMethod
from aiogram.types import BufferedInputFile
from icalendar import Calendar

from bot.ui.callbacks import AdminAction, AdminCourseCb, CourseAction, CourseCb
from storage.courses import Course, CourseRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import Chatter, texts
from tests.handlers.test_courses import complete_profile, publish_course

LINK = "https://meet.example.org/risk-2027"


async def online_course(db, capacity: int = 1, venue: str | None = None) -> int:
    course_id = await publish_course(db, "Risk management", days=20, capacity=capacity)
    await CourseRepository(db).update(
        course_id, {"venue": venue, "online_url": LINK}, bump_revision=False
    )
    return course_id


async def stored(db, course_id: int) -> Course:
    course = await CourseRepository(db).get(course_id)
    assert course is not None
    return course


async def participant(make_chatter, db, user_id: int) -> Chatter:
    await complete_profile(db, user_id)
    return make_chatter(user_id=user_id)


def press_data(action: CourseAction, course_id: int) -> str:
    return CourseCb(action=action, course_id=course_id).pack()


async def card_of(chatter: Chatter, course_id: int) -> str:
    sent = await chatter.press(press_data(CourseAction.VIEW, course_id))
    (card,) = [r for r in sent if not isinstance(r, AnswerCallbackQuery)]
    assert card.text is not None
    return str(card.text)


def ics_event(requests: list[TelegramMethod[Any]]) -> Any:
    (document,) = [r for r in requests if isinstance(r, SendDocument)]
    assert isinstance(document.document, BufferedInputFile)
    (event,) = Calendar.from_ical(document.document.data).events
    return event


async def test_only_confirmed_participants_see_the_online_link_in_the_card(make_chatter, db):
    course_id = await online_course(db, capacity=1)
    confirmed = await participant(make_chatter, db, 601)
    waiting = await participant(make_chatter, db, 602)
    stranger = await participant(make_chatter, db, 603)
    signed_up = await confirmed.press(press_data(CourseAction.SIGN_UP, course_id))
    await waiting.press(press_data(CourseAction.SIGN_UP, course_id))

    # The same course, language and time zone for all three: the cached card head must not
    # hand one reader's link to another.
    assert LINK in await card_of(confirmed, course_id)
    waiting_card = await card_of(waiting, course_id)
    assert LINK not in waiting_card
    assert "you will get the link as soon as a seat is yours" in waiting_card
    stranger_card = await card_of(stranger, course_id)
    assert LINK not in stranger_card
    assert "the link is given to signed-up participants" in stranger_card
    assert all(LINK not in text for text in texts(await waiting.send("/courses")))
    # The sign-up's confirmation and its calendar file carry the link.
    (document,) = [r for r in signed_up if isinstance(r, SendDocument)]
    assert document.caption is not None and LINK in document.caption
    assert ics_event(signed_up)["URL"] == LINK


async def test_a_confirmation_too_long_for_a_caption_comes_before_its_calendar_file(
    make_chatter, db
):
    course_id = await online_course(db, capacity=1, venue="V" * 300)
    await CourseRepository(db).update(
        course_id, {"title_en": "T" * 200, "online_url": LINK + "?" + "x" * 400}, False
    )
    officer = await participant(make_chatter, db, 601)
    sent = await officer.press(press_data(CourseAction.SIGN_UP, course_id))
    text, document = [r for r in sent if isinstance(r, (SendMessage, SendDocument))][:2]
    assert isinstance(text, SendMessage) and "x" * 400 in text.text
    assert isinstance(document, SendDocument) and document.caption is None


async def test_a_calendar_file_asked_for_without_a_seat_has_no_online_link(make_chatter, db):
    course_id = await online_course(db, capacity=1, venue="Tashkent, Customs Academy")
    stranger = await participant(make_chatter, db, 603)
    # The button is only under confirmed people's cards; callback data can still be forged.
    event = ics_event(await stranger.press(press_data(CourseAction.CALENDAR, course_id)))
    assert "URL" not in event
    assert event["LOCATION"] == "Tashkent, Customs Academy"
    assert LINK not in event.to_ical().decode()


async def test_an_edited_place_takes_a_venue_and_a_link_together(make_chatter, db):
    course_id = await publish_course(db, "Risk management", days=20)
    organiser = make_chatter(user_id=ORGANISER_ID)
    edit = AdminCourseCb(action=AdminAction.EDIT_FIELD, course_id=course_id, arg="place")
    asked = texts(await organiser.press(edit.pack()))
    assert any("both on two lines" in text for text in asked)
    replies = await organiser.send(f"Tashkent, Customs Academy\n{LINK}")
    course = await stored(db, course_id)
    assert (course.venue, course.online_url) == ("Tashkent, Customs Academy", LINK)
    organiser_card = [r.text for r in replies if isinstance(r, SendMessage)][-1]
    assert "📍 Tashkent, Customs Academy" in organiser_card and LINK in organiser_card

    # One line, as many would type it, works as well.
    await organiser.press(edit.pack())
    await organiser.send(f"Baku, ROCB Europe training centre; {LINK}")
    course = await stored(db, course_id)
    assert (course.venue, course.online_url) == ("Baku, ROCB Europe training centre", LINK)

    stranger_card = await card_of(await participant(make_chatter, db, 603), course_id)
    assert "📍 Baku, ROCB Europe training centre" in stranger_card
    assert "💻 Online — the link is given to signed-up participants" in stranger_card
    assert LINK not in stranger_card
