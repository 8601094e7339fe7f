"""Countries of the WCO Europe region and the TRACECA corridor, with default time zones.

Names are localized in locales/*/countries.ftl under `country-<code>`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, lower case
    timezone: str  # the IANA zone of the capital: the default for a participant's profile
    traceca: bool = False  # member of the TRACECA corridor

    @property
    def name_key(self) -> str:
        return f"country-{self.code}"

    @property
    def capital_key(self) -> str:
        """Only for capitals a zone is not named after (locales/*/countries.ftl)."""
        return f"capital-{self.code}"


COUNTRIES: tuple[Country, ...] = (
    Country("al", "Europe/Tirane"),
    Country("ad", "Europe/Andorra"),
    Country("am", "Asia/Yerevan", traceca=True),
    Country("at", "Europe/Vienna"),
    Country("az", "Asia/Baku", traceca=True),
    Country("by", "Europe/Minsk"),
    Country("be", "Europe/Brussels"),
    Country("ba", "Europe/Sarajevo"),
    Country("bg", "Europe/Sofia", traceca=True),
    Country("hr", "Europe/Zagreb"),
    Country("cy", "Asia/Nicosia"),
    Country("cz", "Europe/Prague"),
    Country("dk", "Europe/Copenhagen"),
    Country("ee", "Europe/Tallinn"),
    Country("fi", "Europe/Helsinki"),
    Country("fr", "Europe/Paris"),
    Country("ge", "Asia/Tbilisi", traceca=True),
    Country("de", "Europe/Berlin"),
    Country("gr", "Europe/Athens"),
    Country("hu", "Europe/Budapest"),
    Country("is", "Atlantic/Reykjavik"),
    Country("ir", "Asia/Tehran", traceca=True),
    Country("ie", "Europe/Dublin"),
    Country("il", "Asia/Jerusalem"),
    Country("it", "Europe/Rome"),
    Country("kz", "Asia/Almaty", traceca=True),
    Country("kg", "Asia/Bishkek", traceca=True),
    Country("lv", "Europe/Riga"),
    Country("lt", "Europe/Vilnius"),
    Country("lu", "Europe/Luxembourg"),
    Country("mt", "Europe/Malta"),
    Country("md", "Europe/Chisinau", traceca=True),
    Country("me", "Europe/Podgorica"),
    Country("nl", "Europe/Amsterdam"),
    Country("mk", "Europe/Skopje"),
    Country("no", "Europe/Oslo"),
    Country("pl", "Europe/Warsaw"),
    Country("pt", "Europe/Lisbon"),
    Country("ro", "Europe/Bucharest", traceca=True),
    Country("ru", "Europe/Moscow"),
    Country("rs", "Europe/Belgrade"),
    Country("sk", "Europe/Bratislava"),
    Country("si", "Europe/Ljubljana"),
    Country("es", "Europe/Madrid"),
    Country("se", "Europe/Stockholm"),
    Country("ch", "Europe/Zurich"),
    Country("tj", "Asia/Dushanbe", traceca=True),
    Country("tr", "Europe/Istanbul", traceca=True),
    Country("tm", "Asia/Ashgabat", traceca=True),
    Country("ua", "Europe/Kyiv", traceca=True),
    Country("gb", "Europe/London"),
    Country("uz", "Asia/Tashkent", traceca=True),
)

BY_CODE: dict[str, Country] = {country.code: country for country in COUNTRIES}

# Zones offered when a participant changes their time zone: one per distinct offset in the
# region, named by cities people recognise (labels live in locales/*/profile.ftl as tz-<slug>).
TIMEZONE_CHOICES: tuple[str, ...] = (
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Brussels",
    "Europe/Berlin",
    "Europe/Kyiv",
    "Europe/Chisinau",
    "Europe/Bucharest",
    "Europe/Istanbul",
    "Europe/Minsk",
    "Europe/Moscow",
    "Asia/Tbilisi",
    "Asia/Baku",
    "Asia/Yerevan",
    "Asia/Tehran",
    "Asia/Tashkent",
    "Asia/Almaty",
    "Asia/Bishkek",
    "UTC",
)


# Zones named after a city in locales/*/timezones.ftl (`tz-city-<slug>` "Baku",
# `tz-time-<slug>` "Baku time"): officers read a zone by its city, never by its IANA id.
# Any other zone (an organiser may type any IANA id) is shown by its UTC offset alone.
NAMED_ZONES: frozenset[str] = frozenset(c.timezone for c in COUNTRIES) | frozenset(
    zone for zone in TIMEZONE_CHOICES if zone != "UTC"
)


def zone_slug(zone: str) -> str:
    """The part of a zone's message keys after `tz-`: Asia/Baku -> asia-baku."""
    return zone.lower().replace("/", "-").replace("_", "-")


def folded(name: str) -> str:
    """A place name as people compare and sort it: case, ё/е, accents ("Türkiye") and hyphens
    («Андорра-ла-Велья») make no difference."""
    letters = unicodedata.normalize("NFD", name.casefold().replace("ё", "е").replace("-", " "))
    return " ".join("".join(ch for ch in letters if not unicodedata.combining(ch)).split())


def country(code: str | None) -> Country | None:
    return BY_CODE.get(code or "")
