"""Organisers mark who attended: one button a confirmed participant, tapped to toggle."""

from __future__ import annotations

from aiogram import F
from aiogram.types import CallbackQuery, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.courses import CourseService
from bot.ui.callbacks import AdminAction, AdminCourseCb
from bot.ui.pagination import add_page_buttons
from bot.ui.replies import edit, edit_buttons
from handlers.courses.common import admin_cb, back_to_card, organiser_router

router = organiser_router(__name__)

ATTENDANCE_PAGE = 10


async def attendance_markup(
    course_service: CourseService, course_id: int, t: Translator, number: int
) -> tuple[str, InlineKeyboardMarkup]:
    course, page, people = await course_service.attendance_page(course_id, number, ATTENDANCE_PAGE)
    kb = InlineKeyboardBuilder()
    for person in people:
        mark = "✅" if person.registration.attended else "▫️"
        kb.button(
            text=f"{mark} {person.full_name or '—'}",
            callback_data=admin_cb(
                AdminAction.TOGGLE, course.id, page.number, str(person.registration.user_id)
            ),
        )
    kb.adjust(1)
    add_page_buttons(kb, t, page, lambda n: admin_cb(AdminAction.ATTENDANCE, course.id, n))
    kb.row()
    back_to_card(kb, t, course.id)
    return t("course-attendance-title", title=course.title(t.locale)), kb.as_markup()


@router.callback_query(
    AdminCourseCb.filter(F.action.in_({AdminAction.ATTENDANCE, AdminAction.TOGGLE}))
)
async def attendance(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
) -> None:
    """The attendance page; a tap on a name toggles that person first and redraws only the
    buttons."""
    toggle = callback_data.action == AdminAction.TOGGLE
    if toggle:
        if not callback_data.arg.isdigit():
            raise InvalidInput("error-button-expired")
        await course_service.toggle_attendance(
            callback_data.course_id, int(callback_data.arg), actor=callback.from_user.id
        )
        await callback.answer()
    text, markup = await attendance_markup(
        course_service, callback_data.course_id, t, callback_data.page
    )
    if toggle:
        await edit_buttons(callback, markup)
    else:
        # Answered once the page is drawn: a course that is gone is said in the alert.
        await callback.answer()
        await edit(callback, text, markup)
