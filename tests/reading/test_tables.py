"""Bad input: every problem of a file is reported, each with its exact place and a way to fix it."""

from __future__ import annotations

import zipfile

import pytest

from reportgen.reading import read_file
from tests.conftest import sheets_for


def rendered(result, lang="de"):
    """The messages with the file's folder cut off, as a user would see them for a file in the cwd."""
    prefix = str(result.path.parent) + "/"
    return [p.render(lang).replace(prefix, "") for p in result.errors]


def test_out_of_scale_has_file_sheet_cell_and_a_fix_in_german(make_workbook, catalog):
    n = len(catalog.factors)
    supplier = [4] * n
    supplier[5] = 6  # row 7 of the sheet (header in row 1), supplier in column C
    result = read_file(make_workbook(lang="de", supplier=supplier), catalog)
    assert not result.assessments
    assert rendered(result) == [
        "acme.xlsx › Bewertung › C7: „6“ liegt außerhalb der Skala 1–5. "
        "Tragen Sie eine Zahl von 1 bis 5 ein oder lassen Sie die Zelle leer (= nicht bewertet)."
    ]


def test_the_same_problem_in_english(make_workbook, catalog):
    n = len(catalog.factors)
    key_account = [3] * n
    key_account[0] = 0
    result = read_file(make_workbook(lang="en", key_account=key_account), catalog)
    assert rendered(result, "en") == [
        'acme.xlsx › Assessment › D2: "0" lies outside the scale 1–5. '
        "Enter a number from 1 to 5, or leave the cell blank (= not rated)."
    ]


def test_all_problems_are_reported_not_just_the_first(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de")
    rows = sheets["Bewertung"]
    rows[1][2] = "viel"  # text where a number belongs
    rows[3][3] = 7  # out of scale
    rows[4][0] = "fruehe-einbindung"  # unknown factor, close to nothing
    rows[5][0] = rows[6][0]  # duplicate factor
    result = read_file(make_workbook(sheets=sheets), catalog)
    messages = rendered(result)
    assert len(messages) == 4, messages
    assert messages[0].startswith("acme.xlsx › Bewertung › C2: „viel“ ist keine Zahl.")
    assert messages[1].startswith("acme.xlsx › Bewertung › D4: „7“ liegt außerhalb der Skala 1–5.")
    assert messages[2].startswith(
        "acme.xlsx › Bewertung › A5: „fruehe-einbindung“ ist kein Faktor des Katalogs"
    )
    assert messages[3] == (
        f"acme.xlsx › Bewertung › A7: Der Faktor „{rows[6][0]}“ ist doppelt bewertet (zuerst in A6). "
        "Behalten Sie eine Zeile je Faktor und löschen Sie die andere."
    )
    assert not result.assessments


def test_a_suggestion_shows_the_factor_as_people_write_it_not_its_id(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en", factor_by="title")
    sheets["Assessment"][8][1] = "Shared visoin"
    result = read_file(make_workbook(sheets=sheets), catalog)
    # In the message's language, whatever language the cell was typed in: the short label, as typed.
    assert rendered(result, "de")[0].endswith("Meinten Sie „Gemeinsames Zielbild“?")
    assert rendered(result, "en")[0].endswith('Did you mean "Shared vision"?')


def test_a_german_message_suggests_the_german_title(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de", factor_by="title")
    sheets["Bewertung"][1][1] = "Frühzeitige Einbindung in Projekt"
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert rendered(result, "de")[0].endswith(f"Meinten Sie „{catalog.factors[0].title.de}“?")
    assert rendered(result, "en")[0].endswith(f'Did you mean "{catalog.factors[0].title.en}"?')


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "acme.xlsx › Stammdaten › B10: „Partnerschaft“ ist kein Beziehungstyp des Katalogs. Verwenden Sie "
            "einen dieser Namen: „Schlankes KAM – zuverlässiger Lieferant“, „Bevorzugter Partner“, "
            "„Strategische Partnerschaft“; oder lassen Sie die Zelle leer.",
        ),
        (
            "en",
            'acme.xlsx › Stammdaten › B10: "Partnerschaft" is not a relationship type of the catalog. Use one '
            'of these names: "Lean KAM – reliable supplier", "Preferred partner", "Strategic partnership"; '
            "or leave the cell blank.",
        ),
    ],
)
def test_a_bad_intended_relationship_lists_the_names_of_the_drop_down(make_workbook, catalog, lang, expected):
    from tests.conftest import FACTS

    sheets = sheets_for(catalog, lang="de", facts=[*FACTS, "EUR", "", "Partnerschaft"])
    assert rendered(read_file(make_workbook(sheets=sheets), catalog), lang) == [expected]


def test_unknown_factor_with_a_close_match_suggests_it(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en", factor_by="title")
    sheets["Assessment"][1][1] = "Early involvment in projects"
    result = read_file(make_workbook(sheets=sheets), catalog)
    (message,) = rendered(result, "en")
    assert message.startswith('acme.xlsx › Assessment › B2: "Early involvment in projects" is not a factor')
    assert message.endswith('Did you mean "Early involvement in projects"?')


def test_a_date_where_a_score_belongs(make_workbook, catalog):
    from datetime import date

    sheets = sheets_for(catalog, lang="en")
    sheets["Assessment"][2][2] = date(2026, 3, 4)
    result = read_file(make_workbook(sheets=sheets), catalog)
    (message,) = rendered(result, "en")
    assert message.startswith('acme.xlsx › Assessment › C3: "2026-03-04')
    assert "is not a number" in message


def test_missing_sheet_names_what_the_workbook_has(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de")
    sheets["Tabelle1"] = sheets.pop("Bewertung")
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert rendered(result) == [
        'acme.xlsx: Es gibt kein Blatt „Bewertung“ (die Arbeitsmappe enthält: "Stammdaten", "Tabelle1"). '
        "Benennen Sie das Blatt „Bewertung“; deutsche und englische Blattnamen gehen beide."
    ]


def test_missing_score_column(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en")
    sheets["Assessment"] = [row[:3] + row[4:] for row in sheets["Assessment"]]
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert rendered(result, "en") == [
        'acme.xlsx › Assessment › A1: The column "Key account" is missing. '
        'Add a column headed "Key account"; German and English headers both work.'
    ]


def test_missing_and_invalid_account_facts(make_workbook, catalog):
    facts = ["", "KA-1", "Herbst", "", "", "gestern", "viel"]
    result = read_file(make_workbook(lang="de", facts=facts), catalog)
    assert rendered(result) == [
        "acme.xlsx › Stammdaten: Das Feld „Accountname“ fehlt oder ist leer. "
        "Schreiben Sie „Accountname“ in Spalte A und den Wert in Spalte B derselben Zeile.",
        "acme.xlsx › Stammdaten › B3: „Herbst“ ist kein Zeitraum. Schreiben Sie das Quartal wie 2026-Q3.",
        "acme.xlsx › Stammdaten › B6: „gestern“ ist kein Datum. "
        "Tragen Sie ein Datum wie 15.09.2026 oder 2026-09-15 ein.",
        "acme.xlsx › Stammdaten › B7: „viel“ ist kein Betrag. "
        "Tragen Sie den Jahresumsatz als einfache Zahl ein, z. B. 1250000.",
    ]


def test_a_row_with_a_bad_score_is_not_also_reported_as_a_missing_factor(make_workbook, catalog):
    """Regression: the row of a score out of scale was dropped and then warned about as "no row"."""
    n = len(catalog.factors)
    supplier, key_account = [4] * n, [3] * n
    supplier[1], key_account[2] = 7, "hoch"
    result = read_file(make_workbook(lang="de", supplier=supplier, key_account=key_account), catalog)
    assert [p.place.cell for p in result.errors] == ["C3", "D4"]
    assert [p.render("de") for p in result.problems if p not in result.errors] == []


def test_problems_are_listed_in_the_order_of_the_workbook_sheets(make_workbook, catalog):
    """Regression: problems were sorted by sheet name, so "Bewertung" came before "Stammdaten"."""
    sheets = sheets_for(catalog, lang="de", facts=["Acme", "KA-1", "Herbst"])
    sheets["Bewertung"][1][2] = "viel"
    first = [m.split(":")[0] for m in rendered(read_file(make_workbook("a.xlsx", sheets=sheets), catalog))]
    assert first == ["a.xlsx › Stammdaten › B3", "a.xlsx › Bewertung › C2"]
    reordered = {"Bewertung": sheets["Bewertung"], "Stammdaten": sheets["Stammdaten"]}
    second = [
        m.split(":")[0] for m in rendered(read_file(make_workbook("b.xlsx", sheets=reordered), catalog))
    ]
    assert second == ["b.xlsx › Bewertung › C2", "b.xlsx › Stammdaten › B3"]


def test_nothing_rated_on_both_sides(make_workbook, catalog):
    n = len(catalog.factors)
    result = read_file(make_workbook(lang="en", supplier=[None] * n), catalog)
    assert rendered(result, "en") == [
        "acme.xlsx › Assessment: No factor is rated for both sides, so no balance can be computed. "
        "Rate at least one factor for the supplier and for the key account."
    ]


def test_empty_file(tmp_path, catalog):
    path = tmp_path / "leer.xlsx"
    path.write_bytes(b"")
    assert rendered(read_file(path, catalog)) == [
        "leer.xlsx: Die Datei ist leer. Speichern Sie die Bewertung erneut aus Excel oder LibreOffice."
    ]


@pytest.mark.parametrize("content", [b"%PDF-1.7 not a workbook", b"PK\x03\x04broken zip"])
def test_not_a_spreadsheet(tmp_path, catalog, content):
    path = tmp_path / "acme.xlsx"
    path.write_bytes(content)
    (message,) = rendered(read_file(path, catalog), "en")
    assert message == (
        "acme.xlsx: The file cannot be opened as a spreadsheet: it is damaged or in another format. "
        "Open it in Excel or LibreOffice and save it again as .xlsx or .ods."
    )


def test_a_zip_that_is_no_workbook(tmp_path, catalog):
    path = tmp_path / "acme.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    (message,) = rendered(read_file(path, catalog), "en")
    assert message.startswith("acme.xlsx: The file cannot be opened as a spreadsheet")


def test_unsupported_type_and_missing_file(tmp_path, catalog):
    (tmp_path / "notes.docx").write_bytes(b"x")
    assert rendered(read_file(tmp_path / "notes.docx", catalog), "en") == [
        'notes.docx: Files of type ".docx" cannot be read. Save the assessment as .xlsx, .ods or .csv.'
    ]
    assert rendered(read_file(tmp_path / "gone.xlsx", catalog), "en") == [
        "gone.xlsx: The file does not exist. Check the path and the file name."
    ]


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


def test_rows_with_errors_give_no_note_on_low_coverage(make_workbook, catalog):
    """Regression: nine unreadable scores also gave "only 7 of 16 factors are rated on both sides", as if
    the user had left them blank."""
    n = len(catalog.factors)
    path = make_workbook(supplier=["viel"] * 9 + [4] * (n - 9))
    result = read_file(path, catalog)
    assert len(result.errors) == 9
    assert not [p for p in result.problems if "rated on both sides" in p.render("en")]
