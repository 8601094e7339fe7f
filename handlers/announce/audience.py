"""Who receives the announcement, an optional course button, daytime delivery; then the
draft is saved and previewed exactly as each language group will receive it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.announcer import Announcer
from bot.config import LOCALES
from bot.errors import InvalidInput
from bot.i18n import Localizations
from bot.services.announcements import COURSE_STATUSES, AnnouncementService
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.keyboards import countries_sorted
from bot.ui.replies import close_buttons
from handlers.announce.common import (
    AnnounceForm,
    ask,
    ask_audience,
    button_id,
    cb,
    course_choices,
    draft,
    keep,
    keyboard,
)
from storage.announcements import Announcement

router = Router(name=__name__)


@router.callback_query(AnnounceForm.audience, AnnounceCb.filter())
async def audience(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    localizations: Localizations,
) -> None:
    t = ctx.t
    action, value = callback_data.action, callback_data.value
    question: tuple[str, list[tuple[str, AnnounceCb]], int] | None = None
    if action == AnnounceAction.AUDIENCE and value == "all":
        chosen: dict[str, object] | None = {"kind": "all"}
    elif action == AnnounceAction.AUDIENCE and value == "course":
        buttons = await course_choices(announcements, t, AnnounceAction.COURSE)
        if not buttons:
            raise InvalidInput("announce-error-no-courses")
        chosen, question = None, ("announce-ask-course", buttons, 1)
    elif action == AnnounceAction.COURSE and value.isdigit():
        await announcements.course(int(value))
        await keep(state, audience_course=int(value))
        statuses = [
            (t(f"button-audience-status-{s}"), cb(AnnounceAction.STATUS, s))
            for s in COURSE_STATUSES
        ]
        chosen, question = None, ("announce-ask-status", statuses, 2)
    elif action == AnnounceAction.STATUS and value in COURSE_STATUSES:
        course_id = (await draft(state)).get("audience_course")
        if course_id is None:
            raise InvalidInput("error-button-expired")
        chosen = {"kind": "course", "course_id": course_id, "status": value}
    elif action == AnnounceAction.AUDIENCE and value == "language":
        languages = [
            (localizations.get(code)(f"button-language-{code}"), cb(AnnounceAction.LANGUAGE, code))
            for code in LOCALES
        ]
        chosen, question = None, ("announce-ask-language", languages, 2)
    elif action == AnnounceAction.LANGUAGE and value in LOCALES:
        chosen = {"kind": "language", "language": value}
    elif action == AnnounceAction.AUDIENCE and value == "country":
        countries = [
            (name, cb(AnnounceAction.COUNTRY, code)) for code, name in countries_sorted(t)
        ]
        chosen, question = None, ("announce-ask-country", countries, 3)
    elif action == AnnounceAction.COUNTRY and any(
        code == value for code, _ in countries_sorted(t)
    ):
        chosen = {"kind": "country", "country": value}
    else:
        raise InvalidInput("error-button-expired")
    await close_buttons(callback)
    if question is not None:
        key, buttons, width = question
        await ask(ctx, key, *buttons, width=width)
    if chosen is not None:
        await keep(state, audience=chosen)
        await _ask_course_button(ctx, state, announcements)


async def _ask_course_button(
    ctx: UpdateContext, state: FSMContext, announcements: AnnouncementService
) -> None:
    if "course_button" in await draft(state):  # prefilled from a course being announced
        await _ask_daytime(ctx, state)
        return
    await state.set_state(AnnounceForm.course_button)
    buttons = [(ctx.t("button-announce-no-course"), cb(AnnounceAction.BUTTON, "none"))]
    buttons += await course_choices(announcements, ctx.t, AnnounceAction.BUTTON)
    await ask(ctx, "announce-ask-course-button", *buttons)


@router.callback_query(
    AnnounceForm.course_button, AnnounceCb.filter(F.action == AnnounceAction.BUTTON)
)
async def course_button(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    value = callback_data.value
    if value != "none":
        await announcements.course(button_id(value, "error-course-not-found"))
    await close_buttons(callback)
    await keep(state, course_button=None if value == "none" else int(value))
    await _ask_daytime(ctx, state)


async def _ask_daytime(ctx: UpdateContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.daytime)
    any_time = (ctx.t("button-daytime-any"), cb(AnnounceAction.DAYTIME, "0"))
    daytime_only = (ctx.t("button-daytime-only"), cb(AnnounceAction.DAYTIME, "1"))
    await ask(ctx, "announce-ask-daytime", any_time, daytime_only)


@router.callback_query(AnnounceForm.daytime, AnnounceCb.filter(F.action == AnnounceAction.DAYTIME))
async def daytime(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    await close_buttons(callback)
    answers = await draft(state)
    announcement = await announcements.create(
        created_by=ctx.user.id,
        text_en=answers.get("text_en"),
        text_ru=answers.get("text_ru"),
        audience=answers["audience"],
        media_type=answers.get("media_type"),
        media_file_id=answers.get("media_file_id"),
        course_button=answers.get("course_button"),
        daytime=callback_data.value == "1",
    )
    await state.set_state(AnnounceForm.preview)
    await state.set_data({"announcement_id": announcement.id})
    await send_preview(ctx, announcement, announcements, announcer)


async def send_preview(
    ctx: UpdateContext,
    announcement: Announcement,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    """Exactly what each language group receives, then the counts and the choices."""
    t = ctx.t
    counts = await announcements.recipients_by_language(announcement)
    for locale in LOCALES:  # the languages the bot speaks (Localizations loads these)
        count = counts.get(locale, 0)
        language = t(f"language-name-{locale}")
        await ctx.send(t("announce-preview-heading", language=language, count=count))
        await announcer.send_copy(ctx.bot, ctx.chat_id, announcement, locale)
    total = sum(counts.values())
    await ctx.send(
        t("announce-preview-summary", count=total, daytime=int(announcement.daytime)),
        keyboard(
            (t("button-announce-send"), cb(AnnounceAction.SEND, str(announcement.id))),
            (t("button-announce-schedule"), cb(AnnounceAction.SCHEDULE, str(announcement.id))),
            (t("button-announce-cancel"), cb(AnnounceAction.CANCEL, str(announcement.id))),
        ),
    )


# No state filter: the button sits under the organiser's card after publishing. Tried after
# the audience step, which takes every button pressed while it is asked.
@router.callback_query(AnnounceCb.filter(F.action == AnnounceAction.FROM_COURSE))
async def announce_course(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    """After publishing: the course's texts and its Sign up button, straight to the audience."""
    course_id = button_id(callback_data.value, "error-course-not-found")
    draft = await announcements.draft_of_course(course_id)
    await callback.answer()
    await state.set_data({"draft": draft})
    await ask_audience(ctx, state)
