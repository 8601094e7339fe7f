"""Groups, supergroups and channels: one "write to me privately" answer, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.methods import AnswerCallbackQuery, GetMe, SendMessage
from aiogram.types import Chat, Message, MessageEntity

from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    CourseAction,
    CourseCb,
    MenuAction,
    MenuCb,
)
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import BOT_USER, Chatter, buttons
from tests.handlers.test_courses import complete_profile, publish_course

GROUP_TEXT = "I only work in a private chat with you. Please write to me there."
GROUP_ID = -1001234567890


def in_group(chatter: Chatter, text: str, chat_type: str) -> dict:
    entities = None
    if text.startswith("/"):
        entities = [MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))]
    message = chatter._message(text=text)
    message["chat"] = {"id": GROUP_ID, "type": chat_type, "title": "Customs officers"}
    if entities:
        message["entities"] = [e.model_dump(exclude_none=True) for e in entities]
    return message


def group_message() -> Message:
    return Message(
        message_id=5,
        date=datetime.now(UTC),
        chat=Chat(id=GROUP_ID, type="supergroup", title="Customs officers"),
        from_user=BOT_USER,
        text="...",
    )


@pytest.mark.parametrize("chat_type", ["group", "supergroup"])
async def test_commands_in_a_group_get_only_the_write_privately_answer(
    make_chatter, db, chat_type
):
    """Issue 11: no profile, participant list or organiser screen in a shared chat."""
    await complete_profile(db, 61)
    officer = make_chatter(user_id=61)
    organiser = make_chatter(user_id=ORGANISER_ID)
    await publish_course(db, "Transit", days=10)
    for who, text in (
        (officer, "/start"),
        (officer, "/profile"),
        (officer, "/my"),
        (officer, "/courses@courses_test_bot"),
        (officer, "/forget"),
        (officer, "hello"),
        (organiser, "/admin"),
        (organiser, "/stats"),
        (organiser, "/audit"),
        (organiser, "/announce"),
    ):
        sent = [
            r for r in await who.feed(in_group(who, text, chat_type)) if not isinstance(r, GetMe)
        ]
        assert len(sent) == 1 and isinstance(sent[0], SendMessage), text
        assert sent[0].chat_id == GROUP_ID and sent[0].text == GROUP_TEXT, text
        assert buttons(sent[0]) == {"💬 Open a private chat": ""}, text
        assert sent[0].reply_markup.inline_keyboard[0][0].url == "https://t.me/courses_test_bot"


async def test_button_presses_in_a_group_get_an_alert_and_nothing_else(make_chatter, db):
    """Issue 11: an old button in a group shows nothing personal and changes nothing."""
    course_id = await publish_course(db, "Transit", days=10)
    await complete_profile(db, 62)
    organiser = make_chatter(user_id=ORGANISER_ID)
    officer = make_chatter(user_id=62, language_code="ru")
    for who, data in (
        (organiser, AdminCourseCb(action=AdminAction.PARTICIPANTS, course_id=course_id).pack()),
        (organiser, AdminCourseCb(action=AdminAction.LIST).pack()),
        (officer, CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()),
        (officer, MenuCb(action=MenuAction.PROFILE).pack()),
    ):
        sent = await who.press(data, message=group_message())
        assert len(sent) == 1 and isinstance(sent[0], AnswerCallbackQuery), data
        assert sent[0].show_alert, data
    assert sent[0].text == "Я работаю только в личном чате. Пожалуйста, напишите мне туда."
    assert await db.fetch_all("SELECT id FROM registrations") == []


async def test_someone_only_seen_in_a_group_leaves_no_row(make_chatter, db):
    """Issue 11: before consent the bot stores only people who talk to it in private; a
    command or a button in a shared chat stores nothing about the sender."""
    stranger = make_chatter(user_id=63)
    await stranger.feed(in_group(stranger, "/start", "supergroup"))
    await stranger.press(MenuCb(action=MenuAction.PROFILE).pack(), message=group_message())
    assert await db.fetch_all("SELECT id FROM users WHERE id = 63") == []
    await stranger.send("/start")  # the private chat is where the row begins
    assert len(await db.fetch_all("SELECT id FROM users WHERE id = 63")) == 1
