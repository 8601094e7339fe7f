"""STAND-IN for the PDF helper's module (dropped at merge): the interface of design15.md."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.i18n import Translator
from storage.courses import Course


@dataclass(frozen=True)
class CertificateFacts:
    code: str
    verify_link: str
    names: Mapping[str, str]
    course: Course
    issued_on: date
    version: int = 1


def certificate_pdf(facts: CertificateFacts, translators: Sequence[Translator]) -> bytes:
    names = " / ".join(facts.names.get(t.locale, "") for t in translators)
    return f"%PDF-1.4\n% stand-in {facts.code} {names}\n%%EOF\n".encode()


def certificate_filename(facts: CertificateFacts, locale: str) -> str:
    return f"certificate-{facts.code}.pdf"
