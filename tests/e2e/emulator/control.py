"""What a test holds: the emulator server plus the controls to act as users, inject faults
and wait for the bot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast, overload

from tests.e2e.emulator.model import Call, Params, SentMessage, StoredFile
from tests.e2e.emulator.server import EmulatorServer

T = TypeVar("T")


class PartAttribute(Generic[T]):
    """The attribute of the same name of one of the emulator's parts (store, queue, ...)."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> PartAttribute[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object, owner: type | None = None) -> T | PartAttribute[T]:
        if obj is None:
            return self
        return cast(T, getattr(getattr(obj, self.part), self.name))

    def __set__(self, obj: object, value: T) -> None:
        setattr(getattr(obj, self.part), self.name, value)


class BotAPIEmulator(EmulatorServer):
    """The Bot API emulator a test starts; see the package docstring."""

    # What tests read (and a few set) lives in the parts; these name it on the emulator.
    bot_user = PartAttribute[Params]("store")
    messages = PartAttribute[dict[tuple[int, int], SentMessage]]("store")
    outbox = PartAttribute[list[SentMessage]]("store")
    users = PartAttribute[dict[int, Params]]("store")
    user_messages = PartAttribute[dict[tuple[int, int], Params]]("store")
    deleted_user_messages = PartAttribute[set[tuple[int, int]]]("store")
    commands = PartAttribute[dict[tuple[str, str], list[Params]]]("store")
    settings = PartAttribute[dict[str, Any]]("store")
    confirmed_offset = PartAttribute[int]("queue")
    poll_generation = PartAttribute[int]("polling")
    polling_waiters = PartAttribute[int]("polling")
    webhook = PartAttribute[Params | None]("polling")
    webhook_statuses = PartAttribute[list[int]]("polling")
    too_many_requests = PartAttribute[int]("limits")
    paid_broadcasts = PartAttribute[int]("limits")
    random_fault_count = PartAttribute[dict[str, int]]("faults")
    fault_retry_after = PartAttribute[int]("faults")

    def __init__(
        self,
        token: str,
        bot_id: int = 7000000001,
        bot_username: str = "customs_courses_test_bot",
        *,
        bot_first_name: str = "Customs Courses Test Bot",
    ) -> None:
        bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        super().__init__(token, bot_user)

    async def __aenter__(self) -> BotAPIEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ waiting helpers
    async def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline for the condition, not for I/O
    ) -> T:
        """Re-evaluate `predicate` after every call/update until it returns something truthy."""
        return await self.ticker.wait_for(predicate, timeout, self.dump_calls)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
        since: int | None = None,
    ) -> Call:
        """Wait for a call of `method` recorded from now on (or from index `since`)."""
        start = len(self.calls) if since is None else since
        wanted = method.lower()

        def find() -> Call | None:
            for call in self.calls[start:]:
                if call.method.lower() == wanted and (predicate is None or predicate(call)):
                    return call
            return None

        return await self.wait_for(find, timeout)

    def dump_calls(self, last: int = 15) -> str:
        lines = [f"last {min(last, len(self.calls))} of {len(self.calls)} API calls:"]
        lines += [f"  {call}" for call in self.calls[-last:]]
        return "\n".join(lines)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    # ------------------------------------------------------------------ simulating users
    def next_message_id(self, chat_id: int) -> int:
        """Per-chat message ids, shared by bot and user messages as in real private chats."""
        return self.store.next_message_id(chat_id)

    def push_update(self, update: Params) -> int:
        queued = self.queue.push(update)
        self.store.remember(queued)
        self.ticker.notify()
        return int(queued["update_id"])

    def pending_updates(self) -> int:
        return len(self.queue.updates)

    def register_file(
        self, data: bytes, filename: str, mime_type: str | None = None, prefix: str = "BQAC"
    ) -> StoredFile:
        """Store a file so it can be referenced by file_id (sendDocument, getFile, copies)."""
        return self.store.register_file(data, filename, mime_type, prefix)

    # ------------------------------------------------------------------- faults & limits
    def rate_limit(
        self, global_per_second: float | None = None, per_chat_interval: float | None = None
    ) -> None:
        self.limits.configure(global_per_second, per_chat_interval)

    def refuse_paid_broadcasts(self, description: str | None) -> None:
        """Answer sends with allow_paid_broadcast with 400 `description` (None: accept)."""
        self.limits.paid_refusal = description

    def fail_chat(self, chat_id: int, kind: str, times: int | None = None) -> None:
        self.faults.fail_chat(chat_id, kind, times)

    def fail_method(self, method: str, kind: str, times: int | None = None) -> None:
        self.faults.fail_method(method, kind, times)

    def random_faults(self, error_rate: float, drop_rate: float, seed: int = 0) -> None:
        """Answer that share of all requests with 500, and cut that share of connections,
        at random (a flaky network and server, for soak tests)."""
        self.faults.random_faults(error_rate, drop_rate, seed)

    def delay_method(self, method: str, seconds: float) -> None:
        """Answer `method` only after `seconds`; `arrived` lists such requests on arrival."""
        self.faults.delay_method(method, seconds)

    def clear_faults(self) -> None:
        self.faults.clear()
