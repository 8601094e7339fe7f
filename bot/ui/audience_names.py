"""An audience in words, for the preview, the kept answer and /announcements:
"Kazakhstan, Uzbekistan and 2 more", "TRACECA countries", "participants of “…”"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.i18n import Html, Translator
from bot.ui.keyboards import countries_sorted

if TYPE_CHECKING:  # ui/ imports no service at run time; the chat and the dashboard pass it
    from bot.services.announcements import AnnouncementService

# Countries named before "and N more": two names fit a phone's line next to the rest.
NAMED_COUNTRIES = 2


async def audience_name(
    spec: dict[str, Any], t: Translator, announcements: AnnouncementService
) -> str:
    kind = spec.get("kind")
    if kind == "course":
        title = await announcements.course_title(int(spec["course_id"]), t.locale)
        status = t(f"announce-audience-status-{spec.get('status', 'all')}")
        return t("announce-audience-course", title=title or "…", status=status)
    if kind == "language":
        return t("announce-audience-language", language=t(f"language-name-{spec['language']}"))
    if kind == "traceca":
        return t("announce-audience-traceca")
    if kind == "country":  # one country, as stored before issue 13
        return countries_name([spec["country"]], t)
    if kind == "countries":
        return countries_name(list(spec["countries"]), t)
    return t("announce-audience-all")


def countries_name(codes: list[str], t: Translator) -> str:
    """In the order of the country keyboard (TRACECA first), the first few by name."""
    names = [name for code, name in countries_sorted(t) if code in codes]
    if len(names) == 1:
        return Html(names[0])
    if len(names) <= NAMED_COUNTRIES + 1:
        return t("announce-audience-countries", names=Html(", ".join(names[:-1])), last=names[-1])
    return t(
        "announce-audience-countries-more",
        names=Html(", ".join(names[:NAMED_COUNTRIES])),
        count=len(names) - NAMED_COUNTRIES,
    )
