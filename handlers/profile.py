"""Consent, the step-by-step profile dialog, /profile and /forget.

Every answer is stored the moment it is accepted, so a participant who stops half-way (or
whose connection drops) continues from the first missing field next time.
"""

from __future__ import annotations

from dataclasses import replace

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.commands import forget_chat_commands
from bot.config import Settings
from bot.countries import BY_CODE, COUNTRIES, NAMED_ZONES, TIMEZONE_CHOICES, zone_slug
from bot.errors import InvalidInput
from bot.i18n import Localizations, Translator
from bot.services.certificates import CertificateService
from bot.services.nominations import NominationService
from bot.services.profiles import ProfileService, clean_text, find_zone, match_name
from bot.services.signups import SignupService
from bot.ui import keyboards
from bot.ui.callbacks import (
    ConsentCb,
    CountryCb,
    DialogAction,
    DialogCb,
    ForgetCb,
    MenuAction,
    MenuCb,
    ProfileAction,
    ProfileCb,
    TimezoneCb,
)
from bot.ui.context import UpdateContext
from bot.ui.dialog import close_question, pressed_under_question, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.profile_screens import (
    EDIT,
    WIZARD,
    WIZARD_STEPS,
    ProfileForm,
    ask,
    in_wizard,
    open_profile,
    question_buttons,
    send_card,
)
from bot.ui.replies import NOT_COMMAND, close_buttons, edit, edit_buttons
from handlers.screens.invitation import send_invitation
from handlers.screens.signup_replies import report_signup
from storage.users import PROFILE_FIELDS, User

router = Router(name=__name__)


# -- entry points ----------------------------------------------------------------------------


@router.message(Command("profile"))
@router.callback_query(MenuCb.filter(F.action == MenuAction.PROFILE))
async def profile_command(
    event: Message | CallbackQuery, ctx: UpdateContext, state: FSMContext
) -> None:
    """/profile, or Profile in the main menu."""
    if isinstance(event, CallbackQuery):
        await event.answer()
    await open_profile(ctx, state)


@router.callback_query(ConsentCb.filter(F.agree))
async def consent_given(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, profiles: ProfileService
) -> None:
    await close_buttons(callback)
    if ctx.user.has_consented:
        return  # a double tap: the dialog has already moved on
    data = await state.get_data()
    ctx = replace(ctx, user=await profiles.give_consent(ctx.user.id))
    await ctx.send(ctx.t("consent-thanks"))
    await open_profile(
        ctx,
        state,
        pending_signup=data.get("pending_signup"),
        pending_invite=data.get("pending_invite"),
    )


@router.callback_query(ConsentCb.filter(~F.agree))
async def consent_declined(callback: CallbackQuery, ctx: UpdateContext, state: FSMContext) -> None:
    await close_buttons(callback)
    await state.clear()
    await ctx.send(ctx.t("consent-declined"))


# -- asking and moving on --------------------------------------------------------------------


def next_step(user: User, answered: str, furthest: str | None = None) -> str | None:
    """The question after `answered` in the step-by-step profile: the next one without an
    answer (the optional e-mail too, once per pass), else any required one still missing.
    After ‹ Back, the steps up to the `furthest` one asked come again one by one (each with
    its answer and Keep as it is), as the person went back through them."""
    later = WIZARD_STEPS[WIZARD_STEPS.index(answered) + 1 :] if answered in WIZARD_STEPS else ()
    revisit = WIZARD_STEPS[: WIZARD_STEPS.index(furthest) + 1] if furthest in WIZARD_STEPS else ()
    for field in later:
        if not getattr(user, field) or field in revisit:
            return field
    return user.missing_profile_fields[0] if user.missing_profile_fields else None


async def after_answer(
    ctx: UpdateContext,
    profiles: ProfileService,
    signups: SignupService,
    nominations: NominationService,
    state: FSMContext,
    answered: str,
    *,
    changed: bool = True,
) -> None:
    """Go to the next question of the step-by-step profile, or finish and show the profile.

    `changed`: False when the answer was "Keep as it is".
    """
    user = await profiles.get(ctx.user.id)
    ctx = replace(ctx, user=user)
    data = await state.get_data()
    furthest = data.get("furthest")
    if data.get("mode") == WIZARD and (field := next_step(user, answered, furthest)):
        await ask(ctx, field, state)
        return
    await close_question(ctx, state)  # the last one, answered by a typed message
    if data.get("mode") == WIZARD:
        await state.clear()
        await ctx.send(ctx.t("profile-saved"))
    else:
        await state.clear()
        await ctx.send(ctx.t("profile-field-saved" if changed else "profile-field-kept"))
    pending = data.get("pending_signup")
    if pending and user.profile_complete:
        # The profile was collected for a sign-up: finish it without starting over.
        result = await signups.sign_up(int(pending), user.id)
        await report_signup(ctx.bot, ctx.chat_id, result, user, ctx.t)
        return
    invite = data.get("pending_invite")
    if invite and user.profile_complete:
        # The profile was collected for a focal point's invitation: it comes again.
        await send_invitation(ctx, str(invite), nominations, signups)
        return
    await send_card(ctx)


@router.callback_query(ProfileCb.filter(F.action == ProfileAction.EDIT))
async def edit_field(
    callback: CallbackQuery, callback_data: ProfileCb, ctx: UpdateContext, state: FSMContext
) -> None:
    if callback_data.field not in PROFILE_FIELDS:
        raise InvalidInput("error-button-expired")
    await callback.answer()
    if not ctx.user.has_consented:
        await open_profile(ctx, state)
        return
    await state.set_data({"mode": EDIT})
    await ask(ctx, callback_data.field, state)


@router.callback_query(StateFilter(ProfileForm), DialogCb.filter(F.action == DialogAction.BACK))
async def back(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, raw_state: str
) -> None:
    """‹ Back: the previous question again, with its answer shown and Keep as it is."""
    await pressed_under_question(callback, state)
    field = _field_of(raw_state)
    await close_buttons(callback)
    if not in_wizard(await state.get_data(), field) or field == WIZARD_STEPS[0]:
        await ask(ctx, field, state)  # an old button: ask the current question again
        return
    await ask(ctx, WIZARD_STEPS[WIZARD_STEPS.index(field) - 1], state)


@router.callback_query(StateFilter(ProfileForm), DialogCb.filter(F.action == DialogAction.KEEP))
async def keep(
    callback: CallbackQuery,
    ctx: UpdateContext,
    profiles: ProfileService,
    signups: SignupService,
    nominations: NominationService,
    state: FSMContext,
    raw_state: str,
) -> None:
    """Keep as it is: the saved answer stays, and the dialog moves on."""
    await pressed_under_question(callback, state)
    await close_buttons(callback)
    await after_answer(
        ctx, profiles, signups, nominations, state, _field_of(raw_state), changed=False
    )


def _field_of(raw_state: str) -> str:
    """The profile field a ProfileForm state asks for ("ProfileForm:email" -> "email")."""
    return raw_state.split(":", 1)[1]


# -- answers typed as text -------------------------------------------------------------------


@router.message(ProfileForm.full_name, F.text, NOT_COMMAND)
@router.message(ProfileForm.organisation, F.text, NOT_COMMAND)
@router.message(ProfileForm.position, F.text, NOT_COMMAND)
@router.message(ProfileForm.email, F.text, NOT_COMMAND)
@router.message(ProfileForm.country, F.text, NOT_COMMAND)
@router.message(ProfileForm.timezone, F.text, NOT_COMMAND)
@router.message(ProfileForm.latin_name, F.text, NOT_COMMAND)
async def text_answer(
    message: Message,
    ctx: UpdateContext,
    localizations: Localizations,
    profiles: ProfileService,
    signups: SignupService,
    nominations: NominationService,
    certificates: CertificateService,
    state: FSMContext,
    raw_state: str,
) -> None:
    """The answer to the question being asked, typed: a country by its name in any language,
    a time zone by a city or country (or, for those who know them, an IANA id)."""
    field = _field_of(raw_state)
    if field == "country":
        code = match_name(message.text, country_names(localizations))
        if code is None:
            await _refuse(message, ctx, state, field, ctx.t("profile-error-country"))
            return
        await profiles.set_country(ctx.user.id, code)
    elif field == "timezone":
        zone = find_zone(message.text, zone_names(localizations))
        if zone is None:
            problem = ctx.t("profile-error-timezone", city=clean_text(message.text))
            await _refuse(message, ctx, state, field, problem)
            return
        await profiles.set_timezone(ctx.user.id, zone)
    elif field == "latin_name":
        # Certificates that waited for it go out now.
        await certificates.give_latin_name(ctx.user.id, message.text)
    else:
        await profiles.set_typed(ctx.user.id, field, message.text)
    await after_answer(ctx, profiles, signups, nominations, state, field)


async def _refuse(
    message: Message, ctx: UpdateContext, state: FSMContext, field: str, problem: str
) -> None:
    """A typed name we cannot place: what to do, with the question's buttons again."""
    wizard = in_wizard(await state.get_data(), field)
    # The refusal is the question now: the buttons move under it.
    await send_question(ctx, state, problem, question_buttons(ctx.t, ctx.user, field, wizard))


def country_names(localizations: Localizations) -> dict[str, str]:
    """Country codes by their name in every language the bot speaks."""
    return {
        localizations.get(locale).plain(c.name_key): c.code
        for locale in localizations.locales
        for c in COUNTRIES
    }


def zone_names(localizations: Localizations) -> dict[str, str]:
    """Time zones by the places people type for them, in every language the bot speaks: the
    cities zones are named after, the cities on the time-zone buttons, capitals and countries."""
    names: dict[str, str] = {}
    for locale in localizations.locales:
        t = localizations.get(locale)
        for zone in TIMEZONE_CHOICES:
            for city in t.plain(keyboards.timezone_key(zone)).split(","):
                names[city.strip()] = zone
        for zone in NAMED_ZONES:
            names[t.plain(f"tz-city-{zone_slug(zone)}")] = zone
        for c in COUNTRIES:
            names[t.plain(c.name_key)] = c.timezone
            if t.has(c.capital_key):
                names[t.plain(c.capital_key)] = c.timezone
    return names


@router.message(ProfileForm.country, NOT_COMMAND)
@router.message(ProfileForm.timezone, NOT_COMMAND)
async def buttons_expected(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-buttons"))


@router.message(ProfileForm.full_name, NOT_COMMAND)
@router.message(ProfileForm.organisation, NOT_COMMAND)
@router.message(ProfileForm.position, NOT_COMMAND)
@router.message(ProfileForm.email, NOT_COMMAND)
@router.message(ProfileForm.latin_name, NOT_COMMAND)
async def text_expected(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))


# -- answers given with buttons --------------------------------------------------------------


# The country buttons count only while the profile asks for the country: one left in the chat
# (or another dialog's) must never change the person's country.
@router.callback_query(CountryCb.filter(F.code == ""), ProfileForm.country)
async def country_page(
    callback: CallbackQuery, callback_data: CountryCb, ctx: UpdateContext, state: FSMContext
) -> None:
    await callback.answer()
    wizard = in_wizard(await state.get_data(), "country")
    markup = question_buttons(ctx.t, ctx.user, "country", wizard, page=callback_data.page)
    await edit_buttons(callback, markup)


@router.callback_query(ProfileCb.filter(F.action == ProfileAction.SKIP), ProfileForm.email)
@router.callback_query(ProfileCb.filter(F.action == ProfileAction.CLEAR), ProfileForm.email)
@router.callback_query(CountryCb.filter(), ProfileForm.country)
@router.callback_query(TimezoneCb.filter(), ProfileForm.timezone)
async def button_answer(
    callback: CallbackQuery,
    callback_data: ProfileCb | CountryCb | TimezoneCb,
    ctx: UpdateContext,
    profiles: ProfileService,
    signups: SignupService,
    nominations: NominationService,
    state: FSMContext,
) -> None:
    """The answer chosen with a button: a country, a time zone, no e-mail address (Skip in
    the step-by-step profile) or the saved one removed (its own button when editing it)."""
    user_id = ctx.user.id
    if isinstance(callback_data, CountryCb):
        await profiles.set_country(user_id, callback_data.code)
        await callback.answer()
        country = ctx.t(BY_CODE[callback_data.code].name_key)
        await edit(callback, f"{ctx.t('profile-ask-country')} {country}")
        answered = "country"
    elif isinstance(callback_data, TimezoneCb):
        if not 0 <= callback_data.index < len(TIMEZONE_CHOICES):
            raise InvalidInput("error-button-expired")
        await profiles.set_timezone(user_id, TIMEZONE_CHOICES[callback_data.index])
        await close_buttons(callback)
        answered = "timezone"
    else:
        await close_buttons(callback)
        wizard = in_wizard(await state.get_data(), "email")
        # An old Skip left in the chat never deletes an address while it is being edited.
        if wizard == (callback_data.action == ProfileAction.SKIP):
            await profiles.set_email(user_id, None)
        answered = "email"
    await after_answer(ctx, profiles, signups, nominations, state, answered)


# -- /forget ---------------------------------------------------------------------------------


def _forget_keyboard(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-forget-confirm"), callback_data=ForgetCb(confirm=True))
    kb.button(
        text=t("button-forget-keep"), callback_data=ProfileCb(action=ProfileAction.DONE, field="")
    )
    return kb.as_markup()


def _forget_question(t: Translator, settings: Settings) -> str:
    # Backups keep what is deleted until the daily rotation drops them: the text says how long.
    return t("forget-confirm", days=settings.backup_keep)


@router.message(Command("forget"))
async def forget_command(message: Message, t: Translator, settings: Settings) -> None:
    await message.answer(_forget_question(t, settings), reply_markup=_forget_keyboard(t))


@router.callback_query(ForgetCb.filter(~F.confirm))
async def forget_from_card(
    callback: CallbackQuery, ctx: UpdateContext, settings: Settings
) -> None:
    await callback.answer()
    await ctx.send(_forget_question(ctx.t, settings), _forget_keyboard(ctx.t))


@router.callback_query(ForgetCb.filter(F.confirm))
async def forget_confirmed(
    callback: CallbackQuery, ctx: UpdateContext, profiles: ProfileService, settings: Settings
) -> None:
    await profiles.forget(ctx.user.id)  # their dialog state too, cached copy and rows
    await callback.answer()
    await edit(callback, ctx.t("forget-done"))
    if ctx.user.id not in settings.admin_ids:  # organisers keep their organiser menu
        await forget_chat_commands(ctx.bot, ctx.user.id)


@router.callback_query(ProfileCb.filter(F.action == ProfileAction.DONE))
async def forget_declined(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer()
    await edit(callback, t("forget-kept"))
