"""What every multi-step dialog shows the same way: "Step 3 of 11" above the question and a
row of ‹ Back / ✖️ Cancel (and "Keep as it is" where an answer already exists) under it.

The dialogs (/newcourse, /announce, /newsurvey, the profile) use these so that an officer or an
organiser meets one set of words and buttons everywhere; Cancel is answered once, in
handlers/common.py, Back and Keep by each dialog for its own states.
"""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Translator
from bot.ui.callbacks import DialogAction, DialogCb


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
