"""The office's own survey templates ("My templates"): saved from a survey's preview, listed
when a survey is made for a course, deleted after a confirmation."""

from __future__ import annotations

from bot.errors import InvalidInput, NotFound
from bot.services.profiles import clean_text
from bot.services.surveys.templates import draft_of, template_json
from storage.audit import AuditAction
from storage.database import Database
from storage.survey_templates import TEMPLATES_LIMIT, SurveyTemplate

NAME_MAX = 60  # a button's text


class TemplateNotFound(NotFound, key="template-not-found"): ...


class SavedTemplates:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.repos = db.repos

    async def save(self, survey_id: int, name: str, actor: int) -> SurveyTemplate:
        """The survey's texts and questions under `name` (any survey: a draft, active or
        closed one)."""
        text = clean_text(name)
        if not text:
            raise InvalidInput("template-error-name-empty")
        if len(text) > NAME_MAX:
            raise InvalidInput("template-error-name-long", length=len(text), max=NAME_MAX)
        survey = await self.repos.surveys.get(survey_id)
        if survey is None:
            raise InvalidInput("error-button-expired")
        if await self.repos.survey_templates.count() >= TEMPLATES_LIMIT:
            raise InvalidInput("template-error-full", max=TEMPLATES_LIMIT)
        definition = template_json(draft_of(survey))
        async with self.db.transaction() as tx:
            saved = await tx.survey_templates.add(text, definition, actor)
            # An organiser's action like any other: /audit says who saved it, from which survey.
            await tx.audit.record(
                actor, AuditAction.TEMPLATE_SAVED, "template", saved.id, survey=survey.id
            )
        return saved

    async def all(self) -> list[SurveyTemplate]:
        return await self.repos.survey_templates.all()

    async def get(self, template_id: int) -> SurveyTemplate:
        found = await self.repos.survey_templates.get(template_id)
        if found is None:
            raise TemplateNotFound()
        return found

    async def delete(self, template_id: int, actor: int) -> bool:
        """False: deleted already (a double tap)."""
        async with self.db.transaction() as tx:
            deleted = await tx.survey_templates.delete(template_id)
            if deleted:
                await tx.audit.record(actor, AuditAction.TEMPLATE_DELETED, "template", template_id)
        return deleted
