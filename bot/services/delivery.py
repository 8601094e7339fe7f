"""The delivery worker: sends outbox messages close to BROADCAST_RATE without provoking
Telegram's flood control, in each recipient's language, and loses nothing.

- Pacing: send slots 1/rate apart, and at least a second between two messages to one chat.
  The rate is learned (bot/services/pacing.py): a 429 pauses the lane for retry_after, hands
  the message back untried (not counted as a failure) and lowers the rate, which then climbs
  back to just under the rate that failed; what it learned is kept across restarts. A
  message whose lane is paused for longer than a second goes back to the outbox until the
  pause ends, so the other lane's messages are not held up (nor is a stop).
- Lanes: with PAID_BROADCAST, announcements go as paid broadcasts (allow_paid_broadcast, up
  to 1,000 a second, 0.1 Star each) on a lane of their own; everything else — reminders,
  decisions, answers to people — stays on the free lane and is never paid for.
- Several requests in flight, so the rate does not depend on Telegram's latency.
- Outcomes are written by one writer task in groups (one transaction for whatever finished
  while the previous group was being written), so bookkeeping keeps up at high rates.
- Crash policy: a message is `sending` from the moment it is claimed until its outcome is
  written, and it counts as in flight for that whole time; after a crash `sending` rows are
  sent again. A recipient can therefore get a duplicate only of a request in flight when the
  bot died: at most `in_flight_for(rate)` of them. Nothing is ever lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import random
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InputFile, ReplyParameters

from bot.clock import Clock
from bot.config import Locale
from bot.i18n import pick_locale
from bot.services.calendar import CalendarFiles
from bot.services.pacing import SETTLE, AdaptivePace, Pacer, SteadyPacer, WindowPacer
from bot.ui.notice_buttons import NoticeButtons
from bot.ui.replies import CAPTION_LIMIT, send_file_with_text
from bot.ui.telegram_text import utf16_length
from storage.announcements import Announcement, AnnouncementRepository, AnnouncementStatus
from storage.delivery_pace import DeliveryPaceRepository
from storage.outbox import OutboxMessage, OutboxRepository, OutboxState, Outcome
from storage.users import UserRepository

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0
MAX_ATTEMPTS = 5
PER_CHAT_SECONDS = 1.0  # Telegram: about one message a second to one chat


@dataclass(frozen=True)
class DeliveryRows:
    """What the worker reads and writes: the outbox, its recipients (marked inactive when
    they block the bot) and the announcements it sends."""

    outbox: OutboxRepository
    users: UserRepository
    announcements: AnnouncementRepository
    pace: DeliveryPaceRepository | None = None  # None: the learned pace is not kept


class GeneratedFiles(Protocol):
    """Files made when they are sent (a certificate's PDF, in the reader's language)."""

    async def file(self, file_ref: int, locale: str) -> tuple[bytes, str] | None:
        """The file's bytes and name; None when it may no longer be sent (revoked, erased):
        the message is then cancelled."""


@dataclass(frozen=True)
class Enclosures:
    """What goes with a notice's text: the buttons under it, a course's calendar file, and
    files made at sending time (`generated[kind]` for a payload's {"generated": {"kind": ..,
    "ref": ..}})."""

    buttons: NoticeButtons
    calendar: CalendarFiles
    generated: dict[str, GeneratedFiles] | None = None


class FileWithdrawn(Exception):
    """The file a message was to carry may no longer be sent: the message is cancelled."""


# aiogram's AiohttpSession opens at most 100 connections. More requests in flight than that
# wait inside aiohttp for a connection and then leave together: a burst the pacer never
# allowed, which a strict limit answers with 429s (measured: 103 of them in 5,000 paid sends).
MAX_IN_FLIGHT = 100


def in_flight_for(rate: float) -> int:
    """Requests in flight needed to keep `rate` with ~250 ms round trips, within 2..100."""
    return max(2, min(MAX_IN_FLIGHT, math.ceil(rate * 0.25)))


# Telegram's limit for paid broadcasts (allow_paid_broadcast), messages a second.
PAID_BROADCAST_RATE = 1000.0
# Paid sends refused in a row (not enough Stars, say) before announcements go back to the
# free lane for the rest of this run; each refused one is sent again there.
PAID_REFUSALS_TO_STOP = 3
SAVE_PACE_EVERY = 10.0  # seconds between saves of a climbing pace (a 429 is saved at once)


@dataclass
class Lane:
    """A share of Telegram's limits with a pace of its own: "free" (the ~30 a second every
    bot has) or "paid" (announcements sent with allow_paid_broadcast, up to 1,000 a second,
    0.1 Star each)."""

    name: str
    pace: AdaptivePace
    pacer: Pacer
    # pace.changes and pace.failures when it was last saved, and when (monotonic time)
    saved: tuple[int, int, float] = (0, 0, 0.0)

    @property
    def paid(self) -> bool:
        return self.name == "paid"


class DeliveryWorker:
    def __init__(
        self,
        bot: Bot,
        rows: DeliveryRows,
        enclosures: Enclosures,
        default_locale: Locale,
        rate: float,
        clock: Clock,
        wake: asyncio.Event | None = None,
        paid_broadcast: bool = False,
    ) -> None:
        """`wake` is set by whoever queues messages (the announcer): look now, not at the
        next poll. `rate` is BROADCAST_RATE, the free lane's ceiling; `paid_broadcast`
        (PAID_BROADCAST) sends announcements as paid broadcasts, up to 1,000 a second."""
        self.bot = bot
        self.rows = rows
        self.enclosures = enclosures
        self.default_locale = default_locale
        free = AdaptivePace(rate)
        self.lanes = {"free": Lane("free", free, SteadyPacer(free))}
        if paid_broadcast:
            # Just under Telegram's documented 1,000 a second from the start: a window filled
            # exactly to the limit met the emulator's strict one 5 times in 5,000 sends, and
            # each 429 stopped the lane for a second (813 msg/s; at 98.5 %: 985, no 429).
            paid = AdaptivePace(PAID_BROADCAST_RATE * SETTLE)
            self.lanes["paid"] = Lane("paid", paid, WindowPacer(paid))
        self.max_in_flight = in_flight_for(max(lane.pace.ceiling for lane in self.lanes.values()))
        self.clock = clock
        self._wake = wake or asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._sending: dict[int, asyncio.Task[None]] = {}  # outbox id -> its request
        self._stopping = asyncio.Event()
        self._outcomes: list[Outcome] = []
        self._outcome_ready = asyncio.Event()
        self._closing = False
        # Chats sent to within the last per_chat_seconds, oldest first.
        self._last_to_chat: OrderedDict[int, float] = OrderedDict()
        self.per_chat_seconds = PER_CHAT_SECONDS
        self._paid_refusals = 0
        self._paid_refused: set[int] = set()  # outbox ids to send again on the free lane

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="delivery-worker")

    async def stop(self) -> None:
        """Finish the requests in flight, write their outcomes, hand back the rest."""
        self._stopping.set()
        self._wake.set()
        if self._task is not None:
            await self._task

    async def _run(self) -> None:
        await self._load_pace()
        recovered = await self.rows.outbox.recover()
        if recovered:
            log.warning("Re-sending %d message(s) interrupted by the last stop", recovered)
        writer = asyncio.create_task(self._write_outcomes(), name="delivery-outcomes")
        try:
            while not self._stopping.is_set():
                try:
                    started = await self.run_once()
                except Exception:
                    # A database hiccup or one bad row must not stop delivery for everyone.
                    log.exception("Delivery round failed")
                    started = 0
                if started == 0:
                    await self._idle()
        finally:
            if self._sending:
                await asyncio.gather(*self._sending.values(), return_exceptions=True)
            # Not cancelled: a write cut off half-way would leave its rows `sending`.
            self._closing = True
            self._outcome_ready.set()
            await writer
            await self._save_pace(force=True)

    async def _idle(self) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)

    # -- one round ---------------------------------------------------------------------------

    async def run_once(self) -> int:
        """Start sending what is due and fits in flight; returns how many were started."""
        free = self.max_in_flight - len(self._sending)
        if free <= 0:
            await self._idle()  # a finishing request wakes us
            return 0
        batch = await self.rows.outbox.claim(self.clock(), free)
        started = 0
        for index, message in enumerate(batch):
            if self._stopping.is_set():
                self._hand_back(batch[index:], self.clock())
                break
            wait = self._chat_wait(message.user_id)
            if wait > 0:
                self._hand_back([message], self.clock() + timedelta(seconds=wait))
                continue
            lane = self._lane_of(message)
            if not await lane.pacer.wait_turn(self._stopping):
                if self._stopping.is_set():  # a stop does not wait for a slot or a pause
                    self._hand_back(batch[index:], self.clock())
                    break
                # The lane is paused by a 429 for a while: the message waits in the outbox,
                # and the rest of the batch (the other lane's) goes on.
                due = self.clock() + timedelta(seconds=lane.pacer.paused_for())
                self._hand_back([message], due)
                continue
            sent_at = time.monotonic()
            self._last_to_chat[message.user_id] = sent_at
            self._last_to_chat.move_to_end(message.user_id)
            task = asyncio.create_task(self._deliver(message, lane, sent_at))
            # A message counts as in flight until its outcome is written, not merely until
            # Telegram answers: that is what bounds the duplicates after a crash.
            self._sending[message.id] = task
            started += 1
        return started

    def _chat_wait(self, chat_id: int) -> float:
        """Seconds until `chat_id` may get another message (Telegram: ~1 a second a chat)."""
        now = time.monotonic()
        # Forget chats sent to long enough ago, so a 100,000-recipient broadcast does not
        # keep 100,000 entries: only those of the last second.
        while self._last_to_chat:
            oldest = next(iter(self._last_to_chat.values()))
            if now - oldest < self.per_chat_seconds:
                break
            self._last_to_chat.popitem(last=False)
        last = self._last_to_chat.get(chat_id)
        return 0.0 if last is None else self.per_chat_seconds - (now - last)

    def _lane_of(self, message: OutboxMessage) -> Lane:
        """Announcements go by paid broadcast when it is on; everything else, and a message
        a paid send was refused for, goes on the free lane."""
        paid = self.lanes.get("paid")
        if (
            paid is not None
            and "announcement_id" in message.payload
            and message.id not in self._paid_refused
        ):
            return paid
        return self.lanes["free"]

    # -- the learned pace --------------------------------------------------------------------

    async def _load_pace(self) -> None:
        if self.rows.pace is None:
            return
        for lane in self.lanes.values():
            try:
                learned = await self.rows.pace.load(lane.name)
            except Exception:
                log.exception("Could not read the %s lane's learned pace", lane.name)
                continue
            if learned is not None:
                lane.pace = AdaptivePace(lane.pace.ceiling, learned)
                lane.pacer.pace = lane.pace
                log.info(
                    "Delivery pace (%s): %.1f msg/s learned earlier", lane.name, lane.pace.rate
                )

    async def _save_pace(self, force: bool = False) -> None:
        """Keep what the pace learned: at once after a 429, every SAVE_PACE_EVERY seconds
        while it climbs back, and when the worker stops."""
        if self.rows.pace is None:
            return
        now = time.monotonic()
        for lane in self.lanes.values():
            changes, failures, saved_at = lane.saved
            if lane.pace.changes == changes:
                continue
            urgent = force or lane.pace.failures != failures
            if not urgent and now - saved_at < SAVE_PACE_EVERY:
                continue
            try:
                await self.rows.pace.save(lane.name, lane.pace.learned())
            except Exception:
                log.exception("Could not save the %s lane's learned pace", lane.name)
                continue
            lane.saved = (lane.pace.changes, lane.pace.failures, now)

    def _hand_back(self, messages: list[OutboxMessage], due: datetime) -> None:
        for message in messages:
            self._report(Outcome(message.id, OutboxState.PENDING, not_before=due, attempted=False))

    def _report(self, outcome: Outcome) -> None:
        self._outcomes.append(outcome)
        self._outcome_ready.set()

    # -- outcomes ----------------------------------------------------------------------------

    async def _write_outcomes(self) -> None:
        while True:
            await self._outcome_ready.wait()
            self._outcome_ready.clear()
            await self._flush()
            if self._closing:
                await self._flush()  # whatever arrived during the last write
                return

    async def _flush(self) -> None:
        outcomes, self._outcomes = self._outcomes, []
        if not outcomes:
            return
        try:
            await self.rows.outbox.record(outcomes)
        except Exception:
            # Not written: the rows stay `sending` and are sent again after a restart.
            log.exception("Could not record %d delivery outcome(s)", len(outcomes))
        for outcome in outcomes:
            self._sending.pop(outcome.message_id, None)
        self._wake.set()  # room for more in flight
        await self._save_pace()
        for outcome in outcomes:
            if outcome.state == OutboxState.BLOCKED:
                # Left out of later audiences until they write to the bot again.
                await self.rows.users.set_active(outcome.user_id, False)

    async def drain(self) -> None:
        """Wait for the requests in flight and write every outcome (tests, shutdown)."""
        if self._sending:
            await asyncio.gather(*self._sending.values(), return_exceptions=True)
        await self._flush()

    # -- one message -------------------------------------------------------------------------

    async def _deliver(self, message: OutboxMessage, lane: Lane, sent_at: float) -> None:
        try:
            outcome = await self._attempt(message, lane, sent_at)
        except Exception as exc:
            # An unexpected error must not lose the row: it is retried like a 5xx.
            log.exception("Message %s could not be sent", message.id)
            outcome = self._retry_or_fail(message, f"{type(exc).__name__}: {exc}")
        if outcome.state != OutboxState.PENDING:
            # Done with. Until then (a 429 or a 5xx on the free lane) a message refused as a
            # paid broadcast stays on the free lane: paid again, it would only be refused again.
            self._paid_refused.discard(message.id)
        self._report(outcome)

    async def _attempt(self, message: OutboxMessage, lane: Lane, sent_at: float) -> Outcome:
        if not message.recipient_exists:
            return Outcome(message.id, OutboxState.CANCELLED, "the user deleted their data")
        locale = pick_locale(message.language, message.telegram_language, self.default_locale)
        try:
            if "announcement_id" in message.payload:
                announcement = await self._announcement(int(message.payload["announcement_id"]))
                if announcement is None:
                    return Outcome(
                        message.id, OutboxState.CANCELLED, "the announcement was stopped"
                    )
                sent_id = await send_announcement(
                    self.bot,
                    message.user_id,
                    announcement,
                    locale,
                    self.enclosures.buttons,
                    paid=lane.paid,
                )
            else:
                texts: dict[str, str] = message.payload.get("text", {})
                text = texts.get(locale) or next(iter(texts.values()), "")
                sent_id = await self._send(message, text, locale)
        except FileWithdrawn:
            return Outcome(message.id, OutboxState.CANCELLED, "the file was withdrawn")
        except TelegramRetryAfter as exc:
            lane.pacer.pause(exc.retry_after)
            lane.pace.too_many_requests(sent_at, exc.retry_after)
            log.warning(
                "Flood control: pausing the %s lane for %ss, then %.1f msg/s",
                lane.name,
                exc.retry_after,
                lane.pace.rate,
            )
            due = self.clock() + timedelta(seconds=exc.retry_after)
            return Outcome(
                message.id, OutboxState.PENDING, str(exc), not_before=due, attempted=False
            )
        except TelegramForbiddenError as exc:
            return Outcome(message.id, OutboxState.BLOCKED, str(exc), user_id=message.user_id)
        except TelegramBadRequest as exc:
            if lane.paid:
                return self._paid_refused_for(message, str(exc))
            return Outcome(message.id, OutboxState.FAILED, str(exc))
        except (TelegramServerError, TelegramNetworkError) as exc:
            return self._retry_or_fail(message, str(exc))
        if lane.paid:
            self._paid_refusals = 0
        return Outcome(message.id, OutboxState.SENT, telegram_id=sent_id)

    def _paid_refused_for(self, message: OutboxMessage, error: str) -> Outcome:
        """A paid send was refused (the bot's Stars ran out, say — or the chat is gone): the
        message is sent again on the free lane, never lost. After PAID_REFUSALS_TO_STOP in a
        row, announcements stay on the free lane until the bot restarts."""
        self._paid_refused.add(message.id)
        self._paid_refusals += 1
        if self._paid_refusals >= PAID_REFUSALS_TO_STOP and "paid" in self.lanes:
            del self.lanes["paid"]
            log.error(
                "PAID_BROADCAST: Telegram refused %d paid broadcasts in a row (last: %s);"
                " announcements go at BROADCAST_RATE until the bot restarts",
                self._paid_refusals,
                error,
            )
        return Outcome(message.id, OutboxState.PENDING, error, attempted=False)

    def _retry_or_fail(self, message: OutboxMessage, error: str) -> Outcome:
        if message.attempts + 1 >= MAX_ATTEMPTS:
            return Outcome(message.id, OutboxState.FAILED, error)
        delay = 2 ** (message.attempts + 1) * random.uniform(0.5, 1.5)
        return Outcome(
            message.id,
            OutboxState.PENDING,
            error,
            not_before=self.clock() + timedelta(seconds=delay),
        )

    async def _announcement(self, announcement_id: int) -> Announcement | None:
        announcement = await self.rows.announcements.get(announcement_id)
        if announcement is None or announcement.status == AnnouncementStatus.STOPPED:
            return None
        return announcement

    async def _send(self, message: OutboxMessage, text: str, locale: str) -> int:
        """The notice's text, with what its payload encloses: a photo or document already on
        Telegram ("media": {"type", "file_id"}), a file made now ("generated") or a course's
        calendar file; "reply_to": the reader's message it answers (if still there)."""
        payload = message.payload
        markup = self.enclosures.buttons.under(payload, locale)
        reply = None
        if payload.get("reply_to"):
            reply = ReplyParameters(
                message_id=int(payload["reply_to"]), allow_sending_without_reply=True
            )
        media: dict[str, Any] | None = payload.get("media")
        if media is not None:
            return await self._send_media(message.user_id, media, text, reply)
        document = await self._enclosed_file(payload, locale)
        if document is None:
            sent = await self.bot.send_message(
                message.user_id, text, reply_markup=markup, reply_parameters=reply
            )
            return sent.message_id
        return (await send_file_with_text(self.bot, message.user_id, document, text)).message_id

    async def _enclosed_file(self, payload: dict[str, Any], locale: str) -> InputFile | None:
        generated = payload.get("generated")
        if generated is not None:
            source = (self.enclosures.generated or {}).get(str(generated["kind"]))
            made = await source.file(int(generated["ref"]), locale) if source else None
            if made is None:
                raise FileWithdrawn
            return BufferedInputFile(made[0], filename=made[1])
        course_id = payload.get("ics_course_id")
        if not course_id:
            return None
        attachment = await self.enclosures.calendar.file(int(course_id), locale)
        if attachment is None:
            return None
        data, name = attachment
        return BufferedInputFile(data, filename=name)

    async def _send_media(
        self, chat_id: int, media: dict[str, Any], text: str, reply: ReplyParameters | None
    ) -> int:
        """A photo or document by its Telegram file_id (sent again, never re-uploaded), the
        text as its caption; a text longer than a caption goes first, the file right after."""
        caption: str | None = text or None
        if caption is not None and utf16_length(caption) > CAPTION_LIMIT:
            await self.bot.send_message(chat_id, caption, reply_parameters=reply)
            caption, reply = None, None
        file_id = str(media["file_id"])
        if media.get("type") == "photo":
            sent = await self.bot.send_photo(
                chat_id, file_id, caption=caption, reply_parameters=reply
            )
        else:
            sent = await self.bot.send_document(
                chat_id, file_id, caption=caption, reply_parameters=reply
            )
        return sent.message_id


async def send_announcement(
    bot: Bot,
    chat_id: int,
    item: Announcement,
    locale: str,
    buttons: NoticeButtons,
    paid: bool = False,
) -> int:
    """The organiser's text in the recipient's language, formatting kept (HTML), with the
    photo or document and the course's button if it has them. The preview uses it too, so
    organisers see exactly what is sent; `paid`: as a paid broadcast (the outbox only)."""
    text = item.text(locale)
    markup = None
    if item.course_button is not None:
        markup = buttons.open_course(item.course_button, locale)
    allow_paid = True if paid else None  # None: the parameter is not sent at all
    if item.media_type == "photo" and item.media_file_id:
        sent = await bot.send_photo(
            chat_id,
            item.media_file_id,
            caption=text or None,
            reply_markup=markup,
            allow_paid_broadcast=allow_paid,
        )
    elif item.media_type == "document" and item.media_file_id:
        sent = await bot.send_document(
            chat_id,
            item.media_file_id,
            caption=text or None,
            reply_markup=markup,
            allow_paid_broadcast=allow_paid,
        )
    else:
        sent = await bot.send_message(
            chat_id, text, reply_markup=markup, allow_paid_broadcast=allow_paid
        )
    return sent.message_id
