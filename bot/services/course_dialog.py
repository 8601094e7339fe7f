"""The step-by-step creation dialog's rules: which field comes next (or before), what a skip or a
default answer means, and what the answers so far (kept as JSON in the dialog state) amount to.

The steps are the course fields the dialog asks for (storage.courses.COURSE_FIELDS), and every
answer is validated by course_fields.field_values, like an edit. An organiser may go back: the
answers after the step they change are kept, and checked again when the dialog reaches them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum, StrEnum
from typing import Any

from bot.errors import InvalidInput
from bot.services.course_fields import (
    FieldProblem,
    Times,
    check_quota_release,
    check_times,
    field_values,
    rezone,
)
from storage.courses import COURSE_FIELDS, DIALOG_STEPS, SignupMode

# A draft may lack the first three; Skip at the quotas means none, at the release day never.
SKIPPABLE = frozenset(
    {"title_ru", "description_en", "description_ru", "quotas", "quota_release_at"}
)
_STORED_AS = {field.name: field.stored_as for field in COURSE_FIELDS}
_TIMES = ("starts_at", "ends_at", "deadline_at")
# Where seats are not first come, first served, quotas keep a balance between countries.
_MODES_WITH_QUOTAS = frozenset({SignupMode.APPROVAL.value, SignupMode.NOMINATION.value})


class Choice(StrEnum):
    """An answer given with a button instead of text."""

    SKIP = "skip"
    DEFAULT = "default"  # unlimited capacity; the deadline at the start


Answer = str | Choice | None


def choice_values(field: str, choice: Choice, known: Times) -> dict[str, Any]:
    """What a button answer means for `field` (a dialog step or an edit); a button the field
    does not offer has expired."""
    if choice is Choice.SKIP and field in SKIPPABLE:
        return {field: None}
    if choice is Choice.DEFAULT and field == "capacity":
        return {"capacity": None}
    if choice is Choice.DEFAULT and field == "deadline_at" and known.starts_at is not None:
        return {"deadline_at": known.starts_at}
    raise InvalidInput("error-button-expired")


def applies(step: str, draft: dict[str, Any]) -> bool:
    """Whether the dialog asks `step` after the answers so far: quotas only when seats are
    given on approval or by nomination, the release day only when there are quotas."""
    if step == "quotas":
        return draft.get("signup_mode") in _MODES_WITH_QUOTAS
    if step == "quota_release_at":
        return applies("quotas", draft) and bool(draft.get("quotas"))
    return True


def steps(draft: dict[str, Any]) -> tuple[str, ...]:
    """The questions this draft is asked, in order (the count in "Step N of M")."""
    return tuple(step for step in DIALOG_STEPS if applies(step, draft))


def answered(step: str, draft: dict[str, Any]) -> bool:
    return _STORED_AS[step][0] in draft


def first_unanswered(step: str, draft: dict[str, Any]) -> str | None:
    """A step before `step` the draft has no answer for: the dialog state and its data
    disagree (state from an older version, data lost), so the dialog goes back there."""
    for earlier in DIALOG_STEPS[: DIALOG_STEPS.index(step)]:
        if applies(earlier, draft) and not answered(earlier, draft):
            return earlier
    return None


def next_step(step: str, draft: dict[str, Any]) -> str | None:
    later = DIALOG_STEPS[DIALOG_STEPS.index(step) + 1 :]
    return next((name for name in later if applies(name, draft)), None)


def previous_step(step: str, draft: dict[str, Any]) -> str | None:
    earlier = DIALOG_STEPS[: DIALOG_STEPS.index(step)]
    return next((name for name in reversed(earlier) if applies(name, draft)), None)


def step_values(step: str, answer: Answer, draft: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Validate one answer against the answers before it; returns what to keep (JSON-safe).
    Answers after it (kept when the organiser went back) are checked when they are reached."""
    earlier = _times(draft, before=step)
    if isinstance(answer, Choice):
        values = choice_values(step, answer, earlier)
    else:
        values = field_values(step, answer, earlier, now)
    if step == "timezone" and draft.get("timezone"):
        # The zone was corrected: the times typed after it keep their wall-clock reading.
        for name in (*_TIMES, "quota_release_at"):
            if draft.get(name):
                moment = datetime.fromisoformat(draft[name])
                values[name] = rezone(moment, draft["timezone"], values["timezone"])
    if (
        step == "starts_at"
        and draft.get("deadline_at")
        and draft["deadline_at"] == draft.get("starts_at")
    ):
        values["deadline_at"] = values["starts_at"]  # "until the start" follows the start
    return {key: _json(value) for key, value in values.items()}


def kept_problem(step: str, draft: dict[str, Any], now: datetime) -> FieldProblem | None:
    """Why the answer kept for `step` no longer fits the answers before it (the start went
    past the end, or into the past, or before the release day), or None."""
    if step == "quota_release_at" and draft.get(step):
        try:
            starts = _times(draft, before=step).starts_at
            check_quota_release(datetime.fromisoformat(draft[step]), starts)
        except FieldProblem as problem:
            return problem
        return None
    if step not in _TIMES or not draft.get(step):
        return None
    known = _times(draft, before=step)
    moment = datetime.fromisoformat(draft[step])
    starts = moment if step == "starts_at" else known.starts_at
    if starts is None:
        return None
    ends = moment if step == "ends_at" else known.ends_at
    deadline = moment if step == "deadline_at" else None
    problems = [p for p in check_times(starts, ends, deadline, now) if p.field == step]
    return problems[0] if problems else None


def stored_values(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft as the course's columns; answers to questions the draft is no longer asked
    (quotas kept from before the organiser went back and chose open sign-up) are left out."""
    not_asked = {
        column
        for field in COURSE_FIELDS
        if field.name in DIALOG_STEPS and not applies(field.name, draft)
        for column in field.stored_as
    }
    return {
        key: datetime.fromisoformat(value) if key.endswith("_at") and value else value
        for key, value in draft.items()
        if key not in not_asked
    }


def _times(draft: dict[str, Any], before: str) -> Times:
    """The zone and the times answered in the steps before `before`."""
    asked = DIALOG_STEPS[: DIALOG_STEPS.index(before)]
    moments = {
        name: datetime.fromisoformat(draft[name]) if name in asked and draft.get(name) else None
        for name in _TIMES
    }
    zone = draft.get("timezone") if "timezone" in asked else None
    return Times(zone or "UTC", **moments)


def _json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    return value.isoformat() if isinstance(value, datetime) else value
