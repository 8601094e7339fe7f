"""Organisers: /newsurvey (the built-in feedback survey for a course in two taps, or a
one-message definition) and the preview that follows it."""

from __future__ import annotations

from aiogram import F, Router, html
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.config import LOCALES
from bot.errors import CourseNotFound, InvalidInput
from bot.i18n import Translator
from bot.services.surveys import Preview, SurveyNotFound, SurveyService, questions_of
from bot.services.surveys.model import Question, QuestionKind
from bot.ui import course_list
from bot.ui.callbacks import DialogAction, DialogCb, SurveyAdminAction, SurveyAdminCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, pressed_under_question, send_question, with_step
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import close_buttons
from handlers.screens.problems import describe_problem, number_as_sent, problems_report
from handlers.surveys.common import NewSurveyForm, add_button, draft_settings, in_dialog
from storage.surveys import Survey

router = Router(name=__name__)

NO_COURSE = "none"  # the built-in survey's button for no course (else the course id)
MESSAGE_LIMIT = 4096


STEPS = 2  # the course, then the preview to check and activate


@router.message(Command("newsurvey"))
async def new_survey(
    message: Message,
    command: CommandObject,
    ctx: UpdateContext,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    t = ctx.t
    args = (command.args or "").strip()
    if await in_dialog(state):  # /newsurvey again: its earlier dialog is over
        await state.clear()
    if args.lower() == "template":
        recent = await surveys.template_courses()
        if recent:
            await message.answer(t("survey-definition-example", course=recent[0].id))
        else:
            # A made-up course number would only be refused when the example is sent back.
            await message.answer(t("survey-definition-example-no-course"))
        return
    if not args:
        await state.set_data({})
        await ask_course(ctx, state, surveys)
        return
    preview, problems = await surveys.define(args, ctx.user.id)
    if preview is None:
        number_as_sent(problems, message.text or "", args)
        lines = [describe_problem(problem, t) for problem in problems]
        heading = t("survey-definition-problems", count=len(lines))
        await message.answer(problems_report(heading, lines, t))
        return
    await send_preview(ctx, preview, surveys.default_timezone)


async def ask_course(ctx: UpdateContext, state: FSMContext, surveys: SurveyService) -> None:
    """Step 1: the built-in survey for a recent course, or for no course (sent on demand);
    after ‹ Back, the course chosen before is shown and can be kept."""
    t = ctx.t
    recent = await surveys.template_courses()
    kb = InlineKeyboardBuilder()
    listing = []
    for number, course in enumerate(recent, 1):
        listing.append(course_list.numbered_line(number, course, t))
        text = course_list.course_button(number, course, t)
        add_button(kb, text, SurveyAdminAction.TEMPLATE, arg=str(course.id))
    no_course = t("button-survey-template-no-course")
    add_button(kb, no_course, SurveyAdminAction.TEMPLATE, arg=NO_COURSE)
    kb.adjust(1)
    question = t("newsurvey-choose-course") if recent else t("newsurvey-no-courses")
    if listing:
        question += "\n\n" + "\n".join(listing)
    text = with_step(t, 1, STEPS, question)
    draft_id = (await state.get_data()).get("survey_id")
    kept = await _chosen_course(draft_id, t, surveys) if draft_id else None
    if kept is not None:
        text += "\n\n" + t("newsurvey-kept", answer=kept)
    add_navigation(kb, t, back=False, keep=kept is not None)
    await state.set_state(NewSurveyForm.course)
    await send_question(ctx, state, text, kb.as_markup())


async def _chosen_course(survey_id: int, t: Translator, surveys: SurveyService) -> str | None:
    """What the draft of this dialog is for, in words (None: it is gone)."""
    try:
        preview = await surveys.preview(await surveys.get(survey_id))
    except SurveyNotFound:
        return None
    if preview.course is None:
        return t("button-survey-template-no-course")
    return preview.course.title(t.locale)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.TEMPLATE))
async def template_for_course(
    query: CallbackQuery,
    callback_data: SurveyAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    arg = callback_data.arg
    if arg != NO_COURSE and not arg.isdecimal():
        raise CourseNotFound()
    course_id = None if arg == NO_COURSE else int(arg)
    preview = await surveys.create_from_template(course_id, ctx.user.id)
    await close_buttons(query)
    if await in_dialog(state):
        # Another course after ‹ Back: the draft made for the first choice is not wanted.
        replaced = (await state.get_data()).get("survey_id")
        if replaced is not None:
            await surveys.delete_draft(int(replaced))
    await state.set_state(NewSurveyForm.preview)
    await state.set_data({"survey_id": preview.survey.id})
    await send_preview(ctx, preview, surveys.default_timezone, state=state)


@router.callback_query(
    StateFilter(NewSurveyForm.preview), DialogCb.filter(F.action == DialogAction.BACK)
)
async def back_to_course(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, surveys: SurveyService
) -> None:
    await pressed_under_question(callback, state)
    await close_buttons(callback)
    await ask_course(ctx, state, surveys)


@router.callback_query(
    StateFilter(NewSurveyForm.course), DialogCb.filter(F.action == DialogAction.KEEP)
)
async def keep_course(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, surveys: SurveyService
) -> None:
    """The course chosen before stays: its draft's preview again."""
    await pressed_under_question(callback, state)
    survey_id = (await state.get_data()).get("survey_id")
    if survey_id is None:
        raise InvalidInput("error-button-expired")
    preview = await surveys.preview(await surveys.get(int(survey_id)))
    await close_buttons(callback)
    await state.set_state(NewSurveyForm.preview)
    await send_preview(ctx, preview, surveys.default_timezone, state=state)


def _question_lines(question: Question, number: int, locale: str, t: Translator) -> list[str]:
    optional = "" if question.required else t("survey-preview-optional")
    kind = t(f"survey-kind-{question.kind.value}")
    lines = [f"{number}. {html.quote(question.text.get(locale))} <i>({kind}{optional})</i>"]
    if question.kind == QuestionKind.RATING:
        ends = ""
        if question.low and question.high:
            low, high = question.low.get(locale), question.high.get(locale)
            ends = f": {html.quote(low)} … {html.quote(high)}"
        lines.append(f"   {question.scale_min}–{question.scale_max}{ends}")
    for option in question.options:
        lines.append(f"   • {html.quote(option.get(locale))}")
    return lines


def preview_text(survey: Survey, locale: str, t: Translator) -> str:
    """The survey as participants in `locale` will see it (organiser's labels around it)."""
    lines = [
        t("survey-preview-language", language=t(f"language-name-{locale}")),
        "",
        f"<b>{html.quote(survey.title(locale))}</b>",
    ]
    if survey.intro(locale):
        lines.append(html.quote(survey.intro(locale)))
    lines.append("")
    for number, question in enumerate(questions_of(survey), start=1):
        lines += _question_lines(question, number, locale, t)
    return "\n".join(lines)


def _chunks(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a long message at line ends so each part fits Telegram's limit."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit and current:
            parts.append(current)
            candidate = line[:limit]
        current = candidate
    parts.append(current)
    return parts


async def send_preview(
    ctx: UpdateContext, preview: Preview, default_zone: str, *, state: FSMContext | None = None
) -> None:
    """The survey in every language the bot speaks, then its settings and buttons (in the
    two-step dialog: "Step 2 of 2", ‹ Back to the course and ✖️ Cancel too)."""
    for locale in LOCALES:
        for part in _chunks(preview_text(preview.survey, locale, ctx.t)):
            await ctx.send(part)
    text, markup = draft_settings(preview, ctx.t, default_zone, in_dialog=state is not None)
    if state is None:
        await ctx.send(text, markup)
    else:  # Step 2 of 2: its ‹ Back and ✖️ Cancel count only under it
        await send_question(ctx, state, text, markup)
