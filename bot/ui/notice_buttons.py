"""The buttons under a notice the delivery worker sends, in the reader's language.

Services queue a notice with plain ids in its outbox payload (`course_action`, `survey_id`);
this turns them into buttons when the notice is sent, so the callback data format stays in
bot/ui and the services never build keyboards.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Localizations
from bot.ui.callbacks import (
    CertAction,
    CertCb,
    CourseAction,
    CourseCb,
    FocalAction,
    FocalCb,
    NomineeAction,
    NomineeCb,
    RequestAction,
    RequestCb,
    SurveyAction,
    SurveyCb,
)

# What a course notice offers, by its payload's `course_action.action`: under an attendance
# check Yes / No, under a reminder "Can't come? Cancel my place".
COURSE_CHOICES: dict[str, tuple[tuple[str, CourseAction], ...]] = {
    "attend": (
        ("button-still-coming", CourseAction.COMING),
        ("button-not-coming", CourseAction.NOT_COMING),
    ),
    "cancel": (("button-cancel-place", CourseAction.CANCEL),),
}

# The decisions on a request for a seat, under its notice and in the /requests inbox.
REQUEST_DECISIONS = (
    ("button-request-approve", RequestAction.APPROVE),
    ("button-request-decline", RequestAction.DECLINE),
    ("button-request-waitlist", RequestAction.LIST),
)


class NoticeButtons:
    def __init__(self, localizations: Localizations) -> None:
        self.localizations = localizations

    def open_course(self, course_id: int, locale: str) -> InlineKeyboardMarkup:
        """The button under an announcement that opens the course."""
        data = CourseCb(action=CourseAction.OPEN, course_id=course_id).pack()
        return self._row(locale, [("button-open-course", data)])

    def under(self, payload: Mapping[str, Any], locale: str) -> InlineKeyboardMarkup | None:
        """The buttons a notice's payload asks for; None for a notice without any."""
        decision = payload.get("buttons")
        if decision:
            return self._decision(decision, locale)
        if payload.get("survey_id"):
            data = SurveyCb(action=SurveyAction.START, survey_id=int(payload["survey_id"]))
            return self._row(locale, [("button-survey-start", data.pack())])
        action = payload.get("course_action")
        if not action:
            return None
        course_id = int(action["course_id"])
        choices = COURSE_CHOICES.get(str(action["action"]), COURSE_CHOICES["cancel"])
        return self._row(
            locale,
            [(key, CourseCb(action=a, course_id=course_id).pack()) for key, a in choices],
        )

    def _decision(self, spec: Mapping[str, Any], locale: str) -> InlineKeyboardMarkup | None:
        """Buttons for a decision someone is asked to take (see Notices.payload)."""
        kind = spec.get("kind")
        if kind == "request":
            rid = int(spec["registration_id"])
            decisions = [
                (key, RequestCb(action=action, registration_id=rid).pack())
                for key, action in REQUEST_DECISIONS
            ]
            # Approve · Decline, then the waiting list: three in a row are cut off on a phone.
            return self._rows(locale, [decisions[:2], decisions[2:]])
        if kind == "nominee":
            course_id = int(spec["course_id"])
            return self._rows(
                locale,
                [
                    [(key, NomineeCb(action=action, course_id=course_id).pack())]
                    for key, action in (
                        ("button-will-attend", NomineeAction.ATTEND),
                        ("button-cannot-attend", NomineeAction.CANNOT),
                    )
                ],
            )
        if kind == "nominate":
            data = FocalCb(
                action=FocalAction.NOMINATE,
                course_id=int(spec["course_id"]),
                officer_id=int(spec["officer_id"]),
            )
            return self._row(locale, [("button-nominate-officer", data.pack())])
        if kind == "latin_name":
            latin = CertCb(action=CertAction.LATIN_NAME).pack()
            return self._row(locale, [("button-certificate-latin-name", latin)])
        return None

    def _rows(self, locale: str, rows: list[list[tuple[str, str]]]) -> InlineKeyboardMarkup:
        """Rows of buttons: (label key, callback data)."""
        t = self.localizations.get(locale)
        return InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text=t(key), callback_data=data) for key, data in row]
                for row in rows
            ]
        )

    def _row(self, locale: str, buttons: list[tuple[str, str]]) -> InlineKeyboardMarkup:
        """One row of buttons: (label key, callback data)."""
        t = self.localizations.get(locale)
        return InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text=t(key), callback_data=data) for key, data in buttons]
            ]
        )
