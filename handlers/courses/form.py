"""Organisers create a course: /newcourse with the one-message form, /newcourse template, or
/newcourse alone for the step-by-step dialog (its steps and rules are the service's)."""

from __future__ import annotations

import types
from typing import Any

from aiogram import F
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.clock import Clock
from bot.config import Settings
from bot.errors import InvalidInput
from bot.i18n import Localizations, Translator
from bot.services import course_fields as fields
from bot.services.course_dialog import SKIPPABLE, Answer, Choice
from bot.services.courses import (
    CourseService,
    DialogProgress,
    FieldRejected,
    FormRejected,
)
from bot.ui import course_texts
from bot.ui.callbacks import CourseFormAction, CourseFormCb
from bot.ui.context import UpdateContext
from bot.ui.replies import NOT_COMMAND, edit_buttons
from handlers.courses.common import organiser_card, organiser_router
from handlers.screens.problems import describe_problem, number_as_sent, problem_text, send_again
from storage.courses import DIALOG_STEPS, Course

router = organiser_router(__name__)

# One state a step, named after the course field it asks for ("CourseDialog:title_en").
CourseDialog = types.new_class(
    "CourseDialog",
    (StatesGroup,),
    exec_body=lambda namespace: namespace.update({step: State() for step in DIALOG_STEPS}),
)


# -- /newcourse: the one-message form and the template ---------------------------------------


@router.message(Command("newcourse"))
async def new_course(
    message: Message,
    command: CommandObject,
    ctx: UpdateContext,
    state: FSMContext,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
) -> None:
    t = ctx.t
    args = (command.args or "").strip()
    if args.lower() == "template":
        await message.answer(t("course-template", timezone=settings.default_timezone))
        return
    if not args:
        await state.set_data({"course": {}})
        await message.answer(t("course-dialog-intro"))
        await ask_step(ctx, DIALOG_STEPS[0], state, settings)
        return
    organiser = message.from_user.id if message.from_user else None
    try:
        course = await course_service.create_from_form(args, settings.default_timezone, organiser)
    except FormRejected as rejected:
        number_as_sent(rejected.problems, message.text or "", args)
        lines = [describe_problem(p, t) for p in rejected.problems]
        await message.answer(t("course-form-problems", count=len(lines)) + "\n" + "\n".join(lines))
        return
    await send_preview(ctx, course, localizations, course_service.clock)


# -- /newcourse: the step-by-step dialog -----------------------------------------------------


def step_buttons(step: str, t: Translator, settings: Settings) -> InlineKeyboardMarkup | None:
    """The answers a step offers as buttons (skip, a default, the languages)."""
    kb = InlineKeyboardBuilder()

    def button(key: str, action: CourseFormAction, value: str = "") -> None:
        kb.button(text=t(key), callback_data=CourseFormCb(action=action, value=value))

    if step in SKIPPABLE:
        button("button-skip", CourseFormAction.SKIP)
    elif step == "timezone":
        zone = settings.default_timezone
        kb.button(
            text=zone, callback_data=CourseFormCb(action=CourseFormAction.DEFAULT, value=zone)
        )
    elif step == "capacity":
        button("button-unlimited", CourseFormAction.DEFAULT)
    elif step == "deadline_at":
        button("button-deadline-at-start", CourseFormAction.DEFAULT)
    elif step == "language":
        for code in ("en", "ru"):
            button(f"language-name-{code}", CourseFormAction.LANGUAGE, code)
    return kb.as_markup() if kb.buttons else None


def button_answer(step: str, callback_data: CourseFormCb) -> Answer:
    """What a button of `step` answers; a button of an earlier step has expired."""
    action = callback_data.action
    if action == CourseFormAction.SKIP and step in SKIPPABLE:
        return Choice.SKIP
    if action == CourseFormAction.DEFAULT and step == "timezone":
        return callback_data.value
    if action == CourseFormAction.DEFAULT and step in ("capacity", "deadline_at"):
        return Choice.DEFAULT
    if action == CourseFormAction.LANGUAGE and step == "language":
        return callback_data.value
    raise InvalidInput("error-button-expired")


async def ask_step(ctx: UpdateContext, step: str, state: FSMContext, settings: Settings) -> None:
    await state.set_state(getattr(CourseDialog, step))
    await ctx.send(
        ctx.t(f"course-ask-{step}", format=fields.DATETIME_FORMAT),
        step_buttons(step, ctx.t, settings),
    )


async def continue_dialog(
    ctx: UpdateContext,
    progress: DialogProgress,
    state: FSMContext,
    settings: Settings,
    localizations: Localizations,
    clock: Clock,
) -> None:
    """Keep the answers, then ask the next question or show the draft made after the last."""
    if progress.course is None:
        await state.update_data(course=progress.draft)
        assert progress.ask is not None
        await ask_step(ctx, progress.ask, state, settings)
        return
    await state.clear()
    await send_preview(ctx, progress.course, localizations, clock)


def _step(raw_state: str) -> str:
    return raw_state.split(":", 1)[1]


async def _draft(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get("course", {}))


@router.message(StateFilter(CourseDialog), F.text, NOT_COMMAND)
@router.callback_query(StateFilter(CourseDialog), CourseFormCb.filter())
async def dialog_answer(
    event: Message | CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    raw_state: str,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
    callback_data: CourseFormCb | None = None,  # a button's answer; None for a typed one
) -> None:
    """One answer of the dialog, typed or a button of the step (skip, default, language)."""
    step = _step(raw_state)
    if isinstance(event, Message):
        organiser = event.from_user.id if event.from_user else 0
        try:
            progress = await course_service.answer_step(
                await _draft(state), step, event.text, organiser
            )
        except FieldRejected as rejected:
            await event.answer(send_again(problem_text(rejected.problem, ctx.t), ctx.t))
            return
    else:
        assert callback_data is not None
        progress = await course_service.answer_step(
            await _draft(state), step, button_answer(step, callback_data), event.from_user.id
        )
        await event.answer()
        if not progress.went_back:
            await edit_buttons(event, None)
    await continue_dialog(ctx, progress, state, settings, localizations, course_service.clock)


@router.message(StateFilter(CourseDialog), NOT_COMMAND)
async def dialog_needs_text(message: Message, t: Translator) -> None:
    await message.answer(t("profile-hint-text"))


async def send_preview(
    ctx: UpdateContext, course: Course, localizations: Localizations, clock: Clock
) -> None:
    """The card exactly as participants will read it, in each language, then the controls."""
    for locale in localizations.locales:
        reader = localizations.get(locale)
        await ctx.send(
            reader("course-preview-heading")
            + "\n\n"
            + course_texts.card(course, reader, 0, clock(), link=course_texts.LinkAccess.SHOWN)
        )
    text, markup = await organiser_card(ctx, course, None)
    await ctx.send(text, markup)
