"""aiogram FSM storage in SQLite, so a dialog left half-way survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, KeyBuilder, StateType
from aiogram.fsm.storage.base import StorageKey as FsmKey

from storage.database import Database, utcnow_iso


class SQLiteStorage(BaseStorage):
    """Dialog state and data per (chat, user), kept in the fsm_states table."""

    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self.db = db
        self.key_builder = key_builder or DefaultKeyBuilder(with_destiny=True)

    async def set_state(self, key: FsmKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self.db.write(
            "INSERT INTO fsm_states (storage_key, user_id, state, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (storage_key) DO UPDATE"
            " SET state = excluded.state, updated_at = excluded.updated_at",
            (self.key_builder.build(key), key.user_id, value, utcnow_iso()),
        )

    async def get_state(self, key: FsmKey) -> str | None:
        row = await self.db.fetch_one(
            "SELECT state FROM fsm_states WHERE storage_key = ?", (self.key_builder.build(key),)
        )
        return row["state"] if row else None

    async def set_data(self, key: FsmKey, data: Mapping[str, Any]) -> None:
        await self.db.write(
            "INSERT INTO fsm_states (storage_key, user_id, data, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (storage_key) DO UPDATE"
            " SET data = excluded.data, updated_at = excluded.updated_at",
            (self.key_builder.build(key), key.user_id, json.dumps(dict(data)), utcnow_iso()),
        )

    async def get_data(self, key: FsmKey) -> dict[str, Any]:
        row = await self.db.fetch_one(
            "SELECT data FROM fsm_states WHERE storage_key = ?", (self.key_builder.build(key),)
        )
        return dict(json.loads(row["data"])) if row else {}

    async def close(self) -> None:
        """The Database is closed by the application, not by the FSM."""
