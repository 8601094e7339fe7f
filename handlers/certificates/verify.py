"""/verify CODE and the link t.me/<bot>?start=v<CODE>: anyone, with a profile or without,
learns whether a certificate is genuine and whom it was issued to."""

from __future__ import annotations

from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from bot.i18n import Translator
from bot.services import certificate_codes as codes
from bot.services.certificates import CertificateService, Standing, Verification
from bot.ui import course_texts
from bot.ui.replies import NOT_COMMAND
from storage.users import User

# Before the router that turns away people the bot holds no row for: /verify answers them too.
router = Router(name=__name__)


class VerifyForm(StatesGroup):
    code = State()


def deep_link_code(args: str | None) -> str | None:
    """`v7KQ2M9XD4HPT` from a https://t.me/<bot>?start=v... link: the text to check."""
    if args and args.startswith("v") and 1 < len(args) <= 20:
        return args[1:]
    return None


def _printed_names(verification: Verification) -> str:
    certificate = verification.certificate
    by_language = {"en": certificate.name_en, "ru": certificate.name_ru}
    names = [by_language[code] for code in certificate.languages if by_language.get(code)]
    return " / ".join(dict.fromkeys(n for n in names if n)) or "—"


def verification_text(verification: Verification | None, t: Translator) -> str:
    """What a code says, in the reader's language; an unknown or forged code, nothing more
    than that."""
    if verification is None:
        return t("verify-unknown")
    certificate, course = verification.certificate, verification.course
    zone = course.timezone

    def day(moment: datetime) -> str:
        return course_texts.local_time(moment, zone, t.locale, "d MMMM y")

    facts = {
        "code": codes.display(certificate.code),
        "title": course.title(t.locale),
        "when": course_texts.when(course, t),
        "issued": day(certificate.issued_at),
    }
    standing = verification.standing
    if standing == Standing.REVOKED:
        assert certificate.revoked_at is not None
        return t("verify-revoked", revoked=day(certificate.revoked_at), **facts)
    if standing == Standing.ERASED:
        return t("verify-erased", **facts)
    text = t("verify-genuine", names=_printed_names(verification), **facts)
    if certificate.reissued_at is not None:
        text += "\n" + t(
            "verify-reissued",
            reissued=day(certificate.reissued_at),
            version=certificate.version,
        )
    return text


async def answer_verification(
    message: Message, text: str | None, t: Translator, certificates: CertificateService
) -> None:
    await message.answer(verification_text(await certificates.verify(text), t))


@router.message(Command("verify"))
async def verify(
    message: Message,
    command: CommandObject,
    t: Translator,
    state: FSMContext,
    certificates: CertificateService,
    user: User | None = None,
) -> None:
    if command.args:
        await answer_verification(message, command.args, t, certificates)
        return
    if user is not None:
        # The next message is the code (a forgotten person has no dialog: the hint suffices).
        await state.set_state(VerifyForm.code)
    await message.answer(t("verify-ask-code"))


@router.message(VerifyForm.code, F.text, NOT_COMMAND)
async def verify_typed(
    message: Message, t: Translator, state: FSMContext, certificates: CertificateService
) -> None:
    await state.clear()
    await answer_verification(message, message.text, t, certificates)
