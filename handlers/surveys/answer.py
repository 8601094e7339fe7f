"""Participants answer feedback surveys: one question per message, buttons where possible.

Where a person is in a survey is kept in SQLite by the survey service, so any of its buttons,
/surveys or the invitation continues it, in the language the person uses now. The dialog
state (bot/ui/survey_screens.SurveyAnswering) only says "typed text is an answer to survey N"
and which message holds the question (its Skip button goes once the question is answered).
"""

from __future__ import annotations

import contextlib

from aiogram import F, Router, html
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.errors import DomainError, InvalidInput
from bot.i18n import Translator
from bot.services.surveys import Step, SurveyService
from bot.services.surveys.model import TEXT_ANSWER_LIMIT, Answer, Question, QuestionKind
from bot.ui.callbacks import SurveyAction, SurveyCb
from bot.ui.context import UpdateContext
from bot.ui.replies import edit_buttons
from handlers.screens.survey import SurveyAnswering, question_markup, show_step

router = Router(name=__name__)

# -- what an answer looks like ----------------------------------------------------------------


def answer_text(question: Question, answer: Answer, t: Translator) -> str:
    """How an answer is echoed under its question once given."""
    if answer is None:
        return t("survey-answer-skipped")
    if question.kind == QuestionKind.CHOICE and isinstance(answer, int):
        return html.quote(question.options[answer].get(t.locale))
    if question.kind == QuestionKind.MULTI and isinstance(answer, list):
        return html.quote(", ".join(question.options[i].get(t.locale) for i in answer))
    if question.kind == QuestionKind.YESNO:
        return t("button-survey-yes") if answer else t("button-survey-no")
    return html.quote(str(answer))


async def close_question(
    ctx: UpdateContext, message_id: int | None, step: Step, index: int
) -> None:
    """The answered question keeps its text and shows the answer; its buttons go."""
    if message_id is None:
        return
    t = ctx.t
    question = step.questions[index]
    answer = step.response.answers.get(index)
    text = f"{html.quote(question.text.get(t.locale))}\n✅ {answer_text(question, answer, t)}"
    # An old message may be gone or too old to edit: the answer is recorded all the same.
    with contextlib.suppress(TelegramBadRequest):
        await ctx.bot.edit_message_text(text, chat_id=ctx.chat_id, message_id=message_id)


# -- starting ---------------------------------------------------------------------------------


@router.message(Command("surveys"))
async def surveys_command(message: Message, ctx: UpdateContext, surveys: SurveyService) -> None:
    t = ctx.t
    items = await surveys.open_for(ctx.user.id)
    if not items:
        await message.answer(t("surveys-none"))
        return
    rows = []
    lines = [t("surveys-title", count=len(items)), ""]
    for survey, response in items:
        title = survey.title(t.locale)
        if response is not None and response.finished:
            lines.append(t("surveys-line-done", title=title))
            continue
        lines.append(t("surveys-line-open", title=title))
        key = "button-survey-continue" if response is not None else "button-survey-start"
        rows.append(
            [
                InlineKeyboardButton(
                    text=f"{t(key)}: {title}"[:64],
                    callback_data=SurveyCb(action=SurveyAction.START, survey_id=survey.id).pack(),
                )
            ]
        )
    markup = InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
    await message.answer("\n".join(lines), reply_markup=markup)


@router.callback_query(SurveyCb.filter(F.action == SurveyAction.START))
async def start_survey(
    callback: CallbackQuery,
    callback_data: SurveyCb,
    ctx: UpdateContext,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    step = await surveys.begin(callback_data.survey_id, ctx.user.id)
    await callback.answer()
    if step.question is None:
        await ctx.send(ctx.t("survey-already-done"))
        return
    await show_step(ctx, step, state)


# -- answering with buttons -------------------------------------------------------------------


@router.callback_query(
    SurveyCb.filter(
        F.action.in_({SurveyAction.ANSWER, SurveyAction.SKIP, SurveyAction.DONE}),
    )
)
async def answer_button(
    callback: CallbackQuery,
    callback_data: SurveyCb,
    ctx: UpdateContext,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    """A rating, choice or yes/no button, Skip, or Done under a multiple-choice question."""
    survey_id, index = callback_data.survey_id, callback_data.q
    if callback_data.action == SurveyAction.DONE:
        step = await surveys.confirm_selection(survey_id, ctx.user.id, index)
    else:
        value = callback_data.value if callback_data.action == SurveyAction.ANSWER else None
        step = await surveys.press(survey_id, ctx.user.id, index, value)
    if not step.recorded:
        # A double tap or a button of a question answered before: nothing changes.
        await callback.answer(ctx.t("survey-button-stale"))
        return
    await callback.answer()
    message_id = callback.message.message_id if callback.message else None
    await close_question(ctx, message_id, step, index)
    await show_step(ctx, step, state)


@router.callback_query(SurveyCb.filter(F.action == SurveyAction.TOGGLE))
async def toggle_option(
    callback: CallbackQuery, callback_data: SurveyCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    step = await surveys.toggle(
        callback_data.survey_id,
        ctx.user.id,
        callback_data.q,
        callback_data.value,
        callback_data.on,
    )
    if not step.recorded:
        await callback.answer(ctx.t("survey-button-stale"))
        return
    await callback.answer()
    await edit_buttons(callback, question_markup(step, ctx.t))


# -- answering by typing ----------------------------------------------------------------------


async def _where_typing_goes(user_id: int, surveys: SurveyService, state: FSMContext) -> Step:
    """The survey typed text belongs to; a closed or removed one ends the dialog first, so
    later messages are not taken for answers (the error handler says why)."""
    survey_id = (await state.get_data()).get("survey_id")
    if not isinstance(survey_id, int):
        # A state without its data (from an older version, or lost): leave it.
        await state.clear()
        raise InvalidInput("fallback-not-understood")
    try:
        return await surveys.current(survey_id, user_id)
    except DomainError:
        await state.clear()
        raise


@router.message(SurveyAnswering.question, F.text, ~F.text.startswith("/"))
@router.message(SurveyAnswering.question, ~F.text)
async def typed_answer(
    message: Message, ctx: UpdateContext, state: FSMContext, surveys: SurveyService
) -> None:
    """Text where a question waits for an answer; a sticker, photo or voice message there is
    told what is expected."""
    t = ctx.t
    data = await state.get_data()
    step = await _where_typing_goes(ctx.user.id, surveys, state)
    question = step.question
    if question is None:
        await state.clear()
        if message.text is not None:
            await message.answer(t("survey-already-done"))
        return
    typed = question.kind == QuestionKind.TEXT
    if message.text is None or not typed:
        # Show the question again, so its buttons (or the hint) are at hand.
        await message.answer(t("survey-text-only" if typed else "survey-use-buttons"))
        await show_step(ctx, step, state)
        return
    text = message.text.strip()
    if len(text) > TEXT_ANSWER_LIMIT:
        await message.answer(t("survey-text-too-long", length=len(text), limit=TEXT_ANSWER_LIMIT))
        return
    answered = await surveys.answer(step.survey.id, ctx.user.id, step.index, text)
    if not answered.recorded:
        await message.answer(t("survey-button-stale"))
        return
    # The question keeps its text; its Skip button goes.
    await close_question(ctx, data.get("message_id"), answered, step.index)
    await show_step(ctx, answered, state)
