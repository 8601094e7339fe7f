"""Callback data is user input with a 64-byte limit: the longest values must still fit."""

from __future__ import annotations

from bot.countries import COUNTRIES, TIMEZONE_CHOICES
from bot.ui.callbacks import (
    ConsentCb,
    CountryCb,
    ForgetCb,
    LanguageCb,
    MenuAction,
    MenuCb,
    ProfileAction,
    ProfileCb,
    StatsCb,
    TimezoneCb,
)
from storage.users import PROFILE_FIELDS


def test_every_callback_fits_telegrams_64_bytes():
    packed = [MenuCb(action=a).pack() for a in MenuAction]
    packed += [LanguageCb(code=c).pack() for c in ("en", "ru")]
    packed += [ConsentCb(agree=v).pack() for v in (True, False)]
    packed += [ProfileCb(action=a, field=f).pack() for a in ProfileAction for f in PROFILE_FIELDS]
    packed += [CountryCb(code=c.code, page=99).pack() for c in COUNTRIES]
    packed += [TimezoneCb(index=len(TIMEZONE_CHOICES)).pack(), ForgetCb(confirm=True).pack()]
    packed += [StatsCb().pack()]
    assert max(len(p.encode()) for p in packed) <= 64
    assert len(set(p.split(":")[0] for p in packed)) == 8  # prefixes are distinct per feature


def test_every_int_field_refuses_numbers_beyond_sqlite_integers():
    """Issue 11: `crs1:view:999…9:0` must not reach a query (OverflowError there)."""
    import pytest
    from aiogram.filters.callback_data import CallbackData

    from bot.ui import callbacks

    classes = [
        value
        for value in vars(callbacks).values()
        if isinstance(value, type)
        and issubclass(value, CallbackData)
        and value is not CallbackData
    ]
    checked = 0
    for cls in classes:
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
