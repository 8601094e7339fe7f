"""What the survey organiser screens share: their buttons, the draft's settings message and
its keyboard, and how a delay is said."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Html, Translator
from bot.services.surveys import Preview, SurveyService
from bot.ui import course_texts
from bot.ui.callbacks import SurveyAdminAction, SurveyAdminCb
from bot.ui.dialog import add_navigation, with_step
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from storage.surveys import Survey

_UNITS = (("days", 86400), ("hours", 3600), ("minutes", 60), ("seconds", 1))


class NewSurveyForm(StatesGroup):
    """/newsurvey's built-in survey in two steps: the course, then the preview to check and
    activate (Activate or Delete ends the dialog)."""

    course = State()
    preview = State()


class SaveTemplateForm(StatesGroup):
    """💾 Save as my template: the template's name (then back to where the organiser was)."""

    name = State()


async def in_dialog(state: FSMContext) -> bool:
    """The organiser is in /newsurvey's two steps (not in some other dialog)."""
    return await state.get_state() in (NewSurveyForm.course.state, NewSurveyForm.preview.state)


async def discard_draft(state: FSMContext, surveys: SurveyService) -> None:
    """/newsurvey's dialog is cancelled with ✖️ Cancel: the draft it made goes too. The button
    takes the preview's Activate and Delete away, and nothing else can activate or delete it
    (a typed /cancel leaves them, and the draft with them)."""
    if await in_dialog(state):
        survey_id = (await state.get_data()).get("survey_id")
        if survey_id is not None:
            await surveys.delete_draft(int(survey_id))


def add_button(
    kb: InlineKeyboardBuilder,
    text: str,
    action: SurveyAdminAction,
    survey_id: int = 0,
    arg: str = "",
    page: int = 0,
) -> None:
    """One organiser button (callback data `sva1`)."""
    data = SurveyAdminCb(action=action, survey_id=survey_id, arg=arg, page=page)
    kb.button(text=text, callback_data=data)


def settings_text(survey: Survey, course_title: str | None, zone: str, t: Translator) -> str:
    closes = course_texts.zoned_time(survey.closes_at, zone, t)
    lines = [t("survey-preview-settings", id=str(survey.id))]
    if course_title:
        lines.append(t("survey-preview-course", title=course_title))
    else:
        lines += [t("survey-preview-no-course"), t("survey-preview-on-demand")]
    lines += [
        t("survey-preview-anonymous" if survey.anonymous else "survey-preview-named"),
        t("survey-preview-closes", when=closes),
    ]
    if course_title and survey.send_after > 0:
        lines.append(t("survey-preview-auto", after=duration_text(survey.send_after, t)))
    elif course_title:
        lines.append(t("survey-preview-manual"))  # send_after: no
    if survey.remind_after > 0:
        lines.append(t("survey-preview-reminder", after=duration_text(survey.remind_after, t)))
    return "\n".join(lines)


def duration_text(seconds: int, t: Translator) -> str:
    """A delay as a person says it: "1 day 6 hours", "20 seconds" (Russian after «через»)."""
    parts = []
    for unit, size in _UNITS:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(t(f"survey-duration-{unit}", count=count))
    return " ".join(parts)


def draft_settings(
    preview: Preview, t: Translator, default_zone: str, *, in_dialog: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    """The preview's last message: the settings, and the mode, Activate and Delete buttons;
    in /newsurvey's dialog also "Step 2 of 2", ‹ Back (to the course) and ✖️ Cancel."""
    survey, course = preview.survey, preview.course
    # Without a course, times are read and shown in the bot's zone, as in the definition.
    zone = course.timezone if course else default_zone
    text = settings_text(survey, course.title(t.locale) if course else None, zone, t)
    kb = InlineKeyboardBuilder()
    if survey.anonymous:
        switch, switch_to = t("button-survey-make-named"), "named"
    else:
        switch, switch_to = t("button-survey-make-anon"), "anon"
    add_button(kb, switch, SurveyAdminAction.MODE, survey.id, switch_to)
    add_button(kb, t("button-survey-activate"), SurveyAdminAction.ACTIVATE, survey.id)
    add_button(kb, t("button-survey-delete"), SurveyAdminAction.DELETE, survey.id)
    add_button(kb, t("button-survey-other-template"), SurveyAdminAction.OTHER, survey.id)
    add_button(kb, t("button-survey-copy"), SurveyAdminAction.COPY, survey.id)
    add_button(kb, t("button-survey-save-template"), SurveyAdminAction.SAVE, survey.id)
    kb.adjust(1, 2, 1, 2)
    text += "\n\n" + t("survey-preview-check")
    if in_dialog:
        add_navigation(kb, t)
        text = Html(with_step(t, 2, 2, text))
    return text, kb.as_markup()


def survey_actions(survey: Survey, t: Translator) -> InlineKeyboardMarkup:
    """Under an active survey: invite people, see the results."""
    kb = InlineKeyboardBuilder()
    add_button(kb, t("button-survey-send"), SurveyAdminAction.SEND, survey.id)
    add_button(kb, t("button-survey-results"), SurveyAdminAction.RESULTS, survey.id)
    kb.adjust(1)
    return kb.as_markup()
