"""Issue 14 end to end, in English and in Russian: a nomination course with country quotas;
the organiser appoints focal points for Azerbaijan and Georgia with /focalpoints; they
nominate officers at the same time beyond their quotas; reserve lists form; a nominee who
cannot attend gives the seat to the next of their country's reserve; after the release date
the unused seats go to the reserve lists in arrival order; an officer of a country without a
focal point is told whom to contact; the organiser's export names every status and who
nominated whom."""

from __future__ import annotations

import asyncio
import io
import sqlite3
from collections.abc import Awaitable, Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import openpyxl
import pytest

from bot.i18n import Localizations
from bot.services.quotas import parse_quotas
from storage.courses import CourseRepository
from storage.database import Database
from tests.conftest import ORGANISER_ID
from tests.e2e.conftest import BotProcess
from tests.e2e.emulator import SentMessage
from tests.e2e.fakeuser import FakeUser
from tests.e2e.steps import MakeUser, join
from tests.factories import course_values, create_course

pytestmark = pytest.mark.e2e

T = TypeVar("T")
TITLE = {"en": "Customs transit security", "ru": "Безопасность таможенного транзита"}


@dataclass(frozen=True)
class Words:
    """What each person reads in one language (the texts of locales/*/nominations.ftl)."""

    language: str
    consent: str
    skip: str
    saved: str
    countries: dict[str, str]
    appoint: str
    which_country: str
    who: str
    appointed: str
    made_focal_point: str
    open_courses: str
    quota_used: str
    nominate: str
    whom: str
    nominated_you: str
    on_reserve: str
    cannot: str
    cannot_told: str
    seat_free: str
    no_focal_point: str


WORDS = {
    "en": Words(
        language="English",
        consent="✅ I agree",
        skip="Skip",
        saved="Your profile is saved.",
        countries={"az": "Azerbaijan", "ge": "Georgia", "kz": "Kazakhstan"},
        appoint="➕ Appoint a focal point",
        which_country="Which country will the new national focal point represent?",
        who="Who is the national focal point for",
        appointed="is now national focal point for {country}",
        made_focal_point="The organisers have appointed you national focal point for {country}",
        open_courses="Courses open for nomination",
        quota_used="{country}: {used} of 1 seat taken, {reserve} on the reserve list",
        nominate="➕ Nominate an officer",
        whom="Whom do you nominate for",
        nominated_you="has nominated you for “{title}”",
        on_reserve="so you are on the reserve list of",
        cannot="✖️ I can't attend",
        cannot_told="We have told your national focal point that you cannot attend",
        seat_free="A seat on “{title}” has become free and is held for you.",
        no_focal_point=(
            "Kazakhstan has no national focal point yet. Please contact the organisers:"
            " Olena Petrenko"
        ),
    ),
    "ru": Words(
        language="Русский",
        consent="✅ Даю согласие",
        skip="Пропустить",
        saved="Ваш профиль сохранён.",
        countries={"az": "Азербайджан", "ge": "Грузия", "kz": "Казахстан"},
        appoint="➕ Назначить координатора",
        which_country="Какую страну будет представлять новый национальный координатор?",
        who="Кто будет национальным координатором",
        appointed="теперь национальный координатор ({country})",
        made_focal_point=(
            "Организаторы назначили вас национальным координатором (страна: {country})"
        ),
        open_courses="Курсы, открытые для выдвижения",
        quota_used="{country}: занято {used} из 1 места, в резервном списке — {reserve}",
        nominate="➕ Выдвинуть сотрудника",
        whom="Кого вы выдвигаете на курс",
        nominated_you="Вас выдвинули на курс «{title}»",
        on_reserve="поэтому вы включены в резервный список",
        cannot="✖️ Не смогу принять участие",
        cannot_told="Мы сообщили национальному координатору вашей страны, что вы не сможете",
        seat_free="На курсе «{title}» освободилось место, и оно закреплено за вами.",
        no_focal_point=(
            "Национальный координатор вашей страны (Казахстан) пока не назначен. Обратитесь к"
            " организаторам: Olena Petrenko"
        ),
    ),
}


async def join_with_profile(user: FakeUser, words: Words, name: str, country: str) -> None:
    """/start in the language, then /profile typed through to "saved"."""
    await join(user, words.language)
    user.send("/profile")
    await user.expect(lambda m: words.consent in m.button_texts())
    user.press(words.consent)
    for answer in (name, words.countries[country], "State Customs Committee", "Inspector"):
        await user.expect(lambda m: bool(m.plain_text))
        user.send(answer)
    await user.expect(lambda m: words.skip in m.button_texts())
    user.press(words.skip)
    await user.expect(words.saved)


async def in_database(bot: BotProcess, change: Callable[[Database], Awaitable[T]]) -> T:
    """Change the bot's database while it is stopped, then start it again."""
    assert await bot.stop() == 0
    async with Database(bot.workdir / "data" / "bot.sqlite3") as db:
        result = await change(db)
    await bot.start()
    return result


async def open_officers(focal_point: FakeUser, screen: SentMessage, words: Words) -> None:
    """From the focal point's course screen to the list of officers to nominate."""
    focal_point.press(words.nominate, screen)
    await focal_point.expect_edit(words.whom, screen)


@pytest.mark.parametrize("language", ["en", "ru"])
async def test_focal_points_nominate_within_quotas_reserves_move_up_and_seats_are_released(
    running_bot: BotProcess, make_user: MakeUser, language: str
):
    words = WORDS[language]
    title = TITLE[language]
    az, ge = words.countries["az"], words.countries["ge"]
    organiser = make_user(ORGANISER_ID, "Olena", language)
    aysel = make_user(3001, "Aysel", language)
    aysel.username = "aysel_fp"
    giorgi = make_user(3002, "Giorgi", language)
    rashad, leyla, elvin = (
        make_user(3100 + n, name, language) for n, name in enumerate(("Rashad", "Leyla", "Elvin"))
    )
    nino, tamar, levan = (
        make_user(3200 + n, name, language) for n, name in enumerate(("Nino", "Tamar", "Levan"))
    )
    aigerim = make_user(3300, "Aigerim", language)
    people = [
        (organiser, "Olena Petrenko", "ge"),
        (aysel, "Aysel Huseynova", "az"),
        (giorgi, "Giorgi Kapanadze", "ge"),
        (rashad, "Rashad Aliyev", "az"),
        (leyla, "Leyla Mammadova", "az"),
        (elvin, "Elvin Guliyev", "az"),
        (nino, "Nino Beridze", "ge"),
        (tamar, "Tamar Lomidze", "ge"),
        (levan, "Levan Gelashvili", "ge"),
        (aigerim, "Aigerim Sadykova", "kz"),
    ]
    await asyncio.gather(*(join_with_profile(u, words, n, c) for u, n, c in people))

    # A nomination course for four, one seat each for Azerbaijan and Georgia, written to the
    # database file while the bot is stopped (the form's `signup:` and `quotas:` lines are
    # exercised by test_approval_e2e.py and the unit tests of the fields; here the course is
    # the same in both languages).
    async def nomination_course(db: Database) -> int:
        now = datetime.now(UTC)
        values = course_values(
            now + timedelta(days=30),
            now + timedelta(days=32),
            now + timedelta(days=20),
            title_en=TITLE["en"],
            title_ru=TITLE["ru"],
            capacity=4,
            signup_mode="nomination",
            quotas=parse_quotas("AZ 1, GE 1").to_json(),
        )
        return (await create_course(CourseRepository(db), values, ORGANISER_ID)).id

    course_id = await in_database(running_bot, nomination_course)

    # The organiser appoints Azerbaijan's focal point by @username, Georgia's from the list.
    for country, by in ((az, "@aysel_fp"), (ge, "Giorgi Kapanadze")):
        organiser.send("/focalpoints")
        listing = await organiser.expect(lambda m: words.appoint in m.button_texts())
        organiser.press(words.appoint, listing)
        question = await organiser.expect(words.which_country)
        organiser.press(country, question)
        await organiser.expect_edit(words.who, question)
        if by.startswith("@"):
            organiser.send(by)
        else:
            organiser.press(by, question)
        await organiser.expect(words.appointed.format(country=country))
    await aysel.expect(words.made_focal_point.format(country=az))
    await giorgi.expect(words.made_focal_point.format(country=ge))

    # Both open the course in /nominate.
    screens = {}
    for focal_point, country in ((aysel, az), (giorgi, ge)):
        focal_point.send("/nominate")
        listing = await focal_point.expect(words.open_courses)
        focal_point.press(title[:20], listing)  # the button shortens a long title
        screens[focal_point.user_id] = await focal_point.expect_edit(
            words.quota_used.format(country=country, used=0, reserve=0), listing
        )
    aysel_screen, giorgi_screen = screens[aysel.user_id], screens[giorgi.user_id]

    # Three nominations each way, both focal points at the same time: one seat per country,
    # the rest on its reserve list.
    for round_, (az_officer, ge_officer) in enumerate(
        (("Rashad Aliyev", "Nino Beridze"), ("Leyla Mammadova", "Tamar Lomidze"))
    ):
        await asyncio.gather(
            open_officers(aysel, aysel_screen, words),
            open_officers(giorgi, giorgi_screen, words),
        )
        # Both presses are sent before either answer is awaited.
        aysel.press(az_officer, aysel_screen)
        giorgi.press(ge_officer, giorgi_screen)
        await aysel.expect_edit(
            words.quota_used.format(country=az, used=1, reserve=round_), aysel_screen
        )
        await giorgi.expect_edit(
            words.quota_used.format(country=ge, used=1, reserve=round_), giorgi_screen
        )
    notice = await rashad.expect(words.nominated_you.format(title=title))
    await nino.expect(words.nominated_you.format(title=title))
    await leyla.expect(words.on_reserve)
    await tamar.expect(words.on_reserve)
    await open_officers(aysel, aysel_screen, words)
    aysel.press("Elvin Guliyev", aysel_screen)
    await aysel.expect_edit(words.quota_used.format(country=az, used=1, reserve=2), aysel_screen)
    await open_officers(giorgi, giorgi_screen, words)
    giorgi.press("Levan Gelashvili", giorgi_screen)
    await giorgi.expect_edit(words.quota_used.format(country=ge, used=1, reserve=2), giorgi_screen)

    # Rashad cannot attend: Azerbaijan's seat goes to Leyla, first on its reserve list.
    rashad.press(words.cannot, notice)
    await rashad.expect(words.cannot_told)
    await leyla.expect(words.seat_free.format(title=title))
    await aysel.expect("Rashad Aliyev")

    # The release date comes (set in the file, the bot restarted: its timers are rebuilt from
    # the database and a date passed releases at once — the organiser's `quota_release` edit
    # does the same in the running bot, tests/unit/test_course_service.py). Two seats are
    # free: they go to the reserve lists in arrival order — Elvin and Tamar, not Levan,
    # nominated last.
    async def release_now(db: Database) -> None:
        await db.write(
            "UPDATE courses SET quota_release_at = ? WHERE id = ?",
            ((datetime.now(UTC) - timedelta(minutes=1)).isoformat(), course_id),
        )

    await in_database(running_bot, release_now)
    await elvin.expect(words.seat_free.format(title=title), timeout=20)
    await tamar.expect(words.seat_free.format(title=title), timeout=20)
    with closing(sqlite3.connect(running_bot.workdir / "data" / "bot.sqlite3")) as file:
        statuses = dict(
            file.execute(
                "SELECT user_id, status FROM registrations WHERE course_id = ?", (course_id,)
            )
        )
    assert statuses == {
        rashad.user_id: "declined",
        leyla.user_id: "nominated",
        elvin.user_id: "nominated",
        nino.user_id: "nominated",
        tamar.user_id: "nominated",
        levan.user_id: "reserve",
    }

    # An officer of Kazakhstan, which has no focal point, is told whom to contact.
    aigerim.send(f"/start c{course_id}")
    card = await aigerim.expect(title)
    assert words.no_focal_point in card.plain_text

    # The organiser's export names every status and who nominated whom, in their language.
    organiser.send("/admin")
    listing = await organiser.expect(lambda m: any(title[:12] in b for b in m.button_texts()))
    organiser.press(title[:12], listing)
    await organiser.expect_edit(title, listing)
    organiser.press("📊 Excel (XLSX)", listing)
    xlsx = await organiser.expect(lambda m: m.method == "sendDocument")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx.document[1]))
    rows = [[cell.value for cell in row] for row in workbook.worksheets[0].iter_rows()]
    t = Localizations().get(language)
    header = rows[0]
    name, status, by = (
        header.index(t.plain(key))
        for key in ("export-column-name", "export-column-status", "export-column-nominated-by")
    )
    exported = {row[name]: (row[status], row[by]) for row in rows[1:]}
    nominated, reserve = t.plain("export-status-nominated"), t.plain("export-status-reserve")
    assert exported == {
        "Rashad Aliyev": (t.plain("export-status-declined"), "Aysel Huseynova"),
        "Leyla Mammadova": (nominated, "Aysel Huseynova"),
        "Elvin Guliyev": (nominated, "Aysel Huseynova"),
        "Nino Beridze": (nominated, "Giorgi Kapanadze"),
        "Tamar Lomidze": (nominated, "Giorgi Kapanadze"),
        "Levan Gelashvili": (reserve, "Giorgi Kapanadze"),
    }
    # The quota sheet: each country's seats held, after the release.
    assert len(workbook.worksheets) == 2
