"""The one error handler: domain errors become localized replies, anything else is logged
with the update id and the user gets a short apology. Polling goes on either way."""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import ExceptionMessageFilter, ExceptionTypeFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import ErrorEvent

from bot.errors import CountryName, DomainError, FieldLabels
from bot.i18n import Localizations, Translator
from bot.ui.course_texts import field_label
from handlers.screens.problems import send_again

router = Router(name=__name__)
log = logging.getLogger(__name__)


@router.errors(ExceptionTypeFilter(DomainError))
async def domain_error(event: ErrorEvent, bot: Bot, **data: Any) -> None:
    error = event.exception
    assert isinstance(error, DomainError)
    t = _translator(data)
    args = {name: _readable(value, t) for name, value in error.args_for_message.items()}
    text = t(error.key, **args)
    if event.update.message is not None and await _still_in_dialog(data):
        # An answer typed in a dialog was refused: say how to go on, not only what is wrong.
        text = send_again(text, t)
    await _tell_user(event, bot, text, t.plain(error.key, **args))


@router.errors(ExceptionTypeFilter(OverflowError))
async def number_out_of_range(event: ErrorEvent, bot: Bot, **data: Any) -> None:
    """A forged number in a button's text part (ints are checked when unpacked) that SQLite
    cannot hold: nothing has that id, so "not found", not a traceback."""
    log.warning("Update %s: a number out of range in its data", event.update.update_id)
    t = _translator(data)
    await _tell_user(event, bot, t("error-not-found"), t.plain("error-not-found"))


@router.errors(
    ExceptionTypeFilter(TelegramBadRequest), ExceptionMessageFilter(r".*message is not modified")
)
async def message_not_modified(event: ErrorEvent) -> None:
    """A double tap re-applied an edit that is already shown: nothing to tell the user."""
    if event.update.callback_query is not None:
        with suppress(TelegramAPIError):
            await event.update.callback_query.answer()


@router.errors()
async def unexpected_error(event: ErrorEvent, bot: Bot, **data: Any) -> None:
    log.error(
        "Update %s failed: %r",
        event.update.update_id,
        event.exception,
        exc_info=event.exception,
    )
    t = _translator(data)
    await _tell_user(event, bot, t("error-generic"), t.plain("error-generic"))


async def _still_in_dialog(data: dict[str, Any]) -> bool:
    """The dialog is still asking (not `raw_state`, the state before the update: an answer
    that ended the dialog may be refused after, e.g. the sign-up the profile was for)."""
    state = data.get("state")
    return isinstance(state, FSMContext) and await state.get_state() is not None


def _readable(value: Any, t: Translator) -> Any:
    """An error's value as the reader should see it: field names become their labels."""
    if isinstance(value, FieldLabels):
        return ", ".join(field_label(name, t) for name in value)
    if isinstance(value, CountryName):
        return t.plain(f"country-{value}") if value else ""
    return value


def _translator(data: dict[str, Any]) -> Translator:
    t = data.get("t")
    if isinstance(t, Translator):
        return t
    # The failure happened before the context middleware ran (e.g. the database is down).
    localizations: Localizations = data["localizations"]
    return localizations.get(data["settings"].default_locale)


async def _tell_user(event: ErrorEvent, bot: Bot, text: str, alert: str) -> None:
    """`text` is HTML for a message; `alert` the same words for a pop-up, which is not HTML."""
    update = event.update
    try:
        if update.callback_query is not None:
            query = update.callback_query
            try:
                # Every callback is answered, even on error, so the client stops its spinner.
                await query.answer(alert, show_alert=True)
            except TelegramBadRequest:
                # Already answered before the error: say it in the chat instead.
                await bot.send_message(query.from_user.id, text)
        elif update.message is not None:
            await bot.send_message(update.message.chat.id, text)
    except TelegramAPIError as exc:
        # The apology itself failed (user blocked us, Telegram down): logged, nothing else to do.
        log.warning("Could not tell update %s about an error: %s", update.update_id, exc)
