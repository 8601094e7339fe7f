"""What the survey service refuses, each with the message its user is shown."""

from __future__ import annotations

from bot.errors import DomainError, NotFound


class SurveyClosed(DomainError):
    key = "survey-closed"


class SurveyClosedForInvitations(DomainError):
    """What an organiser is told: the participants' wording would not fit."""

    key = "survey-invite-closed"


class SurveyNotFound(NotFound):
    key = "survey-not-found"


class SurveyModeLocked(DomainError):
    """Anonymous or named is settled once the survey is active (or gone)."""

    key = "survey-mode-locked"


class ResultsHidden(DomainError):
    """Anonymous results below the threshold: no figures, no files."""

    key = "results-files-hidden"


class ResultsNotReleased(DomainError):
    """Text answers and files of an anonymous survey before it closes (issue 11)."""

    key = "results-released-after-close"
