"""A realistic office for the dashboard's screenshots (docs/screens/dashboard-*.png): six
courses in every state, 25 officers from ten countries, two announcements (one delivered, one
going out), two finished feedback surveys and the action log all of that leaves.

Everything is written through the bot's own services, as the chat would write it, with a
clock walked through the weeks before `now`; only what the delivery worker records (which
message went out, who had blocked the bot) is written as the worker would have written it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import Services, create_services
from bot.clock import ManualClock
from bot.countries import country
from bot.i18n import Localizations
from bot.services.surveys.definition import feedback_template
from bot.services.surveys.model import Answer, Bilingual, Question, QuestionKind, SurveyDraft
from storage.courses import Course, SignupMode
from storage.database import Database
from storage.outbox import OutboxState, Outcome
from tests.conftest import ORGANISER_ID

COLLEAGUE_ID = 900002  # a second organiser of the office, in the action log


@dataclass(frozen=True)
class Officer:
    user_id: int
    name: str
    country: str
    language: str
    organisation: str
    position: str


# Written as officers fill in their profiles: in Latin or Cyrillic letters, in their words.
OFFICERS = (
    Officer(7001, "Dilnoza Karimova", "uz", "en", "State Customs Committee", "Chief inspector"),
    Officer(
        7002,
        "Шерзод Юсупов",
        "uz",
        "ru",
        "Государственный таможенный комитет",
        "Главный инспектор отдела управления рисками",
    ),
    Officer(7003, "Nodira Rakhimova", "uz", "ru", "State Customs Committee", "Senior inspector"),
    Officer(
        7004,
        "Арман Жумабаев",
        "kz",
        "ru",
        "Комитет государственных доходов МФ РК",
        "Руководитель управления таможенного контроля",
    ),
    Officer(
        7005, "Aigerim Seitkali", "kz", "en", "State Revenue Committee", "Post-clearance auditor"
    ),
    Officer(
        7006, "Дамир Нурланов", "kz", "ru", "Комитет государственных доходов МФ РК", "Инспектор"
    ),
    Officer(
        7007,
        "Бакыт Осмонов",
        "kg",
        "ru",
        "Государственная таможенная служба КР",
        "Начальник таможенного поста «Торугарт»",
    ),
    Officer(
        7008,
        "Айпери Токтогулова",
        "kg",
        "ru",
        "Государственная таможенная служба КР",
        "Ведущий специалист",
    ),
    Officer(
        7009,
        "Фаррух Саидов",
        "tj",
        "ru",
        "Таможенная служба при Правительстве РТ",
        "Заместитель начальника отдела",
    ),
    Officer(7010, "Manizha Rahimova", "tj", "en", "Customs Service of Tajikistan", "Inspector"),
    Officer(
        7011,
        "Elvin Mammadov",
        "az",
        "en",
        "State Customs Committee of Azerbaijan",
        "Head of the risk analysis unit",
    ),
    Officer(
        7012,
        "Leyla Aliyeva",
        "az",
        "en",
        "State Customs Committee of Azerbaijan",
        "Senior customs officer",
    ),
    Officer(
        7013, "Rashad Huseynov", "az", "ru", "Государственный таможенный комитет АР", "Инспектор"
    ),
    Officer(7014, "Giorgi Beridze", "ge", "en", "Revenue Service of Georgia", "Chief specialist"),
    Officer(7015, "Nino Kapanadze", "ge", "en", "Revenue Service of Georgia", "Customs auditor"),
    Officer(
        7016, "Levan Tsiklauri", "ge", "en", "Revenue Service of Georgia", "Border post officer"
    ),
    Officer(
        7017, "Armen Petrosyan", "am", "en", "State Revenue Committee of Armenia", "Head of unit"
    ),
    Officer(
        7018,
        "Анна Григорян",
        "am",
        "ru",
        "Комитет государственных доходов РА",
        "Старший инспектор",
    ),
    Officer(7019, "Ion Rusu", "md", "en", "Customs Service of Moldova", "Inspector"),
    Officer(
        7020,
        "Елена Чебан",
        "md",
        "ru",
        "Таможенная служба Республики Молдова",
        "Главный специалист отдела аудита",
    ),
    Officer(
        7021,
        "Оксана Ткаченко",
        "ua",
        "ru",
        "Государственная таможенная служба Украины",
        "Главный инспектор",
    ),
    Officer(
        7022,
        "Taras Bondarenko",
        "ua",
        "en",
        "State Customs Service of Ukraine",
        "Senior inspector",
    ),
    Officer(
        7023,
        "Mehmet Yılmaz",
        "tr",
        "en",
        "Ministry of Trade, Directorate General of Customs",
        "Customs enforcement officer",
    ),
    Officer(
        7024,
        "Ayşe Demir",
        "tr",
        "en",
        "Ministry of Trade, Directorate General of Customs",
        "Customs expert",
    ),
    Officer(
        7025,
        "Emre Kaya",
        "tr",
        "en",
        "Ministry of Trade, Directorate General of Customs",
        "Assistant customs expert",
    ),
)
ORGANISERS = (
    (ORGANISER_ID, "Olena Kovalenko", "az", "en", "Regional Training Centre", "Training manager"),
    (COLLEAGUE_ID, "Фарид Алиев", "az", "ru", "Регионального учебного центра", "Координатор"),
)
BLOCKED = frozenset({7013, 7025})  # they had blocked the bot by the first announcement
FORBIDDEN = "Forbidden: bot was blocked by the user"  # what Telegram answers then


@dataclass(frozen=True)
class Demo:
    """What the screenshots open."""

    running: int  # the course running now, attendance partly marked
    finished: int
    survey: int  # the finished named feedback survey of the finished course
    anonymous_survey: int
    delivered: int  # an announcement that went out
    in_progress: int  # an announcement still going out (pending messages)

    @property
    def pages(self) -> dict[str, str]:
        """Each screenshot's name and the page it shows."""
        return {
            "courses": "/courses",
            "course": f"/courses/{self.running}",
            "course-edit": f"/courses/{self.running}/edit",
            "announcements": "/announcements",
            "announcement": f"/announcements/{self.in_progress}",
            "surveys": "/surveys",
            "survey": f"/surveys/{self.survey}",
            "audit": "/audit",
        }


def local(zone: str, day: datetime, hour: int, days: int = 0) -> datetime:
    """`hour`:00 in `zone` on the day `days` after `day`'s date there."""
    tz = ZoneInfo(zone)
    date = day.astimezone(tz).date() + timedelta(days=days)
    return datetime.combine(date, time(hour), tz)


class Office:
    """The seeding's services over one database and a clock it moves through the weeks."""

    def __init__(self, db: Database, clock: ManualClock) -> None:
        self.db = db
        self.clock = clock
        self.services: Services = create_services(db, Localizations(), clock=clock)

    def at(self, moment: datetime) -> None:
        self.clock.now = moment

    async def people(self) -> None:
        users = self.db.repos.users
        rows = [
            (o.user_id, o.name, o.country, o.language, o.organisation, o.position)
            for o in OFFICERS
        ]
        for user_id, name, code, language, organisation, position in (*ORGANISERS, *rows):
            await users.upsert_seen(user_id, language)
            await users.set_language(user_id, language)
            await users.record_consent(user_id)
            await users.set_profile_field(user_id, "full_name", name)
            await users.set_profile_field(user_id, "organisation", organisation)
            await users.set_profile_field(user_id, "position", position)
            place = country(code)
            await users.set_country(user_id, code, place.timezone if place else None)

    async def course(
        self,
        by: int,
        starts: datetime,
        ends: datetime,
        deadline: datetime,
        publish: bool = True,
        **values: Any,
    ) -> Course:
        zone = str(starts.tzinfo)
        fields = {
            "starts_at": starts,
            "ends_at": ends,
            "deadline_at": deadline,
            "timezone": zone,
            "language": "en",
            **values,
        }
        service = self.services.course_service
        course = await service.create(fields, created_by=by)
        if publish:
            self.clock.move(timedelta(hours=2))
            course = await service.publish(course.id, actor=by)
        return course

    async def sign_up(self, course_id: int, officers: list[Officer]) -> None:
        for officer in officers:
            self.clock.move(timedelta(hours=5))
            # As the bot records every update: someone who writes is reachable again.
            await self.db.repos.users.upsert_seen(officer.user_id, officer.language)
            await self.services.signups.sign_up(course_id, officer.user_id)

    async def decide(self, course_id: int, approve: list[int], decline: dict[int, str]) -> None:
        decisions = self.services.decisions
        requests, _ = await self.db.repos.registrations.pending(self.clock(), 0, 100)
        for registration in requests:
            self.clock.move(timedelta(hours=3))
            user = registration.user_id
            if user in approve:
                await decisions.approve(ORGANISER_ID, registration.id)
            elif user in decline:
                await decisions.decline(COLLEAGUE_ID, registration.id, decline[user])

    async def mark(self, course_id: int, day: int, absent: set[int]) -> None:
        confirmed = await self.db.repos.registrations.confirmed_ids(course_id)
        for user_id in confirmed:
            if user_id not in absent:
                self.clock.move(timedelta(seconds=20))  # one tap after another
                await self.services.course_service.toggle_attendance(
                    course_id, user_id, actor=ORGANISER_ID, day=day
                )

    async def deliver(self, limit: int = 10_000, blocked: frozenset[int] = frozenset()) -> None:
        """What the delivery worker records for the messages due now (the first `limit`):
        sent, or refused by someone in `blocked`, who is then left out of later audiences."""
        outbox = self.db.repos.outbox
        messages = await outbox.claim(self.clock(), limit)
        await outbox.record(
            [
                Outcome(message.id, OutboxState.BLOCKED, FORBIDDEN, user_id=message.user_id)
                if message.user_id in blocked
                else Outcome(message.id, OutboxState.SENT, telegram_id=message.id)
                for message in messages
            ]
        )
        for user_id in blocked:
            await self.db.repos.users.set_active(user_id, False)


FEEDBACK = (
    Question(
        QuestionKind.RATING,
        Bilingual(
            "How useful was the course for your work?", "Насколько курс полезен для вашей работы?"
        ),
        low=Bilingual("not useful", "бесполезен"),
        high=Bilingual("very useful", "очень полезен"),
    ),
    Question(
        QuestionKind.RATING,
        Bilingual("How would you rate the trainers?", "Как вы оцениваете преподавателей?"),
        low=Bilingual("poor", "плохо"),
        high=Bilingual("excellent", "отлично"),
    ),
    Question(
        QuestionKind.MULTI,
        Bilingual("Which sessions helped you most?", "Какие занятия были наиболее полезны?"),
        options=(
            Bilingual("Selecting companies for audit", "Отбор компаний для аудита"),
            Bilingual("Reading accounting records", "Анализ бухгалтерских документов"),
            Bilingual("Case study: undervaluation", "Разбор дела: занижение стоимости"),
            Bilingual("Visit to a bonded warehouse", "Посещение таможенного склада"),
        ),
    ),
    Question(
        QuestionKind.CHOICE,
        Bilingual("The length of the course was…", "Продолжительность курса…"),
        options=(
            Bilingual("too short", "слишком короткая"),
            Bilingual("right", "в самый раз"),
            Bilingual("too long", "слишком длинная"),
        ),
    ),
    Question(
        QuestionKind.TEXT,
        Bilingual("What should we change next time?", "Что нам изменить в следующий раз?"),
        required=False,
    ),
    Question(
        QuestionKind.YESNO,
        Bilingual("Would you recommend it to a colleague?", "Порекомендуете ли вы курс коллеге?"),
    ),
)
# (useful, trainers, sessions, length, change, recommend): one for each attendee, in turn.
FEEDBACK_ANSWERS: tuple[tuple[int, int, list[int], int, str, bool], ...] = (
    (5, 5, [0, 2], 1, "More time for the case study, it was the best part.", True),
    (5, 4, [2], 1, "", True),
    (4, 5, [0, 1], 1, "Больше практических примеров из нашей региональной практики.", True),
    (4, 4, [1, 3], 0, "Three days are not enough for accounting records.", True),
    (5, 5, [0, 2, 3], 1, "", True),
    (3, 4, [3], 1, "Материалы заранее, хотя бы за неделю до начала.", True),
    (4, 3, [2], 2, "The second afternoon repeated the first morning.", False),
    (5, 5, [0, 1, 2], 1, "", True),
    (4, 4, [0], 1, "Синхронный перевод иногда отставал от лектора.", True),
    (2, 3, [3], 0, "The warehouse visit should be longer, with real goods to check.", False),
    (5, 4, [2], 1, "", True),
    (4, 5, [0, 2], 1, "Invite auditors from more countries as speakers.", True),
    (5, 5, [1, 2], 1, "Спасибо организаторам, всё было чётко.", True),
    (4, 4, [0, 3], 0, "", True),
    (3, 4, [2], 1, "A checklist to take home would help.", True),
)


async def answer(services: Services, survey_id: int, user_id: int, answers: list[Answer]) -> None:
    """`user_id` answers every question of the survey in turn, as the chat's buttons do."""
    surveys = services.surveys
    await surveys.begin(survey_id, user_id)
    for index, given in enumerate(answers):
        if isinstance(given, list):
            for option in given:
                await surveys.toggle(survey_id, user_id, index, option, True)
            step = await surveys.confirm_selection(survey_id, user_id, index)
        else:  # an empty text: the question skipped
            step = await surveys.answer(survey_id, user_id, index, given if given != "" else None)
    assert step.response.finished, (survey_id, user_id)


async def seed_demo(db_path: Path, now: datetime) -> Demo:
    """The office as it is at `now` (UTC), written into the bot's database file."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    clock = ManualClock(now - timedelta(days=60))
    async with Database(db_path, clock=clock) as db:
        office = Office(db, clock)
        return await _seed(office, now)


async def _seed(office: Office, now: datetime) -> Demo:
    """The weeks before `now`, in the order they happened."""
    services = office.services
    by_id = {officer.user_id: officer for officer in OFFICERS}
    await office.people()

    # Two months ago: a course in Baku, which finished two weeks ago.
    audit_start = local("Asia/Baku", now, 9, days=-16)
    finished = await office.course(
        ORGANISER_ID,
        audit_start,
        local("Asia/Baku", now, 17, days=-14),
        audit_start - timedelta(days=10),
        title_en="Post-clearance audit",
        title_ru="Пост-таможенный аудит",
        description_en="Selecting companies for audit, records, findings.",
        description_ru="Отбор компаний для аудита, документы, выводы.",
        venue="Regional Training Centre, Baku",
        capacity=16,
    )
    await office.sign_up(finished.id, list(OFFICERS[:17]))  # one on the waiting list
    await office.deliver()

    office.at(now - timedelta(days=40))
    ecommerce_start = local("Asia/Bishkek", now, 9, days=12)
    cancelled = await office.course(
        COLLEAGUE_ID,
        ecommerce_start,
        ecommerce_start + timedelta(days=1, hours=8),
        ecommerce_start - timedelta(days=14),
        title_en="E-commerce and postal shipments",
        title_ru="Электронная торговля и почтовые отправления",
        description_en="Risk in small parcels, data from postal operators.",
        description_ru="Риски мелких отправлений, данные почтовых операторов.",
        venue="Customs Training Centre, Bishkek",
        capacity=20,
    )
    await office.sign_up(cancelled.id, [by_id[i] for i in (7007, 7008, 7009, 7001, 7019, 7023)])
    await office.deliver()

    # Running now in Tashkent: day 1 yesterday, day 2 today, day 3 tomorrow.
    office.at(now - timedelta(days=35))
    risk_start = local("Asia/Tashkent", now, 9, days=-1)
    running = await office.course(
        ORGANISER_ID,
        risk_start,
        local("Asia/Tashkent", now, 17, days=1),
        risk_start - timedelta(days=7),
        title_en="Risk management and selectivity",
        title_ru="Управление рисками и селективность контроля",
        description_en="Risk profiles, targeting and the feedback loop.",
        description_ru="Профили риска, отбор для контроля и обратная связь.",
        venue="Customs Institute, Tashkent",
        capacity=18,
    )
    await office.sign_up(running.id, list(OFFICERS[3:23]))  # eighteen seats, two waiting
    await office.deliver()

    # Open for sign-up, announced to everyone, full with a waiting list; two people had
    # blocked the bot by then.
    office.at(now - timedelta(days=25))
    valuation_start = local("Asia/Almaty", now, 9, days=24)
    valuation = await office.course(
        ORGANISER_ID,
        valuation_start,
        valuation_start + timedelta(days=2, hours=8),
        valuation_start - timedelta(days=10),
        title_en="Customs valuation under the WTO Agreement",
        title_ru="Таможенная стоимость по Соглашению ВТО",
        description_en="The transaction value method and its adjustments, with cases.",
        description_ru="Метод по стоимости сделки и корректировки, разбор дел.",
        venue="Academy of Customs, Almaty",
        capacity=12,
    )
    first = await services.announcements.create(
        ORGANISER_ID,
        "Registration is open: Customs valuation under the WTO Agreement, Almaty. Twelve"
        " seats, first come, first served.",
        "Открыта запись на курс «Таможенная стоимость по Соглашению ВТО», Алматы. Двенадцать"
        " мест, по порядку записи.",
        {"kind": "all"},
        course_button=valuation.id,
    )
    await services.announcements.send_now(first.id, by=ORGANISER_ID)
    office.clock.move(timedelta(minutes=3))
    await office.deliver(blocked=BLOCKED)
    await services.announcements.mark_done(first.id)
    order = [by_id[i] for i in (7011, 7004, 7014, 7001, 7017, 7022, 7005, 7019, 7009)]
    order += [by_id[i] for i in (7024, 7002, 7015, 7006, 7020, 7012)]  # the last three wait
    await office.sign_up(valuation.id, order)
    await office.deliver()

    # Baku: three days of attendance, then the feedback surveys.
    for day, absent in enumerate(({7009}, {7002, 7009}, {7009, 7016})):
        office.at(audit_start + timedelta(days=day, hours=1))
        await office.mark(finished.id, day, absent)
    office.at(local("Asia/Baku", now, 18, days=-14))
    await services.course_service.finish_ended()
    named, anonymous = await _surveys(office, finished, now)
    office.at(now - timedelta(days=13, hours=20))
    t = services.announcements.localizations.get("en")
    await services.course_service.export_participants(finished.id, True, t, ORGANISER_ID)

    # The trainers could not come to Bishkek.
    office.at(now - timedelta(days=9))
    await services.course_service.cancel(cancelled.id, actor=COLLEAGUE_ID)
    await office.deliver()
    office.at(now - timedelta(days=7, minutes=-1))
    await services.surveys.close()

    # Open for requests: the organisers decide on each.
    office.at(now - timedelta(days=6))
    ipr_start = local("Asia/Tbilisi", now, 10, days=38)
    ipr = await office.course(
        COLLEAGUE_ID,
        ipr_start,
        ipr_start + timedelta(days=1, hours=7),
        ipr_start - timedelta(days=14),
        title_en="Intellectual property rights at the border",
        title_ru="Защита прав интеллектуальной собственности на границе",
        description_en="Suspending goods, working with right holders, destruction.",
        description_ru="Приостановление выпуска, работа с правообладателями, уничтожение.",
        venue="Revenue Service Training Centre, Tbilisi",
        capacity=15,
        signup_mode=SignupMode.APPROVAL,
    )
    requests = [by_id[i] for i in (7016, 7018, 7023, 7010, 7003, 7021, 7007, 7013, 7024)]
    await office.sign_up(ipr.id, requests)
    await office.decide(
        ipr.id,
        approve=[7016, 7018, 7023, 7010],
        decline={7003: "Already attended this course in March."},
    )
    await office.deliver()

    # A draft for next season, not published yet.
    aeo_start = local("Europe/Chisinau", now, 9, days=75)
    await office.course(
        ORGANISER_ID,
        aeo_start,
        aeo_start + timedelta(days=2, hours=8),
        aeo_start - timedelta(days=20),
        publish=False,
        title_en="Authorised economic operators",
        title_ru="Уполномоченные экономические операторы",
        venue="Chișinău",
        capacity=20,
    )

    # Tashkent: day 1 marked in full, day 2 as people arrive this morning.
    office.at(risk_start + timedelta(hours=1))
    await office.mark(running.id, 0, absent={7012, 7020})
    office.at(now - timedelta(minutes=40))
    arrived = set(range(7004, 7016)) - {7008, 7012}
    await office.mark(running.id, 1, absent={o.user_id for o in OFFICERS} - arrived)

    # Going out right now at a slow pace: eleven have their message, the rest wait.
    office.at(now - timedelta(minutes=2))
    second = await services.announcements.create(
        ORGANISER_ID,
        "New course: Intellectual property rights at the border, Tbilisi. Requests are open"
        " until the deadline; the organisers answer each one within a week.",
        "Новый курс: «Защита прав интеллектуальной собственности на границе», Тбилиси."
        " Заявки принимаются до крайнего срока, ответ на каждую — в течение недели.",
        {"kind": "all"},
        course_button=ipr.id,
    )
    await services.announcements.send_now(second.id, by=ORGANISER_ID)
    await office.deliver(limit=11)
    return Demo(
        running=running.id,
        finished=finished.id,
        survey=named,
        anonymous_survey=anonymous,
        delivered=first.id,
        in_progress=second.id,
    )


async def _surveys(office: Office, course: Course, now: datetime) -> tuple[int, int]:
    """A named feedback survey (fourteen of the fifteen invited answer) and the built-in
    anonymous one (ten), both closing a week before `now`."""
    services = office.services
    surveys = services.surveys
    closes = now - timedelta(days=7)
    draft = SurveyDraft(
        Bilingual("Feedback: Post-clearance audit", "Отзыв о курсе «Пост-таможенный аудит»"),
        FEEDBACK,
        course_id=course.id,
        anonymous=False,
        closes_at=closes,
    )
    title = Bilingual(course.title("en"), course.title("ru"))
    built_in = feedback_template(services.surveys.notices.localizations, course.id, title)
    ids = []
    for by, survey_draft, template in (
        (ORGANISER_ID, draft, False),
        (COLLEAGUE_ID, replace(built_in, closes_at=closes), True),
    ):
        survey = await surveys.create(survey_draft, created_by=by, template=template)
        await surveys.activate(survey.id, actor=by)
        await surveys.invite_audience(survey.id, "confirmed", by)
        ids.append(survey.id)
    present = await office.db.repos.registrations.confirmed_ids(course.id, attended_only=True)
    # Not those who had blocked the bot: the invitation could not reach them.
    attended = [user_id for user_id in present if user_id not in BLOCKED]
    for user_id, given in zip(attended, FEEDBACK_ANSWERS, strict=False):
        office.clock.move(timedelta(hours=2))
        await answer(services, ids[0], user_id, list(given))
    for user_id, (useful, trainers, _, _, change, recommend) in zip(
        attended[4:], FEEDBACK_ANSWERS, strict=False
    ):
        office.clock.move(timedelta(hours=3))
        ratings: list[Answer] = [useful, max(useful - 1, 3), trainers, 4]
        await answer(services, ids[1], user_id, [*ratings, None, change or None, recommend])
    await office.deliver()
    return ids[0], ids[1]
