"""What every repository is built over: an executor of parameterised SQL with a clock and the
shared row caches. The Database runs each statement on its own (autocommit, under the write
lock); a Transaction runs them on its open connection. Both implement `Executor`, so one
repository class serves both, and repositories never import storage/database.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from storage.cache import Cache

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Params = Sequence[Any] | dict[str, Any]
Row = TypeVar("Row", bound="DataclassInstance")


def to_db(moment: datetime) -> str:
    """An aware datetime as stored: UTC, ISO 8601, seconds, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every stored time must be aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def from_row(
    kind: type[Row], row: sqlite3.Row | Mapping[str, Any], /, **convert: Callable[[Any], Any]
) -> Row:
    """The dataclass `kind` from the columns named as its fields (other columns of the row
    are ignored), converting those in `convert` unless NULL."""
    values = {field.name: row[field.name] for field in fields(kind)}
    for name, to_type in convert.items():
        if values[name] is not None:
            values[name] = to_type(values[name])
    return kind(**values)


class Executor(Protocol):
    """Runs parameterised SQL (`?` or `:name` placeholders, never values in the text)."""

    @property
    def path(self) -> Path:
        """The database file (survey keys and the erasure list live beside it)."""
        ...

    def now(self) -> datetime:
        """The storage clock: every created_at, updated_at and the like comes from it."""
        ...

    def cache(self, name: str) -> Cache[Any, Any]:
        """The row cache `name`, shared by every repository of this database; inside a
        transaction a view that neither fills it nor trusts what the transaction wrote."""
        ...

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None: ...

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]: ...

    async def write(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """One write statement; its first RETURNING row, if any."""
        ...

    async def write_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """One write statement; every RETURNING row."""
        ...

    async def write_many(self, sql: str, rows: Sequence[Params]) -> None:
        """One statement for each parameter set, atomically (executemany)."""
        ...

    def atomic(self) -> AbstractAsyncContextManager[Executor]:
        """Several statements that commit together: a transaction of their own on the
        Database; inside a transaction they simply join it."""
        ...


def stamp(sql: Executor) -> str:
    """The storage clock's time as stored."""
    return to_db(sql.now())


class Repository:
    """A repository: its queries run on `sql`, the Database or a transaction."""

    def __init__(self, sql: Executor) -> None:
        self.sql = sql

    async def insert_returning(
        self, table: str, values: Mapping[str, Any], returning: str
    ) -> sqlite3.Row:
        """Insert one row and return its `returning` columns. The table and column names are
        the caller's fixed names, never input; the values are parameters (datetimes as
        stored)."""
        names = sorted(values)
        row = await self.sql.write(
            f"INSERT INTO {table} ({', '.join(names)})"  # noqa: S608 (fixed names)
            f" VALUES ({', '.join(':' + name for name in names)}) RETURNING {returning}",
            {name: to_db(v) if isinstance(v, datetime) else v for name, v in values.items()},
        )
        assert row is not None  # RETURNING always yields the inserted row
        return row
