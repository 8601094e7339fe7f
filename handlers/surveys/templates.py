"""Organisers: a survey as a /newsurvey text to copy, "💾 Save as my template", another
template for a draft (the built-in feedback, the built-in follow-up or one of "My templates")
and deleting a saved template after a confirmation."""

from __future__ import annotations

from aiogram import F, Router, html
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.services.surveys import SurveyService
from bot.services.surveys.service import BUILT_IN_FEEDBACK, BUILT_IN_FOLLOWUP
from bot.ui.callbacks import SurveyAdminAction, SurveyAdminCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import close_buttons, edit
from bot.ui.telegram_text import utf16_length
from handlers.surveys.common import NewSurveyForm, SaveTemplateForm, add_button, in_dialog
from handlers.surveys.create import send_preview
from storage.survey_templates import SurveyTemplate

router = Router(name=__name__)

MESSAGE_LIMIT = 4096


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.COPY))
async def copy_as_text(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    """The survey as a /newsurvey message in a block Telegram copies with one tap; too long
    for a message, as a text file."""
    definition = await surveys.definition_text(callback_data.survey_id)
    await query.answer()
    intro = ctx.t("survey-copy-intro")
    text = f"{intro}\n\n<pre>{html.quote(definition)}</pre>"
    if utf16_length(text) <= MESSAGE_LIMIT:
        await ctx.send(text)
        return
    name = f"survey-{callback_data.survey_id}.txt"
    await ctx.send_file(BufferedInputFile(definition.encode(), filename=name), intro)


# -- 💾 Save as my template -------------------------------------------------------------------


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.SAVE))
async def ask_template_name(
    query: CallbackQuery,
    callback_data: SurveyAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    survey = await surveys.get(callback_data.survey_id)
    await query.answer()
    # Where the organiser was (the /newsurvey dialog's preview): back there once it is named.
    resume = {"state": await state.get_state(), "data": await state.get_data()}
    await state.set_state(SaveTemplateForm.name)
    await state.set_data({"survey_id": survey.id, "resume": resume})
    kb = add_navigation(InlineKeyboardBuilder(), ctx.t, back=False)
    question = ctx.t("template-ask-name", title=survey.title(ctx.locale))
    await send_question(ctx, state, question, kb.as_markup())


@router.message(StateFilter(SaveTemplateForm.name), F.text, ~F.text.startswith("/"))
async def save_template(
    message: Message, ctx: UpdateContext, state: FSMContext, surveys: SurveyService
) -> None:
    data = await state.get_data()
    # A name refused (empty, too long) is said by the error handler; the question stays.
    saved = await surveys.saved.save(int(data["survey_id"]), message.text or "", ctx.user.id)
    await resume_after_naming(state)
    await ctx.send(ctx.t("template-saved", name=saved.name))


async def resume_after_naming(state: FSMContext) -> None:
    """Back where the organiser was before 💾 (the /newsurvey dialog's preview, or none)."""
    resume = (await state.get_data()).get("resume") or {}
    await state.set_state(resume.get("state"))
    await state.set_data(resume.get("data") or {})


# -- another template for a draft --------------------------------------------------------------


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.OTHER))
async def choose_template(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    survey = await surveys.draft(callback_data.survey_id)
    saved = await surveys.saved.all()
    await query.answer()
    t = ctx.t
    kb = InlineKeyboardBuilder()
    for source, key in (
        (BUILT_IN_FEEDBACK, "button-template-feedback"),
        (BUILT_IN_FOLLOWUP, "button-template-followup"),
    ):
        add_button(kb, t(key), SurveyAdminAction.SOURCE, survey.id, source)
    for template in saved:
        label = t.plain("button-template-saved", name=template.name)
        add_button(kb, label, SurveyAdminAction.SOURCE, survey.id, str(template.id))
    if saved:
        add_button(kb, t("button-templates-manage"), SurveyAdminAction.MINE)
    kb.adjust(1)
    await ctx.send(t("template-choose", count=len(saved)), kb.as_markup())


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.SOURCE))
async def switch_template(
    query: CallbackQuery,
    callback_data: SurveyAdminCb,
    ctx: UpdateContext,
    state: FSMContext,
    surveys: SurveyService,
) -> None:
    """The draft is replaced by one from the chosen template, for the same course; in
    /newsurvey's dialog the new draft is the dialog's."""
    replaced = callback_data.survey_id
    preview = await surveys.switch_template(replaced, callback_data.arg, ctx.user.id)
    await close_buttons(query)
    data = await state.get_data()
    if await in_dialog(state) and data.get("survey_id") == replaced:
        await state.set_state(NewSurveyForm.preview)
        await state.update_data(survey_id=preview.survey.id)
        await send_preview(ctx, preview, surveys.default_timezone, state=state)
    else:
        await send_preview(ctx, preview, surveys.default_timezone)


# -- My templates: delete one ----------------------------------------------------------------


def _mine(templates: list[SurveyTemplate], ctx: UpdateContext) -> tuple[str, InlineKeyboardMarkup]:
    kb = InlineKeyboardBuilder()
    for template in templates:
        label = ctx.t.plain("button-template-delete", name=template.name)
        add_button(kb, label, SurveyAdminAction.DROP, arg=str(template.id))
    kb.adjust(1)
    return ctx.t("template-mine", count=len(templates)), kb.as_markup()


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.MINE))
async def my_templates(query: CallbackQuery, ctx: UpdateContext, surveys: SurveyService) -> None:
    text, markup = _mine(await surveys.saved.all(), ctx)
    await query.answer()
    await ctx.send(text, markup)


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.DROP))
async def confirm_delete(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    template = await surveys.saved.get(_template_id(callback_data))
    await query.answer()
    kb = InlineKeyboardBuilder()
    add_button(
        kb, ctx.t("button-template-delete-yes"), SurveyAdminAction.DROP_YES, arg=str(template.id)
    )
    add_button(kb, ctx.t("button-back"), SurveyAdminAction.MINE)
    kb.adjust(1)
    await edit(query, ctx.t("template-delete-confirm", name=template.name), kb.as_markup())


@router.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.DROP_YES))
async def delete_template(
    query: CallbackQuery, callback_data: SurveyAdminCb, ctx: UpdateContext, surveys: SurveyService
) -> None:
    template = await surveys.saved.get(_template_id(callback_data))  # gone: says so
    await surveys.saved.delete(template.id, ctx.user.id)
    await query.answer()
    text, markup = _mine(await surveys.saved.all(), ctx)
    await edit(query, ctx.t("template-deleted", name=template.name) + "\n\n" + text, markup)


def _template_id(callback_data: SurveyAdminCb) -> int:
    # Callback data is user input: anything but a number is a template that is not there.
    return int(callback_data.arg) if callback_data.arg.isdecimal() else 0
