"""Callback data is user input with a 64-byte limit: the longest values must still fit."""

from __future__ import annotations

import zoneinfo
from dataclasses import fields
from enum import Enum

import pytest
from aiogram.filters.callback_data import CallbackData

from bot.config import LOCALES
from bot.countries import COUNTRIES, TIMEZONE_CHOICES
from bot.services.announcements import COURSE_STATUSES
from bot.services.materials import Audience
from bot.ui import callbacks
from storage.courses import Course
from storage.materials import MaterialTiming
from storage.users import PROFILE_FIELDS

LONGEST_ID = 2**52  # Telegram ids fit in 52 bits; our own row ids stay far below
LONGEST_PAGE = 99_999  # a hundred thousand pages of five to ten items each
# The longest int of fields that hold no id.
LONGEST_INT = {"page": LONGEST_PAGE, "index": len(TIMEZONE_CHOICES)}
ID_TEXTS = (str(LONGEST_ID), str(-LONGEST_ID))  # forgotten people have negative ids
# Every value a text field of a button can carry (a new text field must be added here).
TEXT_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("LanguageCb", "code"): LOCALES,
    ("ProfileCb", "field"): PROFILE_FIELDS,
    ("CountryCb", "code"): tuple(country.code for country in COUNTRIES),
    # A course field to edit, or the participant whose attendance is toggled.
    ("AdminCourseCb", "arg"): (*(field.name for field in fields(Course)), *ID_TEXTS),
    # The default time zone or a course language.
    ("CourseFormCb", "value"): (*zoneinfo.available_timezones(), *LOCALES),
    # Ids, audiences (kinds, statuses, languages, countries), "none".
    ("AnnounceCb", "value"): (
        *ID_TEXTS,
        *COURSE_STATUSES,
        *LOCALES,
        *(country.code for country in COUNTRIES),
        "course",
        "language",
        "country",
        "none",
    ),
    # An invitation token (storage/focal_points.py: secrets.token_urlsafe(12), 16 characters).
    ("NomineeCb", "token"): ("A" * 16,),
    # A country code.
    ("FocalCb", "country"): tuple(country.code for country in COUNTRIES),
    ("FocalAdminCb", "country"): tuple(country.code for country in COUNTRIES),
    # Where a participant is moved.
    ("RosterCb", "arg"): ("confirmed", "waitlisted", "reserve"),
    # A course id, a mode, an audience, a question index.
    ("SurveyAdminCb", "arg"): (*ID_TEXTS, "anon", "named", "none", *COURSE_STATUSES, *LOCALES),
    # When a file is for (issue 15), or who receives the files after the course.
    ("MaterialCb", "arg"): (*(t.value for t in MaterialTiming), *(a.value for a in Audience)),
}


def callback_classes() -> list[type[CallbackData]]:
    """Every CallbackData class of bot/ui/callbacks.py, found rather than listed."""
    return [
        value
        for value in vars(callbacks).values()
        if isinstance(value, type)
        and issubclass(value, CallbackData)
        and value is not CallbackData
    ]


def longest_value(cls: type[CallbackData], name: str, annotation: object) -> object:
    """The longest legal value of one field, as far as packing goes."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return max(annotation, key=lambda member: len(str(member.value)))
    if annotation in (bool, "bool"):
        return True
    if annotation in (int, "int"):
        return LONGEST_INT.get(name, LONGEST_ID)
    values = TEXT_VALUES.get((cls.__name__, name))
    assert values, f"{cls.__name__}.{name}: add its legal values to TEXT_VALUES"
    return max(values, key=lambda value: len(value.encode()))


def longest_packing(cls: type[CallbackData]) -> str:
    values = {
        name: longest_value(cls, name, field.annotation)
        for name, field in cls.model_fields.items()
    }
    return cls(**values).pack()


def test_every_callback_fits_telegrams_64_bytes():
    classes = callback_classes()
    assert len(classes) >= 14
    for cls in classes:
        # aiogram refuses to pack more than 64 bytes: a class that can grow beyond fails here.
        assert len(longest_packing(cls).encode()) <= 64, cls.__name__
    prefixes = [cls.__prefix__ for cls in classes]
    assert len(set(prefixes)) == len(classes)  # prefixes are distinct per feature


def test_every_int_field_refuses_numbers_beyond_sqlite_integers():
    """Issue 11: `crs1:view:999…9:0` must not reach a query (OverflowError there)."""
    checked = 0
    for cls in callback_classes():
        for name, field in cls.model_fields.items():
            if field.annotation not in (int, "int"):
                continue
            parts = [
                "9" * 25 if other == name else _sample(cls.model_fields[other].annotation)
                for other in cls.model_fields
            ]
            with pytest.raises(ValueError, match="out of range"):
                cls.unpack(":".join([cls.__prefix__, *parts]))
            checked += 1
    assert checked >= 8  # course, admin, survey, country, time zone ... ids and pages


def _sample(annotation: object) -> str:
    """A valid encoded value for a field of this type."""
    if annotation in (bool, "bool"):
        return "0"
    if annotation in (int, "int"):
        return "1"
    members = getattr(annotation, "__members__", None)
    if members:
        return next(iter(members.values())).value
    return "x"
