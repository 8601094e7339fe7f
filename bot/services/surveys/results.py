"""Survey results: the figures per question, and the Telegram messages that show them.

`summarize` is pure arithmetic over the finished responses; the text functions turn a summary
into HTML messages (Telegram parse mode HTML) that always fit one message.

Rounding is kept honest: an average is rounded half up to one decimal from the exact
fraction (never through a binary float); the percentages of one single-answer question add up
to exactly 100 (largest remainder), while those of a multiple-answer question are each
rounded half up on their own, since they share no total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from aiogram import html

from bot.i18n import Translator
from bot.services.surveys.model import ANONYMOUS_THRESHOLD, Answer, Question, QuestionKind

# Telegram refuses longer messages.
MESSAGE_LIMIT = 4096

BAR_WIDTH = 10  # blocks in a rating's text bar: one block per 10% of the answers
_BAR_FULL, _BAR_EMPTY = "▓", "░"

TITLE_LIMIT = 200  # survey titles are shown in full up to this many characters


@dataclass(frozen=True)
class ResponseRow:
    """One response as the results and exports see it."""

    answers: dict[int, Answer]
    # When it was finished: ISO UTC, or only the day (YYYY-MM-DD) for anonymous responses;
    # None: not finished, so not counted in results or exports.
    finished_at: str | None
    name: str | None = None  # named surveys only
    country: str | None = None  # ISO code, named surveys only
    organisation: str | None = None  # named surveys only


@dataclass(frozen=True)
class RatingSummary:
    answered: int
    skipped: int
    distribution: dict[int, int]  # every scale point, low to high, zeros included
    total: int  # the sum of the ratings: with `answered`, the exact average

    @property
    def average(self) -> Decimal | None:
        """The average rounded half up to one decimal; None without answers."""
        if not self.answered:
            return None
        # In integers from the exact fraction: no binary float can turn 4.25 into 4.2.
        return Decimal(_round_half_up(10 * self.total, self.answered)) / 10


@dataclass(frozen=True)
class ChoiceSummary:
    """A single-choice (`multiple` False) or multiple-choice question."""

    answered: int
    skipped: int
    counts: tuple[int, ...]  # per option
    # Single choice: of those who answered, adding up to 100. Multiple choice: of those who
    # answered the question, each on its own (they may add up to more than 100).
    percents: tuple[int, ...]
    multiple: bool


@dataclass(frozen=True)
class YesNoSummary:
    answered: int
    skipped: int
    yes: int
    no: int
    yes_percent: int  # with no_percent, adds up to 100 (0 and 0 without answers)
    no_percent: int


@dataclass(frozen=True)
class TextSummary:
    answered: int
    skipped: int
    texts: tuple[str, ...]  # the non-empty answers, in response order


QuestionSummary = RatingSummary | ChoiceSummary | YesNoSummary | TextSummary


@dataclass(frozen=True)
class Summary:
    finished: int
    invited: int
    response_rate: float  # finished / invited; 0 when nobody was invited
    questions: tuple[QuestionSummary, ...]  # in the order of the survey's questions

    @property
    def response_percent(self) -> int:
        return _percent(self.finished, self.invited)


# -- arithmetic ------------------------------------------------------------------------------


def summarize(
    questions: Sequence[Question], responses: Sequence[ResponseRow], invited: int
) -> Summary:
    """The figures of every question over the finished responses."""
    finished = [r for r in responses if r.finished_at is not None]
    return Summary(
        finished=len(finished),
        invited=invited,
        response_rate=len(finished) / invited if invited else 0.0,
        questions=tuple(
            _summarize_question(
                question, [r.answers.get(index) for r in finished if index in r.answers]
            )
            for index, question in enumerate(questions)
        ),
    )


def _summarize_question(question: Question, answers: list[Answer]) -> QuestionSummary:
    # None is a skip; an answer the question does not accept (say, it was edited after people
    # answered) counts as neither answered nor skipped rather than breaking the figures.
    skipped = sum(1 for answer in answers if answer is None)
    given = [answer for answer in answers if answer is not None and question.valid(answer)]
    match question.kind:
        case QuestionKind.RATING:
            ratings = [answer for answer in given if isinstance(answer, int)]
            points = range(question.scale_min, question.scale_max + 1)
            distribution = {point: ratings.count(point) for point in points}
            return RatingSummary(len(ratings), skipped, distribution, sum(ratings))
        case QuestionKind.CHOICE:
            chosen = [answer for answer in given if isinstance(answer, int)]
            counts = [chosen.count(option) for option in range(len(question.options))]
            return ChoiceSummary(len(chosen), skipped, tuple(counts), shares(counts), False)
        case QuestionKind.MULTI:
            picks = [answer for answer in given if isinstance(answer, list)]
            counts = [
                sum(option in pick for pick in picks) for option in range(len(question.options))
            ]
            percents = tuple(_percent(count, len(picks)) for count in counts)
            return ChoiceSummary(len(picks), skipped, tuple(counts), percents, True)
        case QuestionKind.YESNO:
            yes = sum(1 for answer in given if answer is True)
            no = len(given) - yes
            yes_percent, no_percent = shares([yes, no])
            return YesNoSummary(len(given), skipped, yes, no, yes_percent, no_percent)
        case QuestionKind.TEXT:
            texts = tuple(text for a in given if isinstance(a, str) and (text := a.strip()))
            return TextSummary(len(texts), skipped, texts)


def _round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator (denominator > 0) to the nearest integer, halves up."""
    return (2 * numerator + denominator) // (2 * denominator)


def _percent(part: int, whole: int) -> int:
    """part / whole in whole percent, rounded half up; 0 of nothing is 0."""
    return _round_half_up(100 * part, whole) if whole > 0 else 0


def shares(counts: Sequence[int]) -> tuple[int, ...]:
    """Whole percentages that add up to exactly 100 (the largest remainder method).

    Rounding each share on its own can show 33 + 33 + 33 = 99 or 101; here the percents that
    rounding down lost go to the largest remainders (ties: the earlier option). A zero count
    has no remainder, so it always stays at 0%.
    """
    total = sum(counts)
    if total == 0:
        return tuple(0 for _ in counts)
    percents = [100 * count // total for count in counts]
    remainders = [100 * count % total for count in counts]
    missing = 100 - sum(percents)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-remainders[i], i))
    for index in by_remainder[:missing]:
        percents[index] += 1
    return tuple(percents)


def results_hidden(summary: Summary, anonymous: bool) -> bool:
    """Whether the figures must stay hidden: with fewer than ANONYMOUS_THRESHOLD responses
    to an anonymous survey, anyone who knows who answered could tell who said what."""
    return anonymous and summary.finished < ANONYMOUS_THRESHOLD


# -- the results message ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Detail:
    """How much of each question a results message shows."""

    question_chars: int | None  # question texts clipped to this (None: in full)
    option_chars: int | None  # option texts and scale-end labels clipped to this
    # A rating's distribution: a text bar per scale point, all the points on one line, or
    # left out (the average stays).
    points: Literal["bars", "line", "none"]


# Tried in order until the message fits: most surveys fit in full; 30 long questions cannot,
# and lose detail before any question is left out.
_DETAILS = (
    _Detail(None, None, "bars"),
    _Detail(120, 40, "bars"),
    _Detail(80, 25, "line"),
    _Detail(50, 15, "none"),
)


def results_text(
    title: str, summary: Summary, questions: Sequence[Question], t: Translator, anonymous: bool
) -> str:
    """The results of a survey as one HTML message (at most MESSAGE_LIMIT characters)."""
    header = t("results-header", title=_clip(title, TITLE_LIMIT))
    if results_hidden(summary, anonymous):
        too_few = t("results-too-few", threshold=ANONYMOUS_THRESHOLD, count=summary.finished)
        return f"{header}\n{too_few}"
    head = f"{header}\n{_rate_line(summary, t)}"
    for detail in _DETAILS:
        blocks = [
            _question_block(index, question, figures, t, detail)
            for index, (question, figures) in enumerate(
                zip(questions, summary.questions, strict=True)
            )
        ]
        text = "\n\n".join([head, *blocks])
        if telegram_length(text) <= MESSAGE_LIMIT:
            return text
    return _first_blocks_that_fit(head, blocks, t)


def _first_blocks_that_fit(head: str, blocks: list[str], t: Translator) -> str:
    """As many questions as fit, and a pointer to the export with every figure."""
    for shown in range(len(blocks), -1, -1):
        rest = t("results-truncated", count=len(blocks) - shown)
        text = "\n\n".join([head, *blocks[:shown], rest])
        if telegram_length(text) <= MESSAGE_LIMIT:
            return text
    raise AssertionError("unreachable: the header alone is far below the limit")


def _rate_line(summary: Summary, t: Translator) -> str:
    if summary.invited == 0:
        return t("results-rate-none-invited", finished=summary.finished)
    return t(
        "results-rate",
        finished=summary.finished,
        invited=summary.invited,
        percent=summary.response_percent,
    )


def _question_block(
    index: int, question: Question, figures: QuestionSummary, t: Translator, detail: _Detail
) -> str:
    text = _clip(question.text.get(t.locale), detail.question_chars)
    lines = [t("results-question", number=index + 1, text=text)]
    if isinstance(figures, TextSummary):
        lines.append(t("results-text-count", count=figures.answered))
    elif figures.answered == 0:
        lines.append(t("results-no-answers"))
    elif isinstance(figures, RatingSummary):
        lines += _rating_lines(question, figures, t, detail)
    elif isinstance(figures, ChoiceSummary):
        lines += _choice_lines(question, figures, t, detail)
    else:
        lines.append(
            t(
                "results-yesno",
                yes=figures.yes,
                yes_percent=figures.yes_percent,
                no=figures.no,
                no_percent=figures.no_percent,
            )
        )
    if figures.skipped:
        lines.append(t("results-skipped", count=figures.skipped))
    return "\n".join(lines)


def _rating_lines(
    question: Question, figures: RatingSummary, t: Translator, detail: _Detail
) -> list[str]:
    lines = [
        t(
            "results-average",
            average=figures.average,
            min=question.scale_min,
            max=question.scale_max,
            count=figures.answered,
        )
    ]
    if detail.points == "none":
        return lines
    if detail.points == "line":
        points = " · ".join(f"{point}: {count}" for point, count in figures.distribution.items())
        return [*lines, points]
    ends = {
        question.scale_min: question.low,
        question.scale_max: question.high,
    }
    label_width = max(len(str(point)) for point in figures.distribution)
    for point, count in figures.distribution.items():
        bar = _bar(count, figures.answered)
        line = f"<code>{str(point).rjust(label_width)} {bar}</code> {count}"
        end = ends.get(point)
        if end is not None and (label := end.get(t.locale)):
            line += f" · {html.quote(_clip(label, detail.option_chars))}"
        lines.append(line)
    return lines


def _bar(count: int, answered: int) -> str:
    """A fixed-width bar (monospace in <code>): filled blocks for this point's share."""
    blocks = _round_half_up(BAR_WIDTH * count, answered)
    if count and not blocks:
        blocks = 1  # one answer of many still shows, rather than looking like none
    return _BAR_FULL * blocks + _BAR_EMPTY * (BAR_WIDTH - blocks)


def _choice_lines(
    question: Question, figures: ChoiceSummary, t: Translator, detail: _Detail
) -> list[str]:
    lines = [t("results-multi-note", count=figures.answered)] if figures.multiple else []
    for option, count, percent in zip(
        question.options, figures.counts, figures.percents, strict=True
    ):
        label = _clip(option.get(t.locale), detail.option_chars)
        lines.append(t("results-option", option=label, count=count, percent=percent))
    return lines


# -- text answers ----------------------------------------------------------------------------


def text_answers_page(
    summary: Summary,
    questions: Sequence[Question],
    question_index: int,
    page: int,
    t: Translator,
    page_size: int = 10,
    *,
    anonymous: bool = False,
) -> tuple[str, int]:
    """One page of a text question's answers as an HTML message within MESSAGE_LIMIT, and
    the number of pages.

    `page` counts from 0 (shown as "page 1 of N") and is clamped to the pages there are, so
    an old button still shows a page.

    With `anonymous` and too few responses the answers stay hidden, as in `results_text`.
    """
    figures = summary.questions[question_index]
    if not isinstance(figures, TextSummary):
        raise ValueError(f"question {question_index + 1} is not a text question")
    heading = t(
        "results-question",
        number=question_index + 1,
        text=questions[question_index].text.get(t.locale),
    )
    if results_hidden(summary, anonymous):
        too_few = t("results-too-few", threshold=ANONYMOUS_THRESHOLD, count=summary.finished)
        return f"{heading}\n{too_few}", 1
    if not figures.texts:
        return f"{heading}\n{t('results-text-none')}", 1
    pages = -(-len(figures.texts) // page_size)
    page = min(max(page, 0), pages - 1)
    first = page * page_size
    texts = figures.texts[first : first + page_size]
    prefixes = [f"<b>{first + number}.</b> " for number in range(1, len(texts) + 1)]
    page_line = t("results-page", page=page + 1, pages=pages)
    head = heading if pages == 1 else f"{heading}\n{page_line}"
    separators = 2 * len(texts)  # "\n\n" before each answer
    fixed = telegram_length(head) + separators + sum(map(telegram_length, prefixes))
    answers = _fit_all(texts, MESSAGE_LIMIT - fixed)
    body = "\n\n".join(prefix + answer for prefix, answer in zip(prefixes, answers, strict=True))
    return f"{head}\n\n{body}", pages


def _fit_all(texts: Sequence[str], budget: int) -> list[str]:
    """The texts HTML-escaped, the longest ones cut so that together they fit `budget`.

    Short answers keep every character; what they leave over is shared by the long ones.
    """
    escaped = [html.quote(text) for text in texts]
    limits = [0] * len(texts)
    left, remaining = budget, len(texts)
    for index in sorted(range(len(texts)), key=lambda i: telegram_length(escaped[i])):
        limits[index] = min(telegram_length(escaped[index]), left // remaining)
        left -= limits[index]
        remaining -= 1
    return [_escape_within(text, limit) for text, limit in zip(texts, limits, strict=True)]


def _escape_within(text: str, limit: int) -> str:
    """`text` HTML-escaped in at most `limit` characters, cut with "…" if it is longer.

    Cut before escaping, never inside an entity such as &amp;.
    """
    escaped = html.quote(text)
    if telegram_length(escaped) <= limit:
        return escaped
    if limit < 1:
        return ""
    pieces: list[str] = []
    used = 1  # the "…"
    for char in text:
        piece = html.quote(char)
        if used + telegram_length(piece) > limit:
            break
        pieces.append(piece)
        used += telegram_length(piece)
    return "".join(pieces).rstrip() + "…"


# -- helpers ---------------------------------------------------------------------------------


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: an emoji counts twice).

    Measured on the HTML source, which is never shorter than the text Telegram shows.
    """
    return len(text.encode("utf-16-le")) // 2


def _clip(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
