"""Long CSV exports, German (semicolons, decimal commas, cp1252) and English: one assessment per account and
period, a mistake keeps only its own account out, cells named as a spreadsheet shows them."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.model.assessment import Period
from reportgen.reading import read_file
from tests.reading.conftest import all_rendered, german_rows, rendered


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


def test_a_mistake_in_one_account_of_a_csv_export_keeps_only_that_one_out(make_csv, catalog):
    rows = german_rows(catalog, periods=("2026-Q3",), accounts=(("KA-7", "Müller KG"), ("KA-8", "Weber AG")))
    rows[3][5] = "viel"  # a text where Müller's third score belongs
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert [a.account.name for a in result.assessments] == ["Weber AG"]
    (error,) = result.errors
    assert error.place.cell == "F4"


def test_csv_rows_of_one_account_written_with_other_spaces_are_one_assessment(make_csv, catalog):
    """Regression: a name with a doubled space split the rows into two half-rated assessments of what
    identity takes for one account; then it left the account out with an error. The rows are one account,
    shown with the first spelling, as two workbooks that spell it so are."""
    header = ["Account", "Period", "Factor", "Supplier", "Key account"]
    names = ["Alpha Ltd"] * 8 + ["Alpha  Ltd."] * 8
    rows = [header] + [
        [name, "2026-Q3", f.title.en, 2, 5] for name, f in zip(names, catalog.factors, strict=True)
    ]
    result = read_file(make_csv(rows), catalog)
    assert result.problems == []
    (assessment,) = result.assessments
    assert assessment.account.name == "Alpha Ltd"
    assert len(assessment.ratings) == len(catalog.factors)


def test_a_csv_notes_the_period_once_per_account_and_period(make_csv, catalog):
    rows = german_rows(catalog, periods=("3. Quartal 2026",))
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert [a.period for a in result.assessments] == [Period(2026, 3)]
    assert all_rendered(result, "de") == [
        "export.csv › C2: „3. Quartal 2026“ wurde als 2026-Q3 gelesen. Wenn Sie dieses Quartal meinen, "
        "schreiben Sie 2026-Q3, dann entfällt dieser Hinweis; sonst korrigieren Sie die Angabe."
    ]


def test_a_csv_writing_one_quarter_two_ways_gives_one_assessment(make_csv, catalog):
    """Regression: rows saying 2026-Q3 and rows saying Q3 26 were two assessments of one quarter, the
    second left out as a duplicate."""
    rows = german_rows(catalog, periods=("2026-Q3",))
    for row in rows[2::2]:
        row[2] = "Q3 26"
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    (assessment,) = result.assessments
    assert assessment.period == Period(2026, 3)
    assert len(assessment.ratings) == len(catalog.factors)
    assert all_rendered(result, "en") == [
        'export.csv › C3: "Q3 26" was read as 2026-Q3. If that is the quarter you mean, write 2026-Q3 '
        "and this note goes away; otherwise correct it."
    ]


def test_a_csv_period_that_is_no_quarter_is_an_error_at_its_cell_not_a_lost_file(make_csv, catalog):
    """Regression: rows saying "Herbst 2026" made the reader crash, and every account of the file was lost."""
    rows = german_rows(catalog, periods=("Herbst 2026", "2026-Q3"))
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert [a.period for a in result.assessments] == [Period(2026, 3)]
    (error,) = result.errors
    assert error.render("de") == (
        "export.csv › C2: „Herbst 2026“ ist kein Zeitraum. Schreiben Sie das Quartal wie 2026-Q3."
    )


def test_csv_cells_are_named_as_a_spreadsheet_shows_them(make_csv, catalog):
    rows = [
        ["Account-ID", "Kunde", "Periode", "Faktor-ID", "Lieferant", "Key Account"],
        ["KA-7", "Müller KG", "2026-Q3", catalog.factors[0].id, "4,5", "x"],
        ["KA-7", "", "", catalog.factors[1].id, "9", "3"],
    ]
    result = read_file(make_csv(rows, delimiter=";"), catalog)
    assert rendered(result) == [
        "export.csv › F2: „x“ ist keine Zahl. "
        "Tragen Sie eine Zahl von 1 bis 5 ein oder lassen Sie die Zelle leer (= nicht bewertet).",
        "export.csv › C3: Die Zelle ist leer, aber jede Zeile braucht „Periode“. "
        "Füllen Sie sie aus wie in den anderen Zeilen.",
    ]


def test_csv_that_is_not_text(tmp_path, catalog):
    path = tmp_path / "export.csv"
    path.write_bytes(bytes(range(256)) * 4)
    (message,) = rendered(read_file(path, catalog), "en")
    assert message.startswith("export.csv: The file is neither UTF-8 nor Windows-1252 text.")


def test_a_csv_marks_a_shared_comment_in_its_share_column(make_csv, catalog):
    rows = german_rows(catalog, periods=("2026-Q3",))
    rows[0] = [*rows[0], "Kommentar teilen"]
    rows[1:] = [[*row, "ja" if index == 1 else ""] for index, row in enumerate(rows[1:])]
    result = read_file(make_csv(rows, delimiter=";"), catalog)
    assert result.ok, [p.render("en") for p in result.problems]
    assessment = result.assessments[0]
    assert [r.comment_shared for r in assessment.ratings[:3]] == [False, True, False]


def test_rows_that_spell_the_account_otherwise_are_one_account(make_csv, catalog):
    """Rows without an Account-ID that write the legal form otherwise ("Co." and "Co") are one account, the
    first spelling shown, as two workbooks would be."""
    header = ["Kunde", "Periode", "Faktor-ID", "Lieferant", "Key Account"]
    names = ("Hofmann Landtechnik GmbH & Co. KG", "Hofmann Landtechnik GmbH & Co KG")
    rows = [header] + [[names[i % 2], "2026-Q3", f.id, 3, 3] for i, f in enumerate(catalog.factors)]
    result = read_file(make_csv(rows, delimiter=";"), catalog)
    assert all_rendered(result, "en") == []
    (assessment,) = result.assessments
    assert assessment.account.name == names[0]
    assert len(assessment.ratings) == len(catalog.factors)
