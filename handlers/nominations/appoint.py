"""Appointing a focal point (/focalpoints → ➕ Appoint): the country, then the person, by a
forwarded message, their @username or a pick from the country's officers with a profile."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from bot.config import Settings
from bot.countries import BY_CODE
from bot.errors import InvalidInput
from bot.i18n import Localizations
from bot.services.nominations import NominationService
from bot.services.profiles import ProfileService
from bot.ui import keyboards
from bot.ui.callbacks import DialogAction, DialogCb, FocalAdminAction, FocalAdminCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, close_question, pressed_under_question, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons
from bot.ui.replies import NOT_COMMAND, edit, edit_buttons
from handlers.filters import IsOrganiser
from handlers.nominations.common import (
    PEOPLE_PER_PAGE,
    contact,
    country_name,
    set_focal_point_menu,
)
from handlers.nominations.focal_points import focal_points_screen
from storage.users import User

router = Router(name=__name__)
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())


class AppointFocalPoint(StatesGroup):
    country = State()
    person = State()


@router.callback_query(FocalAdminCb.filter(F.action == FocalAdminAction.ADD))
async def appoint_start(callback: CallbackQuery, ctx: UpdateContext, state: FSMContext) -> None:
    await callback.answer()
    await state.clear()
    await state.set_state(AppointFocalPoint.country)
    await send_question(ctx, state, ctx.t("focal-point-appoint-country"), _countries(ctx, 0))


def _country_button(code: str, page: int) -> FocalAdminCb:
    # Its own callback data: a profile's country button left in the chat must not answer
    # this question, nor this one the profile's (it would change the organiser's country).
    return FocalAdminCb(action=FocalAdminAction.COUNTRY, country=code, page=page)


def _countries(ctx: UpdateContext, page: int) -> InlineKeyboardMarkup:
    kb = keyboards.country_page(ctx.t, page, _country_button)
    return add_navigation(kb, ctx.t, back=False).as_markup()


@router.callback_query(
    FocalAdminCb.filter(F.action == FocalAdminAction.COUNTRY), AppointFocalPoint.country
)
async def country_chosen(
    callback: CallbackQuery,
    callback_data: FocalAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    profiles: ProfileService,
) -> None:
    """A country chosen, or the country list turned to another page."""
    await pressed_under_question(callback, state)
    code = callback_data.country
    if code and code not in BY_CODE:
        raise InvalidInput("error-button-expired")
    await callback.answer()
    if not code:
        await edit_buttons(callback, _countries(ctx, callback_data.page))
        return
    await state.update_data(country=code)
    await state.set_state(AppointFocalPoint.person)
    text, markup = await _person_question(ctx, profiles, code, 0)
    await edit(callback, text, markup)


async def _person_question(
    ctx: UpdateContext, profiles: ProfileService, country: str, number: int
) -> tuple[str, InlineKeyboardMarkup]:
    t = ctx.t
    people = await profiles.with_profile_in(country)
    page = Page.of(number, PEOPLE_PER_PAGE, len(people))
    kb = InlineKeyboardBuilder()
    for person in page.items(people):
        kb.button(
            text=person.full_name or str(person.id),
            callback_data=FocalAdminCb(
                action=FocalAdminAction.PICK, country=country, user_id=person.id
            ),
        )
    kb.adjust(1)
    add_page_buttons(
        kb,
        t,
        page,
        lambda n: FocalAdminCb(action=FocalAdminAction.PEOPLE, country=country, page=n),
    )
    add_navigation(kb, t)
    name = country_name(country, t)
    text = t("focal-point-appoint-person", country=name)
    if not people:
        text += "\n" + t("focal-point-appoint-nobody", country=name)
    return text, kb.as_markup()


async def _asked_country(
    callback: CallbackQuery, callback_data: FocalAdminCb, state: FSMContext
) -> str:
    """The country whose person is being asked for; a button of another question (or of
    another country's list) has expired."""
    await pressed_under_question(callback, state)
    country = (await state.get_data()).get("country")
    if country is None or country != callback_data.country:
        raise InvalidInput("error-button-expired")
    return str(country)


@router.callback_query(FocalAdminCb.filter(F.action == FocalAdminAction.PEOPLE))
async def people_page(
    callback: CallbackQuery,
    callback_data: FocalAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    profiles: ProfileService,
) -> None:
    country = await _asked_country(callback, callback_data, state)
    await callback.answer()
    _, markup = await _person_question(ctx, profiles, country, callback_data.page)
    await edit_buttons(callback, markup)


@router.callback_query(DialogCb.filter(F.action == DialogAction.BACK), AppointFocalPoint.person)
async def back_to_country(callback: CallbackQuery, ctx: UpdateContext, state: FSMContext) -> None:
    await pressed_under_question(callback, state)
    await callback.answer()
    await state.set_state(AppointFocalPoint.country)
    await edit(callback, ctx.t("focal-point-appoint-country"), _countries(ctx, 0))


@router.callback_query(FocalAdminCb.filter(F.action == FocalAdminAction.PICK))
async def person_picked(
    callback: CallbackQuery,
    callback_data: FocalAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    nominations: NominationService,
    profiles: ProfileService,
    localizations: Localizations,
    settings: Settings,
) -> None:
    country = await _asked_country(callback, callback_data, state)
    person = await profiles.with_profile(callback_data.user_id)
    await callback.answer()
    await _appoint(ctx, state, nominations, localizations, settings, country, person)


@router.message(AppointFocalPoint.person, NOT_COMMAND)
async def person_sent(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    nominations: NominationService,
    profiles: ProfileService,
    localizations: Localizations,
    settings: Settings,
) -> None:
    """A forwarded message of the person, or their @username."""
    country = str((await state.get_data())["country"])
    origin = message.forward_origin
    if isinstance(origin, MessageOriginHiddenUser):
        raise InvalidInput("focal-point-hidden-sender")
    if isinstance(origin, MessageOriginUser):
        person = await profiles.with_profile(origin.sender_user.id)
    elif origin is not None or not message.text:
        raise InvalidInput("focal-point-not-a-person")
    else:
        person = await profiles.with_profile_named(message.text)
    await _appoint(ctx, state, nominations, localizations, settings, country, person)


async def _appoint(
    ctx: UpdateContext,
    state: FSMContext,
    nominations: NominationService,
    localizations: Localizations,
    settings: Settings,
    country: str,
    person: User,
) -> None:
    t = ctx.t
    appointed = await nominations.appoint(ctx.user.id, country, person.id)
    await close_question(ctx, state)
    await state.clear()
    name = contact(person.full_name, person.username, t, str(person.id))
    key = "focal-point-appointed" if appointed else "focal-point-already"
    text, markup = await focal_points_screen(t, nominations)
    await ctx.send(f"{t(key, country=country_name(country, t), person=name)}\n\n{text}", markup)
    if appointed:
        await set_focal_point_menu(ctx.bot, localizations, settings, person, focal_point=True)
