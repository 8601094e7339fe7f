"""Time-zone display helpers: officers read a zone by its city and UTC offset, never by its
IANA id ("09:00 Baku time (UTC+4)"); zones we have no city for show their offset alone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.clock import system_clock
from bot.countries import NAMED_ZONES, zone_slug
from bot.i18n import Translator


def utc_offset(zone: str, at: datetime | None = None) -> str:
    """The zone's offset at `at` (default: now) as people write it: UTC+4, UTC+3:30, UTC."""
    moment = (at or system_clock()).astimezone(ZoneInfo(zone))
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_time(zone: str, t: Translator, at: datetime | None = None) -> str:
    """The zone after a time: "Baku time (UTC+4)", or "(UTC+4)" for a zone without a city."""
    offset = utc_offset(zone, at)
    if zone in NAMED_ZONES:
        return t("tz-time-with-offset", city_time=t(f"tz-time-{zone_slug(zone)}"), offset=offset)
    return t("tz-offset-only", offset=offset)


def zone_name(zone: str, t: Translator, at: datetime | None = None) -> str:
    """The zone on its own (a profile's): "Baku (UTC+4)", or "UTC+4" for one without a city."""
    offset = utc_offset(zone, at)
    if zone in NAMED_ZONES:
        return t("tz-with-offset", city=t(f"tz-city-{zone_slug(zone)}"), offset=offset)
    return offset
