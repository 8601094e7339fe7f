"""Every repository, bound to one executor: `db.repos` (each statement committed on its own)
or a transaction (`async with db.transaction() as tx: tx.courses ...`)."""

from __future__ import annotations

from storage.announcements import AnnouncementRepository
from storage.audit import AuditLog
from storage.certificates import CertificateRepository
from storage.courses import CourseRepository
from storage.dashboard import DashboardRepository
from storage.delivery_pace import DeliveryPaceRepository
from storage.focal_points import FocalPointRepository
from storage.materials import MaterialRepository
from storage.outbox import OutboxRepository
from storage.questions import QuestionRepository
from storage.registrations import RegistrationRepository
from storage.reminders import ReminderLog
from storage.sql import Executor
from storage.survey_templates import SurveyTemplateRepository
from storage.surveys import SurveyRepository
from storage.users import UserRepository


class Repositories:
    def __init__(self, sql: Executor) -> None:
        self.courses = CourseRepository(sql)
        self.registrations = RegistrationRepository(sql)
        self.focal_points = FocalPointRepository(sql)
        self.users = UserRepository(sql)
        self.outbox = OutboxRepository(sql)
        self.delivery_pace = DeliveryPaceRepository(sql)
        self.surveys = SurveyRepository(sql)
        self.survey_templates = SurveyTemplateRepository(sql)
        self.announcements = AnnouncementRepository(sql)
        self.audit = AuditLog(sql)
        self.reminders = ReminderLog(sql)
        self.questions = QuestionRepository(sql)
        self.materials = MaterialRepository(sql)
        self.certificates = CertificateRepository(sql)
        self.dashboard = DashboardRepository(sql)
