"""Organisers edit one field of a course: choose it, see its value, type the new one."""

from __future__ import annotations

from aiogram import F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.errors import CourseNotFound, DomainError, InvalidInput
from bot.i18n import Translator
from bot.services.course_dialog import Answer
from bot.services.courses import EDITABLE, CourseService, FieldRejected, editable_fields
from bot.services.materials import MaterialService
from bot.ui.callbacks import AdminAction, AdminCourseCb, CourseFormCb, DialogAction, DialogCb
from bot.ui.context import UpdateContext
from bot.ui.course_prompts import EDIT_WORDING, answer_buttons, button_answer, current_value
from bot.ui.dialog import add_navigation, close_question, pressed_under_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import NOT_COMMAND, close_buttons, edit
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


# Besides the field itself, what its value is shown with (a deadline at the start, the place).
COLUMNS_SHOWN = ("starts_at", "venue", "online_url")


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.EDIT))
async def edit_choose(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
) -> None:
    course = await lookup_then_answer(callback, course_service.get(callback_data.course_id))
    text = t("course-edit-choose", title=course.title(t.locale))
    await edit(callback, text, _field_buttons(course, t))


def _field_buttons(course: Course, t: Translator) -> InlineKeyboardMarkup:
    """A button a field that may be changed now, and back to the card."""
    course_id = course.id
    kb = InlineKeyboardBuilder()
    for field in editable_fields(course):
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
    settings: Settings,
    course_service: CourseService,
) -> None:
    """The field's question, its value now, the buttons the question names, and Keep as it is."""
    t = ctx.t
    course = await course_service.get(callback_data.course_id)
    field = callback_data.arg
    if field not in EDITABLE:
        raise InvalidInput("error-button-expired")
    if field not in editable_fields(course):
        raise InvalidInput("course-error-closed-for-edits")
    await callback.answer()
    values = {
        name: getattr(course, name) for name in (field, *COLUMNS_SHOWN) if hasattr(course, name)
    }
    text = (
        t(EDIT_WORDING.get(field, f"course-ask-{field}"))
        + "\n"
        + t("course-edit-current", value=current_value(field, values, course.timezone, t))
    )
    zones = (settings.default_timezone, course.timezone)
    kb = answer_buttons(field, t, skip=False, zones=zones)
    add_navigation(kb, t, back=False, keep=True, cancel=False)
    await state.set_state(CourseEdit.value)
    question = await ctx.send(text, kb.as_markup())
    await state.set_data({"course_id": course.id, "field": field, "question": question.message_id})


async def _editing(state: FSMContext) -> tuple[int, str]:
    """The course and field being edited; a state without its data (from an older version, or
    lost) is left."""
    data = await state.get_data()
    if "course_id" not in data or "field" not in data:
        await state.clear()
        raise InvalidInput("fallback-not-understood")
    return int(data["course_id"]), str(data["field"])


def _edit_over(refusal: DomainError) -> bool:
    """A refusal no other value can mend: the course is gone, or closed for edits."""
    return isinstance(refusal, CourseNotFound) or refusal.key == "course-error-closed-for-edits"


async def _show_card(
    ctx: UpdateContext, course: Course, course_service: CourseService, materials: MaterialService
) -> None:
    """The card again after an edit, with every button it has when opened from /admin."""
    _, counts = await course_service.counts(course.id)
    text, markup = await organiser_card(ctx, course, counts, await materials.sendable(course))
    await ctx.send(text, markup)


async def _save(
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    materials: MaterialService,
    answer: Answer,
    actor: int | None,
) -> None:
    """Store the answer, then say so and show the card; a refused one is told why, and the
    prompt stays to answer again."""
    course_id, field = await _editing(state)
    try:
        change = await course_service.edit(course_id, field, answer, actor=actor)
    except FieldRejected as rejected:
        await ctx.send(send_again(problem_text(rejected.problem, ctx.t), ctx.t))
        return
    except DomainError as refusal:
        if not _edit_over(refusal):
            raise  # said by the error handler, the prompt stays for another value
        # Deleted, cancelled or finished while the prompt waited: no value can be taken now.
        await close_question(ctx, state)
        await state.clear()
        await ctx.send(ctx.t(refusal.key, **refusal.args_for_message))
        return
    await close_question(ctx, state)
    await state.clear()
    await ctx.send(ctx.t("course-edit-saved", count=change.notified))
    await _show_card(ctx, change.course, course_service, materials)


@router.message(CourseEdit.value, F.text, NOT_COMMAND)
async def edit_value(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    materials: MaterialService,
) -> None:
    organiser = message.from_user.id if message.from_user else None
    await _save(ctx, state, course_service, materials, message.text, organiser)


@router.callback_query(CourseEdit.value, CourseFormCb.filter())
async def edit_button(
    callback: CallbackQuery,
    callback_data: CourseFormCb,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    materials: MaterialService,
) -> None:
    """A button of the prompt: No limit, Until the start, a language, a time zone."""
    await pressed_under_question(callback, state)
    _, field = await _editing(state)
    answer = button_answer(field, callback_data, skip=False)
    await callback.answer()
    await _save(ctx, state, course_service, materials, answer, callback.from_user.id)


@router.callback_query(CourseEdit.value, DialogCb.filter(F.action == DialogAction.KEEP))
async def edit_keep(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    materials: MaterialService,
) -> None:
    """Keep as it is: nothing changes; the edit ends and the card is shown again."""
    await pressed_under_question(callback, state)
    course_id, _ = await _editing(state)
    course = await course_service.get(course_id)
    await close_buttons(callback)
    await state.clear()
    await _show_card(ctx, course, course_service, materials)


@router.message(CourseEdit.value, NOT_COMMAND)
async def edit_needs_text(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))
