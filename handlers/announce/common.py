"""What the steps of the announce dialog share: its states, the draft kept in the FSM data,
its buttons and the audience question (asked by the dialog and by "announce this course")."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.announcements import AnnouncementService
from bot.ui import course_texts
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext


class AnnounceForm(StatesGroup):
    text_en = State()
    text_ru = State()
    media = State()
    audience = State()
    course_button = State()
    daytime = State()
    preview = State()
    schedule = State()


def cb(action: AnnounceAction, value: str = "") -> AnnounceCb:
    return AnnounceCb(action=action, value=value)


def keyboard(*buttons: tuple[str, AnnounceCb], width: int = 1) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for text, data in buttons:
        kb.button(text=text, callback_data=data)
    kb.adjust(width)
    return kb.as_markup()


async def draft(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get("draft", {}))


async def keep(state: FSMContext, **values: Any) -> None:
    """Add answers to the draft."""
    current = await draft(state)
    current.update(values)
    await state.update_data(draft=current)


def button_id(value: str, error: str = "error-button-expired") -> int:
    """The id a button carries; callback data is user input, so anything else is refused."""
    if not value.isdigit():
        raise InvalidInput(error)
    return int(value)


async def own_draft(state: FSMContext, value: str) -> int:
    """The announcement the buttons belong to must be this organiser's current draft."""
    announcement_id = button_id(value)
    if (await state.get_data()).get("announcement_id") != announcement_id:
        raise InvalidInput("error-button-expired")
    return announcement_id


async def course_choices(
    announcements: AnnouncementService, t: Translator, action: AnnounceAction
) -> list[tuple[str, AnnounceCb]]:
    """A button for each course an announcement may go to or point at."""
    return [
        (course_texts.short_line(c, t), cb(action, str(c.id)))
        for c in await announcements.announceable_courses()
    ]


async def ask(
    ctx: UpdateContext, key: str, *buttons: tuple[str, AnnounceCb], width: int = 1
) -> None:
    """The dialog's next question (message `key`), with its buttons if it has any."""
    await ctx.send(ctx.t(key), keyboard(*buttons, width=width) if buttons else None)


async def ask_audience(ctx: UpdateContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.audience)
    kinds = ("all", "course", "language", "country")
    buttons = [
        (ctx.t(f"button-audience-{kind}"), cb(AnnounceAction.AUDIENCE, kind)) for kind in kinds
    ]
    await ask(ctx, "announce-ask-audience", *buttons)
