"""Raw cell values made clean: numbers, dates, periods (quarters written in many ways), cell names."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.model.assessment import Period
from reportgen.reading.values import (
    NotADate,
    NotANumber,
    NotAPeriod,
    cell_name,
    clean_text,
    normalise_key,
    parse_amount,
    parse_date,
    parse_number,
    parse_period,
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


@pytest.mark.parametrize("raw", ["1.250,000.5", "1,250.000,50"])
def test_the_marks_before_the_decimal_mark_are_one_grouping_mark(raw):
    """Which of two grouping marks was meant as the decimal one is not guessed."""
    with pytest.raises(NotANumber):
        parse_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"), [("00,250", 0.25), ("-00,125", -0.125), ("000.500", 0.5), ("10,250", 10250)]
)
def test_nothing_before_the_mark_but_zeros_makes_a_fraction(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["1.250.000.00", "1.250.00 €", "1,250,00", "1.250.5"])
def test_a_mark_written_twice_groups_thousands_so_three_digits_follow_it(raw):
    """Regression: "1.250.000.00 €" (dots throughout) was read as 125,000,000, a hundred times the
    amount, with no note; which mark was meant as the decimal one is not guessed."""
    with pytest.raises(NotANumber):
        parse_number(raw)
    with pytest.raises(NotANumber):
        parse_amount(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (date(2026, 9, 15), date(2026, 9, 15)),
        (datetime(2026, 9, 15, 13, 0), date(2026, 9, 15)),
        ("15.09.2026", date(2026, 9, 15)),
        ("2026-09-15", date(2026, 9, 15)),
        # regressions: a German date with a two-digit year, and a date cell that lost its format
        ("31.12.26", date(2026, 12, 31)),
        (46022, date(2025, 12, 31)),
        (46022.0, date(2025, 12, 31)),
        # written out, the month named in German or English
        ("15. September 2026", date(2026, 9, 15)),
        ("15. Sept. 2026", date(2026, 9, 15)),
        ("3 März 2026", date(2026, 3, 3)),
        ("September 15, 2026", date(2026, 9, 15)),
        ("Sep 15 2026", date(2026, 9, 15)),
    ],
)
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "31.02.2026",
        "gestern",
        "09/15/2026",
        4,
        46022.5,
        True,
        "31.12.2026x",
        "Sept. 2026",
        "31. Feb. 2026",
        "15. Foo 2026",
    ],
)
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
    assert expected <= set(_INVISIBLE)
    # Beyond those this Python's Unicode knows, only characters it has not assigned yet (newer Unicode's
    # format characters), so that a file reads alike on every supported Python.
    assert {unicodedata.category(chr(cp)) for cp in set(_INVISIBLE) - expected} <= {"Cn"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3. Quartal 2026", Period(2026, 3)),
        ("3.Quartal 26", Period(2026, 3)),
        ("1 quartal 2027", Period(2027, 1)),
        ("3rd quarter 2026", Period(2026, 3)),
        ("Q3 26", Period(2026, 3)),
        ("Q3 '26", Period(2026, 3)),
        ("q4/25", Period(2025, 4)),
        ("III/2026", Period(2026, 3)),
        ("iv 2026", Period(2026, 4)),
        ("II. Quartal 2026", Period(2026, 2)),
        ("01.07.2026", Period(2026, 3)),
        ("30.9.2026", Period(2026, 3)),
        ("2026-10-01", Period(2026, 4)),
        (date(2026, 7, 1), Period(2026, 3)),
        (datetime(2026, 12, 31, 23, 59), Period(2026, 4)),
    ],
)
def test_quarters_written_another_way_are_read_but_not_exact(raw, expected):
    read = parse_period(raw)
    assert read.period == expected
    assert not read.exact


@pytest.mark.parametrize("raw", ["2026-Q3", "Q3 2026", " 2026 q3 ", "Q3/2026"])
def test_the_usual_forms_are_exact(raw):
    assert parse_period(raw).exact


@pytest.mark.parametrize(
    "raw",
    [
        "Q5 26",
        "5. Quartal 2026",
        "IIII/2026",
        "2026",
        "3 2026",
        "32.07.2026",
        "Sommer",
        2026,
        None,
        "0000-Q3",
        "3. Quartal 0000",
        "III/1900",
        "15.08.0026",
        date(1900, 8, 15),
    ],
)
def test_anything_else_is_no_period(raw):
    with pytest.raises(NotAPeriod):
        parse_period(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-Q3", Period(2026, 3)),
        ("2026 Q1", Period(2026, 1)),
        ("Q4 2025", Period(2025, 4)),
        ("q2/2026", Period(2026, 2)),
        ("2026-Q5", None),
        ("Sommer", None),
        # regression: the year 0 was taken; a year no assessment can be of is a typo
        ("0000-Q3", None),
        ("Q3 1949", None),
        ("2100-Q1", None),
        ("1950-Q1", Period(1950, 1)),
        ("2099-Q4", Period(2099, 4)),
    ],
)
def test_period_notations(text, expected):
    assert Period.parse(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected", "exact"),
    [
        (1_250_000, 1_250_000, True),
        ("1.250.000 €", 1_250_000, True),
        ("1,3 Mio. €", 1_300_000, False),
        ("1.3 m", 1_300_000, False),
        ("1.300 T€", 1_300_000, False),
        ("EUR 1,3 Mio", 1_300_000, False),
        ("1,3 Mio EUR", 1_300_000, False),
        ("1.3 million", 1_300_000, False),
        ("1,3 Mrd. €", 1_300_000_000, False),
        ("1,1 Mio", 1_100_000, False),  # not 1100000.0000000002
        ("2,5 TEUR", 2_500, False),
        ("3 MEUR", 3_000_000, False),
        ("1,3 Millionen Euro", 1_300_000, False),
        # a single mark before three digits: the scale word's language says which mark groups thousands
        ("1,250 Mio.", 1_250_000, False),
        ("1,250 k", 1_250_000, False),
        ("1.250 bn", 1_250_000_000, False),
    ],
)
def test_amounts_plain_or_scaled_by_a_word(raw, expected, exact):
    read = parse_amount(raw)
    assert (read.amount, read.exact) == (expected, exact)


@pytest.mark.parametrize(
    ("raw", "currency"),
    [
        ("1,3 Mio. €", "EUR"),
        ("1.250.000 Euro", "EUR"),
        ("CHF 1,3 Mio", "CHF"),
        ("£1.3m", "GBP"),
        ("1.3 m", None),
        ("$1.3 m", "USD"),  # as the currency field reads "$": never shown in euros
        ("1.300.000 Fr.", "CHF"),
    ],
)
def test_an_amount_says_the_currency_it_names(raw, currency):
    assert parse_amount(raw).currency == currency


@pytest.mark.parametrize(
    "raw", ["viel", "1,3 Billionen", "1,3 Mio. Mio.", "Mio. 1,3", "1,3 Stück", True, "1,3 Mio. EUR CHF"]
)
def test_what_is_not_an_amount(raw):
    with pytest.raises(NotANumber):
        parse_amount(raw)


# --- Forgiving input: what spreadsheets and CSV exports really write ---------------------------------


@pytest.mark.parametrize(("raw", "expected"), [("Q3 ’26", Period(2026, 3)), ("q1 ’27", Period(2027, 1))])
def test_a_quarter_with_excels_curly_apostrophe_before_a_short_year_is_read(raw, expected):
    """Excel's autocorrect turns the apostrophe of "Q3 '26" into ’ as it is typed."""
    read = parse_period(raw)
    assert (read.period, read.exact) == (expected, False)


@pytest.mark.parametrize(
    ("raw", "amount", "exact", "currency"),
    [
        ("1,3 mio. eur", 1_300_000, False, "EUR"),
        ("eur 1.250", 1_250, True, "EUR"),
        ("1.250.000 euro", 1_250_000, True, "EUR"),
        ("chf 1,3 Mio", 1_300_000, False, "CHF"),
        ("1.300.000 fr.", 1_300_000, True, "CHF"),
        ("2,5 teur", 2_500, False, "EUR"),
        ("£1.3M", 1_300_000, False, "GBP"),
    ],
)
def test_a_currency_word_is_read_in_any_case(raw, amount, exact, currency):
    read = parse_amount(raw)
    assert (read.amount, read.exact, read.currency) == (amount, exact, currency)


@pytest.mark.parametrize(
    "raw",
    [
        "2026-09-15T13:00:00",
        "2026-09-15 13:00",
        "2026-09-15T00:00:00+02:00",
        "2026-09-15T13:00:00.000Z",
        "2026-09-15 0:00",
        "2026-09-15 10:30:00 UTC",
        "2026-09-15 12:00 AM",
        "2026-09-15T24:00:00",
        "2026-09-15 10:30:00+02",
        "2026-09-15T10:30:00-05",
    ],
)
def test_an_iso_date_time_from_a_csv_is_its_day(raw):
    assert parse_date(raw) == date(2026, 9, 15)
    assert parse_period(raw).period == Period(2026, 3)


@pytest.mark.parametrize(
    "raw",
    [
        "2026-09-150",
        "2026-09-15 – 2026-09-20",
        "2026-09-15 bis 20",
        "2026-09-15x",
        "2026-09-15 99:99",
        "2026-09-15 12:60",
        "2026-09-15 13:00 PM",
        "2026-09-15 10:30 +99:99",
        "2026-09-15 ０:00",
    ],
)
def test_an_iso_date_followed_by_more_than_a_time_is_no_date(raw):
    """A range or a typo after the day is not quietly read as the day it starts with."""
    with pytest.raises(NotADate):
        parse_date(raw)


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (18264, date(1950, 1, 1)),  # the first day of YEARS
        (73050, date(2099, 12, 31)),  # the last day of YEARS
        (73050.0, date(2099, 12, 31)),
    ],
)
def test_a_spreadsheet_day_number_within_the_years_of_assessments_is_a_date(serial, expected):
    assert parse_date(serial) == expected


@pytest.mark.parametrize("serial", [18263, 73051, 73051.0, 0, -1])
def test_a_day_number_outside_the_years_of_assessments_is_no_date(serial):
    """The day before 1 January 1950 and the day after 31 December 2099: a stray number, not a date."""
    with pytest.raises(NotADate):
        parse_date(serial)


@pytest.mark.parametrize("raw", ["20260915", "2026-W38-2", "2026-9-15"])
def test_a_date_is_not_guessed_from_other_iso_forms(raw):
    """Digits alone may be an id or an amount; only ``2026-09-15`` (and a time after it) is read as ISO."""
    with pytest.raises(NotADate):
        parse_date(raw)


def test_a_date_cell_with_a_time_gives_its_day_and_quarter():
    read = parse_period(datetime(2026, 9, 30, 23, 59))
    assert (read.period, read.day, read.exact) == (Period(2026, 3), date(2026, 9, 30), False)
    assert type(read.day) is date  # the note says the quarter was read from the day 30.09.2026


def test_a_text_date_gives_its_quarter_but_no_day_of_a_date_cell():
    read = parse_period("30.09.2026")
    assert (read.period, read.day, read.exact) == (Period(2026, 3), None, False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Zeile eins\r\nZeile zwei", "Zeile eins\nZeile zwei"),  # Windows
        ("Zeile eins\rZeile zwei", "Zeile eins\nZeile zwei"),  # old Mac
        ("eins\r\n\r\nzwei\r", "eins\n\nzwei"),
        (None, ""),
        (" \u200e\ufeff ", ""),
        (0, "0"),
        (2.5, "2.5"),
    ],
)
def test_a_cell_as_text_has_one_kind_of_line_break_and_none_is_empty(raw, expected):
    assert clean_text(raw) == expected


# --- Numbers: every mark and sign a cell may write ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u22123", -3.0),  # the typographic minus
        ("\u22121.250,50", -1250.5),
        ("1\u00a0250\u00a0000", 1_250_000),  # no-break spaces
        ("1\u202f250,50", 1250.5),  # narrow no-break space (French, Swiss)
        ("1'250'000", 1_250_000),  # Swiss
        ("CHF 1'250'000.50", 1_250_000.5),
        ("+3,5", 3.5),
    ],
)
def test_numbers_with_typographic_minus_no_break_spaces_and_swiss_apostrophes(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a single mark before three digits groups thousands …
        ("1,250", 1250),
        ("1.250", 1250),
        ("-1,250", -1250),
        # … unless only a zero stands before it: "0,250" is a fraction, whatever its sign
        ("0,250", 0.25),
        ("0.125", 0.125),
        ("-0,125", -0.125),
        ("+0,250", 0.25),
        # and with other than three digits after it, it is the decimal mark
        ("1,25", 1.25),
        ("1,2500", 1.25),
    ],
)
def test_a_single_mark_before_three_digits_groups_thousands_unless_a_zero_stands_before_it(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "grouping", "expected"),
    [("1.250", ".", 1250), ("1,250", ".", 1.25), ("1,250", ",", 1250), ("1.250", ",", 1.25)],
)
def test_the_mark_a_language_groups_thousands_with_decides_a_single_mark(raw, grouping, expected):
    assert parse_number(raw, grouping) == expected


@pytest.mark.parametrize(
    ("raw", "expected", "currency"),
    [
        ("\u22122,5 T€", -2_500, "EUR"),
        ("\u22121,3 Mio.", -1_300_000, None),
        ("1,3\u00a0Mio.\u00a0€", 1_300_000, "EUR"),
        ("1\u202f300\u00a0T€", 1_300_000, "EUR"),
        ("CHF 1'300 T", 1_300_000, "CHF"),
    ],
)
def test_scaled_amounts_with_typographic_minus_and_no_break_spaces(raw, expected, currency):
    read = parse_amount(raw)
    assert (read.amount, read.exact, read.currency) == (expected, False, currency)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1,234567 T€", 1234.57),
        ("1,234561 T€", 1234.56),
        ("0,0000015 Mio.", 1.5),
    ],
)
def test_a_scaled_amount_is_read_to_the_cent(raw, expected):
    assert parse_amount(raw).amount == expected


# --- Properties: what a cell was written from, it reads back as ----------------------------------------

PROPERTIES = settings(max_examples=100, derandomize=True, deadline=None)
"""The same cases every run: a red build means a change broke something."""

NOTATIONS = [
    (",", "."),  # English 1,250,000.50
    (".", ","),  # German 1.250.000,50
    ("'", "."),  # Swiss 1'250'000.50
    (" ", ","),  # French, or German by DIN 5008: 1 250 000,50
    ("\u00a0", ","),
    ("\u202f", "."),
]


def written(whole: int, group: str) -> str:
    return f"{whole:,}".replace(",", group)


@PROPERTIES
@given(
    cents=st.integers(min_value=-(10**12), max_value=10**12),
    notation=st.sampled_from(NOTATIONS),
    currency=st.sampled_from(["", " €", " EUR", "CHF ", "$"]),
)
def test_a_number_written_with_grouping_and_two_decimals_reads_back(cents, notation, currency):
    group, decimal = notation
    whole, rest = divmod(abs(cents), 100)
    text = f"{'-' if cents < 0 else ''}{written(whole, group)}{decimal}{rest:02d}"
    text = f"{currency}{text}" if currency.endswith(" ") or currency == "$" else f"{text}{currency}"
    assert parse_number(text) == cents / 100
    assert parse_amount(text).amount == cents / 100
    assert parse_amount(text).exact


@PROPERTIES
@given(whole=st.integers(min_value=-(10**12), max_value=10**12), notation=st.sampled_from(NOTATIONS))
def test_a_whole_number_written_with_grouping_reads_back(whole, notation):
    group, _ = notation
    text = f"{'-' if whole < 0 else ''}{written(abs(whole), group)}"
    assert parse_number(text) == whole


@PROPERTIES
@given(
    thousandths=st.integers(min_value=0, max_value=10**12),
    decimals=st.integers(min_value=0, max_value=3),
    german=st.booleans(),
)
def test_a_number_reads_back_when_the_mark_that_groups_thousands_is_known(thousandths, decimals, german):
    """Even ``1,250`` (German: one and a quarter) and ``1.250`` (English: the same)."""
    value = round(thousandths / 1000, decimals)
    english = f"{value:,.{decimals}f}"
    text = english.translate(str.maketrans(",.", ".,")) if german else english
    assert parse_number(text, "." if german else ",") == float(f"{value:.{decimals}f}")


@PROPERTIES
@given(
    tenths=st.integers(min_value=1, max_value=99_999),
    scale=st.sampled_from(
        [("Mio. €", 1_000_000, ","), ("T€", 1_000, ","), ("Mrd. EUR", 10**9, ","), ("m", 1_000_000, ".")]
    ),
)
def test_an_amount_scaled_by_a_word_is_its_number_times_the_scale(tenths, scale):
    word, factor, decimal = scale
    read = parse_amount(f"{tenths // 10}{decimal}{tenths % 10} {word}")
    assert (read.amount, read.exact) == (tenths * factor // 10, False)


DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))


@PROPERTIES
@given(day=DAYS)
def test_a_day_reads_back_however_a_cell_writes_it(day):
    serial = (day - date(1899, 12, 30)).days
    for raw in (
        day,
        datetime(day.year, day.month, day.day, 17, 45),
        day.isoformat(),
        f"{day.isoformat()}T17:45:00",
        day.strftime("%d.%m.%Y"),
        f"{day.day}.{day.month}.{day.year}",
        serial,
        float(serial),
    ):
        assert parse_date(raw) == day, raw


@PROPERTIES
@given(day=DAYS)
def test_a_day_falls_in_the_quarter_read_from_it(day):
    for raw in (day, day.isoformat(), day.strftime("%d.%m.%Y")):
        read = parse_period(raw)
        following = Period.from_ordinal(read.period.ordinal + 1)
        assert read.period.first_day() <= day < following.first_day()
        assert not read.exact


@PROPERTIES
@given(year=st.integers(min_value=2000, max_value=2099), quarter=st.integers(min_value=1, max_value=4))
def test_a_quarter_reads_back_exactly_as_reports_write_it_and_loosely_otherwise(year, quarter):
    period = Period(year, quarter)
    assert parse_period(str(period)) == parse_period(f"Q{quarter} {year}")
    assert parse_period(str(period)).exact and parse_period(str(period)).period == period
    for loose in (
        f"Q{quarter} ’{year % 100:02d}",
        f"{quarter}. Quartal {year}",
        f"Q{quarter}/{year % 100:02d}",
    ):
        assert (parse_period(loose).period, parse_period(loose).exact) == (period, False), loose
