"""Officers written straight into the bot's database file before it starts (e2e set-up)."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.registrations import RegistrationRepository
from storage.users import UserRepository


async def sign_up_officers(
    db: Database, course_id: int, officers: dict[int, tuple[str, str]], at: datetime
) -> None:
    """Uzbek officers {user id: (given name, language)} with a consented profile, signed up
    to the course at `at`."""
    users = UserRepository(db)
    for user_id, (name, language) in officers.items():
        await users.upsert_seen(user_id, language)
        await users.set_language(user_id, language)
        await users.record_consent(user_id)
        await users.set_profile_field(user_id, "full_name", f"{name} Karimova")
        await users.set_profile_field(user_id, "organisation", "State Customs Committee")
        await users.set_profile_field(user_id, "position", "Inspector")
        await users.set_country(user_id, "uz", "Asia/Tashkent")
        await RegistrationRepository(db).sign_up(course_id, user_id, at)
