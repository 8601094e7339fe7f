"""Survey templates: the built-in follow-up survey, a survey written back as a `/newsurvey`
text the organiser can copy and edit, and the office's saved templates ("My templates")."""

from __future__ import annotations

import json
from typing import Any

from bot.i18n import Localizations
from bot.services.surveys.built_in import BuiltInTexts
from bot.services.surveys.model import Bilingual, Question, QuestionKind, SurveyDraft
from bot.services.surveys.views import questions_of
from storage.surveys import Survey

# The follow-up's ratings the course-end feedback survey asks too, by their identity: the
# side-by-side chart pairs them (feedback_template names its ratings the same way).
COMPARED_RATINGS = ("relevance", "overall")
# Written out in full: the locale tests find every key the code uses.
FOLLOWUP_APPLIED = (
    "followup-template-applied-regularly",
    "followup-template-applied-sometimes",
    "followup-template-applied-not-yet",
    "followup-template-applied-not-applicable",
)
FOLLOWUP_OBSTACLES = (
    "followup-template-obstacle-time",
    "followup-template-obstacle-support",
    "followup-template-obstacle-duties",
    "followup-template-obstacle-rules",
    "followup-template-obstacle-equipment",
    "followup-template-obstacle-nothing",
    "followup-template-obstacle-other",
)
# The course-end survey's scale ends of each compared rating (the same scale, the same words).
COMPARED_ENDS = {
    "relevance": ("survey-template-relevance-low", "survey-template-relevance-high"),
    "overall": ("survey-template-low", "survey-template-high"),
}


def followup_template(
    localizations: Localizations, course_id: int | None, course_title: Bilingual | None = None
) -> SurveyDraft:
    """The follow-up survey months after a course (Kirkpatrick level 3: has the training
    changed the work?), in both languages from the locale files. Anonymous, like the
    course-end feedback: what got in the way is often the officer's own superiors."""
    texts = BuiltInTexts(localizations)
    both = texts.both

    def compared(ref: str) -> Question:
        # The course-end survey's scale and ends: the two answers must mean the same.
        low, high = COMPARED_ENDS[ref]
        text = both(f"followup-template-{ref}")
        return Question(QuestionKind.RATING, text, low=both(low), high=both(high), ref=ref)

    title = texts.title("followup-template-title", course_title)
    questions = (
        Question(
            QuestionKind.CHOICE,
            both("followup-template-applied"),
            options=tuple(both(key) for key in FOLLOWUP_APPLIED),
            ref="applied",
        ),
        Question(QuestionKind.TEXT, both("followup-template-how"), required=False, ref="how"),
        Question(
            QuestionKind.MULTI,
            both("followup-template-obstacles"),
            options=tuple(both(key) for key in FOLLOWUP_OBSTACLES),
            ref="obstacles",
        ),
        Question(QuestionKind.TEXT, both("followup-template-other"), required=False, ref="other"),
        Question(
            QuestionKind.TEXT, both("followup-template-results"), required=False, ref="results"
        ),
        *(compared(ref) for ref in COMPARED_RATINGS),
        Question(QuestionKind.YESNO, both("followup-template-more"), ref="more"),
    )
    return SurveyDraft(
        title=title,
        questions=questions,
        intro=both("followup-template-intro"),
        course_id=course_id,
        anonymous=True,
    )


# -- a survey as a /newsurvey text ------------------------------------------------------------


def draft_of(survey: Survey) -> SurveyDraft:
    """What a stored survey was made from, as far as a template keeps it (no times)."""
    intro = Bilingual(survey.intro_en or "", survey.intro_ru or "")
    return SurveyDraft(
        title=Bilingual(survey.title_en, survey.title_ru),
        questions=questions_of(survey),
        intro=intro if intro.en or intro.ru else None,
        course_id=survey.course_id,
        anonymous=survey.anonymous,
        send_after=survey.send_after // 60 if survey.course_id else None,
    )


def definition_text(draft: SurveyDraft) -> str:
    """The draft as the lines of a `/newsurvey` message: sent back, it makes the same survey
    (question identities included, as `rating #relevance:`)."""
    lines = ["/newsurvey"]
    if draft.course_id is not None:
        lines.append(f"course: {draft.course_id}")
        if draft.send_after is not None:
            lines.append(f"send_after: {duration_text(draft.send_after)}")
    lines += [f"title_en: {draft.title.en}", f"title_ru: {draft.title.ru}"]
    if draft.intro is not None:
        lines += [f"intro_en: {draft.intro.en}", f"intro_ru: {draft.intro.ru}"]
    lines.append(f"anonymous: {'yes' if draft.anonymous else 'no'}")
    lines += [_question_line(question) for question in draft.questions]
    return "\n".join(lines)


def duration_text(minutes: int) -> str:
    """Minutes as the definition writes a duration: `90d`, `2h`, `1d 12h`; 0: `no`."""
    if minutes <= 0:
        return "no"
    parts = []
    for unit, size in (("d", 24 * 60), ("h", 60), ("m", 1)):
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(f"{count}{unit}")
    return " ".join(parts)


def _label(text: Bilingual) -> str:
    # One text serves both languages, unless it has a "/" the parser would split at.
    if text.en == text.ru and "/" not in text.en:
        return text.en
    return f"{text.en} / {text.ru}"


def _question_line(question: Question) -> str:
    key = question.kind.value
    if question.ref:
        key += f" #{question.ref}"
    if not question.required:
        key += "?"
    parts = [question.text.en, question.text.ru]
    if question.kind == QuestionKind.RATING:
        scale = f"{question.scale_min}-{question.scale_max}"
        if question.low is not None and question.high is not None:
            parts += [scale, _label(question.low), _label(question.high)]
        elif (question.scale_min, question.scale_max) != (1, 5):
            parts.append(scale)
    elif question.options:
        parts.append("; ".join(_label(option) for option in question.options))
    return f"{key}: " + " | ".join(parts)


# -- "My templates" ---------------------------------------------------------------------------


def template_json(draft: SurveyDraft) -> str:
    """What a saved template keeps of a survey: its texts, questions and mode (not its
    course or times: it is used for other courses)."""
    data: dict[str, Any] = {
        "title": draft.title.to_json(),
        "intro": draft.intro.to_json() if draft.intro else None,
        "questions": [question.to_json() for question in draft.questions],
        "anonymous": draft.anonymous,
    }
    return json.dumps(data, ensure_ascii=False)


def draft_from_template(definition: str, course_id: int | None) -> SurveyDraft:
    """A saved template made into a survey for a course (None: for no course)."""
    data = json.loads(definition)
    intro = data.get("intro")
    return SurveyDraft(
        title=Bilingual.from_json(data["title"]),
        questions=tuple(Question.from_json(item) for item in data["questions"]),
        intro=Bilingual.from_json(intro) if intro else None,
        course_id=course_id,
        anonymous=bool(data.get("anonymous", False)),
    )
