"""A course title with markup characters, through the production Dispatcher: messages carry it
escaped once (Telegram parses them and shows the title as typed), alerts carry it as typed."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage

from bot.ui.callbacks import CourseAction, CourseCb
from tests.e2e.emulator import parse_html
from tests.handlers.test_courses import complete_profile, publish_course

TITLE = 'R&D <2022> "HS" </b>'


def shown(requests) -> list[str]:
    """The texts and captions as Telegram shows them (parse_html raises where it would refuse)."""
    out = []
    for request in requests:
        if isinstance(request, (SendMessage, EditMessageText)):
            out.append(parse_html(request.text)[0])
        elif isinstance(request, SendDocument) and request.caption:
            out.append(parse_html(request.caption)[0])
    return out


def alerts(requests) -> list[str]:
    return [r.text for r in requests if isinstance(r, AnswerCallbackQuery) and r.text]


async def test_sign_up_and_cancel_show_a_title_with_markup_as_typed(make_chatter, db):
    """Guards the escaping moved into t() for issue 11: escaped once in messages, never in
    alerts (which Telegram shows as plain text)."""
    course_id = await publish_course(db, TITLE, days=20, capacity=1)
    for user_id in (41, 42):
        await complete_profile(db, user_id)
    sign_up = CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()

    confirmed = await make_chatter(user_id=41).press(sign_up)
    assert any(f"“{TITLE}”" in text for text in shown(confirmed))  # the calendar file's caption

    waiting = await make_chatter(user_id=42).press(sign_up)
    (alert,) = alerts(waiting)
    # Issue 13: the pop-up names no title (200 characters at most); the card under it does.
    assert "waiting list: 1" in alert and "&lt;" not in alert and TITLE not in alert
    assert all(TITLE in text for text in shown(waiting))  # the card, edited

    cancel = CourseCb(action=CourseAction.CANCEL_YES, course_id=course_id).pack()
    cancelled = await make_chatter(user_id=41).press(cancel)
    (alert,) = alerts(cancelled)
    assert "cancelled" in alert and "&amp;" not in alert
    assert shown(cancelled) and all(TITLE in text for text in shown(cancelled))
