"""The certificate's PDF, made when it is sent (the outbox's `generated` kind "certificate")
or sent again to its holder: from the stored certificate, never from the profile."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from aiogram import Bot

from bot.i18n import Localizations
from bot.services import certificate_codes as codes
from bot.services.certificate_pdf import CertificateFacts, certificate_filename, certificate_pdf
from storage.certificates import Certificate
from storage.courses import Course
from storage.repositories import Repositories


class CertificateFiles:
    """Certificates' files: `made` for a holder who asks again, `for_bot` for the outbox."""

    def __init__(self, repos: Repositories, localizations: Localizations) -> None:
        self.repos = repos
        self.localizations = localizations
        # One page drawn at a time: drawing is pure Python and holds the GIL, so several at
        # once (the outbox sends a course's certificates in parallel) would starve the event
        # loop; one at a time it still gets its turns and replies go on meanwhile.
        self._drawing = asyncio.Lock()

    def for_bot(self, bot: Bot) -> SentCertificates:
        return SentCertificates(self, bot)

    async def made(
        self, file_ref: int, locale: str, bot_username: str
    ) -> tuple[bytes, str] | None:
        """The file of certificate `file_ref` and its name; None when it is revoked, its
        holder erased, or it still waits for the Latin name."""
        certificate = await self.repos.certificates.get(file_ref)
        if certificate is None or not certificate.valid or certificate.sent_at is None:
            return None
        course = await self.repos.courses.get(certificate.course_id)
        if course is None:
            return None
        facts = self.facts(certificate, course, bot_username)
        translators = [self.localizations.get(code) for code in certificate.languages]
        async with self._drawing:  # about 0.7 s of CPU a page: off the event loop
            data = await asyncio.to_thread(certificate_pdf, facts, translators)
        return data, certificate_filename(facts, locale)

    @staticmethod
    def facts(certificate: Certificate, course: Course, bot_username: str) -> CertificateFacts:
        # Each language prints its own name; a page without one prints the other.
        name_en = certificate.name_en or certificate.name_ru or ""
        name_ru = certificate.name_ru or certificate.name_en or ""
        issued = certificate.reissued_at or certificate.issued_at
        return CertificateFacts(
            code=certificate.code,
            verify_link=codes.verify_link(bot_username, certificate.code),
            names={"en": name_en, "ru": name_ru},
            course=course,
            issued_on=issued.astimezone(ZoneInfo(course.timezone)).date(),
            version=certificate.version,
        )


class SentCertificates:
    """`Enclosures.generated["certificate"]` (bot/services/delivery.py): the file of
    certificate `ref`, its QR code opening this bot's verification link."""

    def __init__(self, files: CertificateFiles, bot: Bot) -> None:
        self.files = files
        self.bot = bot

    async def file(self, file_ref: int, locale: str) -> tuple[bytes, str] | None:
        me = await self.bot.me()
        return await self.files.made(file_ref, locale, me.username or "")
