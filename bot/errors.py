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


class CountryName(str):
    """A country code given to an error's message: the reader sees the country's name in
    their language."""


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


class NominationOnly(DomainError, key="error-nomination-only"):
    """A nomination course takes no sign-ups: the officer's focal point puts them forward."""


class NotAllowed(DomainError, key="error-button-expired"):
    """A button or command of someone else's role (a forged callback): the answer reveals
    nothing about what it would have done."""


class AlreadyDecided(DomainError, key="error-already-decided"):
    """Another organiser decided on the request first (or the person withdrew it)."""


class NoSeatFree(DomainError, key="error-no-seat-free"):
    """An organiser asked for a seat the capacity does not have."""


class ReasonTooLong(DomainError, key="error-reason-too-long"):
    """An organiser's reason longer than the person's notice may carry: refused whole (cut
    short, it would say something the organiser did not write)."""


class SeatsFree(DomainError, key="error-seats-free"):
    """A request put on a list while the course has a seat for it: the organiser approves or
    declines instead (a list would leave a free seat unused, or give it unasked)."""


class QuotaFull(DomainError, key="error-quota-full"):
    """An organiser asked for a seat beyond the country's quota."""


class ProfileMissing(DomainError, key="error-person-without-profile"):
    """The person has not filled in a profile (consent, country), so cannot be given a seat or
    a role."""


class AlreadyPlaced(DomainError, key="error-already-placed"):
    """The officer already has a live place, request or nomination on the course."""


class NothingToAnswer(DomainError, key="error-no-nomination"):
    """No nomination waits for the officer's answer (withdrawn, or answered before)."""


class InviteForAnotherCountry(DomainError, key="error-invite-other-country"): ...


class NoFocalPoint(DomainError, key="error-no-focal-point"): ...


class DeclinedByOrganisers(DomainError, key="error-declined-by-organisers"):
    """The organisers declined or removed this person's place: they cannot sign themselves
    back up (an organiser may add them again)."""


class SeatsClosed(DomainError, key="error-seats-closed"):
    """The course has started: its seats are no longer given, moved or decided."""


class AlreadyAsked(DomainError, key="error-already-asked"):
    """The officer already asked their focal points to nominate them for the course."""
