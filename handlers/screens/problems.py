"""What an organiser is told about a value they typed: which line or field, and what to fix."""

from __future__ import annotations

from bot.i18n import Html, Translator
from bot.services.course_fields import FieldProblem
from bot.ui.telegram_text import utf16_length


def number_as_sent(problems: list[FieldProblem], text: str, args: str) -> None:
    """Line numbers as the organiser sees their message (the command is line 1, blank lines
    before the form count too), not as counted within the form."""
    offset = text[: max(text.find(args), 0)].count("\n")
    for problem in problems:
        if problem.line is not None:
            problem.line += offset


def problem_text(problem: FieldProblem, t: Translator) -> str:
    """What to fix, as HTML (t() escapes the values that quote what the organiser typed)."""
    return t(problem.key, **problem.values)


def describe_problem(problem: FieldProblem, t: Translator) -> str:
    """One line of a form report: which line/field, and what to fix."""
    text = problem_text(problem, t)
    if problem.line is not None:
        # The form's own key, as the organiser typed it on that line.
        return t("course-form-line", line=problem.line, field=problem.field, problem=text)
    label_key = f"course-field-{problem.field}"
    field = t(label_key) if t.has(label_key) else problem.field
    return t("course-form-field", field=field, problem=text)


def send_again(problem: str, t: Translator) -> str:
    """A refused answer in a dialog: what is wrong, then the way on (another value, /cancel).
    The problems are written to follow a field's name in a form report ("Start: the start is
    in the past."); said on their own they begin a sentence."""
    return t("dialog-send-again", problem=Html(problem[:1].upper() + problem[1:]))


MESSAGE_LIMIT = 4096
_MORE_LINE_ROOM = 200  # the closing "…and N more" line, in either language


def problems_report(heading: str, lines: list[str], t: Translator) -> str:
    """The heading and as many problems as fit one Telegram message; the rest are counted
    ("…and 5 more"), since a reply over 4,096 characters would not be sent at all. Measured
    as the raw HTML in UTF-16 units, which is never shorter than what Telegram counts."""
    text = heading
    for shown, line in enumerate(lines):
        if utf16_length(f"{text}\n{line}") + _MORE_LINE_ROOM > MESSAGE_LIMIT:
            return f"{text}\n{t('form-problems-more', count=len(lines) - shown)}"
        text = f"{text}\n{line}"
    return text
