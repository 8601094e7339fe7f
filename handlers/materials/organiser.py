"""Organisers: a course's files (📎 Materials on its card), the 🔔 "with the reminder" toggle
and removing a file. The router filters on ADMIN_IDS; every press loads the course and the
file by id through the service, which checks both exist and belong together."""

from __future__ import annotations

from aiogram import F
from aiogram.types import CallbackQuery, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services.materials import MaterialService
from bot.ui.callbacks import MaterialAction, MaterialCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import button_row
from bot.ui.replies import show_in_place
from handlers.courses.common import lookup_then_answer, organiser_router
from handlers.materials.screens import last_page, material_cb, materials_screen

router = organiser_router(__name__)


async def materials_markup(
    materials: MaterialService, course_id: int, t: Translator, page: int | None = 0
) -> tuple[str, InlineKeyboardMarkup]:
    """The organiser's list of the course's files at `page` (None: the last one)."""
    course, files = await materials.of_course(course_id)
    shown = last_page(files) if page is None else page
    sendable, refused = await materials.sendable(course), await materials.refused(course_id)
    return materials_screen(course, files, t, sendable, refused, shown)


async def _show_list(
    callback: CallbackQuery, ctx: UpdateContext, materials: MaterialService, pressed: MaterialCb
) -> None:
    """The list again in place, on the page the press was made on."""
    screen = await materials_markup(materials, pressed.course_id, ctx.t, pressed.page)
    await show_in_place(callback, ctx, *screen)


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.LIST))
async def materials_list(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    screen = await lookup_then_answer(
        callback, materials_markup(materials, callback_data.course_id, ctx.t, callback_data.page)
    )
    await show_in_place(callback, ctx, *screen)


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.REMINDER))
async def toggle_reminder(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    t, course_id = ctx.t, callback_data.course_id
    _, material = await materials.get(course_id, callback_data.material_id)
    on = await materials.toggle_reminder(course_id, material.id)
    key = "material-reminder-on" if on else "material-reminder-off"
    await callback.answer(t.plain(key, title=material.title))
    await _show_list(callback, ctx, materials, callback_data)


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.REMOVE))
async def remove_ask(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    t = ctx.t
    course, material = await lookup_then_answer(
        callback, materials.get(callback_data.course_id, callback_data.material_id)
    )
    kb = InlineKeyboardBuilder()
    yes = material_cb(MaterialAction.REMOVE_YES, course.id, material.id, page=callback_data.page)
    button_row(kb, t.plain("button-material-remove-yes"), yes)
    back = material_cb(MaterialAction.LIST, course.id, page=callback_data.page)
    button_row(kb, t.plain("button-back"), back)
    text = t("material-remove-confirm", title=material.title)
    await show_in_place(callback, ctx, text, kb.as_markup())


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.REMOVE_YES))
async def remove_confirmed(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    t, course_id = ctx.t, callback_data.course_id
    removed = await materials.remove(course_id, callback_data.material_id, callback.from_user.id)
    await callback.answer(t.plain("material-removed", title=removed.title))
    await _show_list(callback, ctx, materials, callback_data)
