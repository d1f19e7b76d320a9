"""Every reader path: German and English workbooks (xlsx, ods) and long CSV exports."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.model import Period
from reportgen.reading import read_file
from tests.conftest import sheets_for


def only(result):
    assert result.ok, [p.render("en") for p in result.problems]
    assert len(result.assessments) == 1
    return result.assessments[0]


@pytest.mark.parametrize(
    ("name", "lang"), [("acme.xlsx", "de"), ("acme.xlsx", "en"), ("acme.ods", "de"), ("acme.ods", "en")]
)
def test_workbook_in_either_language_and_format(make_workbook, catalog, name, lang):
    supplier = [5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5]
    path = make_workbook(name, lang=lang, supplier=supplier, comments={2: "Größere Änderung „jetzt“"})
    assessment = only(read_file(path, catalog))
    assert assessment.account.name == "Acme Präzision GmbH"
    assert assessment.account.account_id == "KA-1"
    assert assessment.account.key_account_manager == "Jürgen Weiß"
    assert assessment.account.annual_revenue == 1_250_000
    assert assessment.period == Period(2026, 3)
    assert assessment.assessed_by == "Anja Groß"
    assert assessment.assessed_on == date(2026, 9, 15)
    assert [r.supplier for r in assessment.ratings] == supplier
    assert {r.key_account for r in assessment.ratings} == {3}
    assert assessment.ratings[2].comment == "Größere Änderung „jetzt“"


def test_factors_match_by_title_in_either_language(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en", factor_by="title")
    rows = sheets["Assessment"]
    rows[1][1] = catalog.factors[0].title.de  # a German title in an English sheet
    rows[2][1] = "  " + catalog.factors[1].title.en.upper() + " "  # case and spaces do not matter
    assessment = only(read_file(make_workbook(sheets=sheets), catalog))
    assert [r.factor_id for r in assessment.ratings] == [f.id for f in catalog.factors]


def test_headers_may_sit_below_a_title_and_carry_units(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de")
    rows = sheets["Bewertung"]
    rows[0] = ["Nr.", "Faktor", "Lieferant investiert (1–5)", "Key-Account (1–5)", "Bemerkung"]
    for row in rows[1:]:
        row[0] = ""
    sheets["Bewertung"] = [["Partnerschaftsbewertung 2026"], [], *rows]
    assessment = only(read_file(make_workbook(sheets=sheets), catalog))
    assert len(assessment.ratings) == len(catalog.factors)


def test_blank_scores_mean_not_rated(make_workbook, catalog):
    n = len(catalog.factors)
    supplier = [4] * n
    key_account = [3] * n
    supplier[0] = None
    key_account[1] = ""
    assessment = only(read_file(make_workbook(supplier=supplier, key_account=key_account), catalog))
    assert assessment.ratings[0].supplier is None
    assert assessment.ratings[1].key_account is None
    assert assessment.ratings[2].supplier == 4


def test_scores_written_as_text_with_decimal_comma(make_workbook, catalog):
    n = len(catalog.factors)
    assessment = only(read_file(make_workbook(supplier=["3,5"] + [" 4 "] * (n - 1)), catalog))
    assert assessment.ratings[0].supplier == 3.5
    assert assessment.ratings[1].supplier == 4


CSV_HEADER_DE = [
    "Account-ID",
    "Kunde",
    "Periode",
    "Bewertet am",
    "Faktor-ID",
    "Lieferant",
    "Key Account",
    "Kommentar",
]


def german_rows(catalog, periods=("2026-Q2", "2026-Q3"), accounts=(("KA-7", "Müller & Söhne KG"),)):
    rows = [CSV_HEADER_DE]
    for account_id, name in accounts:
        for period in periods:
            for factor in catalog.factors:
                rows.append(
                    [account_id, name, period, date(2026, 9, 30), factor.id, 3.5, 4.0, "Schöne Grüße"]
                )
    return rows


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_german_excel_csv_with_semicolons_and_decimal_commas(make_csv, catalog, encoding):
    path = make_csv(german_rows(catalog), delimiter=";", encoding=encoding, decimal_comma=True)
    assert b"3,5" in path.read_bytes()
    result = read_file(path, catalog)
    assert result.ok, [p.render("en") for p in result.problems]
    assert [str(a.period) for a in result.assessments] == ["2026-Q2", "2026-Q3"]
    first = result.assessments[0]
    assert first.account.name == "Müller & Söhne KG"
    assert first.assessed_on == date(2026, 9, 30)
    assert {(r.supplier, r.key_account) for r in first.ratings} == {(3.5, 4.0)}
    assert first.ratings[0].comment == "Schöne Grüße"


def test_english_csv_with_commas_and_several_accounts(make_csv, catalog):
    header = ["Account ID", "Account", "Period", "Factor", "Supplier", "Key account", "Comment"]
    rows = [header]
    for account_id, name in (("A-1", "Alpha Ltd"), ("B-2", "Beta, Inc.")):
        for factor in catalog.factors:
            rows.append([account_id, name, "Q3 2026", factor.title.en, 2, 5, ""])
    result = read_file(make_csv(rows), catalog)
    assert result.ok, [p.render("en") for p in result.problems]
    assert [a.account.name for a in result.assessments] == ["Alpha Ltd", "Beta, Inc."]
    assert all(a.period == Period(2026, 3) for a in result.assessments)


def test_csv_missing_factors_are_a_warning_and_count_as_not_rated(make_csv, catalog):
    rows = german_rows(catalog, periods=("2026-Q3",))[:5]  # header and four factors
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert result.ok
    assert len(result.assessments[0].ratings) == 4
    missing, coverage = (p.render("en") for p in result.problems)
    assert "12 factors of the catalog have no row" in missing
    # Named as the reports label them, in the message's language, not by id (regression).
    assert '"Competitiveness over price", "Seeking feedback"' in missing
    assert "competitiveness-focus" not in missing
    german = result.problems[0].render("de")
    assert "„Wettbewerbsfähigkeit statt Preis“, „Feedback einholen“" in german
    assert "Only 4 of 16 factors are rated on both sides, so S and K rest on few factors." in coverage


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-Q3", Period(2026, 3)),
        ("2026 Q1", Period(2026, 1)),
        ("Q4 2025", Period(2025, 4)),
        ("q2/2026", Period(2026, 2)),
        ("2026-Q5", None),
        ("Sommer", None),
    ],
)
def test_period_notations(text, expected):
    assert Period.parse(text) == expected


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_heading_we_write_is_one_we_read(lang):
    from reportgen.reading.vocabulary import (
        ACCOUNT_FIELDS,
        ACCOUNT_SHEET,
        ASSESSMENT_SHEET,
        CSV_COLUMNS,
        RATING_COLUMNS,
    )

    for term in (ACCOUNT_SHEET, ASSESSMENT_SHEET, *ACCOUNT_FIELDS, *RATING_COLUMNS, *CSV_COLUMNS):
        assert term.matches(term.heading(lang)), (term.key, term.heading(lang))


def test_a_mistake_in_one_account_of_a_csv_export_keeps_only_that_one_out(make_csv, catalog):
    rows = german_rows(catalog, periods=("2026-Q3",), accounts=(("KA-7", "Müller KG"), ("KA-8", "Weber AG")))
    rows[3][5] = "viel"  # a text where Müller's third score belongs
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert [a.account.name for a in result.assessments] == ["Weber AG"]
    (error,) = result.errors
    assert error.place.cell == "F4"


def test_csv_rows_of_one_account_written_with_other_spaces_are_one_assessment(make_csv, catalog):
    """Regression: a name with a doubled space split the rows into two half-rated assessments of what
    identity takes for one account; now the rows are one account, and the name that differs is named."""
    header = ["Account", "Period", "Factor", "Supplier", "Key account"]
    names = ["Alpha Ltd"] * 8 + ["Alpha  Ltd"] * 8
    rows = [header] + [
        [name, "2026-Q3", f.title.en, 2, 5] for name, f in zip(names, catalog.factors, strict=True)
    ]
    result = read_file(make_csv(rows), catalog)
    assert result.assessments == []
    assert [error.place.cell for error in result.errors] == [f"A{row}" for row in range(10, 18)]
    assert (
        result.errors[0]
        .render("en")
        .endswith(
            '"Alpha  Ltd" differs from "Alpha Ltd" in an earlier row of '
            "the same account and period. Use the same value in every row of one account and period."
        )
    )
