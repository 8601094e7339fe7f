"""Callback data is user input with a 64-byte limit: the longest values must still fit."""

from __future__ import annotations

from bot.countries import COUNTRIES, TIMEZONE_CHOICES
from handlers.callbacks import (
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
