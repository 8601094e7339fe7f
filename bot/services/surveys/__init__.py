"""Feedback surveys: definition and model, the service (creating, inviting, answering,
closing, who may see results), its timers, results, the chart and the exports."""

from bot.services.surveys.service import (
    AUDIENCES,
    DEFAULT_OPEN_DAYS,
    ExportFile,
    Launch,
    Preview,
    Report,
    Result,
    ResultsHidden,
    ResultsNotReleased,
    Step,
    SurveyClosed,
    SurveyClosedForInvitations,
    SurveyModeLocked,
    SurveyNotFound,
    SurveyService,
    questions_of,
    sealed_size,
)
from bot.services.surveys.timers import SurveyTimers

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
