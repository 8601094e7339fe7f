"""Per-user throttle through the production Dispatcher: a flood gets one hint, the rest is
dropped (button presses still answered), other people are served as usual."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.config import Settings
from bot.ui.callbacks import MenuAction, MenuCb
from tests.handlers.harness import Chatter

HINT = (
    "Too many messages at once, so I skipped some of them."
    " Please wait a few seconds, then try again."
)
BURST = 12  # THROTTLE_RATE 4 a second, three seconds' worth at once


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"throttle_rate": 4.0})


class Ticks:
    """The throttle's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks(make_chatter) -> Ticks:
    ticks = Ticks()
    make_chatter().dp["throttle"].clock = ticks
    return ticks


def replies(sent) -> list[str]:
    return [r.text for r in sent if isinstance(r, SendMessage)]


async def flood(chatter: Chatter, count: int) -> list[list]:
    return [await chatter.send("/help") for _ in range(count)]


async def test_a_flood_of_messages_gets_one_hint_and_the_rest_is_dropped(make_chatter, ticks):
    """Issue 11: more than a few updates a second: one "slow down", nothing else."""
    flooder, other = make_chatter(user_id=71), make_chatter(user_id=72)
    sent = await flood(flooder, 40)
    assert all(len(replies(s)) == 1 and replies(s)[0] != HINT for s in sent[:BURST])
    assert replies(sent[BURST]) == [HINT]
    assert all(s == [] for s in sent[BURST + 1 :])
    # Someone else at the same moment is served as usual.
    assert replies(await other.send("/help")) != [HINT]
    # After a pause the flooder is served again, and a later flood gets its own hint.
    ticks.now += 10
    assert len(replies(await flooder.send("/help"))) == 1
    again = await flood(flooder, 40)
    assert [replies(s) for s in again].count([HINT]) == 1


async def test_a_flood_of_button_presses_is_answered_once_a_second_without_handler_work(
    make_chatter, ticks
):
    """Issue 11: the first dropped press gets the hint; later ones an empty answer (the
    spinner stops) at most once a second — a script's hundred presses a second cost nothing."""
    flooder = make_chatter(user_id=73, language_code="ru")
    data = MenuCb(action=MenuAction.HELP).pack()
    sent = [await flooder.press(data) for _ in range(30)]
    dropped = sent[BURST:]
    (hint,) = dropped[0]
    assert isinstance(hint, AnswerCallbackQuery)
    assert hint.text.startswith("Слишком много сообщений подряд")
    assert all(s == [] for s in dropped[1:])
    ticks.now += 1.0  # a second later: four presses' worth of tokens, then dropped again
    later = [await flooder.press(data) for _ in range(8)]
    assert all(any(isinstance(r, SendMessage) for r in s) for s in later[:4])
    (empty,) = later[4]
    assert isinstance(empty, AnswerCallbackQuery) and empty.text is None
    assert all(s == [] for s in later[5:])
    # Those within the limit were handled (the help text went out).
    assert all(any(isinstance(r, SendMessage) for r in s) for s in sent[:BURST])


async def test_a_long_flood_gets_one_hint_while_a_few_a_second_still_pass(make_chatter, ticks):
    """Issue 11: 100 updates a second for 5 seconds: one hint in all, about 4 a second served."""
    flooder = make_chatter(user_id=74)
    served = hints = 0
    for _ in range(500):
        ticks.now += 0.01
        texts = replies(await flooder.send("/help"))
        hints += texts == [HINT]
        served += len(texts) == 1 and texts != [HINT]
    assert hints == 1
    assert BURST + 15 <= served <= BURST + 25  # the burst, then 4 a second
