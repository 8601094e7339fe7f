"""What the steps of the announce dialog share: its states and their order ("Step 4 of 6"),
the draft kept in the FSM data, its buttons and how a question is asked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup

from bot.errors import InvalidInput
from bot.i18n import Html, Translator
from bot.services.announcements import AnnouncementService
from bot.ui import course_list
from bot.ui.callbacks import AnnounceAction, AnnounceCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import add_navigation, send_question, with_step
from bot.ui.keyboard_builder import InlineKeyboardBuilder

MESSAGE_LIMIT = 4096


class AnnounceForm(StatesGroup):
    text_en = State()
    text_ru = State()
    media = State()
    audience = State()
    # The audience's follow-up questions: part of the audience step, Back leads to its start.
    audience_course = State()
    audience_status = State()
    audience_language = State()
    audience_countries = State()
    course_button = State()
    daytime = State()
    preview = State()
    schedule = State()
    confirm = State()


AUDIENCE_STATES = (
    AnnounceForm.audience,
    AnnounceForm.audience_course,
    AnnounceForm.audience_status,
    AnnounceForm.audience_language,
    AnnounceForm.audience_countries,
)
# The questions in order, for "Step N of M"; a course being announced already has its texts
# and its button, so only the audience and the delivery time are asked.
STEPS = (
    AnnounceForm.text_en,
    AnnounceForm.text_ru,
    AnnounceForm.media,
    AnnounceForm.audience,
    AnnounceForm.course_button,
    AnnounceForm.daytime,
)
COURSE_STEPS = (AnnounceForm.audience, AnnounceForm.daytime)


def cb(action: AnnounceAction, value: str = "") -> AnnounceCb:
    return AnnounceCb(action=action, value=value)


def keyboard(*buttons: tuple[str, AnnounceCb], width: int = 1) -> InlineKeyboardMarkup:
    return builder(*buttons, width=width).as_markup()


def builder(*buttons: tuple[str, AnnounceCb], width: int = 1) -> InlineKeyboardBuilder:
    kb = InlineKeyboardBuilder()
    for text, data in buttons:
        kb.button(text=text, callback_data=data)
    kb.adjust(width)
    return kb


async def draft(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get("draft", {}))


async def keep(state: FSMContext, **values: Any) -> None:
    """Add answers to the draft."""
    current = await draft(state)
    current.update(values)
    await state.update_data(draft=current)


async def forget(state: FSMContext, *names: str) -> None:
    """Take answers out of the draft (a skipped step after going back)."""
    current = await draft(state)
    for name in names:
        current.pop(name, None)
    await state.update_data(draft=current)


async def from_course(state: FSMContext) -> bool:
    """The dialog started from "Announce it" under a course just published."""
    return bool((await state.get_data()).get("from_course"))


def button_id(value: str, error: str = "error-button-expired") -> int:
    """The id a button carries; callback data is user input, so anything else is refused."""
    if not value.isdecimal():
        raise InvalidInput(error)
    return int(value)


async def own_draft(state: FSMContext, value: str) -> int:
    """The announcement the buttons belong to must be this organiser's current draft."""
    announcement_id = button_id(value)
    if (await state.get_data()).get("announcement_id") != announcement_id:
        raise InvalidInput("error-button-expired")
    return announcement_id


@dataclass(frozen=True)
class CourseChoices:
    """The courses an announcement may go to or point at: listed in full in the question
    (`listing`, HTML), a short numbered button for each."""

    listing: str
    buttons: list[tuple[str, AnnounceCb]]


async def course_choices(
    announcements: AnnouncementService, t: Translator, action: AnnounceAction
) -> CourseChoices:
    if action == AnnounceAction.BUTTON:
        courses = await announcements.courses_open_for_sign_up()
    else:
        courses = await announcements.announceable_courses()
    numbered = list(enumerate(courses, 1))
    return CourseChoices(
        listing="\n".join(course_list.numbered_line(n, c, t) for n, c in numbered),
        buttons=[(course_list.course_button(n, c, t), cb(action, str(c.id))) for n, c in numbered],
    )


async def ask(
    ctx: UpdateContext,
    state: FSMContext,
    step: State,
    key: str,
    *buttons: tuple[str, AnnounceCb],
    width: int = 1,
    kept: str | None = None,
    listing: str | None = None,
) -> None:
    """Ask question `key` as step `step` (the dialog moves there): "Step N of M" above it,
    the `listing` its buttons stand for, its own buttons, then Keep as it is (when `kept`,
    the answer given before, is shown), ‹ Back (not on the first question) and ✖️ Cancel."""
    await state.set_state(step)
    text, markup = await question(
        ctx, state, key, *buttons, width=width, kept=kept, listing=listing
    )
    if len(text) > MESSAGE_LIMIT and kept is not None:
        # A long text kept from before: on its own, with the question under it.
        await ctx.send(kept)
        kept = ctx.t("announce-kept-above")
        text, markup = await question(
            ctx, state, key, *buttons, width=width, kept=kept, listing=listing
        )
    await send_question(ctx, state, text, markup)


async def question(
    ctx: UpdateContext,
    state: FSMContext,
    key: str,
    *buttons: tuple[str, AnnounceCb],
    width: int = 1,
    kept: str | None = None,
    extra: InlineKeyboardBuilder | None = None,
    listing: str | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """The text and keyboard of the question the dialog is at (see `ask`)."""
    t = ctx.t
    current = await state.get_state()
    steps = COURSE_STEPS if await from_course(state) else STEPS
    step = (
        AnnounceForm.audience.state if current in {s.state for s in AUDIENCE_STATES} else current
    )
    number = next((i for i, s in enumerate(steps, 1) if s.state == step), 1)
    text = with_step(t, number, len(steps), t(key))
    if listing:
        text += "\n\n" + listing
    if kept is not None:
        text += "\n\n" + t("announce-kept", answer=kept)
    kb = builder(*buttons, width=width)
    if extra is not None:
        kb.attach(extra)
    first = number == 1 and current == step
    add_navigation(kb, t, back=not first, keep=kept is not None)
    return Html(text), kb.as_markup()


def quoted(text: str) -> Html:
    """An organiser's own text (Telegram HTML already) shown back inside a question."""
    return Html(f"<blockquote expandable>{text}</blockquote>")
