"""Assessment workbooks (xlsx, ods) in either language; a missing sheet or a zip that is no workbook is said so."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from reportgen.model.assessment import Period
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


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_comment_is_shared_only_where_the_workbook_says_so(make_workbook, catalog, lang):
    comments = {0: "intern", 1: "geteilt", 2: "ausdrücklich intern", 3: "shared in English"}
    shared = {1: "Ja", 2: "nein", 3: "YES"}
    path = make_workbook(lang=lang, comments=comments, shared=shared)
    ratings = only(read_file(path, catalog)).ratings
    assert [r.comment_shared for r in ratings[:5]] == [False, True, False, True, False]


def test_an_unknown_share_word_is_an_error_at_its_cell(make_workbook, catalog):
    path = make_workbook(lang="de", comments={1: "vielleicht"}, shared={1: "vielleicht"})
    assert rendered(read_file(path, catalog), "en") == [
        'acme.xlsx › Bewertung › F3: "vielleicht" does not say whether the comment is shared '
        'with the key account. Write "ja" or "yes" to share it, "nein" or "no" to keep it internal; a '
        "blank cell keeps it internal."
    ]
