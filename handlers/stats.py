"""/stats for organisers: how many people use the bot, by language and country."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.ui.callbacks import StatsCb
from handlers.filters import IsOrganiser
from storage.users import UserRepository

router = Router(name=__name__)
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())


@router.message(Command("stats"))
async def stats(message: Message, t: Translator, users: UserRepository) -> None:
    await message.answer(await stats_text(t, users), reply_markup=_refresh(t))


@router.callback_query(StatsCb.filter())
async def stats_refresh(callback: CallbackQuery, t: Translator, users: UserRepository) -> None:
    text = await stats_text(t, users)
    if isinstance(callback.message, Message) and callback.message.html_text != text:
        await callback.message.edit_text(text, reply_markup=_refresh(t))
    await callback.answer(t("stats-refreshed"))


async def stats_text(t: Translator, users: UserRepository) -> str:
    total, active, complete = await users.counts()
    lines = [t("stats-summary", total=total, active=active, complete=complete), ""]
    lines.append(t("stats-by-language"))
    for code, count in (await users.count_by("language")).items():
        label = t(f"button-language-{code}") if code else t("stats-language-none")
        lines.append(t("stats-row", label=label, count=count))
    lines += ["", t("stats-by-country")]
    for code, count in (await users.count_by("country")).items():
        country = BY_CODE.get(code or "")
        label = t(country.name_key) if country else t("stats-country-none")
        lines.append(t("stats-row", label=label, count=count))
    return "\n".join(lines)


def _refresh(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-stats-refresh"), callback_data=StatsCb())
    return kb.as_markup()
