"""Organisers: create courses (step by step or in one message), list, edit, publish, cancel,
see participants, export them and take attendance. Included by the organiser router, whose
filter keeps everyone else out; every handler still loads the course by id and checks it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, F, Router, html
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.config import Settings
from bot.countries import BY_CODE
from bot.errors import InvalidInput
from bot.i18n import Localizations, Translator
from bot.services import course_fields as fields
from bot.services.course_fields import FieldProblem
from bot.services.courses import EDITABLE, CourseService, FieldRejected
from bot.services.exports import export_filename, participants_csv, participants_xlsx
from bot.ui import course_texts
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    AnnounceAction,
    AnnounceCb,
    CourseFormAction,
    CourseFormCb,
)
from bot.ui.problems import describe_problem, number_as_sent, problem_text
from bot.ui.replies import chat_of
from handlers.filters import IsOrganiser
from storage.audit import AuditAction, AuditLog
from storage.courses import Course, CourseRepository, CourseStatus
from storage.registrations import RegistrationRepository, RegStatus

router = Router(name=__name__)
# Organisers only; anyone else's command falls through to the catch-all (unknown command).
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())

PAGE_SIZE = 5
ATTENDANCE_PAGE = 10
PARTICIPANTS_SHOWN = 40  # more would not fit one message; the export has everyone
STATUS_ICON = {
    CourseStatus.DRAFT: "📝",
    CourseStatus.PUBLISHED: "🟢",
    CourseStatus.CANCELLED: "❌",
    CourseStatus.FINISHED: "🏁",
}
NOT_COMMAND = ~F.text.startswith("/")


def _now() -> datetime:
    return datetime.now(UTC)


def _cb(action: AdminAction, course_id: int = 0, page: int = 0, arg: str = "") -> AdminCourseCb:
    return AdminCourseCb(action=action, course_id=course_id, page=page, arg=arg)


# -- /newcourse: the one-message form and the template ---------------------------------------


@router.message(Command("newcourse"))
async def new_course(
    message: Message,
    command: CommandObject,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
    audit: AuditLog,
) -> None:
    args = (command.args or "").strip()
    if args.lower() == "template":
        await message.answer(t("course-template", timezone=settings.default_timezone))
        return
    if not args:
        await state.set_data({"course": {}})
        await message.answer(t("course-dialog-intro"))
        await ask_step(bot, message.chat.id, "title_en", t, state, settings)
        return
    parsed = fields.parse_form(args, _now(), settings.default_timezone)
    number_as_sent(parsed.problems, message.text or "", args)
    if parsed.problems:
        lines = [describe_problem(p, t) for p in parsed.problems]
        await message.answer(t("course-form-problems", count=len(lines)) + "\n" + "\n".join(lines))
        return
    organiser = message.from_user.id if message.from_user else None
    course = await course_service.create(parsed.values, organiser)
    if organiser is not None:
        await audit.record(organiser, AuditAction.COURSE_CREATED, "course", course.id, form=True)
    await send_preview(bot, message.chat.id, course, t, localizations)


# -- /newcourse: the step-by-step dialog -----------------------------------------------------


class CourseDialog(StatesGroup):
    title_en = State()
    title_ru = State()
    description_en = State()
    description_ru = State()
    timezone = State()
    starts_at = State()
    ends_at = State()
    place = State()
    capacity = State()
    deadline_at = State()
    language = State()


STEPS = (
    "title_en",
    "title_ru",
    "description_en",
    "description_ru",
    "timezone",
    "starts_at",
    "ends_at",
    "place",
    "capacity",
    "deadline_at",
    "language",
)
OPTIONAL_STEPS = {"title_ru", "description_en", "description_ru"}  # a draft may lack them


def first_unanswered(step: str, draft: dict[str, Any]) -> str | None:
    """A step before `step` the draft has no answer for: the dialog state and its data
    disagree (state from an older version, data lost), so the dialog goes back there."""
    for earlier in STEPS[: STEPS.index(step)]:
        key = "venue" if earlier == "place" else earlier
        if key not in draft:
            return earlier
    return None


async def ask_step(
    bot: Bot, chat_id: int, step: str, t: Translator, state: FSMContext, settings: Settings
) -> None:
    await state.set_state(getattr(CourseDialog, step))
    kb = InlineKeyboardBuilder()
    if step in OPTIONAL_STEPS:
        kb.button(text=t("button-skip"), callback_data=CourseFormCb(action=CourseFormAction.SKIP))
    elif step == "timezone":
        kb.button(
            text=settings.default_timezone,
            callback_data=CourseFormCb(
                action=CourseFormAction.DEFAULT, value=settings.default_timezone
            ),
        )
    elif step == "capacity":
        kb.button(
            text=t("button-unlimited"),
            callback_data=CourseFormCb(action=CourseFormAction.DEFAULT),
        )
    elif step == "deadline_at":
        kb.button(
            text=t("button-deadline-at-start"),
            callback_data=CourseFormCb(action=CourseFormAction.DEFAULT),
        )
    elif step == "language":
        for code in ("en", "ru"):
            kb.button(
                text=t(f"language-name-{code}"),
                callback_data=CourseFormCb(action=CourseFormAction.LANGUAGE, value=code),
            )
    markup = kb.as_markup() if kb.buttons else None
    await bot.send_message(
        chat_id, t(f"course-ask-{step}", format=fields.DATETIME_FORMAT), reply_markup=markup
    )


def accept_step(
    step: str, raw: str | None, draft: dict[str, Any], now: datetime
) -> dict[str, Any]:
    """Validate one answer against the answers before it; returns what to keep (JSON-safe)."""
    if step in ("title_en", "title_ru"):
        return {step: fields.parse_title(raw, step)}
    if step in ("description_en", "description_ru"):
        return {step: fields.parse_description(raw, step)}
    if step == "timezone":
        return {"timezone": fields.parse_timezone(raw)}
    if step == "place":
        venue, url = fields.parse_place(raw)
        return {"venue": venue, "online_url": url}
    if step == "capacity":
        return {"capacity": fields.parse_capacity(raw)}
    if step == "language":
        return {"language": fields.parse_language(raw)}
    moment = fields.parse_local_datetime(raw, draft["timezone"], step)
    start = datetime.fromisoformat(draft["starts_at"]) if "starts_at" in draft else moment
    if step == "starts_at" and moment <= now:
        raise FieldProblem(step, "course-error-start-past")
    if step == "ends_at" and moment <= start:
        raise FieldProblem(step, "course-error-end-before-start")
    if step == "deadline_at":
        if moment > start:
            raise FieldProblem(step, "course-error-deadline-after-start")
        if moment <= now:
            raise FieldProblem(step, "course-error-deadline-past")
    return {step: moment.isoformat()}


async def advance(
    bot: Bot,
    chat_id: int,
    step: str,
    values: dict[str, Any],
    t: Translator,
    state: FSMContext,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
    organiser_id: int,
    audit: AuditLog,
) -> None:
    """Keep the answer, then ask the next question or create the draft after the last one."""
    draft = {**(await state.get_data()).get("course", {}), **values}
    if step == "title_ru" and not (draft.get("title_en") or draft.get("title_ru")):
        raise InvalidInput("course-error-need-a-title")
    await state.update_data(course=draft)
    following = STEPS.index(step) + 1
    if following < len(STEPS):
        await ask_step(bot, chat_id, STEPS[following], t, state, settings)
        return
    await state.clear()
    stored = {
        key: datetime.fromisoformat(value) if key.endswith("_at") else value
        for key, value in draft.items()
    }
    course = await course_service.create(stored, organiser_id)
    await audit.record(organiser_id, AuditAction.COURSE_CREATED, "course", course.id)
    await send_preview(bot, chat_id, course, t, localizations)


@router.message(StateFilter(CourseDialog), F.text, NOT_COMMAND)
async def dialog_answer(
    message: Message,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    raw_state: str,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
    audit: AuditLog,
) -> None:
    step = raw_state.split(":", 1)[1]
    draft = (await state.get_data()).get("course", {})
    if missing := first_unanswered(step, draft):
        await ask_step(bot, message.chat.id, missing, t, state, settings)
        return
    try:
        values = accept_step(step, message.text, draft, _now())
    except FieldProblem as problem:
        await message.answer(problem_text(problem, t))
        return
    organiser = message.from_user.id if message.from_user else 0
    await advance(
        bot,
        message.chat.id,
        step,
        values,
        t,
        state,
        settings,
        course_service,
        localizations,
        organiser,
        audit,
    )


@router.callback_query(StateFilter(CourseDialog), CourseFormCb.filter())
async def dialog_button(
    callback: CallbackQuery,
    callback_data: CourseFormCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    raw_state: str,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
    audit: AuditLog,
) -> None:
    step = raw_state.split(":", 1)[1]
    draft = (await state.get_data()).get("course", {})
    if missing := first_unanswered(step, draft):
        await callback.answer()
        await ask_step(bot, chat_of(callback), missing, t, state, settings)
        return
    action = callback_data.action
    if action == CourseFormAction.SKIP and step in OPTIONAL_STEPS:
        values: dict[str, Any] = {step: None}
    elif action == CourseFormAction.DEFAULT and step == "timezone":
        values = {"timezone": fields.parse_timezone(callback_data.value)}
    elif action == CourseFormAction.DEFAULT and step == "capacity":
        values = {"capacity": None}
    elif action == CourseFormAction.DEFAULT and step == "deadline_at":
        values = {"deadline_at": draft["starts_at"]}
    elif action == CourseFormAction.LANGUAGE and step == "language":
        values = {"language": fields.parse_language(callback_data.value)}
    else:
        raise InvalidInput("error-button-expired")  # a button of an earlier step
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(reply_markup=None)
    await advance(
        bot,
        chat_of(callback),
        step,
        values,
        t,
        state,
        settings,
        course_service,
        localizations,
        callback.from_user.id,
        audit,
    )


@router.message(StateFilter(CourseDialog), NOT_COMMAND)
async def dialog_needs_text(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))


# -- the organiser's card of a course --------------------------------------------------------


async def send_preview(
    bot: Bot, chat_id: int, course: Course, t: Translator, localizations: Localizations
) -> None:
    """The card exactly as participants will read it, in each language, then the controls."""
    for locale in localizations.locales:
        reader = localizations.get(locale)
        await bot.send_message(
            chat_id,
            reader("course-preview-heading")
            + "\n\n"
            + course_texts.card(course, reader, 0, _now()),
        )
    text, markup = await organiser_card(bot, course, t, None)
    await bot.send_message(chat_id, text, reply_markup=markup)


async def organiser_card(
    bot: Bot, course: Course, t: Translator, registrations: RegistrationRepository | None
) -> tuple[str, InlineKeyboardMarkup]:
    me = await bot.me()
    link = f"https://t.me/{me.username}?start=c{course.id}"
    lines = [
        f"{STATUS_ICON[course.status]} <b>{html.quote(course.title(t.locale))}</b>",
        t("course-admin-status", status=t(f"course-status-{course.status.value}"), id=course.id),
        course_texts.when(course, t),
        course_texts.place(course, t),
    ]
    if registrations is not None:
        counts = await registrations.counts(course.id)
        lines.append(
            t(
                "course-admin-counts",
                confirmed=counts.confirmed,
                capacity=course.capacity or 0,
                waitlisted=counts.waitlisted,
                cancelled=counts.cancelled,
            )
        )
    if course.status == CourseStatus.PUBLISHED:
        lines.append(t("course-admin-link", link=link))
    elif course.status == CourseStatus.DRAFT and course.missing_for_publishing:
        lines.append(t("course-admin-missing", fields=", ".join(course.missing_for_publishing)))
    kb = InlineKeyboardBuilder()
    cid = course.id
    if course.status == CourseStatus.DRAFT:
        kb.button(text=t("button-publish"), callback_data=_cb(AdminAction.PUBLISH, cid))
        kb.button(text=t("button-edit"), callback_data=_cb(AdminAction.EDIT, cid))
        kb.button(text=t("button-delete"), callback_data=_cb(AdminAction.DELETE, cid))
    else:
        if course.status == CourseStatus.PUBLISHED:
            kb.button(text=t("button-edit"), callback_data=_cb(AdminAction.EDIT, cid))
        kb.button(text=t("button-participants"), callback_data=_cb(AdminAction.PARTICIPANTS, cid))
        kb.button(text=t("button-export-xlsx"), callback_data=_cb(AdminAction.XLSX, cid))
        kb.button(text=t("button-export-csv"), callback_data=_cb(AdminAction.CSV, cid))
        if course.status != CourseStatus.CANCELLED:
            kb.button(text=t("button-attendance"), callback_data=_cb(AdminAction.ATTENDANCE, cid))
        if course.status == CourseStatus.PUBLISHED:
            kb.button(
                text=t("button-announce-course"),
                callback_data=AnnounceCb(action=AnnounceAction.FROM_COURSE, value=str(cid)),
            )
            kb.button(text=t("button-cancel-course"), callback_data=_cb(AdminAction.CANCEL, cid))
    kb.button(text=t("button-all-courses"), callback_data=_cb(AdminAction.LIST))
    kb.adjust(2)
    return "\n".join(lines), kb.as_markup()


async def _course(courses: CourseRepository, course_id: int) -> Course:
    course = await courses.get(course_id)
    if course is None:
        raise InvalidInput("error-course-not-found")
    return course


async def _show(
    callback: CallbackQuery,
    bot: Bot,
    course: Course,
    t: Translator,
    registrations: RegistrationRepository,
) -> None:
    text, markup = await organiser_card(bot, course, t, registrations)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(text, reply_markup=markup)
    else:
        await bot.send_message(chat_of(callback), text, reply_markup=markup)


# -- the list --------------------------------------------------------------------------------


@router.message(Command("admin"))
async def admin_command(message: Message, t: Translator, courses: CourseRepository) -> None:
    text, markup = await course_list(t, courses, 0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.LIST))
async def admin_list(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    courses: CourseRepository,
) -> None:
    await callback.answer()
    text, markup = await course_list(t, courses, callback_data.page)
    if isinstance(callback.message, Message) and callback.message.text:
        await callback.message.edit_text(text, reply_markup=markup)
    else:
        await bot.send_message(chat_of(callback), text, reply_markup=markup)


async def course_list(
    t: Translator, courses: CourseRepository, page: int
) -> tuple[str, InlineKeyboardMarkup]:
    page = max(page, 0)
    items, total = await courses.all(page * PAGE_SIZE, PAGE_SIZE)
    kb = InlineKeyboardBuilder()
    for course in items:
        kb.button(
            text=f"{STATUS_ICON[course.status]} {course_texts.short_line(course, t)}",
            callback_data=_cb(AdminAction.VIEW, course.id, page),
        )
    kb.adjust(1)
    nav = InlineKeyboardBuilder()
    if page > 0:
        nav.button(
            text=t("button-previous-page"), callback_data=_cb(AdminAction.LIST, page=page - 1)
        )
    if (page + 1) * PAGE_SIZE < total:
        nav.button(text=t("button-next-page"), callback_data=_cb(AdminAction.LIST, page=page + 1))
    kb.attach(nav)
    return t("course-admin-list", count=total), kb.as_markup()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.VIEW))
async def admin_view(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    courses: CourseRepository,
    registrations: RegistrationRepository,
) -> None:
    course = await _course(courses, callback_data.course_id)
    await callback.answer()
    await _show(callback, bot, course, t, registrations)


# -- publish, delete, cancel -----------------------------------------------------------------


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.PUBLISH))
async def publish(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    course_service: CourseService,
    registrations: RegistrationRepository,
    audit: AuditLog,
) -> None:
    course = await course_service.publish(callback_data.course_id)
    await audit.record(callback.from_user.id, AuditAction.COURSE_PUBLISHED, "course", course.id)
    await callback.answer(t("course-published"), show_alert=True)
    await _show(callback, bot, course, t, registrations)


def _confirm(t: Translator, key: str, yes: AdminCourseCb, course_id: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t(key), callback_data=yes)
    kb.button(text=t("button-back"), callback_data=_cb(AdminAction.VIEW, course_id))
    return kb.as_markup()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.DELETE))
async def delete_ask(
    callback: CallbackQuery, callback_data: AdminCourseCb, t: Translator, courses: CourseRepository
) -> None:
    course = await _course(courses, callback_data.course_id)
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            t("course-delete-confirm", title=course.title(t.locale)),
            reply_markup=_confirm(
                t, "button-delete-yes", _cb(AdminAction.DELETE_YES, course.id), course.id
            ),
        )


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.DELETE_YES))
async def delete_confirmed(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
    audit: AuditLog,
) -> None:
    await course_service.delete_draft(callback_data.course_id)
    await audit.record(
        callback.from_user.id, AuditAction.COURSE_DELETED, "course", callback_data.course_id
    )
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(t("course-deleted"), reply_markup=None)


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.CANCEL))
async def cancel_ask(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    courses: CourseRepository,
    registrations: RegistrationRepository,
) -> None:
    course = await _course(courses, callback_data.course_id)
    counts = await registrations.counts(course.id)
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            t(
                "course-cancel-confirm",
                title=course.title(t.locale),
                count=counts.confirmed + counts.waitlisted,
            ),
            reply_markup=_confirm(
                t, "button-cancel-course-yes", _cb(AdminAction.CANCEL_YES, course.id), course.id
            ),
        )


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.CANCEL_YES))
async def cancel_confirmed(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    course_service: CourseService,
    registrations: RegistrationRepository,
    audit: AuditLog,
) -> None:
    change = await course_service.cancel(callback_data.course_id)
    await audit.record(
        callback.from_user.id,
        AuditAction.COURSE_CANCELLED,
        "course",
        change.course.id,
        notified=change.notified,
    )
    await callback.answer(t("course-cancelled-done", count=change.notified), show_alert=True)
    await _show(callback, bot, change.course, t, registrations)


# -- editing ---------------------------------------------------------------------------------


class CourseEdit(StatesGroup):
    value = State()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.EDIT))
async def edit_choose(
    callback: CallbackQuery, callback_data: AdminCourseCb, t: Translator, courses: CourseRepository
) -> None:
    course = await _course(courses, callback_data.course_id)
    await callback.answer()
    kb = InlineKeyboardBuilder()
    for field in EDITABLE:
        kb.button(
            text=t(f"course-field-{field}"),
            callback_data=_cb(AdminAction.EDIT_FIELD, course.id, arg=field),
        )
    kb.button(text=t("button-back"), callback_data=_cb(AdminAction.VIEW, course.id))
    kb.adjust(2)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            t("course-edit-choose", title=course.title(t.locale)),
            reply_markup=kb.as_markup(),
        )


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.EDIT_FIELD))
async def edit_ask(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    courses: CourseRepository,
) -> None:
    course = await _course(courses, callback_data.course_id)
    if callback_data.arg not in EDITABLE:
        raise InvalidInput("error-button-expired")
    await callback.answer()
    await state.set_state(CourseEdit.value)
    await state.set_data({"course_id": course.id, "field": callback_data.arg})
    await bot.send_message(
        chat_of(callback),
        t(f"course-ask-{callback_data.arg}", format=fields.DATETIME_FORMAT)
        + "\n"
        + t("course-edit-current", value=_current(course, callback_data.arg, t)),
    )


def _current(course: Course, field: str, t: Translator) -> str:
    if field in ("starts_at", "ends_at", "deadline_at"):
        moment: datetime = getattr(course, field)
        return course_texts.local_time(moment, course.timezone, t.locale, "y-MM-dd HH:mm")
    if field == "place":
        return course.online_url or course.venue or ""
    if field == "capacity":
        return str(course.capacity) if course.capacity else t("button-unlimited")
    return str(getattr(course, field) or "—")


@router.message(CourseEdit.value, F.text, NOT_COMMAND)
async def edit_value(
    message: Message,
    bot: Bot,
    t: Translator,
    state: FSMContext,
    course_service: CourseService,
    registrations: RegistrationRepository,
    audit: AuditLog,
) -> None:
    data = await state.get_data()
    if "course_id" not in data or "field" not in data:
        # A state without its data (from an older version, or lost): leave it.
        await state.clear()
        raise InvalidInput("fallback-not-understood")
    try:
        change = await course_service.edit(
            int(data["course_id"]), str(data["field"]), message.text
        )
    except FieldRejected as rejected:
        await message.answer(problem_text(rejected.problem, t))
        return
    await state.clear()
    if message.from_user is not None:
        await audit.record(
            message.from_user.id,
            AuditAction.COURSE_EDITED,
            "course",
            change.course.id,
            field=str(data["field"]),
        )
    await message.answer(t("course-edit-saved", count=change.notified))
    text, markup = await organiser_card(bot, change.course, t, registrations)
    await message.answer(text, reply_markup=markup)


@router.message(CourseEdit.value, NOT_COMMAND)
async def edit_needs_text(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))


# -- participants, exports, attendance -------------------------------------------------------


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.PARTICIPANTS))
async def participants(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    courses: CourseRepository,
    registrations: RegistrationRepository,
) -> None:
    course = await _course(courses, callback_data.course_id)
    await callback.answer()
    people = await registrations.participants(course.id)
    counts = await registrations.counts(course.id)
    lines = [
        f"<b>{html.quote(course.title(t.locale))}</b>",
        t(
            "course-admin-counts",
            confirmed=counts.confirmed,
            capacity=course.capacity or 0,
            waitlisted=counts.waitlisted,
            cancelled=counts.cancelled,
        ),
        "",
    ]
    shown = [p for p in people if p.registration.status != RegStatus.CANCELLED]
    for number, person in enumerate(shown[:PARTICIPANTS_SHOWN], start=1):
        country = BY_CODE.get(person.country or "")
        mark = "⏳" if person.registration.status == RegStatus.WAITLISTED else "✅"
        name = html.quote(person.full_name or "—")
        where = t(country.name_key) if country else "—"
        lines.append(
            f"{number}. {mark} {name} — {where}, {html.quote(person.organisation or '—')}"
        )
    if len(shown) > PARTICIPANTS_SHOWN:
        lines.append(t("course-participants-more", count=len(shown) - PARTICIPANTS_SHOWN))
    if not shown:
        lines.append(t("course-participants-none"))
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-back"), callback_data=_cb(AdminAction.VIEW, course.id))
    await bot.send_message(chat_of(callback), "\n".join(lines), reply_markup=kb.as_markup())


@router.callback_query(AdminCourseCb.filter(F.action.in_({AdminAction.XLSX, AdminAction.CSV})))
async def export(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    bot: Bot,
    t: Translator,
    courses: CourseRepository,
    registrations: RegistrationRepository,
    audit: AuditLog,
) -> None:
    course = await _course(courses, callback_data.course_id)
    await callback.answer()
    people = await registrations.participants(course.id)
    await audit.record(
        callback.from_user.id,
        AuditAction.EXPORT_PARTICIPANTS,
        "course",
        course.id,
        format=callback_data.action.value,
        rows=len(people),
    )
    # Thousands of rows take a while to write: built off the event loop so replies go on.
    build, ext = (
        (participants_xlsx, "xlsx")
        if callback_data.action == AdminAction.XLSX
        else (participants_csv, "csv")
    )
    data = await asyncio.to_thread(build, course, people, t)
    await bot.send_document(
        chat_of(callback),
        BufferedInputFile(data, filename=export_filename(course, ext)),
        caption=t("course-export-caption", title=course.title(t.locale), count=len(people)),
    )


async def attendance_markup(
    course: Course, registrations: RegistrationRepository, t: Translator, page: int
) -> InlineKeyboardMarkup:
    people = [
        p
        for p in await registrations.participants(course.id)
        if p.registration.status == RegStatus.CONFIRMED
    ]
    page = min(max(page, 0), max((len(people) - 1) // ATTENDANCE_PAGE, 0))
    kb = InlineKeyboardBuilder()
    for person in people[page * ATTENDANCE_PAGE : (page + 1) * ATTENDANCE_PAGE]:
        mark = "✅" if person.registration.attended else "▫️"
        kb.button(
            text=f"{mark} {person.full_name or '—'}",
            callback_data=_cb(
                AdminAction.TOGGLE, course.id, page, str(person.registration.user_id)
            ),
        )
    kb.adjust(1)
    nav = InlineKeyboardBuilder()
    if page > 0:
        nav.button(
            text=t("button-previous-page"),
            callback_data=_cb(AdminAction.ATTENDANCE, course.id, page - 1),
        )
    if (page + 1) * ATTENDANCE_PAGE < len(people):
        nav.button(
            text=t("button-next-page"),
            callback_data=_cb(AdminAction.ATTENDANCE, course.id, page + 1),
        )
    kb.attach(nav)
    kb.row()
    kb.button(text=t("button-back"), callback_data=_cb(AdminAction.VIEW, course.id))
    return kb.as_markup()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.ATTENDANCE))
async def attendance(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    courses: CourseRepository,
    registrations: RegistrationRepository,
) -> None:
    course = await _course(courses, callback_data.course_id)
    await callback.answer()
    markup = await attendance_markup(course, registrations, t, callback_data.page)
    if isinstance(callback.message, Message):
        await callback.message.edit_text(
            t("course-attendance-title", title=course.title(t.locale)),
            reply_markup=markup,
        )


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.TOGGLE))
async def attendance_toggle(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    courses: CourseRepository,
    registrations: RegistrationRepository,
    audit: AuditLog,
) -> None:
    course = await _course(courses, callback_data.course_id)
    if not callback_data.arg.isdigit():
        raise InvalidInput("error-button-expired")
    user_id = int(callback_data.arg)
    registration = await registrations.get(course.id, user_id)
    if registration is None or registration.status != RegStatus.CONFIRMED:
        raise InvalidInput("error-button-expired")
    await registrations.set_attended(course.id, user_id, not registration.attended)
    await audit.record(
        callback.from_user.id,
        AuditAction.ATTENDANCE_MARKED,
        "course",
        course.id,
        participant=user_id,
        attended=not registration.attended,
    )
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_reply_markup(
            reply_markup=await attendance_markup(course, registrations, t, callback_data.page)
        )
