"""What the survey service refuses, each with the message its user is shown."""

from __future__ import annotations

from bot.errors import DomainError, NotFound


class SurveyClosed(DomainError, key="survey-closed"): ...


class SurveyNotFound(NotFound, key="survey-not-found"): ...


class SurveyClosedForInvitations(DomainError, key="survey-invite-closed"):
    """What an organiser is told: the participants' wording would not fit."""


class SurveyModeLocked(DomainError, key="survey-mode-locked"):
    """Anonymous or named is settled once the survey is active (or gone)."""


class ResultsHidden(DomainError, key="results-files-hidden"):
    """Anonymous results below the threshold: no figures, no files."""


class ResultsNotReleased(DomainError, key="results-released-after-close"):
    """Text answers and files of an anonymous survey before it closes (issue 11)."""
