"""The main flows, played as an officer and an organiser do them, in one language.

Buttons are found by the bot's own texts (the Translator), so the flows keep working when the
wording changes; questions are recognised by the start of their prompt."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.i18n import Localizations, Translator
from bot.services.course_fields import FieldProblem, parse_local_datetime
from storage.courses import DIALOG_STEPS
from storage.sql import to_db
from tests.e2e.emulator import SentMessage
from tests.e2e.screens.recorder import ChatRecorder
from tests.e2e.screens.world import (
    APPROVAL_COURSE,
    AZ_OFFICERS,
    FINISHED_COURSE,
    KZ_FOCAL_POINT,
    NOMINATION_COURSE,
    PARTICIPANT,
    YEAR,
    local,
    upcoming_courses,
)

SURVEY_CLOSES = to_db(local(datetime(YEAR, 1, 31, 18), "Asia/Tashkent"))


@dataclass
class Cast:
    """Who plays the flows of one language, each with their chat recorder."""

    language: str
    t: Translator
    participant: ChatRecorder
    organiser: ChatRecorder
    respondents: list[ChatRecorder]
    database: Path
    focal_points: dict[str, ChatRecorder] = field(default_factory=dict)  # by country code
    second_organiser: ChatRecorder | None = None
    attendees: list[ChatRecorder] = field(default_factory=list)  # of the ended course

    def title(self, course: dict[str, object]) -> str:
        return str(course[f"title_{self.language}"])

    def everyone(self) -> list[ChatRecorder]:
        others = [self.second_organiser] if self.second_organiser else []
        return [
            self.participant,
            self.organiser,
            *self.respondents,
            *self.focal_points.values(),
            *others,
            *self.attendees,
        ]


# A flow shows one chat, or several named by who sees them ("officer", "organiser").
Chats = ChatRecorder | Sequence[tuple[str, ChatRecorder]]
Flow = Callable[[Cast], Awaitable[Chats]]


def translator(language: str) -> Translator:
    return Localizations().get(language)


def prompt_start(t: Translator, key: str, **args: object) -> str:
    """The first words of a prompt: enough to recognise it under a step heading."""
    return t.plain(key, **args)[:18]


# ------------------------------------------------------------------------------ officer
async def start(cast: Cast) -> ChatRecorder:
    """A new officer sends /start and picks their language."""
    rec = cast.participant
    await rec.send("/start")
    await rec.press(cast.t.plain(f"button-language-{cast.language}"))
    return rec


async def profile(cast: Cast) -> ChatRecorder:
    """/profile from consent to "saved", answering each question as it comes."""
    rec, t, person = cast.participant, cast.t, PARTICIPANT[cast.language]
    await rec.send("/profile")
    await rec.press(t.plain("button-consent-agree"))
    typed = {
        "full_name": person.full_name,
        "organisation": person.organisation,
        "position": person.position,
        "email": person.email,
    }
    for _ in range(12):
        last = rec.last_message()
        text = last.plain_text
        if t.plain("button-edit-full_name") in last.button_texts():
            return rec  # the profile card: every question answered
        asked = next(
            (
                f
                for f in (*typed, "country", "timezone")
                if prompt_start(t, f"profile-ask-{f}") in text
            ),
            None,
        )
        if asked in typed:
            await rec.send(typed[str(asked)])
        elif asked == "country":
            await pick_country(rec, t, person.country)
        elif asked == "timezone":
            await rec.press(first_answer(rec, t, "timezone"), rec.last_message())
        else:
            raise AssertionError(f"unexpected profile question: {text!r}")
    raise AssertionError("the profile dialog did not end")


async def pick_country(rec: ChatRecorder, t: Translator, code: str) -> None:
    """The country's button, turning the keyboard's pages until it shows."""
    country = t.plain(f"country-{code}")
    for _ in range(6):
        if country in rec.last_message().button_texts():
            await rec.press(country, rec.last_message())
            return
        await rec.press(t.plain("button-next-page"), rec.last_message())
    raise AssertionError(f"no {country!r} on the country keyboard")


async def catalogue(cast: Cast) -> ChatRecorder:
    await cast.participant.send("/courses")
    return cast.participant


async def open_course(cast: Cast, index: int) -> SentMessage:
    """/courses, then the course's button; the message showing its card."""
    rec = cast.participant
    await rec.send("/courses")
    await press_title(rec, cast.title(upcoming_courses()[index]))
    return rec.last_message()


async def card(cast: Cast) -> ChatRecorder:
    await open_course(cast, 0)
    return cast.participant


async def sign_up(cast: Cast) -> ChatRecorder:
    await open_course(cast, 0)
    await cast.participant.press(cast.t.plain("button-sign-up"))
    return cast.participant


async def waiting_list(cast: Cast) -> ChatRecorder:
    await open_course(cast, 1)
    await cast.participant.press(cast.t.plain("button-join-waitlist"))
    return cast.participant


async def my_courses(cast: Cast) -> ChatRecorder:
    rec = cast.participant
    await rec.send("/my")
    await press_title(rec, cast.title(upcoming_courses()[0]))
    return rec


# ------------------------------------------------------------------------------ organiser
NEW_COURSE = {
    "en": {
        "title_en": "Authorised Economic Operator: validation visits",
        "title_ru": "Уполномоченный экономический оператор: выездные проверки",
        "description_en": "How to prepare and carry out an AEO validation visit, with a mock"
        " visit to a freight forwarder.",
        "description_ru": "Как подготовить и провести выездную проверку УЭО; учебная проверка"
        " экспедиторской компании.",
        "timezone": "Asia/Tbilisi",
        "starts_at": (YEAR, 6, 7, 9),
        "ends_at": (YEAR, 6, 9, 17),
        "place": "Customs Training Centre, Tbilisi",
        "capacity": "25",
        "deadline_at": (YEAR, 5, 24, 18),
    },
}
NEW_COURSE["ru"] = {**NEW_COURSE["en"], "place": "Учебный центр таможни, Тбилиси"}


def typed_datetime(language: str, parts: tuple[int, int, int, int]) -> str:
    """The date as an organiser of `language` types it, if the bot reads that form."""
    year, month, day, hour = parts
    if language == "ru":
        dotted = f"{day:02d}.{month:02d}.{year} {hour:02d}:00"
        try:
            parse_local_datetime(dotted, "Asia/Tbilisi", "starts_at")
        except FieldProblem:  # this version of the bot reads only the ISO form
            pass
        else:
            return dotted
    return datetime(year, month, day, hour, tzinfo=UTC).strftime("%Y-%m-%d %H:%M")


async def new_course(cast: Cast) -> ChatRecorder:
    """/newcourse step by step, up to the preview in both languages."""
    rec, t = cast.organiser, cast.t
    answers = NEW_COURSE[cast.language]
    await rec.send("/newcourse")
    for step in DIALOG_STEPS:
        if t.plain("button-publish") in rec.last_message().button_texts():
            break  # the preview: the steps left are not asked (an open course has no quotas)
        answer = answers.get(step)
        if isinstance(answer, tuple):
            await rec.send(typed_datetime(cast.language, answer))
        elif isinstance(answer, str):
            await rec.send(answer)
        elif step == "language" and rec.has_button(
            t.plain(f"button-course-language-{cast.language}")
        ):
            await rec.press(t.plain(f"button-course-language-{cast.language}"), rec.last_message())
        elif step == "signup_mode":  # open sign-up, as most courses: no quota steps follow
            await rec.press(t.plain("button-signup-mode-open"), rec.last_message())
        else:  # a step this script does not know: the first answer it offers as a button
            await rec.press(first_answer(rec, t, step), rec.last_message())
    expect_button(rec, t, "button-publish", "/newcourse did not reach the preview")
    return rec


async def press_title(rec: ChatRecorder, title: str) -> None:
    """The button of a course or survey: by its title or, where buttons shorten titles, by
    the number the message lists it under ("3. 15 Mar 2027 · Title", "#1 Title"); turning
    the list's pages until it shows. Only the list shown last counts: an older message may
    name the same course (a survey of it, a notice)."""
    for _ in range(5):
        listing = rec.last_message()
        labels = listing.button_texts()
        if any(title in label for label in labels):
            await rec.press(title, listing)
            return
        for line in listing.plain_text.splitlines():
            number = line.split(" ", 1)[0].rstrip(".")
            if title in line and number:
                label = next(b for b in labels if b.startswith(f"{number} "))
                await rec.press(label, listing)
                return
        if any(title[:12] in label for label in labels):
            await rec.press(title[:12], listing)
            return
        next_page = next((b for b in labels if b.endswith("›")), None)
        if next_page is None or next_page.startswith("‹"):
            break
        await rec.press(next_page, listing)
    await rec.press(title[:12], rec.last_message())


def first_answer(rec: ChatRecorder, t: Translator, step: str) -> str:
    """The first button of the question shown last that answers it (not Back, Cancel, Keep)."""
    navigation = {t.plain(f"button-dialog-{key}") for key in ("back", "cancel", "keep")}
    answers = [b for b in rec.last_message().button_texts() if b not in navigation]
    if not answers:
        raise AssertionError(f"no button answers {step!r}: add its answer to the flow")
    return answers[0]


def expect_button(rec: ChatRecorder, t: Translator, key: str, problem: str) -> None:
    """Stop with `problem` unless the last message offers the button `key`: a flow that went
    astray must not be drawn as if it were right."""
    last = rec.last_message()
    if t.plain(key) not in last.button_texts():
        raise AssertionError(f"{problem}; the last message was: {last}")


async def announce_preview(cast: Cast) -> ChatRecorder:
    """/announce with both texts, to everyone, up to the preview."""
    rec, t = cast.organiser, cast.t
    await rec.send("/announce")
    await rec.send(
        "Registration is open: “Risk management at border crossing points”, Baku,"
        " 15–17 March. Sign up in the bot before 1 March."
    )
    await rec.send(
        "Открыта запись на курс «Управление рисками в пунктах пропуска», Баку, 15–17 марта."
        " Записаться можно в боте до 1 марта."
    )
    await rec.press(t.plain("button-skip"))
    await rec.press(t.plain("button-audience-all"))
    await rec.press(t.plain("button-announce-no-course"))
    await rec.press(t.plain("button-daytime-any"))
    expect_button(rec, t, "button-announce-send", "/announce did not reach the preview")
    return rec


async def activate_survey(cast: Cast) -> None:
    """The organiser turns on the built-in feedback survey for the finished course."""
    rec, t = cast.organiser, cast.t
    await rec.send("/newsurvey")
    await press_title(rec, cast.title(FINISHED_COURSE))
    # The draft closes two weeks from now; a fixed time keeps the texts the same every run.
    with closing(sqlite3.connect(cast.database)) as db, db:
        db.execute("UPDATE surveys SET closes_at = ? WHERE status = 'draft'", (SURVEY_CLOSES,))
    await rec.press(t.plain("button-survey-activate"))


async def survey_question(cast: Cast) -> ChatRecorder:
    """An officer of the finished course gets the invitation and answers the first question."""
    rec = cast.respondents[0]
    await activate_survey(cast)
    await rec.wait_for(lambda m: bool(m.buttons()))
    await rec.press(rec.last_message().button_texts()[0], rec.last_message())
    await answer_question(rec, cast.t, 5)
    return rec


async def answer_question(rec: ChatRecorder, t: Translator, rating: int) -> bool:
    """Answer the question shown last; False once the survey has said thank you."""
    question = rec.last_message()
    if prompt_start(t, "survey-thanks", title="") in question.plain_text:
        return False
    labels = question.button_texts()
    if not labels or labels == [t.plain("button-survey-skip")]:
        await rec.send("The practical exercises on real cases.")
    elif str(rating) in labels:
        await rec.press(str(rating), question)
    elif t.plain("button-survey-yes") in labels:
        await rec.press(t.plain("button-survey-yes"), question)
    else:
        await rec.press(labels[0], question)
    return True


async def results(cast: Cast) -> ChatRecorder:
    """Everyone answers; the organiser reads /results and its chart."""
    for number, rec in enumerate(cast.respondents):
        if number:
            await rec.wait_for(lambda m: bool(m.buttons()))
            await rec.press(rec.last_message().button_texts()[0], rec.last_message())
        for _ in range(20):
            if not await answer_question(rec, cast.t, 5 - number % 3):
                break
    rec, t = cast.organiser, cast.t
    rec.begin()
    await rec.send("/results")
    await press_title(rec, cast.title(FINISHED_COURSE))
    await rec.press(t.plain("button-results-chart"))
    await rec.wait_for(lambda m: m.photo is not None)
    return rec


# ------------------------------------------------------------------------------ issue 14
NOTICE_WAIT = 20.0  # notices to other people go out through the delivery worker


async def requests(cast: Cast) -> Chats:
    """An officer requests a seat on an approval course; the organiser gets the notice, opens
    /requests and approves; the officer is told (with the calendar file)."""
    officer, organiser, t = cast.participant, cast.organiser, cast.t
    name = PARTICIPANT[cast.language].full_name
    await officer.send("/courses")
    await press_title(officer, cast.title(APPROVAL_COURSE))
    await officer.press(t.plain("button-request-seat"))
    await organiser.wait_for(lambda m: name in m.plain_text and bool(m.buttons()), NOTICE_WAIT)
    await organiser.send("/requests")
    await press_person(organiser, name)
    await organiser.press(t.plain("button-request-approve"), organiser.last_message())
    await officer.wait_for(lambda m: m.document is not None, NOTICE_WAIT)
    return [("officer", officer), ("organiser", organiser)]


async def focal_points(cast: Cast) -> ChatRecorder:
    """The organiser's /focalpoints, then appointing Kazakhstan's focal point from the list of
    people with a profile (the bot shows the list again)."""
    rec, t = cast.organiser, cast.t
    await rec.send("/focalpoints")
    await rec.press(t.plain("button-focal-point-appoint"))
    await rec.press(t.plain("country-kz"), rec.last_message())
    await rec.press(KZ_FOCAL_POINT.name(cast.language), rec.last_message())
    return rec


async def open_nomination_course(rec: ChatRecorder, cast: Cast) -> None:
    """/nominate, then the nomination course."""
    await rec.send("/nominate")
    await press_title(rec, cast.title(NOMINATION_COURSE))


async def nominate(cast: Cast) -> ChatRecorder:
    """Azerbaijan's focal point nominates two officers: the first takes the country's last
    seat, the second goes to its reserve list."""
    rec, t = cast.focal_points["az"], cast.t
    await open_nomination_course(rec, cast)
    for officer in AZ_OFFICERS[1:]:
        await rec.press(t.plain("button-nominate-add"), rec.last_message())
        await rec.press(officer.name(cast.language), rec.last_message())
    return rec


async def nominee(cast: Cast) -> ChatRecorder:
    """The officer opens the nomination course, asks their focal point, is nominated and
    answers "I will attend"."""
    officer, t = cast.participant, cast.t
    country = PARTICIPANT[cast.language].country
    focal_point = cast.focal_points[country]
    await officer.send("/courses")
    await press_title(officer, cast.title(NOMINATION_COURSE))
    await officer.press(t.plain("button-ask-focal-point"))
    await focal_point.wait_for(
        lambda m: PARTICIPANT[cast.language].full_name in m.plain_text, NOTICE_WAIT
    )
    await open_nomination_course(focal_point, cast)
    await focal_point.press(t.plain("button-nominate-add"), focal_point.last_message())
    await focal_point.press(PARTICIPANT[cast.language].full_name, focal_point.last_message())
    await officer.wait_for(
        lambda m: t.plain("button-will-attend") in m.button_texts(), NOTICE_WAIT
    )
    await officer.press(t.plain("button-will-attend"))
    return officer


async def participants(cast: Cast) -> ChatRecorder:
    """The organiser's participants screen of the nomination course, then one person's card."""
    rec, t = cast.organiser, cast.t
    await rec.send("/admin")
    await press_title(rec, cast.title(NOMINATION_COURSE))
    await rec.press(t.plain("button-participants"))
    await press_person(rec, AZ_OFFICERS[2].name(cast.language))
    return rec


async def press_person(rec: ChatRecorder, name: str, again: bool = False) -> None:
    """The button of a person in a list (its label holds their name); `again`: see
    ChatRecorder.press."""
    listing = rec.last_message()
    label = next((b for b in listing.button_texts() if name in b), None)
    if label is None:
        raise AssertionError(f"no button naming {name!r}; the last message was: {listing}")
    await rec.press(label, listing, again=again)


# name -> (title in the README, what it plays); in this order, each after the ones before.
FLOWS: dict[str, tuple[str, Flow]] = {
    "start": ("Start", start),
    "profile": ("Profile", profile),
    "catalogue": ("Catalogue", catalogue),
    "card": ("Course card", card),
    "signup": ("Sign-up", sign_up),
    "waitlist": ("Waiting list", waiting_list),
    "my": ("/my", my_courses),
    "newcourse": ("/newcourse", new_course),
    "announce": ("/announce preview", announce_preview),
    "survey": ("Survey question", survey_question),
    "results": ("/results", results),
    "requests": ("Requests for a seat", requests),
    "focalpoints": ("/focalpoints", focal_points),
    "nominate": ("/nominate", nominate),
    "nominee": ("Nominated officer", nominee),
    "participants": ("Participants and quotas", participants),
}
