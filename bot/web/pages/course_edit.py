"""A course card's fields as one form: the chat's edit, every field at once.

Each field is sent to the service as the text an organiser would type in the chat, so it is
read and checked by the chat's own parsers (bot/services/course_fields.py) and saved by
CourseService.edit_fields: all fields or none, audited and told to participants as in the chat.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web

from bot.errors import DomainError
from bot.i18n import Translator
from bot.services.course_dialog import Answer, Choice
from bot.services.course_fields import format_local_date, format_local_datetime
from bot.services.courses import EDITABLE, EditsRejected, editable_fields
from bot.services.quotas import Quotas
from bot.ui.course_prompts import current_value
from bot.web.context import ID, dashboard, viewer
from bot.web.render import render
from storage.courses import Course, CourseStatus, SignupMode

# Fields chosen from a list, with the values their parsers read.
CHOICES: dict[str, tuple[str, ...]] = {
    "language": ("en", "ru"),
    "signup_mode": tuple(mode.value for mode in SignupMode),
    "certificate_language": ("own", "bilingual"),
}
LONG_TEXT = frozenset({"description_en", "description_ru", "place", "quotas"})
LOCAL_TIMES = frozenset({"starts_at", "ends_at", "deadline_at", "quota_release_at"})
# The form in parts an organiser scans for (dash-course-edit-group-<name>); the card's order
# is kept where it is saved: a new zone before the times, the start before the end.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("texts", ("title_en", "title_ru", "description_en", "description_ru")),
    ("when", ("timezone", "starts_at", "ends_at", "place", "language")),
    ("seats", ("capacity", "deadline_at", "signup_mode", "quotas", "quota_release_at")),
    ("messages", ("reminder_offsets", "attendance_check_days", "followup")),
    ("certificates", ("certificate", "certificate_language", "hours")),
)
# Fields an empty box leaves at a meaning of its own (no limit, the default, none).
EMPTY_MEANS = frozenset(
    {
        "capacity",
        "deadline_at",
        "reminder_offsets",
        "attendance_check_days",
        "quotas",
        "quota_release_at",
        "followup",
        "certificate",
    }
)
# The fields whose hint explains how to write them (dash-course-edit-hint-<field>).
HINTED = frozenset(EDITABLE) - {"title_en", "title_ru", "description_en", "description_ru"}


@dataclass(frozen=True)
class FieldView:
    """One field of the form as the template shows it."""

    name: str
    label: str
    value: str
    kind: str  # "text", "textarea" or "select"
    options: tuple[tuple[str, str], ...]  # (value, label) for a select
    hint: str
    error: str
    placeholder: str  # what an empty field means, in the chat's words ("No limit")


@dataclass(frozen=True)
class GroupView:
    title: str
    fields: list[FieldView]


def setup(app: web.Application) -> None:
    app.router.add_get(f"/courses/{{course_id:{ID}}}/edit", edit_form)
    app.router.add_post(f"/courses/{{course_id:{ID}}}/edit", save_edit)


async def _course(request: web.Request) -> Course:
    return await dashboard(request).services.course_service.get(
        int(request.match_info["course_id"])
    )


async def edit_form(request: web.Request) -> web.StreamResponse:
    course = await _course(request)
    return _page(request, course, typed={}, refused={})


async def save_edit(request: web.Request) -> web.StreamResponse:
    """Store what changed, or show the form again with the organiser's input and, by each
    wrong field, the chat's explanation; a refusal stores nothing."""
    course = await _course(request)
    posted = await request.post()
    typed = {name: str(posted[name]) for name in EDITABLE if name in posted}
    answers = changed_answers(course, typed)
    dash, who = dashboard(request), viewer(request)
    told = 0
    if answers:
        try:
            change = await dash.services.course_service.edit_fields(
                course.id, answers, actor=who.user_id
            )
        except EditsRejected as rejected:
            return _page(request, course, typed, rejected.refused, status=422)
        told = change.notified
    raise web.HTTPSeeOther(f"{dash.base}/courses/{course.id}?saved={told}")


def changed_answers(course: Course, typed: Mapping[str, str]) -> dict[str, Answer]:
    """The fields whose text differs from what the form showed, in the card's order, each
    as the chat's answer to it (an empty deadline is "Until the start")."""
    answers: dict[str, Answer] = {}
    for name in EDITABLE:
        if name not in typed or _same(typed[name], form_value(course, name)):
            continue
        empty_deadline = name == "deadline_at" and not typed[name].strip()
        answers[name] = Choice.DEFAULT if empty_deadline else typed[name]
    return answers


def _same(typed: str, shown: str) -> bool:
    """Whether the organiser left a field as it was (line endings and edge spaces aside)."""

    def lines(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip().splitlines()]

    return lines(typed) == lines(shown)


def form_value(course: Course, name: str) -> str:
    """A field's value as the organiser would type it in the chat (times in the course's
    zone); empty where the chat's answer is "none", "no limit" or "the default"."""
    zone = course.timezone
    if name == "place":
        return "\n".join(part for part in (course.venue, course.online_url) if part)
    if name == "deadline_at" and course.deadline_at == course.starts_at:
        return ""  # "Until the start": it moves with the start
    if name == "quota_release_at":
        return format_local_date(course.quota_release_at, zone) if course.quota_release_at else ""
    if name == "quotas":
        return Quotas.from_json(course.quotas).as_form() if course.quotas else ""
    if name == "certificate":
        return f"{course.certificate}%" if course.certificate else ""
    value = getattr(course, name)
    if name in LOCAL_TIMES:
        return format_local_datetime(value, zone)
    return "" if value is None else str(value)


def _page(
    request: web.Request,
    course: Course,
    typed: Mapping[str, str],
    refused: Mapping[str, DomainError],
    status: int = 200,
) -> web.Response:
    t = viewer(request).t
    allowed = editable_fields(course)
    grouped = [(name, [f for f in members if f in allowed]) for name, members in GROUPS]
    groups = [
        GroupView(
            t.plain(f"dash-course-edit-group-{name}"),
            [_field_view(course, field, typed, refused, t) for field in members],
        )
        for name, members in grouped
        if members
    ]
    # A refusal for a field the form no longer has (the course was finished meanwhile).
    elsewhere = [
        explanation(refusal, t) for name, refusal in refused.items() if name not in allowed
    ]
    return render(
        request,
        "course_edit.html",
        status=status,
        course=course,
        title=course.title(t.locale),
        groups=groups,
        refused_count=len(refused),
        elsewhere=elsewhere,
        closed=course.status == CourseStatus.CANCELLED,
        finished=course.status == CourseStatus.FINISHED,
    )


def _field_view(
    course: Course,
    name: str,
    typed: Mapping[str, str],
    refused: Mapping[str, DomainError],
    t: Translator,
) -> FieldView:
    label = t.plain(f"course-field-{name}")
    if name in LOCAL_TIMES:
        kind_of_time = "day" if name == "quota_release_at" else "time"
        label = t.plain(
            f"dash-course-edit-local-{kind_of_time}", field=label, zone=course.timezone
        )
    options = tuple((value, _option_label(name, value, t)) for value in CHOICES.get(name, ()))
    kind = "select" if name in CHOICES else "textarea" if name in LONG_TEXT else "text"
    return FieldView(
        name=name,
        label=label,
        value=typed.get(name, form_value(course, name)),
        kind=kind,
        options=options,
        hint=t.plain(f"dash-course-edit-hint-{name}") if name in HINTED else "",
        error=explanation(refused[name], t) if name in refused else "",
        placeholder=_placeholder(course, name, t),
    )


def _placeholder(course: Course, name: str, t: Translator) -> str:
    """What leaving `name` empty means, as the chat shows that value ("Until the start")."""
    if name in CHOICES or name not in EMPTY_MEANS:
        return ""
    values = {"starts_at": course.starts_at, "deadline_at": course.starts_at}
    return _sentence(current_value(name, values, course.timezone, t))


def _option_label(name: str, value: str, t: Translator) -> str:
    """The chat's words for a choice (the language names are lower case in Russian)."""
    if name == "language":
        return _sentence(t.plain(f"language-name-{value}"))
    if name == "signup_mode":
        return t.plain(f"button-signup-mode-{value}")
    return _sentence(t.plain(f"course-certificate-language-{value}"))


def explanation(refusal: DomainError, t: Translator) -> str:
    """What the chat says of a refused value (what is wrong, how to write it), as a
    sentence of its own."""
    return _sentence(t.plain(refusal.key, **refusal.args_for_message))


def _sentence(text: str) -> str:
    # The chat's problem texts follow a field's name ("Start: the start is in the past.").
    return text[:1].upper() + text[1:]
