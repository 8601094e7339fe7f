"""Steps several end-to-end tests take the same way, as people do them in Telegram."""

from __future__ import annotations

import re
import signal
from collections.abc import Callable, Sequence

from tests.conftest import ORGANISER_ID
from tests.e2e.emulator import BotAPIEmulator, SentMessage
from tests.e2e.fakeuser import FakeUser
from tests.e2e.process import BotProcess

MakeUser = Callable[..., FakeUser]


# ------------------------------------------------------------------------------ starting
async def start_in_english(user: FakeUser) -> None:
    """/start, pick English on the welcome, and wait for the main menu."""
    user.send("/start")
    await user.expect("Welcome")
    user.press("English")
    await user.expect("What would you like to do?")


async def join(user: FakeUser, language_button: str) -> None:
    """/start and pick a language, whatever the greeting says; wait for the main menu."""
    user.send("/start")
    await user.expect(lambda m: bool(m.buttons()))
    user.press(language_button)
    await user.expect(lambda m: "📚" in " ".join(m.button_texts()))


async def join_organiser(
    make_user: MakeUser, name: str = "Olena", language: str = "en"
) -> FakeUser:
    """The organiser, having started the bot in `language`."""
    organiser = make_user(ORGANISER_ID, name, language)
    await join(organiser, "English" if language == "en" else "Русский")
    return organiser


# ------------------------------------------------------------------------------ profiles
PROFILE_QUESTIONS = {
    False: ("Your full name", "Your country", "Your customs administration", "Your position"),
    True: ("фамилия", "страна", "таможенная администрация", "должность"),
}


async def answer_profile_questions(
    user: FakeUser, answers: Sequence[str], russian: bool = False
) -> None:
    """Type the answers to the profile dialog's questions, from the full name on, in order."""
    for question, answer in zip(PROFILE_QUESTIONS[russian], answers, strict=False):
        await user.expect(question)
        user.send(answer)


async def fill_profile(user: FakeUser, russian: bool) -> None:
    """Walk through consent and the profile dialog as a participant does."""
    await user.expect("Прежде чем" if russian else "Before we store")
    user.press("✅ Даю согласие" if russian else "✅ I agree")
    if russian:
        answers = ("Садыкова Айгерим", "Казахстан", "КГД МФ РК", "Главный инспектор")
    else:
        answers = ("Giorgi Beridze", "Georgia", "Revenue Service of Georgia", "Chief inspector")
    await answer_profile_questions(user, answers, russian)
    await user.expect("почты" if russian else "e-mail")
    user.press("Пропустить" if russian else "Skip")


async def fill_russian_profile(user: FakeUser) -> None:
    """/profile in Russian up to "saved": the country picked from the list's first page (the
    TRACECA countries come first), a wrong e-mail refused, then skipped."""
    user.send("/profile")
    await user.expect("Прежде чем сохранить ваш профиль")
    user.press("✅ Даю согласие")
    await user.expect("Ваши фамилия, имя и отчество")
    user.send("Садыкова Айгерим Нурлановна")
    countries = await user.expect("Ваша страна")
    assert countries.plain_text.startswith("Шаг 2 из 5")
    user.press("Казахстан", countries)
    await user.expect("Ваша таможенная администрация")
    user.send("Комитет государственных доходов")
    await user.expect("Ваша должность")
    user.send("Главный инспектор")
    await user.expect("электронной почты")
    user.send("это не адрес")
    await user.expect("Это не похоже на адрес электронной почты")
    user.press("Пропустить")
    await user.expect("Ваш профиль сохранён.")


# ------------------------------------------------------------------------------ courses
FORM = """/newcourse
title_en: Risk management in customs
title_ru: Управление рисками в таможне
description_en: Risk profiles, selectivity and targeting along the corridor.
description_ru: Профили риска, селективность и отбор грузов на коридоре.
start: 2031-03-15 09:00
end: 2031-03-17 17:00
timezone: Asia/Baku
venue: ROCB Europe training centre, Baku
capacity: {capacity}
deadline: 2031-03-08 18:00
language: ru"""


async def create_and_publish(
    organiser: FakeUser, capacity: int = 1, extra: str = ""
) -> tuple[int, str]:
    """Returns the course id and its deep link; `extra`: more form lines (the sign-up mode,
    quotas ...)."""
    form = FORM.format(capacity=capacity)
    organiser.send(f"{form}\n{extra}" if extra else form)
    # Each card headed in the organiser's language, naming the card's (issue 13).
    await organiser.expect("Preview in English")
    await organiser.expect("Preview in Russian")
    card = await publish_draft(organiser)
    link = re.search(r"https://t\.me/\S+\?start=c(\d+)", card.plain_text)
    assert link, card.plain_text
    return int(link[1]), link[0]


async def publish_draft(organiser: FakeUser) -> SentMessage:
    """Publish the draft just created from its controls; the card, now with its link."""
    controls = await organiser.expect("Status: draft")
    organiser.press("🟢 Publish", controls)
    return await organiser.expect_edit("Status: published")


async def open_course_link(user: FakeUser, course_id: int, title: str) -> SentMessage:
    """A Russian-speaking officer taps the course's link: language first, then the card."""
    user.send(f"/start c{course_id}")
    await user.expect("выберите язык")
    user.press("Русский")
    return await user.expect(title)


async def sign_up_by_link(user: FakeUser, course_id: int, title: str) -> None:
    """Through the course's link, in Russian, with the profile filled on the way."""
    card = await open_course_link(user, course_id, title)
    user.press("✍️ Записаться", card)
    await fill_profile(user, russian=True)
    await user.expect("Вы записаны")


async def open_course_controls(organiser: FakeUser, shows: str) -> SentMessage:
    """/admin, then the course of FORM: its controls, once they show `shows`."""
    organiser.send("/admin")
    listing = await organiser.expect("course")
    # The button shortens the title to fit a phone ("🟢 1 · Risk management…").
    organiser.press("Risk management", listing)
    return await organiser.expect_edit(shows)


# ------------------------------------------------------------------------------ announcements
async def compose(organiser: FakeUser, audience: str = "👥 Everyone") -> None:
    """Walk the organiser through /announce up to the preview."""
    organiser.send("/announce")
    await organiser.expect("New announcement")
    # Bold and a link, as Telegram sends them: entities, not markup.
    organiser._push_message(
        {
            "text": "Registration is open: Single Window seminar",
            "entities": [
                {"type": "bold", "offset": 0, "length": 20},
                {
                    "type": "text_link",
                    "offset": 22,
                    "length": 13,
                    "url": "https://rocb.example.org/sw",
                },
            ],
        }
    )
    await organiser.expect("Now the text in Russian")
    organiser.send("Открыта запись на семинар «Единое окно»")
    await organiser.expect("Add a photo or a document")
    organiser.press("Skip")
    await organiser.expect("Who should receive it?")
    organiser.press(audience)
    await no_button_right_away(organiser)


async def no_button_right_away(organiser: FakeUser) -> None:
    """The end of /announce in English: no course button, delivery at any time of day."""
    await organiser.expect("Add a button that opens a course")
    organiser.press("No button")
    await organiser.expect("When may it arrive?")
    organiser.press("Right away, any time of day")


async def send_now(
    organiser: FakeUser,
    summary: str = "recipients in total",
    button: str = "📤 Send now",
    confirm: str = "✅ Yes, send",
) -> None:
    """Wait for the preview's summary and send the announcement at once: Send now, then Yes
    under "Send to N people?" (issue 13)."""
    organiser.press(button, await organiser.expect(summary))
    organiser.press(confirm, await organiser.expect(lambda m: confirm in m.button_texts()))


# ------------------------------------------------------------------------------ shutdown
async def sigterm_while_replying(
    bot: BotProcess, emulator: BotAPIEmulator, user: FakeUser
) -> None:
    """SIGTERM while the two replies to /start are held up: both still arrive, in order, and
    the bot exits 0 after closing the database."""
    await start_in_english(user)
    emulator.delay_method("sendMessage", 1.5)
    user.send("/start")  # two replies, welcome then menu, each answered 1.5 s late
    await emulator.wait_for(
        lambda: any("Welcome" in str(params.get("text")) for _, params in emulator.arrived)
    )
    assert bot.process is not None
    bot.process.send_signal(signal.SIGTERM)
    assert await bot.wait_exit() == 0
    texts = [m.plain_text for m in user.messages()]
    assert texts[-1] == "What would you like to do?" and "Welcome" in texts[-2]
    assert "database closed" in bot.log()
