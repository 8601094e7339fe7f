"""The flows of issue 15, after a course: certificates, materials, questions to the
organisers and the follow-up survey, played on the ended two-day course of world.py."""

from __future__ import annotations

import asyncio
import io
import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.i18n import Translator
from tests.e2e.screens.flows import NOTICE_WAIT, Cast, Chats, Flow, press_person, press_title
from tests.e2e.screens.recorder import ChatRecorder
from tests.e2e.screens.world import (
    ENDED_COURSE,
    ENDED_COURSE_OFFICERS,
    LATIN_NAMES,
    PARTICIPANT,
    upcoming_courses,
)

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


async def open_admin_card(rec: ChatRecorder, cast: Cast, course: dict[str, object]) -> None:
    """/admin, then the course: the organiser's card."""
    await rec.send("/admin")
    await press_title(rec, cast.title(course))


async def press_starting(rec: ChatRecorder, start: str) -> None:
    """The newest button whose label starts with `start` (labels with a count or a date)."""
    for message in reversed(rec.user.messages()):
        label = next((b for b in message.button_texts() if b.startswith(start)), None)
        if label is not None and not message.deleted:
            await rec.press(label, message)
            return
    raise AssertionError(f"no button starting {start!r}; the last message: {rec.last_message()}")


def label_start(t: Translator, key: str, **args: object) -> str:
    """A button's label up to its count (given as 3), to find the button whatever the count."""
    return t.plain(key, count=3, **args).rsplit("3", 1)[0]


# ------------------------------------------------------------------------------ certificates
async def mark_attendance(cast: Cast) -> None:
    """Day 1: all three officers; day 2: the third is absent."""
    rec, t = cast.organiser, cast.t
    await rec.press(t.plain("button-attendance"))
    names = [person.name(cast.language) for person in ENDED_COURSE_OFFICERS]
    for number, name in enumerate(names):
        await press_person(rec, name, again=number > 0)
    day = t.plain("attendance-day-button", day=2, date="\x00").split("\x00")[0]
    await press_starting(rec, day.rstrip(" ·"))
    for number, name in enumerate(names[:2]):
        await press_person(rec, name, again=number > 0)


async def certificates(cast: Cast) -> Chats:
    """Attendance of the two days, the preview of issuing and the result; the officer's
    notice, her name in Latin letters and the PDF, /certificates; /verify of her code and of a
    forged one; the organiser's list of issued certificates and one of them."""
    organiser, t = cast.organiser, cast.t
    officer, with_latin_name, _ = cast.attendees
    await open_admin_card(organiser, cast, ENDED_COURSE)
    await mark_attendance(cast)
    await organiser.press(t.plain("button-back"), organiser.last_message())
    await organiser.press(t.plain("button-issue-certificates"))
    await press_starting(organiser, label_start(t, "button-certificates-issue"))

    await with_latin_name.wait_for(lambda m: m.document is not None, NOTICE_WAIT)
    await officer.wait_for(
        lambda m: t.plain("button-certificate-latin-name") in m.button_texts(), NOTICE_WAIT
    )
    await officer.press(t.plain("button-certificate-latin-name"))
    latin = LATIN_NAMES[ENDED_COURSE_OFFICERS[0].user_id]
    if officer.has_button(t.plain("button-certificate-use-name", name=latin)):
        await officer.press(t.plain("button-certificate-use-name", name=latin))
    else:
        await officer.send(latin)
    await officer.wait_for(lambda m: m.document is not None, NOTICE_WAIT)
    await officer.send("/certificates")

    document = next(m for m in officer.user.messages() if m.document is not None)
    code = CODE.search(document.plain_text)
    assert code is not None, f"no code in the certificate's caption: {document.plain_text!r}"
    checker = cast.participant
    await checker.send(f"/verify {code[0]}")
    forged = code[0][:-1] + ("7" if code[0][-1] != "7" else "3")
    await checker.send(f"/verify {forged}")

    # Issuing shows the list of issued certificates; open hers, now sent.
    holder = ENDED_COURSE_OFFICERS[0].name(cast.language)
    if not any(holder in label for label in organiser.last_message().button_texts()):
        await press_starting(organiser, label_start(t, "button-certificates-issued"))
    await press_person(organiser, holder)
    return [("organiser", organiser), ("officer", officer), ("verify", checker)]


# ------------------------------------------------------------------------------ materials
AGENDA = b"%PDF-1.7\n" + bytes(186_000)  # only its name and size show
SLIDES = b"PK\x03\x04" + bytes(2_400_000)


async def add_material(
    rec: ChatRecorder, cast: Cast, filename: str, data: bytes, title: str, timing: str
) -> None:
    """📎 Materials of the card shown last → ➕ Add a file: the file, its title, when."""
    t = cast.t
    await rec.press(t.plain("button-materials"))
    await rec.press(t.plain("button-material-add"))
    await rec.send_document(filename, data)
    await rec.send(title)
    await rec.press(t.plain(timing), rec.last_message())


async def materials(cast: Cast) -> Chats:
    """The organiser attaches the agenda to an upcoming course; the officer gets it from the
    card; the slides of the ended course go to its attendees."""
    organiser, officer, t = cast.organiser, cast.participant, cast.t
    upcoming = upcoming_courses()[0]
    await open_admin_card(organiser, cast, upcoming)
    agenda = "Agenda (Baku).pdf" if cast.language == "en" else "Программа (Баку).pdf"
    title = "Agenda" if cast.language == "en" else "Программа"
    await add_material(organiser, cast, agenda, AGENDA, title, "button-material-before")

    await officer.send("/courses")
    await press_title(officer, cast.title(upcoming))
    await press_starting(officer, f"📎 {title}")
    await officer.wait_for(lambda m: m.document is not None)

    # The slides of the ended course, attached and sent by the other organiser.
    colleague = cast.second_organiser
    assert colleague is not None
    slides = "Origin verification — slides.pptx"
    title = "Slides" if cast.language == "en" else "Презентации"
    await open_admin_card(colleague, cast, ENDED_COURSE)
    await add_material(colleague, cast, slides, SLIDES, title, "button-material-after")
    await colleague.press(t.plain("button-materials-send"), colleague.last_message())
    await press_starting(colleague, label_start(t, "button-materials-send-attendees"))
    await colleague.press(t.plain("button-materials-send-yes"))
    return [("organiser", organiser), ("officer", officer), ("after-course", colleague)]


# ------------------------------------------------------------------------------ questions
def invitation_photo() -> bytes:
    """A phone photo of a letter of invitation (drawn: a sheet on a desk)."""
    image = Image.new("RGB", (960, 720), (112, 94, 78))
    draw = ImageDraw.Draw(image)
    draw.polygon([(150, 40), (830, 70), (800, 700), (120, 680)], fill=(246, 244, 238))
    font = _font(34)
    small = _font(22)
    draw.text((200, 110), "ROCB Europe", fill=(30, 60, 120), font=font)
    draw.text((200, 170), "LETTER OF INVITATION", fill=(20, 20, 20), font=font)
    for row in range(12):
        y = 250 + row * 32
        width = 520 if row % 4 != 3 else 300
        draw.line([(200, y), (200 + width, y + 3)], fill=(150, 150, 150), width=6)
    draw.text((200, 640), "Baku, 15-17 March", fill=(60, 60, 60), font=small)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in (
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


QUESTIONS = {
    "en": (
        "Does the letter of invitation also cover the hotel, or should our administration"
        " book it?",
        "The hotel is booked and paid by ROCB Europe for the three nights; the letter is all"
        " you need at the reception.",
        "Will there be a course on origin verification next year?",
    ),
    "ru": (
        "Покрывает ли письмо-приглашение проживание в гостинице, или бронировать её должно"
        " наше ведомство?",
        "Гостиницу на три ночи бронирует и оплачивает ROCB Europe; на стойке регистрации"
        " достаточно этого письма.",
        "Планируется ли в следующем году курс по проверке происхождения товаров?",
    ),
}


async def copies_recorded(database: Path, count: int, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Wait until the delivery worker has written which message each copy became: a reply
    to a copy is matched by it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with closing(sqlite3.connect(database)) as file:
            (found,) = file.execute("SELECT COUNT(*) FROM question_copies").fetchone()
        if found >= count:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{count} question copies were not recorded within {timeout}s")


async def questions(cast: Cast) -> Chats:
    """The officer asks from the card with a photo; both organisers receive it; the first
    answers by replying, the officer gets the answer, the second is told; a general question
    from /help; the organiser's /questions."""
    officer, first, t = cast.participant, cast.organiser, cast.t
    second = cast.second_organiser
    assert second is not None
    asked, answer, general = QUESTIONS[cast.language]
    name = PARTICIPANT[cast.language].full_name
    await officer.send("/courses")
    await press_title(officer, cast.title(upcoming_courses()[0]))
    await officer.press(t.plain("button-ask-organisers"))
    await officer.send_photo(invitation_photo(), asked)

    def is_copy(message: object) -> bool:
        text = getattr(message, "plain_text", "")
        return name in text and asked[:20] in text

    await first.wait_for(is_copy, NOTICE_WAIT)
    await second.wait_for(is_copy, NOTICE_WAIT)
    await copies_recorded(cast.database, 3)
    copy = next(m for m in reversed(first.user.messages()) if is_copy(m))
    await first.reply(copy, answer)
    await officer.wait_for(lambda m: answer[:20] in m.plain_text, NOTICE_WAIT)
    await second.wait_for(lambda m: answer[:12] in m.plain_text, NOTICE_WAIT)

    await officer.send("/help")
    await officer.press(t.plain("button-ask-organisers"), officer.last_message())
    await officer.press(t.plain("button-question-general"), officer.last_message())
    await officer.send(general)
    await first.wait_for(lambda m: general[:20] in m.plain_text, NOTICE_WAIT)
    await first.send("/questions")
    return [("officer", officer), ("organiser", first), ("second-organiser", second)]


# ------------------------------------------------------------------------------ follow-up
async def followup(cast: Cast) -> ChatRecorder:
    """The organiser's card of the course with a follow-up survey; /newsurvey for it, the
    built-in follow-up template, and the survey copied as text."""
    rec, t = cast.organiser, cast.t
    await open_admin_card(rec, cast, ENDED_COURSE)
    await rec.send("/newsurvey")
    await press_title(rec, cast.title(ENDED_COURSE))
    await rec.press(t.plain("button-survey-other-template"))
    await rec.press(t.plain("button-template-followup"), rec.last_message())
    await rec.press(t.plain("button-survey-copy"))
    return rec


# name -> (title in the README, what it plays); played after the flows of flows.py.
AFTER_COURSE_FLOWS: dict[str, tuple[str, Flow]] = {
    "certificates": ("Certificates", certificates),
    "materials": ("Course materials", materials),
    "questions": ("Questions to the organisers", questions),
    "followup": ("Follow-up survey and templates", followup),
}
