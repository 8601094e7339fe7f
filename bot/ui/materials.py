"""How a course's files are named on buttons and in captions: the organiser's title and the
file's type ("📎 Agenda (PDF)")."""

from __future__ import annotations

from pathlib import PurePosixPath

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from babel.numbers import format_decimal

from bot.i18n import Translator
from bot.ui.callbacks import MaterialAction, MaterialCb
from bot.ui.course_list import BUTTON_CHARS, shorten
from storage.courses import Course
from storage.materials import Material, MaterialKind

# The type a reader recognises, by the file name's extension, then by the MIME type.
_BY_EXTENSION = {
    "pdf": "pdf",
    "doc": "word",
    "docx": "word",
    "odt": "word",
    "rtf": "word",
    "xls": "excel",
    "xlsx": "excel",
    "ods": "excel",
    "csv": "excel",
    "ppt": "powerpoint",
    "pptx": "powerpoint",
    "odp": "powerpoint",
    "jpg": "image",
    "jpeg": "image",
    "png": "image",
    "gif": "image",
    "webp": "image",
    "zip": "archive",
    "rar": "archive",
    "7z": "archive",
    "txt": "text",
    "mp4": "video",
    "mov": "video",
}
_BY_MIME = {
    "application/pdf": "pdf",
    "application/msword": "word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
    "application/vnd.ms-excel": "excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
    "application/vnd.ms-powerpoint": "powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "powerpoint",
    "application/zip": "archive",
    "text/plain": "text",
}
# The Fluent message of each type (written out, so a search for a key finds its use).
_TYPE_KEYS = {
    "pdf": "material-type-pdf",
    "word": "material-type-word",
    "excel": "material-type-excel",
    "powerpoint": "material-type-powerpoint",
    "image": "material-type-image",
    "archive": "material-type-archive",
    "text": "material-type-text",
    "video": "material-type-video",
    "file": "material-type-file",
}

# File buttons on a participant's card: more would push the card's own buttons off a phone's
# screen; the rest are one tap away under "All materials".
CARD_FILES = 3

# Files a page of a list (the organisers' and a participant's "All materials"): a phone's
# screen of buttons, and far from Telegram's 100 buttons a message.
PAGE_SIZE = 10

# Titles stay short: they are button labels on a phone.
TITLE_LIMIT = 64


def file_type(material: Material) -> str:
    """pdf, word, excel, powerpoint, image, archive, text, video or file."""
    if material.kind == MaterialKind.PHOTO:
        return "image"
    suffix = PurePosixPath(material.file_name or "").suffix.lower().lstrip(".")
    mime = (material.mime_type or "").lower()
    found = _BY_EXTENSION.get(suffix) or _BY_MIME.get(mime)
    if found is None and mime.startswith(("image/", "video/")):
        found = "image" if mime.startswith("image/") else "video"
    return found or "file"


def type_label(material: Material, t: Translator) -> str:
    return t.plain(_TYPE_KEYS[file_type(material)])


def button_text(material: Material, t: Translator) -> str:
    """📎 Agenda (PDF): a long title shortened after a word so that the type still shows on a
    phone (the file's caption carries the whole title)."""
    kind = type_label(material, t)
    frame = t.plain("button-material", title="", type=kind)
    room = BUTTON_CHARS - len(frame) - 1  # the 📎 is as wide as two letters
    return t.plain("button-material", title=shorten(material.title, room), type=kind)


def caption(material: Material, course: Course, t: Translator) -> str:
    """What the file is sent with: its title and the course, in the reader's language."""
    return t("material-caption", title=material.title, course=course.title(t.locale))


def default_title(file_name: str | None, caption_text: str | None) -> str | None:
    """The title Keep stands for: the caption the file came with, else its name without the
    extension; None for a photo sent without a caption."""
    if caption_text and caption_text.strip():
        return caption_text.strip()[:TITLE_LIMIT]
    if file_name:
        return (PurePosixPath(file_name).stem or file_name)[:TITLE_LIMIT]
    return None


def size_text(size: int | None, t: Translator) -> str:
    """ "120 KB", "3.4 MB" ("3,4 МБ"); empty when Telegram did not say."""
    if not size:
        return ""
    if size < 1024 * 1024:
        kilobytes = format_decimal(max(1, round(size / 1024)), locale=t.locale)
        return t.plain("material-size-kb", size=kilobytes)
    megabytes = format_decimal(round(size / (1024 * 1024), 1), locale=t.locale)
    return t.plain("material-size-mb", size=megabytes)


def open_button(material: Material, t: Translator) -> InlineKeyboardButton:
    """📎 Agenda (PDF): a tap sends the file."""
    data = MaterialCb(
        action=MaterialAction.OPEN, course_id=material.course_id, material_id=material.id
    )
    return InlineKeyboardButton(text=button_text(material, t), callback_data=data.pack())


def card_rows(
    course: Course, files: list[Material], t: Translator
) -> list[list[InlineKeyboardButton]]:
    """A participant's file buttons: up to CARD_FILES, then "All materials (5)"."""
    rows = [[open_button(material, t)] for material in files[:CARD_FILES]]
    if len(files) > CARD_FILES:
        data = MaterialCb(action=MaterialAction.ALL, course_id=course.id).pack()
        text = t.plain("button-materials-all", count=len(files))
        rows.append([InlineKeyboardButton(text=text, callback_data=data)])
    return rows


def with_file_rows(
    markup: InlineKeyboardMarkup, rows: list[list[InlineKeyboardButton]]
) -> InlineKeyboardMarkup:
    """The card's buttons with the file rows above its last row (‹ All courses)."""
    if not rows:
        return markup
    buttons = list(markup.inline_keyboard)
    return InlineKeyboardMarkup(inline_keyboard=[*buttons[:-1], *rows, *buttons[-1:]])
