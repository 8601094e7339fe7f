"""The officer's side: answering a nomination ("I will attend" / "I can't"), asking their
focal point to nominate them, and taking up a focal point's invitation link."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.services.nominations import NominationService
from bot.services.signups import SignupResult, SignupService
from bot.ui.callbacks import NomineeAction, NomineeCb
from bot.ui.context import UpdateContext
from bot.ui.profile_screens import open_profile
from bot.ui.replies import close_buttons
from handlers.nominations.common import country_name, focal_point_contacts
from handlers.screens.signup_replies import report_signup
from storage.courses import Course
from storage.registrations import Registration, RegStatus

router = Router(name=__name__)


@router.callback_query(NomineeCb.filter(F.action == NomineeAction.ATTEND))
async def will_attend(
    callback: CallbackQuery,
    callback_data: NomineeCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    """The held seat becomes theirs: "You are signed up" with the calendar file."""
    registration = await nominations.answer(ctx.user.id, callback_data.course_id, attend=True)
    course = await signups.visible_course(callback_data.course_id)
    await close_buttons(callback)
    await _report(ctx, signups, course, registration)


@router.callback_query(NomineeCb.filter(F.action == NomineeAction.CANNOT))
async def cannot_attend(
    callback: CallbackQuery,
    callback_data: NomineeCb,
    ctx: UpdateContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    """The seat goes to the next on the country's reserve list; the focal point is told."""
    await nominations.answer(ctx.user.id, callback_data.course_id, attend=False)
    course = await signups.visible_course(callback_data.course_id)
    await close_buttons(callback)
    await ctx.send(ctx.t("nominee-cannot-attend", title=course.title(ctx.locale)))


@router.callback_query(NomineeCb.filter(F.action == NomineeAction.ASK))
async def ask_focal_point(
    callback: CallbackQuery,
    callback_data: NomineeCb,
    ctx: UpdateContext,
    nominations: NominationService,
) -> None:
    asked = await nominations.ask_focal_point(ctx.user.id, callback_data.course_id)
    await callback.answer()
    await ctx.send(ctx.t("nomination-asked", people=focal_point_contacts(asked, ctx.t)))


@router.callback_query(NomineeCb.filter(F.action == NomineeAction.ACCEPT_INVITE))
async def accept_invitation(
    callback: CallbackQuery,
    callback_data: NomineeCb,
    ctx: UpdateContext,
    state: FSMContext,
    nominations: NominationService,
    signups: SignupService,
) -> None:
    if not ctx.user.profile_complete:
        # The invitation waits in the dialog data and comes again once the profile is done.
        await callback.answer()
        await ctx.send(ctx.t("invitation-profile-first"))
        await open_profile(ctx, state, pending_invite=callback_data.token)
        return
    done = await nominations.accept_invitation(callback_data.token, ctx.user.id)
    await close_buttons(callback)
    await _report(ctx, signups, done.course, done.registration)


async def _report(
    ctx: UpdateContext, signups: SignupService, course: Course, registration: Registration
) -> None:
    """A seat: the sign-up's own reply with the calendar file; the waiting list (a full
    course) or the country's reserve list (its quota used up): the place on it."""
    seats = await signups.status(course.id, ctx.user.id)
    if registration.status == RegStatus.CONFIRMED:
        result = SignupResult(course, registration, seats)
        await report_signup(ctx.bot, ctx.chat_id, result, ctx.user, ctx.t)
        return
    t = ctx.t
    if registration.status == RegStatus.WAITLISTED:
        text = t(
            "invitation-waitlisted",
            title=course.title(t.locale),
            position=str(seats.position or 0),
        )
        await ctx.send(text)
        return
    await ctx.send(
        t(
            "seat-reserve-notice",
            title=course.title(t.locale),
            position=str(seats.position or 0),
            country=country_name(registration.country or "", t),
        )
    )
