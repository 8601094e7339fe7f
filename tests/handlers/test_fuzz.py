"""Fuzzing the production Dispatcher with hypothesis: random streams of updates — any Unicode
text of any length, commands with junk arguments, random and forged callback data, unexpected
content types, users dropped into random dialog states — from participants and organisers.

After every update: no unhandled exception, every callback answered, every request the bot
makes fits Telegram's limits (and its HTML parses); after every stream: PRAGMA integrity_check
is ok and no course holds more confirmed people than seats.

FUZZ_EXAMPLES=2000 makes a longer run; the number of updates tried is printed (pytest -s).
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.types import InlineKeyboardMarkup, Update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import ORGANISER_COMMANDS, PARTICIPANT_COMMANDS
from bot.services.surveys.model import Bilingual, SurveyDraft
from bot.ui import callbacks as cb
from handlers import announce, profile
from handlers.courses import edit as course_edit
from handlers.courses import form as course_form
from handlers.screens import survey as survey_screens
from storage.materials import MaterialKind, MaterialTiming, NewFile
from tests.conftest import ORGANISER_ID
from tests.factories import feedback_questions
from tests.handlers.harness import RecordingSession
from tests.handlers.test_courses import complete_profile, publish_course

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
USERS = (ORGANISER_ID, 701, 702, 703)
TEXT_LIMIT, CAPTION_LIMIT, ALERT_LIMIT, DATA_LIMIT = 4096, 1024, 200, 64
ALLOWED_TAGS = {"b", "i", "u", "s", "a", "code", "pre", "tg-spoiler", "blockquote", "span"}

STATES: list[State] = [
    state
    for module in (announce, course_form, course_edit, profile, survey_screens)
    for group in vars(module).values()
    if isinstance(group, type) and issubclass(group, StatesGroup) and group is not StatesGroup
    for state in group.__all_states__
]
PREFIXES = [
    "mnu1", "lng1", "cns1", "prf1", "cty1", "tz1", "fgt1", "sts1", "crs1", "adc1", "cfm1",
    "ann1", "svy1", "sva1", "mat1",
]  # fmt: skip
ENUMS = (cb.MenuAction, cb.ProfileAction, cb.CourseAction, cb.AdminAction)
ENUMS += (cb.CourseFormAction, cb.AnnounceAction, cb.SurveyAction, cb.SurveyAdminAction)
ENUMS += (cb.MaterialAction,)
ENUM_VALUES = [member.value for enum in ENUMS for member in enum]

# -- strategies -------------------------------------------------------------------------------

junk = st.text(max_size=300) | st.text(min_size=4000, max_size=6000) | st.just("")
field = (
    st.sampled_from(ENUM_VALUES)
    | st.integers(-(2**63), 2**63).map(str)
    | st.sampled_from(["0", "1", "2", "-1", "en", "ru", "kz", "True", "", "capacity"])
    | st.text(max_size=12)
)
forged_data = st.builds(
    lambda prefix, parts: ":".join([prefix, *parts])[:64],
    st.sampled_from(PREFIXES),
    st.lists(field, max_size=6),
)
# Well-formed buttons with small ids hit real courses, surveys and questions: sign-ups,
# cancellations and answers in random order, from anyone.
real_buttons = st.one_of(
    st.builds(
        lambda a, i, p: cb.CourseCb(action=a, course_id=i, page=p).pack(),
        st.sampled_from(cb.CourseAction),
        st.integers(0, 4),
        st.integers(-1, 3),
    ),
    st.builds(
        lambda a, q, v, on: cb.SurveyCb(action=a, survey_id=1, q=q, value=v, on=on).pack(),
        st.sampled_from(cb.SurveyAction),
        st.integers(-1, 5),
        st.integers(-1, 6),
        st.booleans(),
    ),
    st.builds(
        lambda a, i, arg: cb.AdminCourseCb(action=a, course_id=i, arg=arg).pack(),
        st.sampled_from(cb.AdminAction),
        st.integers(0, 4),
        st.sampled_from(["", "701", "702", "capacity", "title_en", "x"]),
    ),
    st.builds(
        lambda a, arg, p: cb.SurveyAdminCb(action=a, survey_id=1, arg=arg, page=p).pack(),
        st.sampled_from(cb.SurveyAdminAction),
        st.sampled_from(["", "0", "1", "2", "all", "ru", "attended"]),
        st.integers(-1, 3),
    ),
    st.builds(
        lambda a, i, m, arg: cb.MaterialCb(action=a, course_id=i, material_id=m, arg=arg).pack(),
        st.sampled_from(cb.MaterialAction),
        st.integers(0, 4),
        st.integers(0, 3),
        st.sampled_from(["", "before", "after", "att", "all", "x"]),
    ),
    st.builds(lambda code: cb.LanguageCb(code=code).pack(), st.sampled_from(["en", "ru", "de"])),
)
callback_data = real_buttons | forged_data | st.text(max_size=64)
command = st.builds(
    lambda name, args: f"/{name}" + (f" {args}" if args else ""),
    st.sampled_from([*PARTICIPANT_COMMANDS, *ORGANISER_COMMANDS, "forget", "nope"]),
    junk | st.sampled_from(["template", "c1", "c999999999999", "1\ntitle_en: x"]),
)
content = st.sampled_from(["sticker", "photo", "voice", "location", "contact", "document"])

action = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(USERS), junk),
    st.tuples(st.just("text"), st.sampled_from(USERS), command),
    st.tuples(st.just("press"), st.sampled_from(USERS), callback_data),
    st.tuples(st.just("content"), st.sampled_from(USERS), content),
    st.tuples(st.just("state"), st.sampled_from(USERS), st.integers(0, len(STATES) - 1)),
    st.tuples(st.just("lang"), st.sampled_from(USERS), st.sampled_from(["en", "ru", "kk", None])),
)
streams = st.lists(action, min_size=5, max_size=30)


# -- checks -----------------------------------------------------------------------------------


class _TagChecker(HTMLParser):
    """Telegram's HTML: known tags only, properly nested."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problem: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problem = f"unsupported tag <{tag}>"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.problem = f"unbalanced </{tag}>"


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units) after the HTML is parsed."""
    plain = html.unescape(re.sub(r"<[^>]*>", "", text))
    return len(plain.encode("utf-16-le")) // 2


def check_html(text: str, where: str) -> None:
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    assert checker.problem is None and not checker.stack, f"{where}: {checker.problem} in {text!r}"
    # A bare "<" or "&" that is not an entity would make Telegram refuse the message.
    assert not re.search(r"<(?![a-zA-Z/])", text), f"{where}: unescaped < in {text!r}"
    assert not re.search(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)", text), (
        f"{where}: unescaped & in {text!r}"
    )


def check_markup(markup: Any, where: str) -> None:
    if not isinstance(markup, InlineKeyboardMarkup):
        return
    count = 0
    for row in markup.inline_keyboard:
        assert 0 < len(row) <= 8, f"{where}: a row of {len(row)} buttons"
        for button in row:
            count += 1
            assert button.text.strip(), f"{where}: a button without text"
            data = button.callback_data
            assert data is None or 0 < len(data.encode()) <= DATA_LIMIT, f"{where}: {data!r}"
    assert count <= 100, f"{where}: {count} buttons"


def check_request(request: TelegramMethod[Any]) -> None:
    where = type(request).__name__
    if isinstance(request, (SendMessage, EditMessageText)):
        assert 0 < telegram_length(request.text) <= TEXT_LIMIT, f"{where}: {request.text[:300]!r}"
        check_html(request.text, where)
    caption = getattr(request, "caption", None)
    if isinstance(request, (SendDocument, SendPhoto, EditMessageCaption)) and caption:
        assert telegram_length(caption) <= CAPTION_LIMIT, f"{where} caption: {len(caption)}"
        check_html(caption, where)
    if isinstance(request, AnswerCallbackQuery) and request.text:
        assert len(request.text) <= ALERT_LIMIT, f"alert of {len(request.text)}: {request.text}"
    check_markup(getattr(request, "reply_markup", None), where)


# -- the run ----------------------------------------------------------------------------------


class Failures(logging.Handler):
    """Collects what the error handler logs for an unexpected exception."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def update_for(kind: str, user_id: int, value: Any, counter: Callable[[], int]) -> dict[str, Any]:
    now = int(datetime.now(UTC).timestamp())
    sender = {"id": user_id, "is_bot": False, "first_name": f"U{user_id}", "language_code": "en"}
    chat = {"id": user_id, "type": "private", "first_name": sender["first_name"]}
    message: dict[str, Any] = {"message_id": counter(), "date": now, "chat": chat, "from": sender}
    if kind == "text":
        message["text"] = value or " "
        if value.startswith("/"):
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(value.split()[0])}
            ]
        return {"update_id": counter(), "message": message}
    if kind == "content":
        message.update(_content(value))
        return {"update_id": counter(), "message": message}
    bot_message = {
        "message_id": counter(),
        "date": now,
        "chat": chat,
        "from": {"id": 7000000001, "is_bot": True, "first_name": "Courses"},
        "text": "…",
    }
    query = {
        "id": str(counter()),
        "from": sender,
        "chat_instance": "ci",
        "data": value,
        "message": bot_message,
    }
    return {"update_id": counter(), "callback_query": query}


def _content(kind: str) -> dict[str, Any]:
    file = {"file_id": "AgAD", "file_unique_id": "u1"}
    return {
        "sticker": {
            "sticker": {
                **file,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        },
        "photo": {"photo": [{**file, "width": 90, "height": 90}]},
        "voice": {"voice": {**file, "duration": 3}},
        "location": {"location": {"latitude": 41.3, "longitude": 69.2}},
        "contact": {"contact": {"phone_number": "+998901234567", "first_name": "X"}},
        "document": {"document": {**file, "file_name": "x.pdf"}},
    }[kind]


async def test_random_update_streams_never_break_the_bot(make_chatter, db, capsys):
    chatter = make_chatter(ORGANISER_ID)
    dp, bot = chatter.dp, chatter.bot
    session = chatter.session
    assert isinstance(session, RecordingSession)
    loop = asyncio.get_running_loop()
    ids = iter(range(1, 10**9))
    counter = lambda: next(ids)  # noqa: E731
    tried = {"updates": 0, "callbacks": 0, "streams": 0}
    failures = Failures()
    logging.getLogger("handlers.errors").addHandler(failures)

    async def seed() -> None:
        for days, capacity in ((5, 2), (9, 1), (-1, 3)):
            course_id = await publish_course(
                db, f"Course <{days}> & co", days=days, capacity=capacity
            )
            # Files on each course, one for before and one for after it (issue 15).
            for timing in MaterialTiming:
                file = NewFile(f"id{course_id}{timing}", "u", MaterialKind.DOCUMENT, "<a>.pdf")
                await db.repos.materials.add(course_id, file, "A & <b>", timing, ORGANISER_ID)
        for user_id in USERS[1:]:
            await complete_profile(db, user_id)
        service = dp["surveys"]
        survey = await service.create(
            SurveyDraft(Bilingual("Fuzz <survey>", "Опрос & co"), feedback_questions()),
            ORGANISER_ID,
        )
        await service.activate(survey.id)
        await service.invite(survey.id, {"kind": "all"})

    async def run(stream: list[tuple[str, int, Any]]) -> None:
        for kind, user_id, value in stream:
            if kind == "state":
                key = StorageKey(bot_id=bot.id, chat_id=user_id, user_id=user_id)
                await dp.storage.set_state(key, STATES[value])
                continue
            if kind == "lang":
                await dp["profiles"].repos.users.set_language(user_id, value) if value in (
                    "en",
                    "ru",
                ) else None
                continue
            start = len(session.requests)
            update = Update.model_validate(update_for(kind, user_id, value, counter))
            await dp.feed_update(bot, update)
            tried["updates"] += 1
            made = session.requests[start:]
            for request in made:
                check_request(request)
            if update.callback_query is not None:
                tried["callbacks"] += 1
                answers = [r for r in made if isinstance(r, AnswerCallbackQuery)]
                assert answers, f"callback {value!r} of {user_id} was not answered"
            assert not failures.records, failures.records[0].getMessage()
        (verdict,) = await db.fetch_one("PRAGMA integrity_check") or ("?",)
        assert verdict == "ok"
        over = await db.fetch_all(
            "SELECT c.id FROM courses c WHERE c.capacity IS NOT NULL AND c.capacity <"
            " (SELECT COUNT(*) FROM registrations r WHERE r.course_id = c.id"
            " AND r.status = 'confirmed')"
        )
        assert over == [], "a course holds more confirmed people than seats"
        tried["streams"] += 1

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(stream=streams)
    def fuzz(stream: list[tuple[str, int, Any]]) -> None:
        # Hypothesis drives plain functions: it runs in a thread and hands each stream to
        # the test's event loop, where the Dispatcher and the database live.
        asyncio.run_coroutine_threadsafe(run(stream), loop).result()

    await seed()
    try:
        await asyncio.to_thread(fuzz)
    finally:
        logging.getLogger("handlers.errors").removeHandler(failures)
    with capsys.disabled():
        print(
            f"\nfuzz: {tried['streams']} streams, {tried['updates']} updates"
            f" ({tried['callbacks']} callbacks) through the production Dispatcher"
        )
    assert tried["updates"] > EXAMPLES
