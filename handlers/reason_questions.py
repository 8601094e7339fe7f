"""An organiser's reason question (declining a request, removing a participant) ends when
they do something else: any command or another button. Otherwise the question stayed open,
and text typed much later about anything became the reason of a decision taken on the wrong
request. Only typed text (the reason) and the question's own buttons answer it. The name
asked by 💾 Save as my template ends the same way (or any later text became a template)."""

from __future__ import annotations

from aiogram import F
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.ui.callbacks import DialogCb, RequestAction, RequestCb, RosterAction, RosterCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import close_question
from handlers.courses.common import organiser_router
from handlers.courses.roster import RosterRemove
from handlers.requests import DeclineRequest
from handlers.surveys.common import SaveTemplateForm
from handlers.surveys.templates import resume_after_naming

router = organiser_router(__name__)

ASKING_A_REASON = StateFilter(DeclineRequest.reason, RosterRemove.reason)
NAMING_A_TEMPLATE = StateFilter(SaveTemplateForm.name)

# The question's own buttons: Skip (no reason) and the dialog's ✖️ Cancel.
_SKIP = (
    RequestCb(action=RequestAction.NO_REASON).pack().split(":")[:2],
    RosterCb(action=RosterAction.NO_REASON, course_id=0).pack().split(":")[:2],
)


def _another_button(callback: CallbackQuery) -> bool:
    data = callback.data or ""
    prefix = data.split(":", 1)[0]
    if prefix == DialogCb.__prefix__:
        return False
    return data.split(":")[:2] not in _SKIP


@router.message(ASKING_A_REASON, F.text.startswith("/"))
@router.callback_query(ASKING_A_REASON, _another_button)
async def end_the_reason_question(
    event: Message | CallbackQuery, ctx: UpdateContext, state: FSMContext
) -> None:
    """The question loses its buttons and nothing is declined or removed; then the command
    or the button does what it does (SkipHandler passes the update on)."""
    await close_question(ctx, state)
    await state.clear()
    raise SkipHandler()


@router.message(NAMING_A_TEMPLATE, F.text.startswith("/"))
@router.callback_query(NAMING_A_TEMPLATE, _another_button)
async def end_the_template_name_question(
    event: Message | CallbackQuery, ctx: UpdateContext, state: FSMContext
) -> None:
    """The same for 💾 Save as my template's name: nothing is saved, the organiser is back
    where they were (the /newsurvey preview's dialog), and the command or button goes on."""
    await close_question(ctx, state)
    await resume_after_naming(state)
    raise SkipHandler()
