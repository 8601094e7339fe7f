"""aiogram FSM storage in SQLite, so a dialog left half-way survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, KeyBuilder, StateType
from aiogram.fsm.storage.base import StorageKey as FsmKey

from storage.database import Database
from storage.sql import stamp

_CACHE_LIMIT = 50_000


class SQLiteStorage(BaseStorage):
    """Dialog state and data per (chat, user), kept in the fsm_states table.

    aiogram reads the state on every update; a write-through cache answers those reads
    without a database round trip (this process is the table's only writer).
    """

    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self.db = db
        self.key_builder = key_builder or DefaultKeyBuilder(with_destiny=True)
        self._cache: dict[str, tuple[str | None, dict[str, Any]]] = {}

    async def _load(self, key: str) -> tuple[str | None, dict[str, Any]]:
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        row = await self.db.fetch_one(
            "SELECT state, data FROM fsm_states WHERE storage_key = ?", (key,)
        )
        entry = (row["state"], dict(json.loads(row["data"]))) if row else (None, {})
        if row is not None and entry == (None, {}):
            # An empty row (kept by an older version): not cached as "no row", so the next
            # clear() deletes it.
            return entry
        self._remember(key, entry)
        return entry

    def _remember(self, key: str, entry: tuple[str | None, dict[str, Any]]) -> None:
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = entry

    async def set_state(self, key: FsmKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        built = self.key_builder.build(key)
        _, data = await self._load(built)
        await self._store(built, key.user_id, value, data)

    async def get_state(self, key: FsmKey) -> str | None:
        return (await self._load(self.key_builder.build(key)))[0]

    async def set_data(self, key: FsmKey, data: Mapping[str, Any]) -> None:
        built = self.key_builder.build(key)
        state, _ = await self._load(built)
        # A copy, so a handler mutating what it gave or got cannot change the stored state.
        await self._store(built, key.user_id, state, json.loads(json.dumps(dict(data))))

    async def get_data(self, key: FsmKey) -> dict[str, Any]:
        data = (await self._load(self.key_builder.build(key)))[1]
        return json.loads(json.dumps(data))  # type: ignore[no-any-return]

    async def _store(
        self, built: str, user_id: int, state: str | None, data: dict[str, Any]
    ) -> None:
        """Write one dialog whole: a row while it runs, none once it ended (no state, no
        data), so nothing of a finished dialog stays, not even when it ended.

        A write that would change nothing is skipped: every database write queues behind the
        others, and FSMContext.clear() when no dialog runs, or set_state() with the state a
        dialog is already in, would otherwise cost one each (issue 16)."""
        if self._cache.get(built) == (state, data):
            return  # what the cache holds is what the table holds (we are its only writer)
        if state is None and not data:
            await self.db.write("DELETE FROM fsm_states WHERE storage_key = ?", (built,))
            # No row now: remembered as such, so reading the state does not look again.
            self._remember(built, (None, {}))
            return
        # Only for someone the bot holds a row for: an update still running while its
        # sender was forgotten must not leave a dialog behind (the foreign key would refuse
        # the insert with an error; this skips it).
        stored = await self.db.write(
            "INSERT INTO fsm_states (storage_key, user_id, state, data, updated_at)"
            " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)"
            " ON CONFLICT (storage_key) DO UPDATE SET state = excluded.state,"
            " data = excluded.data, updated_at = excluded.updated_at"
            " RETURNING 1",
            (built, user_id, state, json.dumps(data), stamp(self.db), user_id),
        )
        if stored is None:
            self._cache.pop(built, None)
        else:
            self._remember(built, (state, data))

    def forget_user(self, user_id: int) -> None:
        """Drop cached dialogs of a user whose rows were deleted (/forget)."""
        for key in [k for k in self._cache if f":{user_id}:" in k]:
            del self._cache[key]

    async def close(self) -> None:
        """The Database is closed by the application, not by the FSM."""
