"""Certificates through the production Dispatcher (issue 15): attendance per day, the
organiser's issue, list, reissue and revoke screens, the holder's /certificates and Latin
name, /verify, and forged presses."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage

from bot.services import certificate_codes as codes
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    CertAction,
    CertCb,
    CourseAction,
    CourseCb,
    ForgetCb,
)
from storage.certificates import CertificateRepository
from storage.courses import CourseRepository
from storage.registrations import RegistrationRepository
from storage.users import UserRepository
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, press_under_question, texts
from tests.handlers.test_courses import complete_profile, publish_course


async def two_day_course(make_chatter, db, people=(11, 12), **fields) -> int:
    course_id = await publish_course(db, "Single Window", days=5, length=2)
    if fields:
        await CourseRepository(db).update(course_id, fields, bump_revision=False)
    for user_id in people:
        await complete_profile(db, user_id)
        await make_chatter(user_id=user_id).press(
            CourseCb(action=CourseAction.SIGN_UP, course_id=course_id).pack()
        )
    return course_id


def attendance(course_id: int, day: int = 0) -> str:
    return AdminCourseCb(action=AdminAction.ATTENDANCE, course_id=course_id, arg=str(day)).pack()


def cert(action: CertAction, course_id: int = 0, certificate_id: int = 0) -> str:
    return CertCb(action=action, course_id=course_id, certificate_id=certificate_id).pack()


async def mark(organiser, course_id: int, user_id: int, *days: int) -> None:
    for day in days:
        sent = await organiser.press(attendance(course_id, day))
        toggle = next(d for d in buttons(sent[-1]).values() if d.endswith(f":{user_id}d{day}"))
        await organiser.press(toggle)


async def issued_to_one(make_chatter, db, people=(11,)):
    """A two-day course, Ion 11 (Latin name "Ion Eleven") present on both days, the
    certificate issued: the organiser, the course and the certificate."""
    course_id = await two_day_course(make_chatter, db, people=people)
    await UserRepository(db).set_latin_name(11, "Ion Eleven")
    organiser = make_chatter(user_id=ORGANISER_ID)
    await mark(organiser, course_id, 11, 0, 1)
    await organiser.press(cert(CertAction.ISSUE, course_id))
    (certificate,) = await CertificateRepository(db).of_course(course_id)
    return organiser, course_id, certificate


def last_edit(sent) -> EditMessageText:
    return [r for r in sent if isinstance(r, EditMessageText)][-1]


async def test_a_two_day_course_has_a_day_switch_and_days_attended_per_name(make_chatter, db):
    course_id = await two_day_course(make_chatter, db)
    organiser = make_chatter(user_id=ORGANISER_ID)
    sent = await organiser.press(attendance(course_id))
    labels = buttons(sent[-1])
    days = [text for text in labels if "Day " in text]
    assert len(days) == 2 and days[0].startswith("▸ Day 1 · ") and days[1].startswith("Day 2")
    assert "▫️ Ion 11 · 0/2" in labels
    # ‹ Back has a row of its own: beside the last name it would cut that name off.
    assert [b.text for b in sent[-1].reply_markup.inline_keyboard[-1]] == ["‹ Back"]
    await mark(organiser, course_id, 11, 0, 1)
    sent = await organiser.press(attendance(course_id, 1))
    labels = buttons(sent[-1])
    assert "✅ Ion 11 · 2/2" in labels and "▫️ Ion 12 · 0/2" in labels
    assert next(t for t in labels if t.startswith("▸ ")).startswith("▸ Day 2")
    assert "Day 2 of 2" in last_edit(sent).text
    registration = await RegistrationRepository(db).get(course_id, 11)
    assert registration.attended and registration.attended_days == 0b11


async def test_issue_preview_says_who_qualifies_and_why_not(make_chatter, db):
    course_id = await two_day_course(make_chatter, db, people=(11, 12, 13), certificate=80)
    for user_id in (11, 12, 13):
        await UserRepository(db).set_latin_name(user_id, f"Ion {user_id}")
    organiser = make_chatter(user_id=ORGANISER_ID)
    await mark(organiser, course_id, 11, 0, 1)
    await mark(organiser, course_id, 12, 0, 1)
    await mark(organiser, course_id, 13, 0)  # absent on day 2
    card = await organiser.press(
        AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
    )
    assert "🎓 Issue certificates" in buttons(card[-1])
    assert "at least 80% of the days attended" in last_edit(card).text
    sent = await organiser.press(buttons(card[-1])["🎓 Issue certificates"])
    preview = last_edit(sent).text
    assert "2 of 3 attendees qualify: at least 80% of 2 days attended." in preview
    assert "Do not qualify: Ion 13 (1/2)." in preview
    sent = await organiser.press(buttons(sent[-1])["🎓 Issue 2"])
    assert "2 certificates issued" in texts(sent)[0]
    issued = await CertificateRepository(db).of_course(course_id)
    assert sorted(c.user_id for c in issued) == [11, 12]
    # A second press issues nothing new.
    sent = await organiser.press(cert(CertAction.ISSUE, course_id))
    assert "No new certificates" in texts(sent)[0]
    assert len(await CertificateRepository(db).of_course(course_id)) == 2


async def test_organiser_reissues_and_revokes_from_the_course_certificates(make_chatter, db):
    organiser, course_id, certificate = await issued_to_one(make_chatter, db)
    sent = await organiser.press(cert(CertAction.LIST, course_id))
    assert codes.display(certificate.code) in last_edit(sent).text
    sent = await organiser.press(buttons(sent[-1])["1. Ion 11"])
    assert "Issued to: Ion Eleven / Ion 11" in last_edit(sent).text
    await UserRepository(db).set_latin_name(11, "Ion Unsprezece")
    sent = await organiser.press(buttons(sent[-1])["🔁 Reissue"])
    assert "issue 2" in texts(sent)[0]
    renewed = await CertificateRepository(db).get(certificate.id)
    assert renewed.code == certificate.code and renewed.name_en == "Ion Unsprezece"
    sent = await organiser.press(buttons(last_edit(sent))["⛔ Revoke"])
    assert "Revoke certificate" in last_edit(sent).text
    sent = await organiser.press(buttons(last_edit(sent))["Yes, revoke"])
    assert "Certificate revoked" in texts(sent)[0]
    assert (await CertificateRepository(db).get(certificate.id)).revoked_at is not None
    audit = await db.fetch_all("SELECT action FROM audit_log WHERE action LIKE 'certificate.%'")
    assert [row[0] for row in audit] == [
        "certificate.issued",
        "certificate.reissued",
        "certificate.revoked",
    ]


async def test_forged_certificate_presses_by_a_participant_change_nothing(make_chatter, db):
    organiser, course_id, certificate = await issued_to_one(make_chatter, db, people=(11, 12))
    stranger = make_chatter(user_id=12)
    for data in (
        cert(CertAction.PREVIEW, course_id),
        cert(CertAction.ISSUE, course_id),
        cert(CertAction.REISSUE, course_id, certificate.id),
        cert(CertAction.REVOKE_YES, course_id, certificate.id),
        cert(CertAction.SEND, certificate_id=certificate.id),  # someone else's
    ):
        sent = await stranger.press(data)
        assert any(isinstance(r, AnswerCallbackQuery) for r in sent), data
        assert not any(isinstance(r, SendDocument) for r in sent), data
    after = await CertificateRepository(db).get(certificate.id)
    assert after.revoked_at is None and after.version == 1
    # An organiser's press with ids that do not belong together is refused too.
    sent = await organiser.press(cert(CertAction.REVOKE_YES, course_id + 1, certificate.id))
    assert (await CertificateRepository(db).get(certificate.id)).revoked_at is None


async def test_holder_lists_certificates_and_gets_the_file_again(make_chatter, db):
    await issued_to_one(make_chatter, db)
    holder = make_chatter(user_id=11)
    sent = await holder.send("/certificates")
    assert "Your certificates" in sent[-1].text
    sent = await holder.press(buttons(sent[-1])["📄 1. Single Window"])
    (document,) = [r for r in sent if isinstance(r, SendDocument)]
    assert document.document.filename.endswith(".pdf")


async def test_holder_without_latin_name_is_asked_and_offered_their_latin_full_name(
    make_chatter, db
):
    course_id = await two_day_course(make_chatter, db, people=(11,))
    await UserRepository(db).set_profile_field(11, "full_name", "Ion Popescu")
    organiser = make_chatter(user_id=ORGANISER_ID)
    await mark(organiser, course_id, 11, 0, 1)
    await organiser.press(cert(CertAction.ISSUE, course_id))
    outbox = await db.fetch_all("SELECT kind FROM outbox WHERE user_id = 11")
    assert [row[0] for row in outbox if row[0].startswith("certificate")] == [
        "certificate_latin_name"
    ]
    holder = make_chatter(user_id=11)
    sent = await holder.press(cert(CertAction.LATIN_NAME))
    question = [r for r in sent if isinstance(r, SendMessage)][-1]
    assert "as in your passport" in question.text
    assert "✅ Ion Popescu" in buttons(question)  # the profile's name is in Latin letters
    sent = await holder.send("Иван")
    assert "Latin letters only" in texts(sent)[0]
    sent = await press_under_question(holder, buttons(question)["✅ Ion Popescu"])
    assert "Your certificate is on its way" in texts(sent)[-1]
    assert (await UserRepository(db).get(11)).latin_name == "Ion Popescu"
    kinds = [row[0] for row in await db.fetch_all("SELECT kind FROM outbox WHERE user_id = 11")]
    assert "certificate" in kinds


NOT_FOUND_RU = "Сертификат с таким кодом не найден. Проверьте код, напечатанный под QR-кодом."


async def test_verify_answers_genuine_revoked_and_forged_codes(make_chatter, db):
    organiser, course_id, certificate = await issued_to_one(make_chatter, db)
    shown = codes.display(certificate.code)
    anyone = make_chatter(user_id=77, language_code="ru")  # no profile at all
    sent = await anyone.send(f"/verify {shown.lower()}")
    assert "подлинный" in sent[-1].text and "Ion Eleven" in sent[-1].text
    sent = await anyone.send(f"/start v{certificate.code}")
    assert "подлинный" in sent[-1].text
    sent = await anyone.send("/verify 7KQ2-M9XD-4HPT")
    assert sent[-1].text == NOT_FOUND_RU
    sent = await anyone.send("/verify <b>forged</b>")
    assert sent[-1].text == NOT_FOUND_RU
    # Without a code it asks for one, and the next message is checked.
    sent = await anyone.send("/verify")
    assert "код проверки сертификата" in sent[-1].text
    sent = await anyone.send(shown)
    assert "подлинный" in sent[-1].text
    await organiser.press(cert(CertAction.REVOKE_YES, course_id, certificate.id))
    sent = await anyone.send(f"/verify {shown}")
    assert "отозван" in sent[-1].text


async def test_verify_answers_someone_who_deleted_their_data(make_chatter, db):
    _, _, certificate = await issued_to_one(make_chatter, db)
    holder = make_chatter(user_id=11)
    await holder.press(ForgetCb(confirm=True).pack())
    sent = await holder.send(f"/verify {certificate.code}")  # no row any more: still answered
    assert "deleted their data" in sent[-1].text
    assert "Ion Eleven" not in sent[-1].text


async def test_course_form_takes_certificate_fields_and_explains_bad_values(make_chatter, db):
    organiser = make_chatter(user_id=ORGANISER_ID)
    form = (
        "/newcourse\ntitle_en: Transit\nstart: 2031-03-12 09:00\nend: 2031-03-13 17:00\n"
        "venue: Baku\nlanguage: en\ncertificate: 180%\nhours: 16\n"
        "certificate_language: bilingual"
    )
    sent = await organiser.send(form)
    assert "write the percentage of days from 1 to 100" in texts(sent)[0]
    sent = await organiser.send(form.replace("180%", "80%"))
    course = (await CourseRepository(db).all(0, 1))[0][0]
    assert (course.certificate, course.certificate_language, course.hours) == (
        80,
        "bilingual",
        16,
    )
    card = "\n".join(texts(sent))
    assert "🎓 Certificates: at least 80% of the days attended · in English and Russian" in card


async def test_profile_shows_and_edits_the_latin_name(make_chatter, db):
    await complete_profile(db, 11)
    holder = make_chatter(user_id=11)
    sent = await holder.send("/profile")
    assert "Name in Latin letters: —" in sent[-1].text
    await holder.press(buttons(sent[-1])["✏️ Name in Latin letters"])
    sent = await holder.send("Ion Popescu")
    assert (await UserRepository(db).get(11)).latin_name == "Ion Popescu"
    assert "Name in Latin letters: Ion Popescu" in texts(sent)[-1]


async def test_organiser_sees_who_waits_for_the_latin_name_and_asks_them_again(make_chatter, db):
    course_id = await two_day_course(make_chatter, db, people=(11,))
    organiser = make_chatter(user_id=ORGANISER_ID)
    await mark(organiser, course_id, 11, 0, 1)
    await organiser.press(cert(CertAction.ISSUE, course_id))
    sent = await organiser.press(cert(CertAction.LIST, course_id))
    assert "One certificate has not been sent yet" in last_edit(sent).text
    remind = buttons(last_edit(sent))["🔔 Ask again for the name (1)"]
    sent = await organiser.press(remind)
    assert "The holder has been asked again" in texts(sent)[0]
    # The certificate's own card: nothing to reissue yet, the holder can be asked from it too.
    card = buttons(last_edit(sent))["1. Ion 11"]
    sent = await organiser.press(card)
    assert "🔁 Reissue" not in buttons(last_edit(sent))
    sent = await organiser.press(buttons(last_edit(sent))["🔔 Ask again for the name (1)"])
    assert "The holder has been asked again" in texts(sent)[0]
    asks = await db.fetch_all(
        "SELECT 1 FROM outbox WHERE user_id = 11 AND kind = 'certificate_latin_name'"
    )
    assert len(asks) == 3  # when issued, and the two reminders
    holder = make_chatter(user_id=11)
    await holder.press(cert(CertAction.LATIN_NAME))
    await holder.send("Ion Eleven")
    sent = await organiser.press(cert(CertAction.LIST, course_id))
    assert "not been sent yet" not in last_edit(sent).text
    assert "Ask again" not in " ".join(buttons(last_edit(sent)))


async def test_organiser_sees_a_certificate_did_not_reach_a_holder_who_blocked_the_bot(
    make_chatter, db
):
    organiser, course_id, _ = await issued_to_one(make_chatter, db)
    sent = await organiser.press(cert(CertAction.LIST, course_id))
    assert "blocked the bot" not in last_edit(sent).text
    await UserRepository(db).set_active(11, False)  # what delivery does on "bot was blocked"
    sent = await organiser.press(cert(CertAction.LIST, course_id))
    assert "not delivered: the holder has blocked the bot" in last_edit(sent).text


async def test_attendance_page_leads_on_to_the_certificates_once_someone_is_marked(
    make_chatter, db
):
    course_id = await two_day_course(make_chatter, db)
    organiser = make_chatter(user_id=ORGANISER_ID)
    sent = await organiser.press(attendance(course_id))
    assert "🎓 Issue certificates" not in buttons(sent[-1])
    await mark(organiser, course_id, 11, 0, 1)
    sent = await organiser.press(attendance(course_id, 1))
    sent = await organiser.press(buttons(sent[-1])["🎓 Issue certificates"])
    assert "1 of 1 attendee qualifies" in last_edit(sent).text
