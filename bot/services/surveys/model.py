"""What a survey is: its questions (bilingual, stored as JSON) and the answers they accept.

Shared by the definition parser, the answering flow, the results and the exports, so each of
them agrees on what a valid answer looks like.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

# Answers as stored (JSON): rating -> int, choice -> option index, multi -> sorted list of
# option indexes, yesno -> bool, text -> str; a skipped optional question -> None.
Answer = int | bool | str | list[int] | None

TEXT_ANSWER_LIMIT = 1000
OPTION_LIMIT = 10  # options of one choice question: buttons must fit a phone screen
OPTION_TEXT_LIMIT = 60
QUESTION_TEXT_LIMIT = 300
QUESTIONS_LIMIT = 30
SCALE_POINTS_LIMIT = 11  # 0-10 is the widest scale: one or two rows of buttons
ANONYMOUS_THRESHOLD = 3  # anonymous results are shown only from this many responses


class QuestionKind(StrEnum):
    RATING = "rating"
    CHOICE = "choice"
    MULTI = "multi"
    YESNO = "yesno"
    TEXT = "text"


@dataclass(frozen=True)
class Bilingual:
    en: str
    ru: str

    def get(self, locale: str) -> str:
        own = self.ru if locale == "ru" else self.en
        return own or self.en or self.ru

    def to_json(self) -> dict[str, str]:
        return {"en": self.en, "ru": self.ru}

    @classmethod
    def from_json(cls, value: dict[str, str]) -> Bilingual:
        return cls(value.get("en", ""), value.get("ru", ""))


@dataclass(frozen=True)
class Question:
    kind: QuestionKind
    text: Bilingual
    required: bool = True
    options: tuple[Bilingual, ...] = ()  # choice and multi
    scale_min: int = 1  # rating
    scale_max: int = 5
    low: Bilingual | None = None  # rating: what the ends of the scale mean
    high: Bilingual | None = None
    # The question's identity across surveys ("relevance"): the course-end and follow-up
    # surveys' ratings are compared by it, never by their (editable) wording.
    ref: str | None = None

    def valid(self, answer: Answer) -> bool:
        """Whether `answer` is a complete answer to this question (None: skipped)."""
        if answer is None:
            return not self.required
        match self.kind:
            case QuestionKind.RATING:
                return type(answer) is int and self.scale_min <= answer <= self.scale_max
            case QuestionKind.CHOICE:
                return type(answer) is int and 0 <= answer < len(self.options)
            case QuestionKind.MULTI:
                return (
                    isinstance(answer, list)
                    and len(answer) > 0
                    and answer == sorted(set(answer))
                    and all(type(i) is int and 0 <= i < len(self.options) for i in answer)
                )
            case QuestionKind.YESNO:
                return type(answer) is bool
            case QuestionKind.TEXT:
                return isinstance(answer, str) and 0 < len(answer) <= TEXT_ANSWER_LIMIT
        return False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind.value,
            "text": self.text.to_json(),
            "required": self.required,
        }
        if self.options:
            data["options"] = [option.to_json() for option in self.options]
        if self.kind == QuestionKind.RATING:
            data["scale"] = [self.scale_min, self.scale_max]
            if self.low is not None:
                data["low"] = self.low.to_json()
            if self.high is not None:
                data["high"] = self.high.to_json()
        if self.ref:
            data["ref"] = self.ref
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Question:
        scale = data.get("scale", [1, 5])
        return cls(
            kind=QuestionKind(data["kind"]),
            text=Bilingual.from_json(data["text"]),
            required=bool(data.get("required", True)),
            options=tuple(Bilingual.from_json(o) for o in data.get("options", [])),
            scale_min=int(scale[0]),
            scale_max=int(scale[1]),
            low=Bilingual.from_json(data["low"]) if "low" in data else None,
            high=Bilingual.from_json(data["high"]) if "high" in data else None,
            ref=data.get("ref") or None,
        )


@dataclass(frozen=True)
class SurveyDraft:
    """A survey as an organiser defined it, before it is stored.

    `opens_at`/`closes_at` None: open from activation / for the default period. `send_after`
    and `remind_after` in minutes, None: the configured defaults.
    """

    title: Bilingual
    questions: tuple[Question, ...]
    intro: Bilingual | None = None
    course_id: int | None = None
    anonymous: bool = False
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    send_after: int | None = None
    remind_after: int | None = None
