"""Dialog state in SQLite: kept while a dialog runs (also across a restart), gone when it ends."""

from __future__ import annotations

import shutil

from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey

from storage.database import MIGRATIONS_DIR, Database
from storage.fsm import SQLiteStorage
from storage.users import UserRepository

BOT_ID = 7000000001
PERSON = 4242


class Form(StatesGroup):
    name = State()


def key(user_id: int = PERSON) -> StorageKey:
    return StorageKey(bot_id=BOT_ID, chat_id=user_id, user_id=user_id)


async def rows(db: Database) -> list[tuple[object, ...]]:
    found = await db.fetch_all(
        "SELECT user_id, state, data FROM fsm_states ORDER BY user_id, storage_key"
    )
    return [tuple(row) for row in found]


async def test_state_and_data_survive_a_restart(db):
    await UserRepository(db).upsert_seen(PERSON, "en")
    storage = SQLiteStorage(db)
    await storage.set_state(key(), Form.name)
    await storage.set_data(key(), {"mode": "wizard", "asked": [1, 2]})

    restarted = SQLiteStorage(db)  # a new process: nothing cached
    assert await restarted.get_state(key()) == "Form:name"
    assert await restarted.get_data(key()) == {"mode": "wizard", "asked": [1, 2]}


async def test_a_dialog_that_ends_leaves_no_row(db):
    """Issue 11: FSMContext.clear() (set_state(None), set_data({})) upserted a row that stayed
    for ever: the user id, '{}' and about when they finished a survey."""
    await UserRepository(db).upsert_seen(PERSON, "en")
    storage = SQLiteStorage(db)
    await storage.set_state(key(), Form.name)
    await storage.set_data(key(), {"mode": "wizard"})
    assert await rows(db) == [(PERSON, "Form:name", '{"mode": "wizard"}')]

    await storage.set_state(key(), None)  # FSMContext.clear(), first half
    assert await rows(db) == [(PERSON, None, '{"mode": "wizard"}')]
    await storage.set_data(key(), {})  # second half
    assert await rows(db) == []
    assert await storage.get_state(key()) is None and await storage.get_data(key()) == {}

    # Clearing when there is no dialog at all (/start, /cancel) writes nothing either.
    await storage.set_state(key(), None)
    await storage.set_data(key(), {})
    assert await rows(db) == []


async def test_no_dialog_is_stored_for_someone_without_a_user_row(db):
    """Issue 11: an update still running while its sender is forgotten must not leave a
    dialog behind for them."""
    storage = SQLiteStorage(db)
    await storage.set_state(key(), Form.name)
    await storage.set_data(key(), {"mode": "wizard"})
    assert await rows(db) == []
    assert await storage.get_state(key()) is None


async def test_deleting_a_user_deletes_their_dialog(db):
    users = UserRepository(db)
    await users.upsert_seen(PERSON, "en")
    await SQLiteStorage(db).set_state(key(), Form.name)
    await db.write("DELETE FROM users WHERE id = ?", (PERSON,))
    assert await rows(db) == []


async def test_migration_012_drops_rows_of_ended_dialogs_and_of_people_gone(tmp_path):
    """Issue 11: rows of ended dialogs and of people no longer in users were kept for ever."""
    before_012 = tmp_path / "migrations"
    before_012.mkdir()
    for path in MIGRATIONS_DIR.glob("*.sql"):
        if int(path.name[:3]) < 12:
            shutil.copy(path, before_012 / path.name)
    db = Database(tmp_path / "old.sqlite3")
    await db.connect()
    try:
        await db.migrate(before_012)
        await db.write(
            "INSERT INTO users (id, created_at, last_seen_at) VALUES (1, 'x', 'x'), (2, 'x', 'x')"
        )
        await db.write(
            "INSERT INTO fsm_states (storage_key, user_id, state, data, updated_at) VALUES"
            " ('k1', 1, 'Form:name', '{}', 'x'),"
            " ('k2', 2, NULL, '{}', 'x'),"
            " ('k3', 3, 'Form:name', '{\"a\": 1}', 'x'),"
            " ('k4', 1, NULL, '{\"open_course\": 5}', 'x')"
        )
        await db.migrate()
        assert await rows(db) == [(1, "Form:name", "{}"), (1, None, '{"open_course": 5}')]
        await db.write("DELETE FROM users WHERE id = 1")
        assert await rows(db) == []
    finally:
        await db.close()


async def test_a_write_that_changes_nothing_is_skipped(db, monkeypatch):
    """Issue 16: clear() with no dialog running, and set_state() with the state a dialog is
    already in (every survey question), each cost a database write that queued behind the
    others'."""
    await UserRepository(db).upsert_seen(PERSON, "en")
    storage = SQLiteStorage(db)
    writes: list[str] = []
    write = db.write

    async def counting(sql: str, params: object = ()) -> object:
        writes.append(sql.split()[0])
        return await write(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(db, "write", counting)
    await storage.set_state(key(), None)  # FSMContext.clear() with no dialog
    await storage.set_data(key(), {})
    assert writes == []

    await storage.set_state(key(), Form.name)
    await storage.set_data(key(), {"question": 1})
    await storage.set_state(key(), Form.name)  # the next question: same state
    await storage.set_data(key(), {"question": 1})  # nothing new
    assert writes == ["INSERT", "INSERT"]

    await storage.set_state(key(), None)
    await storage.set_data(key(), {})
    await storage.set_state(key(), None)  # cleared twice (a command after the dialog ended)
    await storage.set_data(key(), {})
    assert writes == ["INSERT", "INSERT", "INSERT", "DELETE"]
    assert await rows(db) == []


async def test_an_empty_row_left_by_an_older_version_is_deleted_by_clear(db):
    await UserRepository(db).upsert_seen(PERSON, "en")
    storage = SQLiteStorage(db)
    built = storage.key_builder.build(key())
    await db.write(
        "INSERT INTO fsm_states (storage_key, user_id, state, data, updated_at)"
        " VALUES (?, ?, NULL, '{}', '2026-01-01T00:00:00+00:00')",
        (built, PERSON),
    )
    await storage.set_state(key(), None)
    await storage.set_data(key(), {})
    assert await rows(db) == []
