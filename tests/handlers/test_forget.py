"""/forget through the production Dispatcher: nothing of the person stays in the file, and
nothing but /start brings them back (issue 11)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiogram.methods import AnswerCallbackQuery
from aiogram.types import User

from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    CertAction,
    CertCb,
    ConsentCb,
    CountryCb,
    CourseAction,
    CourseCb,
    ForgetCb,
    LanguageCb,
    ProfileAction,
    ProfileCb,
)
from storage.certificates import CertificateRepository
from storage.database import Database
from storage.outbox import OutboxRepository, Outcome
from storage.registrations import RegistrationRepository
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import Chatter, buttons, texts
from tests.handlers.test_courses import publish_course

# Large enough that SQLite stores it in six bytes: a needle that does not occur by chance.
PERSON_ID = 5_123_456_789
FULL_NAME = "Zhanargul Tleubergenova"
LATIN_NAME = "Tleubergenova Zhanargul Passport"
EMAIL = "z.tleubergenova@kgd.gov.kz"
ORGANISATION = "Khorgos Transit Post Seventeen"
TELEGRAM = {"first_name": "Zhanarka", "last_name": "Sadykkyzy", "username": "zhanarka_kz"}


def person(make_chatter: Any, user_id: int = PERSON_ID) -> Chatter:
    chatter: Chatter = make_chatter(user_id)
    chatter.user = User(id=user_id, is_bot=False, language_code="en", **TELEGRAM)
    return chatter


def blocked(chatter: Chatter) -> dict[str, Any]:
    bot = {"id": 7000000001, "is_bot": True, "first_name": "Courses"}
    return {
        "chat": {"id": chatter.user.id, "type": "private", "first_name": TELEGRAM["first_name"]},
        "from": chatter.user.model_dump(exclude_none=True),
        "date": 1,
        "old_chat_member": {"status": "member", "user": bot},
        "new_chat_member": {"status": "kicked", "until_date": 0, "user": bot},
    }


async def file_bytes(db: Database) -> bytes:
    """The database file and its WAL as anyone holding them would read them."""
    await db.fetch_all("PRAGMA wal_checkpoint")
    return read_files(db.path, Path(f"{db.path}-wal"))


def read_files(*paths: Path) -> bytes:
    return b"".join(path.read_bytes() for path in paths if path.exists())


def needles(user_id: int) -> dict[str, bytes]:
    found = {name: value.encode() for name, value in TELEGRAM.items()}
    found.update(
        full_name=FULL_NAME.encode(),
        latin_name=LATIN_NAME.encode(),
        email=EMAIL.encode(),
        organisation=ORGANISATION.encode(),
        id_as_text=str(user_id).encode(),
        # SQLite's record format: a big-endian integer of 1, 2, 3, 4, 6 or 8 bytes.
        id_as_integer=user_id.to_bytes(6, "big"),
        # A rowid (users.id) is a varint in the b-tree cell.
        id_as_varint=varint(user_id),
    )
    return found


def varint(value: int) -> bytes:
    """SQLite's varint (values below 2**56): 7 bits a byte, high bit set on all but the last."""
    groups = []
    while True:
        groups.append(value & 0x7F)
        value >>= 7
        if not value:
            break
    groups.reverse()
    return bytes([0x80 | g for g in groups[:-1]] + [groups[-1]])


async def sign_up_with_a_profile(chatter: Chatter, course_id: int) -> None:
    await chatter.send("/start")
    await chatter.press(LanguageCb(code="en").pack())
    await chatter.press(CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack())
    await chatter.press(ConsentCb(agree=True).pack())
    await chatter.send(FULL_NAME)
    await chatter.press(CountryCb(code="kz").pack())
    await chatter.send(ORGANISATION)
    await chatter.send("Chief inspector")
    await chatter.send(EMAIL)


async def test_forget_leaves_nothing_in_the_file_and_nothing_but_start_brings_them_back(
    make_chatter, db: Database
):
    """Issue 11: after /forget and blocking the bot the row was back, sent notices kept the
    id and texts, and the audit log kept "participant <id> attended"."""
    course_id = await publish_course(db, "Risk management", days=5)
    chatter = person(make_chatter)
    await sign_up_with_a_profile(chatter, course_id)
    assert await RegistrationRepository(db).get(course_id, PERSON_ID) is not None

    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/start")
    attendance = await organiser.press(
        AdminCourseCb(action=AdminAction.ATTENDANCE, course_id=course_id).pack()
    )
    await organiser.press(buttons(attendance[-1])[f"▫️ {FULL_NAME}"])
    # Issue 15: a certificate with the name in Latin letters, reissued (an older issue kept).
    await chatter.press(ProfileCb(action=ProfileAction.EDIT, field="latin_name").pack())
    await chatter.send(LATIN_NAME)
    await organiser.press(CertCb(action=CertAction.ISSUE, course_id=course_id).pack())
    (certificate,) = await CertificateRepository(db).of_course(course_id)
    await organiser.press(
        CertCb(
            action=CertAction.REISSUE, course_id=course_id, certificate_id=certificate.id
        ).pack()
    )
    announcements = organiser.dp["announcements"]
    item = await announcements.create(
        created_by=ORGANISER_ID, text_en="News", text_ru="Новости", audience={"kind": "all"}
    )
    await announcements.send_now(item.id)
    await organiser.dp["course_service"].edit(course_id, "place", "Almaty, Dostyk 12")
    outbox = OutboxRepository(db)
    claimed = await outbox.claim(datetime.now(UTC) + timedelta(days=1), 10)
    assert {m.kind for m in claimed if m.user_id == PERSON_ID} == {
        "announcement",
        "course_changed",
        "certificate",
    }
    await outbox.record([Outcome(m.id, "sent", telegram_id=7, user_id=m.user_id) for m in claimed])

    # Half-way through editing the profile when asking to be forgotten.
    await chatter.press(ProfileCb(action=ProfileAction.EDIT, field="position").pack())
    stored = await file_bytes(db)
    assert [name for name, needle in needles(PERSON_ID).items() if needle in stored] == [
        "username",  # kept after consent since issue 14 (focal points are appointed by it)
        "full_name",
        "latin_name",
        "email",
        "organisation",
        "id_as_text",
        "id_as_integer",
        "id_as_varint",
    ]  # the needles are found while the person is there; Telegram's names never are
    await chatter.send("/forget")
    sent = await chatter.press(ForgetCb(confirm=True).pack())
    assert "Your personal data has been deleted." in texts(sent)[0]

    # Blocking the bot, an old button and a message bring nothing back.
    await chatter.feed_update({"my_chat_member": blocked(chatter)})
    sent = await chatter.press(CourseCb(action=CourseAction.VIEW, course_id=course_id).pack())
    answer = next(r for r in sent if isinstance(r, AnswerCallbackQuery))
    assert answer.text == "Please send /start to begin." and answer.show_alert
    assert texts(await chatter.send("Chief inspector")) == ["Please send /start to begin."]
    assert await UserRepository(db).get(PERSON_ID) is None

    stored = await file_bytes(db)
    assert [name for name, needle in needles(PERSON_ID).items() if needle in stored] == []

    # The records organisers keep stay, without the person; the certificate's code is still
    # known, so a check says its holder deleted their data.
    kept = await CertificateRepository(db).get(certificate.id)
    assert kept is not None and kept.user_id is None and kept.code == certificate.code
    (verified,) = texts(await organiser.send(f"/verify {certificate.code}"))
    assert "deleted their data" in verified
    progress = await announcements.progress(item.id)
    assert (progress.total, progress.sent) == (2, 2)
    (listing,) = texts(await organiser.send("/audit"))
    assert "participant: a person who asked to be forgotten, pseudonym" in listing

    # Only /start brings them back: a new, empty profile, no dialog left over.
    await chatter.send("/start")
    user = await UserRepository(db).get(PERSON_ID)
    assert user is not None and user.full_name is None and user.consent_at is None
    assert "nothing to cancel" in texts(await chatter.send("/cancel"))[0]


async def test_forget_while_another_connection_reads_empties_the_wal_once_the_reader_is_gone(
    make_chatter, db: Database
):
    """Issue 11: with a reader open in another connection (the daily backup, an operator's
    sqlite3 shell) the checkpoint after /forget could not complete, its result was ignored,
    and the name and e-mail stayed in the WAL."""
    course_id = await publish_course(db, "Risk management", days=5)
    chatter = person(make_chatter)
    await sign_up_with_a_profile(chatter, course_id)
    wal = Path(f"{db.path}-wal")
    with closing(sqlite3.connect(db.path, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM users").fetchall()
        await chatter.send("/forget")
        sent = await chatter.press(ForgetCb(confirm=True).pack())
        assert "Your personal data has been deleted." in texts(sent)[0]
        assert db.wal_pending  # blocked by the reader, known, to be retried
        reader.execute("COMMIT")
    await db.retry_empty_wal()  # the job that runs every minute
    assert not db.wal_pending
    # The files as they are, no checkpoint of our own: the WAL is empty, and neither it nor
    # the database file holds the person.
    assert read_files(wal) == b""
    stored = read_files(db.path, wal)
    assert FULL_NAME.encode() not in stored and EMAIL.encode() not in stored


async def test_before_consent_only_the_id_and_language_are_stored(make_chatter, db):
    """Issue 11: Telegram's names were stored for everyone, before any consent, while
    `consent-declined` said nothing had been stored."""
    chatter = person(make_chatter, user_id=5_000_000_123)
    sent = await chatter.send("/start")
    assert f"Welcome, {TELEGRAM['first_name']}!" in texts(sent)[0]  # from the update
    await chatter.press(LanguageCb(code="ru").pack())
    await chatter.send("/profile")
    sent = await chatter.press(ConsentCb(agree=False).pack())
    assert (
        "бот хранит только ваш ID в Telegram, язык, время вашего первого и последнего"
        in (texts(sent)[-1])
    )

    row = await db.fetch_one("SELECT * FROM users WHERE id = ?", (chatter.user.id,))
    assert row is not None
    assert {key for key, value in dict(row).items() if value is not None} == {
        "id",
        "telegram_language",
        "language",
        "is_active",
        "created_at",
        "last_seen_at",
    }
    stored = await file_bytes(db)
    assert [name for name in TELEGRAM if TELEGRAM[name].encode() in stored] == []


async def test_an_organiser_who_is_forgotten_stays_in_the_records_under_a_pseudonym(
    make_chatter, db
):
    """Issue 11: the audit log and announcements kept an organiser's Telegram id."""
    course_id = await publish_course(db, "Transit", days=5)
    organiser = make_chatter(ORGANISER_ID)
    await organiser.send("/start")
    await organiser.press(AdminCourseCb(action=AdminAction.XLSX, course_id=course_id).pack())
    announcements = organiser.dp["announcements"]
    item = await announcements.create(
        created_by=ORGANISER_ID, text_en="News", text_ru="Новости", audience={"kind": "all"}
    )
    await announcements.send_now(item.id)
    assert (await announcements.get(item.id)).created_by == ORGANISER_ID  # cached now

    await organiser.send("/forget")
    await organiser.press(ForgetCb(confirm=True).pack())
    assert (await announcements.get(item.id)).created_by < 0  # a pseudonym, cache included
    await organiser.send("/start")
    (audit,) = texts(await organiser.send("/audit"))
    (listing,) = texts(await organiser.send("/announcements"))
    for text in (audit, listing):
        assert "a person who asked to be forgotten" in text and str(ORGANISER_ID) not in text
