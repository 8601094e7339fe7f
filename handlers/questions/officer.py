"""An officer asks the organisers: "❓ Ask the organisers" on a course card (about that
course) or under /help (a general question, or one about a course of theirs)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.i18n import Translator
from bot.services.questions import QuestionService
from bot.services.signups import SignupService
from bot.ui.callbacks import QuestionAction, QuestionCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import close_question, navigation, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import NOT_COMMAND
from handlers.questions.albums import remember_album
from handlers.questions.common import AskQuestion, content_of

router = Router(name=__name__)


def ask_button_markup(t: Translator) -> InlineKeyboardMarkup:
    """The button under /help: the question is about a course of theirs, or general."""
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-ask-organisers"), callback_data=QuestionCb(action=QuestionAction.PICK)
    )
    return kb.as_markup()


@router.callback_query(QuestionCb.filter(F.action == QuestionAction.PICK))
async def pick_course(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, questions: QuestionService
) -> None:
    """Which course the question is about; with no course to choose from, straight on."""
    questions.check_can_ask(ctx.user)  # refused before anything is typed
    await callback.answer()
    courses = await questions.courses_to_ask_about(ctx.user.id)
    if not courses:
        await start_dialog(ctx, state, 0, None)
        return
    t = ctx.t
    kb = InlineKeyboardBuilder()
    for course in courses:
        kb.button(
            text=course.title(t.locale),
            callback_data=QuestionCb(action=QuestionAction.ASK, course_id=course.id),
        )
    kb.button(
        text=t("button-question-general"), callback_data=QuestionCb(action=QuestionAction.ASK)
    )
    kb.adjust(1)
    await ctx.send(t("question-pick-course"), kb.as_markup())


@router.callback_query(QuestionCb.filter(F.action == QuestionAction.ASK))
async def ask(
    callback: CallbackQuery,
    callback_data: QuestionCb,
    ctx: UpdateContext,
    state: FSMContext,
    signups: SignupService,
    questions: QuestionService,
) -> None:
    questions.check_can_ask(ctx.user)  # refused before anything is typed
    title = None
    if callback_data.course_id:
        # Callback data is user input: only a course participants may see.
        course = await signups.visible_course(callback_data.course_id)
        title = course.title(ctx.locale)
    await callback.answer()
    await start_dialog(ctx, state, callback_data.course_id, title)


async def start_dialog(
    ctx: UpdateContext, state: FSMContext, course_id: int, title: str | None
) -> None:
    t = ctx.t
    await state.set_state(AskQuestion.text)
    await state.update_data(course_id=course_id)
    about = t("question-ask-course", course=title) if title else t("question-ask-general")
    await send_question(
        ctx, state, f"{about}\n{t('question-ask-prompt')}", navigation(t, back=False)
    )


@router.message(AskQuestion.text, NOT_COMMAND)
async def question_typed(
    message: Message, ctx: UpdateContext, state: FSMContext, questions: QuestionService
) -> None:
    content = content_of(message)
    course_id = int((await state.get_data()).get("course_id") or 0)
    await questions.ask(ctx.user.id, course_id or None, content, message.message_id)
    await close_question(ctx, state)
    await state.clear()
    await remember_album(state, message, course_id=course_id)
    await message.answer(ctx.t("question-sent"))
