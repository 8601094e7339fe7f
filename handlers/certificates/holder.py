"""An officer's certificates: /certificates lists them, each sent again on request; the short
dialog for the name in Latin letters an English certificate needs."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.errors import InvalidInput
from bot.services import certificate_codes as codes
from bot.services.certificate_files import CertificateFiles
from bot.services.certificates import CertificateService, is_latin_name
from bot.services.profiles import clean_text
from bot.ui.callbacks import CertAction, CertCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, close_question, pressed_under_question, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import NOT_COMMAND
from storage.certificates import Certificate

router = Router(name=__name__)


class CertificateName(StatesGroup):
    latin = State()


def _state_key(certificate: Certificate) -> str:
    if certificate.revoked_at is not None:
        return "certificate-mine-revoked"
    if certificate.sent_at is None:
        return "certificate-mine-waiting"
    return "certificate-mine-valid"


@router.message(Command("certificates"))
@router.callback_query(CertCb.filter(F.action == CertAction.MINE))
async def my_certificates(
    event: Message | CallbackQuery, ctx: UpdateContext, certificates: CertificateService
) -> None:
    if isinstance(event, CallbackQuery):
        await event.answer()
    t = ctx.t
    mine = await certificates.mine(ctx.user.id)
    if not mine:
        await ctx.send(t("certificate-mine-none"))
        return
    lines = [t("certificate-mine-title", count=len(mine))]
    kb = InlineKeyboardBuilder()
    waiting = False
    for number, (certificate, course) in enumerate(mine, 1):
        title = course.title(t.locale)
        code = codes.display(certificate.code)
        lines.append(t(_state_key(certificate), number=str(number), title=title, code=code))
        if certificate.revoked_at is None and certificate.sent_at is not None:
            kb.button(
                text=t.plain("button-certificate-send", number=str(number), title=title),
                callback_data=CertCb(action=CertAction.SEND, certificate_id=certificate.id),
            )
        waiting = waiting or _state_key(certificate) == "certificate-mine-waiting"
    if waiting:
        kb.button(
            text=t.plain("button-certificate-latin-name"),
            callback_data=CertCb(action=CertAction.LATIN_NAME),
        )
    kb.adjust(1)
    await ctx.send("\n".join(lines), kb.as_markup() if kb.buttons else None)


@router.callback_query(CertCb.filter(F.action == CertAction.SEND))
async def send_again(
    callback: CallbackQuery,
    callback_data: CertCb,
    ctx: UpdateContext,
    certificates: CertificateService,
    certificate_files: CertificateFiles,
) -> None:
    """The holder's certificate file again (their own only: the button may be forged)."""
    certificate = await certificates.own(ctx.user.id, callback_data.certificate_id)
    await callback.answer()
    me = await ctx.bot.me()
    made = await certificate_files.made(certificate.id, ctx.t.locale, me.username or "")
    if made is None:
        raise InvalidInput("certificate-error-not-valid")
    data, name = made
    await ctx.send_file(BufferedInputFile(data, filename=name))


# -- the name in Latin letters ---------------------------------------------------------------


@router.callback_query(CertCb.filter(F.action == CertAction.LATIN_NAME))
async def ask_latin_name(callback: CallbackQuery, ctx: UpdateContext, state: FSMContext) -> None:
    """ "Your name in Latin letters, as in your passport", offering the profile's name when it
    is written in Latin letters already."""
    await callback.answer()
    t, user = ctx.t, ctx.user
    if not user.has_consented:
        raise InvalidInput("error-consent-required")
    kb = InlineKeyboardBuilder()
    offered = clean_text(user.latin_name or user.full_name)
    if offered and is_latin_name(offered):
        kb.button(
            text=t.plain("button-certificate-use-name", name=offered),
            callback_data=CertCb(action=CertAction.USE_NAME),
        )
    add_navigation(kb, t, back=False)
    await state.set_state(CertificateName.latin)
    await send_question(ctx, state, t("certificate-ask-latin-name"), kb.as_markup())


async def _take(
    ctx: UpdateContext, state: FSMContext, certificates: CertificateService, name: str | None
) -> None:
    """Store the name and send what waited for it; a name refused is said, the question
    stays."""
    sent = await certificates.give_latin_name(ctx.user.id, name)
    await close_question(ctx, state)
    await state.clear()
    await ctx.send(ctx.t("certificate-latin-name-saved", count=sent))


@router.message(CertificateName.latin, F.text, NOT_COMMAND)
async def latin_name_typed(
    message: Message, ctx: UpdateContext, state: FSMContext, certificates: CertificateService
) -> None:
    await _take(ctx, state, certificates, message.text)


@router.callback_query(CertificateName.latin, CertCb.filter(F.action == CertAction.USE_NAME))
async def latin_name_offered(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    certificates: CertificateService,
) -> None:
    await pressed_under_question(callback, state)
    await callback.answer()
    await _take(ctx, state, certificates, ctx.user.latin_name or ctx.user.full_name)


@router.message(CertificateName.latin, NOT_COMMAND)
async def latin_name_needs_text(message: Message, ctx: UpdateContext) -> None:
    await message.answer(ctx.t("profile-hint-text"))
