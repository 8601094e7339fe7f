"""The people and courses the screens show, in each language: stored with the bot's own storage
layer before it starts, so every run shows the same courses under the same ids."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from storage.courses import CourseRepository
from storage.database import Database
from storage.registrations import RegistrationRepository
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.factories import create_course

# Upcoming courses fall in the year after the current one, so they stay upcoming; the finished
# one is a fixed date in the past.
YEAR = date.today().year + 1
PARTICIPANT_ID = 5101
RESPONDENT_IDS = (6101, 6102, 6103, 6104)  # the finished course's officers; the first is shown
FULL_COURSE_IDS = range(6001, 6021)  # twenty seats taken on the Single Window course
WAITING_IDS = (6021, 6022)


@dataclass(frozen=True)
class Person:
    first_name: str
    full_name: str
    country: str
    organisation: str
    position: str
    email: str


PARTICIPANT = {
    "en": Person(
        "Giorgi",
        "Giorgi Beridze",
        "ge",
        "Revenue Service of Georgia",
        "Chief inspector, Risk management division",
        "g.beridze@rs.ge",
    ),
    "ru": Person(
        "Айгерим",
        "Садыкова Айгерим Нурлановна",
        "kz",
        "Комитет государственных доходов Министерства финансов Республики Казахстан",
        "Главный инспектор управления рисками",
        "a.sadykova@kgd.gov.kz",
    ),
}
ORGANISER_NAME = {"en": "Olena", "ru": "Ольга"}
RESPONDENT_NAMES = (
    ("Dilnoza Karimova", "uz", "Asia/Tashkent"),
    ("Arman Zhaksylykov", "kz", "Asia/Almaty"),
    ("Nino Kapanadze", "ge", "Asia/Tbilisi"),
    ("Elnur Mammadov", "az", "Asia/Baku"),
)

RISK_DESCRIPTION = {
    "en": (
        "Three days on selecting the consignments and travellers that deserve a check, without"
        " slowing everyone else down: risk profiles and indicators, selectivity at the border,"
        " targeting with advance cargo information, and measuring how well the profiles work."
        " Practical exercises on real cases from the corridor countries; trainers from the"
        " WCO and the Azerbaijani State Customs Committee."
    ),
    "ru": (
        "Три дня о том, как отбирать для контроля грузы и пассажиров, которые этого"
        " заслуживают, не задерживая остальных: профили и индикаторы риска, селективность на"
        " границе, отбор на основе предварительной информации о грузах и оценка"
        " эффективности профилей. Практические занятия на реальных случаях из стран коридора;"
        " преподаватели ВТамО и Государственного таможенного комитета Азербайджана."
    ),
}


def local(day: datetime, zone: str) -> datetime:
    """A wall time in `zone` as the aware UTC datetime the database stores."""
    return day.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def upcoming_courses() -> list[dict[str, Any]]:
    """The catalogue: a course in Baku, a full one in Tbilisi, an online one."""
    return [
        {
            "title_en": "Risk management at border crossing points",
            "title_ru": "Управление рисками в пунктах пропуска",
            "description_en": RISK_DESCRIPTION["en"],
            "description_ru": RISK_DESCRIPTION["ru"],
            "timezone": "Asia/Baku",
            "venue": "ROCB Europe training centre, Baku",
            "capacity": 24,
            "language": "ru",
            "starts_at": local(datetime(YEAR, 3, 15, 9), "Asia/Baku"),
            "ends_at": local(datetime(YEAR, 3, 17, 17), "Asia/Baku"),
            "deadline_at": local(datetime(YEAR, 3, 1, 18), "Asia/Baku"),
        },
        {
            "title_en": "Single Window and electronic data exchange",
            "title_ru": "Единое окно и электронный обмен данными",
            "description_en": "Connecting customs, border and veterinary agencies through one"
            " submission point; data standards and exchange with neighbouring countries.",
            "description_ru": "Как объединить таможню, пограничные и ветеринарные службы в одном"
            " окне подачи документов; стандарты данных и обмен с соседними странами.",
            "timezone": "Asia/Tbilisi",
            "venue": "Customs Training Centre, Tbilisi",
            "capacity": 20,
            "language": "en",
            "starts_at": local(datetime(YEAR, 4, 20, 10), "Asia/Tbilisi"),
            "ends_at": local(datetime(YEAR, 4, 22, 16), "Asia/Tbilisi"),
            "deadline_at": local(datetime(YEAR, 4, 6, 18), "Asia/Tbilisi"),
        },
        {
            "title_en": "Post-clearance audit: planning and methods",
            "title_ru": "Пост-таможенный аудит: планирование и методы",
            "description_en": "Two online sessions on choosing companies for audit and on"
            " the audit itself.",
            "description_ru": "Два онлайн-занятия о выборе компаний для аудита и о проведении"
            " проверки.",
            "timezone": "Europe/Brussels",
            "venue": None,
            "online_url": "https://meet.rocb-europe.example/pca",
            "capacity": None,
            "language": "en",
            "starts_at": local(datetime(YEAR, 5, 12, 10), "Europe/Brussels"),
            "ends_at": local(datetime(YEAR, 5, 13, 13), "Europe/Brussels"),
            "deadline_at": local(datetime(YEAR, 5, 11, 18), "Europe/Brussels"),
        },
    ]


FINISHED_COURSE: dict[str, Any] = {
    "title_en": "Customs valuation under the WTO Agreement",
    "title_ru": "Таможенная стоимость по Соглашению ВТО",
    "description_en": "Transaction value, adjustments and valuation control.",
    "description_ru": "Стоимость сделки, корректировки и контроль таможенной стоимости.",
    "timezone": "Asia/Tashkent",
    "venue": "Customs Institute, Tashkent",
    "capacity": 20,
    "language": "ru",
    "starts_at": local(datetime(2026, 11, 17, 9), "Asia/Tashkent"),
    "ends_at": local(datetime(2026, 11, 19, 17), "Asia/Tashkent"),
    "deadline_at": local(datetime(2026, 11, 10, 18), "Asia/Tashkent"),
}


async def seed(database: Path, language: str) -> None:
    """The courses, the officers who filled the Single Window course and those of the
    finished course (who answer its survey), all in `language`."""
    async with Database(database) as db:
        users, courses = UserRepository(db), CourseRepository(db)
        registrations = RegistrationRepository(db)
        created = [
            await create_course(courses, values, created_by=ORGANISER_ID)
            for values in upcoming_courses()
        ]
        finished = await create_course(courses, FINISHED_COURSE, created_by=ORGANISER_ID)
        single_window = created[1]
        signed_up = single_window.starts_at - timedelta(days=30)
        for number, user_id in enumerate([*FULL_COURSE_IDS, *WAITING_IDS], start=1):
            await _officer(users, user_id, language, f"Officer {number}", "ge", "Asia/Tbilisi")
            await registrations.sign_up(single_window.id, user_id, signed_up)
        signed_up = finished.starts_at - timedelta(days=20)
        for user_id, (name, country, zone) in zip(RESPONDENT_IDS, RESPONDENT_NAMES, strict=True):
            await _officer(users, user_id, language, name, country, zone)
            await registrations.sign_up(finished.id, user_id, signed_up)


async def _officer(
    users: UserRepository, user_id: int, language: str, name: str, country: str, zone: str
) -> None:
    await users.upsert_seen(user_id, language)
    await users.set_language(user_id, language)
    await users.record_consent(user_id)
    await users.set_profile_field(user_id, "full_name", name)
    await users.set_profile_field(user_id, "organisation", "State Customs Committee")
    await users.set_profile_field(user_id, "position", "Inspector")
    await users.set_country(user_id, country, zone)
