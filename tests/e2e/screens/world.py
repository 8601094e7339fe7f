"""The people and courses the screens show, in each language: stored with the bot's own storage
layer before it starts, so every run shows the same courses under the same ids."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.quotas import parse_quotas
from storage.courses import CourseRepository
from storage.database import Database
from storage.focal_points import FocalPointRepository
from storage.registrations import RegistrationRepository, RegStatus
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
# Their names as a Russian-speaking officer writes them (lists of people show them).
RESPONDENT_NAMES_RU = ("Каримова Дильноза", "Жаксылыков Арман", "Капанадзе Нино", "Мамедов Эльнур")


def respondent_name(number: int, language: str) -> str:
    return RESPONDENT_NAMES[number][0] if language == "en" else RESPONDENT_NAMES_RU[number]


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
    finished course (who answer its survey), the approval and nomination courses with their
    requests, focal points and nominees, all in `language`."""
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
        for number, (user_id, (_, country, zone)) in enumerate(
            zip(RESPONDENT_IDS, RESPONDENT_NAMES, strict=True)
        ):
            name = respondent_name(number, language)
            await _officer(users, user_id, language, name, country, zone)
            await registrations.sign_up(finished.id, user_id, signed_up)
        await seed_seat_rules(db, language)
        await seed_after_course(db, language)


async def _officer(
    users: UserRepository,
    user_id: int,
    language: str,
    name: str,
    country: str,
    zone: str,
    organisation: str = "State Customs Committee",
) -> None:
    await users.upsert_seen(user_id, language)
    await users.set_language(user_id, language)
    await users.record_consent(user_id)
    await users.set_profile_field(user_id, "full_name", name)
    await users.set_profile_field(user_id, "organisation", organisation)
    await users.set_profile_field(user_id, "position", "Inspector")
    await users.set_country(user_id, country, zone)


# ------------------------------------------------------------------------------ issue 14
# The approval and nomination courses come after the others in the catalogue (later dates).
APPROVAL_COURSE: dict[str, Any] = {
    "title_en": "Protecting intellectual property rights at the border",
    "title_ru": "Защита прав интеллектуальной собственности на границе",
    "description_en": "Recognising counterfeit goods, the customs register of trademarks and"
    " working with right holders; places for officers of border posts and laboratories.",
    "description_ru": "Как распознать контрафакт, таможенный реестр объектов"
    " интеллектуальной собственности и работа с правообладателями; для сотрудников пунктов"
    " пропуска и лабораторий.",
    "timezone": "Asia/Almaty",
    "venue": "Customs Academy, Almaty",  # in Russian in the Russian screens (VENUE_RU)
    "capacity": 16,
    "language": "ru",
    "starts_at": local(datetime(YEAR, 6, 22, 9), "Asia/Almaty"),
    "ends_at": local(datetime(YEAR, 6, 24, 17), "Asia/Almaty"),
    "deadline_at": local(datetime(YEAR, 6, 8, 18), "Asia/Almaty"),
    "signup_mode": "approval",
}
NOMINATION_COURSE: dict[str, Any] = {
    "title_en": "Customs transit security: TIR and NCTS",
    "title_ru": "Безопасность таможенного транзита: МДП и NCTS",
    "description_en": "Guarantees, seals and the electronic transit declaration along the"
    " Middle Corridor; two officers from each administration, nominated by its focal point.",
    "description_ru": "Гарантии, пломбы и электронная транзитная декларация на Среднем"
    " коридоре; по два сотрудника от каждой администрации по выдвижению национального"
    " координатора.",
    "timezone": "Asia/Baku",
    "venue": "State Customs Committee Academy, Baku",
    "capacity": 8,
    "language": "ru",
    "starts_at": local(datetime(YEAR, 9, 14, 9), "Asia/Baku"),
    "ends_at": local(datetime(YEAR, 9, 17, 17), "Asia/Baku"),
    "deadline_at": local(datetime(YEAR, 8, 17, 18), "Asia/Baku"),
    "signup_mode": "nomination",
    "quotas": parse_quotas("AZ 2, GE 2, KZ 2").to_json(),
    "quota_release_at": local(datetime(YEAR, 8, 3, 18), "Asia/Baku"),
}

# An organiser working in Russian writes the place in Russian.
VENUE_RU = {
    APPROVAL_COURSE["venue"]: "Таможенная академия, Алматы",
    NOMINATION_COURSE["venue"]: "Академия Государственного таможенного комитета, Баку",
}


@dataclass(frozen=True)
class Officer:
    """Someone of the issue 14 screens: their name as written in each language."""

    user_id: int
    name_en: str
    name_ru: str
    country: str
    zone: str
    organisation_en: str
    organisation_ru: str

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_ru


async def _profile(users: UserRepository, person: Officer, language: str) -> None:
    """`person` with a profile written in `language`."""
    organisation = person.organisation_en if language == "en" else person.organisation_ru
    await _officer(
        users,
        person.user_id,
        language,
        person.name(language),
        person.country,
        person.zone,
        organisation,
    )


AZ_CUSTOMS = ("State Customs Committee of Azerbaijan", "Государственный таможенный комитет")
GE_CUSTOMS = ("Revenue Service of Georgia", "Служба доходов Грузии")
KZ_CUSTOMS = ("State Revenue Committee of Kazakhstan", "Комитет государственных доходов")


def _person(
    user_id: int, en: str, ru: str, country: str, zone: str, organisation: tuple[str, str]
) -> Officer:
    return Officer(user_id, en, ru, country, zone, *organisation)


AZ_FOCAL_POINT = _person(
    7001, "Aysel Huseynova", "Гусейнова Айсель", "az", "Asia/Baku", AZ_CUSTOMS
)
GE_FOCAL_POINT = _person(7002, "Tamar Lomidze", "Ломидзе Тамар", "ge", "Asia/Tbilisi", GE_CUSTOMS)
# Appointed in the /focalpoints flow (Kazakhstan has none before it).
KZ_FOCAL_POINT = _person(
    7003, "Daniyar Seitkali", "Сейткали Данияр", "kz", "Asia/Almaty", KZ_CUSTOMS
)
AZ_OFFICERS = (
    _person(7101, "Rashad Aliyev", "Алиев Рашад", "az", "Asia/Baku", AZ_CUSTOMS),
    _person(7102, "Leyla Mammadova", "Мамедова Лейла", "az", "Asia/Baku", AZ_CUSTOMS),
    _person(7103, "Elvin Guliyev", "Гулиев Эльвин", "az", "Asia/Baku", AZ_CUSTOMS),
)
GE_OFFICERS = (
    _person(7201, "Nino Tsereteli", "Церетели Нино", "ge", "Asia/Tbilisi", GE_CUSTOMS),
    _person(7202, "Levan Gelashvili", "Гелашвили Леван", "ge", "Asia/Tbilisi", GE_CUSTOMS),
    _person(7203, "Ketevan Tsiklauri", "Циклаури Кетеван", "ge", "Asia/Tbilisi", GE_CUSTOMS),
)
KZ_OFFICERS = (
    _person(7301, "Aliya Nurpeisova", "Нурпеисова Алия", "kz", "Asia/Almaty", KZ_CUSTOMS),
)
# Requests waiting on the approval course before the officer of the screens asks for one.
REQUESTERS = (AZ_OFFICERS[2], GE_OFFICERS[2])


async def seed_seat_rules(db: Database, language: str) -> None:
    """The approval course with two requests waiting; the nomination course with quotas,
    focal points for Azerbaijan and Georgia and one officer of each country already in."""
    users, courses = UserRepository(db), CourseRepository(db)
    registrations = RegistrationRepository(db)
    focal_points = FocalPointRepository(db)
    people = (
        AZ_FOCAL_POINT,
        GE_FOCAL_POINT,
        KZ_FOCAL_POINT,
        *AZ_OFFICERS,
        *GE_OFFICERS,
        *KZ_OFFICERS,
    )
    for person in people:
        await _profile(users, person, language)
    approval, nomination = [
        await create_course(
            courses,
            {
                **values,
                "venue": values["venue"] if language == "en" else VENUE_RU[values["venue"]],
            },
            created_by=ORGANISER_ID,
        )
        for values in (APPROVAL_COURSE, NOMINATION_COURSE)
    ]
    # Asked two days before the run: before the officer of the screens, whatever the date.
    asked = datetime.now(UTC).replace(hour=6, minute=30, second=0, microsecond=0)
    asked -= timedelta(days=2)
    for person in REQUESTERS:
        await registrations.place(
            approval.id, person.user_id, RegStatus.PENDING, asked, person.country
        )
    for focal_point in (AZ_FOCAL_POINT, GE_FOCAL_POINT):
        await focal_points.appoint(focal_point.country, focal_point.user_id)
    nominated = asked - timedelta(days=5)
    # One seat of each country's two taken; the flows nominate the rest.
    places = (
        (AZ_OFFICERS[0], RegStatus.CONFIRMED, AZ_FOCAL_POINT),
        (GE_OFFICERS[0], RegStatus.CONFIRMED, GE_FOCAL_POINT),
        (KZ_OFFICERS[0], RegStatus.CONFIRMED, None),  # added by hand by the organiser
    )
    for number, (person, status, by) in enumerate(places):
        await registrations.place(
            nomination.id,
            person.user_id,
            status,
            nominated + timedelta(hours=number),
            person.country,
            nominated_by=by.user_id if by else None,
        )


# ------------------------------------------------------------------------------ issue 15
# A second organiser: questions reach both, and the one who did not answer is told who did.
SECOND_ORGANISER_ID = 900002
SECOND_ORGANISER_NAME = {"en": "Marat", "ru": "Марат"}
ORGANISER_IDS = f"{ORGANISER_ID},{SECOND_ORGANISER_ID}"

# Two days in Tbilisi that ended a week before the screens' "today" (early December): the
# course of the certificates, of the slides sent afterwards and of the follow-up survey.
ENDED_COURSE: dict[str, Any] = {
    "title_en": "Rules of origin and verification of origin",
    "title_ru": "Правила происхождения и проверка происхождения товаров",
    "description_en": "Preferential and non-preferential origin, certificates of origin and"
    " how to verify them with the exporting country; exercises on real cases.",
    "description_ru": "Преференциальное и непреференциальное происхождение, сертификаты"
    " происхождения и их проверка во взаимодействии со страной экспорта; практические"
    " занятия на реальных случаях.",
    "timezone": "Asia/Tbilisi",
    "venue": "Customs Training Centre, Tbilisi",
    "capacity": 12,
    "language": "ru",
    "starts_at": local(datetime(2026, 11, 24, 9), "Asia/Tbilisi"),
    "ends_at": local(datetime(2026, 11, 25, 17), "Asia/Tbilisi"),
    "deadline_at": local(datetime(2026, 11, 17, 18), "Asia/Tbilisi"),
    # As the /newcourse form sets them: certificate: 80%, certificate_language: bilingual,
    # hours: 16, followup: 90d.
    "certificate": 80,
    "certificate_language": "bilingual",
    "hours": 16,
    "followup": 90,
}
# Its officers: the first is the one whose chat the certificates screens show (no name in
# Latin letters yet, so the bot asks for it); the second gave it in /profile; the third was
# absent on day 2 and gets no certificate.
ENDED_COURSE_OFFICERS = (
    _person(8101, "Mariam Kvaratskhelia", "Кварацхелия Мариам", "ge", "Asia/Tbilisi", GE_CUSTOMS),
    _person(8102, "Yerlan Abenov", "Абенов Ерлан", "kz", "Asia/Almaty", KZ_CUSTOMS),
    _person(8103, "Farid Abbasov", "Аббасов Фарид", "az", "Asia/Baku", AZ_CUSTOMS),
)
LATIN_NAMES = {8101: "Mariam Kvaratskhelia", 8102: "Yerlan Abenov"}


async def seed_after_course(db: Database, language: str) -> None:
    """The second organiser, the ended two-day course and its three confirmed officers."""
    users, registrations = UserRepository(db), RegistrationRepository(db)
    await users.upsert_seen(SECOND_ORGANISER_ID, language)
    await users.set_language(SECOND_ORGANISER_ID, language)
    venue = ENDED_COURSE["venue"] if language == "en" else "Учебный центр таможни, Тбилиси"
    values = {**ENDED_COURSE, "venue": venue}
    course = await create_course(CourseRepository(db), values, created_by=ORGANISER_ID)
    signed_up = course.starts_at - timedelta(days=14)
    for person in ENDED_COURSE_OFFICERS:
        await _profile(users, person, language)
        await registrations.sign_up(course.id, person.user_id, signed_up)
    given = ENDED_COURSE_OFFICERS[1].user_id
    await users.set_latin_name(given, LATIN_NAMES[given])
