"""One course as a focal point sees it: their country's seats and quota, the nominees with
their status, and withdrawing a nominee (asked first)."""

from __future__ import annotations

from aiogram import F, Router, html
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

from bot.errors import NotAllowed
from bot.i18n import Translator
from bot.services.nominations import CountrySeats, NominationService
from bot.services.signups import SignupService
from bot.ui import course_texts
from bot.ui.callbacks import FocalAction, FocalCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons
from bot.ui.replies import edit
from handlers.nominations.common import contact, country_name
from handlers.nominations.courses import own_country
from storage.registrations import Participant, RegStatus

router = Router(name=__name__)

# Nominees a page: a line each, and a Withdraw button each under them, fit a phone's screen.
NOMINEES_PER_PAGE = 10


@router.callback_query(FocalCb.filter(F.action == FocalAction.COURSE))
async def course_view(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    await own_country(nominations, ctx.user.id, callback_data.country)
    text, markup = await screen_of(ctx, nominations, signups, callback_data)
    await callback.answer()
    await edit(callback, text, markup)


async def screen_of(
    ctx: UpdateContext, nominations: NominationService, signups: SignupService, data: FocalCb
) -> tuple[str, InlineKeyboardMarkup]:
    """The course screen a button names (course, country, page)."""
    return await course_screen(ctx, nominations, signups, data.course_id, data.country, data.page)


def withdrawable(nominee: Participant) -> bool:
    """A live place the focal point put forward: an officer's own sign-up or a place the
    organisers gave is not theirs to withdraw."""
    return nominee.registration.active and nominee.registration.nominated_by is not None


async def course_screen(
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
    course_id: int,
    country: str,
    page_number: int = 0,
) -> tuple[str, InlineKeyboardMarkup]:
    """The country's seats and a page of its nominees (those withdrawn or who gave up their
    place are left out: nothing more to do about them)."""
    t = ctx.t
    course = await signups.visible_course(course_id)
    seats = await nominations.country_seats(ctx.user.id, course, country)
    nominees = [
        p
        for p in await nominations.nominees(ctx.user.id, course_id)
        if p.registration.country == country and p.registration.status != RegStatus.CANCELLED
    ]
    page = Page.of(page_number, NOMINEES_PER_PAGE, len(nominees))
    lines = [
        f"🏛 <b>{html.quote(course.title(t.locale))}</b>",
        course_texts.when(course, t, ctx.user.timezone),
        "",
        seats_line(seats, t),
        "",
    ]
    if nominees:
        lines.append(t("nominate-nominees-title"))
        lines += [
            t(
                "nominate-nominee-line",
                number=str(number),
                person=contact(p.full_name, None, t, str(p.registration.user_id)),
                status=nominee_status(p, t),
            )
            for number, p in enumerate(page.items(nominees), page.offset + 1)
        ]
    else:
        lines.append(t("nominate-nominees-none"))
    kb = InlineKeyboardBuilder()
    here = {"course_id": course_id, "country": country}
    if course.registration_open(signups.clock()):
        for key, action in (
            ("button-nominate-add", FocalAction.OFFICERS),
            ("button-nominate-invite", FocalAction.INVITE),
        ):
            kb.button(text=t(key), callback_data=FocalCb(action=action, **here))
    for p in page.items(nominees):
        if withdrawable(p):
            kb.button(
                text=t.plain("button-nominate-withdraw", name=p.full_name or ""),
                callback_data=FocalCb(
                    action=FocalAction.WITHDRAW,
                    officer_id=p.registration.user_id,
                    page=page.number,
                    **here,
                ),
            )
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: FocalCb(action=FocalAction.COURSE, page=n, **here))
    kb.row(
        InlineKeyboardButton(
            text=t("button-nominate-courses"),
            callback_data=FocalCb(action=FocalAction.COURSES, country=country).pack(),
        )
    )
    return "\n".join(lines), kb.as_markup()


def seats_line(seats: CountrySeats, t: Translator) -> str:
    """ "Azerbaijan: 2 of 3 seats used, 1 on reserve" (without a quota: "2 seats used")."""
    country = country_name(seats.country, t)
    if seats.quota is None:
        return t("nominate-seat-use", country=country, used=seats.used, reserve=seats.reserve)
    return t(
        "nominate-quota-use",
        country=country,
        used=seats.used,
        quota=seats.quota,
        reserve=seats.reserve,
    )


def nominee_status(nominee: Participant, t: Translator) -> str:
    return t(f"nominee-status-{nominee.registration.status.value}", position=nominee.position or 0)


@router.callback_query(FocalCb.filter(F.action == FocalAction.WITHDRAW))
async def withdraw_ask(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    t = ctx.t
    await own_country(nominations, ctx.user.id, callback_data.country)
    nominee = await _live_nominee(nominations, ctx.user.id, callback_data)
    course = await signups.visible_course(callback_data.course_id)
    here = {
        "course_id": course.id,
        "country": callback_data.country,
        "officer_id": nominee.registration.user_id,
        "page": callback_data.page,
    }
    kb = InlineKeyboardBuilder()
    kb.button(
        text=t("button-nominate-withdraw-yes"),
        callback_data=FocalCb(action=FocalAction.WITHDRAW_YES, **here),
    )
    kb.button(
        text=t("button-nominate-withdraw-no"),
        callback_data=FocalCb(
            action=FocalAction.COURSE,
            course_id=course.id,
            country=callback_data.country,
            page=callback_data.page,
        ),
    )
    kb.adjust(1)
    question = t(
        "nominate-withdraw-confirm",
        person=contact(nominee.full_name, None, t, str(nominee.registration.user_id)),
        title=course.title(t.locale),
    )
    await callback.answer()
    await edit(callback, question, kb.as_markup())


@router.callback_query(FocalCb.filter(F.action == FocalAction.WITHDRAW_YES))
async def withdraw_confirmed(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    await own_country(nominations, ctx.user.id, callback_data.country)
    await nominations.withdraw(ctx.user.id, callback_data.course_id, callback_data.officer_id)
    await callback.answer(ctx.t.plain("nominate-withdrawn"))
    text, markup = await screen_of(ctx, nominations, signups, callback_data)
    await edit(callback, text, markup)


async def _live_nominee(
    nominations: NominationService, focal_point: int, data: FocalCb
) -> Participant:
    """The officer of the focal point's country with a live nomination on the course; a
    forged or stale button (another country's officer, withdrawn already, an officer's own
    sign-up) reveals nothing."""
    for nominee in await nominations.nominees(focal_point, data.course_id):
        registration = nominee.registration
        if (
            registration.user_id == data.officer_id
            and registration.country == data.country
            and withdrawable(nominee)
        ):
            return nominee
    raise NotAllowed()
