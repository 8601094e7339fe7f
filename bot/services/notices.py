"""Messages for other people, rendered in every language when they are queued; the delivery
worker picks the recipient's language when it sends."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.i18n import Localizations, Translator
from storage.outbox import PRIORITY_PERSONAL, OutboxRepository

Render = Callable[[Translator], str]


class Notices:
    def __init__(self, localizations: Localizations) -> None:
        self.localizations = localizations

    def payload(
        self,
        render: Render,
        ics_course_id: int | None = None,
        course_action: dict[str, Any] | None = None,
        buttons: dict[str, Any] | None = None,
        about: Sequence[int] = (),
    ) -> dict[str, Any]:
        texts = {
            locale: render(self.localizations.get(locale)) for locale in self.localizations.locales
        }
        payload: dict[str, Any] = {"text": texts}
        if ics_course_id is not None:
            payload["ics_course_id"] = ics_course_id
        if course_action is not None:
            # Buttons acting on a course, built by the app: {"course_id": .., "action": ..}
            payload["course_action"] = course_action
        if buttons is not None:
            # Decision buttons by kind, built by bot/ui/notice_buttons.py: {"kind": "request",
            # "registration_id": ..} | {"kind": "nominee", "course_id": ..} |
            # {"kind": "nominate", "course_id": .., "officer_id": ..}
            payload["buttons"] = buttons
        if about:
            # People the text names besides its reader: /forget deletes it with them.
            payload["about"] = list(about)
        return payload

    async def queue(
        self,
        outbox: OutboxRepository,
        user_id: int,
        kind: str,
        render: Render,
        ics_course_id: int | None = None,
        priority: int = PRIORITY_PERSONAL,
        course_action: dict[str, Any] | None = None,
        buttons: dict[str, Any] | None = None,
        about: Sequence[int] = (),
    ) -> None:
        """Queue a notice in `outbox`, a transaction's (`tx.outbox`): it commits with the
        change it tells of."""
        payload = self.payload(render, ics_course_id, course_action, buttons, about)
        await outbox.add(user_id, kind, payload, priority)
