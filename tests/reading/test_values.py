from datetime import date, datetime

import pytest

from reportgen.reading.values import (
    NotADate,
    NotANumber,
    cell_name,
    clean_text,
    normalise_key,
    parse_date,
    parse_number,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (3, 3.0),
        (2.5, 2.5),
        ("3", 3.0),
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("-3", -3.0),
        ("0,125", 0.125),
        ("1.250.000", 1_250_000),
        ("1,250,000.50", 1_250_000.5),
        ("1.250.000,50", 1_250_000.5),
        ("1 250 000", 1_250_000),
        ("2.500.000 €", 2_500_000),
        ("EUR 1.250", 1250),
    ],
)
def test_numbers_in_german_and_english_notation(raw, expected):
    assert parse_number(raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", ["drei", "3,", "1..2", "", True, date(2026, 1, 1), "4 von 5"])
def test_what_is_not_a_number(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (date(2026, 9, 15), date(2026, 9, 15)),
        (datetime(2026, 9, 15, 13, 0), date(2026, 9, 15)),
        ("15.09.2026", date(2026, 9, 15)),
        ("2026-09-15", date(2026, 9, 15)),
    ],
)
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31.02.2026", "gestern", "09/15/2026"])
def test_what_is_not_a_date(raw):
    with pytest.raises(NotADate):
        parse_date(raw)


def test_text_is_nfc_normalised_and_stripped_of_invisible_marks():
    decomposed = "Mu\u0308ller\u200e "
    assert clean_text(decomposed) == "Müller"
    assert clean_text(4.0) == "4"


def test_header_keys_ignore_case_punctuation_and_brackets():
    assert normalise_key("Key-Account (1–5)") == normalise_key("key account")


@pytest.mark.parametrize(("row", "column", "name"), [(0, 0, "A1"), (6, 2, "C7"), (9, 26, "AA10")])
def test_cell_names(row, column, name):
    assert cell_name(row, column) == name


def test_every_invisible_format_character_is_removed():
    import unicodedata

    from reportgen.reading.values import _INVISIBLE

    expected = {cp for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cf"} - {0x200D}
    assert set(_INVISIBLE) == expected
