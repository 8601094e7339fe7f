"""What the course handlers share: answering a press once its course is found, and the
organiser card of a course and its buttons."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from aiogram import Router, html
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services.courses import CourseService
from bot.services.materials import MaterialService
from bot.ui import course_texts, seat_rules
from bot.ui.callbacks import (
    AdminAction,
    AdminCourseCb,
    AnnounceAction,
    AnnounceCb,
    CertAction,
    CertCb,
    MaterialAction,
    MaterialCb,
)
from bot.ui.context import UpdateContext
from bot.ui.followup_texts import followup_lines
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import message_of
from handlers.filters import IsOrganiser
from storage.courses import Course, CourseStatus
from storage.registrations import Counts

T = TypeVar("T")


async def lookup_then_answer(callback: CallbackQuery, lookup: Awaitable[T]) -> T:
    """What `lookup` loads, the press answered only once it is loaded: when the lookup refuses
    (a course gone, too late to cancel) the error handler still answers the press with why."""
    found = await lookup
    await callback.answer()
    return found


def organiser_router(name: str) -> Router:
    """A router for organisers only; anyone else's command falls through to the catch-all
    (unknown command)."""
    router = Router(name=name)
    router.message.filter(IsOrganiser())
    router.callback_query.filter(IsOrganiser())
    return router


STATUS_ICON = {
    CourseStatus.DRAFT: "📝",
    CourseStatus.PUBLISHED: "🟢",
    CourseStatus.CANCELLED: "❌",
    CourseStatus.FINISHED: "🏁",
}


def admin_cb(
    action: AdminAction, course_id: int = 0, page: int = 0, arg: str = ""
) -> AdminCourseCb:
    return AdminCourseCb(action=action, course_id=course_id, page=page, arg=arg)


def back_to_card(kb: InlineKeyboardBuilder, t: Translator, course_id: int) -> None:
    kb.button(text=t("button-back"), callback_data=admin_cb(AdminAction.VIEW, course_id))


def counts_line(course: Course, counts: Counts, t: Translator) -> str:
    line = t(
        "course-admin-counts",
        confirmed=counts.confirmed,
        capacity=course.capacity or 0,
        waitlisted=counts.waitlisted,
        cancelled=counts.cancelled,
    )
    # Requests and nominations, only those there are (a row of zeros says nothing).
    decisions = [
        t(f"course-admin-count-{name}", count=number)
        for name, number in (
            ("nominated", counts.nominated),
            ("pending", counts.pending),
            ("reserve", counts.reserve),
            ("declined", counts.declined),
        )
        if number
    ]
    if decisions:
        line += "\n🏛 " + " · ".join(decisions)
    return line


def status_line(course: Course, t: Translator) -> str:
    """The course's status and number (as text: a number would read "1 234" or "1,234")."""
    status = t(f"course-status-{course.status.value}")
    return t("course-admin-status", status=status, id=str(course.id))


async def organiser_card(
    ctx: UpdateContext, course: Course, counts: Counts | None, send_materials: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    """The course for organisers; `send_materials`: it has ended and has files for after it
    (MaterialService.sendable), so "Send materials to participants" is offered."""
    t = ctx.t
    me = await ctx.bot.me()
    link = f"https://t.me/{me.username}?start=c{course.id}"
    lines = [
        f"{STATUS_ICON[course.status]} <b>{html.quote(course.title(t.locale))}</b>",
        status_line(course, t),
        course_texts.when(course, t),
        course_texts.place(course, t, course_texts.LinkAccess.SHOWN),
        *seat_rules.organiser_seat_rule_lines(course, t),
        *followup_lines(course, counts, t),
        certificate_rule(course, t),
    ]
    if counts is not None:
        lines.append(counts_line(course, counts, t))
    if course.status == CourseStatus.PUBLISHED:
        lines.append(t("course-admin-link", link=link))
    elif course.status == CourseStatus.DRAFT and course.missing_for_publishing:
        missing = ", ".join(
            course_texts.field_label(name, t) for name in course.missing_for_publishing
        )
        lines.append(t("course-admin-missing", fields=missing))
    attended = counts is not None and counts.attended > 0
    return "\n".join(lines), _card_buttons(course, t, send_materials, attended)


def certificate_rule(course: Course, t: Translator) -> str:
    """What a certificate takes and what it says: "🎓 Certificates: at least 80% of the days
    attended · English and Russian · 16 hours"."""
    rule = (
        t("course-certificate-share", share=course.certificate)
        if course.certificate
        else t("course-certificate-all-days")
    )
    parts = [rule, t(f"course-certificate-language-{course.certificate_language}")]
    if course.hours:
        parts.append(t("course-certificate-hours", hours=course.hours))
    return t("course-certificate-line", rule=" · ".join(parts))


def _card_buttons(
    course: Course, t: Translator, send_materials: bool, attended: bool
) -> InlineKeyboardMarkup:
    """Short buttons in pairs (Edit · Participants, Excel · CSV), long ones on a row of their
    own: two long labels side by side are cut off on a phone."""
    kb = InlineKeyboardBuilder()
    cid = course.id

    def row(*buttons: tuple[str, AdminAction]) -> None:
        kb.row(
            *(
                InlineKeyboardButton(text=t(key), callback_data=admin_cb(action, cid).pack())
                for key, action in buttons
            )
        )

    if course.status == CourseStatus.DRAFT:
        row(("button-publish", AdminAction.PUBLISH))
        row(("button-edit", AdminAction.EDIT), ("button-delete", AdminAction.DELETE))
    else:
        if course.status == CourseStatus.PUBLISHED:
            row(
                ("button-edit", AdminAction.EDIT),
                ("button-participants", AdminAction.PARTICIPANTS),
            )
        elif course.status == CourseStatus.FINISHED:
            # Only the certificate settings can change after the course (the edit menu).
            row(
                ("button-edit", AdminAction.EDIT),
                ("button-participants", AdminAction.PARTICIPANTS),
            )
        else:
            row(("button-participants", AdminAction.PARTICIPANTS))
        row(("button-export-xlsx", AdminAction.XLSX), ("button-export-csv", AdminAction.CSV))
        if course.status != CourseStatus.CANCELLED:
            row(("button-attendance", AdminAction.ATTENDANCE))
            if attended:
                # Once attendance is taken: who qualifies, then Issue (handlers/certificates).
                preview = CertCb(action=CertAction.PREVIEW, course_id=cid)
                kb.row(
                    InlineKeyboardButton(
                        text=t("button-issue-certificates"), callback_data=preview.pack()
                    )
                )
    if course.status != CourseStatus.CANCELLED:
        _material_buttons(kb, t, cid, send_materials)
    if course.status == CourseStatus.PUBLISHED:
        announce = AnnounceCb(action=AnnounceAction.FROM_COURSE, value=str(cid))
        kb.row(
            InlineKeyboardButton(text=t("button-announce-course"), callback_data=announce.pack())
        )
        row(("button-cancel-course", AdminAction.CANCEL))
    row(("button-all-courses", AdminAction.LIST))
    return kb.as_markup()


def _material_buttons(
    kb: InlineKeyboardBuilder, t: Translator, course_id: int, send_materials: bool
) -> None:
    """📎 Materials (the agenda can be attached to a draft already); 📤 Send them once the
    course has ended."""
    actions = [("button-materials", MaterialAction.LIST)]
    if send_materials:
        actions.append(("button-materials-send", MaterialAction.SEND))
    for key, action in actions:
        data = MaterialCb(action=action, course_id=course_id).pack()
        kb.row(InlineKeyboardButton(text=t(key), callback_data=data))


async def show_card(
    callback: CallbackQuery,
    ctx: UpdateContext,
    course_id: int,
    courses: CourseService,
    answer: bool = False,
    materials: MaterialService | None = None,
) -> None:
    """The organiser card, seats counted, in place of the message the button was under (or
    as a new one); `answer`s the press once the course is found; `materials`: to offer
    sending the files after the course."""
    course, counts = await courses.counts(course_id)
    if answer:
        await callback.answer()
    send_materials = materials is not None and await materials.sendable(course)
    text, markup = await organiser_card(ctx, course, counts, send_materials)
    message = message_of(callback)
    if message is not None:
        await message.edit_text(text, reply_markup=markup)
    else:
        await ctx.send(text, markup)
