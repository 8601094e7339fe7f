"""The course catalogue and the user's own courses (filled in by the courses feature)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from handlers.callbacks import MenuAction, MenuCb

router = Router(name=__name__)


@router.message(Command("courses"))
async def courses(message: Message, t: Translator) -> None:
    await message.answer(t("courses-none-yet"))


@router.message(Command("my"))
async def my_courses(message: Message, t: Translator) -> None:
    await message.answer(t("my-courses-none"))


@router.callback_query(MenuCb.filter(F.action == MenuAction.COURSES))
async def courses_from_menu(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await courses(callback.message, t)


@router.callback_query(MenuCb.filter(F.action == MenuAction.MY))
async def my_courses_from_menu(callback: CallbackQuery, t: Translator) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await my_courses(callback.message, t)
