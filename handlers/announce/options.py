"""After the audience: an optional course button and daytime delivery; then the draft is
saved and previewed exactly as each language group will receive it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.announcer import Announcer
from bot.config import LOCALES
from bot.errors import InvalidInput
from bot.i18n import Html
from bot.services.announcements import AnnouncementService
from bot.ui.audience_names import audience_name
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import close_buttons
from handlers.announce.common import (
    AnnounceForm,
    ask,
    button_id,
    cb,
    course_choices,
    draft,
    from_course,
    keep,
)
from storage.announcements import Announcement

router = Router(name=__name__)


async def ask_course_button(
    ctx: UpdateContext, state: FSMContext, announcements: AnnouncementService
) -> None:
    if await from_course(state):  # the course being announced is the button
        await ask_daytime(ctx, state)
        return
    answers = await draft(state)
    kept = None
    if "course_button" in answers:
        course_id = answers["course_button"]
        title = course_id and await announcements.course_title(course_id, ctx.t.locale)
        kept = ctx.t("announce-kept-course", title=title) if title else None
        kept = kept or ctx.t("button-announce-no-course")
    choices = await course_choices(announcements, ctx.t, AnnounceAction.BUTTON)
    buttons = [(ctx.t("button-announce-no-course"), cb(AnnounceAction.BUTTON, "none"))]
    buttons += choices.buttons
    step, key = AnnounceForm.course_button, "announce-ask-course-button"
    await ask(ctx, state, step, key, *buttons, kept=kept, listing=choices.listing)


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
        course = await announcements.course(button_id(value, "error-course-not-found"))
        if not course.registration_open(announcements.clock()):
            raise InvalidInput("error-button-expired")  # its registration closed meanwhile
    await close_buttons(callback)
    await keep(state, course_button=None if value == "none" else int(value))
    await ask_daytime(ctx, state)


async def ask_daytime(ctx: UpdateContext, state: FSMContext) -> None:
    answers = await draft(state)
    any_time = (ctx.t("button-daytime-any"), cb(AnnounceAction.DAYTIME, "0"))
    daytime_only = (ctx.t("button-daytime-only"), cb(AnnounceAction.DAYTIME, "1"))
    kept = None
    if "daytime" in answers:
        kept = daytime_only[0] if answers["daytime"] else any_time[0]
    await ask(
        ctx, state, AnnounceForm.daytime, "announce-ask-daytime", any_time, daytime_only, kept=kept
    )


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
    await keep(state, daytime=callback_data.value == "1")
    await create_and_preview(ctx, state, announcements, announcer)


async def create_and_preview(
    ctx: UpdateContext,
    state: FSMContext,
    announcements: AnnouncementService,
    announcer: Announcer,
) -> None:
    """Save the answers as a draft announcement and show its preview. The answers stay in the
    dialog: ‹ Back from the preview asks the last question again."""
    answers = await draft(state)
    announcement = await announcements.create(
        created_by=ctx.user.id,
        text_en=answers.get("text_en"),
        text_ru=answers.get("text_ru"),
        audience=answers["audience"],
        media_type=answers.get("media_type"),
        media_file_id=answers.get("media_file_id"),
        course_button=answers.get("course_button"),
        daytime=bool(answers.get("daytime")),
    )
    await state.set_state(AnnounceForm.preview)
    await state.update_data(announcement_id=announcement.id)
    await send_preview(ctx, state, announcement, announcements, announcer)


async def send_preview(
    ctx: UpdateContext,
    state: FSMContext,
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
    await send_summary(ctx, state, announcement, announcements, sum(counts.values()))


async def send_summary(
    ctx: UpdateContext,
    state: FSMContext,
    announcement: Announcement,
    announcements: AnnouncementService,
    total: int | None = None,
) -> None:
    """The preview's last message: who gets it, how many, and Send / Schedule / Back / Cancel."""
    t = ctx.t
    if total is None:
        total = await announcements.recipients(announcement.id)
    audience = await audience_name(announcement.audience_spec, t, announcements)
    summary = t("announce-preview-summary", count=total, daytime=int(announcement.daytime))
    kb = InlineKeyboardBuilder()
    value = str(announcement.id)
    kb.button(text=t("button-announce-send"), callback_data=cb(AnnounceAction.SEND, value))
    kb.button(text=t("button-announce-schedule"), callback_data=cb(AnnounceAction.SCHEDULE, value))
    kb.adjust(1)
    add_navigation(kb, t, cancel=False)
    # Its own Cancel: the draft is recorded as cancelled, and the dialog ends.
    kb.button(text=t("button-announce-cancel"), callback_data=cb(AnnounceAction.CANCEL, value))
    text = t("announce-preview-audience", audience=audience) + "\n" + summary
    await send_question(ctx, state, Html(text), kb.as_markup())
