"""Row caches for rows read on every update and written rarely (courses, announcements,
users seen). This process is the database's only writer, so a cache stays right as long as
every write through a repository drops the rows it changed; a transaction drops them when it
ends, committed or rolled back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
K_contra = TypeVar("K_contra", bound=Hashable, contravariant=True)

CACHE_LIMIT = 50_000


class Cache(Protocol[K_contra, V]):
    def get(self, key: K_contra) -> V | None: ...

    async def get_or_load(
        self, key: K_contra, load: Callable[[], Awaitable[V | None]]
    ) -> V | None:
        """The cached row, else `load()`'s (kept when it is not None)."""
        ...

    def put(self, key: K_contra, value: V) -> None:
        """Keep a row just written (its RETURNING copy)."""
        ...

    def drop(self, key: K_contra) -> None: ...

    def clear(self) -> None: ...


class RowCache(Generic[K, V]):
    """The shared cache of one kind of row."""

    def __init__(self, limit: int = CACHE_LIMIT) -> None:
        self._rows: dict[K, V] = {}
        self._limit = limit
        # Bumped by every drop: a row read before a drop (perhaps uncommitted, read while a
        # transaction was open on the connection) is not kept after it.
        self._version = 0

    def get(self, key: K) -> V | None:
        return self._rows.get(key)

    async def get_or_load(self, key: K, load: Callable[[], Awaitable[V | None]]) -> V | None:
        found = self._rows.get(key)
        if found is not None:
            return found
        version = self._version
        found = await load()
        if found is not None and version == self._version:
            self.put(key, found)
        return found

    def put(self, key: K, value: V) -> None:
        if len(self._rows) >= self._limit:
            self._rows.clear()
        self._rows[key] = value

    def drop(self, key: K) -> None:
        self._version += 1
        self._rows.pop(key, None)

    def clear(self) -> None:
        self._version += 1
        self._rows.clear()


class TransactionCache(Generic[K, V]):
    """A transaction's view of a shared cache: it reads committed rows from it, but keeps
    nothing there (what the transaction reads or writes may still roll back), and what the
    transaction wrote is read from the database and dropped from the cache when it ends."""

    def __init__(self, shared: RowCache[K, V]) -> None:
        self.shared = shared
        self._written: set[K] = set()
        self._cleared = False

    def get(self, key: K) -> V | None:
        if self._cleared or key in self._written:
            return None
        return self.shared.get(key)

    async def get_or_load(self, key: K, load: Callable[[], Awaitable[V | None]]) -> V | None:
        found = self.get(key)
        return found if found is not None else await load()

    def put(self, key: K, value: V) -> None:
        self._written.add(key)

    def drop(self, key: K) -> None:
        self._written.add(key)

    def clear(self) -> None:
        self._cleared = True

    def end(self) -> None:
        """The transaction ended (either way): the shared cache forgets what it wrote."""
        if self._cleared:
            self.shared.clear()
        for key in self._written:
            self.shared.drop(key)
