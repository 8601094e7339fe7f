"""The profile's screens, shared by the profile dialog and the features that send people into
it (a sign-up that needs a finished profile): consent, the next question, the profile card."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.ui import keyboards
from bot.ui.callbacks import ConsentCb, ForgetCb, ProfileAction, ProfileCb
from bot.ui.context import UpdateContext
from bot.ui.timefmt import utc_offset
from storage.users import PROFILE_FIELDS, User

WIZARD = "wizard"  # FSM data "mode": going through every missing field
EDIT = "edit"  # FSM data "mode": changing one field from the profile card


class ProfileForm(StatesGroup):
    full_name = State()
    country = State()
    organisation = State()
    position = State()
    email = State()
    timezone = State()


STATE_OF = {name: getattr(ProfileForm, name) for name in PROFILE_FIELDS}


async def open_profile(
    ctx: UpdateContext, state: FSMContext, pending_signup: int | None = None
) -> None:
    """Ask for consent, continue an unfinished profile, or show the finished one.

    `pending_signup`: the course whose sign-up is finished once the profile is complete.
    """
    user = ctx.user
    carried = {"pending_signup": pending_signup} if pending_signup else {}
    if not user.has_consented:
        await state.set_data(carried)
        await ctx.send(ctx.t("consent-request"), _consent_keyboard(ctx.t))
    elif user.missing_profile_fields:
        await state.set_data({"mode": WIZARD, **carried})
        await ask(ctx, user.missing_profile_fields[0], state)
    else:
        await state.clear()
        await send_card(ctx)


def _consent_keyboard(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-consent-agree"), callback_data=ConsentCb(agree=True))
    kb.button(text=t("button-consent-decline"), callback_data=ConsentCb(agree=False))
    return kb.as_markup()


async def ask(ctx: UpdateContext, field: str, state: FSMContext) -> None:
    """The profile question for `field`, with its buttons if it has any."""
    t = ctx.t
    await state.set_state(STATE_OF[field])
    markup: InlineKeyboardMarkup | None = None
    if field == "country":
        markup = keyboards.country_page(t, 0)
    elif field == "timezone":
        markup = keyboards.timezones(t)
    elif field == "email":
        markup = keyboards.skip(t, "email")
    await ctx.send(t(f"profile-ask-{field}"), markup)


async def send_card(ctx: UpdateContext) -> None:
    await ctx.send(profile_card(ctx.user, ctx.t), _card_keyboard(ctx.t))


def profile_card(user: User, t: Translator) -> str:
    unset = t("profile-not-set")
    country = BY_CODE.get(user.country or "")
    zone = user.timezone or "UTC"
    return t(
        "profile-card",
        name=user.full_name or unset,
        country=t(country.name_key) if country else unset,
        organisation=user.organisation or unset,
        position=user.position or unset,
        email=user.email or unset,
        timezone=zone,
        offset=utc_offset(zone),
    )


def _card_keyboard(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for field in PROFILE_FIELDS:
        kb.button(
            text=t(f"button-edit-{field}"),
            callback_data=ProfileCb(action=ProfileAction.EDIT, field=field),
        )
    kb.button(text=t("button-forget"), callback_data=ForgetCb(confirm=False))
    kb.adjust(2, 2, 2, 1)
    return kb.as_markup()
