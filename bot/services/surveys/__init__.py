"""Feedback surveys: definition and model, the service (creating, inviting, answering,
closing, who may see results), its timers, results, the chart and the exports."""

from bot.services.surveys.errors import SurveyClosed, SurveyClosedForInvitations, SurveyNotFound
from bot.services.surveys.service import AUDIENCES, SurveyService
from bot.services.surveys.timers import SurveyTimers
from bot.services.surveys.views import ExportFile, Launch, Preview, Report, Step, questions_of

__all__ = [
    "AUDIENCES",
    "ExportFile",
    "Launch",
    "Preview",
    "Report",
    "Step",
    "SurveyClosed",
    "SurveyClosedForInvitations",
    "SurveyNotFound",
    "SurveyService",
    "SurveyTimers",
    "questions_of",
]
