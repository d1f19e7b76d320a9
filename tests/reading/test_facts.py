"""The account's facts: a quarter written another way is read, with a note saying how; a missing or invalid
fact is an error at its cell; a coverage note only where no error explains it."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.common.problems import Severity
from reportgen.model.assessment import Period
from reportgen.reading import read_file
from tests.conftest import FACTS, sheets_for
from tests.reading.conftest import all_rendered, only, rendered


def facts_with_period(period) -> list:
    return [*FACTS[:2], period, *FACTS[3:]]


@pytest.mark.parametrize(
    ("raw", "lang", "note"),
    [
        (
            "3. Quartal 2026",
            "de",
            "acme.xlsx › Stammdaten › B3: „3. Quartal 2026“ wurde als 2026-Q3 gelesen.",
        ),
        ("Q3 26", "de", "acme.xlsx › Stammdaten › B3: „Q3 26“ wurde als 2026-Q3 gelesen."),
        ("III/2026", "en", 'acme.xlsx › Account › B3: "III/2026" was read as 2026-Q3.'),
        ("Q3 '26", "en", 'acme.xlsx › Account › B3: "Q3 \'26" was read as 2026-Q3.'),
        ("01.07.2026", "de", "acme.xlsx › Stammdaten › B3: „01.07.2026“ wurde als 2026-Q3 gelesen."),
    ],
)
def test_a_workbook_says_how_it_read_the_period(make_workbook, catalog, raw, lang, note):
    result = read_file(make_workbook(lang=lang, facts=facts_with_period(raw)), catalog)
    assert result.ok
    assert result.assessments[0].period == Period(2026, 3)
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING
    assert warning.render(lang).startswith(note)


@pytest.mark.parametrize(
    ("name", "lang", "note"),
    [
        (
            "acme.xlsx",
            "de",
            "acme.xlsx › Stammdaten › B3: Das Datum 15. August 2026 wurde als 2026-Q3 gelesen, ",
        ),
        ("acme.ods", "en", "acme.ods › Account › B3: The date August 15, 2026 was read as 2026-Q3, "),
    ],
)
def test_a_date_cell_is_read_as_its_quarter(make_workbook, catalog, name, lang, note):
    facts = facts_with_period(date(2026, 8, 15))
    result = read_file(make_workbook(name, lang=lang, facts=facts), catalog)
    assert result.assessments[0].period == Period(2026, 3)
    (warning,) = result.problems
    assert warning.render(lang).startswith(note)


def test_the_usual_form_reads_without_a_note(make_workbook, catalog):
    result = read_file(make_workbook(facts=facts_with_period("Q3 2026")), catalog)
    assert result.problems == []


def test_a_period_that_is_none_stays_an_error_at_its_cell(make_workbook, catalog):
    result = read_file(make_workbook(lang="de", facts=facts_with_period("Q5 2026")), catalog)
    (error,) = result.errors
    assert error.render("de").startswith("acme.xlsx › Stammdaten › B3: „Q5 2026“ ist kein Zeitraum.")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "acme.xlsx › Stammdaten › B10: „Partnerschaft“ ist kein Beziehungstyp des Katalogs und bleibt "
            "daher leer. Verwenden Sie "
            "einen dieser Namen: „Schlankes KAM – zuverlässiger Lieferant“, „Bevorzugter Partner“, "
            "„Strategische Partnerschaft“; oder lassen Sie die Zelle leer.",
        ),
        (
            "en",
            'acme.xlsx › Stammdaten › B10: "Partnerschaft" is not a relationship type of the catalog, so it is '
            "left blank. Use one "
            'of these names: "Lean KAM – reliable supplier", "Preferred partner", "Strategic partnership"; '
            "or leave the cell blank.",
        ),
    ],
)
def test_a_bad_intended_relationship_lists_the_names_of_the_drop_down(make_workbook, catalog, lang, expected):
    sheets = sheets_for(catalog, lang="de", facts=[*FACTS, "EUR", "", "Partnerschaft"])
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert all_rendered(result, lang) == [expected]
    assert only(result).account.intended_type is None


def test_missing_and_invalid_account_facts(make_workbook, catalog):
    """The required facts (name, period) missing or unreadable are errors; the optional ones are warnings
    (see below)."""
    facts = ["", "KA-1", "Herbst", "", "", "gestern", "viel"]
    result = read_file(make_workbook(lang="de", facts=facts), catalog)
    assert rendered(result) == [
        "acme.xlsx › Stammdaten: Das Feld „Accountname“ fehlt oder ist leer. "
        "Schreiben Sie „Accountname“ in Spalte A und den Wert in Spalte B derselben Zeile.",
        "acme.xlsx › Stammdaten › B3: „Herbst“ ist kein Zeitraum. Schreiben Sie das Quartal wie 2026-Q3.",
    ]


def test_rows_with_errors_give_no_note_on_low_coverage(make_workbook, catalog):
    """Regression: nine unreadable scores also gave "only 7 of 16 factors are rated on both sides", as if
    the user had left them blank."""
    n = len(catalog.factors)
    path = make_workbook(supplier=["viel"] * 9 + [4] * (n - 9))
    result = read_file(path, catalog)
    assert len(result.errors) == 9
    assert not [p for p in result.problems if "rated on both sides" in p.render("en")]


def facts_with(**changed) -> list:
    """The default facts with some changed, by position in vocabulary order (see sheets_for)."""
    facts = [*FACTS, "EUR", "", ""]  # … revenue (B7), currency (B8), catalog (B9), intended type (B10)
    positions = {"assessed_on": 5, "revenue": 6, "currency": 7}
    for name, value in changed.items():
        facts[positions[name]] = value
    return facts


@pytest.mark.parametrize(
    ("raw", "amount", "de", "en"),
    [
        (
            "1,3 Mio. €",
            1_300_000,
            "„1,3 Mio. €“ wurde als 1.300.000 € gelesen.",
            '"1,3 Mio. €" was read as €1,300,000.',
        ),
        ("1.3 m", 1_300_000, "„1.3 m“ wurde als 1.300.000 € gelesen.", '"1.3 m" was read as €1,300,000.'),
        (
            "1.300 T€",
            1_300_000,
            "„1.300 T€“ wurde als 1.300.000 € gelesen.",
            '"1.300 T€" was read as €1,300,000.',
        ),
        (
            "EUR 1,3 Mio",
            1_300_000,
            "„EUR 1,3 Mio“ wurde als 1.300.000 € gelesen.",
            '"EUR 1,3 Mio" was read as €1,300,000.',
        ),
        (
            "1,3 Mio EUR",
            1_300_000,
            "„1,3 Mio EUR“ wurde als 1.300.000 € gelesen.",
            '"1,3 Mio EUR" was read as €1,300,000.',
        ),
        (
            "1.3 million",
            1_300_000,
            "„1.3 million“ wurde als 1.300.000 € gelesen.",
            '"1.3 million" was read as €1,300,000.',
        ),
        (
            "1,3 Mrd. €",
            1_300_000_000,
            "„1,3 Mrd. €“ wurde als 1.300.000.000 € gelesen.",
            '"1,3 Mrd. €" was read as €1,300,000,000.',
        ),
    ],
)
def test_a_revenue_written_with_a_scale_is_read_with_a_note_saying_how(
    make_workbook, catalog, raw, amount, de, en
):
    result = read_file(make_workbook(lang="de", facts=facts_with(revenue=raw)), catalog)
    assert only(result).account.annual_revenue == amount
    (note,) = result.problems
    assert note.severity is Severity.WARNING
    assert note.render("de").replace("\xa0", " ") == (
        f"acme.xlsx › Stammdaten › B7: {de} Wenn Sie diesen Betrag meinen, schreiben Sie {amount}, "
        "dann entfällt dieser Hinweis; sonst korrigieren Sie die Angabe."
    )
    assert note.render("en") == (
        f"acme.xlsx › Stammdaten › B7: {en} If that is the amount you mean, write {amount} and this note goes "
        "away; otherwise correct it."
    )


def test_a_revenue_in_another_currency_is_noted_in_that_currency(make_workbook, catalog):
    result = read_file(
        make_workbook(lang="de", facts=facts_with(revenue="2,5 Mio.", currency="CHF")), catalog
    )
    assert only(result).account.annual_revenue == 2_500_000
    assert (
        all_rendered(result, "de")[0]
        .replace("\xa0", " ")
        .startswith("acme.xlsx › Stammdaten › B7: „2,5 Mio.“ wurde als 2.500.000 CHF")
    )


def test_a_date_written_out_reads_without_a_note(make_workbook, catalog):
    result = read_file(make_workbook(facts=facts_with(assessed_on="15. Sept. 2026")), catalog)
    assert only(result).assessed_on == date(2026, 9, 15)
    assert result.problems == []


def test_a_plain_revenue_reads_without_a_note(make_workbook, catalog):
    result = read_file(make_workbook(facts=facts_with(revenue="1.250.000 €")), catalog)
    assert only(result).account.annual_revenue == 1_250_000
    assert result.problems == []


@pytest.mark.parametrize(
    ("changed", "left_blank", "de", "en"),
    [
        (
            {"revenue": "viel"},
            "annual_revenue",
            "B7: „viel“ ist kein Betrag, daher bleibt der Jahresumsatz leer; die Bewertungen zählen trotzdem. "
            "Tragen Sie den Jahresumsatz als Zahl ein, z. B. 1250000 oder 1,25 Mio.",
            'B7: "viel" is not an amount, so the annual revenue is left blank; the ratings count all the same. '
            "Enter the annual revenue as a number, e.g. 1250000 or 1.25 m.",
        ),
        (
            # "Billion" is a thousand million in English, a million million in German: not guessed
            {"revenue": "1,3 Billionen"},
            "annual_revenue",
            "B7: „1,3 Billionen“ ist kein Betrag,",
            'B7: "1,3 Billionen" is not an amount,',
        ),
        (
            # a month names no day: which one it was is not guessed
            {"assessed_on": "Sept. 2026"},
            "assessed_on",
            "B6: „Sept. 2026“ ist kein Datum und bleibt daher leer; die Bewertungen zählen trotzdem. "
            "Tragen Sie ein Datum wie 15.09.2026 oder 2026-09-15 ein.",
            'B6: "Sept. 2026" is not a date, so it is left blank; the ratings count all the same. '
            "Enter a date such as 15.09.2026 or 2026-09-15.",
        ),
        (
            # the amount's currency unknown, it is not shown in euros either
            {"currency": "Franken"},
            "annual_revenue",
            "B8: „Franken“ ist kein Währungscode, daher bleiben Währung und Jahresumsatz leer; die Bewertungen "
            "zählen trotzdem. Verwenden Sie einen dreistelligen Code wie EUR, CHF oder USD.",
            'B8: "Franken" is not a currency code, so the currency and the annual revenue are left blank; the '
            "ratings count all the same. Use a three-letter code such as EUR, CHF or USD.",
        ),
    ],
)
def test_an_optional_fact_that_cannot_be_read_is_a_warning_and_left_blank(
    make_workbook, catalog, changed, left_blank, de, en
):
    """Regression: an unreadable revenue or date was an error, which took the rater's scores out of the
    averages; the fact is left blank and the ratings count."""
    result = read_file(make_workbook(lang="de", facts=facts_with(**changed)), catalog)
    assessment = only(result)
    assert len(assessment.ratings) == len(catalog.factors)
    if left_blank == "assessed_on":
        assert assessment.assessed_on is None
    else:
        assert getattr(assessment.account, left_blank) is None
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING
    assert warning.render("de").startswith(f"acme.xlsx › Stammdaten › {de}")
    assert warning.render("en").startswith(f"acme.xlsx › Stammdaten › {en}")


@pytest.mark.parametrize(
    ("raw", "amount", "currency", "note"),
    [
        ("1.250.000 CHF", 1_250_000, "CHF", None),
        ("1,3 Mio. CHF", 1_300_000, "CHF", "„1,3 Mio. CHF“ wurde als 1.300.000 CHF gelesen."),
        ("£1.3m", 1_300_000, "GBP", "„£1.3m“ wurde als 1.300.000 £ gelesen."),
        ("$1.3m", 1_300_000, "USD", "„$1.3m“ wurde als 1.300.000 $ gelesen."),  # was shown in euros
        ("1.250.000 Fr.", 1_250_000, "CHF", None),
        ("1,3 Mio.", 1_300_000, "EUR", "„1,3 Mio.“ wurde als 1.300.000 € gelesen."),
    ],
)
def test_without_a_currency_field_the_amount_gives_its_currency(
    make_workbook, catalog, raw, amount, currency, note
):
    """Regression: "1.250.000 CHF" with the currency left blank was shown as 1.250.000 €."""
    result = read_file(make_workbook(lang="de", facts=facts_with(revenue=raw, currency="")), catalog)
    account = only(result).account
    assert (account.annual_revenue, account.currency) == (amount, currency)
    notes = [text.replace("\xa0", " ") for text in all_rendered(result, "de")]
    if note is None:
        assert notes == []
    else:
        (text,) = notes
        assert text.startswith(f"acme.xlsx › Stammdaten › B7: {note}")


def test_an_amount_in_another_currency_than_the_field_is_left_blank(make_workbook, catalog):
    result = read_file(
        make_workbook(lang="en", facts=facts_with(revenue="1,3 Mio. €", currency="CHF")), catalog
    )
    assert only(result).account.annual_revenue is None
    assert all_rendered(result, "en") == [
        'acme.xlsx › Account › B7: "1,3 Mio. €" is an amount in EUR, but the currency is CHF, so the annual '
        "revenue is left blank; the ratings count all the same. Correct the currency, or write the amount in CHF."
    ]


def test_an_amount_in_another_currency_than_the_field_is_said_in_german_too(make_workbook, catalog):
    result = read_file(
        make_workbook(lang="de", facts=facts_with(revenue="1,3 Mio. €", currency="CHF")), catalog
    )
    assert all_rendered(result, "de") == [
        "acme.xlsx › Stammdaten › B7: „1,3 Mio. €“ ist ein Betrag in EUR, die Währung ist aber CHF; daher bleibt "
        "der Jahresumsatz leer, die Bewertungen zählen trotzdem. Korrigieren Sie die Währung oder schreiben Sie "
        "den Betrag in CHF."
    ]
