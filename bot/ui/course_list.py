"""A list of courses (or surveys) as a phone shows it: the message names each one in full,
numbered, and each button carries its number and a title short enough not to be cut off."""

from __future__ import annotations

from aiogram import html

from bot.i18n import Translator
from bot.ui.course_texts import local_time
from storage.courses import Course

# A phone shows about this many characters on a full-width button and cuts the rest with "…"
# in the middle of a word; we cut earlier, at a word boundary, so what is left reads.
BUTTON_CHARS = 32
# Not worth cutting at a space this close to the start: cut inside the word instead.
SHORTEST_WORD_CUT = 8
# The longest word taken for a preposition or conjunction ("at", "and", «в», «для»).
LINKING_WORD = 3


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word with "…" if too long."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= SHORTEST_WORD_CUT:
        words = cut[:space].split(" ")
        # "Risk management at…" and «Управление рисками в…» end on a word that leads
        # nowhere: a short lower-case one (a preposition or conjunction) goes too.
        while len(words) > 1 and len(words[-1]) <= LINKING_WORD and words[-1].islower():
            words.pop()
        cut = " ".join(words)
    return cut.rstrip(" ,.:;·–—-«“(") + "…"


def numbered_button(number: int, title: str, mark: str = "") -> str:
    """A list button: "3 · Risk management at…"; `mark` (an icon) goes first."""
    prefix = f"{mark} {number} · " if mark else f"{number} · "
    # An emoji is as wide as two letters.
    width = BUTTON_CHARS - len(prefix) - (1 if mark else 0)
    return prefix + shorten(title, width)


def numbered_line(number: int, course: Course, t: Translator) -> str:
    """The course as the message lists it (HTML): number, date and the whole title."""
    start = local_time(course.starts_at, course.timezone, t.locale, "d MMM y")
    return f"<b>{number}.</b> {start} · {html.quote(course.title(t.locale))}"


def course_button(number: int, course: Course, t: Translator, mark: str = "") -> str:
    """The button of the course `numbered_line` lists as `number`."""
    return numbered_button(number, course.title(t.locale), mark)
