"""The profile's screens, shared by the profile dialog and the features that send people into
it (a sign-up that needs a finished profile): consent, the next question, the profile card."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.ui import keyboards
from bot.ui.callbacks import ConsentCb, ForgetCb, ProfileAction, ProfileCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, send_question, with_step
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.timefmt import zone_name
from storage.users import PROFILE_FIELDS, User

SKIP, CLEAR = ProfileAction.SKIP, ProfileAction.CLEAR

WIZARD = "wizard"  # FSM data "mode": going through every missing field
EDIT = "edit"  # FSM data "mode": changing one field from the profile card


class ProfileForm(StatesGroup):
    full_name = State()
    country = State()
    organisation = State()
    position = State()
    email = State()
    timezone = State()
    latin_name = State()


STATE_OF = {name: getattr(ProfileForm, name) for name in PROFILE_FIELDS}
# The questions of the step-by-step profile, in order ("Step 2 of 5"); the time zone follows
# the country and is changed from the card.
WIZARD_STEPS = ("full_name", "country", "organisation", "position", "email")


async def open_profile(
    ctx: UpdateContext,
    state: FSMContext,
    pending_signup: int | None = None,
    pending_invite: str | None = None,
) -> None:
    """Ask for consent, continue an unfinished profile, or show the finished one.

    `pending_signup`: the course whose sign-up is finished once the profile is complete;
    `pending_invite`: the focal point's invitation shown again then.
    """
    user = ctx.user
    carried: dict[str, int | str] = {}
    if pending_signup:
        carried["pending_signup"] = pending_signup
    if pending_invite:
        carried["pending_invite"] = pending_invite
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
    """The profile question for `field`: in the step-by-step profile with "Step 2 of 5",
    ‹ Back and ✖️ Cancel; when editing from the card with "Keep as it is". A field that has a
    value shows it, and Keep as it is leaves it so."""
    t, user = ctx.t, ctx.user
    wizard = in_wizard(await state.get_data(), field)
    await state.set_state(STATE_OF[field])
    current = shown_value(user, field, t)
    question = t(_question_key(field, wizard, has_value=current is not None))
    if current is not None:
        question += "\n" + t("profile-current", value=current)
    if wizard:
        number = WIZARD_STEPS.index(field) + 1
        question = with_step(t, number, len(WIZARD_STEPS), question)
        await _note_furthest(state, field)
    await send_question(ctx, state, question, question_buttons(t, user, field, wizard))


async def _note_furthest(state: FSMContext, field: str) -> None:
    """Keep the furthest step asked, so that after ‹ Back the way forward passes every step
    gone back through (see handlers.profile.next_step)."""
    furthest = (await state.get_data()).get("furthest")
    if furthest not in WIZARD_STEPS or WIZARD_STEPS.index(field) > WIZARD_STEPS.index(furthest):
        await state.update_data(furthest=field)


def in_wizard(data: dict[str, Any], field: str) -> bool:
    """Whether `field` is being asked as a step of the step-by-step profile (not edited)."""
    return data.get("mode") == WIZARD and field in WIZARD_STEPS


def question_buttons(
    t: Translator, user: User, field: str, wizard: bool, page: int = 0
) -> InlineKeyboardMarkup:
    """Under a question: its answers' buttons, then ‹ Back / ✖️ Cancel in the step-by-step
    profile, or Keep as it is for one field edited from the card."""
    has_value = shown_value(user, field, t) is not None
    kb = answer_buttons(t, field, wizard, has_value=has_value, page=page)
    if wizard:
        back = WIZARD_STEPS.index(field) > 0
        add_navigation(kb, t, back=back, keep=has_value)
    else:
        # One field from the card: no steps to go back to, and Keep as it is says "no change".
        add_navigation(kb, t, back=False, keep=True, cancel=False)
    return kb.as_markup()


def _question_key(field: str, wizard: bool, *, has_value: bool) -> str:
    # The e-mail question names the button under it: Skip in the step-by-step profile, the
    # removal of a saved address when editing one (never a Skip that would delete it).
    if field == "email" and not wizard:
        return "profile-ask-email-change" if has_value else "profile-ask-email-edit"
    return f"profile-ask-{field}"


def answer_buttons(
    t: Translator, field: str, wizard: bool, *, has_value: bool, page: int = 0
) -> InlineKeyboardBuilder:
    """The buttons that answer the question for `field` (none for typed answers)."""
    if field == "country":
        return keyboards.country_page(t, page)
    if field == "timezone":
        return keyboards.timezones(t)
    kb = InlineKeyboardBuilder()
    if field == "email" and wizard:
        kb.button(text=t.plain("button-skip"), callback_data=ProfileCb(action=SKIP, field=field))
    elif field == "email" and has_value:
        kb.button(
            text=t.plain("button-email-remove"), callback_data=ProfileCb(action=CLEAR, field=field)
        )
    return kb


def shown_value(user: User, field: str, t: Translator) -> str | None:
    """The saved answer as the profile card shows it, or None when there is none."""
    if field == "country":
        country = BY_CODE.get(user.country or "")
        return t(country.name_key) if country else None
    if field == "timezone":
        return zone_name(user.timezone, t) if user.timezone else None
    value = getattr(user, field)
    return str(value) if value else None


async def send_card(ctx: UpdateContext) -> None:
    await ctx.send(profile_card(ctx.user, ctx.t), _card_keyboard(ctx.t))


def profile_card(user: User, t: Translator) -> str:
    unset = t("profile-not-set")
    values = {field: shown_value(user, field, t) or unset for field in PROFILE_FIELDS}
    values["timezone"] = zone_name(user.timezone or "UTC", t)
    return t("profile-card", name=values.pop("full_name"), **values)


def _card_keyboard(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for field in PROFILE_FIELDS:
        kb.button(
            text=t(f"button-edit-{field}"),
            callback_data=ProfileCb(action=ProfileAction.EDIT, field=field),
        )
    kb.button(text=t("button-forget"), callback_data=ForgetCb(confirm=False))
    kb.adjust(2, 2, 2, 1, 1)
    return kb.as_markup()
