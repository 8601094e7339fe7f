"""Organisers: a draft's anonymous/named switch, activation and deletion, and invitations on
demand."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.i18n import Translator
from bot.services.surveys import SurveyService
from bot.ui import course_texts
from bot.ui.callbacks import SurveyAdminAction, SurveyAdminCb
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import edit, message_of
from handlers.surveys.common import add_button, draft_settings, in_dialog, survey_actions

router = Router(name=__name__)

# The draft's mode button: what it switches to.
MODES = {"anon": True, "named": False}


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.MODE))
async def set_mode(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    """The preview's anonymous/named switch. The button says which mode it sets, so a double
    tap leaves the same mode."""
    anonymous = MODES.get(callback_data.arg)  # None: a button this version does not make
    preview = await surveys.switch_mode(callback_data.survey_id, anonymous)
    await callback.answer()
    if preview is not None:  # None: a double tap, the message shows this mode already
        dialog = await in_dialog(state)
        text, markup = draft_settings(preview, t, surveys.default_timezone, in_dialog=dialog)
        await edit(callback, text, markup)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.ACTIVATE))
async def activate(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    """The preview's Activate button; the reply says when invitations go: on demand, now, or
    at a time after the course (in the course's zone). It ends /newsurvey's dialog."""
    launch = await surveys.launch(callback_data.survey_id, callback.from_user.id)
    await callback.answer()
    if await in_dialog(state):
        await state.clear()
    if launch is None:
        # A double tap: it is active already (or was deleted); the first tap's reply stands.
        return
    if launch.invite_at is None:
        text = t("survey-activated-manual")
    elif launch.invite_now:
        text = t("survey-activated-now")
    else:
        assert launch.course is not None  # an automatic invitation follows a course
        zone = launch.course.timezone
        when = course_texts.zoned_time(launch.invite_at, zone, t)
        text = t("survey-activated-auto", when=when)
    await edit(callback, text, survey_actions(launch.survey, t))


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.DELETE))
async def delete(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    t: Translator,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    deleted = await surveys.delete_draft(callback_data.survey_id, callback.from_user.id)
    await callback.answer()
    if await in_dialog(state):
        await state.clear()
    await edit(callback, t("survey-deleted" if deleted else "survey-delete-not-draft"))


# -- invitations on demand --------------------------------------------------------------------


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.SEND))
async def choose_audience(
    callback: CallbackQuery, callback_data: SurveyAdminCb, t: Translator, surveys: SurveyService
) -> None:
    codes = await surveys.audiences(callback_data.survey_id)
    await callback.answer()
    kb = InlineKeyboardBuilder()
    for code in codes:
        text = t(f"button-survey-audience-{code}")
        add_button(kb, text, SurveyAdminAction.AUDIENCE, callback_data.survey_id, code)
    kb.adjust(1)
    message = message_of(callback)
    if message is not None:
        await message.answer(t("survey-choose-audience"), reply_markup=kb.as_markup())


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.AUDIENCE))
async def invite_audience(
    callback: CallbackQuery, callback_data: SurveyAdminCb, t: Translator, surveys: SurveyService
) -> None:
    invited = await surveys.invite_audience(
        callback_data.survey_id, callback_data.arg, callback.from_user.id
    )
    await callback.answer()
    # The buttons go: a second tap would invite nobody new anyway.
    await edit(callback, t("survey-invited", count=invited))
