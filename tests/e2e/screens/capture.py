"""Play the flows against the real bot process and write one JSON per flow and language."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.conftest import ORGANISER_ID, TEST_TOKEN
from tests.e2e.emulator import BotAPIEmulator
from tests.e2e.fakeuser import FakeUser
from tests.e2e.process import BotProcess
from tests.e2e.screens.flows import Cast, Chats, translator
from tests.e2e.screens.recorder import ChatRecorder, Recording
from tests.e2e.screens.registry import FLOWS
from tests.e2e.screens.world import (
    AZ_FOCAL_POINT,
    ENDED_COURSE_OFFICERS,
    GE_FOCAL_POINT,
    KZ_FOCAL_POINT,
    ORGANISER_IDS,
    ORGANISER_NAME,
    PARTICIPANT,
    PARTICIPANT_ID,
    RESPONDENT_IDS,
    RESPONDENT_NAMES,
    SECOND_ORGANISER_ID,
    SECOND_ORGANISER_NAME,
    seed,
)

LANGUAGES = ("en", "ru")
BOT_NAME = "ROCB Europe Courses"


async def capture(
    out_dir: Path, languages: Iterable[str] = LANGUAGES, flows: Iterable[str] | None = None
) -> list[Path]:
    """Run the flows (all, or up to the last of `flows`, saving only those) in each language;
    the JSON files written."""
    wanted = list(FLOWS) if flows is None else list(flows)
    unknown = set(wanted) - set(FLOWS)
    if unknown:
        raise ValueError(f"unknown flows {sorted(unknown)}; known: {list(FLOWS)}")
    out_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before the bot runs
    written: list[Path] = []
    for language in languages:
        written += await capture_language(out_dir, language, wanted)
    return written


async def capture_language(out_dir: Path, language: str, wanted: list[str]) -> list[Path]:
    last = max(list(FLOWS).index(name) for name in wanted)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix=f"screens-{language}-") as tmp:
        workdir = Path(tmp)
        async with BotAPIEmulator(TEST_TOKEN, bot_first_name=BOT_NAME) as emulator:
            (workdir / "data").mkdir()
            await seed(workdir / "data" / "bot.sqlite3", language)
            bot = BotProcess(emulator, workdir, {"ADMIN_IDS": ORGANISER_IDS})
            began = time.monotonic()
            await bot.start()
            print(f"{language}: bot started in {time.monotonic() - began:.1f} s", flush=True)
            try:
                cast = await make_cast(emulator, language, workdir / "data" / "bot.sqlite3")
                for name in list(FLOWS)[: last + 1]:
                    title, play = FLOWS[name]
                    for rec in cast.everyone():
                        rec.begin()
                    began = time.monotonic()
                    chats = await play(cast)
                    print(f"{language} {name}: {time.monotonic() - began:.1f} s", flush=True)
                    if name in wanted:
                        written += save_chats(out_dir, name, title, language, chats)
            except BaseException:
                print(bot.log()[-4000:])
                raise
            finally:
                await bot.stop()
    return written


async def make_cast(emulator: BotAPIEmulator, language: str, database: Path) -> Cast:
    """The officer (new to the bot), the organiser (who has chosen the language already) and
    the finished course's officers."""

    def recorder(user_id: int, name: str) -> ChatRecorder:
        return ChatRecorder(FakeUser(emulator, user_id, first_name=name, language_code=language))

    organiser = recorder(ORGANISER_ID, ORGANISER_NAME[language])
    t = translator(language)
    await organiser.send("/start")
    await organiser.press(t.plain(f"button-language-{language}"))
    respondents = [
        recorder(user_id, name.split()[0])
        for user_id, (name, _, _) in zip(RESPONDENT_IDS, RESPONDENT_NAMES, strict=True)
    ]  # Telegram names, in Latin letters as most people's are
    participant = recorder(PARTICIPANT_ID, PARTICIPANT[language].first_name)
    ru = language == "ru"
    focal_points = {
        # The first name: first in English, after the surname in Russian.
        person.country: recorder(person.user_id, person.name(language).split()[-1 if ru else 0])
        for person in (AZ_FOCAL_POINT, GE_FOCAL_POINT, KZ_FOCAL_POINT)
    }
    # Issue 15: the second organiser (chose the language already) and the officers of the
    # course that has ended, the first named as in Telegram, the others by their first name.
    second_organiser = recorder(SECOND_ORGANISER_ID, SECOND_ORGANISER_NAME[language])
    attendees = [
        recorder(person.user_id, person.name(language).split()[-1 if ru else 0])
        for person in ENDED_COURSE_OFFICERS
    ]
    return Cast(
        language,
        t,
        participant,
        organiser,
        respondents,
        database,
        focal_points,
        second_organiser,
        attendees,
    )


def save_chats(out_dir: Path, name: str, title: str, language: str, chats: Chats) -> list[Path]:
    """One JSON for a flow of one chat (`name-language`), one per chat for a flow of several
    (`name-who-language`)."""
    if isinstance(chats, ChatRecorder):
        return [save(out_dir, name, title, f"{name}-{language}", language, chats)]
    return [
        save(out_dir, name, f"{title}: {who}", f"{name}-{who}-{language}", language, rec)
        for who, rec in chats
    ]


def save(
    out_dir: Path, name: str, title: str, stem: str, language: str, rec: ChatRecorder
) -> Path:
    recording: Recording = rec.finish(stem)
    for photo in recording.photos:
        (out_dir / photo.name).write_bytes(photo.data)
    page: dict[str, Any] = {
        "flow": name,
        "title": title,
        "language": language,
        "bot": BOT_NAME,
        "user": rec.user.first_name,
        "chat": recording.chat,
    }
    path = out_dir / f"{stem}.json"
    path.write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
