"""The participant's survey screens: a question with its buttons, and the dialog state that
says typed text answers survey N. Shared by the survey dialog and the language switch (which
shows the current question again in the new language)."""

from __future__ import annotations

from aiogram import Bot, html
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services.surveys import Step, SurveyService
from bot.services.surveys.model import TEXT_ANSWER_LIMIT, Question, QuestionKind
from bot.ui.callbacks import SurveyAction, SurveyCb
from bot.ui.context import UpdateContext

RATING_ROW = 6  # buttons per row: 1-5 fits one row, 0-10 two


class SurveyAnswering(StatesGroup):
    question = State()


def question_text(step: Step, t: Translator) -> str:
    question = step.question
    assert question is not None
    lines = [
        f"<b>{html.quote(step.survey.title(t.locale))}</b>",
        t("survey-progress", number=step.index + 1, total=len(step.questions)),
        "",
        html.quote(question.text.get(t.locale)),
    ]
    hint = _hint(question, t)
    if hint:
        lines += ["", f"<i>{hint}</i>"]
    if step.index == 0:
        # Before the first answer: whether the answers will carry the person's name. The
        # anonymous survey's explanation is long for a phone and the invitation said it in
        # short: folded, its first lines show and the rest is a tap away.
        if step.survey.anonymous:
            lines += ["", f"<blockquote expandable>{t('survey-first-anonymous')}</blockquote>"]
        else:
            lines += ["", t("survey-first-named")]
    return "\n".join(lines)


def _hint(question: Question, t: Translator) -> str:
    if question.kind == QuestionKind.RATING and question.low and question.high:
        return t(
            "survey-hint-scale",
            low=question.scale_min,
            low_label=question.low.get(t.locale),
            high=question.scale_max,
            high_label=question.high.get(t.locale),
        )
    if question.kind == QuestionKind.MULTI:
        return t("survey-hint-multi")
    if question.kind == QuestionKind.TEXT:
        return t("survey-hint-text", limit=TEXT_ANSWER_LIMIT)
    return ""


def question_markup(step: Step, t: Translator) -> InlineKeyboardMarkup | None:
    question = step.question
    assert question is not None
    survey_id, index = step.survey.id, step.index

    def data(action: SurveyAction, value: int = 0, on: bool = False) -> str:
        return SurveyCb(action=action, survey_id=survey_id, q=index, value=value, on=on).pack()

    rows: list[list[InlineKeyboardButton]] = []
    if question.kind == QuestionKind.RATING:
        points = range(question.scale_min, question.scale_max + 1)
        buttons = [
            InlineKeyboardButton(text=str(p), callback_data=data(SurveyAction.ANSWER, p))
            for p in points
        ]
        per_row = RATING_ROW if len(buttons) > RATING_ROW else len(buttons)
        rows += [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
    elif question.kind == QuestionKind.CHOICE:
        for number, option in enumerate(question.options):
            text = option.get(t.locale)
            rows.append(
                [InlineKeyboardButton(text=text, callback_data=data(SurveyAction.ANSWER, number))]
            )
    elif question.kind == QuestionKind.MULTI:
        ticked = set(step.response.selection)
        for number, option in enumerate(question.options):
            on = number in ticked
            mark = "☑️" if on else "⬜"
            rows.append(
                [
                    InlineKeyboardButton(
                        text=f"{mark} {option.get(t.locale)}",
                        # The button says what it will do, so a double tap changes nothing.
                        callback_data=data(SurveyAction.TOGGLE, number, on=not on),
                    )
                ]
            )
        rows.append(
            [
                InlineKeyboardButton(
                    text=t("button-survey-done"), callback_data=data(SurveyAction.DONE)
                )
            ]
        )
    elif question.kind == QuestionKind.YESNO:
        rows.append(
            [
                InlineKeyboardButton(
                    text=t("button-survey-yes"), callback_data=data(SurveyAction.ANSWER, 1)
                ),
                InlineKeyboardButton(
                    text=t("button-survey-no"), callback_data=data(SurveyAction.ANSWER, 0)
                ),
            ]
        )
    if not question.required:
        rows.append(
            [
                InlineKeyboardButton(
                    text=t("button-survey-skip"), callback_data=data(SurveyAction.SKIP)
                )
            ]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def show_step(ctx: UpdateContext, step: Step, state: FSMContext) -> None:
    """The current question as a new message, or the thank-you when the survey is done."""
    await _send_step(ctx.bot, ctx.chat_id, step, ctx.t, state)


async def resend_current(
    bot: Bot, chat_id: int, user_id: int, t: Translator, surveys: SurveyService, state: FSMContext
) -> bool:
    """After a language switch mid-survey: the current question again, in the new language
    (`t`, not the one the update came in with)."""
    if await state.get_state() != SurveyAnswering.question.state:
        return False
    survey_id = (await state.get_data()).get("survey_id")
    if survey_id is None:
        return False
    step = await surveys.current(int(survey_id), user_id)
    await _send_step(bot, chat_id, step, t, state)
    return True


async def _send_step(bot: Bot, chat_id: int, step: Step, t: Translator, state: FSMContext) -> None:
    if step.question is None:
        await state.clear()
        await bot.send_message(chat_id, t("survey-thanks", title=step.survey.title(t.locale)))
        return
    sent = await bot.send_message(
        chat_id, question_text(step, t), reply_markup=question_markup(step, t)
    )
    await state.set_state(SurveyAnswering.question)
    await state.set_data({"survey_id": step.survey.id, "message_id": sent.message_id})
