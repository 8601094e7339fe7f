"""/start, the main menu, /help and the choice of language."""

from __future__ import annotations

from dataclasses import replace

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.commands import register_chat_commands
from bot.config import Settings
from bot.i18n import Localizations, Translator
from bot.services.certificates import CertificateService
from bot.services.nominations import NominationService
from bot.services.profiles import ProfileService
from bot.services.signups import SignupService
from bot.services.surveys import SurveyService
from bot.ui import keyboards
from bot.ui.callbacks import LanguageCb, MenuAction, MenuCb
from bot.ui.context import UpdateContext
from bot.ui.replies import edit, message_of
from handlers.certificates.verify import answer_verification, deep_link_code
from handlers.screens.course_card import send_course_card
from handlers.screens.invitation import deep_link_invite, send_invitation
from handlers.screens.survey import resend_current

router = Router(name=__name__)


def deep_link_course(args: str | None) -> int | None:
    """`c12` from a https://t.me/<bot>?start=c12 link: the course to open."""
    if args and args.startswith("c") and args[1:].isdecimal() and len(args) < 12:
        return int(args[1:])
    return None


@router.message(CommandStart())
async def start(
    message: Message,
    command: CommandObject,
    ctx: UpdateContext,
    localizations: Localizations,
    settings: Settings,
    state: FSMContext,
    signups: SignupService,
    nominations: NominationService,
    certificates: CertificateService,
) -> None:
    # /start is a fresh beginning; answers already given in a dialog are stored, so none is lost.
    await state.clear()
    user, t = ctx.user, ctx.t
    code = deep_link_code(command.args)
    if code is not None:
        # A certificate's QR code: the answer at once, in the reader's (Telegram's) language.
        await answer_verification(message, code, t, certificates)
        return
    course_id = deep_link_course(command.args)
    invite = deep_link_invite(command.args)
    if user.id in settings.admin_ids:
        # Telegram refuses a chat scope before the organiser's first message; now it exists.
        await register_chat_commands(
            ctx.bot,
            localizations,
            user.id,
            user.language,
            organiser=True,
            default_locale=settings.default_locale,
            # An organiser who is also a focal point keeps /nominate.
            focal_point=bool(await nominations.countries_of(user.id)),
            dashboard_url=settings.dashboard_url,
        )
    # Telegram's name is not stored (issue 11): the greeting takes it from the update.
    sender = message.from_user
    welcome = t("start-welcome", name=sender.first_name if sender else "")
    if user.language is None:
        if course_id is not None:
            # Land on the course right after the language is chosen.
            await state.set_data({"open_course": course_id})
        elif invite is not None:
            await state.set_data({"open_invite": invite})
        await message.answer(
            f"{welcome}\n\n{t('start-choose-language')}",
            reply_markup=keyboards.languages(localizations),
        )
        return
    if course_id is not None:
        await send_course_card(ctx.bot, ctx.chat_id, course_id, user, t, signups, nominations)
        return
    if invite is not None:
        await send_invitation(ctx, invite, nominations, signups)
        return
    await message.answer(welcome)
    await show_menu(message, t)


async def show_menu(message: Message, t: Translator) -> None:
    await message.answer(t("menu-title"), reply_markup=keyboards.main_menu(t))


@router.message(Command("menu"))
async def menu(message: Message, t: Translator) -> None:
    await show_menu(message, t)


@router.message(Command("language"))
async def choose_language(message: Message, t: Translator, localizations: Localizations) -> None:
    await message.answer(t("language-choose"), reply_markup=keyboards.languages(localizations))


@router.callback_query(MenuCb.filter(F.action == MenuAction.LANGUAGE))
async def choose_language_from_menu(
    callback: CallbackQuery, t: Translator, localizations: Localizations
) -> None:
    await callback.answer()
    message = message_of(callback)
    if message is not None:
        await choose_language(message, t, localizations)


@router.callback_query(LanguageCb.filter())
async def set_language(
    callback: CallbackQuery,
    callback_data: LanguageCb,
    ctx: UpdateContext,
    profiles: ProfileService,
    localizations: Localizations,
    state: FSMContext,
    signups: SignupService,
    surveys: SurveyService,
    settings: Settings,
    nominations: NominationService,
) -> None:
    await profiles.set_language(ctx.user.id, callback_data.code)
    # The reply already speaks the new language.
    ctx = replace(ctx, t=localizations.get(callback_data.code))
    t = ctx.t
    await callback.answer(t.plain("language-set"))
    try:
        await _reply_in_the_new_language(
            callback, ctx, profiles, state, signups, surveys, nominations
        )
    finally:
        # The command menu too (Telegram would otherwise show it in the app's language); set
        # last, so that a 429 on it, waited out and retried, never holds back the reply.
        await register_chat_commands(
            ctx.bot,
            localizations,
            ctx.chat_id,
            callback_data.code,
            organiser=ctx.user.id in settings.admin_ids,
            default_locale=settings.default_locale,
            focal_point=bool(await nominations.countries_of(ctx.user.id)),
            dashboard_url=settings.dashboard_url,
        )


async def _reply_in_the_new_language(
    callback: CallbackQuery,
    ctx: UpdateContext,
    profiles: ProfileService,
    state: FSMContext,
    signups: SignupService,
    surveys: SurveyService,
    nominations: NominationService,
) -> None:
    t = ctx.t
    message = message_of(callback)
    if message is None:
        return
    await edit(callback, t("language-set"))
    # Mid-survey: the question being answered comes again, in the new language.
    if await resend_current(ctx.bot, ctx.chat_id, ctx.user.id, t, surveys, state):
        return
    data = await state.get_data()
    course_id = data.get("open_course")
    if course_id is not None:
        await state.clear()
        user = await profiles.get(ctx.user.id)
        await send_course_card(ctx.bot, ctx.chat_id, int(course_id), user, t, signups, nominations)
        return
    invite = data.get("open_invite")
    if invite is not None:
        await state.clear()
        await send_invitation(ctx, str(invite), nominations, signups)
        return
    await show_menu(message, t)


@router.message(Command("help"))
async def help_command(
    message: Message, ctx: UpdateContext, settings: Settings, nominations: NominationService
) -> None:
    await ctx.send(await help_text(ctx, settings, nominations), _help_buttons(ctx))


@router.callback_query(MenuCb.filter(F.action == MenuAction.HELP))
async def help_from_menu(
    callback: CallbackQuery,
    ctx: UpdateContext,
    settings: Settings,
    nominations: NominationService,
) -> None:
    await callback.answer()
    await ctx.send(await help_text(ctx, settings, nominations), _help_buttons(ctx))


def _help_buttons(ctx: UpdateContext) -> InlineKeyboardMarkup:
    """Under the help: a question to the organisers, the way to a person when it does not
    answer (issue 15)."""
    return InlineKeyboardMarkup(inline_keyboard=[[keyboards.ask_organisers(ctx.t)]])


async def help_text(ctx: UpdateContext, settings: Settings, nominations: NominationService) -> str:
    """The participant's help, with the commands of a focal point's and an organiser's role
    for those who have it."""
    parts = [ctx.t("help-participant")]
    if await nominations.countries_of(ctx.user.id):
        parts.append(ctx.t("help-focal-point"))
    if ctx.user.id in settings.admin_ids:
        parts.append(ctx.t("help-organiser"))
    return "\n\n".join(parts)
