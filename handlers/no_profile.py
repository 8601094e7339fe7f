"""Updates from someone the bot holds no row for: a person who asked to be forgotten (only
/start brings them back, see ProfileService.seen) or a sender that is not a person.

Registered before every feature router, so no handler that needs the sender's row runs
without one, and nothing here creates one: an old button or a message gets a hint to send
/start. Block and unblock events pass on (they change no row that does not exist).
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Translator
from storage.users import User

router = Router(name=__name__)


class NoProfile(Filter):
    """The bot holds no row for the sender (UserContextMiddleware set `user` to None)."""

    async def __call__(self, event: TelegramObject, user: User | None = None) -> bool:
        return user is None


router.message.filter(NoProfile())
router.callback_query.filter(NoProfile())


@router.message()
async def send_start_first(message: Message, t: Translator) -> None:
    await message.answer(t("profile-send-start"))


@router.callback_query()
async def old_button(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer(t.plain("profile-send-start"), show_alert=True)
