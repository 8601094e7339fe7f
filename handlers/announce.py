"""Organisers: /announce — texts in both languages (formatting kept), optional photo or
document, an audience, an optional course button and daytime delivery; a preview of exactly
what each language group receives; then send now, schedule, or cancel. /announcements lists
recent ones. Included by the organiser router (its filter keeps everyone else out)."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router, html
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.announcer import Announcer
from bot.config import LOCALES, Settings
from bot.errors import InvalidInput
from bot.i18n import Localizations, Translator
from bot.services import course_fields
from bot.services.announcements import COURSE_STATUSES, AnnouncementService
from bot.services.course_fields import FieldProblem
from bot.ui import course_texts
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.keyboards import countries_sorted
from bot.ui.problems import problem_text
from bot.ui.replies import chat_of, close_buttons
from bot.ui.telegram_text import entities_as_html, utf16_length
from handlers.audit import person_name
from handlers.filters import IsOrganiser
from storage.announcements import Announcement
from storage.audit import AuditAction, AuditLog
from storage.courses import CourseRepository, CourseStatus
from storage.users import User, UserRepository

router = Router(name=__name__)
# Organisers only; anyone else's command falls through to the catch-all (unknown command).
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())

CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096
NOT_COMMAND = ~F.text.startswith("/")


class AnnounceForm(StatesGroup):
    text_en = State()
    text_ru = State()
    media = State()
    audience = State()
    course_button = State()
    daytime = State()
    preview = State()
    schedule = State()


def _cb(action: AnnounceAction, value: str = "") -> AnnounceCb:
    return AnnounceCb(action=action, value=value)


def _keyboard(*buttons: tuple[str, AnnounceCb], width: int = 1) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for text, data in buttons:
        kb.button(text=text, callback_data=data)
    kb.adjust(width)
    return kb.as_markup()


# -- texts and media -------------------------------------------------------------------------


@router.message(Command("announce"))
async def announce(message: Message, t: Translator, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.text_en)
    await state.set_data({"draft": {}})
    await message.answer(
        t("announce-ask-text-en"),
        reply_markup=_keyboard((t("button-skip"), _cb(AnnounceAction.SKIP))),
    )


@router.message(AnnounceForm.text_en, F.text, NOT_COMMAND)
async def text_en(message: Message, t: Translator, state: FSMContext) -> None:
    await _keep(state, text_en=_text(message))
    await _ask_ru(message.chat.id, message.bot, t, state)


async def _ask_ru(chat_id: int, bot: Bot | None, t: Translator, state: FSMContext) -> None:
    assert bot is not None
    await state.set_state(AnnounceForm.text_ru)
    draft = await _draft(state)
    buttons = (
        [(t("button-announce-same-text"), _cb(AnnounceAction.SAME))]
        if draft.get("text_en")
        else []
    )
    await bot.send_message(
        chat_id, t("announce-ask-text-ru"), reply_markup=_keyboard(*buttons) if buttons else None
    )


@router.message(AnnounceForm.text_ru, F.text, NOT_COMMAND)
async def text_ru(message: Message, t: Translator, state: FSMContext) -> None:
    await _keep(state, text_ru=_text(message))
    await _ask_media(message.chat.id, message.bot, t, state)


def _text(message: Message) -> str:
    """The text with its formatting, as Telegram HTML (bold, italic, links kept exactly)."""
    text = entities_as_html(message.text or "", message.entities)
    if utf16_length(message.text or "") > TEXT_LIMIT:
        raise InvalidInput("announce-error-too-long", max=TEXT_LIMIT)
    return text


async def _ask_media(chat_id: int, bot: Bot | None, t: Translator, state: FSMContext) -> None:
    assert bot is not None
    await state.set_state(AnnounceForm.media)
    await bot.send_message(
        chat_id,
        t("announce-ask-media"),
        reply_markup=_keyboard((t("button-skip"), _cb(AnnounceAction.SKIP))),
    )


@router.message(AnnounceForm.media, F.photo | F.document)
async def media(message: Message, t: Translator, state: FSMContext) -> None:
    draft = await _draft(state)
    longest = max(
        utf16_length(draft.get("text_en") or ""), utf16_length(draft.get("text_ru") or "")
    )
    if longest > CAPTION_LIMIT:
        raise InvalidInput("announce-error-caption", max=CAPTION_LIMIT)
    if message.photo:
        await _keep(state, media_type="photo", media_file_id=message.photo[-1].file_id)
    elif message.document:
        await _keep(state, media_type="document", media_file_id=message.document.file_id)
    await _ask_audience(message.chat.id, message.bot, t, state)


@router.callback_query(
    StateFilter(AnnounceForm.text_en, AnnounceForm.text_ru, AnnounceForm.media),
    AnnounceCb.filter(F.action.in_({AnnounceAction.SKIP, AnnounceAction.SAME})),
)
async def skip_step(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    raw_state: str,
) -> None:
    await close_buttons(callback)
    step = raw_state.split(":", 1)[1]
    chat_id = chat_of(callback)
    if step == "text_en":
        await _ask_ru(chat_id, bot, t, state)
    elif step == "text_ru":
        draft = await _draft(state)
        if not draft.get("text_en") and callback_data.action == AnnounceAction.SKIP:
            raise InvalidInput("announce-error-empty")
        await _ask_media(chat_id, bot, t, state)
    else:
        await _ask_audience(chat_id, bot, t, state)


# -- audience --------------------------------------------------------------------------------


async def _ask_audience(chat_id: int, bot: Bot | None, t: Translator, state: FSMContext) -> None:
    assert bot is not None
    await state.set_state(AnnounceForm.audience)
    await bot.send_message(
        chat_id,
        t("announce-ask-audience"),
        reply_markup=_keyboard(
            (t("button-audience-all"), _cb(AnnounceAction.AUDIENCE, "all")),
            (t("button-audience-course"), _cb(AnnounceAction.AUDIENCE, "course")),
            (t("button-audience-language"), _cb(AnnounceAction.AUDIENCE, "language")),
            (t("button-audience-country"), _cb(AnnounceAction.AUDIENCE, "country")),
        ),
    )


async def _course_buttons(
    courses: CourseRepository, t: Translator, action: AnnounceAction
) -> list[tuple[str, AnnounceCb]]:
    items, _ = await courses.all(0, 10)
    return [
        (course_texts.short_line(c, t), _cb(action, str(c.id)))
        for c in items
        if c.status in (CourseStatus.PUBLISHED, CourseStatus.FINISHED)
    ]


@router.callback_query(AnnounceForm.audience, AnnounceCb.filter())
async def audience(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    courses: CourseRepository,
    localizations: Localizations,
) -> None:
    action, value = callback_data.action, callback_data.value
    chat_id = chat_of(callback)
    if action == AnnounceAction.AUDIENCE and value == "all":
        await close_buttons(callback)
        await _keep(state, audience={"kind": "all"})
        await _ask_course_button(chat_id, bot, t, state, courses)
    elif action == AnnounceAction.AUDIENCE and value == "course":
        buttons = await _course_buttons(courses, t, AnnounceAction.COURSE)
        if not buttons:
            raise InvalidInput("announce-error-no-courses")
        await close_buttons(callback)
        await bot.send_message(chat_id, t("announce-ask-course"), reply_markup=_keyboard(*buttons))
    elif action == AnnounceAction.COURSE and value.isdigit():
        if await courses.get(int(value)) is None:
            raise InvalidInput("error-course-not-found")
        await close_buttons(callback)
        await _keep(state, audience_course=int(value))
        buttons = [
            (t(f"button-audience-status-{s}"), _cb(AnnounceAction.STATUS, s))
            for s in COURSE_STATUSES
        ]
        await bot.send_message(
            chat_id, t("announce-ask-status"), reply_markup=_keyboard(*buttons, width=2)
        )
    elif action == AnnounceAction.STATUS and value in COURSE_STATUSES:
        draft = await _draft(state)
        if "audience_course" not in draft:
            raise InvalidInput("error-button-expired")
        await close_buttons(callback)
        await _keep(
            state,
            audience={"kind": "course", "course_id": draft["audience_course"], "status": value},
        )
        await _ask_course_button(chat_id, bot, t, state, courses)
    elif action == AnnounceAction.AUDIENCE and value == "language":
        await close_buttons(callback)
        buttons = [
            (
                localizations.get(code)(f"button-language-{code}"),
                _cb(AnnounceAction.LANGUAGE, code),
            )
            for code in LOCALES
        ]
        await bot.send_message(
            chat_id, t("announce-ask-language"), reply_markup=_keyboard(*buttons, width=2)
        )
    elif action == AnnounceAction.LANGUAGE and value in LOCALES:
        await close_buttons(callback)
        await _keep(state, audience={"kind": "language", "language": value})
        await _ask_course_button(chat_id, bot, t, state, courses)
    elif action == AnnounceAction.AUDIENCE and value == "country":
        await close_buttons(callback)
        buttons = [(name, _cb(AnnounceAction.COUNTRY, code)) for code, name in countries_sorted(t)]
        await bot.send_message(
            chat_id, t("announce-ask-country"), reply_markup=_keyboard(*buttons, width=3)
        )
    elif action == AnnounceAction.COUNTRY and any(
        code == value for code, _ in countries_sorted(t)
    ):
        await close_buttons(callback)
        await _keep(state, audience={"kind": "country", "country": value})
        await _ask_course_button(chat_id, bot, t, state, courses)
    else:
        raise InvalidInput("error-button-expired")


# -- course button and daytime ---------------------------------------------------------------


async def _ask_course_button(
    chat_id: int, bot: Bot, t: Translator, state: FSMContext, courses: CourseRepository
) -> None:
    draft = await _draft(state)
    if "course_button" in draft:  # prefilled from a course being announced
        await _ask_daytime(chat_id, bot, t, state)
        return
    await state.set_state(AnnounceForm.course_button)
    buttons = [(t("button-announce-no-course"), _cb(AnnounceAction.BUTTON, "none"))]
    buttons += [
        (text, _cb(AnnounceAction.BUTTON, data.value))
        for text, data in await _course_buttons(courses, t, AnnounceAction.BUTTON)
    ]
    await bot.send_message(
        chat_id, t("announce-ask-course-button"), reply_markup=_keyboard(*buttons)
    )


@router.callback_query(
    AnnounceForm.course_button, AnnounceCb.filter(F.action == AnnounceAction.BUTTON)
)
async def course_button(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    courses: CourseRepository,
) -> None:
    value = callback_data.value
    if value != "none" and (not value.isdigit() or await courses.get(int(value)) is None):
        raise InvalidInput("error-course-not-found")
    await close_buttons(callback)
    await _keep(state, course_button=None if value == "none" else int(value))
    await _ask_daytime(chat_of(callback), bot, t, state)


async def _ask_daytime(chat_id: int, bot: Bot, t: Translator, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.daytime)
    await bot.send_message(
        chat_id,
        t("announce-ask-daytime"),
        reply_markup=_keyboard(
            (t("button-daytime-any"), _cb(AnnounceAction.DAYTIME, "0")),
            (t("button-daytime-only"), _cb(AnnounceAction.DAYTIME, "1")),
        ),
    )


@router.callback_query(AnnounceForm.daytime, AnnounceCb.filter(F.action == AnnounceAction.DAYTIME))
async def daytime(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    user: User,
    t: Translator,
    state: FSMContext,
    announcements: AnnouncementService,
    localizations: Localizations,
    announcer: Announcer,
) -> None:
    await close_buttons(callback)
    draft = await _draft(state)
    announcement = await announcements.create(
        created_by=user.id,
        text_en=draft.get("text_en"),
        text_ru=draft.get("text_ru"),
        audience=draft["audience"],
        media_type=draft.get("media_type"),
        media_file_id=draft.get("media_file_id"),
        course_button=draft.get("course_button"),
        daytime=callback_data.value == "1",
    )
    await state.set_state(AnnounceForm.preview)
    await state.set_data({"announcement_id": announcement.id})
    await send_preview(
        bot, chat_of(callback), announcement, t, announcements, localizations, announcer
    )


# -- preview, send, schedule -----------------------------------------------------------------


async def send_preview(
    bot: Bot,
    chat_id: int,
    announcement: Announcement,
    t: Translator,
    announcements: AnnouncementService,
    localizations: Localizations,
    announcer: Announcer,
) -> None:
    """Exactly what each language group receives, then the counts and the choices."""
    counts = await announcements.recipients_by_language(announcement)
    for locale in localizations.locales:
        count = counts.get(locale, 0)
        await bot.send_message(
            chat_id,
            t("announce-preview-heading", language=t(f"language-name-{locale}"), count=count),
        )
        await announcer.send_copy(bot, chat_id, announcement, locale)
    total = sum(counts.values())
    await bot.send_message(
        chat_id,
        t("announce-preview-summary", count=total, daytime=int(announcement.daytime)),
        reply_markup=_keyboard(
            (t("button-announce-send"), _cb(AnnounceAction.SEND, str(announcement.id))),
            (t("button-announce-schedule"), _cb(AnnounceAction.SCHEDULE, str(announcement.id))),
            (t("button-announce-cancel"), _cb(AnnounceAction.CANCEL, str(announcement.id))),
        ),
    )


async def _own_draft(state: FSMContext, value: str) -> int:
    """The announcement the buttons belong to must be this organiser's current draft."""
    data = await state.get_data()
    if not value.isdigit() or data.get("announcement_id") != int(value):
        raise InvalidInput("error-button-expired")
    return int(value)


@router.callback_query(AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.SEND))
async def send_now(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    announcer: Announcer,
    audit: AuditLog,
) -> None:
    announcement_id = await _own_draft(state, callback_data.value)
    await close_buttons(callback)
    await state.clear()
    await audit.record(
        callback.from_user.id, AuditAction.ANNOUNCEMENT_SENT, "announcement", announcement_id
    )
    await announcer.start_now(bot, announcement_id)


@router.callback_query(AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.CANCEL))
async def cancel_draft(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    t: Translator,
    state: FSMContext,
    announcements: AnnouncementService,
) -> None:
    announcement_id = await _own_draft(state, callback_data.value)
    await announcements.stop(announcement_id)
    await close_buttons(callback)
    await state.clear()
    if isinstance(callback.message, Message):
        await callback.message.answer(t("announce-cancelled"))


@router.callback_query(
    AnnounceForm.preview, AnnounceCb.filter(F.action == AnnounceAction.SCHEDULE)
)
async def schedule_ask(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    user: User,
    t: Translator,
    state: FSMContext,
    settings: Settings,
) -> None:
    await _own_draft(state, callback_data.value)
    await close_buttons(callback)
    await state.set_state(AnnounceForm.schedule)
    zone = user.timezone or settings.default_timezone
    await bot.send_message(
        chat_of(callback),
        t("announce-ask-schedule", zone=zone, format=course_fields.DATETIME_FORMAT),
    )


@router.message(AnnounceForm.schedule, F.text, NOT_COMMAND)
async def schedule_at(
    message: Message,
    user: User,
    t: Translator,
    state: FSMContext,
    settings: Settings,
    announcements: AnnouncementService,
    announcer: Announcer,
    audit: AuditLog,
) -> None:
    zone = user.timezone or settings.default_timezone
    try:
        when = course_fields.parse_local_datetime(message.text, zone, "scheduled_at")
    except FieldProblem as problem:
        await message.answer(problem_text(problem, t))
        return
    announcement_id = int((await state.get_data())["announcement_id"])
    announcement = await announcements.schedule(announcement_id, when)
    announcer.schedule(announcement)
    await state.clear()
    await audit.record(
        user.id,
        AuditAction.ANNOUNCEMENT_SCHEDULED,
        "announcement",
        announcement_id,
        at=when.isoformat(),
    )
    local = course_texts.local_time(when, zone, t.locale)
    await message.answer(t("announce-scheduled", id=announcement_id, when=local, zone=zone))


@router.message(StateFilter(AnnounceForm), NOT_COMMAND)
async def unexpected_in_dialog(message: Message, t: Translator) -> None:
    await message.answer(t("announce-hint"))


# -- stop and the list -----------------------------------------------------------------------


@router.callback_query(AnnounceCb.filter(F.action == AnnounceAction.STOP))
async def stop(
    callback: CallbackQuery,
    bot: Bot,
    callback_data: AnnounceCb,
    t: Translator,
    announcements: AnnouncementService,
    announcer: Announcer,
    audit: AuditLog,
) -> None:
    if not callback_data.value.isdigit():
        raise InvalidInput("error-button-expired")
    cancelled = await announcements.stop(int(callback_data.value))
    await audit.record(
        callback.from_user.id,
        AuditAction.ANNOUNCEMENT_STOPPED,
        "announcement",
        int(callback_data.value),
        cancelled=cancelled,
    )
    await callback.answer(t("announce-stop-done", count=cancelled), show_alert=True)
    await announcer.stopped(bot, int(callback_data.value))


@router.message(Command("announcements"))
async def recent(
    message: Message, t: Translator, announcements: AnnouncementService, users: UserRepository
) -> None:
    items = await announcements.announcements.recent(10)
    if not items:
        await message.answer(t("announce-none"))
        return
    lines = [t("announce-list-title")]
    for item in items:
        progress = await announcements.progress(item.id)
        preview = (item.text(t.locale) or "…")[:40]
        author = await users.get(item.created_by)
        name = person_name(item.created_by, author, t, fallback=str(item.created_by))
        lines.append(
            t(
                "announce-list-row",
                id=item.id,
                status=t(f"announce-status-{item.status}"),
                sent=progress.sent,
                total=item.recipients,
                author=name,
                text=preview,
            )
        )
    await message.answer("\n".join(lines))


# -- from a course ---------------------------------------------------------------------------


@router.callback_query(AnnounceCb.filter(F.action == AnnounceAction.FROM_COURSE))
async def announce_course(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    courses: CourseRepository,
    localizations: Localizations,
) -> None:
    """After publishing: the course's texts and its Sign up button, straight to the audience."""
    course = await courses.get(int(callback_data.value)) if callback_data.value.isdigit() else None
    if course is None or course.status != CourseStatus.PUBLISHED:
        raise InvalidInput("error-course-not-found")
    await callback.answer()
    texts: dict[str, Any] = {}
    for locale in localizations.locales:
        reader = localizations.get(locale)
        texts[f"text_{locale}"] = "\n".join(
            [
                f"<b>{html.quote(course.title(locale))}</b>",
                html.quote(course.description(locale)),
                "",
                course_texts.when(course, reader),
                course_texts.place(course, reader),
            ]
        )
    await state.set_data({"draft": {**texts, "course_button": course.id}})
    await _ask_audience(chat_of(callback), bot, t, state)


# -- helpers ---------------------------------------------------------------------------------


async def _draft(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get("draft", {}))


async def _keep(state: FSMContext, **values: Any) -> None:
    draft = await _draft(state)
    draft.update(values)
    await state.update_data(draft=draft)
