"""The step-by-step creation dialog's rules: which field comes next, what a skip or a default
answer means, and what the answers so far (kept as JSON in the dialog state) amount to.

The steps are the course fields the dialog asks for (storage.courses.COURSE_FIELDS), and every
answer is validated by course_fields.field_values, like an edit."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.errors import InvalidInput
from bot.services.course_fields import Times, field_values
from storage.courses import COURSE_FIELDS, DIALOG_STEPS

SKIPPABLE = frozenset({"title_ru", "description_en", "description_ru"})  # a draft may lack them
_STORED_AS = {field.name: field.stored_as for field in COURSE_FIELDS}


class Choice(StrEnum):
    """An answer given with a button instead of text."""

    SKIP = "skip"
    DEFAULT = "default"  # unlimited capacity; the deadline at the start


Answer = str | Choice | None


def first_unanswered(step: str, draft: dict[str, Any]) -> str | None:
    """A step before `step` the draft has no answer for: the dialog state and its data
    disagree (state from an older version, data lost), so the dialog goes back there."""
    for earlier in DIALOG_STEPS[: DIALOG_STEPS.index(step)]:
        if _STORED_AS[earlier][0] not in draft:
            return earlier
    return None


def next_step(step: str) -> str | None:
    following = DIALOG_STEPS.index(step) + 1
    return DIALOG_STEPS[following] if following < len(DIALOG_STEPS) else None


def step_values(step: str, answer: Answer, draft: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Validate one answer against the answers before it; returns what to keep (JSON-safe)."""
    if answer is Choice.SKIP:
        if step not in SKIPPABLE:
            raise InvalidInput("error-button-expired")  # a button of an earlier step
        return {step: None}
    if answer is Choice.DEFAULT:
        if step == "capacity":
            return {"capacity": None}
        if step == "deadline_at":
            return {"deadline_at": draft["starts_at"]}
        raise InvalidInput("error-button-expired")
    values = field_values(step, answer, _times(draft), now)
    return {key: _json(value) for key, value in values.items()}


def stored_values(draft: dict[str, Any]) -> dict[str, Any]:
    """The finished draft as the course's columns."""
    return {
        key: datetime.fromisoformat(value) if key.endswith("_at") else value
        for key, value in draft.items()
    }


def _times(draft: dict[str, Any]) -> Times:
    moments = {
        name: datetime.fromisoformat(draft[name]) if draft.get(name) else None
        for name in ("starts_at", "ends_at", "deadline_at")
    }
    return Times(draft.get("timezone") or "UTC", **moments)


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
