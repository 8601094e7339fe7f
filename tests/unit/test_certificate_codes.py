"""Certificate codes: unguessable, printed readably, and read back however a person types them."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services import certificate_codes
from bot.services.certificate_codes import ALPHABET, display, new_code, normalize, verify_link


def test_a_new_code_is_twelve_crockford_characters():
    for _ in range(200):
        assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{12}", new_code())


def test_a_code_carries_sixty_random_bits():
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)
    assert certificate_codes.LENGTH * math.log2(len(ALPHABET)) == 60


def test_codes_come_from_the_secrets_module(monkeypatch):
    """Not from `random`: a code predicted from earlier ones would forge a certificate."""
    drawn: list[str] = []

    def choice(alphabet: str) -> str:
        drawn.append(alphabet)
        return alphabet[-1]

    monkeypatch.setattr(certificate_codes.secrets, "choice", choice)
    assert new_code() == "Z" * 12
    assert drawn == [ALPHABET] * 12


def test_new_codes_differ():
    assert len({new_code() for _ in range(1000)}) == 1000


def test_a_code_is_shown_in_groups_of_four():
    assert display("7KQ2M9XD4HPT") == "7KQ2-M9XD-4HPT"


@pytest.mark.parametrize(
    "typed",
    [
        "7KQ2M9XD4HPT",
        "7KQ2-M9XD-4HPT",
        "7kq2-m9xd-4hpt",
        " 7KQ2 M9XD 4HPT ",
        "7KQ2 - M9XD - 4HPT",
        "7KQ2–M9XD—4HPT",  # a phone's dashes
    ],
)
def test_a_code_is_read_with_dashes_spaces_and_lower_case(typed):
    assert normalize(typed) == "7KQ2M9XD4HPT"


def test_look_alike_letters_are_read_as_the_digits_they_resemble():
    assert normalize("O0IL-o1il-AB12") == "00110111AB12"


def test_cyrillic_letters_that_look_latin_are_read_as_latin():
    assert normalize("7КQ2-М9ХD-4НРТ") == "7KQ2M9XD4HPT"
    assert normalize("авс0-екм1-нор2") == "ABC0EKM1H0P2"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "7KQ2-M9XD-4HP",  # too short
        "7KQ2-M9XD-4HPTX",  # too long
        "7KQ2-M9XD-4HPU",  # U is not in the alphabet
        "7KQ2_M9XD_4HPT",
        "7KQ2.M9XD.4HPT",
        "7KQ2-M9XD-4HPЖ",
        "/verify 7KQ2M9XD4HPT",
    ],
)
def test_anything_else_is_not_a_code(typed):
    assert normalize(typed) is None


@given(st.text(max_size=20))
def test_normalize_returns_a_stored_code_or_none(text):
    code = normalize(text)
    assert code is None or (len(code) == 12 and set(code) <= set(ALPHABET))


def test_a_shown_code_reads_back_as_itself():
    for _ in range(100):
        code = new_code()
        assert normalize(display(code)) == code
        assert normalize(display(code).lower()) == code


def test_the_verify_link_opens_the_bot_with_the_code():
    assert (
        verify_link("customs_training_bot", "7KQ2M9XD4HPT")
        == "https://t.me/customs_training_bot?start=v7KQ2M9XD4HPT"
    )
    assert verify_link("@customs_training_bot", "7KQ2M9XD4HPT").startswith(
        "https://t.me/customs_training_bot?"
    )


def test_the_deep_link_start_parameter_fits_telegrams_limit():
    """Telegram takes up to 64 characters of A-Z, a-z, 0-9, _ and - after start=."""
    start = verify_link("bot", new_code()).split("start=", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", start)
