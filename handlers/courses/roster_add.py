"""Organisers add someone to a course by hand: by @username, by a message forwarded from
them, or picked from the people of a country who have a profile; then where they go (a seat,
the waiting list, a reserve list). SeatDecisions.add tells the person and audits it."""

from __future__ import annotations

from aiogram import F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, MessageOriginUser

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.courses import CourseService
from bot.services.decisions import SeatDecisions
from bot.services.profiles import ProfileService
from bot.ui.callbacks import RosterAction, RosterCb
from bot.ui.context import UpdateContext
from bot.ui.course_list import numbered_button
from bot.ui.dialog import add_navigation, close_question, pressed_under_question, send_question
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons, button_row
from bot.ui.people import person_line
from bot.ui.replies import NOT_COMMAND, edit, edit_buttons, message_of
from bot.ui.roster import country_label, places_markup, status_words
from handlers.courses.common import lookup_then_answer, organiser_router
from handlers.courses.roster import place_named, roster_screen
from storage.courses import Course
from storage.users import User

router = organiser_router(__name__)

COUNTRIES_PER_PAGE = 10
PEOPLE_PER_PAGE = 8


class RosterAdd(StatesGroup):
    person = State()


async def _under_question(callback: CallbackQuery, state: FSMContext) -> bool:
    """Whether the press came from the add dialog's own question (a page turned), rather
    than from the participants screen (a new start)."""
    if await state.get_state() != RosterAdd.person.state:
        return False
    message = message_of(callback)
    asked = (await state.get_data()).get("question")
    return message is not None and message.message_id == asked


async def _ask(
    callback: CallbackQuery,
    ctx: UpdateContext,
    state: FSMContext,
    course: Course,
    text: str,
    markup: InlineKeyboardMarkup,
) -> None:
    """Show a step of the add dialog under its question, or start the dialog with it."""
    if await _under_question(callback, state):
        await edit(callback, text, markup)
        return
    await state.set_state(RosterAdd.person)
    await state.set_data({"course_id": course.id})
    await send_question(ctx, state, text, markup)


@router.callback_query(RosterCb.filter(F.action == RosterAction.ADD))
async def add_ask(
    callback: CallbackQuery,
    callback_data: RosterCb,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    profiles: ProfileService,
) -> None:
    """Who to add, with the countries to pick from (arg empty), or a country's people (arg:
    its code); the buttons turn pages under the same question."""
    t = ctx.t
    course = await lookup_then_answer(callback, course_service.get(callback_data.course_id))
    title = course.title(t.locale)
    kb = InlineKeyboardBuilder()
    if callback_data.arg:
        people = await profiles.with_profile_in(callback_data.arg)
        page = Page.of(callback_data.page, PEOPLE_PER_PAGE, len(people))
        _people_buttons(kb, t, course.id, callback_data.arg, page, people)
        country = country_label(callback_data.arg, t)
        key = "roster-add-people" if people else "roster-add-nobody"
        text = t(key, title=title, country=country)
    else:
        codes = await profiles.profile_countries()
        codes.sort(key=lambda code: country_label(code, t))
        page = Page.of(callback_data.page, COUNTRIES_PER_PAGE, len(codes))
        _country_buttons(kb, t, course.id, page, codes)
        text = t("roster-add-ask", title=title)
    add_navigation(kb, t, back=False)
    await _ask(callback, ctx, state, course, text, kb.as_markup())


def _country_buttons(
    kb: InlineKeyboardBuilder, t: Translator, course_id: int, page: Page, codes: list[str]
) -> None:
    for code in page.items(codes):
        kb.button(
            text=country_label(code, t),
            callback_data=RosterCb(action=RosterAction.ADD, course_id=course_id, arg=code),
        )
    kb.adjust(2)
    add_page_buttons(
        kb, t, page, lambda n: RosterCb(action=RosterAction.ADD, course_id=course_id, page=n)
    )


def _people_buttons(
    kb: InlineKeyboardBuilder,
    t: Translator,
    course_id: int,
    country: str,
    page: Page,
    people: list[User],
) -> None:
    for number, person in enumerate(page.items(people), start=page.offset + 1):
        kb.button(
            text=numbered_button(number, person.full_name or str(person.id)),
            callback_data=RosterCb(
                action=RosterAction.PICK, course_id=course_id, user_id=person.id
            ),
        )
    kb.adjust(1)
    add_page_buttons(
        kb,
        t,
        page,
        lambda n: RosterCb(action=RosterAction.ADD, course_id=course_id, arg=country, page=n),
    )
    button_row(
        kb,
        text=t.plain("button-roster-countries"),
        callback_data=RosterCb(action=RosterAction.ADD, course_id=course_id),
    )


def _where_to(course: Course, person: User, t: Translator) -> tuple[str, InlineKeyboardMarkup]:
    kb = InlineKeyboardBuilder.from_markup(places_markup(course, person.id, t))
    add_navigation(kb, t, back=False)
    text = t("roster-add-where", person=person_line(person, t), title=course.title(t.locale))
    return text, kb.as_markup()


# -- the person: typed, forwarded or picked --------------------------------------------------


async def _adding(state: FSMContext) -> int:
    course_id = (await state.get_data()).get("course_id")
    if course_id is None:
        await state.clear()
        raise InvalidInput("fallback-not-understood")
    return int(course_id)


@router.message(RosterAdd.person, F.forward_origin)
async def add_forwarded(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    profiles: ProfileService,
) -> None:
    origin = message.forward_origin
    if not isinstance(origin, MessageOriginUser):
        # Their privacy settings hide who they are: the forward names nobody.
        await ctx.send(ctx.t("roster-add-hidden"))
        return
    course = await course_service.get(await _adding(state))
    person = await profiles.with_profile(origin.sender_user.id)
    await send_question(ctx, state, *_where_to(course, person, ctx.t))


@router.message(RosterAdd.person, F.text.startswith("@") | F.text.regexp(r"^\w{5,32}$"))
async def add_by_username(
    message: Message,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    profiles: ProfileService,
) -> None:
    course = await course_service.get(await _adding(state))
    typed = (message.text or "").strip()
    person = await profiles.by_username(typed)
    if person is None or not person.has_consented:
        await ctx.send(ctx.t("roster-add-unknown", username=typed.removeprefix("@")))
        return
    await send_question(ctx, state, *_where_to(course, person, ctx.t))


@router.message(RosterAdd.person, NOT_COMMAND)
async def add_needs_person(message: Message, t: Translator) -> None:
    await message.answer(t("roster-add-hint"))


@router.callback_query(RosterCb.filter(F.action == RosterAction.PICK))
async def add_pick(
    callback: CallbackQuery,
    callback_data: RosterCb,
    ctx: UpdateContext,
    state: FSMContext,
    course_service: CourseService,
    profiles: ProfileService,
    decisions: SeatDecisions,
) -> None:
    """A person picked (arg empty: ask where to), or where they go (arg: the place), also
    from the card of someone declined or cancelled."""
    t = ctx.t
    course_id, user_id = callback_data.course_id, callback_data.user_id
    if not callback_data.arg:
        await pressed_under_question(callback, state)
        course = await course_service.get(course_id)
        person = await profiles.with_profile(user_id)
        await callback.answer()
        await edit(callback, *_where_to(course, person, t))
        return
    await decisions.add(callback.from_user.id, course_id, user_id, place_named(callback_data))
    await callback.answer()
    if await state.get_state() == RosterAdd.person.state:
        await close_question(ctx, state)
        await state.clear()
    # The card or question it was pressed under is out of date now: the new list follows.
    await edit_buttons(callback, None)
    course, added = await course_service.participant(course_id, user_id)
    name = added.full_name or "—"
    status = status_words(added, t)
    await ctx.send(t("roster-added", name=name, title=course.title(t.locale), status=status))
    await ctx.send(*await roster_screen(course_service, course_id, t))
