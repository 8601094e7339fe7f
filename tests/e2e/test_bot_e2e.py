"""The real `python -m bot` process, talking HTTP to the Bot API emulator, used as people do."""

from __future__ import annotations

import json
import signal

import pytest

from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e import steps
from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e


async def test_first_start_answers_russian_and_english_users_in_their_language(
    running_bot, make_user
):
    aigerim = make_user(1001, "Aigerim", "ru")
    ana = make_user(1002, "Ana", "pt-br")
    aigerim.send("/start")
    ana.send("/start")
    ru = await aigerim.expect("Здравствуйте, Aigerim!")
    en = await ana.expect("Welcome, Ana!")
    assert ru.button_texts() == en.button_texts() == ["English", "Русский"]


async def test_language_switch_applies_to_the_very_next_reply(running_bot, make_user):
    user = make_user(1003, "Giorgi", "en")
    user.send("/start")
    await user.expect("Welcome, Giorgi!")
    user.press("Русский")
    await user.expect_edit("Язык бота: русский.")
    menu = await user.expect("Что вы хотите сделать?")
    assert "👤 Профиль" in menu.button_texts()
    user.send("/language")
    await user.expect("Выберите язык бота")
    user.press("English")
    await user.expect_edit("The bot now speaks English.")
    user.send("/help")
    await user.expect("Training courses of ROCB Europe and the Permanent Secretariat")


async def test_profile_needs_consent_and_survives_a_restart_with_the_language(
    bot: BotProcess, make_user
):
    await bot.start()
    user = make_user(1004, "Aigerim", "ru")
    user.send("/start")
    await user.expect("Здравствуйте")
    user.press("Русский")
    await user.expect("Что вы хотите сделать?")
    await steps.fill_russian_profile(user)
    card = await user.expect("Ваш профиль")
    assert "Казахстан" in card.plain_text and "Алматы (UTC+5)" in card.plain_text
    assert "Asia/" not in card.plain_text  # issue 13: the zone by its city

    assert await bot.stop() == 0
    await bot.start()
    user.language_code = "en"  # Telegram now reports English; the stored choice must win
    user.send("/profile")
    card = await user.expect("Ваш профиль")
    assert "Садыкова Айгерим Нурлановна" in card.plain_text
    assert "Комитет государственных доходов" in card.plain_text


async def test_a_dialog_left_half_way_continues_after_a_restart(bot: BotProcess, make_user):
    await bot.start()
    user = make_user(1005, "Elnur", "en")
    user.send("/profile")
    await user.expect("Before we store your profile")
    user.press("✅ I agree")
    await steps.answer_profile_questions(user, ["Elnur Mammadov"])
    await user.expect("Your country")
    assert await bot.stop() == 0
    await bot.start()
    user.send("Azerbaijan")  # the answer to the question asked before the restart
    await user.expect("Your customs administration")


async def test_forget_deletes_personal_data_after_confirmation(running_bot, make_user):
    user = make_user(1006, "Aigerim", "ru")
    await steps.fill_russian_profile(user)
    user.send("/forget")
    await user.expect("Удалить ваши персональные данные?")
    user.press("Да, удалить")
    done = await user.emu.wait_for(
        lambda: next((m for m in user.messages() if "данные удалены" in m.plain_text), None)
    )
    assert "отправьте /start — всё начнётся сначала" in done.plain_text
    user.send("/profile")  # issue 11: nothing but /start brings a forgotten person back
    await user.expect("Пожалуйста, отправьте /start, чтобы начать.")
    user.send("/start")
    await user.expect("Здравствуйте, Aigerim!")
    user.send("/profile")
    await user.expect("Прежде чем сохранить ваш профиль")  # consent is asked again


async def test_unexpected_content_always_gets_a_localized_hint(running_bot, make_user):
    user = make_user(1007, "Ana", "en")
    for push in (user.send_sticker, user.send_photo, user.send_voice, user.send_location):
        push()
        await user.expect("I only understand buttons and commands here")
    user.send("hello?")
    await user.expect("I only understand buttons and commands here")
    user.press_data("crs1:forged:999", user.messages()[-1])
    answer = await user.callback_answer()
    assert "out of date" in answer.params["text"]


async def test_a_non_organiser_gets_the_unknown_command_reply_and_the_attempt_is_logged(
    running_bot: BotProcess, make_user
):
    stranger = make_user(1008, "Ivan", "ru")
    stranger.send("/whatever")
    unknown = await stranger.expect("Такой команды нет")
    stranger.send("/stats")
    attempt = await stranger.next_message()
    assert attempt.plain_text == unknown.plain_text
    await running_bot.emulator.wait_for(
        lambda: "tried organiser command /stats" in running_bot.log()
    )

    organiser = make_user(ORGANISER_ID, "Olena", "en")
    organiser.send("/stats")
    stats = await organiser.expect("started the bot")
    assert "2 users have started the bot" in stats.plain_text


def _menus(emulator: BotAPIEmulator) -> dict[tuple[str, str | None], list[str]]:
    """The descriptions each accepted setMyCommands call left, by (scope, language_code)."""
    return {
        (
            json.dumps(c.params.get("scope") or {"type": "default"}),
            c.params.get("language_code"),
        ): [cmd["description"] for cmd in c.params["commands"]]
        for c in emulator.calls_to("setMyCommands")
        if c.ok
    }


async def _chat_menu(emulator: BotAPIEmulator, chat_id: int, including: str) -> list[str]:
    """The descriptions of the chat's own menu once one including `including` is set."""
    scope = json.dumps({"type": "chat", "chat_id": chat_id})
    return await emulator.wait_for(
        lambda: (menu := _menus(emulator).get((scope, None))) and including in menu and menu
    )


async def test_command_menus_are_registered_in_both_languages_and_for_organisers(
    running_bot, make_user, emulator: BotAPIEmulator
):
    by_scope = _menus(emulator)
    default = json.dumps({"type": "default"})
    assert "Courses open for sign-up" in by_scope[(default, None)]
    assert "Курсы, открытые для записи" in by_scope[(default, "ru")]
    assert "Главное меню" in by_scope[(default, "ru")]  # /menu
    # Before the organiser's first message Telegram has no chat to scope a menu to.
    refused = [c for c in emulator.calls_to("setMyCommands") if not c.ok]
    assert refused and all(str(ORGANISER_ID) in json.dumps(c.params["scope"]) for c in refused)

    # Issue 13: the menu follows the language chosen in the bot, not the app's.
    await steps.join_organiser(make_user, language="ru")  # a Russian choice on an English app
    # The menu is set after the reply (a 429 on it must not hold the reply back): wait for it.
    menu = await _chat_menu(emulator, ORGANISER_ID, "Создать курс (для организаторов)")
    assert "Главное меню" in menu
    await emulator.wait_for(lambda: emulator.calls_to("deleteMyCommands"))  # app-language ones

    officer = make_user(1010, "Ana", "ru")
    await steps.join(officer, "English")
    officer_menu = await _chat_menu(emulator, 1010, "Courses open for sign-up")
    assert not any("organisers" in d for d in officer_menu)


async def test_sigterm_lets_the_update_in_flight_finish_and_exits_zero(
    running_bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    await steps.sigterm_while_replying(running_bot, emulator, make_user(1009, "Ana", "en"))


async def test_a_restart_does_not_handle_the_same_update_twice(
    bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    await bot.start()
    user = make_user(1010, "Ana", "en")
    user.send("/help")
    await user.expect("/courses")
    assert await bot.stop() == 0
    await bot.start()
    user.send("/cancel")
    await user.expect("nothing to cancel")
    helps = [m for m in user.messages() if "/courses" in m.plain_text]
    assert len(helps) == 1


async def test_a_user_who_blocked_the_bot_does_not_stop_it(
    running_bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    blocked = make_user(1011, "Ana", "en")
    emulator.fail_chat(blocked.user_id, "403")
    blocked.send("/start")
    await emulator.wait_for_call("sendMessage", predicate=lambda c: c.status == 403)
    other = make_user(1012, "Ivan", "ru")
    other.send("/start")
    await other.expect("Здравствуйте, Ivan!")


async def test_server_errors_on_polling_are_retried(
    running_bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    emulator.fail_method("getUpdates", "502", times=2)
    user = make_user(1013, "Ana", "en")
    user.send("/start")
    await user.expect("Welcome, Ana!", timeout=30)


async def test_the_token_never_appears_in_the_log(bot: BotProcess, make_user):
    await bot.start(LOG_LEVEL="DEBUG")
    user = make_user(1014, "Ana", "en")
    user.send("/start")
    await user.expect("Welcome")
    assert await bot.stop() == 0
    assert TEST_TOKEN not in bot.log()
    assert TEST_TOKEN.split(":")[1] not in bot.log()


async def test_without_a_token_the_bot_points_to_botfather_and_exits_2(bot: BotProcess):
    process = await bot.spawn(BOT_TOKEN="")
    assert await bot.wait_exit() == 2
    output = bot.log().split("--- run 1 ---\n", 1)[1]
    assert output.strip().splitlines() == [
        "BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot) "
        "and put BOT_TOKEN=<the token it gives you> into .env"
    ]
    assert process.returncode == 2


@pytest.mark.parametrize(
    ("variable", "value"),
    [("ADMIN_IDS", "abc"), ("DEFAULT_LOCALE", "de"), ("DEFAULT_TIMEZONE", "Europe/Atlantis")],
)
async def test_bad_configuration_fails_with_one_line_naming_the_variable(
    bot: BotProcess, variable, value
):
    await bot.spawn(**{variable: value})
    assert await bot.wait_exit() == 2
    lines = bot.log().split("--- run 1 ---\n", 1)[1].strip().splitlines()
    assert len(lines) == 1 and variable in lines[0] and "Traceback" not in lines[0]


async def test_replies_survive_flood_control_and_server_errors(
    running_bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    user = make_user(1015, "Ana", "en")
    await steps.start_in_english(user)
    # Two replies in a row to one chat: the second is refused with 429 retry_after=1.
    emulator.rate_limit(per_chat_interval=1.0)
    emulator.fail_chat(user.user_id, "502", times=1)
    user.send("/start")
    await user.expect("Welcome")
    await user.expect("What would you like to do?")
    assert emulator.too_many_requests >= 1
    assert any(c.status == 502 for c in emulator.calls_to("sendMessage"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
async def test_stop_signals_end_the_bot_cleanly(running_bot: BotProcess, sig):
    assert await running_bot.stop(sig) == 0
    assert "database closed" in running_bot.log()
    assert "Traceback" not in running_bot.log()


async def test_a_token_the_server_rejects_exits_2_with_a_hint(bot: BotProcess):
    await bot.spawn(BOT_TOKEN="42:wrong-token-for-this-server")
    assert await bot.wait_exit() == 2
    assert "Telegram rejected BOT_TOKEN" in bot.log()
    assert "wrong-token-for-this-server" not in bot.log()


async def test_a_double_tap_changes_nothing_and_raises_no_apology(
    running_bot: BotProcess, make_user, emulator: BotAPIEmulator
):
    user = make_user(1016, "Ana", "en")
    user.send("/profile")
    consent = await user.expect("Before we store your profile")
    user.press("✅ I agree", consent)
    user.press("✅ I agree", consent)  # the second tap arrives before the keyboard is gone
    await user.expect("Your full name")
    await emulator.wait_for_call(
        "editMessageReplyMarkup", predicate=lambda call: call.status == 400, since=0
    )
    user.send("/cancel")
    await user.expect("Stopped.")
    texts = [m.plain_text for m in user.messages()]
    assert sum("Your full name" in t for t in texts) == 1
    assert not any("Something went wrong" in t for t in texts)
