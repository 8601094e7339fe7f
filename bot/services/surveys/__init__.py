"""Feedback surveys: definition and model, the service (creating, inviting, answering,
closing, who may see results), its timers, results, the chart and the exports."""

from bot.services.surveys.errors import (
    ResultsHidden,
    ResultsNotReleased,
    SurveyClosed,
    SurveyClosedForInvitations,
    SurveyModeLocked,
    SurveyNotFound,
)
from bot.services.surveys.service import (
    AUDIENCES,
    DEFAULT_OPEN_DAYS,
    SurveyService,
    sealed_size,
)
from bot.services.surveys.timers import SurveyTimers
from bot.services.surveys.views import (
    ExportFile,
    Launch,
    Preview,
    Report,
    Result,
    Step,
    questions_of,
)

__all__ = [
    "AUDIENCES",
    "DEFAULT_OPEN_DAYS",
    "ExportFile",
    "Launch",
    "Preview",
    "Report",
    "Result",
    "ResultsHidden",
    "ResultsNotReleased",
    "Step",
    "SurveyClosed",
    "SurveyClosedForInvitations",
    "SurveyModeLocked",
    "SurveyNotFound",
    "SurveyService",
    "SurveyTimers",
    "questions_of",
    "sealed_size",
]
