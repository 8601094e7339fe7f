"""Seats per country on a course: `quota: 2` (every country) or `quotas: AZ 3, GE 2, *: 1`.

Stored on the course as JSON ({"az": 3, "ge": 2, "*": 1}); "*" stands for every country not
named. A country without a limit (no "*" and not named) is not held back by quotas at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.countries import BY_CODE
from bot.errors import InvalidInput
from storage.registrations import Counts

EVERY_OTHER = "*"
_ENTRY = re.compile(r"^\s*([A-Za-z]{2}|\*)\s*[:=]?\s*(\d{1,4})\s*$")


@dataclass(frozen=True)
class Quotas:
    seats: Mapping[str, int] = field(default_factory=dict)

    def limit(self, country: str | None) -> int | None:
        """The seats `country` may hold; None: no limit for it."""
        if country and country in self.seats:
            return self.seats[country]
        return self.seats.get(EVERY_OTHER)

    def __bool__(self) -> bool:
        return bool(self.seats)

    def to_json(self) -> str | None:
        return json.dumps(dict(self.seats), sort_keys=True) if self.seats else None

    @classmethod
    def from_json(cls, text: str | None) -> Quotas:
        return cls(json.loads(text)) if text else cls()

    @classmethod
    def every_country(cls, seats: int) -> Quotas:
        return cls({EVERY_OTHER: seats})

    def named(self) -> list[tuple[str, int]]:
        """The countries named, in code order, then "*" last: how the form writes them."""
        named = sorted((code, n) for code, n in self.seats.items() if code != EVERY_OTHER)
        if EVERY_OTHER in self.seats:
            named.append((EVERY_OTHER, self.seats[EVERY_OTHER]))
        return named

    def as_form(self) -> str:
        """`AZ 3, GE 2, *: 1` (or just `2` when one number is for every country)."""
        if set(self.seats) == {EVERY_OTHER}:
            return str(self.seats[EVERY_OTHER])
        return ", ".join(
            f"*: {n}" if code == EVERY_OTHER else f"{code.upper()} {n}" for code, n in self.named()
        )


def parse_quotas(text: str) -> Quotas:
    """`2`, `AZ 3, GE 2, KZ 2, *: 1` or `-`/empty (no quotas). Raises InvalidInput naming the
    entry to fix."""
    text = text.strip()
    if text in ("", "-", "—"):
        return Quotas()
    if text.isdecimal():  # not isdigit(): "²" passes it and fails int()
        seats = int(text)
        if seats < 1:
            raise InvalidInput("course-error-quota-number", entry=text)
        return Quotas.every_country(seats)
    seats_by: dict[str, int] = {}
    for entry in re.split(r"[,;\n]", text):
        if not entry.strip():
            continue
        match = _ENTRY.match(entry)
        if match is None:
            raise InvalidInput("course-error-quota-entry", entry=entry.strip())
        code, number = match.group(1).lower(), int(match.group(2))
        if code != EVERY_OTHER and code not in BY_CODE:
            raise InvalidInput("course-error-quota-country", entry=entry.strip())
        if number < 1:
            raise InvalidInput("course-error-quota-number", entry=entry.strip())
        if code in seats_by:
            raise InvalidInput("course-error-quota-twice", entry=entry.strip())
        seats_by[code] = number
    return Quotas(seats_by)


@dataclass(frozen=True)
class CountryUse:
    """One country's part of a course: its quota (None: no limit) and how it is used."""

    country: str  # lower-case code; "" for sign-ups without a country
    quota: int | None
    held: int  # seats held: confirmed, or nominated and not yet answered
    reserve: int
    requests: int
    waitlisted: int


def country_use(quotas: Quotas, by_country: Mapping[str, Counts]) -> list[CountryUse]:
    """Every country the quotas name or that holds, asks for or is in reserve for a seat:
    what the participants screen, the export and /stats show of the quotas."""
    named = {code for code in quotas.seats if code != EVERY_OTHER}
    uses = []
    for code in sorted(named | set(by_country)):
        counts = by_country.get(code, Counts(0, 0, 0, 0))
        use = CountryUse(
            country=code,
            quota=quotas.limit(code) if code else None,
            held=counts.confirmed + counts.nominated,
            reserve=counts.reserve,
            requests=counts.pending,
            waitlisted=counts.waitlisted,
        )
        # The waiting list is one for the course, not a country's: it alone lists nobody.
        if code in named or use.held or use.reserve or use.requests:
            uses.append(use)
    return uses
