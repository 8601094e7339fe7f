"""Tests of the Bot API emulator itself, driven by a real aiogram Bot over HTTP."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser

TOKEN = "7000000001:AAE-emulator-test-token"
USER_ID = 100200300


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data) for text, data in row]
            for row in rows
        ]
    )


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[BotAPIEmulator]:
    emulator = BotAPIEmulator(TOKEN)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest_asyncio.fixture
async def bot(emu: BotAPIEmulator) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url))
    client = Bot(TOKEN, session=session)
    yield client
    await client.session.close()


@pytest_asyncio.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def test_get_me(bot: Bot, emu: BotAPIEmulator) -> None:
    me = await bot.get_me()
    assert me.id == 7000000001
    assert me.is_bot
    assert me.username == "customs_courses_test_bot"
    assert emu.calls[-1].method == "getMe"
    assert emu.calls[-1].status == 200


async def test_long_polling_returns_promptly_when_update_pushed(
    bot: Bot, emu: BotAPIEmulator
) -> None:
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await emu.wait_for(lambda: emu.polling_waiters > 0, timeout=5)
    started = loop.time()
    user = FakeUser(emu, USER_ID)
    user.send("hello")
    updates = await asyncio.wait_for(poll, timeout=5)
    assert loop.time() - started < 2
    assert len(updates) == 1
    assert updates[0].message is not None
    assert updates[0].message.text == "hello"
    assert updates[0].message.from_user is not None
    assert updates[0].message.from_user.language_code == "ru"


async def test_get_updates_offset_confirmation(bot: Bot, emu: BotAPIEmulator) -> None:
    user = FakeUser(emu, USER_ID)
    for i in range(3):
        user.send(f"m{i}")
    assert emu.pending_updates() == 3

    first = await bot.get_updates(timeout=0)
    assert [u.update_id for u in first] == [1, 2, 3]
    assert emu.pending_updates() == 3  # not confirmed yet: redelivered

    again = await bot.get_updates(offset=3, timeout=0, limit=10)
    assert [u.update_id for u in again] == [3]
    assert emu.confirmed_offset == 3
    assert emu.pending_updates() == 1

    limited = await bot.get_updates(offset=1, timeout=0, limit=1)
    assert [u.update_id for u in limited] == [3]  # offset below confirmed: dropped stay dropped

    assert await bot.get_updates(offset=4, timeout=0) == []
    assert emu.pending_updates() == 0


async def test_superseded_long_poll_gets_conflict(bot: Bot, emu: BotAPIEmulator) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await emu.wait_for(lambda: emu.polling_waiters > 0, timeout=5)
    assert await bot.get_updates(timeout=0) == []
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, timeout=5)


async def test_send_message_html_and_markup_recorded(bot: Bot, emu: BotAPIEmulator) -> None:
    FakeUser(emu, USER_ID, first_name="Aziz").send("/start")
    sent = await bot.send_message(
        USER_ID,
        "  <b>Привет</b>, &lt;друг&gt; &amp; <a href='https://example.com'>link</a>\n",
        parse_mode="HTML",
        reply_markup=keyboard([("Yes", "answer:yes"), ("No", "answer:no")]),
    )
    assert sent.text == "Привет, <друг> & link"
    assert sent.chat.first_name == "Aziz"
    assert sent.from_user is not None
    assert sent.from_user.id == 7000000001
    assert sent.message_id == 2  # id 1 is the user's /start: one counter per chat
    assert sent.entities is not None
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 6),
        ("text_link", 17, 4),
    ]

    stored = emu.outbox[-1]
    assert emu.messages[(USER_ID, sent.message_id)] is stored
    assert stored.plain_text == "Привет, <друг> & link"
    assert stored.text is not None
    assert stored.text.startswith("  <b>Привет</b>")
    assert stored.parse_mode == "HTML"
    assert stored.button_texts() == ["Yes", "No"]
    assert stored.buttons()[0][1]["callback_data"] == "answer:no"
    call = emu.calls[-1]
    assert call.method == "sendMessage"
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["text"] == "Yes"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a <br> b", 'Unsupported start tag "br"'),
        ("1 < 2", 'Unsupported start tag ""'),
        ("<b>x</i>", "Unmatched end tag"),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
        # A course title put into a message unescaped (issue 11).
        ("«HS <2022> to HS 2027»", 'Unsupported start tag "2022" at byte offset 5'),
        ("Trade </b> facilitation", "Unexpected end tag at byte offset 6"),
        ("<b>HS</b> </b>", "Unexpected end tag"),
    ],
)
async def test_bad_html_rejected(bot: Bot, emu: BotAPIEmulator, text: str, error: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities") as caught:
        await bot.send_message(USER_ID, text, parse_mode="HTML")
    assert error in caught.value.message
    assert emu.outbox == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('R&D & "customs"', 'R&D & "customs"'),  # a lone '&' and quotes are kept as they are
        ("&lt;2022&gt; &amp; &quot;x&quot;", '<2022> & "x"'),
        ("a &lt b &amp c", "a < b & c"),  # TDLib reads the ';' as optional
        ("&ltx &copy; &#65;&#x42;&#X43;", "&ltx &copy; AB&#X43;"),
    ],
)
async def test_entities_read_as_telegram_reads_them(
    bot: Bot, emu: BotAPIEmulator, text: str, shown: str
) -> None:
    await bot.send_message(USER_ID, text, parse_mode="HTML")
    assert emu.outbox[-1].plain_text == shown


async def test_text_limits(bot: Bot, emu: BotAPIEmulator) -> None:
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(USER_ID, "   ")
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(USER_ID, "<b> </b>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(USER_ID, "x" * 4097)
    # the limit applies to the text after tags are stripped
    await bot.send_message(USER_ID, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    doc = BufferedInputFile(b"data", "a.txt")
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await bot.send_document(USER_ID, doc, caption="c" * 1025)


async def test_edit_not_modified_and_not_found(bot: Bot, emu: BotAPIEmulator) -> None:
    markup = keyboard([("Go", "go")])
    sent = await bot.send_message(USER_ID, "<b>Step 1</b>", parse_mode="HTML", reply_markup=markup)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            text="<b>Step 1</b>",
            chat_id=USER_ID,
            message_id=sent.message_id,
            parse_mode="HTML",
            reply_markup=markup,
        )
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text(text="x", chat_id=USER_ID, message_id=999)

    edited = await bot.edit_message_text(
        text="Step 2", chat_id=USER_ID, message_id=sent.message_id
    )
    assert not isinstance(edited, bool)
    assert edited.text == "Step 2"
    assert edited.reply_markup is None  # omitting reply_markup removes the keyboard
    stored = emu.messages[(USER_ID, sent.message_id)]
    assert stored.edited
    assert stored.plain_text == "Step 2"
    assert stored.buttons() == []
    assert len(emu.outbox) == 1  # edits are not sends

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(chat_id=USER_ID, message_id=sent.message_id)
    await bot.edit_message_reply_markup(
        chat_id=USER_ID, message_id=sent.message_id, reply_markup=markup
    )
    assert stored.button_texts() == ["Go"]

    assert await bot.delete_message(USER_ID, sent.message_id)
    assert stored.deleted
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(USER_ID, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text(text="late", chat_id=USER_ID, message_id=sent.message_id)


async def test_forbidden_fault(bot: Bot, emu: BotAPIEmulator) -> None:
    emu.fail_chat(USER_ID, "403", times=1)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(USER_ID, "hi")
    await bot.send_message(USER_ID, "hi again")  # times=1: only the first one fails
    assert [m.plain_text for m in emu.outbox] == ["hi again"]

    emu.fail_chat(USER_ID, "400")
    for _ in range(2):
        with pytest.raises(TelegramBadRequest, match="chat not found"):
            await bot.send_chat_action(USER_ID, "typing")
    await bot.send_message(USER_ID + 1, "other chats are fine")
    emu.clear_faults()
    assert await bot.send_chat_action(USER_ID, "typing")


async def test_retry_after_per_chat(bot: Bot, emu: BotAPIEmulator) -> None:
    emu.rate_limit(per_chat_interval=3.0)
    await bot.send_message(USER_ID, "first")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(USER_ID, "second")
    assert 1 <= caught.value.retry_after <= 3
    assert emu.too_many_requests == 1
    response = emu.calls[-1].response
    assert response is not None
    assert response["parameters"]["retry_after"] == caught.value.retry_after
    await bot.send_message(USER_ID + 1, "another chat is not limited")


async def test_retry_after_global(bot: Bot, emu: BotAPIEmulator) -> None:
    emu.rate_limit(global_per_second=3)
    for chat in range(3):
        await bot.send_message(USER_ID + chat, "ok")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(USER_ID + 10, "too many")
    assert caught.value.retry_after >= 1
    assert emu.too_many_requests == 1


async def test_requests_arriving_together_cannot_slip_under_the_global_limit(
    bot: Bot, emu: BotAPIEmulator
) -> None:
    emu.rate_limit(global_per_second=3)
    results = await asyncio.gather(
        *(bot.send_message(USER_ID + chat, "at once") for chat in range(6)),
        return_exceptions=True,
    )
    assert sum(not isinstance(r, Exception) for r in results) == 3
    assert sum(isinstance(r, TelegramRetryAfter) for r in results) == 3


async def test_paid_broadcasts_pass_the_free_limit_and_are_counted(
    bot: Bot, emu: BotAPIEmulator
) -> None:
    emu.rate_limit(global_per_second=1, per_chat_interval=1.0)
    await bot.send_message(USER_ID, "free")
    for chat in range(1, 4):
        await bot.send_message(USER_ID + chat, "paid", allow_paid_broadcast=True)
    assert emu.paid_broadcasts == 3
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(USER_ID + 9, "free again")
    with pytest.raises(TelegramRetryAfter):  # one chat's interval applies to paid sends too
        await bot.send_message(USER_ID + 1, "paid again", allow_paid_broadcast=True)
    emu.refuse_paid_broadcasts("Bad Request: not enough Stars")
    with pytest.raises(TelegramBadRequest, match="not enough Stars"):
        await bot.send_message(USER_ID + 5, "paid", allow_paid_broadcast=True)


async def test_server_errors(bot: Bot, emu: BotAPIEmulator) -> None:
    emu.fail_chat(USER_ID, "500", times=1)
    with pytest.raises(TelegramServerError, match="Internal Server Error"):
        await bot.send_message(USER_ID, "x")
    emu.fail_method("getUpdates", "502", times=1)
    with pytest.raises(TelegramServerError, match="Bad Gateway"):
        await bot.get_updates(timeout=0)
    assert await bot.get_updates(timeout=0) == []
    emu.fail_method("setMyCommands", "400")
    with pytest.raises(TelegramBadRequest):
        await bot.set_my_commands([BotCommand(command="start", description="Start")])


async def test_dropped_connection(
    bot: Bot, emu: BotAPIEmulator, http: aiohttp.ClientSession
) -> None:
    emu.fail_method("sendMessage", "drop", times=1)
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(USER_ID, "lost")
    assert emu.calls[-1].status == 0
    assert emu.calls[-1].response is None
    await bot.send_message(USER_ID, "delivered")
    assert [m.plain_text for m in emu.outbox] == ["delivered"]

    emu.fail_method("getMe", "drop")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await http.post(f"{emu.base_url}/bot{TOKEN}/getMe")


async def test_send_document_and_photo_bytes_intact(bot: Bot, emu: BotAPIEmulator) -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB, every byte value: binary-safe and > 1 MB limit
    sent = await bot.send_document(
        USER_ID,
        BufferedInputFile(payload, "report.pdf"),
        caption="<i>Отчёт</i>",
        parse_mode="HTML",
    )
    assert sent.document is not None
    assert sent.document.file_name == "report.pdf"
    assert sent.document.mime_type == "application/pdf"
    assert sent.document.file_size == len(payload)
    assert sent.caption == "Отчёт"
    stored = emu.outbox[-1]
    assert stored.document == ("report.pdf", payload)
    assert stored.plain_text == "Отчёт"
    assert stored.caption == "<i>Отчёт</i>"
    upload = next(iter(emu.calls[-1].files.values()))
    assert upload == ("report.pdf", payload)

    # resend by file_id, then download it back through getFile
    again = await bot.send_document(USER_ID + 1, sent.document.file_id)
    assert again.document is not None
    assert emu.outbox[-1].document == ("report.pdf", payload)
    file = await bot.get_file(sent.document.file_id)
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None
    assert downloaded.read() == payload

    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_document(USER_ID, "no-such-file-id")

    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    photo = await bot.send_photo(USER_ID, BufferedInputFile(png, "p.png"), caption="pic")
    assert photo.photo is not None
    assert photo.photo[-1].file_size == len(png)
    assert emu.outbox[-1].photo == png


async def test_button_data_over_64_bytes_rejected(bot: Bot, emu: BotAPIEmulator) -> None:
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER_ID, "x", reply_markup=keyboard([("Big", "й" * 33)]))
    await bot.send_message(USER_ID, "x", reply_markup=keyboard([("Ok", "й" * 32)]))  # 64 bytes
    assert [m.message_id for m in emu.outbox] == [1]  # a rejected send uses up no message id


async def test_fake_user_press_reaches_bot(bot: Bot, emu: BotAPIEmulator) -> None:
    user = FakeUser(emu, USER_ID, username="nodira")
    user.send("/start@customs_courses_test_bot deep")
    [start] = await bot.get_updates(timeout=0)
    assert start.message is not None
    assert start.message.entities is not None
    assert start.message.entities[0].type == "bot_command"
    assert start.message.entities[0].length == len("/start@customs_courses_test_bot")

    await bot.send_message(
        USER_ID, "Choose a course", reply_markup=keyboard([("Customs basics", "course:1")])
    )
    menu = await user.next_message()
    assert menu.plain_text == "Choose a course"
    query = user.press("basics")  # substring match
    assert query["data"] == "course:1"

    [update] = await bot.get_updates(offset=start.update_id + 1, timeout=5)
    callback = update.callback_query
    assert callback is not None
    assert callback.data == "course:1"
    assert callback.from_user.username == "nodira"
    assert callback.message is not None
    assert callback.message.message_id == menu.message_id

    await bot.answer_callback_query(callback.id, text="Saved")
    answer = await user.callback_answer()
    assert answer.ok
    assert answer.params["text"] == "Saved"
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query(callback.id)
    with pytest.raises(AssertionError, match="Customs basics"):
        user.press("Nope")


async def test_answer_callback_text_limit(bot: Bot, emu: BotAPIEmulator) -> None:
    user = FakeUser(emu, USER_ID)
    await bot.send_message(USER_ID, "menu", reply_markup=keyboard([("A", "a")]))
    query = user.press("A")
    with pytest.raises(TelegramBadRequest):
        await bot.answer_callback_query(query["id"], text="t" * 201)
    assert await bot.answer_callback_query(query["id"], text="t" * 200)


async def test_fake_user_expect_and_edits(bot: Bot, emu: BotAPIEmulator) -> None:
    user = FakeUser(emu, USER_ID)
    other = FakeUser(emu, USER_ID + 1)
    await bot.send_message(USER_ID, "one")
    await bot.send_message(USER_ID + 1, "not yours")
    await bot.send_message(USER_ID, "two", reply_markup=keyboard([("Next", "next")]))
    await bot.send_message(USER_ID, "three")
    got = await user.expect("two")  # "one" is skipped and consumed
    assert got.button_texts() == ["Next"]
    assert (await user.next_message()).plain_text == "three"
    assert (await other.next_message()).plain_text == "not yours"
    assert [m.plain_text for m in user.messages()] == ["one", "two", "three"]
    assert user.last_with_buttons() is got
    with pytest.raises(AssertionError, match="expected a message matching 'four'"):
        await user.expect("four", timeout=0.2)

    user.press("Next")
    await bot.edit_message_text(text="two, edited", chat_id=USER_ID, message_id=got.message_id)
    assert (await user.expect_edit("edited")) is got


async def test_fake_user_content_types_and_copy(bot: Bot, emu: BotAPIEmulator) -> None:
    user = FakeUser(emu, USER_ID, last_name="Karimova")
    user.send_sticker()
    user.send_photo(caption="photo caption")
    user.send_voice()
    doc = user.send_document("contract.pdf", data=b"%PDF-1.7 content")
    user.send_location()
    user.send_contact()
    updates = await bot.get_updates(timeout=0)
    messages = [u.message for u in updates if u.message is not None]
    assert messages[0].sticker is not None
    assert messages[1].photo is not None
    assert messages[1].caption == "photo caption"
    assert messages[2].voice is not None
    assert messages[3].document is not None
    assert messages[3].document.file_name == "contract.pdf"
    assert messages[4].location is not None
    assert messages[5].contact is not None
    assert messages[5].contact.user_id == USER_ID
    assert len({m.message_id for m in messages}) == 6

    admin = 555
    copied = await bot.copy_message(admin, USER_ID, doc["message_id"])
    stored = emu.messages[(admin, copied.message_id)]
    assert stored.method == "copyMessage"
    assert stored.document == ("contract.pdf", b"%PDF-1.7 content")
    text_id = user.send("plain question")["message_id"]
    await bot.copy_message(admin, USER_ID, text_id)
    assert emu.outbox[-1].plain_text == "plain question"
    with pytest.raises(TelegramBadRequest, match="message to copy not found"):
        await bot.copy_message(admin, USER_ID, 9999)

    chat = await bot.get_chat(USER_ID)
    assert chat.type == "private"
    assert chat.last_name == "Karimova"
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(42)


async def test_commands_per_scope_and_language(bot: Bot, emu: BotAPIEmulator) -> None:
    ru = [BotCommand(command="start", description="Начать")]
    en = [
        BotCommand(command="start", description="Start"),
        BotCommand(command="help", description="Help"),
    ]
    admin = [BotCommand(command="stats", description="Stats")]
    assert await bot.set_my_commands(ru, language_code="ru")
    assert await bot.set_my_commands(en)
    # A private chat's scope exists only once the user has written to the bot.
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.set_my_commands(admin, scope=BotCommandScopeChat(chat_id=USER_ID))
    FakeUser(emu, USER_ID).send("/start")
    assert await bot.set_my_commands(admin, scope=BotCommandScopeChat(chat_id=USER_ID))
    assert await bot.set_my_commands(
        ru, scope=BotCommandScopeChat(chat_id=USER_ID), language_code="ru"
    )
    assert await bot.delete_my_commands(
        scope=BotCommandScopeChat(chat_id=USER_ID), language_code="ru"
    )
    assert [c.description for c in await bot.get_my_commands(language_code="ru")] == ["Начать"]
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    scoped = await bot.get_my_commands(scope=BotCommandScopeChat(chat_id=USER_ID))
    assert [c.command for c in scoped] == ["stats"]
    assert await bot.delete_my_commands(language_code="ru")
    assert await bot.get_my_commands(language_code="ru") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Command", description="x")])


async def test_plain_http_clients(emu: BotAPIEmulator, http: aiohttp.ClientSession) -> None:
    url = f"{emu.base_url}/bot{TOKEN}"
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}

    async with http.post(
        f"{url}/sendMessage", json={"chat_id": USER_ID, "text": "json", "reply_markup": markup}
    ) as resp:
        body = await resp.json()
    assert resp.status == 200
    assert body["result"]["reply_markup"] == markup

    form = {"chat_id": str(USER_ID), "text": "form", "reply_markup": json.dumps(markup)}
    async with http.post(f"{url}/sendMessage", data=form) as resp:
        assert resp.status == 200
    assert emu.outbox[-1].buttons() == markup["inline_keyboard"]

    async with http.get(f"{url}/sendMessage", params={"chat_id": USER_ID, "text": "q"}) as resp:
        assert resp.status == 200
    assert [m.plain_text for m in emu.outbox] == ["json", "form", "q"]

    async with http.post(f"{emu.base_url}/bot123:wrong/getMe") as resp:
        assert resp.status == 401
        assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    async with http.post(f"{url}/sendTelepathy") as resp:
        assert resp.status == 404
        assert (await resp.json())["description"] == "Not Found: method not found"
    async with http.post(f"{url}/sendMessage", json={"text": "no chat"}) as resp:
        assert resp.status == 400
        assert (await resp.json())["description"] == "Bad Request: chat_id is empty"
    async with http.post(f"{url}/sendMessage", json={"chat_id": USER_ID}) as resp:
        assert (await resp.json())["description"] == "Bad Request: message text is empty"


async def test_wait_for_call_and_timeout_dump(bot: Bot, emu: BotAPIEmulator) -> None:
    waiter = asyncio.create_task(emu.wait_for_call("sendMessage", lambda c: c.ok))
    await bot.send_chat_action(USER_ID, "typing")
    await bot.send_message(USER_ID, "done")
    call = await asyncio.wait_for(waiter, timeout=5)
    assert call.params["text"] == "done"
    with pytest.raises(AssertionError, match="sendChatAction -> 200"):
        await emu.wait_for(lambda: None, timeout=0.1)


async def test_dispatcher_polling_round_trip(bot: Bot, emu: BotAPIEmulator) -> None:
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(
            "<b>Welcome!</b> Pick a course:",
            parse_mode="HTML",
            reply_markup=keyboard([("Customs basics", "course:1"), ("Tariffs", "course:2")]),
        )

    @dp.callback_query(F.data.startswith("course:"))
    async def pick(callback: CallbackQuery) -> None:
        assert isinstance(callback.message, Message)
        await callback.message.edit_text(f"You picked course {callback.data}")
        await callback.answer("Saved")

    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))
    try:
        user = FakeUser(emu, USER_ID)
        user.send("/start")
        menu = await user.expect("Welcome!")
        assert menu.button_texts() == ["Customs basics", "Tariffs"]
        user.press("Tariffs")
        assert (await user.callback_answer()).params["text"] == "Saved"
        await user.expect_edit("course:2")
        await emu.wait_for(lambda: emu.pending_updates() == 0 or None)
    finally:
        await dp.stop_polling()
        await polling
