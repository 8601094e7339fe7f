"""The organiser's list of a course's files with its buttons."""

from __future__ import annotations

from collections.abc import Mapping

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.ui import materials as material_texts
from bot.ui.callbacks import AdminAction, MaterialAction, MaterialCb
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons, button_row
from handlers.courses.common import admin_cb
from storage.courses import Course
from storage.materials import Material, MaterialTiming


def material_cb(
    action: MaterialAction, course_id: int, material_id: int = 0, arg: str = "", page: int = 0
) -> MaterialCb:
    return MaterialCb(
        action=action, course_id=course_id, material_id=material_id, arg=arg, page=page
    )


def last_page(files: list[Material]) -> int:
    """The page a newly added file is on."""
    return Page.of(len(files), material_texts.PAGE_SIZE, len(files)).number


def _line(number: int, material: Material, t: Translator) -> str:
    if material.timing == MaterialTiming.AFTER:
        when = t("materials-when-after")
    elif material.with_reminder:
        when = t("materials-when-before-reminder")
    else:
        when = t("materials-when-before")
    size = material_texts.size_text(material.file_size, t)
    return t(
        "materials-line",
        number=str(number),
        title=material.title,
        type=material_texts.type_label(material, t),
        size=f", {size}" if size else "",
        when=when,
    )


# The 🔔 toggle's words by whether the file goes with the reminder now.
_REMINDER_KEYS = {True: "button-material-reminder-on", False: "button-material-reminder-off"}


def _file_buttons(
    number: int, material: Material, t: Translator, page: int
) -> list[InlineKeyboardButton]:
    """🔔 3 / 🔕 3 (with the reminder or not; files before the course only) and 🗑 3."""
    actions = [("button-material-remove", MaterialAction.REMOVE)]
    if material.timing == MaterialTiming.BEFORE:
        actions.insert(0, (_REMINDER_KEYS[material.with_reminder], MaterialAction.REMINDER))
    return [
        InlineKeyboardButton(
            text=t.plain(key, number=str(number)),
            callback_data=material_cb(action, material.course_id, material.id, page=page).pack(),
        )
        for key, action in actions
    ]


def materials_screen(
    course: Course,
    files: list[Material],
    t: Translator,
    sendable: bool,
    refused: Mapping[int, int],
    page_number: int = 0,
) -> tuple[str, InlineKeyboardMarkup]:
    """The organiser's list, ten files a page: each file with its place (and a warning
    when Telegram refused to send it: `refused` per file id) and, for a file before the
    course, the 🔔 toggle; Add, Send (after the course) and back to the course."""
    page = Page.of(page_number, material_texts.PAGE_SIZE, len(files))
    lines = [t("materials-title", title=course.title(t.locale), count=len(files)), ""]
    kb = InlineKeyboardBuilder()
    for number, material in enumerate(page.items(files), page.offset + 1):
        lines.append(_line(number, material, t))
        if refused.get(material.id):
            lines.append(t("materials-refused", count=refused[material.id]))
        kb.row(*_file_buttons(number, material, t, page.number))
    if files:
        lines += ["", t("materials-hint")]
    else:
        lines.append(t("materials-none"))
    add_page_buttons(
        kb, t, page, lambda number: material_cb(MaterialAction.LIST, course.id, page=number)
    )
    button_row(kb, t.plain("button-material-add"), material_cb(MaterialAction.ADD, course.id))
    if sendable:
        button_row(
            kb, t.plain("button-materials-send"), material_cb(MaterialAction.SEND, course.id)
        )
    button_row(kb, t.plain("button-back"), admin_cb(AdminAction.VIEW, course.id))
    return "\n".join(lines), kb.as_markup()
