"""Surveys: the list /results offers in the chat, and one survey's results with a chart per
question, its text answers page by page and its files.

What may be shown is the survey service's rule, exactly as in the chat: an anonymous survey's
figures stay hidden below ANONYMOUS_THRESHOLD responses (`Report.visible`), its text answers
and files until it closes (`Report.released`); the answers come in the service's order
(anonymous ones by their random ids), and no page names who answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web
from markupsafe import Markup

from bot.i18n import Translator
from bot.services.surveys import Report
from bot.services.surveys.errors import ResultsHidden, ResultsNotReleased
from bot.services.surveys.model import ANONYMOUS_THRESHOLD, Bilingual, Question
from bot.services.surveys.results import (
    ChoiceSummary,
    QuestionSummary,
    RatingSummary,
    TextSummary,
    YesNoSummary,
    shares,
)
from bot.ui.pagination import Page
from bot.web.charts import Bar, bar_chart
from bot.web.context import ID, dashboard, query_number, viewer
from bot.web.render import message_page, render
from storage.surveys import Survey, SurveyStatus

# The chat's /results offers the latest ten; the page has room for more, newest first.
LISTED = 100
TEXTS_PER_PAGE = 20


def setup(app: web.Application) -> None:
    app.router.add_get("/surveys", survey_list)
    app.router.add_get(f"/surveys/{{id:{ID}}}", survey_page)
    # No HEAD: building a file audits an export, and a HEAD request reads nothing.
    app.router.add_get(
        f"/surveys/{{id:{ID}}}/export.{{ext:xlsx|csv}}", survey_export, allow_head=False
    )


@dataclass(frozen=True)
class SurveyRow:
    """A line of the list: the survey, its course's title and its response figures."""

    survey: Survey
    course: str | None
    status: str
    invited: int
    answered: int
    percent: int


async def survey_list(request: web.Request) -> web.StreamResponse:
    dash, locale = dashboard(request), viewer(request).locale
    rows = [
        await _row(request, report)
        for survey in await dash.services.surveys.latest(LISTED)
        for report in [await dash.services.surveys.report(survey.id, locale)]
    ]
    return render(request, "surveys.html", rows=rows)


async def _row(request: web.Request, report: Report) -> SurveyRow:
    summary = report.summary
    return SurveyRow(
        survey=report.survey,
        course=await _course_title(request, report.survey),
        status=_status(report.survey, dashboard(request).services.clock()),
        invited=summary.invited,
        answered=summary.finished,
        percent=summary.response_percent,
    )


async def _course_title(request: web.Request, survey: Survey) -> str | None:
    if survey.course_id is None:
        return None
    course = await dashboard(request).services.courses.get(survey.course_id)
    return course.title(viewer(request).locale) if course else None


def _status(survey: Survey, now: datetime) -> str:
    """draft, scheduled (opens later), open or closed: the suffix of its message key."""
    if survey.status == SurveyStatus.DRAFT:
        return "draft"
    if survey.is_open(now):  # the rule the chat takes answers by
        return "open"
    return "scheduled" if survey.opens_at is not None and now < survey.opens_at else "closed"


# -- one survey --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextPage:
    """One page of a text question's answers, numbered as in the chat."""

    first: int  # the number of the first answer shown (from 1)
    texts: Sequence[str]
    page: int  # from 1
    pages: int


@dataclass(frozen=True)
class QuestionView:
    number: int
    question: Question
    figures: QuestionSummary
    chart: Markup | None
    texts: TextPage | None  # text questions whose answers may be shown


async def _report(request: web.Request) -> Report:
    return await dashboard(request).services.surveys.report(
        int(request.match_info["id"]), viewer(request).locale
    )


async def survey_page(request: web.Request) -> web.StreamResponse:
    report = await _report(request)
    t = viewer(request).t
    paged_question = query_number(request, "q")
    page = query_number(request, "page")
    questions = [
        _question_view(report, index, t, page if index + 1 == paged_question else 1)
        for index in range(len(report.questions))
    ]
    return render(
        request,
        "survey.html",
        report=report,
        row=await _row(request, report),
        survey=report.survey,
        summary=report.summary,
        questions=questions if report.visible else [],
        threshold=ANONYMOUS_THRESHOLD,
        exports=report.visible and report.released and report.summary.finished > 0,
    )


def _question_view(report: Report, index: int, t: Translator, page: int) -> QuestionView:
    question, figures = report.questions[index], report.summary.questions[index]
    number = index + 1
    title = t.plain("dash-surveys-chart-title", number=number, text=question.text.get(t.locale))
    bars = _bars(question, figures, t)
    scale = isinstance(figures, RatingSummary)
    chart = bar_chart(title, bars, one_colour=scale) if bars and figures.answered else None
    texts = None
    if isinstance(figures, TextSummary) and report.released:
        texts = _text_page(figures.texts, page)
    return QuestionView(number, question, figures, chart, texts)


def _bars(question: Question, figures: QuestionSummary, t: Translator) -> list[Bar]:
    """The chart's bars: the options, the scale points (with what their ends mean), yes/no."""
    locale = t.locale
    if isinstance(figures, ChoiceSummary):
        return [
            Bar(option.get(locale), count, percent)
            for option, count, percent in zip(
                question.options, figures.counts, figures.percents, strict=True
            )
        ]
    if isinstance(figures, RatingSummary):
        counts = list(figures.distribution.values())
        ends = {question.scale_min: question.low, question.scale_max: question.high}
        return [
            Bar(_point_label(point, ends.get(point), locale), count, percent)
            for (point, count), percent in zip(
                figures.distribution.items(), shares(counts), strict=True
            )
        ]
    if isinstance(figures, YesNoSummary):
        return [
            Bar(t.plain("dash-surveys-yes"), figures.yes, figures.yes_percent),
            Bar(t.plain("dash-surveys-no"), figures.no, figures.no_percent),
        ]
    return []


def _point_label(point: int, end: Bilingual | None, locale: str) -> str:
    meaning = end.get(locale) if end is not None else ""
    return f"{point} · {meaning}" if meaning else str(point)


def _text_page(texts: Sequence[str], page: int) -> TextPage:
    """`page` (from 1) of the answers, clamped to the pages there are, like the chat's."""
    shown = Page.of(page - 1, TEXTS_PER_PAGE, len(texts))
    return TextPage(shown.offset + 1, shown.items(texts), shown.number + 1, shown.count)


async def survey_export(request: web.Request) -> web.StreamResponse:
    """The same file as the chat's XLSX/CSV button, built and audited by the same service."""
    dash, who = dashboard(request), viewer(request)
    survey_id = int(request.match_info["id"])
    try:
        report = await dash.services.surveys.released_report(survey_id, who.locale)
    except (ResultsHidden, ResultsNotReleased) as refused:
        return message_page(
            request,
            409,
            "dash-surveys-export-refused-title",
            refused.key,
            **refused.args_for_message,
        )
    xlsx = request.match_info["ext"] == "xlsx"
    export = await dash.services.surveys.export(report, xlsx, who.user_id, who.t)
    kind = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if xlsx else "text/csv"
    )
    return web.Response(
        body=export.data,
        content_type=kind,
        headers={"Content-Disposition": f'attachment; filename="{export.filename}"'},
    )
