"""Organisers: /newsurvey (the built-in feedback survey for a course in two taps, or a
one-message definition), preview and activation, invitations on demand, and /results with
the chart and the exports. Sits under the organiser router, whose filter keeps others out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from aiogram import Bot, F, Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.config import Settings
from bot.errors import DomainError
from bot.i18n import Localizations, Translator
from bot.services import exports
from bot.services.survey_chart import ratings_chart
from bot.services.survey_definition import feedback_template, parse_definition
from bot.services.survey_model import ANONYMOUS_THRESHOLD, Bilingual, Question, QuestionKind
from bot.services.survey_results import (
    ResponseRow,
    Summary,
    results_hidden,
    results_text,
    summarize,
    text_answers_page,
)
from bot.services.surveys import SurveyService, questions_of
from bot.ui import course_texts
from bot.ui.callbacks import SurveyAdminAction, SurveyAdminCb
from bot.ui.problems import describe_problem, number_as_sent
from bot.ui.replies import chat_of
from handlers.filters import IsOrganiser
from storage.audit import AuditAction, AuditLog
from storage.courses import Course, CourseRepository, CourseStatus
from storage.surveys import Survey
from storage.users import User

router = Router(name=__name__)
# Organisers only; anyone else's command falls through to the catch-all (unknown command).
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())

TEMPLATE_COURSES = 8  # recent courses offered for the built-in survey
NO_COURSE = "none"  # the built-in survey's button for no course (else the course id)
# The draft's mode button: what it switches to.
MODES = {"anon": True, "named": False}
RESULTS_SURVEYS = 10
MESSAGE_LIMIT = 4096


def _now() -> datetime:
    return datetime.now(UTC)


class ResultsHidden(DomainError):
    """Anonymous results below the threshold: no figures, no files."""

    key = "results-files-hidden"


class ResultsNotReleased(DomainError):
    """Text answers and files of an anonymous survey before it closes (issue 11)."""

    key = "results-released-after-close"


# -- /newsurvey -------------------------------------------------------------------------------


@router.message(Command("newsurvey"))
async def new_survey(
    message: Message,
    command: CommandObject,
    bot: Bot,
    user: User,
    t: Translator,
    settings: Settings,
    localizations: Localizations,
    courses: CourseRepository,
    surveys: SurveyService,
    audit: AuditLog,
) -> None:
    args = (command.args or "").strip()
    if args.lower() == "template":
        recent = await _recent_courses(courses)
        if recent:
            await message.answer(t("survey-definition-example", course=recent[0].id))
        else:
            # A made-up course number would only be refused when the example is sent back.
            await message.answer(t("survey-definition-example-no-course"))
        return
    if not args:
        await _offer_template(message, t, courses)
        return
    parsed = parse_definition(args, _now(), settings.default_timezone, await courses.zones())
    if parsed.draft is None:
        number_as_sent(parsed.problems, message.text or "", args)
        lines = [describe_problem(problem, t) for problem in parsed.problems]
        await message.answer(
            t("survey-definition-problems", count=len(lines)) + "\n" + "\n".join(lines)
        )
        return
    survey = await surveys.create(parsed.draft, user.id)
    await audit.record(user.id, AuditAction.SURVEY_CREATED, "survey", survey.id)
    await send_preview(bot, message.chat.id, survey, t, localizations, courses, surveys)


async def _recent_courses(courses: CourseRepository) -> list[Course]:
    items, _ = await courses.all(0, 50)
    usable = [c for c in items if c.status in (CourseStatus.PUBLISHED, CourseStatus.FINISHED)]
    return usable[:TEMPLATE_COURSES]


async def _offer_template(message: Message, t: Translator, courses: CourseRepository) -> None:
    """The built-in survey for a recent course, or for no course (sent on demand)."""
    recent = await _recent_courses(courses)
    kb = InlineKeyboardBuilder()
    for course in recent:
        kb.button(
            text=course_texts.short_line(course, t)[:64],
            callback_data=SurveyAdminCb(action=SurveyAdminAction.TEMPLATE, arg=str(course.id)),
        )
    kb.button(
        text=t("button-survey-template-no-course"),
        callback_data=SurveyAdminCb(action=SurveyAdminAction.TEMPLATE, arg=NO_COURSE),
    )
    kb.adjust(1)
    text = t("newsurvey-choose-course") if recent else t("newsurvey-no-courses")
    await message.answer(text, reply_markup=kb.as_markup())


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.TEMPLATE))
async def template_for_course(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    bot: Bot,
    user: User,
    t: Translator,
    localizations: Localizations,
    courses: CourseRepository,
    surveys: SurveyService,
    audit: AuditLog,
) -> None:
    if callback_data.arg == NO_COURSE:
        draft = feedback_template(localizations, None)
    else:
        arg = callback_data.arg
        course = await courses.get(int(arg)) if arg.isdigit() else None
        if course is None or course.status in (CourseStatus.DRAFT, CourseStatus.CANCELLED):
            await callback.answer(t("error-course-not-found"), show_alert=True)
            return
        draft = feedback_template(
            localizations, course.id, Bilingual(course.title("en"), course.title("ru"))
        )
    await callback.answer()
    survey = await surveys.create(draft, user.id)
    await audit.record(user.id, AuditAction.SURVEY_CREATED, "survey", survey.id, template=True)
    await send_preview(bot, chat_of(callback), survey, t, localizations, courses, surveys)


# -- preview and activation -------------------------------------------------------------------


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


def settings_text(survey: Survey, course_title: str | None, zone: str, t: Translator) -> str:
    closes = course_texts.local_time(survey.closes_at, zone, t.locale)
    lines = [t("survey-preview-settings", id=survey.id)]
    if course_title:
        lines.append(t("survey-preview-course", title=course_title))
    else:
        lines += [t("survey-preview-no-course"), t("survey-preview-on-demand")]
    lines += [
        t("survey-preview-anonymous" if survey.anonymous else "survey-preview-named"),
        t("survey-preview-closes", when=closes, zone=zone),
    ]
    if course_title and survey.send_after > 0:
        lines.append(t("survey-preview-auto", after=duration_text(survey.send_after, t)))
    elif course_title:
        lines.append(t("survey-preview-manual"))  # send_after: no
    if survey.remind_after > 0:
        lines.append(t("survey-preview-reminder", after=duration_text(survey.remind_after, t)))
    return "\n".join(lines)


_UNITS = (("days", 86400), ("hours", 3600), ("minutes", 60), ("seconds", 1))


def duration_text(seconds: int, t: Translator) -> str:
    """A delay as a person says it: "1 day 6 hours", "20 seconds" (Russian after «через»)."""
    parts = []
    for unit, size in _UNITS:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(t(f"survey-duration-{unit}", count=count))
    return " ".join(parts)


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
    bot: Bot,
    chat_id: int,
    survey: Survey,
    t: Translator,
    localizations: Localizations,
    courses: CourseRepository,
    surveys: SurveyService,
) -> None:
    for locale in localizations.locales:
        for part in _chunks(preview_text(survey, locale, t)):
            await bot.send_message(chat_id, part)
    text, markup = await _draft_settings(survey, t, courses, surveys.default_timezone)
    await bot.send_message(chat_id, text, reply_markup=markup)


async def _draft_settings(
    survey: Survey, t: Translator, courses: CourseRepository, default_zone: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The preview's last message: the settings, and the mode, Activate and Delete buttons."""
    course = await courses.get(survey.course_id) if survey.course_id else None
    # Without a course, times are read and shown in the bot's zone, as in the definition.
    zone = course.timezone if course else default_zone
    text = settings_text(survey, course.title(t.locale) if course else None, zone, t)
    kb = InlineKeyboardBuilder()
    if survey.anonymous:
        switch, switch_to = t("button-survey-make-named"), "named"
    else:
        switch, switch_to = t("button-survey-make-anon"), "anon"
    kb.button(
        text=switch,
        callback_data=SurveyAdminCb(
            action=SurveyAdminAction.MODE, survey_id=survey.id, arg=switch_to
        ),
    )
    kb.button(
        text=t("button-survey-activate"),
        callback_data=SurveyAdminCb(action=SurveyAdminAction.ACTIVATE, survey_id=survey.id),
    )
    kb.button(
        text=t("button-survey-delete"),
        callback_data=SurveyAdminCb(action=SurveyAdminAction.DELETE, survey_id=survey.id),
    )
    kb.adjust(1, 2)
    return text + "\n\n" + t("survey-preview-check"), kb.as_markup()


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.MODE))
async def set_mode(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    courses: CourseRepository,
    surveys: SurveyService,
) -> None:
    """The preview's anonymous/named switch. The button says which mode it sets, so a double
    tap leaves the same mode."""
    anonymous = MODES.get(callback_data.arg)
    survey = await surveys.get(callback_data.survey_id)
    if anonymous is None:
        await callback.answer(t("error-button-expired"), show_alert=True)
        return
    if survey.status != "draft":
        await callback.answer(t("survey-mode-locked"), show_alert=True)
        return
    if survey.anonymous == anonymous:
        await callback.answer()  # a double tap: the message shows this mode already
        return
    changed = await surveys.set_anonymous(survey.id, anonymous)
    if changed is None:  # activated or deleted meanwhile
        await callback.answer(t("survey-mode-locked"), show_alert=True)
        return
    await callback.answer()
    if isinstance(callback.message, Message):
        text, markup = await _draft_settings(changed, t, courses, surveys.default_timezone)
        await callback.message.edit_text(text, reply_markup=markup)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.ACTIVATE))
async def activate(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    courses: CourseRepository,
    surveys: SurveyService,
    audit: AuditLog,
) -> None:
    survey = await surveys.get(callback_data.survey_id)
    activated = await surveys.activate(survey.id)
    await callback.answer()
    if activated is None:
        # A double tap: it is active already (or was deleted); the first tap's reply stands.
        return
    await audit.record(callback.from_user.id, AuditAction.SURVEY_ACTIVATED, "survey", survey.id)
    course = await courses.get(activated.course_id) if activated.course_id else None
    if course is not None and activated.send_after > 0:
        due = surveys.auto_invite_due(activated, course)
        assert due is not None
        if due <= _now():
            text = t("survey-activated-now")
        else:
            when = course_texts.local_time(due, course.timezone, t.locale)
            text = t("survey-activated-auto", when=when, zone=course.timezone)
    else:
        text = t("survey-activated-manual")
    if isinstance(callback.message, Message):
        await callback.message.edit_text(text, reply_markup=_survey_actions(activated, t))


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.DELETE))
async def delete(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    surveys: SurveyService,
    audit: AuditLog,
) -> None:
    deleted = await surveys.delete_draft(callback_data.survey_id)
    if deleted:
        await audit.record(
            callback.from_user.id, AuditAction.SURVEY_DELETED, "survey", callback_data.survey_id
        )
    await callback.answer()
    if isinstance(callback.message, Message):
        key = "survey-deleted" if deleted else "survey-delete-not-draft"
        await callback.message.edit_text(t(key), reply_markup=None)


def _survey_actions(survey: Survey, t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-survey-send"),
        callback_data=SurveyAdminCb(action=SurveyAdminAction.SEND, survey_id=survey.id),
    )
    kb.button(
        text=t("button-survey-results"),
        callback_data=SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id),
    )
    kb.adjust(1)
    return kb.as_markup()


# -- invitations on demand --------------------------------------------------------------------

# Audience button -> delivery engine audience (course ones get the survey's course id).
AUDIENCES = {
    "attended": {"kind": "course", "status": "attended"},
    "confirmed": {"kind": "course", "status": "confirmed"},
    "waitlisted": {"kind": "course", "status": "waitlisted"},
    "all": {"kind": "all"},
    "en": {"kind": "language", "language": "en"},
    "ru": {"kind": "language", "language": "ru"},
}


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.SEND))
async def choose_audience(
    callback: CallbackQuery, callback_data: SurveyAdminCb, t: Translator, surveys: SurveyService
) -> None:
    survey = await surveys.get(callback_data.survey_id)
    await callback.answer()
    kb = InlineKeyboardBuilder()
    for code in AUDIENCES:
        if AUDIENCES[code]["kind"] == "course" and survey.course_id is None:
            continue
        kb.button(
            text=t(f"button-survey-audience-{code}"),
            callback_data=SurveyAdminCb(
                action=SurveyAdminAction.AUDIENCE, survey_id=survey.id, arg=code
            ),
        )
    kb.adjust(1)
    if isinstance(callback.message, Message):
        await callback.message.answer(t("survey-choose-audience"), reply_markup=kb.as_markup())


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.AUDIENCE))
async def invite_audience(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    surveys: SurveyService,
    audit: AuditLog,
) -> None:
    survey = await surveys.get(callback_data.survey_id)
    base = AUDIENCES.get(callback_data.arg)
    if base is None or (base["kind"] == "course" and survey.course_id is None):
        await callback.answer(t("error-button-expired"), show_alert=True)
        return
    spec = {**base, "course_id": survey.course_id} if base["kind"] == "course" else dict(base)
    invited = await surveys.invite(survey.id, spec)
    await audit.record(
        callback.from_user.id,
        AuditAction.SURVEY_INVITED,
        "survey",
        survey.id,
        audience=callback_data.arg,
        invited=invited,
    )
    await callback.answer()
    if isinstance(callback.message, Message):
        # The buttons go: a second tap would invite nobody new anyway.
        await callback.message.edit_text(t("survey-invited", count=invited), reply_markup=None)


# -- /results ---------------------------------------------------------------------------------


@router.message(Command("results"))
async def results_command(message: Message, t: Translator, surveys: SurveyService) -> None:
    latest = await surveys.surveys.latest(RESULTS_SURVEYS)
    if not latest:
        await message.answer(t("results-no-surveys"))
        return
    kb = InlineKeyboardBuilder()
    for survey in latest:
        mark = "" if survey.status == "active" else t("results-draft-mark")
        kb.button(
            text=f"#{survey.id} {survey.title(t.locale)}{mark}"[:64],
            callback_data=SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id),
        )
    kb.adjust(1)
    await message.answer(t("results-choose"), reply_markup=kb.as_markup())


async def _summary(
    surveys: SurveyService, survey_id: int
) -> tuple[Survey, tuple[Question, ...], list[ResponseRow], Summary]:
    survey, questions, rows, summary, _ = await _results(surveys, survey_id)
    return survey, questions, rows, summary


async def _results(
    surveys: SurveyService, survey_id: int
) -> tuple[Survey, tuple[Question, ...], list[ResponseRow], Summary, int]:
    """As _summary, with how many finished answers cannot be read (a missing key file)."""
    result = await surveys.results(survey_id)
    questions = questions_of(result.survey)
    summary = summarize(questions, result.rows, result.invited)
    return result.survey, questions, result.rows, summary, result.unreadable


def _visible(survey: Survey, summary: Summary) -> bool:
    return not results_hidden(summary, survey.anonymous)


async def _closing(survey: Survey, courses: CourseRepository, t: Translator) -> dict[str, str]:
    """When the survey closes, as the settings show it (the course's zone, else UTC)."""
    course = await courses.get(survey.course_id) if survey.course_id else None
    zone = course.timezone if course else "UTC"
    return {"when": course_texts.local_time(survey.closes_at, zone, t.locale), "zone": zone}


async def _released(
    surveys: SurveyService, survey: Survey, courses: CourseRepository, t: Translator
) -> None:
    """Refuse text answers and files of an anonymous survey until it closes: two exports
    taken before and after one known person finishes would show that person's answers."""
    if not surveys.released(survey):
        raise ResultsNotReleased(**await _closing(survey, courses, t))


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.RESULTS))
async def show_results(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    bot: Bot,
    t: Translator,
    surveys: SurveyService,
    courses: CourseRepository,
) -> None:
    survey, questions, _, summary, unreadable = await _results(surveys, callback_data.survey_id)
    await callback.answer()
    text = results_text(survey.title(t.locale), summary, questions, t, survey.anonymous)
    if unreadable:
        text += "\n\n" + t("results-unreadable", count=unreadable)
    released = surveys.released(survey)
    if not released and survey.status == "active":
        text += "\n\n" + t("results-released-after-close", **await _closing(survey, courses, t))
    kb = InlineKeyboardBuilder()
    if _visible(survey, summary) and summary.finished:

        def button(key: str, action: SurveyAdminAction, arg: str = "") -> None:
            kb.button(
                text=t(key),
                callback_data=SurveyAdminCb(action=action, survey_id=survey.id, arg=arg),
            )

        if any(q.kind == QuestionKind.RATING for q in questions):
            button("button-results-chart", SurveyAdminAction.CHART)
        if released:
            button("button-results-xlsx", SurveyAdminAction.XLSX)
            button("button-results-csv", SurveyAdminAction.CSV)
        for index, question in enumerate(questions):
            if question.kind == QuestionKind.TEXT and released:
                kb.button(
                    text=t("button-results-texts", number=index + 1),
                    # page -1: the first page, as a new message (turning pages edits it)
                    callback_data=SurveyAdminCb(
                        action=SurveyAdminAction.TEXTS,
                        survey_id=survey.id,
                        arg=str(index),
                        page=-1,
                    ),
                )
        kb.adjust(3)
    if survey.status == "active":
        kb.row()
        kb.button(
            text=t("button-survey-send"),
            callback_data=SurveyAdminCb(action=SurveyAdminAction.SEND, survey_id=survey.id),
        )
    markup = kb.as_markup() if kb.buttons else None
    await bot.send_message(chat_of(callback), text, reply_markup=markup)


async def _visible_summary(
    surveys: SurveyService, survey_id: int
) -> tuple[Survey, tuple[Question, ...], list[ResponseRow], Summary]:
    """Results for a file or a page: refused, whatever the button says, while hidden."""
    survey, questions, rows, summary = await _summary(surveys, survey_id)
    if not _visible(survey, summary):
        raise ResultsHidden(count=summary.finished, threshold=ANONYMOUS_THRESHOLD)
    return survey, questions, rows, summary


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.CHART))
async def send_chart(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    bot: Bot,
    t: Translator,
    surveys: SurveyService,
) -> None:
    survey, questions, _, summary = await _visible_summary(surveys, callback_data.survey_id)
    await callback.answer(t("results-chart-drawing"))
    title = survey.title(t.locale)
    # Drawing takes a few hundred milliseconds of CPU: off the event loop.
    png = await asyncio.to_thread(ratings_chart, title, questions, summary, t.locale)
    if png is None:
        await bot.send_message(chat_of(callback), t("results-chart-empty"))
        return
    photo = BufferedInputFile(png, filename=f"survey-{survey.id}.png")
    await bot.send_photo(chat_of(callback), photo, caption=html.quote(title[:1024]))


@router.callback_query(
    SurveyAdminCb.filter(F.action.in_({SurveyAdminAction.XLSX, SurveyAdminAction.CSV}))
)
async def send_export(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    bot: Bot,
    t: Translator,
    surveys: SurveyService,
    courses: CourseRepository,
    audit: AuditLog,
) -> None:
    survey, questions, rows, _ = await _visible_summary(surveys, callback_data.survey_id)
    await _released(surveys, survey, courses, t)
    await callback.answer()
    await audit.record(
        callback.from_user.id,
        AuditAction.EXPORT_SURVEY,
        "survey",
        survey.id,
        format=callback_data.action.value,
        rows=len(rows),
    )
    title = survey.title(t.locale)
    xlsx = callback_data.action == SurveyAdminAction.XLSX
    build = exports.survey_xlsx if xlsx else exports.survey_csv
    # Built off the event loop (a large export would pause every other reply).
    data = await asyncio.to_thread(build, title, questions, rows, t, survey.anonymous)
    name = exports.survey_export_filename(survey.id, "xlsx" if xlsx else "csv")
    await bot.send_document(
        chat_of(callback),
        BufferedInputFile(data, filename=name),
        caption=t("results-export-caption", title=title, count=len(rows)),
    )


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.TEXTS))
async def text_answers(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    bot: Bot,
    t: Translator,
    surveys: SurveyService,
    courses: CourseRepository,
) -> None:
    survey, questions, _, summary = await _visible_summary(surveys, callback_data.survey_id)
    await _released(surveys, survey, courses, t)
    index = int(callback_data.arg) if callback_data.arg.isdigit() else -1
    if not 0 <= index < len(questions) or questions[index].kind != QuestionKind.TEXT:
        await callback.answer(t("error-button-expired"), show_alert=True)
        return
    await callback.answer()
    as_new = callback_data.page < 0
    text, pages = text_answers_page(
        summary, questions, index, max(callback_data.page, 0), t, anonymous=survey.anonymous
    )
    page = min(max(callback_data.page, 0), max(pages - 1, 0))
    kb = InlineKeyboardBuilder()

    def turn(key: str, to: int) -> None:
        kb.button(
            text=t(key),
            callback_data=SurveyAdminCb(
                action=SurveyAdminAction.TEXTS, survey_id=survey.id, arg=str(index), page=to
            ),
        )

    if page > 0:
        turn("button-previous-page", page - 1)
    if page < pages - 1:
        turn("button-next-page", page + 1)
    markup = kb.as_markup() if kb.buttons else None
    if as_new or not isinstance(callback.message, Message):
        await bot.send_message(chat_of(callback), text, reply_markup=markup)
    else:
        await callback.message.edit_text(text, reply_markup=markup)
