"""Time-zone display helpers."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.clock import system_clock


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
