"""Parsing and validating what organisers type for a course, field by field or in one message.

Every problem is a FieldProblem naming a Fluent key, so the dialog, the one-message form and the
edit flow all give the same localized explanation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from bot.config import parse_offsets
from bot.errors import InvalidInput
from bot.services.profiles import clean_text, find_zone
from bot.services.quotas import parse_quotas
from bot.ui.telegram_text import utf16_length
from storage.courses import FORM_KEY, FORM_KEYS, SignupMode

_Word = TypeVar("_Word")

TITLE_MAX = 200
DESCRIPTION_MAX = 2500  # the card must stay under Telegram's 4,096 characters
VENUE_MAX = 300
URL_MAX = 500  # a Teams invitation link runs to ~300; the card must still fit 4,096
CAPACITY_MAX = 10_000
# How organisers write a date and time: 15.03.2027 09:00 (as the prompts show it, in the
# Fluent text `datetime-format`), 2027-03-15 09:00, or ISO 8601 with a T; the hour may be 9.
_DOTTED_DATETIME = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2}):(\d{2})$")
_ISO_DATETIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UNLIMITED = {
    "",
    "-",
    "unlimited",
    "none",
    "no limit",
    "без ограничений",
    "без ограничения",
    "нет",
}
_ONLINE_LABELS = ("online:", "онлайн:")
_VENUE_LABELS = ("venue:", "место:")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_LINK_TRAILING = ".,;)»\"'"  # a link typed at the end of a sentence or in brackets
_BETWEEN_VENUE_AND_LINK = " ,;:|-–—"
_LANGUAGES = {
    "en": "en",
    "english": "en",
    "английский": "en",
    "ru": "ru",
    "russian": "ru",
    "русский": "ru",
}

# How organisers name a sign-up mode, in either language (and the words the buttons use).
_SIGNUP_MODES = {
    "open": SignupMode.OPEN,
    "открытая": SignupMode.OPEN,
    "открытый": SignupMode.OPEN,
    "свободная": SignupMode.OPEN,
    "свободный": SignupMode.OPEN,
    "approval": SignupMode.APPROVAL,
    "одобрение": SignupMode.APPROVAL,
    "по заявкам": SignupMode.APPROVAL,
    "по заявке": SignupMode.APPROVAL,
    "nomination": SignupMode.NOMINATION,
    "номинация": SignupMode.NOMINATION,
    "выдвижение": SignupMode.NOMINATION,
    # The buttons' words, typed.
    "open sign-up": SignupMode.OPEN,
    "свободная запись": SignupMode.OPEN,
    "organisers approve requests": SignupMode.APPROVAL,
    "по одобрению": SignupMode.APPROVAL,
    "focal points nominate": SignupMode.NOMINATION,
    "выдвижение координаторами": SignupMode.NOMINATION,
    "по выдвижению координаторов": SignupMode.NOMINATION,
    "по выдвижению": SignupMode.NOMINATION,
}
_NEVER = {"", "-", "—", "never", "none", "no", "нет", "никогда"}


class FieldProblem(Exception):
    """One thing to fix: `key` is a Fluent message (course-error-*), `values` its variables."""

    def __init__(
        self,
        field: str,
        key: str,
        values: dict[str, Any] | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(key)
        self.field = field
        self.key = key
        self.values = values or {}
        self.line = line


def parse_title(raw: str | None, name: str = "title_en") -> str:
    return _within(clean_text(raw), name, TITLE_MAX)


def parse_description(raw: str | None, name: str = "description_en") -> str:
    # Line breaks are kept: descriptions are often lists of topics.
    text = "\n".join(line.rstrip() for line in (raw or "").strip().splitlines())
    return _within(text, name, DESCRIPTION_MAX)


def _within(text: str, name: str, maximum: int) -> str:
    """`text` unless it is empty or longer than `maximum` (UTF-16 units, as Telegram counts)."""
    if not text:
        raise FieldProblem(name, "course-error-empty")
    if utf16_length(text) > maximum:
        raise FieldProblem(
            name, "course-error-too-long", {"max": maximum, "length": utf16_length(text)}
        )
    return text


def parse_timezone(raw: str | None) -> str:
    zone = find_zone(raw or "")
    if zone is None:
        raise FieldProblem("timezone", "course-error-timezone", {"value": clean_text(raw)})
    return zone


def parse_local_datetime(raw: str | None, zone: str, name: str) -> datetime:
    """`15.03.2027 09:00` (or `2027-03-15 09:00`) in the course's zone -> an aware UTC
    datetime."""
    text = clean_text(raw)
    if dotted := _DOTTED_DATETIME.match(text):
        day, month, year, hour, minute = (int(part) for part in dotted.groups())
        second = 0
    elif iso := _ISO_DATETIME.match(text):
        year, month, day, hour, minute, second = (int(part or 0) for part in iso.groups())
    else:
        raise FieldProblem(name, "course-error-datetime-format", {"value": text})
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=ZoneInfo(zone))
    except ValueError:
        raise FieldProblem(name, "course-error-no-such-date", {"value": text}) from None
    utc = local.astimezone(UTC)
    if utc.astimezone(ZoneInfo(zone)).replace(tzinfo=None) != local.replace(tzinfo=None):
        # Clocks jump over this wall time when summer time begins.
        raise FieldProblem(name, "course-error-no-such-time", {"value": text, "zone": zone})
    return utc


def format_local_datetime(moment: datetime, zone: str) -> str:
    """A moment as organisers type it (15.03.2027 09:00), in `zone`: what a prompt shows as
    the current value can be sent back as it is."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%d.%m.%Y %H:%M")


def format_local_date(moment: datetime, zone: str) -> str:
    """A day as organisers type it (01.03.2027), in `zone` (the quota release day)."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%d.%m.%Y")


def parse_place(raw: str | None) -> tuple[str | None, str | None]:
    """(venue, online_url): a venue, an online link, or both for a hybrid course, on two lines
    or on one ("Tashkent, Customs Academy; https://..."). A link is found wherever it is typed;
    a line labelled `online:` must be a link, one labelled `venue:` is read like any other."""
    venue_parts: list[str] = []
    links: list[str] = []
    for line in (raw or "").splitlines():
        text = clean_text(line)
        lowered = text.lower()
        online_label = next((p for p in _ONLINE_LABELS if lowered.startswith(p)), None)
        if online_label is not None:
            links.append(_parse_url(text[len(online_label) :].strip()))
            continue
        venue_label = next((p for p in _VENUE_LABELS if lowered.startswith(p)), "")
        text = text[len(venue_label) :]
        for match in _LINK.finditer(text):
            links.append(_parse_url(match[0].rstrip(_LINK_TRAILING)))
        venue_parts.append(_LINK.sub(" ", text))
    if len(links) > 1:
        raise FieldProblem("place", "course-error-place-two-links")
    # What people put between a venue and a link (", ", "; ", " - ", brackets) is not part
    # of either; what is left without a letter or digit was only such punctuation.
    parts = (clean_text(part).strip(_BETWEEN_VENUE_AND_LINK) for part in venue_parts)
    venue = ", ".join(part for part in parts if any(c.isalnum() for c in part)) or None
    url = links[0] if links else None
    if venue is None and url is None:
        raise FieldProblem("place", "course-error-empty")
    if venue is not None and utf16_length(venue) > VENUE_MAX:
        raise FieldProblem(
            "place", "course-error-too-long", {"max": VENUE_MAX, "length": utf16_length(venue)}
        )
    return venue, url


def _parse_url(text: str) -> str:
    url = text if "://" in text else f"https://{text}"
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        raise FieldProblem("place", "course-error-url", {"value": text})
    if utf16_length(url) > URL_MAX:
        raise FieldProblem(
            "place", "course-error-too-long", {"max": URL_MAX, "length": utf16_length(url)}
        )
    return url


def parse_capacity(raw: str | None) -> int | None:
    text = clean_text(raw).lower()
    if text in _UNLIMITED:
        return None
    if not re.fullmatch(r"[+-]?\d+", text):
        raise FieldProblem("capacity", "course-error-capacity", {"value": clean_text(raw)})
    value = int(text)
    if not 1 <= value <= CAPACITY_MAX:
        raise FieldProblem("capacity", "course-error-capacity", {"value": clean_text(raw)})
    return value


def _one_of(raw: str | None, words: Mapping[str, _Word], field: str, key: str) -> _Word:
    """What a word the organiser typed stands for (in either language), or `key`'s problem."""
    meaning = words.get(clean_text(raw).lower())
    if meaning is None:
        raise FieldProblem(field, key, {"value": clean_text(raw)})
    return meaning


def parse_language(raw: str | None) -> str:
    return _one_of(raw, _LANGUAGES, "language", "course-error-language")


def parse_reminders(raw: str | None) -> str | None:
    """This course's reminder offsets ("2d,1h"), or None for the bot's default."""
    text = clean_text(raw).lower()
    if text in _UNLIMITED or text in ("default", "по умолчанию"):
        return None
    try:
        offsets = parse_offsets(text)
    except ValueError:
        raise FieldProblem(
            "reminder_offsets", "course-error-reminders", {"value": clean_text(raw)}
        ) from None
    return ",".join(_offset_text(o) for o in offsets)


def _offset_text(offset: timedelta) -> str:
    if offset.days and not offset.seconds:
        return f"{offset.days}d"
    if offset.seconds % 3600 == 0 and not offset.days:
        return f"{offset.seconds // 3600}h"
    return f"{int(offset.total_seconds() // 60)}m"


ATTENDANCE_DEFAULT_DAYS = 3


def parse_attendance_check(raw: str | None) -> int | None:
    """Days before the start to ask "Are you still coming?"; None: no such question."""
    text = clean_text(raw).lower()
    if text in ("", "-", "off", "no", "нет", "выкл"):
        return None
    if text in ("on", "yes", "да", "вкл"):
        return ATTENDANCE_DEFAULT_DAYS
    if text.isdecimal() and 1 <= int(text) <= 60:  # not isdigit(): "²" fails int()
        return int(text)
    raise FieldProblem(
        "attendance_check_days", "course-error-attendance-check", {"value": clean_text(raw)}
    )


def check_times(
    starts_at: datetime,
    ends_at: datetime | None,
    deadline_at: datetime | None,
    now: datetime,
) -> list[FieldProblem]:
    """The rules between the times: future start, end after start, deadline not after start
    (an end or a deadline the creation dialog has not asked for yet is None)."""
    problems = []
    if starts_at <= now:
        problems.append(FieldProblem("starts_at", "course-error-start-past"))
    if ends_at is not None and ends_at <= starts_at:
        problems.append(FieldProblem("ends_at", "course-error-end-before-start"))
    if deadline_at is None:
        return problems
    if deadline_at > starts_at:
        problems.append(FieldProblem("deadline_at", "course-error-deadline-after-start"))
    elif deadline_at <= now and starts_at > now:
        problems.append(FieldProblem("deadline_at", "course-error-deadline-past"))
    return problems


def parse_signup_mode(raw: str | None) -> SignupMode:
    return _one_of(raw, _SIGNUP_MODES, "signup_mode", "course-error-signup-mode")


def parse_course_quotas(raw: str | None) -> str | None:
    """Seats per country as the course stores them (JSON), or None for no quotas."""
    text = clean_text(raw)
    if text.lower() in _NEVER:
        return None
    try:
        return parse_quotas(text).to_json()
    except InvalidInput as refused:
        raise FieldProblem("quotas", refused.key, refused.args_for_message) from None


def parse_quota_release(raw: str | None, zone: str, starts_at: datetime | None) -> datetime | None:
    """The day unused country seats are released (`2027-03-01` or `01.03.2027`): 00:00 of
    that day in the course's zone, as UTC; None: never. A day already past is allowed (the
    seats are released at once); a day after the start is not."""
    text = clean_text(raw)
    if text.lower() in _NEVER:
        return None
    if dotted := _DOTTED_DATE.match(text):
        day, month, year = (int(part) for part in dotted.groups())
    elif iso := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in iso.groups())
    else:
        raise FieldProblem("quota_release_at", "course-error-date-format", {"value": text})
    try:
        # Where the clocks jump over midnight, zoneinfo reads 00:00 as the jump's moment:
        # still the first moment of that day.
        released = datetime(year, month, day, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    except ValueError:
        raise FieldProblem(
            "quota_release_at", "course-error-no-such-date", {"value": text}
        ) from None
    check_quota_release(released, starts_at)
    return released


def check_quota_release(released: datetime | None, starts_at: datetime | None) -> None:
    """Seats still held back by quotas when the course starts would never be given: the
    release may be on the day of the start, not after it."""
    if released is not None and starts_at is not None and released > starts_at:
        raise FieldProblem("quota_release_at", "course-error-quota-release-after-start")


FOLLOWUP_MIN_DAYS = 7  # sooner is still the course-end feedback
FOLLOWUP_MAX_DAYS = 730  # two years: later nobody remembers the course
_FOLLOWUP = re.compile(r"^(\d{1,4})\s*(?:d|days?|д|дн|дня|дней|день)?\.?$")


def parse_followup(raw: str | None) -> int | None:
    """Days after the course end for the follow-up survey (`90d`, `90`); None: none."""
    text = clean_text(raw).lower()
    if text in _NEVER or text in ("off", "выкл"):
        return None
    match = _FOLLOWUP.match(text)
    if match is None:
        raise FieldProblem("followup", "course-error-followup", {"value": clean_text(raw)})
    days = int(match[1])
    if not FOLLOWUP_MIN_DAYS <= days <= FOLLOWUP_MAX_DAYS:
        raise FieldProblem(
            "followup",
            "course-error-followup-range",
            {"value": clean_text(raw), "min": FOLLOWUP_MIN_DAYS, "max": FOLLOWUP_MAX_DAYS},
        )
    return days


# -- certificates (issue 15) ------------------------------------------------------------------

HOURS_MAX = 1000
_ALL_DAYS_WORDS = {"", "-", "all", "all days", "100%", "все", "все дни"}
_CERTIFICATE_LANGUAGES = {
    "own": "own",
    "each": "own",
    "свой": "own",
    "свой язык": "own",
    "язык участника": "own",
    "bilingual": "bilingual",
    "en+ru": "bilingual",
    "en/ru": "bilingual",
    "двуязычный": "bilingual",
    "двуязычные": "bilingual",
}


def parse_certificate(raw: str | None) -> int | None:
    """The share of the course's days attended for a certificate: "80%" or "80" (1..100);
    None: all days."""
    text = clean_text(raw).lower()
    if text in _ALL_DAYS_WORDS:
        return None
    number = text.removesuffix("%").strip()
    if number.isdecimal() and 1 <= int(number) <= 100:
        return None if int(number) == 100 else int(number)
    raise FieldProblem("certificate", "course-error-certificate", {"value": clean_text(raw)})


def parse_certificate_language(raw: str | None) -> str:
    return _one_of(
        raw, _CERTIFICATE_LANGUAGES, "certificate_language", "course-error-certificate-language"
    )


def parse_hours(raw: str | None) -> int | None:
    """Training hours printed on certificates (1..1000); None: not printed."""
    text = clean_text(raw).lower()
    if text in _NEVER:
        return None
    number = text.removesuffix("h").removesuffix("ч").strip()
    if number.isdecimal() and 1 <= int(number) <= HOURS_MAX:
        return int(number)
    raise FieldProblem(
        "hours", "course-error-hours", {"value": clean_text(raw), "max": str(HOURS_MAX)}
    )


_CERTIFICATE_PARSERS = {
    "certificate": parse_certificate,
    "certificate_language": parse_certificate_language,
    "hours": parse_hours,
}


# -- one field at a time: the creation dialog and the edit flow --------------------------------

TIME_FIELDS = ("timezone", "starts_at", "ends_at", "deadline_at")


@dataclass(frozen=True)
class Times:
    """A course's zone and times as far as they are known: an edit knows them all, the
    creation dialog learns them one by one."""

    zone: str
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    deadline_at: datetime | None = None
    quota_release_at: datetime | None = None


def field_values(field: str, raw: str | None, known: Times, now: datetime) -> dict[str, Any]:
    """One field's new value, checked against the times around it: the columns to store.
    The one validation path for a dialog step and for an edit."""
    if field in TIME_FIELDS:
        return _time_values(field, raw, known, now)
    if field in ("title_en", "title_ru"):
        return {field: parse_title(raw, field)}
    if field in ("description_en", "description_ru"):
        return {field: parse_description(raw, field)}
    if field == "place":
        venue, url = parse_place(raw)
        return {"venue": venue, "online_url": url}
    if field == "capacity":
        return {"capacity": parse_capacity(raw)}
    if field == "language":
        return {"language": parse_language(raw)}
    if field == "reminder_offsets":
        return {"reminder_offsets": parse_reminders(raw)}
    if field == "attendance_check_days":
        return {"attendance_check_days": parse_attendance_check(raw)}
    if field == "signup_mode":
        return {"signup_mode": parse_signup_mode(raw)}
    if field == "quotas":
        return {"quotas": parse_course_quotas(raw)}
    if field == "quota_release_at":
        return {"quota_release_at": parse_quota_release(raw, known.zone, known.starts_at)}
    if field == "followup":
        return {"followup": parse_followup(raw)}
    if field in _CERTIFICATE_PARSERS:
        return {field: _CERTIFICATE_PARSERS[field](raw)}
    raise ValueError(f"not a course field: {field}")


def _time_values(field: str, raw: str | None, known: Times, now: datetime) -> dict[str, Any]:
    zone, starts, ends, deadline = known.zone, known.starts_at, known.ends_at, known.deadline_at
    values: dict[str, Any] = {}
    if field == "timezone":
        # Same wall-clock times, now read in the new zone: the organiser fixed the zone.
        new_zone = parse_timezone(raw)
        starts, ends, deadline = (
            None if moment is None else rezone(moment, zone, new_zone)
            for moment in (starts, ends, deadline)
        )
        values["timezone"] = zone = new_zone
        if known.quota_release_at is not None:
            # The release day stays the same day, now begun in the new zone.
            values["quota_release_at"] = rezone(known.quota_release_at, known.zone, new_zone)
    elif field == "starts_at":
        new_start = parse_local_datetime(raw, zone, "starts_at")
        if starts is not None:
            # The whole course moves: same length, and a deadline that was the start follows it.
            ends = None if ends is None else ends + (new_start - starts)
            if deadline == starts:
                deadline = new_start
        starts = new_start
    elif field == "ends_at":
        ends = parse_local_datetime(raw, zone, "ends_at")
    else:
        deadline = parse_local_datetime(raw, zone, "deadline_at")
    if starts is None:
        return values
    problems = check_times(starts, ends, deadline, now)
    if field != "starts_at" and starts == known.starts_at:
        problems = [p for p in problems if p.key != "course-error-start-past"]
    if problems:
        raise problems[0]
    if field == "starts_at":
        # A start moved before the day quotas are released would leave seats held back.
        try:
            check_quota_release(known.quota_release_at, starts)
        except FieldProblem as problem:
            problem.field = "starts_at"
            raise
    for name, moment in (("starts_at", starts), ("ends_at", ends), ("deadline_at", deadline)):
        if moment is not None:
            values[name] = moment
    return values


def rezone(moment: datetime, old_zone: str, new_zone: str) -> datetime:
    """The same wall-clock time, read in `new_zone` (the organiser corrected the zone)."""
    wall = moment.astimezone(ZoneInfo(old_zone)).replace(tzinfo=None)
    return wall.replace(tzinfo=ZoneInfo(new_zone)).astimezone(moment.tzinfo)


# -- the one-message form --------------------------------------------------------------------

_KEY_LINE = re.compile(r"^\s*([a-z][a-z_]*)\s*:\s?(.*)$")


@dataclass
class ParsedForm:
    values: dict[str, Any]
    problems: list[FieldProblem]


def _form_place(
    raw: dict[str, tuple[int, str]], take: Any, problems: list[FieldProblem]
) -> tuple[str | None, str | None] | None:
    """`venue:`, `online:` or both (a hybrid course): (venue, online_url), None on a problem."""
    if "venue" not in raw and "online" not in raw:
        problems.append(FieldProblem("venue", "course-error-missing", {"key": "venue / online"}))
        return None
    venue, venue_link = take("venue", lambda v: parse_place(f"venue: {v}")) or (None, None)
    _, url = take("online", lambda v: parse_place(f"online: {v}")) or (None, None)
    if venue_link is not None and url is not None:
        problems.append(
            FieldProblem("online", "course-error-place-two-links", line=raw["online"][0])
        )
        return None
    if any(p.field in ("venue", "online") for p in problems):
        return None
    return venue, url or venue_link


def _form_quotas(
    raw: dict[str, tuple[int, str]], take: Any, problems: list[FieldProblem], values: Any
) -> None:
    """`quota: 2` or `quotas: AZ 3, *: 1`: two names for one setting, so only one of them."""
    given = [key for key in ("quota", "quotas") if key in raw]
    if len(given) == 2:
        line = raw["quotas"][0]
        problems.append(
            FieldProblem("quotas", "course-error-duplicate-key", {"key": "quotas"}, line)
        )
        return
    if given:
        values["quotas"] = take(given[0], parse_course_quotas)


def parse_form(text: str, now: datetime, default_timezone: str) -> ParsedForm:
    """Parse `key: value` lines (a line without a lower-case key continues the previous value)."""
    raw: dict[str, tuple[int, str]] = {}
    problems: list[FieldProblem] = []
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY_LINE.match(line)
        if match:
            key, value = match[1], match[2]
            if key not in FORM_KEYS:
                problems.append(
                    FieldProblem(key, "course-error-unknown-key", {"key": key}, number)
                )
                current = None
                continue
            if key in raw:
                problems.append(
                    FieldProblem(key, "course-error-duplicate-key", {"key": key}, number)
                )
            raw[key] = (number, value)
            current = key
        elif current is not None and line.strip():
            number0, value = raw[current]
            raw[current] = (number0, f"{value}\n{line}")
        elif line.strip():
            problems.append(
                FieldProblem("", "course-error-stray-line", {"text": line[:40]}, number)
            )

    values: dict[str, Any] = {}

    def take(key: str, parse: Any, *args: Any) -> Any:
        if key not in raw:
            return None
        line, value = raw[key]
        try:
            return parse(value, *args)
        except FieldProblem as problem:
            problem.line = line
            problem.field = key
            problems.append(problem)
            return None

    for key in ("title_en", "title_ru"):
        if (value := take(key, parse_title, key)) is not None:
            values[key] = value
    for key in ("description_en", "description_ru"):
        if (value := take(key, parse_description, key)) is not None:
            values[key] = value
    if not any(key in values for key in ("title_en", "title_ru")) and not any(
        p.field.startswith("title") for p in problems
    ):
        problems.append(FieldProblem("title_en", "course-error-missing", {"key": "title_en"}))

    zone = take("timezone", lambda v: parse_timezone(v)) if "timezone" in raw else default_timezone
    values["timezone"] = zone or default_timezone
    starts = take("start", parse_local_datetime, values["timezone"], "start")
    ends = take("end", parse_local_datetime, values["timezone"], "end")
    deadline = take("deadline", parse_local_datetime, values["timezone"], "deadline")
    for key in ("start", "end"):
        if key not in raw:
            problems.append(FieldProblem(key, "course-error-missing", {"key": key}))
    place = _form_place(raw, take, problems)
    if place is not None:
        values["venue"], values["online_url"] = place
    if "capacity" in raw:
        capacity = take("capacity", parse_capacity)
        if not any(p.field == "capacity" for p in problems):
            values["capacity"] = capacity
    if "reminders" in raw:
        values["reminder_offsets"] = take("reminders", parse_reminders)
    if "attendance_check" in raw:
        values["attendance_check_days"] = take("attendance_check", parse_attendance_check)
    if "signup" in raw:
        values["signup_mode"] = take("signup", parse_signup_mode)
    _form_quotas(raw, take, problems, values)
    if "followup" in raw:
        values["followup"] = take("followup", parse_followup)
    for key, parse in _CERTIFICATE_PARSERS.items():
        if key in raw:
            values[key] = take(key, parse)
    values["language"] = take("language", parse_language) if "language" in raw else None
    if "language" not in raw:
        problems.append(FieldProblem("language", "course-error-missing", {"key": "language"}))

    if starts is not None and ends is not None:
        values["starts_at"], values["ends_at"] = starts, ends
        values["deadline_at"] = deadline or starts
        for problem in check_times(starts, ends, values["deadline_at"], now):
            key = FORM_KEY[problem.field]
            problem.field = key
            problem.line = raw[key][0] if key in raw else None
            problems.append(problem)
    if "quota_release" in raw:
        release = take("quota_release", parse_quota_release, values["timezone"], starts)
        if release is not None:
            values["quota_release_at"] = release
    problems.sort(key=lambda p: p.line or 0)
    return ParsedForm(values=values, problems=problems)
