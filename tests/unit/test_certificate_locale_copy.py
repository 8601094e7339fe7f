"""The certificate texts as officers and organisers meet them: buttons that fit a phone's width,
and prompts that name the words the form accepts in the reader's own language."""

from __future__ import annotations

import re

import pytest

from bot.i18n import Localizations
from bot.services.course_fields import parse_certificate_language

# About as many characters as a full-width button shows on a phone without cutting the text.
PHONE_BUTTON = 32
FIXED_BUTTONS = (
    "button-issue-certificates",
    "button-certificates-issue",
    "button-certificates-issued",
    "button-certificates-remind",
    "button-certificate-reissue",
    "button-certificate-revoke",
    "button-certificate-revoke-yes",
    "button-certificate-revoke-no",
    "button-certificate-latin-name",
)


@pytest.mark.parametrize("locale", ["en", "ru"])
@pytest.mark.parametrize("key", FIXED_BUTTONS)
def test_certificate_buttons_fit_a_phone_screen(localizations: Localizations, locale, key):
    label = localizations.get(locale).plain(key, count=12)
    assert len(label) <= PHONE_BUTTON, label


def test_russian_certificate_language_prompt_offers_russian_words_the_form_accepts(
    localizations: Localizations,
):
    ru = localizations.get("ru")
    for key in ("course-ask-certificate_language", "course-error-certificate-language"):
        quoted = re.findall(r"«([^»]+)»", ru.plain(key, value="typed"))
        words = [word for word in quoted if word != "typed"]
        assert len(words) == 2, words
        for word in words:
            assert re.fullmatch(r"[а-яё ]+", word), f"{key}: «{word}» is not a Russian word"
            assert parse_certificate_language(word) in {"own", "bilingual"}


@pytest.mark.parametrize("locale", ["en", "ru"])
def test_the_course_form_template_shows_how_to_set_up_certificates(
    localizations: Localizations, locale
):
    template = localizations.get(locale).plain("course-template")
    for line in ("certificate: 80%", "certificate_language: ", "hours: 16"):
        assert f"<code>{line}" in template, line
