"""Organisers: /questions lists the officers' threads (unanswered first) by their last
question, each with an Answer button: the same answer as a reply to the question's copy,
for desktop users and for copies deleted from the chat."""

from __future__ import annotations

from aiogram import F
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.i18n import Translator
from bot.services.paging import fetch_page
from bot.services.questions import QuestionGone, QuestionService, first_words
from bot.ui.callbacks import QuestionAction, QuestionCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import close_question, navigation, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import add_page_buttons
from bot.ui.people import person_line
from bot.ui.replies import NOT_COMMAND, edit
from handlers.courses.common import organiser_router
from handlers.questions.albums import remember_album
from handlers.questions.common import AnswerQuestion, answer_sent, content_of
from storage.courses import Course
from storage.questions import Thread, ThreadMessage
from storage.users import User

router = organiser_router(__name__)

PAGE_SIZE = 5
# How much of each last question the list shows.
LIST_WORDS = 200


@router.message(Command("questions"))
async def questions_command(
    message: Message, ctx: UpdateContext, questions: QuestionService
) -> None:
    text, markup = await thread_list(ctx.t, questions, 0)
    await ctx.send(text, markup)


@router.callback_query(QuestionCb.filter(F.action == QuestionAction.LIST))
async def questions_page(
    callback: CallbackQuery,
    callback_data: QuestionCb,
    ctx: UpdateContext,
    questions: QuestionService,
) -> None:
    await callback.answer()
    text, markup = await thread_list(ctx.t, questions, callback_data.page)
    await edit(callback, text, markup)


async def thread_list(
    t: Translator, questions: QuestionService, number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page, threads = await fetch_page(questions.threads, number, PAGE_SIZE)
    if not threads:
        return t("questions-none"), None
    people = await questions.people({thread.last_question.officer_id for thread in threads})
    courses = await questions.courses(
        {q.course_id for thread in threads if (q := thread.last_question).course_id}
    )
    lines = [t("questions-title", count=page.total)]
    kb = InlineKeyboardBuilder()
    for index, thread in enumerate(threads, page.offset + 1):
        question = thread.last_question
        lines.append("")
        lines.append(_line(index, thread, people.get(question.officer_id), courses, t))
        kb.button(
            text=t.plain("button-question-answer", number=str(index)),
            callback_data=QuestionCb(
                action=QuestionAction.ANSWER, question_id=question.id, page=page.number
            ),
        )
    kb.adjust(3)
    add_page_buttons(kb, t, page, lambda n: QuestionCb(action=QuestionAction.LIST, page=n))
    return "\n".join(lines), kb.as_markup()


def _line(
    number: int, thread: Thread, officer: User | None, courses: dict[int, Course], t: Translator
) -> str:
    question = thread.last_question
    status = t("questions-answered" if thread.answered else "questions-waiting")
    person = person_line(officer, t) if officer else str(question.officer_id)
    course = courses.get(question.course_id or 0)
    return t(
        "questions-item",
        number=str(number),
        status=status,
        person=person,
        about=_about(course, t),
        words=_words(question, LIST_WORDS, t),
    )


def _about(course: Course | None, t: Translator) -> str:
    if course is None:
        return t("questions-about-general")
    return t("questions-about-course", course=course.title(t.locale))


def _words(question: ThreadMessage, limit: int, t: Translator) -> str:
    words = first_words(question.text, limit)
    if question.media_type:
        attached = t(f"question-note-{question.media_type}")
        return f"{attached} {words}".strip()
    return words


@router.callback_query(QuestionCb.filter(F.action == QuestionAction.ANSWER))
async def answer_button(
    callback: CallbackQuery,
    callback_data: QuestionCb,
    ctx: UpdateContext,
    state: FSMContext,
    questions: QuestionService,
) -> None:
    question = await questions.question(callback_data.question_id)
    await callback.answer()
    people = await questions.people({question.officer_id})
    officer = people.get(question.officer_id)
    t = ctx.t
    person = person_line(officer, t) if officer else str(question.officer_id)
    await state.set_state(AnswerQuestion.text)
    await state.update_data(question_id=question.id)
    prompt = t("question-answer-prompt", person=person, words=_words(question, 3000, t))
    await send_question(ctx, state, prompt, navigation(t, back=False))


@router.message(AnswerQuestion.text, NOT_COMMAND)
async def answer_typed(
    message: Message, ctx: UpdateContext, state: FSMContext, questions: QuestionService
) -> None:
    content = content_of(message)
    question_id = int((await state.get_data()).get("question_id") or 0)
    sender = message.from_user
    try:
        answered = await questions.answer(
            ctx.user.id,
            sender.full_name if sender else "",
            question_id,
            content,
            message.message_id,
        )
    except QuestionGone:
        # Nothing typed next could be sent either: the dialog ends with the refusal.
        await close_question(ctx, state)
        await state.clear()
        raise
    await close_question(ctx, state)
    await state.clear()
    await remember_album(state, message, question_id=question_id)
    await message.answer(answer_sent(answered, ctx.t))
