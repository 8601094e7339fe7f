"""The unit of work: `async with db.transaction() as tx` and the shared row caches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from storage.courses import Course, CourseStatus
from storage.database import Database
from storage.repositories import Repositories

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


class Abort(Exception):
    pass


async def course(repos: Repositories, title: str = "Transit") -> Course:
    return await repos.courses.create(
        {
            "title_en": title,
            "title_ru": title,
            "starts_at": NOW + timedelta(days=10),
            "ends_at": NOW + timedelta(days=10, hours=8),
            "deadline_at": NOW + timedelta(days=9),
            "timezone": "Europe/Chisinau",
            "venue": "Chisinau",
            "capacity": 2,
            "language": "en",
        },
        created_by=None,
    )


async def stored_title(db: Database, course_id: int) -> str | None:
    row = await db.fetch_one("SELECT title_en FROM courses WHERE id = ?", (course_id,))
    return row[0] if row else None


async def test_a_rolled_back_transaction_leaves_neither_its_rows_nor_a_stale_cache(db):
    kept = await course(db.repos, "Before")
    created: list[int] = []
    with pytest.raises(Abort):
        async with db.transaction() as tx:
            await tx.courses.update(kept.id, {"title_en": "After"}, bump_revision=True)
            created.append((await course(tx)).id)
            await tx.outbox.add(1, "test", {"text": {"en": "hello"}})
            # A read outside the transaction on the shared connection sees the uncommitted
            # row (and may cache it): the end of the transaction must drop it again.
            assert (await db.repos.courses.get(kept.id)).title_en == "After"
            raise Abort()
    assert await stored_title(db, kept.id) == "Before"
    assert (await db.repos.courses.get(kept.id)).title_en == "Before"
    assert await db.repos.courses.get(created[0]) is None
    assert await db.fetch_all("SELECT * FROM outbox") == []


async def test_a_committed_transaction_drops_what_it_wrote_from_the_shared_cache(db):
    item = await course(db.repos, "Before")
    await db.repos.courses.get(item.id)
    async with db.transaction() as tx:
        await tx.courses.set_status(item.id, CourseStatus.PUBLISHED)
    assert (await db.repos.courses.get(item.id)).status == CourseStatus.PUBLISHED


async def test_transaction_repositories_see_their_own_writes(db):
    item = await course(db.repos, "Before")
    await db.repos.courses.get(item.id)  # the committed row is in the shared cache
    async with db.transaction() as tx:
        assert (await tx.courses.get(item.id)).title_en == "Before"
        await tx.courses.update(item.id, {"title_en": "After"}, bump_revision=False)
        assert (await tx.courses.get(item.id)).title_en == "After"
        await tx.users.upsert_seen(5, "en")
        await tx.users.record_consent(5)
        assert (await tx.users.get(5)).has_consented
        await tx.courses.set_status(item.id, CourseStatus.PUBLISHED)
        seats = await tx.registrations.sign_up(item.id, 5, NOW)
        assert seats is not None and seats.confirmed == 1
        assert await tx.registrations.cancel(item.id, 5, NOW) == "confirmed"


async def test_reads_inside_a_transaction_do_not_fill_the_shared_cache(db):
    item = await course(db.repos)
    announcement = await db.repos.announcements.create(
        {"created_by": 1, "text_en": "News", "audience": '{"kind": "all"}'}
    )
    async with db.transaction() as tx:
        assert await tx.courses.get(item.id) is not None
        assert await tx.announcements.get(announcement.id) is not None
        assert db.shared_cache("courses").get(item.id) is None
        assert db.shared_cache("announcements").get(announcement.id) is None
    assert db.shared_cache("courses").get(item.id) is None
    await db.repos.courses.get(item.id)
    assert db.shared_cache("courses").get(item.id) is not None


async def test_a_transaction_cannot_be_used_after_it_ended(db):
    async with db.transaction() as tx:
        pass
    with pytest.raises(RuntimeError):
        await tx.fetch_one("SELECT 1")


async def test_stored_times_come_from_the_storage_clock(tmp_path):
    clock = ManualClock(NOW)
    async with Database(tmp_path / "bot.sqlite3", clock=clock) as db:
        item = await course(db.repos)
        assert item.created_at == "2027-03-01T09:00:00+00:00"
        clock.move(timedelta(hours=1))
        async with db.transaction() as tx:
            await tx.courses.update(item.id, {"capacity": 3}, bump_revision=False)
        assert (await db.repos.courses.get(item.id)).updated_at == "2027-03-01T10:00:00+00:00"


async def test_writing_through_the_database_inside_its_transaction_fails_instead_of_hanging(db):
    item = await course(db.repos)
    with pytest.raises(RuntimeError, match=r"inside db\.transaction"):
        async with db.transaction():
            await db.repos.courses.set_status(item.id, CourseStatus.PUBLISHED)
    assert (await db.repos.courses.get(item.id)).status == CourseStatus.DRAFT
