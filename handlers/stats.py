"""/stats for organisers: how many people use the bot, by language and country."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.services.profiles import ProfileService, UserStats
from bot.ui.callbacks import StatsCb
from bot.ui.replies import edit, message_of
from handlers.filters import IsOrganiser

router = Router(name=__name__)
router.message.filter(IsOrganiser())
router.callback_query.filter(IsOrganiser())


@router.message(Command("stats"))
async def stats(message: Message, t: Translator, profiles: ProfileService) -> None:
    await message.answer(stats_text(t, await profiles.stats()), reply_markup=_refresh(t))


@router.callback_query(StatsCb.filter())
async def stats_refresh(callback: CallbackQuery, t: Translator, profiles: ProfileService) -> None:
    text = stats_text(t, await profiles.stats())
    shown = message_of(callback)
    # Telegram refuses an edit that changes nothing.
    if shown is not None and shown.html_text != text:
        await edit(callback, text, _refresh(t))
    await callback.answer(t("stats-refreshed"))


def stats_text(t: Translator, stats: UserStats) -> str:
    lines = [t("stats-summary", total=stats.total, active=stats.active, complete=stats.complete)]
    lines += ["", t("stats-by-language")]
    for code, count in stats.by_language.items():
        label = t(f"button-language-{code}") if code else t("stats-language-none")
        lines.append(t("stats-row", label=label, count=count))
    lines += ["", t("stats-by-country")]
    for code, count in stats.by_country.items():
        country = BY_CODE.get(code or "")
        label = t(country.name_key) if country else t("stats-country-none")
        lines.append(t("stats-row", label=label, count=count))
    return "\n".join(lines)


def _refresh(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("button-stats-refresh"), callback_data=StatsCb())
    return kb.as_markup()
