"""Organisers mark who attended: one button a confirmed participant, tapped to toggle; a
course of several days gets a day switch, and each name shows the days attended ("2/2")."""

from __future__ import annotations

from datetime import date

from aiogram import F
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup
from babel.dates import format_date

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.attendance_days import attendance_mask, course_days, days_present, present_on
from bot.services.courses import CourseService
from bot.ui.callbacks import AdminAction, AdminCourseCb, CertAction, CertCb
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import add_page_buttons
from bot.ui.replies import edit, edit_buttons
from handlers.courses.common import admin_cb, organiser_router

router = organiser_router(__name__)

ATTENDANCE_PAGE = 10
# In a toggle's argument, between the person and the day: "12345d1" (day 2).
_DAY_MARK = "d"


def day_label(number: int, day: date, chosen: bool, t: Translator) -> str:
    label = t.plain(
        "attendance-day-button",
        day=number,
        date=str(format_date(day, "d MMM", locale=t.locale)),
    )
    return f"▸ {label}" if chosen else label


async def attendance_markup(
    course_service: CourseService, course_id: int, t: Translator, number: int, day: int = 0
) -> tuple[str, InlineKeyboardMarkup]:
    course, page, people = await course_service.attendance_page(course_id, number, ATTENDANCE_PAGE)
    days = course_days(course)
    day = day if 0 <= day < len(days) else 0
    kb = InlineKeyboardBuilder()
    if len(days) > 1:
        switch = [
            InlineKeyboardButton(
                text=day_label(n + 1, when, n == day, t),
                callback_data=admin_cb(
                    AdminAction.ATTENDANCE, course.id, page.number, str(n)
                ).pack(),
            )
            for n, when in enumerate(days)
        ]
        for start in range(0, len(switch), 2):
            kb.row(*switch[start : start + 2])
    for person in people:
        registration = person.registration
        mask = attendance_mask(registration)
        mark = "✅" if present_on(mask, day) else "▫️"
        label = f"{mark} {person.full_name or '—'}"
        if len(days) > 1:
            label += f" · {days_present(mask, len(days))}/{len(days)}"
        arg = (
            f"{registration.user_id}{_DAY_MARK}{day}"
            if len(days) > 1
            else str(registration.user_id)
        )
        kb.row(
            InlineKeyboardButton(
                text=label,
                callback_data=admin_cb(AdminAction.TOGGLE, course.id, page.number, arg).pack(),
            )
        )
    add_page_buttons(
        kb, t, page, lambda n: admin_cb(AdminAction.ATTENDANCE, course.id, n, str(day))
    )
    if await course_service.anyone_attended(course.id):
        # Straight on from the marks to who qualifies (the course card has the same button).
        preview = CertCb(action=CertAction.PREVIEW, course_id=course.id)
        kb.row(
            InlineKeyboardButton(
                text=t.plain("button-issue-certificates"), callback_data=preview.pack()
            )
        )
    # On a row of its own: beside the last name it would cut that name off on a phone.
    kb.row(
        InlineKeyboardButton(
            text=t("button-back"), callback_data=admin_cb(AdminAction.VIEW, course.id).pack()
        )
    )
    text = t("course-attendance-title", title=course.title(t.locale))
    if len(days) > 1:
        when = str(format_date(days[day], "d MMMM", locale=t.locale))
        text += "\n" + t("attendance-day-heading", day=day + 1, days=len(days), date=when)
    return text, kb.as_markup()


def _toggled(arg: str) -> tuple[int, int]:
    """The person and the day (0-based) of a toggle button: "12345" or "12345d1"."""
    person, _, day = arg.partition(_DAY_MARK)
    if not person.isdecimal() or not (day == "" or day.isdecimal()):
        raise InvalidInput("error-button-expired")
    return int(person), int(day or 0)


@router.callback_query(
    AdminCourseCb.filter(F.action.in_({AdminAction.ATTENDANCE, AdminAction.TOGGLE}))
)
async def attendance(
    callback: CallbackQuery,
    callback_data: AdminCourseCb,
    t: Translator,
    course_service: CourseService,
) -> None:
    """The attendance page of a day; a tap on a name toggles that person's mark for the day
    first and redraws only the buttons."""
    toggle = callback_data.action == AdminAction.TOGGLE
    if toggle:
        person, day = _toggled(callback_data.arg)
        await course_service.toggle_attendance(
            callback_data.course_id, person, actor=callback.from_user.id, day=day
        )
        await callback.answer()
    else:
        day = int(callback_data.arg) if callback_data.arg.isdecimal() else 0
    text, markup = await attendance_markup(
        course_service, callback_data.course_id, t, callback_data.page, day
    )
    if toggle:
        await edit_buttons(callback, markup)
    else:
        # Answered once the page is drawn: a course that is gone is said in the alert.
        await callback.answer()
        await edit(callback, text, markup)
