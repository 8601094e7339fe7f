"""Participants' profiles: consent, validated fields, language, and deletion on request."""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from bot.clock import Clock
from bot.config import LOCALES
from bot.countries import BY_CODE, folded
from bot.errors import ConsentRequired, InvalidInput, NotFound, ProfileMissing
from bot.services.signups import SignupService
from storage.database import Database
from storage.erasure import ErasureLog, forget_user
from storage.users import User

NAME_LIMITS = (3, 100)
ORGANISATION_LIMITS = (2, 150)
POSITION_LIMITS = (2, 100)
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$")
_SPACES = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """Collapse white space; Telegram clients sometimes add trailing newlines or NBSPs."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


@dataclass(frozen=True)
class UserStats:
    """How many people use the bot (for the organisers' /stats)."""

    total: int
    active: int
    complete: int  # with a complete profile
    by_language: dict[str | None, int]  # active users; None: no language chosen
    by_country: dict[str | None, int]  # active users; None: no country given


class ProfileService:
    def __init__(
        self,
        db: Database,
        signups: SignupService,
        erasures: ErasureLog,
        clock: Clock,
        forgotten: Iterable[Callable[[int], None]] = (),
    ) -> None:
        self.db = db
        self.repos = db.repos
        self.signups = signups
        self.erasures = erasures
        self.clock = clock
        # Called with the id after an erasure: caches elsewhere that may still hold the person
        # (rows naming them as creator, their cached dialog state).
        self.forgotten: list[Callable[[int], None]] = list(forgotten)

    async def seen(
        self,
        user_id: int,
        telegram_language: str | None,
        *,
        talking: bool,
        starting: bool,
        username: str | None = None,
    ) -> User | None:
        """The sender's row, refreshed; None when the bot holds none.

        A row is created only for someone talking to the bot (a message or a button, not a
        block or unblock), and for someone who asked to be forgotten only by /start: nothing
        else brings a forgotten person back. `username`: the update's @username, kept only
        once the person has consented.
        """
        user = await self.repos.users.touch(user_id, telegram_language, username)
        if user is None and talking and (starting or user_id not in self.erasures):
            user = await self.repos.users.upsert_seen(user_id, telegram_language)
        return user

    async def get(self, user_id: int) -> User:
        user = await self.repos.users.get(user_id)
        if user is None:
            raise NotFound()
        return user

    async def set_language(self, user_id: int, language: str) -> None:
        if language not in LOCALES:
            raise InvalidInput("error-unknown-language")
        await self.repos.users.set_language(user_id, language)

    async def give_consent(self, user_id: int) -> User:
        await self.repos.users.record_consent(user_id)
        return await self.get(user_id)

    async def _consented(self, user_id: int) -> None:
        if not (await self.get(user_id)).has_consented:
            raise ConsentRequired()

    async def set_full_name(self, user_id: int, text: str | None) -> None:
        name = clean_text(text)
        low, high = NAME_LIMITS
        if not low <= len(name) <= high or not any(ch.isalpha() for ch in name):
            raise InvalidInput("profile-error-name", min=low, max=high)
        await self._consented(user_id)
        await self.repos.users.set_profile_field(user_id, "full_name", name)

    async def set_country(self, user_id: int, code: str) -> None:
        country = BY_CODE.get(code)
        if country is None:
            raise InvalidInput("profile-error-country")
        user = await self.get(user_id)
        if not user.has_consented:
            raise ConsentRequired()
        # The zone follows the country unless the user picked one other than the old default.
        old = BY_CODE.get(user.country or "")
        keep_zone = user.timezone and user.timezone != (old.timezone if old else None)
        await self.repos.users.set_country(
            user_id, country.code, user.timezone if keep_zone else country.timezone
        )

    async def set_organisation(self, user_id: int, text: str | None) -> None:
        await self._set_text(user_id, "organisation", text, ORGANISATION_LIMITS)

    async def set_position(self, user_id: int, text: str | None) -> None:
        await self._set_text(user_id, "position", text, POSITION_LIMITS)

    async def _set_text(
        self, user_id: int, field: str, text: str | None, limits: tuple[int, int]
    ) -> None:
        value = clean_text(text)
        low, high = limits
        if not low <= len(value) <= high:
            raise InvalidInput(f"profile-error-{field}", min=low, max=high)
        await self._consented(user_id)
        await self.repos.users.set_profile_field(user_id, field, value)

    async def set_email(self, user_id: int, text: str | None) -> None:
        """Set the e-mail address, or clear it when text is None (the field is optional)."""
        value = clean_text(text) if text is not None else None
        if value is not None and (len(value) > 254 or not _EMAIL.match(value)):
            raise InvalidInput("profile-error-email")
        await self._consented(user_id)
        await self.repos.users.set_profile_field(user_id, "email", value)

    async def set_typed(self, user_id: int, field: str, text: str | None) -> None:
        """An answer typed in the profile dialog, for the field being asked."""
        setters = {
            "full_name": self.set_full_name,
            "organisation": self.set_organisation,
            "position": self.set_position,
            "email": self.set_email,
        }
        if field == "timezone":
            await self.set_timezone(user_id, text or "")
        else:
            await setters[field](user_id, text)

    async def set_timezone(self, user_id: int, name: str) -> None:
        zone = find_zone(name)
        if zone is None:
            raise InvalidInput("profile-error-timezone")
        await self._consented(user_id)
        await self.repos.users.set_profile_field(user_id, "timezone", zone)

    async def set_active(self, user_id: int, active: bool) -> None:
        """Blocking the bot leaves the person out of later mailings until they write again."""
        await self.repos.users.set_active(user_id, active)

    async def stats(self) -> UserStats:
        total, active, complete = await self.repos.users.counts()
        return UserStats(
            total,
            active,
            complete,
            by_language=await self.repos.users.count_by("language"),
            by_country=await self.repos.users.count_by("country"),
        )

    # -- finding people (organisers adding someone by hand) ---------------------------------

    async def with_profile(self, user_id: int) -> User:
        """Someone who has given consent to a profile; ProfileMissing otherwise."""
        person = await self.repos.users.get(user_id)
        if person is None or not person.has_consented:
            raise ProfileMissing()
        return person

    async def by_username(self, username: str) -> User | None:
        return await self.repos.users.by_username(username)

    async def with_profile_named(self, username: str) -> User:
        """Someone with a profile, by the @username an organiser typed; ProfileMissing when
        nobody with a profile has it."""
        person = await self.by_username(username)
        if person is None or not person.has_consented:
            raise ProfileMissing()
        return person

    async def with_profile_in(self, country: str) -> list[User]:
        return await self.repos.users.with_profile_in(country)

    async def profile_countries(self) -> list[str]:
        """Countries someone using the bot has given as theirs."""
        return [code for code in await self.repos.users.count_by("country") if code]

    async def forget(self, user_id: int) -> None:
        """Delete everything personal about the user (GDPR-style erasure)."""
        # Seats are given up properly first, so the waiting lists move on.
        await self.signups.withdraw_everywhere(user_id)
        # Listed first: if the bot stops before the database forgets, start-up finishes it.
        await asyncio.to_thread(self.erasures.record, user_id, self.clock())
        await forget_user(self.db, user_id)
        for drop_cache in self.forgotten:
            drop_cache(user_id)


@cache
def _zones_by_folded_name() -> dict[str, str]:
    """IANA zone names by their case-folded form, so `asia/baku` is understood too."""
    return {zone.casefold(): zone for zone in available_timezones()}


def find_zone(text: str | None, places: Mapping[str, str] | None = None) -> str | None:
    """The IANA zone the user typed: an IANA id whatever its case (`asia/baku`, for organisers
    and anyone who knows them), or a place in `places` (a city's or country's name in any
    language -> its zone, see `match_name`); None when it is neither."""
    typed = clean_text(text)
    zone = _zones_by_folded_name().get(typed.casefold().replace(" ", "_"))
    if zone is None and places:
        zone = match_name(typed, places)
    return zone


def match_name(text: str | None, names: Mapping[str, str]) -> str | None:
    """The value (a country code, a zone) whose name in any language the user typed: the one
    named exactly, else the only one whose name starts with the text; None if not exactly one."""
    typed = folded(clean_text(text))
    if len(typed) < 2:
        return None
    exact = {value for name, value in names.items() if folded(name) == typed}
    if len(exact) == 1:
        return exact.pop()
    prefix = {value for name, value in names.items() if folded(name).startswith(typed)}
    return prefix.pop() if len(prefix) == 1 else None
