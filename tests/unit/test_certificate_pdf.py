"""The certificate PDF (issue 15), read back as its holder and a verifier would: the text in
both scripts, one A4 landscape page, nothing outside the frame, and a QR code that opens the
verification link."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import matplotlib
import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from bot.i18n import Localizations, Translator
from bot.services.certificate_codes import verify_link
from bot.services.certificate_pdf import (
    FOOTER_BOTTOM,
    MARGIN,
    PAGE_H,
    PAGE_W,
    QR_SIZE,
    CertificateFacts,
    _font_files,
    certificate_filename,
    certificate_pdf,
    course_dates,
)
from tests.factories import course_record, with_hours

CODE = "7KQ2M9XD4HPT"
LINK = verify_link("customs_training_bot", CODE)
LATIN = "Sadykova Aigerim Nurlanovna"
CYRILLIC = "Садыкова Айгерим Нурлановна"
MM = 72 / 25.4  # PDF points per millimetre
INNER_FRAME_MM = 13.0  # the innermost line of the border, from each edge of the page

LONG_TITLE_EN = (
    "Regional workshop on the implementation of the WCO SAFE Framework of Standards, authorised"
    " economic operator programmes, mutual recognition arrangements and coordinated border"
    " management in the region"
)
LONG_TITLE_RU = (
    "Региональный семинар по применению Рамочных стандартов безопасности ВТамО, программ"
    " уполномоченных экономических операторов, соглашений о взаимном признании"
    " и согласованного управления границами на маршруте"
)[:200]
LONG_LATIN = "Abdurakhmanova-Kuznetsova Gulnara Maksatbekovna Alexandrovna"
LONG_CYRILLIC = "Абдурахманова-Кузнецова Гульнара Максатбековна Александровна"


def facts(**changes: object) -> CertificateFacts:
    base = CertificateFacts(
        code=CODE,
        verify_link=LINK,
        names={"en": LATIN, "ru": CYRILLIC},
        course=with_hours(course_record(), 24),  # 10-12 May 2027 in Baku
        issued_on=date(2027, 5, 12),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def en(localizations: Localizations) -> Translator:
    return localizations.get("en")


@pytest.fixture(scope="module")
def ru(localizations: Localizations) -> Translator:
    return localizations.get("ru")


def text_of(pdf: bytes) -> str:
    """The page's text with every run of white space as one space (wrapped lines joined)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_a_bilingual_certificate_reads_back_in_latin_and_cyrillic(en, ru):
    text = text_of(certificate_pdf(facts(), [en, ru]))
    assert LATIN in text and CYRILLIC in text
    assert "Risk management in customs" in text
    assert "Управление рисками в таможне" in text
    assert "7KQ2-M9XD-4HPT" in text
    assert "CERTIFICATE OF ATTENDANCE" in text
    assert "СЕРТИФИКАТ О ПРОХОЖДЕНИИ ОБУЧЕНИЯ" in text
    assert "10–12 May 2027 · 24 training hours" in text
    assert "10–12 мая 2027 г. · 24 учебных часа" in text
    assert "ROCB Europe" in text and "ТРАСЕКА" in text
    assert "Issued in Baku on 12 May 2027" in text and "Выдан в Баку 12 мая 2027 г." in text
    assert "/verify 7KQ2-M9XD-4HPT to @customs_training_bot" in text


def test_an_english_certificate_prints_the_latin_name_and_a_russian_one_the_profile_name(en, ru):
    english = text_of(certificate_pdf(facts(), [en]))
    assert LATIN in english and CYRILLIC not in english
    assert "Risk management in customs" in english and "Управление" not in english
    russian = text_of(certificate_pdf(facts(), [ru]))
    assert CYRILLIC in russian and LATIN not in russian
    assert "Управление рисками в таможне" in russian and "Risk management" not in russian
    assert "является участником учебного курса" in russian
    assert "7KQ2-M9XD-4HPT" in english and "7KQ2-M9XD-4HPT" in russian


@pytest.mark.parametrize("languages", [("en",), ("ru",), ("en", "ru")])
def test_every_certificate_is_one_a4_landscape_page(localizations, languages):
    pdf = certificate_pdf(facts(), [localizations.get(code) for code in languages])
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width) / MM) == 297 and round(float(box.height) / MM) == 210


def char_boxes(pdf: bytes) -> list[tuple[str, float, float, float, float]]:
    """Every printed character with its box in millimetres from the page's top left corner."""
    page = pypdfium2.PdfDocument(pdf)[0]
    text = page.get_textpage()
    boxes = []
    for index in range(text.count_chars()):
        char = text.get_text_range(index, 1)
        if not char.strip():
            continue
        left, bottom, right, top = text.get_charbox(index)
        boxes.append((char, left / MM, PAGE_H - top / MM, right / MM, PAGE_H - bottom / MM))
    return boxes


@pytest.mark.parametrize("languages", [("en",), ("ru",), ("en", "ru")])
def test_a_200_character_title_and_a_60_character_name_stay_inside_the_frame(
    localizations, languages
):
    long = facts(
        names={"en": LONG_LATIN, "ru": LONG_CYRILLIC},
        course=replace(facts().course, title_en=LONG_TITLE_EN, title_ru=LONG_TITLE_RU),
        version=3,
    )
    assert len(LONG_TITLE_EN) == 200 and len(LONG_LATIN) == 60
    pdf = certificate_pdf(long, [localizations.get(code) for code in languages])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = text_of(pdf)
    for code in languages:  # printed whole, wrapped rather than cut
        assert {"en": LONG_TITLE_EN, "ru": LONG_TITLE_RU}[code] in text
        assert {"en": LONG_LATIN, "ru": LONG_CYRILLIC}[code] in text
    qr_left, qr_top = PAGE_W - MARGIN - QR_SIZE, FOOTER_BOTTOM - QR_SIZE
    for char, left, top, right, bottom in char_boxes(pdf):
        assert INNER_FRAME_MM < left < right < PAGE_W - INNER_FRAME_MM, char
        assert INNER_FRAME_MM < top < bottom < PAGE_H - INNER_FRAME_MM, char
        assert right < qr_left or bottom < qr_top, f"{char!r} over the QR code"


def test_the_qr_code_opens_the_verification_link(en, ru):
    page = pypdfium2.PdfDocument(certificate_pdf(facts(), [en, ru]))[0]
    image = page.render(scale=2).to_pil()
    found = zxingcpp.read_barcodes(image)
    assert [(code.format, code.text) for code in found] == [(zxingcpp.BarcodeFormat.QRCode, LINK)]


def test_the_dates_are_the_course_days_in_its_own_time_zone():
    # 23:00 UTC on 9 May is already 10 May in Baku (UTC+4).
    course = course_record(
        starts_at=datetime(2027, 5, 9, 23, 0, tzinfo=UTC),
        ends_at=datetime(2027, 5, 10, 13, 0, tzinfo=UTC),
    )
    assert course_dates(course, "en") == "10 May 2027"
    assert course_dates(course, "ru") == "10 мая 2027"
    assert course_dates(course_record(), "en") == "10–12 May 2027"
    assert course_dates(course_record(), "ru") == "10–12 мая 2027"
    across = course_record(
        starts_at=datetime(2027, 2, 27, 5, 0, tzinfo=UTC),
        ends_at=datetime(2027, 3, 2, 13, 0, tzinfo=UTC),
    )
    assert course_dates(across, "en") == "27 February – 2 March 2027"
    assert course_dates(across, "ru") == "27 февраля – 2 марта 2027"
    new_year = course_record(
        starts_at=datetime(2027, 12, 30, 5, 0, tzinfo=UTC),
        ends_at=datetime(2028, 1, 2, 13, 0, tzinfo=UTC),
    )
    assert course_dates(new_year, "en") == "30 December 2027 – 2 January 2028"


@pytest.mark.parametrize(
    ("hours", "english", "russian"),
    [
        (1, "1 training hour", "1 учебный час"),
        (2, "2 training hours", "2 учебных часа"),
        (16, "16 training hours", "16 учебных часов"),
        (21, "21 training hours", "21 учебный час"),
    ],
)
def test_training_hours_are_printed_with_the_right_plural(en, ru, hours, english, russian):
    text = text_of(certificate_pdf(facts(course=with_hours(course_record(), hours)), [en, ru]))
    assert english in text and russian in text


def test_no_hours_line_when_the_course_has_none(en, ru):
    text = text_of(certificate_pdf(facts(course=course_record()), [en, ru]))
    assert not re.search(r"\d training hour|\d учебн", text)
    assert "10–12 May 2027" in text


def test_a_reissued_certificate_says_which_issue_it_is(en, ru):
    assert "Issue 2 / Экземпляр 2" in text_of(certificate_pdf(facts(version=2), [en, ru]))
    assert not re.search(r"Issue \d", text_of(certificate_pdf(facts(), [en])))


def test_a_title_left_untranslated_is_printed_once(en, ru):
    course = replace(facts().course, title_ru=None)
    text = text_of(certificate_pdf(facts(course=course), [en, ru]))
    assert text.count("Risk management in customs") == 1


def test_characters_the_fonts_lack_are_left_out_without_a_gap_or_a_warning(en, caplog):
    """An emoji in a course title: DejaVu has no glyph for it."""
    course = replace(facts().course, title_en="🎓 Risk management 🛃 in customs")
    text = text_of(certificate_pdf(facts(course=course), [en]))
    assert " Risk management in customs " in text
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_the_fonts_are_dejavu_from_matplotlib_embedded_in_the_file(en, ru):
    shipped = Path(matplotlib.get_data_path())
    assert all(path.is_file() and shipped in path.parents for path in _font_files().values())
    page = PdfReader(io.BytesIO(certificate_pdf(facts(), [en, ru]))).pages[0]
    fonts = page["/Resources"]["/Font"]
    embedded = {str(fonts[name].get_object()["/BaseFont"]) for name in fonts}
    assert any("DejaVuSerif" in name for name in embedded)
    assert any("DejaVuSans" in name for name in embedded)


def test_the_file_name_is_ascii_with_the_latin_name_and_the_code():
    assert certificate_filename(facts(), "en") == (
        "certificate-Sadykova-Aigerim-Nurlanovna-7KQ2-M9XD-4HPT.pdf"
    )
    # The Russian name is Cyrillic: the Latin one names the file.
    assert certificate_filename(facts(), "ru") == certificate_filename(facts(), "en")
    accented = certificate_filename(facts(names={"en": "Şahin Çelik", "ru": "Шахин"}), "en")
    assert accented == "certificate-Sahin-Celik-7KQ2-M9XD-4HPT.pdf"
    cyrillic_only = certificate_filename(facts(names={"ru": CYRILLIC}), "ru")
    assert cyrillic_only == "certificate-7KQ2-M9XD-4HPT.pdf"
    assert re.fullmatch(r"[A-Za-z0-9.-]+", cyrillic_only)


def test_a_certificate_needs_a_language():
    with pytest.raises(ValueError):
        certificate_pdf(facts(), [])


def test_the_readme_shows_sample_certificates_in_both_languages():
    """Issue 15: a PNG of a certificate in both languages under docs/screens/."""
    root = Path(__file__).parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in ("en", "ru", "bilingual"):
        png = root / "docs" / "screens" / f"certificate-{name}.png"
        assert f"docs/screens/certificate-{name}.png" in readme
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size < 300_000
