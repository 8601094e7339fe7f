"""/cancel: leaves any dialog from any state."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.i18n import Translator

router = Router(name=__name__)


@router.message(Command("cancel"))
async def cancel(message: Message, t: Translator, state: FSMContext) -> None:
    if await state.get_state() is None:
        await message.answer(t("cancel-nothing"))
        return
    await state.clear()
    await message.answer(t("cancel-done"))
