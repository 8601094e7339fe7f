"""Callback data of every inline button. Prefixes are short and versioned (Telegram allows 64
bytes); a changed layout gets a new prefix so old buttons fall to the "out of date" answer."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class MenuAction(StrEnum):
    COURSES = "courses"
    MY = "my"
    PROFILE = "profile"
    LANGUAGE = "language"
    HELP = "help"


class MenuCb(CallbackData, prefix="mnu1"):
    action: MenuAction


class LanguageCb(CallbackData, prefix="lng1"):
    code: str


class ConsentCb(CallbackData, prefix="cns1"):
    agree: bool


class ProfileAction(StrEnum):
    EDIT = "edit"
    SKIP = "skip"
    DONE = "done"


class ProfileCb(CallbackData, prefix="prf1"):
    action: ProfileAction
    field: str


class CountryCb(CallbackData, prefix="cty1"):
    code: str = ""  # empty: just turn to `page`
    page: int = 0


class TimezoneCb(CallbackData, prefix="tz1"):
    index: int


class ForgetCb(CallbackData, prefix="fgt1"):
    confirm: bool


class StatsCb(CallbackData, prefix="sts1"):
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


class CourseCb(CallbackData, prefix="crs1"):
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


class AdminCourseCb(CallbackData, prefix="adc1"):
    action: AdminAction
    course_id: int = 0
    page: int = 0
    arg: str = ""


class CourseFormAction(StrEnum):
    SKIP = "skip"
    DEFAULT = "default"
    LANGUAGE = "lang"


class CourseFormCb(CallbackData, prefix="cfm1"):
    action: CourseFormAction
    value: str = ""


class AnnounceAction(StrEnum):
    SKIP = "skip"
    SAME = "same"
    AUDIENCE = "aud"
    COURSE = "course"
    STATUS = "status"
    LANGUAGE = "lang"
    COUNTRY = "country"
    BUTTON = "button"
    DAYTIME = "day"
    SEND = "send"
    SCHEDULE = "schedule"
    CANCEL = "cancel"
    STOP = "stop"
    FROM_COURSE = "fromcourse"


class AnnounceCb(CallbackData, prefix="ann1"):
    action: AnnounceAction
    value: str = ""


class SurveyAction(StrEnum):
    START = "start"  # from the invitation or /surveys: begin or resume
    ANSWER = "a"  # rating, choice (value: the option) or yes/no (value 1/0)
    TOGGLE = "t"  # multiple choice: tick (on) or untick an option
    DONE = "done"  # multiple choice: the ticks are the answer
    SKIP = "skip"  # an optional question


class SurveyCb(CallbackData, prefix="svy1"):
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


class SurveyAdminCb(CallbackData, prefix="sva1"):
    action: SurveyAdminAction
    survey_id: int = 0
    arg: str = ""
    page: int = 0
