"""Callback data of every inline button. Prefixes are short and versioned (Telegram allows 64
bytes); a changed layout gets a new prefix so old buttons fall to the "out of date" answer."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Self

from aiogram.filters.callback_data import CallbackData
from pydantic import BaseModel, model_validator

# Callback data is user input: a forged number could exceed SQLite's 64-bit integers (an
# OverflowError deep in a query) or overflow in arithmetic such as page * page size. Ids,
# pages and indexes here are far below 2**53 (Telegram ids fit in 52 bits), so anything
# larger is refused before a handler sees it.
INT_LIMIT = 2**53
_INTEGER = re.compile(r"-?\d+")


class _SaneInts(BaseModel):
    """Mixed into every CallbackData: an out-of-range int fails to unpack, so no handler
    matches and the catch-all answers "not found" (see `has_absurd_number`)."""

    @model_validator(mode="after")
    def _ints_in_range(self) -> Self:
        for name, value in self:
            if isinstance(value, int) and not -INT_LIMIT < value < INT_LIMIT:
                raise ValueError(f"{name} out of range")
        return self


def has_absurd_number(data: str) -> bool:
    """Callback data with an integer part no button of ours can carry."""
    return any(
        _INTEGER.fullmatch(part) is not None and not -INT_LIMIT < int(part) < INT_LIMIT
        for part in data.split(":")
    )


class MenuAction(StrEnum):
    COURSES = "courses"
    MY = "my"
    PROFILE = "profile"
    LANGUAGE = "language"
    HELP = "help"


class MenuCb(CallbackData, _SaneInts, prefix="mnu1"):
    action: MenuAction


class LanguageCb(CallbackData, _SaneInts, prefix="lng1"):
    code: str


class ConsentCb(CallbackData, _SaneInts, prefix="cns1"):
    agree: bool


class ProfileAction(StrEnum):
    EDIT = "edit"
    SKIP = "skip"  # no e-mail address, in the step-by-step profile
    CLEAR = "clear"  # remove the saved e-mail address, when editing it
    DONE = "done"


class ProfileCb(CallbackData, _SaneInts, prefix="prf1"):
    action: ProfileAction
    field: str


class CountryCb(CallbackData, _SaneInts, prefix="cty1"):
    code: str = ""  # empty: just turn to `page`
    page: int = 0


class TimezoneCb(CallbackData, _SaneInts, prefix="tz1"):
    index: int


class ForgetCb(CallbackData, _SaneInts, prefix="fgt1"):
    confirm: bool


class StatsCb(CallbackData, _SaneInts, prefix="sts1"):
    refresh: bool = True


class CourseAction(StrEnum):
    LIST = "list"
    VIEW = "view"
    SIGN_UP = "up"
    CANCEL = "cancel"
    CANCEL_YES = "cancel_yes"
    CALENDAR = "ics"
    MY = "my"
    OPEN = "open"  # from an announcement: the card comes as a new message
    COMING = "coming"  # "Are you still coming?" - yes
    NOT_COMING = "notcoming"  # - no: the seat is freed


class CourseCb(CallbackData, _SaneInts, prefix="crs1"):
    action: CourseAction
    course_id: int = 0
    page: int = 0


class AdminAction(StrEnum):
    LIST = "list"
    VIEW = "view"
    PUBLISH = "publish"
    DELETE = "delete"
    DELETE_YES = "delete_yes"
    EDIT = "edit"
    EDIT_FIELD = "field"
    PARTICIPANTS = "people"
    XLSX = "xlsx"
    CSV = "csv"
    ATTENDANCE = "attend"
    TOGGLE = "toggle"
    CANCEL = "cancel"
    CANCEL_YES = "cancel_yes"


class AdminCourseCb(CallbackData, _SaneInts, prefix="adc1"):
    action: AdminAction
    course_id: int = 0
    page: int = 0
    arg: str = ""


class CourseFormAction(StrEnum):
    SKIP = "skip"
    DEFAULT = "default"
    LANGUAGE = "lang"
    MODE = "mode"  # how seats are given (value: a SignupMode)


class CourseFormCb(CallbackData, _SaneInts, prefix="cfm1"):
    action: CourseFormAction
    value: str = ""


class AnnounceAction(StrEnum):
    SKIP = "skip"
    SAME = "same"
    AUDIENCE = "aud"
    COURSE = "course"
    STATUS = "status"
    LANGUAGE = "lang"
    COUNTRY = "country"  # tick or untick a country (value: its code)
    PAGE = "page"  # turn the country list to page `value`
    DONE = "done"  # the ticked countries are the audience
    BUTTON = "button"
    DAYTIME = "day"
    SEND = "send"
    SCHEDULE = "schedule"
    CONFIRM = "yes"  # "Send to 1,234 people?" - yes
    RECONSIDER = "no"  # - no: back to the preview, nothing sent
    CANCEL = "cancel"
    STOP = "stop"
    FROM_COURSE = "fromcourse"


class AnnounceCb(CallbackData, _SaneInts, prefix="ann1"):
    action: AnnounceAction
    value: str = ""


class SurveyAction(StrEnum):
    START = "start"  # from the invitation or /surveys: begin or resume
    ANSWER = "a"  # rating, choice (value: the option) or yes/no (value 1/0)
    TOGGLE = "t"  # multiple choice: tick (on) or untick an option
    DONE = "done"  # multiple choice: the ticks are the answer
    SKIP = "skip"  # an optional question


class SurveyCb(CallbackData, _SaneInts, prefix="svy1"):
    action: SurveyAction
    survey_id: int
    q: int = 0  # the question the button belongs to: a button of another question is stale
    value: int = 0
    on: bool = False


class SurveyAdminAction(StrEnum):
    TEMPLATE = "tpl"  # the built-in feedback survey for a course (course id in arg)
    ACTIVATE = "on"
    DELETE = "del"
    MODE = "mode"  # a draft becomes anonymous (arg "anon") or named ("named")
    SEND = "send"  # choose an audience for invitations
    AUDIENCE = "aud"  # invite this audience (arg)
    RESULTS = "res"
    CHART = "chart"
    XLSX = "xlsx"
    CSV = "csv"
    TEXTS = "txt"  # text answers of question `arg`, page `page`
    # Templates (issue 15): the draft `survey_id` made from another template (`arg`: "fb",
    # "fu" or a saved template's id), the survey as a /newsurvey text, saved as a template;
    # "My templates" to delete one (`arg`: its id), after a confirmation.
    OTHER = "oth"
    SOURCE = "src"
    COPY = "copy"
    SAVE = "save"
    MINE = "mine"
    DROP = "drop"
    DROP_YES = "dropy"


class SurveyAdminCb(CallbackData, _SaneInts, prefix="sva1"):
    action: SurveyAdminAction
    survey_id: int = 0
    arg: str = ""
    page: int = 0


class DialogAction(StrEnum):
    BACK = "back"  # the previous question again, its answer kept
    KEEP = "keep"  # keep the answer already given (or the saved value) and go on
    CANCEL = "cancel"  # leave the dialog, like /cancel


class DialogCb(CallbackData, _SaneInts, prefix="dlg1"):
    """The buttons every multi-step dialog shares (bot/ui/dialog.py). Cancel is handled once
    (handlers/common.py); Back and Keep by each dialog for its own states."""

    action: DialogAction


class RequestAction(StrEnum):
    """An organiser's decision on a request for a seat (approval courses), and the inbox."""

    OPEN = "open"  # show one request (from the /requests inbox)
    APPROVE = "ok"
    DECLINE = "no"  # asks for an optional reason first
    LIST = "list"  # put on the waiting list (or the country's reserve list)
    NO_REASON = "skip"  # decline without a reason
    PAGE = "page"  # a page of the /requests inbox


class RequestCb(CallbackData, _SaneInts, prefix="req1"):
    action: RequestAction
    registration_id: int = 0
    page: int = 0


class NomineeAction(StrEnum):
    """An officer's side of a nomination course."""

    ATTEND = "yes"  # "I will attend": the held seat becomes theirs
    CANNOT = "no"  # "I can't attend": the seat goes to the reserve list
    ASK = "ask"  # ask my country's focal point to nominate me
    ACCEPT_INVITE = "inv"  # take up a focal point's invitation link (`token`)


class NomineeCb(CallbackData, _SaneInts, prefix="nme1"):
    action: NomineeAction
    course_id: int = 0
    token: str = ""


class FocalAction(StrEnum):
    """A focal point's screens (/nominate)."""

    COURSES = "courses"  # the courses open for nomination
    COURSE = "course"  # one course: quota use, nominees and their status
    OFFICERS = "officers"  # pick an officer of the country to nominate (paged)
    NOMINATE = "nom"  # nominate `officer_id`
    WITHDRAW = "wd"  # ask before withdrawing `officer_id`
    WITHDRAW_YES = "wdy"
    INVITE = "inv"  # the invitation link for the country's officers


class FocalCb(CallbackData, _SaneInts, prefix="fcp1"):
    action: FocalAction
    course_id: int = 0
    officer_id: int = 0
    country: str = ""
    page: int = 0


class FocalAdminAction(StrEnum):
    """Organisers appointing and removing focal points (/focalpoints)."""

    LIST = "list"
    ADD = "add"  # choose the country, then the person
    COUNTRY = "country"  # the country chosen (`country`), or turn the country list to `page`
    PEOPLE = "people"  # a page of the chosen country's officers
    PICK = "pick"  # the person picked from the country's officers
    REMOVE = "rm"  # ask before removing
    REMOVE_YES = "rmy"


class FocalAdminCb(CallbackData, _SaneInts, prefix="fpa1"):
    action: FocalAdminAction
    country: str = ""
    user_id: int = 0
    page: int = 0


class RosterAction(StrEnum):
    """An organiser's control of one course's participants (from the participants screen)."""

    PERSON = "person"  # one participant's card with what may be done
    MOVE = "move"  # to `arg`: confirmed | waitlisted | reserve
    REMOVE = "rm"  # asks for an optional reason first
    NO_REASON = "skip"
    ADD = "add"  # add someone by hand: by @username, forwarded message or pick
    PICK = "pick"  # the person picked to add, to `arg`
    PAGE = "page"


class RosterCb(CallbackData, _SaneInts, prefix="rst1"):
    action: RosterAction
    course_id: int
    user_id: int = 0
    arg: str = ""
    page: int = 0


class QuestionAction(StrEnum):
    PICK = "pick"  # from /help: which course the question is about
    ASK = "ask"  # start the question dialog (course_id 0: a general question)
    LIST = "list"  # the organisers' /questions list, page `page`
    ANSWER = "answer"  # an organiser answers question `question_id` by the dialog


class QuestionCb(CallbackData, _SaneInts, prefix="qst1"):
    action: QuestionAction
    course_id: int = 0
    question_id: int = 0
    page: int = 0


class MaterialAction(StrEnum):
    """Course materials: the organiser's screen and dialog, and a participant's file."""

    LIST = "list"  # the organiser's list of a course's files
    ADD = "add"  # start the add dialog
    TIMING = "when"  # the dialog's last answer: before or after the course (`arg`)
    REMINDER = "rem"  # toggle "with the reminder" on `material_id`
    REMOVE = "rm"  # ask before removing `material_id`
    REMOVE_YES = "rmy"
    SEND = "send"  # after the course: choose who receives the files
    SEND_TO = "to"  # the audience chosen (`arg`): how many people and files, confirm
    SEND_YES = "go"
    OPEN = "open"  # a participant asks for `material_id`
    ALL = "all"  # a participant's list of every file of the course


class MaterialCb(CallbackData, _SaneInts, prefix="mat1"):
    action: MaterialAction
    course_id: int = 0
    material_id: int = 0
    arg: str = ""
    page: int = 0  # the organiser's list: the page shown, kept by its buttons


class CertAction(StrEnum):
    """Certificates of attendance: the organiser's screens of a course, the holder's."""

    PREVIEW = "pre"  # who qualifies, and Issue
    ISSUE = "issue"
    LIST = "list"  # the course's issued certificates (page `page`)
    OPEN = "open"  # one of them: Reissue, Revoke
    REISSUE = "re"
    REVOKE = "rv"  # asks first
    REVOKE_YES = "rvy"
    REMIND = "rmd"  # those still to give their name in Latin letters are asked again
    MINE = "mine"  # the holder's /certificates
    SEND = "send"  # the holder's file again
    LATIN_NAME = "latin"  # the holder gives the name in Latin letters
    USE_NAME = "use"  # - the profile's name, already in Latin letters


class CertCb(CallbackData, _SaneInts, prefix="crt1"):
    action: CertAction
    course_id: int = 0
    certificate_id: int = 0
    page: int = 0
