"""What the creation dialog and the edit of a course field show alike: the question, the answer
it has now ("Now: 15.03.2027 09:00") and the answer buttons its text names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.course_dialog import Answer, Choice
from bot.services.course_fields import format_local_date, format_local_datetime
from bot.services.quotas import Quotas
from bot.ui.callbacks import CourseFormAction, CourseFormCb
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from storage.courses import SignupMode

# The edit of these fields cannot clear them, so their edit prompt does not offer Skip.
EDIT_WORDING = {
    "title_ru": "course-edit-ask-title_ru",
    "description_en": "course-edit-ask-description_en",
    "description_ru": "course-edit-ask-description_ru",
}


def answer_buttons(
    field: str, t: Translator, *, skip: bool, zones: Sequence[str] = ()
) -> InlineKeyboardBuilder:
    """The answers a field's question offers as buttons (Skip, No limit, Until the start, the
    languages, time zones), each on a row of its own; the dialog's shared row goes below."""
    kb = InlineKeyboardBuilder()

    def button(text: str, action: CourseFormAction, value: str = "") -> None:
        kb.button(text=text, callback_data=CourseFormCb(action=action, value=value))

    if skip:
        button(t.plain("button-skip"), CourseFormAction.SKIP)
    elif field == "timezone":
        for zone in dict.fromkeys(zones):  # the default zone and the current one, once each
            button(zone, CourseFormAction.DEFAULT, zone)
    elif field == "capacity":
        button(t.plain("button-unlimited"), CourseFormAction.DEFAULT)
    elif field == "deadline_at":
        button(t.plain("button-deadline-at-start"), CourseFormAction.DEFAULT)
    elif field == "language":
        for code in ("en", "ru"):
            button(t.plain(f"button-course-language-{code}"), CourseFormAction.LANGUAGE, code)
    elif field == "signup_mode":
        for mode in SignupMode:
            button(t.plain(f"button-signup-mode-{mode.value}"), CourseFormAction.MODE, mode.value)
    kb.adjust(2 if field == "language" else 1)
    return kb


def button_answer(field: str, callback_data: CourseFormCb, *, skip: bool) -> Answer:
    """What a button under the question about `field` answers; a button it does not offer
    (another question's, or forged) has expired."""
    action = callback_data.action
    if action == CourseFormAction.SKIP and skip:
        return Choice.SKIP
    if action == CourseFormAction.DEFAULT and field == "timezone" and callback_data.value:
        return callback_data.value  # checked like a typed zone
    if action == CourseFormAction.DEFAULT and field in ("capacity", "deadline_at"):
        return Choice.DEFAULT
    if action == CourseFormAction.LANGUAGE and field == "language":
        return callback_data.value
    if action == CourseFormAction.MODE and field == "signup_mode":
        return callback_data.value  # checked like a typed mode
    raise InvalidInput("error-button-expired")


def current_value(field: str, values: Mapping[str, Any], zone: str, t: Translator) -> str:
    """A field's answer as the organiser would type it (dates as 15.03.2027 09:00 in the
    course's zone); `values` are the course's columns."""
    if field == "place":
        # As the organiser would type it again: the venue, then the link on its own line.
        parts = (values.get("venue"), values.get("online_url"))
        return "\n".join(str(part) for part in parts if part) or "—"
    value = values.get(field)
    if field in ("signup_mode", "quotas", "quota_release_at"):
        return _seat_rule_value(field, value, zone, t)
    if field == "deadline_at" and value is not None and value == values.get("starts_at"):
        return t.plain("button-deadline-at-start")
    if isinstance(value, datetime):
        return format_local_datetime(value, zone)
    if field == "capacity":
        return str(value) if value else t.plain("button-unlimited")
    if field == "language" and value:
        return t.plain(f"language-name-{value}")
    if field == "reminder_offsets" and value is None:
        return t.plain("course-value-default-reminders")
    if field == "attendance_check_days" and value is None:
        return t.plain("course-value-no-attendance-check")
    if field == "followup":
        return f"{value}d" if value else t.plain("course-value-no-followup")
    if field == "certificate":
        return f"{value}%" if value else t.plain("course-certificate-all-days")
    if field == "certificate_language":
        return t.plain(f"course-certificate-language-{value or 'own'}")
    return "—" if value is None or value == "" else str(value)


def _seat_rule_value(field: str, value: Any, zone: str, t: Translator) -> str:
    """How seats are given, in words; the quotas as the form writes them; the release day as
    organisers type it (01.03.2027), in the course's zone."""
    if field == "signup_mode":
        return t.plain(f"button-signup-mode-{SignupMode(value or SignupMode.OPEN).value}")
    if field == "quotas":
        return Quotas.from_json(value).as_form() if value else t.plain("course-value-no-quotas")
    if value is None:
        return t.plain("course-value-never-released")
    return format_local_date(value, zone)
