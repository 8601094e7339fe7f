"""/nominate (focal points only): the country first for a focal point of several, then the
courses open for nomination."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject, User

from bot.errors import NotAllowed
from bot.services.nominations import NominationService
from bot.ui import course_list
from bot.ui.callbacks import FocalAction, FocalCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import button_row
from bot.ui.replies import edit
from handlers.nominations.common import country_name

router = Router(name=__name__)


class IsFocalPoint(Filter):
    """The sender is a focal point: gives the handler `countries`. Anyone else's /nominate
    falls through to the catch-all's unknown-command answer, revealing nothing."""

    async def __call__(
        self,
        event: TelegramObject,
        nominations: NominationService,
        event_from_user: User | None = None,
    ) -> bool | dict[str, Any]:
        if event_from_user is None:
            return False
        countries = await nominations.countries_of(event_from_user.id)
        return {"countries": countries} if countries else False


@router.message(Command("nominate"), IsFocalPoint())
async def nominate_command(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    countries: list[str],
    nominations: NominationService,
) -> None:
    await state.clear()
    text, markup = await start_screen(ctx, nominations, countries)
    await ctx.send(text, markup)


@router.callback_query(FocalCb.filter(F.action == FocalAction.COURSES))
async def courses_again(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
) -> None:
    countries = await own_countries(nominations, ctx.user.id)
    if callback_data.country:
        await own_country(nominations, ctx.user.id, callback_data.country)
        text, markup = await courses_screen(ctx, nominations, callback_data.country, countries)
    else:
        text, markup = await start_screen(ctx, nominations, countries)
    await callback.answer()
    await edit(callback, text, markup)


async def own_countries(nominations: NominationService, user_id: int) -> list[str]:
    countries = await nominations.countries_of(user_id)
    if not countries:
        raise NotAllowed()
    return countries


async def own_country(nominations: NominationService, user_id: int, country: str) -> None:
    """Callback data is user input: the country must be one the sender represents."""
    if country not in await nominations.countries_of(user_id):
        raise NotAllowed()


async def start_screen(
    ctx: UpdateContext, nominations: NominationService, countries: list[str]
) -> tuple[str, InlineKeyboardMarkup | None]:
    if len(countries) == 1:
        return await courses_screen(ctx, nominations, countries[0], countries)
    t = ctx.t
    kb = InlineKeyboardBuilder()
    for code in sorted(countries, key=lambda c: country_name(c, t)):
        kb.button(
            text=country_name(code, t),
            callback_data=FocalCb(action=FocalAction.COURSES, country=code),
        )
    kb.adjust(2)
    return t("nominate-choose-country"), kb.as_markup()


async def courses_screen(
    ctx: UpdateContext, nominations: NominationService, country: str, countries: list[str]
) -> tuple[str, InlineKeyboardMarkup | None]:
    t = ctx.t
    courses = await nominations.open_courses(ctx.user.id)
    kb = InlineKeyboardBuilder()
    for number, course in enumerate(courses, 1):
        kb.button(
            text=course_list.course_button(number, course, t),
            callback_data=FocalCb(action=FocalAction.COURSE, course_id=course.id, country=country),
        )
    kb.adjust(1)
    if len(countries) > 1:
        button_row(
            kb,
            text=t("button-nominate-countries"),
            callback_data=FocalCb(action=FocalAction.COURSES),
        )
    name = country_name(country, t)
    if not courses:
        return t("nominate-courses-none", country=name), _markup(kb)
    lines = [t("nominate-courses-title", country=name, count=len(courses)), ""]
    lines += [course_list.numbered_line(n, c, t) for n, c in enumerate(courses, 1)]
    return "\n".join(lines), kb.as_markup()


def _markup(kb: InlineKeyboardBuilder) -> InlineKeyboardMarkup | None:
    return kb.as_markup() if list(kb.buttons) else None
