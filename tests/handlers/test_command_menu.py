"""Issue 13: the command menu speaks the language chosen in the bot, and lists /menu."""

from __future__ import annotations

import logging

from aiogram.exceptions import TelegramRetryAfter, TelegramServerError
from aiogram.methods import DeleteMyCommands, SendMessage, SetMyCommands
from aiogram.types import BotCommandScopeChat

from bot.commands import register_commands
from bot.ui.callbacks import ForgetCb, LanguageCb
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import texts
from tests.handlers.test_nominations import profile


def _chat_menus(requests: list[object], chat_id: int) -> list[SetMyCommands]:
    return [
        r
        for r in requests
        if isinstance(r, SetMyCommands)
        and isinstance(r.scope, BotCommandScopeChat)
        and r.scope.chat_id == chat_id
    ]


async def test_choosing_russian_sets_this_chats_command_menu_in_russian(make_chatter):
    chatter = make_chatter(language_code="en")
    await chatter.send("/start")
    sent = await chatter.press(LanguageCb(code="ru").pack())
    (menu,) = _chat_menus(sent, chatter.user.id)
    # For any app language: a chat scope without language_code.
    assert menu.language_code is None
    described = {c.command: c.description for c in menu.commands}
    assert described["courses"] == "Курсы, открытые для записи"
    assert described["menu"] == "Главное меню"
    assert "newcourse" not in described  # not an organiser


async def test_choosing_english_on_a_russian_phone_gives_an_english_menu(make_chatter):
    chatter = make_chatter(language_code="ru")
    await chatter.send("/start")
    sent = await chatter.press(LanguageCb(code="en").pack())
    (menu,) = _chat_menus(sent, chatter.user.id)
    assert {c.command: c.description for c in menu.commands}["my"] == "My courses"


async def test_an_organisers_menu_follows_the_chosen_language_over_the_apps(make_chatter):
    organiser = make_chatter(user_id=ORGANISER_ID, language_code="en")
    sent = await organiser.press(LanguageCb(code="ru").pack())
    (menu,) = _chat_menus(sent, ORGANISER_ID)
    described = {c.command: c.description for c in menu.commands}
    assert described["newcourse"] == "Создать курс (для организаторов)"
    # The per-app-language organiser menus of start-up would win over it: they are removed.
    removed = [r for r in sent if isinstance(r, DeleteMyCommands)]
    assert {r.language_code for r in removed} == {"en", "ru"}
    assert all(isinstance(r.scope, BotCommandScopeChat) for r in removed)


async def test_an_organisers_start_keeps_the_menu_in_their_chosen_language(make_chatter):
    organiser = make_chatter(user_id=ORGANISER_ID, language_code="en")
    await organiser.send("/start")
    await organiser.press(LanguageCb(code="ru").pack())
    sent = await organiser.send("/start")
    menus = _chat_menus(sent, ORGANISER_ID)
    assert [m.language_code for m in menus] == [None]
    assert {c.command: c.description for c in menus[0].commands}["admin"].startswith("Все курсы")


async def test_a_refused_menu_update_does_not_break_the_language_change(make_chatter, caplog):
    chatter = make_chatter(language_code="en")
    await chatter.send("/start")
    for failure in (
        TelegramRetryAfter(SetMyCommands(commands=[]), "Too Many Requests", retry_after=1),
        TelegramServerError(SetMyCommands(commands=[]), "Bad Gateway"),
    ):
        chatter.session.failures[SetMyCommands] = failure
        with caplog.at_level(logging.WARNING):
            sent = await chatter.press(LanguageCb(code="ru").pack())
        assert "Язык бота: русский." in texts(sent)
        assert "Что вы хотите сделать?" in texts(sent)
        assert "Could not set the command menu" in caplog.text
        # The menu is tried after the reply: a 429 waited out never holds the reply back.
        menu_tried = next(i for i, r in enumerate(sent) if isinstance(r, SetMyCommands))
        assert menu_tried > max(i for i, r in enumerate(sent) if isinstance(r, SendMessage))


async def test_help_lists_the_menu_command_in_both_languages(make_chatter):
    chatter = make_chatter(language_code="en")
    await chatter.send("/start")
    await chatter.press(LanguageCb(code="en").pack())
    assert "/menu — the main menu" in (await chatter.send("/help"))[0].text
    await chatter.press(LanguageCb(code="ru").pack())
    assert "/menu — главное меню" in (await chatter.send("/help"))[0].text


async def test_forget_removes_the_chats_own_menu(make_chatter):
    """/forget deletes the language chosen in the bot; the chat's own menu in that language
    (kept by Telegram) goes with it."""
    chatter = make_chatter(language_code="en")
    await chatter.send("/start")
    await chatter.press(LanguageCb(code="ru").pack())
    sent = await chatter.press(ForgetCb(confirm=True).pack())
    removed = [r for r in sent if isinstance(r, DeleteMyCommands)]
    assert len(removed) == 1
    assert removed[0].scope == BotCommandScopeChat(chat_id=chatter.user.id)
    assert removed[0].language_code is None


async def test_an_organiser_who_is_a_focal_point_keeps_nominate_after_start(make_chatter, db):
    """Review of issue 14: /start set the organiser's menu without /nominate."""
    organiser = make_chatter(user_id=ORGANISER_ID, language_code="en")
    await organiser.send("/start")
    await profile(db, ORGANISER_ID, "md", "Olena Organiser")
    assert await organiser.dp["nominations"].appoint(ORGANISER_ID, "md", ORGANISER_ID)
    sent = await organiser.send("/start")
    (menu, *_) = _chat_menus(sent, ORGANISER_ID)
    commands = {c.command for c in menu.commands}
    assert {"nominate", "admin", "focalpoints"} <= commands


async def test_restarting_keeps_nominate_in_an_organiser_focal_points_menu(
    make_chatter, localizations
):
    organiser = make_chatter(user_id=ORGANISER_ID, language_code="en")
    mark = organiser.mark()
    await register_commands(
        organiser.bot, localizations, {ORGANISER_ID: "en", 900002: None}, "en", {ORGANISER_ID}
    )
    sent = organiser.session.requests[mark:]
    (menu,) = _chat_menus(sent, ORGANISER_ID)
    assert "nominate" in {c.command for c in menu.commands}
    assert all(
        "nominate" not in {c.command for c in m.commands} for m in _chat_menus(sent, 900002)
    )
