"""The office's own survey templates ("My templates"): a name and a survey's definition."""

from __future__ import annotations

from dataclasses import dataclass, fields

from storage.sql import Repository, from_row, stamp

TEMPLATES_LIMIT = 20  # one screen of buttons; an office keeps a handful


@dataclass(frozen=True)
class SurveyTemplate:
    id: int
    name: str
    definition: str  # JSON: bot/services/surveys/templates.py reads and writes it
    created_by: int | None
    created_at: str


_COLUMNS = ", ".join(f.name for f in fields(SurveyTemplate))


class SurveyTemplateRepository(Repository):
    async def add(self, name: str, definition: str, created_by: int | None) -> SurveyTemplate:
        values = {
            "name": name,
            "definition": definition,
            "created_by": created_by,
            "created_at": stamp(self.sql),
        }
        return from_row(
            SurveyTemplate,
            await self.insert_returning("survey_templates", values, _COLUMNS),
        )

    async def get(self, template_id: int) -> SurveyTemplate | None:
        row = await self.sql.fetch_one(
            f"SELECT {_COLUMNS} FROM survey_templates WHERE id = ?",  # noqa: S608 - fixed
            (template_id,),
        )
        return from_row(SurveyTemplate, row) if row else None

    async def all(self) -> list[SurveyTemplate]:
        """Every template, by name (the newest first among equal names)."""
        rows = await self.sql.fetch_all(
            f"SELECT {_COLUMNS} FROM survey_templates"  # noqa: S608 - fixed columns
            " ORDER BY name COLLATE NOCASE, id DESC LIMIT ?",
            (TEMPLATES_LIMIT,),
        )
        return [from_row(SurveyTemplate, row) for row in rows]

    async def count(self) -> int:
        row = await self.sql.fetch_one("SELECT COUNT(*) FROM survey_templates")
        return int(row[0]) if row else 0

    async def delete(self, template_id: int) -> bool:
        row = await self.sql.write(
            "DELETE FROM survey_templates WHERE id = ? RETURNING 1", (template_id,)
        )
        return row is not None
