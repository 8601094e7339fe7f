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
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402
from PIL import Image  # noqa: E402

from bot.i18n import Localizations  # noqa: E402
from bot.services.certificate_codes import verify_link  # noqa: E402
from bot.services.certificate_pdf import CertificateFacts, certificate_pdf  # noqa: E402
from storage.courses import CourseStatus  # noqa: E402
from tests.factories import course_record, with_hours  # noqa: E402

SCREENS = ROOT / "docs" / "screens"
WIDTH_PX = 1100  # wide enough to read the small print, small enough for the README


def sample_facts() -> CertificateFacts:
    course = course_record(  # 10-12 May 2027 in Baku
        title_en="Risk management and post-clearance audit in customs",
        title_ru="Управление рисками и постконтрольный аудит в таможне",
        status=CourseStatus.FINISHED,
    )
    course = with_hours(course, 24)
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
