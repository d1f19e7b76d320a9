"""Assessment workbooks (xlsx, ods) in either language; a missing sheet or a zip that is no workbook is said so."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from reportgen.model import Period
from reportgen.reading import read_file
from tests.conftest import sheets_for
from tests.reading.conftest import only, rendered


def test_missing_sheet_names_what_the_workbook_has(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de")
    sheets["Tabelle1"] = sheets.pop("Bewertung")
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert rendered(result) == [
        'acme.xlsx: Es gibt kein Blatt „Bewertung“ (die Arbeitsmappe enthält: "Stammdaten", "Tabelle1"). '
        "Benennen Sie das Blatt „Bewertung“; deutsche und englische Blattnamen gehen beide."
    ]


def test_a_zip_that_is_no_workbook(tmp_path, catalog):
    path = tmp_path / "acme.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    (message,) = rendered(read_file(path, catalog), "en")
    assert message.startswith("acme.xlsx: The file cannot be opened as a spreadsheet")


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
