"""/focalpoints: the national focal points by country, and removing one (asked first)."""

from __future__ import annotations

from itertools import groupby

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.i18n import Localizations, Translator
from bot.services.nominations import NominationService
from bot.services.profiles import ProfileService
from bot.ui.callbacks import FocalAdminAction, FocalAdminCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import close_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons
from bot.ui.replies import edit
from handlers.filters import IsOrganiser
from handlers.nominations.common import (
    contact,
    country_name,
    focal_point_contacts,
    set_focal_point_menu,
)
from storage.focal_points import FocalPoint

# A line and a Remove button each: 10 fit a phone's screen (and a message) with room to spare.
FOCAL_POINTS_PER_PAGE = 10

router = Router(name=__name__)
# Organisers only; anyone else's command or button falls through to the catch-all.
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())


@router.message(Command("focalpoints"))
async def focal_points_command(
    message: Message, ctx: UpdateContext, state: FSMContext, nominations: NominationService
) -> None:
    # A question left open (an appointment begun) loses its buttons before its dialog ends.
    await close_question(ctx, state)
    await state.clear()
    text, markup = await focal_points_screen(ctx.t, nominations)
    await ctx.send(text, markup)


@router.callback_query(FocalAdminCb.filter(F.action == FocalAdminAction.LIST))
async def focal_points_again(
    callback: CallbackQuery,
    callback_data: FocalAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    nominations: NominationService,
) -> None:
    await callback.answer()
    await close_question(ctx, state)
    await state.clear()
    text, markup = await focal_points_screen(ctx.t, nominations, callback_data.page)
    await edit(callback, text, markup)


async def focal_points_screen(
    t: Translator, nominations: NominationService, page_number: int = 0
) -> tuple[str, InlineKeyboardMarkup]:
    """Focal points by country (named in the reader's language, sorted by that name), a page
    of them at a time: every one has a line and a Remove button."""
    everyone = sorted(
        await nominations.focal_points(), key=lambda p: (country_name(p.country, t), p.user_id)
    )
    page = Page.of(page_number, FOCAL_POINTS_PER_PAGE, len(everyone))
    people = page.items(everyone)
    kb = InlineKeyboardBuilder()
    lines = [t("focal-points-title"), ""]
    for code, group in groupby(people, key=lambda p: p.country):
        of_country = list(group)
        country = country_name(code, t)
        lines.append(
            t("focal-points-line", country=country, people=focal_point_contacts(of_country, t))
        )
        for person in of_country:
            kb.button(
                text=t.plain(
                    "button-focal-point-remove",
                    country=country,
                    name=person.full_name or str(person.user_id),
                ),
                callback_data=FocalAdminCb(
                    action=FocalAdminAction.REMOVE,
                    country=code,
                    user_id=person.user_id,
                    page=page.number,
                ),
            )
    if people:
        lines += ["", t("focal-points-hint")]
    else:
        lines.append(t("focal-points-none"))
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: FocalAdminCb(action=FocalAdminAction.LIST, page=n))
    kb.row(
        InlineKeyboardButton(
            text=t("button-focal-point-appoint"),
            callback_data=FocalAdminCb(action=FocalAdminAction.ADD).pack(),
        )
    )
    return "\n".join(lines), kb.as_markup()


@router.callback_query(FocalAdminCb.filter(F.action == FocalAdminAction.REMOVE))
async def remove_ask(
    callback: CallbackQuery,
    callback_data: FocalAdminCb,
    ctx: UpdateContext,
    nominations: NominationService,
) -> None:
    t = ctx.t
    person = _find(await nominations.focal_points(), callback_data)
    await callback.answer()
    if person is None:
        # Removed meanwhile (by another organiser): the list as it is now.
        text, markup = await focal_points_screen(t, nominations, callback_data.page)
        await edit(callback, text, markup)
        return
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-focal-point-remove-yes"),
        callback_data=FocalAdminCb(
            action=FocalAdminAction.REMOVE_YES,
            country=person.country,
            user_id=person.user_id,
            page=callback_data.page,
        ),
    )
    kb.button(
        text=t("button-focal-point-remove-no"),
        callback_data=FocalAdminCb(action=FocalAdminAction.LIST, page=callback_data.page),
    )
    kb.adjust(1)
    question = t(
        "focal-point-remove-confirm",
        country=country_name(person.country, t),
        person=contact(person.full_name, person.username, t, str(person.user_id)),
    )
    await edit(callback, question, kb.as_markup())


@router.callback_query(FocalAdminCb.filter(F.action == FocalAdminAction.REMOVE_YES))
async def remove_confirmed(
    callback: CallbackQuery,
    callback_data: FocalAdminCb,
    ctx: UpdateContext,
    bot: Bot,
    nominations: NominationService,
    profiles: ProfileService,
    localizations: Localizations,
    settings: Settings,
) -> None:
    t = ctx.t
    person = _find(await nominations.focal_points(), callback_data)
    removed = person is not None and await nominations.dismiss(
        ctx.user.id, person.country, person.user_id
    )
    text, markup = await focal_points_screen(t, nominations, callback_data.page)
    if person is None or not removed:
        await callback.answer()
        await edit(callback, text, markup)
        return
    name = contact(person.full_name, person.username, t, str(person.user_id))
    country = country_name(person.country, t)
    await callback.answer()
    await edit(
        callback, f"{t('focal-point-removed', country=country, person=name)}\n\n{text}", markup
    )
    if not await nominations.countries_of(person.user_id):
        # No country left: /nominate leaves their menu.
        user = await profiles.with_profile(person.user_id)
        await set_focal_point_menu(bot, localizations, settings, user, focal_point=False)


def _find(people: list[FocalPoint], data: FocalAdminCb) -> FocalPoint | None:
    return next(
        (p for p in people if p.country == data.country and p.user_id == data.user_id), None
    )
