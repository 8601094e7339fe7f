"""Survey responses for organisers as XLSX and CSV files, written by the shared table writers
of bot.services.exports (text stays text, a bold frozen header, a BOM for Excel)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.countries import BY_CODE
from bot.i18n import Translator
from bot.services.exports import Cell, sheet_title, table_csv, table_xlsx
from bot.services.surveys.model import ANONYMOUS_THRESHOLD, Answer, Question, QuestionKind
from bot.services.surveys.results import ResponseRow


def survey_rows(
    questions: Sequence[Question],
    responses: Sequence[ResponseRow],
    t: Translator,
    anonymous: bool,
) -> tuple[list[str], list[list[Cell]]]:
    """Localized headers and one row per finished response, in the order given.

    Named surveys: name, country, organisation, then the finish time and the questions
    (numbered as in the results message); anonymous ones start with the finish time. An
    anonymous survey with too few responses gets the headers only, as its results stay
    hidden (`results.results_hidden`): a single row would show whose answers they are.
    """
    # Who answered, under the participant export's own headers.
    respondent = [
        t("export-column-name"),
        t("export-column-country"),
        t("export-column-organisation"),
    ]
    headers = [
        *([] if anonymous else respondent),
        t("survey-export-column-finished"),
        *(
            t.plain(
                "survey-export-column-question", number=number, text=question.text.get(t.locale)
            )
            for number, question in enumerate(questions, start=1)
        ),
    ]
    finished = [response for response in responses if response.finished_at is not None]
    if anonymous and len(finished) < ANONYMOUS_THRESHOLD:
        return headers, []
    return headers, [_response_row(questions, response, t, anonymous) for response in finished]


def _response_row(
    questions: Sequence[Question], response: ResponseRow, t: Translator, anonymous: bool
) -> list[Cell]:
    assert response.finished_at is not None  # survey_rows keeps finished responses only
    finished = _finished(response.finished_at)
    answers = [
        _answer_cell(question, response.answers.get(index), t)
        for index, question in enumerate(questions)
    ]
    if anonymous:
        return [finished, *answers]
    country = BY_CODE.get(response.country) if response.country else None
    return [
        response.name or "",
        t(country.name_key) if country else "",
        response.organisation or "",
        finished,
        *answers,
    ]


def _finished(stored: str) -> str:
    """When a response was finished, in UTC: `YYYY-MM-DD HH:MM`, or only the day where only
    the day is stored (anonymous responses keep no time of day, so that a time cannot be
    matched with who was seen answering then)."""
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:  # a day alone, which astimezone would take for local time
        return moment.date().isoformat()
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def _answer_cell(question: Question, answer: Answer, t: Translator) -> Cell:
    """A rating as a number a spreadsheet can average; choices as their option texts.

    Skipped, not reached, or not valid for the question as it is now (edited after people
    answered): an empty cell rather than a misleading value.
    """
    if answer is None or not question.valid(answer):
        return None
    if isinstance(answer, bool):  # before int: a bool is an int
        return t("export-yes") if answer else t("export-no")
    if isinstance(answer, list):
        return "; ".join(question.options[option].get(t.locale) for option in answer)
    if question.kind == QuestionKind.CHOICE and isinstance(answer, int):
        return question.options[answer].get(t.locale)
    return answer  # a rating or a text


def survey_file(
    ext: str,
    title: str,
    questions: Sequence[Question],
    responses: Sequence[ResponseRow],
    t: Translator,
    anonymous: bool,
) -> bytes:
    """The responses as an XLSX file (`ext` "xlsx", its sheet named after `title`) or a CSV
    file (which has no sheet name, so `title` goes unused)."""
    headers, rows = survey_rows(questions, responses, t, anonymous)
    if ext == "xlsx":
        return table_xlsx(sheet_title(title) or t("survey-export-sheet"), headers, rows)
    return table_csv(headers, rows)


survey_xlsx = functools.partial(survey_file, "xlsx")
survey_csv = functools.partial(survey_file, "csv")


def survey_export_filename(survey_id: int, ext: str) -> str:
    return f"survey-{survey_id}-responses.{ext.lstrip('.')}"
