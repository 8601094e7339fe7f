"""Course, announcement and survey numbers read as organisers type them: "1234", never
"№1 234" or "#1,234" (issue 13). Fluent groups the digits of a number, so ids go in as text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.announcer import Announcer
from bot.i18n import Localizations
from bot.services.announcements import Progress, Sent
from handlers.announce.control import row_text
from handlers.courses.common import status_line
from handlers.surveys.common import settings_text
from storage.announcements import Announcement, AnnouncementStatus
from storage.surveys import Survey, SurveyStatus
from tests.factories import course_record

ID = 1234


def announcement(status: AnnouncementStatus) -> Announcement:
    return Announcement(
        id=ID,
        created_by=1,
        text_en="Hello",
        text_ru="Здравствуйте",
        media_type=None,
        media_file_id=None,
        audience="{}",
        course_button=None,
        daytime=False,
        status=status,
        scheduled_at=None,
        recipients=2000,
        progress_chat_id=None,
        progress_message_id=None,
        created_at="2027-01-01T00:00:00+00:00",
        queued_at=None,
        finished_at=None,
    )


PROGRESS = Progress(
    total=2000, sent=1500, blocked=0, failed=0, cancelled=0, remaining=500, eta_seconds=60
)

SURVEY = Survey(
    id=ID,
    course_id=None,
    title_en="Feedback",
    title_ru="Отзыв",
    intro_en=None,
    intro_ru=None,
    questions="[]",
    anonymous=False,
    status=SurveyStatus.DRAFT,
    opens_at=None,
    closes_at=datetime(2027, 6, 1, tzinfo=UTC),
    send_after=0,
    remind_after=0,
    auto_sent_at=None,
    created_by=1,
    created_at="2027-01-01T00:00:00+00:00",
    activated_at=None,
)


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_ids_over_999_are_shown_without_digit_grouping(localizations: Localizations, locale):
    t = localizations.get(locale)
    texts = [
        status_line(course_record(id=ID), t),
        row_text(Sent(announcement(AnnouncementStatus.DONE), PROGRESS, None), "—", t),
        settings_text(SURVEY, None, "UTC", t),
        *(
            Announcer.status_text(t, announcement(status), PROGRESS)
            for status in (
                AnnouncementStatus.SENDING,
                AnnouncementStatus.STOPPED,
                AnnouncementStatus.DONE,
            )
        ),
    ]
    for text in texts:
        assert "1234" in text, text
        assert "1 234" not in text and "1,234" not in text and "1\u00a0234" not in text, text
