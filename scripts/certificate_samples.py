"""Redraws the sample certificates linked from README.md: docs/screens/certificate-en.png,
certificate-ru.png and certificate-bilingual.png (and, with --pdf DIR, the PDFs into DIR).

    .venv/bin/python scripts/certificate_samples.py [--pdf DIR]

Runs in the test environment (./scripts/test.sh makes .venv): the page is rendered with
pypdfium2, a development dependency, so no PDF viewer needs to be installed.
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402
from PIL import Image  # noqa: E402

from bot.i18n import Localizations  # noqa: E402
from bot.services.certificate_codes import verify_link  # noqa: E402
from bot.services.certificate_pdf import CertificateFacts, certificate_pdf  # noqa: E402
from storage.courses import Course, CourseStatus  # noqa: E402

SCREENS = ROOT / "docs" / "screens"
WIDTH_PX = 1100  # wide enough to read the small print, small enough for the README


@dataclass(frozen=True)
class SampleCourse(Course):
    """A course with training hours (the `hours` field the certificates part adds)."""

    hours: int | None = None


def sample_facts() -> CertificateFacts:
    course = SampleCourse(
        id=12,
        title_en="Risk management and post-clearance audit in customs",
        title_ru="Управление рисками и постконтрольный аудит в таможне",
        description_en="",
        description_ru="",
        starts_at=datetime(2027, 5, 10, 5, 0, tzinfo=UTC),
        ends_at=datetime(2027, 5, 12, 13, 0, tzinfo=UTC),
        timezone="Asia/Baku",
        venue="ROCB Europe training centre, Baku",
        online_url=None,
        capacity=20,
        deadline_at=datetime(2027, 5, 1, tzinfo=UTC),
        language="en",
        status=CourseStatus.FINISHED,
        revision=1,
        created_by=None,
        created_at="2027-01-01T00:00:00+00:00",
        updated_at="2027-01-01T00:00:00+00:00",
        hours=24,
    )
    return CertificateFacts(
        code="7KQ2M9XD4HPT",
        verify_link=verify_link("customs_training_bot", "7KQ2M9XD4HPT"),
        names={"en": "Sadykova Aigerim Nurlanovna", "ru": "Садыкова Айгерим Нурлановна"},
        course=course,
        issued_on=date(2027, 5, 12),
    )


def png(pdf: bytes) -> bytes:
    """The PDF's page as a small PNG (a palette of 64 colours keeps it well under 300 KB)."""
    page = pypdfium2.PdfDocument(pdf)[0]
    scale = WIDTH_PX / page.get_width()
    image = page.render(scale=scale).to_pil().convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def main(pdf_folder: Path | None) -> None:
    localizations = Localizations()
    en, ru = localizations.get("en"), localizations.get("ru")
    facts = sample_facts()
    for name, translators in (("en", [en]), ("ru", [ru]), ("bilingual", [en, ru])):
        pdf = certificate_pdf(facts, translators)
        target = SCREENS / f"certificate-{name}.png"
        target.write_bytes(png(pdf))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")
        if pdf_folder:
            pdf_folder.mkdir(parents=True, exist_ok=True)
            (pdf_folder / f"certificate-{name}.pdf").write_bytes(pdf)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, metavar="DIR", help="also write the PDFs there")
    main(parser.parse_args().pdf)
