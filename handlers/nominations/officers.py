"""Nominating: a focal point picks an officer of their country (paged), or sends officers an
invitation link; also the Nominate button under an officer's "please nominate me"."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from bot.i18n import Translator
from bot.services.nominations import Nomination, NominationService
from bot.services.signups import SignupService
from bot.ui.callbacks import FocalAction, FocalCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons, button_row
from bot.ui.replies import edit, edit_buttons
from handlers.nominations.common import PEOPLE_PER_PAGE, country_name
from handlers.nominations.course import course_screen
from handlers.nominations.courses import own_country
from storage.registrations import RegStatus

router = Router(name=__name__)


@router.callback_query(FocalCb.filter(F.action == FocalAction.OFFICERS))
async def officers_page(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    """The country's officers with a profile, without those already placed on the course."""
    t, country, course_id = ctx.t, callback_data.country, callback_data.course_id
    officers = await nominations.officers(ctx.user.id, country)
    placed = {
        p.registration.user_id
        for p in await nominations.nominees(ctx.user.id, course_id)
        if p.registration.active
    }
    course = await signups.visible_course(course_id)
    free = [o for o in officers if o.id not in placed]
    page = Page.of(callback_data.page, PEOPLE_PER_PAGE, len(free))
    kb = InlineKeyboardBuilder()
    for officer in page.items(free):
        kb.button(
            text=officer.full_name or str(officer.id),
            callback_data=FocalCb(
                action=FocalAction.NOMINATE,
                course_id=course_id,
                officer_id=officer.id,
                country=country,
                page=page.number,
            ),
        )
    kb.adjust(1)
    add_page_buttons(
        kb,
        t,
        page,
        lambda n: FocalCb(
            action=FocalAction.OFFICERS, course_id=course_id, country=country, page=n
        ),
    )
    button_row(
        kb,
        text=t("button-nominate-back"),
        callback_data=FocalCb(action=FocalAction.COURSE, course_id=course_id, country=country),
    )
    title, name = course.title(t.locale), country_name(country, t)
    if free:
        text = t("nominate-officers-title", title=title, country=name, count=len(free))
    else:
        text = t("nominate-officers-none", title=title, country=name)
    await callback.answer()
    await edit(callback, text, kb.as_markup())


@router.callback_query(FocalCb.filter(F.action == FocalAction.NOMINATE))
async def nominate(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    # The service refuses another country's officer, and a non-focal point, revealing nothing.
    done = await nominations.nominate(
        ctx.user.id, callback_data.course_id, callback_data.officer_id
    )
    # Answered once: Telegram refuses a second answer to the same press.
    await callback.answer(nominated_text(done, ctx.t), show_alert=True)
    if not callback_data.country:
        # The button under an officer's "please nominate me": it has done its work.
        await edit_buttons(callback, None)
        return
    text, markup = await course_screen(
        ctx, nominations, signups, callback_data.course_id, callback_data.country
    )
    await edit(callback, text, markup)


def nominated_text(done: Nomination, t: Translator) -> str:
    name = done.officer.full_name or str(done.officer.id)
    position = done.position or 0
    if done.registration.status == RegStatus.RESERVE:
        return t.plain("nominate-done-reserve", name=name, position=position)
    if done.registration.status == RegStatus.WAITLISTED:
        # The course itself is full (not the country's quota): its waiting list.
        return t.plain("nominate-done-waitlist", name=name, position=position)
    return t.plain("nominate-done-seat", name=name)


@router.callback_query(FocalCb.filter(F.action == FocalAction.INVITE))
async def invitation_link(
    callback: CallbackQuery,
    callback_data: FocalCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    """A new message, so that it can be forwarded to officers as it is."""
    t, country = ctx.t, callback_data.country
    await own_country(nominations, ctx.user.id, country)
    invite = await nominations.invite(ctx.user.id, callback_data.course_id, country)
    course = await signups.visible_course(invite.course_id)
    me = await ctx.bot.me()
    link = f"https://t.me/{me.username}?start=n{invite.token}"
    await callback.answer()
    await ctx.send(
        t(
            "nominate-invite-link",
            title=course.title(t.locale),
            country=country_name(country, t),
            link=link,
        )
    )
