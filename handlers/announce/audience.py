"""Who receives the announcement: everyone, a course's participants, a language group,
the TRACECA countries in one tap, or any countries ticked on a keyboard."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, InlineKeyboardMarkup

from bot.config import LOCALES
from bot.errors import InvalidInput
from bot.i18n import Localizations
from bot.services.announcements import COURSE_STATUSES, AnnouncementService, traceca_codes
from bot.ui.audience_names import audience_name
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import send_question
from bot.ui.keyboards import countries_sorted
from bot.ui.replies import close_buttons, edit_buttons
from handlers.announce.common import (
    AUDIENCE_STATES,
    AnnounceForm,
    ask,
    button_id,
    cb,
    course_choices,
    draft,
    keep,
    question,
)
from handlers.announce.country_picker import picker
from handlers.announce.options import ask_course_button

router = Router(name=__name__)

KINDS = ("all", "course", "language", "traceca", "country")


async def ask_audience(
    ctx: UpdateContext, state: FSMContext, announcements: AnnouncementService
) -> None:
    chosen = (await draft(state)).get("audience")
    kept = await audience_name(chosen, ctx.t, announcements) if chosen else None
    buttons = [
        (ctx.t(f"button-audience-{kind}"), cb(AnnounceAction.AUDIENCE, kind)) for kind in KINDS
    ]
    await ask(ctx, state, AnnounceForm.audience, "announce-ask-audience", *buttons, kept=kept)


async def ask_audience_course(
    ctx: UpdateContext, state: FSMContext, announcements: AnnouncementService
) -> None:
    choices = await course_choices(announcements, ctx.t, AnnounceAction.COURSE)
    if not choices.buttons:
        raise InvalidInput("announce-error-no-courses")
    step, key = AnnounceForm.audience_course, "announce-ask-course"
    await ask(ctx, state, step, key, *choices.buttons, listing=choices.listing)


async def _chosen(
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    audience: dict[str, object],
) -> None:
    await keep(state, audience=audience)
    await ask_course_button(ctx, state, announcements)


# Every button pressed while an audience question is asked comes here: one of another
# question (an older message) is out of date.
@router.callback_query(StateFilter(*AUDIENCE_STATES), AnnounceCb.filter())
async def audience(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    localizations: Localizations,
) -> None:
    step, action, value = await state.get_state(), callback_data.action, callback_data.value
    at = {s.state: s for s in AUDIENCE_STATES}.get(step or "")
    if at == AnnounceForm.audience_countries and action in (
        AnnounceAction.COUNTRY,
        AnnounceAction.PAGE,
    ):
        await _turn_or_tick(callback, ctx, state, action, value)
        return
    go_on = await _answer(at, action, value, ctx, state, announcements, localizations)
    # Only an accepted answer closes the question: a refused one leaves its buttons to retry.
    await close_buttons(callback)
    await go_on()


async def _answer(
    at: State | None,
    action: AnnounceAction,
    value: str,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    localizations: Localizations,
) -> Callable[[], Awaitable[None]]:
    """Check a button of an audience question; what follows it, or InvalidInput."""
    chosen: dict[str, object] | None = None
    if at == AnnounceForm.audience and action == AnnounceAction.AUDIENCE and value in KINDS:
        if value == "course":
            if not await announcements.announceable_courses():
                raise InvalidInput("announce-error-no-courses")
            return lambda: ask_audience_course(ctx, state, announcements)
        if value == "language":
            return lambda: ask_language(ctx, state, localizations)
        if value == "country":
            return lambda: ask_countries(ctx, state)
        chosen = {"kind": value}  # everyone, or the TRACECA countries
    elif at == AnnounceForm.audience_course and action == AnnounceAction.COURSE:
        course_id = (await announcements.course(button_id(value, "error-course-not-found"))).id

        async def status() -> None:
            await keep(state, audience_course=course_id)
            await ask_status(ctx, state)

        return status
    elif at == AnnounceForm.audience_status and action == AnnounceAction.STATUS:
        course = (await draft(state)).get("audience_course")
        if course is not None and value in COURSE_STATUSES:
            chosen = {"kind": "course", "course_id": course, "status": value}
    elif at == AnnounceForm.audience_language and action == AnnounceAction.LANGUAGE:
        if value in LOCALES:
            chosen = {"kind": "language", "language": value}
    elif at == AnnounceForm.audience_countries and action == AnnounceAction.DONE:
        ticked = list((await state.get_data()).get("ticked", []))
        if not ticked:
            raise InvalidInput("announce-error-no-country")
        chosen = {"kind": "countries", "countries": ticked}
    if chosen is None:
        raise InvalidInput("error-button-expired")
    audience = chosen
    return lambda: _chosen(ctx, state, announcements, audience)


async def ask_language(
    ctx: UpdateContext, state: FSMContext, localizations: Localizations
) -> None:
    # Each language's button is written in that language, whatever the organiser's is.
    languages = [
        (localizations.get(code)(f"button-language-{code}"), cb(AnnounceAction.LANGUAGE, code))
        for code in LOCALES
    ]
    await ask(
        ctx, state, AnnounceForm.audience_language, "announce-ask-language", *languages, width=2
    )


async def ask_status(ctx: UpdateContext, state: FSMContext) -> None:
    statuses = [
        (ctx.t(f"button-audience-status-{s}"), cb(AnnounceAction.STATUS, s))
        for s in COURSE_STATUSES
    ]
    await ask(ctx, state, AnnounceForm.audience_status, "announce-ask-status", *statuses, width=2)


async def ask_countries(ctx: UpdateContext, state: FSMContext) -> None:
    """The country keyboard, with the countries of the audience chosen before ticked."""
    chosen = (await draft(state)).get("audience") or {}
    ticked = {
        "countries": chosen.get("countries", []),
        "country": [chosen.get("country")],
        "traceca": traceca_codes(),
    }.get(chosen.get("kind", ""), [])
    await state.update_data(ticked=list(ticked), country_page=0)
    await state.set_state(AnnounceForm.audience_countries)
    await send_question(ctx, state, *await _countries_question(ctx, state))


async def _countries_question(
    ctx: UpdateContext, state: FSMContext
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    keys = picker(ctx.t, list(data.get("ticked", [])), int(data.get("country_page", 0)))
    return await question(ctx, state, "announce-ask-country", extra=keys)


async def _turn_or_tick(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    action: AnnounceAction,
    value: str,
) -> None:
    """A tick or a page turn changes only the keyboard under the question."""
    data = await state.get_data()
    ticked: list[str] = list(data.get("ticked", []))
    if action == AnnounceAction.PAGE:
        await state.update_data(country_page=button_id(value))
    elif any(code == value for code, _ in countries_sorted(ctx.t)):
        ticked = [c for c in ticked if c != value] if value in ticked else [*ticked, value]
        await state.update_data(ticked=ticked)
    else:
        raise InvalidInput("error-button-expired")
    await callback.answer()
    _, markup = await _countries_question(ctx, state)
    await edit_buttons(callback, markup)
