"""Organisers edit one field of a course: choose it, see its value, type the new one."""

from __future__ import annotations

from datetime import datetime

from aiogram import F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services import course_fields as fields
from bot.services.courses import EDITABLE, CourseService, FieldRejected
from bot.ui import course_texts
from bot.ui.callbacks import AdminAction, AdminCourseCb
from bot.ui.context import UpdateContext
from bot.ui.replies import NOT_COMMAND, edit
from handlers.courses.common import (
    admin_cb,
    back_to_card,
    lookup_then_answer,
    organiser_card,
    organiser_router,
)
from handlers.screens.problems import problem_text, send_again
from storage.courses import Course

router = organiser_router(__name__)


class CourseEdit(StatesGroup):
    value = State()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.EDIT))
async def edit_choose(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
) -> None:
    course = await lookup_then_answer(callback, course_service.get(callback_data.course_id))
    text = t("course-edit-choose", title=course.title(t.locale))
    await edit(callback, text, _field_buttons(course.id, t))


def _field_buttons(course_id: int, t: Translator) -> InlineKeyboardMarkup:
    """A button an editable field, and back to the card."""
    kb = InlineKeyboardBuilder()
    for field in EDITABLE:
        kb.button(
            text=t(f"course-field-{field}"),
            callback_data=admin_cb(AdminAction.EDIT_FIELD, course_id, arg=field),
        )
    back_to_card(kb, t, course_id)
    kb.adjust(2)
    return kb.as_markup()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.EDIT_FIELD))
async def edit_ask(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
) -> None:
    t = ctx.t
    course = await course_service.get(callback_data.course_id)
    if callback_data.arg not in EDITABLE:
        raise InvalidInput("error-button-expired")
    await callback.answer()
    await state.set_state(CourseEdit.value)
    await state.set_data({"course_id": course.id, "field": callback_data.arg})
    await ctx.send(
        t(f"course-ask-{callback_data.arg}", format=fields.DATETIME_FORMAT)
        + "\n"
        + t("course-edit-current", value=_current(course, callback_data.arg, t))
    )


def _current(course: Course, field: str, t: Translator) -> str:
    if field in ("starts_at", "ends_at", "deadline_at"):
        moment: datetime = getattr(course, field)
        return course_texts.local_time(moment, course.timezone, t.locale, "y-MM-dd HH:mm")
    if field == "place":
        # As the organiser would type it again: the venue, then the link on its own line.
        return "\n".join(part for part in (course.venue, course.online_url) if part)
    if field == "capacity":
        return str(course.capacity) if course.capacity else t("button-unlimited")
    return str(getattr(course, field) or "—")


@router.message(CourseEdit.value, F.text, NOT_COMMAND)
async def edit_value(
    message: Message, ctx: UpdateContext, state: FSMContext, course_service: CourseService
) -> None:
    data = await state.get_data()
    if "course_id" not in data or "field" not in data:
        # A state without its data (from an older version, or lost): leave it.
        await state.clear()
        raise InvalidInput("fallback-not-understood")
    organiser = message.from_user.id if message.from_user else None
    try:
        change = await course_service.edit(
            int(data["course_id"]), str(data["field"]), message.text, actor=organiser
        )
    except FieldRejected as rejected:
        await message.answer(send_again(problem_text(rejected.problem, ctx.t), ctx.t))
        return
    await state.clear()
    await message.answer(ctx.t("course-edit-saved", count=change.notified))
    _, counts = await course_service.counts(change.course.id)
    text, markup = await organiser_card(ctx, change.course, counts)
    await message.answer(text, reply_markup=markup)


@router.message(CourseEdit.value, NOT_COMMAND)
async def edit_needs_text(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))
