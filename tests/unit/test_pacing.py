"""The delivery pace learns Telegram's limit from 429s: drops, climbs back, forgets slowly."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.services.pacing import MIN_RATE, SETTLE, AdaptivePace, SteadyPacer, WindowPacer
from storage.delivery_pace import Learned


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def send_for(pace: AdaptivePace, clock: FakeClock, seconds: float) -> list[float]:
    """The rates the pace gives while sending without a 429, one reading a second."""
    rates = []
    for _ in range(int(seconds)):
        clock.advance(1.0)
        rates.append(pace.tick())
    return rates


def test_a_429_lowers_the_pace_which_climbs_back_to_just_under_the_rate_that_failed():
    clock = FakeClock()
    pace = AdaptivePace(30, clock=clock)
    assert pace.tick() == 30
    pace.too_many_requests(sent_at=clock.now, retry_after=1)
    dropped = pace.rate
    assert dropped < 30
    clock.advance(1.0)  # the pause Telegram asked for: no climbing during it
    assert pace.tick() == dropped
    rates = send_for(pace, clock, 20)
    assert rates == sorted(rates)  # only up
    assert rates[-1] == pytest.approx(30 * SETTLE, rel=0.005)
    assert rates[-1] < 30  # not back at the rate that failed


def test_429s_of_requests_already_in_flight_count_as_one():
    clock = FakeClock()
    pace = AdaptivePace(30, clock=clock)
    sent = clock.now
    clock.advance(0.01)
    for _ in range(5):  # five requests sent before the first 429 came back
        pace.tick()
        pace.too_many_requests(sent_at=sent, retry_after=1)
    assert pace.failures == 1
    assert pace.rate == pytest.approx(30 * 0.95)


def test_a_429_while_climbing_back_lowers_the_pace_again_to_find_a_lower_limit():
    clock = FakeClock()
    pace = AdaptivePace(30, clock=clock)
    for _ in range(6):
        pace.too_many_requests(sent_at=clock.now, retry_after=1)
        clock.advance(2.0)
        pace.tick()
    assert pace.failures == 6
    assert pace.rate < 30 * 0.95**5
    assert pace.target < 30 * 0.95**4


def test_a_remembered_failure_fades_while_sending_cleanly_and_the_ceiling_returns():
    clock = FakeClock()
    pace = AdaptivePace(30, clock=clock)
    pace.too_many_requests(sent_at=clock.now, retry_after=1)
    send_for(pace, clock, 60)
    assert pace.rate < 30
    send_for(pace, clock, 10 * 60)
    assert pace.failed_rate is None
    assert pace.rate == 30


def test_an_idle_hour_does_not_count_as_clean_sending():
    clock = FakeClock()
    pace = AdaptivePace(30, clock=clock)
    pace.too_many_requests(sent_at=clock.now, retry_after=1)
    clock.advance(3600)
    pace.tick()
    assert pace.failed_rate is not None
    assert pace.rate < 30 * SETTLE


def test_a_learned_pace_starts_where_it_left_off_never_above_the_ceiling():
    clock = FakeClock()
    resumed = AdaptivePace(30, Learned(rate=28.0, failed_rate=29.5), clock=clock)
    assert resumed.rate == 28.0
    assert send_for(resumed, clock, 30)[-1] == pytest.approx(29.5 * SETTLE, rel=0.005)
    lowered = AdaptivePace(20, Learned(rate=28.0, failed_rate=29.5), clock=clock)
    assert lowered.rate == 20  # the organiser lowered BROADCAST_RATE since
    unlearned = AdaptivePace(30, Learned(rate=12.0, failed_rate=None), clock=clock)
    assert unlearned.rate == 30  # nothing was refused: the ceiling it is


async def test_the_paid_lane_admits_at_most_its_rate_in_any_second():
    clock = FakeClock()
    pacer = WindowPacer(AdaptivePace(5, clock=clock))
    for _ in range(5):
        await pacer.wait_turn()
    assert len(pacer._sent) == 5
    pacer.pause(30)  # a 429 on the paid lane stops it, too
    assert pacer._next > pacer._sent[-1] + 29


def test_a_ceiling_under_one_message_a_second_holds_after_a_429_and_across_a_restart():
    clock = FakeClock()
    pace = AdaptivePace(0.5, clock=clock)
    pace.too_many_requests(sent_at=clock.now, retry_after=1)
    assert pace.rate <= 0.5
    send_for(pace, clock, 30)
    assert pace.rate <= 0.5
    restarted = AdaptivePace(0.5, Learned(rate=0.4, failed_rate=0.5), clock=clock)
    assert restarted.rate <= 0.5


def test_a_pace_that_failed_at_the_lowest_rate_does_not_sink_below_it():
    clock = FakeClock()
    pace = AdaptivePace(30, Learned(rate=MIN_RATE, failed_rate=MIN_RATE), clock=clock)
    assert min(send_for(pace, clock, 30)) >= MIN_RATE


def test_a_longer_retry_after_from_the_same_burst_holds_the_pace_for_the_whole_pause():
    clock = FakeClock()
    pace = AdaptivePace(30, clock=clock)
    sent = clock.now
    clock.advance(0.01)
    pace.too_many_requests(sent_at=sent, retry_after=1)
    dropped = pace.rate
    clock.advance(0.01)
    pace.too_many_requests(sent_at=sent, retry_after=10)  # same burst, a longer wait
    assert pace.failures == 1
    clock.advance(6)  # still inside the 10 seconds Telegram asked for: nothing was sent
    assert pace.tick() == dropped
    assert pace.failed_rate == 30  # and the remembered failure did not fade either


async def test_a_pause_that_begins_while_a_send_waits_for_its_slot_holds_that_send_too():
    pacer = SteadyPacer(AdaptivePace(10))  # a slot every 0.1 s
    await pacer.wait_turn()
    waiting = asyncio.create_task(pacer.wait_turn())
    await asyncio.sleep(0.02)
    started = time.monotonic()
    pacer.pause(0.4)  # a 429 came back meanwhile
    await waiting
    assert time.monotonic() - started >= 0.35


@pytest.mark.parametrize("pacer_class", [SteadyPacer, WindowPacer])
async def test_a_paused_lane_gives_up_its_wait_as_soon_as_the_worker_stops(pacer_class):
    pacer = pacer_class(AdaptivePace(10))
    await pacer.wait_turn()
    pacer.pause(0.9)  # Telegram's shortest pause, which a send waits out
    stopping = asyncio.Event()
    waiting = asyncio.create_task(pacer.wait_turn(stopping))
    await asyncio.sleep(0.05)
    stopping.set()
    assert await asyncio.wait_for(waiting, 1.0) is False


@pytest.mark.parametrize("pacer_class", [SteadyPacer, WindowPacer])
async def test_a_lane_paused_for_long_gives_the_turn_up_at_once(pacer_class):
    pacer = pacer_class(AdaptivePace(10))
    pacer.pause(30)
    assert await asyncio.wait_for(pacer.wait_turn(asyncio.Event()), 0.5) is False
    assert pacer.paused_for() > 29
