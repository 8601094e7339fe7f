"""Organisers create a course: /newcourse with the one-message form, /newcourse template, or
/newcourse alone for the step-by-step dialog (its steps and rules are the service's)."""

from __future__ import annotations

import types
from typing import Any

from aiogram import F
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.config import Settings
from bot.errors import InvalidInput
from bot.i18n import Html, Localizations, Translator
from bot.services import course_dialog as dialog
from bot.services.course_dialog import SKIPPABLE
from bot.services.courses import (
    CourseService,
    DialogProgress,
    FieldRejected,
    FormRejected,
)
from bot.ui import course_texts
from bot.ui.callbacks import CourseFormCb, DialogAction, DialogCb
from bot.ui.context import UpdateContext
from bot.ui.course_prompts import answer_buttons, button_answer, current_value
from bot.ui.dialog import add_navigation, close_question, pressed_under_question, with_step
from bot.ui.replies import NOT_COMMAND
from handlers.courses.common import (
    organiser_card,
    organiser_router,
)
from handlers.screens.problems import (
    describe_problem,
    number_as_sent,
    problem_text,
    problems_report,
    send_again,
)
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
        await ask_step(ctx, DIALOG_STEPS[0], state, settings, {}, course_service.clock)
        return
    organiser = message.from_user.id if message.from_user else None
    try:
        course = await course_service.create_from_form(args, settings.default_timezone, organiser)
    except FormRejected as rejected:
        number_as_sent(rejected.problems, message.text or "", args)
        lines = [describe_problem(p, t) for p in rejected.problems]
        heading = t("course-form-problems", count=len(lines))
        await message.answer(problems_report(heading, lines, t))
        return
    await send_preview(ctx, course, localizations, course_service.clock)


# -- /newcourse: the step-by-step dialog -----------------------------------------------------


async def ask_step(
    ctx: UpdateContext,
    step: str,
    state: FSMContext,
    settings: Settings,
    draft: dict[str, Any],
    clock: Clock,
) -> None:
    """Step N of M, its question, the answer it has (the organiser came back to it) and its
    buttons: its own answers, Keep as it is (when the kept answer still fits), Back, Cancel."""
    t = ctx.t
    asked = dialog.steps(draft)
    number = asked.index(step) + 1
    lines = [t(f"course-ask-{step}")]
    has_answer = dialog.answered(step, draft)
    problem = dialog.kept_problem(step, draft, clock()) if has_answer else None
    if has_answer:
        values = dialog.stored_values(draft)
        zone = draft.get("timezone") or settings.default_timezone
        lines.append(t("course-edit-current", value=current_value(step, values, zone, t)))
    if problem is not None:
        lines.append(t("course-dialog-kept-invalid", problem=Html(problem_text(problem, t))))
    kb = answer_buttons(step, t, skip=step in SKIPPABLE, zones=(settings.default_timezone,))
    add_navigation(kb, t, back=number > 1, keep=has_answer and problem is None)
    await state.set_state(getattr(CourseDialog, step))
    question = await ctx.send(with_step(t, number, len(asked), "\n".join(lines)), kb.as_markup())
    await state.update_data(course=draft, question=question.message_id)


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
        assert progress.ask is not None
        await ask_step(ctx, progress.ask, state, settings, progress.draft, clock)
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
        await pressed_under_question(event, state)
        answer = button_answer(step, callback_data, skip=step in SKIPPABLE)
        progress = await course_service.answer_step(
            await _draft(state), step, answer, event.from_user.id
        )
        await event.answer()
    await close_question(ctx, state)
    await continue_dialog(ctx, progress, state, settings, localizations, course_service.clock)


@router.callback_query(
    StateFilter(CourseDialog),
    DialogCb.filter(F.action.in_({DialogAction.BACK, DialogAction.KEEP})),
)
async def dialog_back_or_keep(
    callback: CallbackQuery,
    callback_data: DialogCb,
    ctx: UpdateContext,
    state: FSMContext,
    raw_state: str,
    settings: Settings,
    course_service: CourseService,
    localizations: Localizations,
) -> None:
    """‹ Back: the previous question again, its answer (and every later one) kept. Keep as it
    is: the answer given before stands; on to the next question."""
    await pressed_under_question(callback, state)
    step, draft = _step(raw_state), await _draft(state)
    if callback_data.action == DialogAction.BACK:
        previous = dialog.previous_step(step, draft)
        if previous is None:
            raise InvalidInput("error-button-expired")  # the first question has no Back
        progress = DialogProgress(draft, ask=previous)
    else:
        progress = await course_service.keep_step(draft, step, callback.from_user.id)
    await callback.answer()
    await close_question(ctx, state)
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
            # Headed in the organiser's language, naming the card's: a Russian-speaking
            # organiser reads which card is which before the English one.
            ctx.t("course-preview-heading", language=ctx.t(f"language-name-{locale}"))
            + "\n\n"
            + course_texts.card(course, reader, 0, clock(), link=course_texts.LinkAccess.SHOWN)
        )
    text, markup = await organiser_card(ctx, course, None)
    await ctx.send(text, markup)
