"""/cancel and the dialogs' ✖️ Cancel button: leave any dialog from any state."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.surveys import SurveyService
from bot.ui.callbacks import DialogAction, DialogCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import pressed_under_question
from bot.ui.replies import close_buttons
from handlers.surveys.common import discard_draft

router = Router(name=__name__)


@router.message(Command("cancel"))
async def cancel(message: Message, t: Translator, state: FSMContext) -> None:
    if await state.get_state() is None:
        await message.answer(t("cancel-nothing"))
        return
    await state.clear()
    await message.answer(t("cancel-done"))


@router.callback_query(DialogCb.filter(F.action == DialogAction.CANCEL))
async def cancel_button(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, surveys: SurveyService
) -> None:
    """The ✖️ Cancel under a question: the same as /cancel, and the question loses its
    buttons so that it cannot be answered any more."""
    if "question" in await state.get_data():
        # A dialog that keeps its question: a Cancel under any other message (a dialog left
        # without /cancel, an earlier question) must not end this one.
        await pressed_under_question(callback, state)
    await close_buttons(callback)
    if await state.get_state() is None:
        await ctx.send(ctx.t("cancel-nothing"))
        return
    # The buttons are gone: a draft that only they could activate or delete goes too.
    await discard_draft(state, surveys)
    await state.clear()
    await ctx.send(ctx.t("cancel-done"))
