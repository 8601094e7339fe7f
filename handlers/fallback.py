"""Catch-all, registered last: whatever nobody else handled gets a short localized hint."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message

from bot.commands import ORGANISER_COMMANDS
from bot.i18n import Translator
from bot.services.profiles import ProfileService
from bot.ui.callbacks import has_absurd_number

router = Router(name=__name__)
log = logging.getLogger(__name__)


@router.message(F.text.startswith("/"))
async def unknown_command(message: Message, t: Translator) -> None:
    command = (message.text or "").split()[0].split("@")[0].lstrip("/").lower()
    if command in ORGANISER_COMMANDS:
        # Same reply as any unknown command, so the feature is not revealed; but it is logged.
        log.warning(
            "Non-organiser %s tried organiser command /%s",
            message.from_user.id if message.from_user else None,
            command,
        )
    await message.answer(t("fallback-unknown-command"))


@router.message()
async def not_understood(message: Message, t: Translator, state: FSMContext) -> None:
    in_dialog = await state.get_state() is not None
    await message.answer(t("fallback-in-dialog" if in_dialog else "fallback-not-understood"))


@router.callback_query()
async def stale_button(callback: CallbackQuery, t: Translator) -> None:
    """Buttons of removed features, other versions, or forged data: answer, change nothing."""
    if callback.data and has_absurd_number(callback.data):
        await callback.answer(t("error-not-found"), show_alert=True)
        return
    await callback.answer(t("error-button-expired"), show_alert=True)


@router.my_chat_member(F.chat.type == "private")
async def blocked_or_unblocked(event: ChatMemberUpdated, profiles: ProfileService) -> None:
    """A user who blocks the bot is left out of later mailings until they write again."""
    await profiles.set_active(event.from_user.id, event.new_chat_member.status != "kicked")
