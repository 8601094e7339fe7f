"""Profile service over a real SQLite file."""

from __future__ import annotations

import pytest

from bot.app import create_services
from bot.countries import COUNTRIES, TIMEZONE_CHOICES
from bot.errors import ConsentRequired, InvalidInput
from bot.services.profiles import match_name
from storage.users import UserRepository


@pytest.fixture
async def profiles(db, localizations):
    service = create_services(db, localizations).profiles
    await service.seen(42, "en", talking=True, starting=True)
    return service


async def test_nothing_is_stored_before_consent(profiles):
    with pytest.raises(ConsentRequired):
        await profiles.set_full_name(42, "Ana Popescu")
    assert (await profiles.get(42)).full_name is None


async def test_fields_are_validated_and_cleaned(profiles):
    await profiles.give_consent(42)
    await profiles.set_full_name(42, "  Ana \n Popescu ")
    assert (await profiles.get(42)).full_name == "Ana Popescu"
    for bad in ("", "A", "1234", "x" * 101):
        with pytest.raises(InvalidInput):
            await profiles.set_full_name(42, bad)
    for bad in ("ana@", "ana popescu@customs.ro", "@customs.ro", "ana@customs"):
        with pytest.raises(InvalidInput):
            await profiles.set_email(42, bad)
    await profiles.set_email(42, "ana.popescu@customs.ro")
    await profiles.set_email(42, None)
    assert (await profiles.get(42)).email is None


async def test_time_zone_follows_the_country_unless_chosen_by_the_user(profiles):
    await profiles.give_consent(42)
    await profiles.set_country(42, "ro")
    assert (await profiles.get(42)).timezone == "Europe/Bucharest"
    await profiles.set_country(42, "md")
    assert (await profiles.get(42)).timezone == "Europe/Chisinau"
    await profiles.set_timezone(42, "asia/baku")
    await profiles.set_country(42, "ge")
    assert (await profiles.get(42)).timezone == "Asia/Baku"
    with pytest.raises(InvalidInput):
        await profiles.set_timezone(42, "Mars/Olympus")
    with pytest.raises(InvalidInput):
        await profiles.set_country(42, "xx")


async def test_the_upsert_keeps_the_choice_and_reactivates(profiles, db):
    await profiles.set_language(42, "ru")
    await UserRepository(db).set_active(42, False)
    user = await profiles.seen(42, "en", talking=True, starting=False)
    assert user is not None
    assert (user.language, user.is_active) == ("ru", True)


async def test_forget_removes_every_personal_field(profiles, db):
    await profiles.give_consent(42)
    await profiles.set_full_name(42, "Ana Popescu")
    await profiles.forget(42)
    assert await UserRepository(db).get(42) is None
    assert (await db.fetch_one("SELECT COUNT(*) FROM users"))[0] == 0


async def test_many_users_are_read_at_once_and_unknown_ids_are_left_out(profiles, db):
    users = UserRepository(db)
    for user_id in (42, 43):
        await users.upsert_seen(user_id, "en")
    found = await users.many([43, 42, 99, 42])
    assert found == {42: await users.get(42), 43: await users.get(43)}


def test_country_names_match_in_either_language():
    names = {"Georgia": "ge", "Грузия": "ge", "Germany": "de", "Германия": "de"}
    assert match_name("грузия", names) == "ge"
    assert match_name("Georg", names) == "ge"
    assert match_name("Ge", names) is None  # ambiguous
    assert match_name("Atlantis", names) is None


def test_every_country_and_offered_zone_is_a_real_iana_zone():
    from zoneinfo import ZoneInfo

    for zone in [c.timezone for c in COUNTRIES] + list(TIMEZONE_CHOICES):
        ZoneInfo(zone)
    assert sum(c.traceca for c in COUNTRIES) == 14


async def test_username_is_kept_only_after_consent_and_cleared_when_removed(profiles, db):
    """Issue 14: focal points are appointed by @username, but before consent a row holds the
    id and the language only."""
    users = UserRepository(db)
    user = await profiles.seen(42, "en", talking=True, starting=True, username="nodira")
    assert user is not None and user.username is None
    assert await users.by_username("@nodira") is None
    await profiles.give_consent(42)
    user = await profiles.seen(42, "en", talking=True, starting=False, username="Nodira")
    assert user is not None and user.username == "Nodira"
    found = await users.by_username("@NODIRA")
    assert found is not None and found.id == 42
    # Removed in Telegram: the next update clears it, even within the cached minute.
    user = await profiles.seen(42, "en", talking=True, starting=False, username=None)
    assert user is not None and user.username is None
    assert await users.by_username("nodira") is None
