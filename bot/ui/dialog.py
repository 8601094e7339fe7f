"""What every multi-step dialog shows the same way: "Step 3 of 11" above the question and a
row of ‹ Back / ✖️ Cancel (and "Keep as it is" where an answer already exists) under it.

The dialogs (/newcourse, /announce, /newsurvey, the profile) use these so that an officer or an
organiser meets one set of words and buttons everywhere; Cancel is answered once, in
handlers/common.py, Back and Keep by each dialog for its own states.
"""

from __future__ import annotations

from contextlib import suppress

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.ui.callbacks import DialogAction, DialogCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import message_of


def step_heading(t: Translator, number: int, total: int) -> str:
    """ "Step 3 of 11" (1-based), to put on its own line above a question."""
    return t("dialog-step", number=number, total=total)


def with_step(t: Translator, number: int, total: int, question: str) -> str:
    return step_heading(t, number, total) + "\n" + question


def add_navigation(
    kb: InlineKeyboardBuilder,
    t: Translator,
    *,
    back: bool = True,
    keep: bool = False,
    cancel: bool = True,
) -> InlineKeyboardBuilder:
    """Append the shared row(s) under a question's own buttons: Keep as it is on a row of its
    own (it is the answer most people want when they went back), then ‹ Back and ✖️ Cancel."""
    if keep:
        kb.row(_button(t, "button-dialog-keep", DialogAction.KEEP))
    row = []
    if back:
        row.append(_button(t, "button-dialog-back", DialogAction.BACK))
    if cancel:
        row.append(_button(t, "button-dialog-cancel", DialogAction.CANCEL))
    if row:
        kb.row(*row)
    return kb


def navigation(
    t: Translator, *, back: bool = True, keep: bool = False, cancel: bool = True
) -> InlineKeyboardMarkup:
    """Only the shared buttons, for a question that has none of its own."""
    kb = add_navigation(InlineKeyboardBuilder(), t, back=back, keep=keep, cancel=cancel)
    return kb.as_markup()


def _button(t: Translator, key: str, action: DialogAction) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=t.plain(key), callback_data=DialogCb(action=action).pack())


async def send_question(
    ctx: UpdateContext, state: FSMContext, text: str, markup: InlineKeyboardMarkup | None
) -> Message:
    """Ask a dialog's question: the one asked before loses its buttons (an answer typed as a
    message leaves them on the screen, where an old Skip or Back would answer this question),
    and this one is kept as `question` in the dialog data, for `close_question`."""
    await close_question(ctx, state)
    question = await ctx.send(text, markup)
    await state.update_data(question=question.message_id)
    return question


async def close_question(ctx: UpdateContext, state: FSMContext) -> None:
    """Remove the buttons of the question just answered, so that none is left to press (a
    question too old to edit keeps them; they have expired anyway)."""
    asked = (await state.get_data()).get("question")
    if asked is not None:
        with suppress(TelegramBadRequest):
            await ctx.bot.edit_message_reply_markup(
                chat_id=ctx.chat_id, message_id=int(asked), reply_markup=None
            )


async def pressed_under_question(callback: CallbackQuery, state: FSMContext) -> None:
    """A dialog's button counts only under the question being asked (its message id is kept as
    `question` in the dialog data): one left under an earlier question, or under a question of
    a dialog left without /cancel, or forged, has expired and must not answer this one."""
    message = message_of(callback)
    asked = (await state.get_data()).get("question")
    if message is None or message.message_id != asked:
        raise InvalidInput("error-button-expired")
