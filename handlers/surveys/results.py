"""Organisers: /results with the chart, the exports and the text answers page by page. Who
may see what (the anonymity threshold, anonymous answers only after closing) is the survey
service's rule; this module renders."""

from __future__ import annotations

import asyncio

from aiogram import F, Router, html
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.i18n import Translator
from bot.services.surveys import Report, SurveyService
from bot.services.surveys.chart import ratings_chart
from bot.services.surveys.compare_chart import ChartTexts, comparison_chart
from bot.services.surveys.followup import Comparison, Waiting
from bot.services.surveys.model import QuestionKind
from bot.services.surveys.results import results_text, text_answers_page
from bot.ui.callbacks import SurveyAdminAction, SurveyAdminCb
from bot.ui.context import UpdateContext
from bot.ui.course_list import BUTTON_CHARS, shorten
from bot.ui.course_texts import zoned_time
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons
from bot.ui.replies import message_of
from handlers.surveys.common import add_button
from storage.surveys import Survey, SurveyStatus

router = Router(name=__name__)

RESULTS_SURVEYS = 10


@router.message(Command("results"))
async def results_command(message: Message, t: Translator, surveys: SurveyService) -> None:
    latest = await surveys.latest(RESULTS_SURVEYS)
    if latest:
        text, markup = _survey_list(latest, t)
        await message.answer(text, reply_markup=markup)
    else:
        await message.answer(t("results-no-surveys"))


def _survey_list(surveys: list[Survey], t: Translator) -> tuple[str, InlineKeyboardMarkup]:
    """Each survey in full in the message, drafts marked; a short button for each."""
    lines = [t("results-choose"), ""]
    kb = InlineKeyboardBuilder()
    for survey in surveys:
        mark = "" if survey.status == SurveyStatus.ACTIVE else t.plain("results-draft-mark")
        title = survey.title(t.locale)
        lines.append(f"<b>#{survey.id}</b> {html.quote(title)}{html.quote(mark)}")
        number = f"#{survey.id} "
        text = number + shorten(title, BUTTON_CHARS - len(number) - len(mark)) + mark
        add_button(kb, text, SurveyAdminAction.RESULTS, survey.id)
    kb.adjust(1)
    return "\n".join(lines), kb.as_markup()


def _file_buttons(kb: InlineKeyboardBuilder, report: Report, t: Translator) -> None:
    """The chart, the files and the text answers, where they may be shown."""
    survey_id, questions = report.survey.id, report.questions
    if any(q.kind == QuestionKind.RATING for q in questions):
        add_button(kb, t("button-results-chart"), SurveyAdminAction.CHART, survey_id)
    if not report.released:
        return
    add_button(kb, t("button-results-xlsx"), SurveyAdminAction.XLSX, survey_id)
    add_button(kb, t("button-results-csv"), SurveyAdminAction.CSV, survey_id)
    for index, question in enumerate(questions):
        if question.kind == QuestionKind.TEXT:
            text = t("button-results-texts", number=index + 1)
            # page -1: the first page, as a new message (turning pages edits it)
            add_button(kb, text, SurveyAdminAction.TEXTS, survey_id, str(index), page=-1)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.RESULTS))
async def show_results(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    t = ctx.t
    report = await surveys.report(callback_data.survey_id, t.locale)
    survey, summary = report.survey, report.summary
    await query.answer()
    text = results_text(survey.title(t.locale), summary, report.questions, t, survey.anonymous)
    if report.unreadable:
        text += "\n\n" + t("results-unreadable", count=report.unreadable)
    if not report.released and survey.status == SurveyStatus.ACTIVE:
        text += "\n\n" + t("results-released-after-close", **report.closing)
    waiting = await surveys.followups.waiting(survey)
    if waiting is not None:
        text += "\n\n" + followup_waiting_text(waiting, t)
    kb = InlineKeyboardBuilder()
    if report.visible and summary.finished:
        _file_buttons(kb, report, t)
        kb.adjust(3)
    if survey.status == SurveyStatus.ACTIVE and await surveys.can_invite_more(survey):
        # Once some were invited (by hand or automatically after the course), the button
        # says it reaches the others.
        label = "button-survey-invite-more" if summary.invited else "button-survey-send"
        send = InlineKeyboardBuilder()
        add_button(send, t(label), SurveyAdminAction.SEND, survey.id)
        kb.attach(send)
    markup = kb.as_markup() if kb.buttons else None
    await ctx.send(text, markup)
    # A course's follow-up with answers: its ratings next to the course end's, in one chart.
    comparison = await surveys.followups.comparison(survey.id, t.locale)
    if comparison is not None:
        await send_comparison(ctx, comparison)


def followup_waiting_text(waiting: Waiting, t: Translator) -> str:
    """📨 When the follow-up goes out by itself; ⚠️ that it waits for the attendance."""
    lines = [t("followup-results-waiting", when=zoned_time(waiting.due, waiting.zone, t))]
    if not waiting.attended:
        lines.append(t("course-followup-needs-attendance"))
    return "\n".join(lines)


async def send_comparison(ctx: UpdateContext, comparison: Comparison) -> None:
    """The course-end and follow-up ratings side by side, as a photo with its caption."""
    t, locale = ctx.t, ctx.locale
    course, days = comparison.course.title(locale), comparison.days
    counts = {n for pair in comparison.pairs for n in (pair.before.answered, pair.after.answered)}
    texts = ChartTexts(
        title=t.plain("followup-chart-title", course=course),
        before=t.plain("followup-chart-before"),
        after=t.plain("followup-chart-after", count=days),
        answered={n: t.plain("followup-chart-answered", count=n) for n in counts},
    )
    png = await asyncio.to_thread(comparison_chart, texts, comparison.pairs, locale)
    photo = BufferedInputFile(png, filename=f"followup-{comparison.later.id}.png")
    caption = t("followup-chart-caption", course=course, count=days)
    await ctx.bot.send_photo(ctx.chat_id, photo, caption=caption)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.CHART))
async def send_chart(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    locale = ctx.locale
    report = await surveys.visible_report(callback_data.survey_id, locale)
    await query.answer(ctx.t("results-chart-drawing"))
    title = report.survey.title(locale)
    # Drawing takes a few hundred milliseconds of CPU: off the event loop.
    png = await asyncio.to_thread(ratings_chart, title, report.questions, report.summary, locale)
    if png is None:
        await ctx.send(ctx.t("results-chart-empty"))
        return
    photo = BufferedInputFile(png, filename=f"survey-{report.survey.id}.png")
    await ctx.bot.send_photo(ctx.chat_id, photo, caption=html.quote(title[:1024]))


@router.callback_query(
    SurveyAdminCb.filter(F.action.in_({SurveyAdminAction.XLSX, SurveyAdminAction.CSV}))
)
async def send_export(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    report = await surveys.released_report(callback_data.survey_id, ctx.locale)
    # Answered before the file is built: a large one takes a while.
    await query.answer()
    xlsx = callback_data.action == SurveyAdminAction.XLSX
    export = await surveys.export(report, xlsx, ctx.user.id, ctx.t)
    caption = ctx.t("results-export-caption", title=export.title, count=export.rows)
    await ctx.send_file(BufferedInputFile(export.data, filename=export.filename), caption)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.TEXTS))
async def text_answers(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    report = await surveys.released_report(callback_data.survey_id, ctx.locale)
    survey, questions = report.survey, report.questions
    index = int(callback_data.arg) if callback_data.arg.isdecimal() else -1
    if not 0 <= index < len(questions) or questions[index].kind != QuestionKind.TEXT:
        await query.answer(ctx.t("error-button-expired"), show_alert=True)
        return
    await query.answer()
    as_new = callback_data.page < 0
    text, pages = text_answers_page(
        report.summary,
        questions,
        index,
        max(callback_data.page, 0),
        ctx.t,
        anonymous=survey.anonymous,
    )
    kb = InlineKeyboardBuilder()
    # One page per "item": the same clamping as text_answers_page.
    page = Page.of(callback_data.page, 1, pages)
    add_page_buttons(
        kb,
        ctx.t,
        page,
        lambda to: SurveyAdminCb(
            action=SurveyAdminAction.TEXTS, survey_id=survey.id, arg=str(index), page=to
        ),
    )
    markup = kb.as_markup() if kb.buttons else None
    message = message_of(query)
    if as_new or message is None:
        await ctx.send(text, markup)
    else:
        await message.edit_text(text, reply_markup=markup)
