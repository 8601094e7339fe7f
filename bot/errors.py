"""Domain errors: services raise them, one error handler turns them into localized replies."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An expected refusal; `key` names the Fluent message the user is shown.

    A subclass names its message in the class line, so most are one line:
    `class NotFound(DomainError, key="error-not-found"): ...`
    """

    key = "error-generic"

    def __init_subclass__(cls, key: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if key is not None:
            cls.key = key

    def __init__(self, key: str | None = None, **args: Any) -> None:
        self.key = key or self.key
        self.args_for_message = args
        super().__init__(self.key)


class FieldLabels(tuple[str, ...]):
    """Course field names given to an error's message: the reader sees them as the fields'
    labels in their language ("Title (RU)"), never as the names code uses ("title_ru")."""


class InvalidInput(DomainError):
    """The user's answer cannot be accepted; the message says what to fix."""


class ConsentRequired(DomainError, key="error-consent-required"): ...


class NotFound(DomainError, key="error-not-found"): ...


class CourseNotFound(DomainError, key="error-course-not-found"): ...


class RegistrationClosed(DomainError, key="error-registration-closed"): ...


class CourseCancelled(DomainError, key="error-course-cancelled"): ...


class CourseStarted(DomainError, key="error-course-started"):
    """Too late to give up a seat: it would go to someone waiting for a course already running."""


class NotSignedUp(DomainError, key="error-not-signed-up"): ...
