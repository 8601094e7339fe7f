"""Organisers send the files for after the course (slides) to its participants: to those
marked present or to everyone confirmed, after a confirmation naming how many people and
files. Queued through the outbox; each person gets each file once, however often it is
pressed."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import F
from aiogram.types import CallbackQuery

from bot.errors import InvalidInput
from bot.services.materials import Audience, MaterialService, SendPlan
from bot.ui.callbacks import MaterialAction, MaterialCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import button_row
from bot.ui.replies import show_in_place
from handlers.courses.common import lookup_then_answer, organiser_router
from handlers.materials.organiser import materials_markup
from handlers.materials.screens import material_cb

router = organiser_router(__name__)

_AUDIENCE_BUTTONS = {
    Audience.ATTENDEES: "button-materials-send-attendees",
    Audience.CONFIRMED: "button-materials-send-confirmed",
}


def _audience(callback_data: MaterialCb) -> Audience:
    try:
        return Audience(callback_data.arg)
    except ValueError:
        raise InvalidInput("error-button-expired") from None


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.SEND))
async def choose_audience(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    t = ctx.t
    course, sizes = await lookup_then_answer(
        callback, materials.audience_sizes(callback_data.course_id)
    )
    kb = InlineKeyboardBuilder()
    for audience, key in _AUDIENCE_BUTTONS.items():
        data = material_cb(MaterialAction.SEND_TO, course.id, arg=audience.value)
        button_row(kb, t.plain(key, count=sizes[audience]), data)
    button_row(kb, t.plain("button-back"), material_cb(MaterialAction.LIST, course.id))
    text = t("materials-send-ask", title=course.title(t.locale))
    await show_in_place(callback, ctx, text, kb.as_markup())


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.SEND_TO))
async def confirm(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    """ "Send 2 files to 12 people?" — or, when everyone has them or the group is empty, that
    there is nothing to send."""
    t, audience = ctx.t, _audience(callback_data)
    plan = await lookup_then_answer(callback, materials.plan(callback_data.course_id, audience))
    course_id = plan.course.id
    kb = InlineKeyboardBuilder()
    if plan.people:
        yes = material_cb(MaterialAction.SEND_YES, course_id, arg=audience.value)
        button_row(kb, t.plain("button-materials-send-yes"), yes)
        text = t(
            "materials-send-confirm",
            files=len(plan.files),
            names=", ".join(t.plain("material-quoted", title=m.title) for m in plan.files),
            people=plan.people,
        )
        text += _already(plan, t)
    elif plan.already:
        text = t("materials-send-nobody", already=plan.already)
    else:
        text = _empty(plan, t)
    button_row(kb, t.plain("button-back"), material_cb(MaterialAction.SEND, course_id))
    await show_in_place(callback, ctx, text, kb.as_markup())


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.SEND_YES))
async def send(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    t = ctx.t
    plan = await materials.send(
        callback_data.course_id, _audience(callback_data), callback.from_user.id
    )
    await callback.answer(_result(plan, t.plain), show_alert=True)
    # The list again, the result above it: the alert is gone once dismissed.
    text, markup = await materials_markup(materials, plan.course.id, t)
    await show_in_place(callback, ctx, _result(plan, t) + "\n\n" + text, markup)


def _already(plan: SendPlan, render: Callable[..., str]) -> str:
    """ "1 person in this group already has them." on a line of its own; empty for none."""
    if not plan.already:
        return ""
    return "\n" + render("materials-send-already", already=plan.already, files=len(plan.files))


def _empty(plan: SendPlan, render: Callable[..., str]) -> str:
    """Nobody in the group: no attendance marked yet, or nobody confirmed."""
    return render("materials-send-empty", audience=plan.audience.value)


def _result(plan: SendPlan, render: Callable[..., str]) -> str:
    """What sending did (`render`: t for the message, t.plain for the alert)."""
    if not plan.people and not plan.already:
        return _empty(plan, render)
    done = render("materials-sent", people=plan.people)
    # "Nothing was sent" already says that everyone has them.
    return done + _already(plan, render) if plan.people else done
