"""read_file: every problem of a file is reported at once, in the order of its sheets, each with its place; a file
that cannot be read says why."""

from __future__ import annotations

from reportgen.reading import read_file
from tests.conftest import sheets_for
from tests.reading.conftest import rendered


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


def test_empty_file(tmp_path, catalog):
    path = tmp_path / "leer.xlsx"
    path.write_bytes(b"")
    assert rendered(read_file(path, catalog)) == [
        "leer.xlsx: Die Datei ist leer. Speichern Sie die Bewertung erneut aus Excel oder LibreOffice."
    ]


def test_unsupported_type_and_missing_file(tmp_path, catalog):
    (tmp_path / "notes.docx").write_bytes(b"x")
    assert rendered(read_file(tmp_path / "notes.docx", catalog), "en") == [
        'notes.docx: Files of type ".docx" cannot be read. Save the assessment as .xlsx, .ods or .csv.'
    ]
    assert rendered(read_file(tmp_path / "gone.xlsx", catalog), "en") == [
        "gone.xlsx: The file does not exist. Check the path and the file name."
    ]
