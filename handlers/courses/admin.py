"""Organisers: the list of courses, a course's card, publishing, cancelling, deleting a draft,
its participants and their export. The router filters on ADMIN_IDS; every handler still loads
the course by id through the service, which checks it exists."""

from __future__ import annotations

from aiogram import F
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.i18n import Translator
from bot.services.courses import CourseService
from bot.services.materials import MaterialService
from bot.ui.callbacks import AdminAction, AdminCourseCb
from bot.ui.context import UpdateContext
from bot.ui.course_list import course_button, numbered_line
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import add_page_buttons
from bot.ui.replies import edit, message_of
from handlers.courses.common import (
    STATUS_ICON,
    admin_cb,
    back_to_card,
    lookup_then_answer,
    organiser_router,
    show_card,
)

router = organiser_router(__name__)

PAGE_SIZE = 5
PARTICIPANTS_SHOWN = 40  # more would not fit one message; the export has everyone


# -- the list --------------------------------------------------------------------------------


@router.message(Command("admin"))
async def admin_command(message: Message, t: Translator, course_service: CourseService) -> None:
    text, markup = await course_list(t, course_service, 0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.LIST))
async def admin_list(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    await callback.answer()
    text, markup = await course_list(ctx.t, course_service, callback_data.page)
    message = message_of(callback)
    if message is not None and message.text:
        await message.edit_text(text, reply_markup=markup)
    else:
        await ctx.send(text, markup)


async def course_list(
    t: Translator, course_service: CourseService, number: int
) -> tuple[str, InlineKeyboardMarkup]:
    page, items = await course_service.organiser_page(number, PAGE_SIZE)
    kb = InlineKeyboardBuilder()
    lines = [t("course-admin-list", count=page.total), ""]
    for number, course in enumerate(items, page.offset + 1):
        icon = STATUS_ICON[course.status]
        lines.append(f"{icon} {numbered_line(number, course, t)}")
        kb.button(
            text=course_button(number, course, t, mark=icon),
            callback_data=admin_cb(AdminAction.VIEW, course.id, page.number),
        )
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: admin_cb(AdminAction.LIST, page=n))
    return "\n".join(lines).rstrip(), kb.as_markup()


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.VIEW))
async def admin_view(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    course_service: CourseService,
    materials: MaterialService,
) -> None:
    await show_card(
        callback, ctx, callback_data.course_id, course_service, answer=True, materials=materials
    )


# -- publish, delete, cancel -----------------------------------------------------------------


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.PUBLISH))
async def publish(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    course = await course_service.publish(callback_data.course_id, actor=callback.from_user.id)
    await callback.answer(ctx.t("course-published"), show_alert=True)
    await show_card(callback, ctx, course.id, course_service)


# What each confirmation asks: its text, its "yes" button and what that button does.
_CONFIRM = {
    AdminAction.DELETE: ("course-delete-confirm", "button-delete-yes", AdminAction.DELETE_YES),
    AdminAction.CANCEL: (
        "course-cancel-confirm",
        "button-cancel-course-yes",
        AdminAction.CANCEL_YES,
    ),
}


@router.callback_query(AdminCourseCb.filter(F.action.in_(set(_CONFIRM))))
async def confirm(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
) -> None:
    """ "Are you sure?" before deleting a draft or cancelling a course (with who is told)."""
    course, counts = await lookup_then_answer(
        callback, course_service.counts(callback_data.course_id)
    )
    text_key, yes_key, yes = _CONFIRM[callback_data.action]
    kb = InlineKeyboardBuilder()
    kb.button(text=t(yes_key), callback_data=admin_cb(yes, course.id))
    back_to_card(kb, t, course.id)
    # Everyone the cancellation tells: requests, nominations and reserve places too.
    text = t(text_key, title=course.title(t.locale), count=counts.live)
    await edit(callback, text, kb.as_markup())


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.DELETE_YES))
async def delete_confirmed(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
) -> None:
    await course_service.delete_draft(callback_data.course_id, actor=callback.from_user.id)
    await callback.answer()
    await edit(callback, t("course-deleted"))


@router.callback_query(AdminCourseCb.filter(F.action == AdminAction.CANCEL_YES))
async def cancel_confirmed(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    change = await course_service.cancel(callback_data.course_id, actor=callback.from_user.id)
    await callback.answer(ctx.t("course-cancelled-done", count=change.notified), show_alert=True)
    await show_card(callback, ctx, change.course.id, course_service)


# -- exports (the participants screen is in handlers/courses/roster.py) ---------------------


@router.callback_query(AdminCourseCb.filter(F.action.in_({AdminAction.XLSX, AdminAction.CSV})))
async def export(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    ctx: UpdateContext,
    course_service: CourseService,
) -> None:
    t = ctx.t
    # Answered before the export, which may take a while.
    course = await lookup_then_answer(callback, course_service.get(callback_data.course_id))
    file = await course_service.export_participants(
        course.id,
        as_xlsx=callback_data.action == AdminAction.XLSX,
        t=t,
        actor=callback.from_user.id,
    )
    await ctx.send_file(
        BufferedInputFile(file.data, filename=file.filename),
        t("course-export-caption", title=file.course.title(t.locale), count=file.rows),
    )
