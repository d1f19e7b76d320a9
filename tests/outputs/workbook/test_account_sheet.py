"""The fillable workbook's account sheet: every fact a user fills in is read back as that fact."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from reportgen.model.assessment import View
from reportgen.outputs.workbook import build_workbook
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading import read_file
from tests.conftest import run
from tests.outputs.conftest import fact_rows, fill


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_name_in_the_relationship_drop_down_is_read_as_that_type(tmp_path, catalog, lang):
    path = tmp_path / "new.xlsx"
    path.write_bytes(build_workbook(catalog, WorkbookRequest(lang, "Acme Ltd", "2026-Q3")))
    workbook = load_workbook(path)
    facts = workbook.worksheets[1]
    (choice,) = [v for v in facts.data_validations.dataValidation if v.type == "list"]
    names = choice.formula1.strip('"').split(",")
    cell = str(choice.sqref)
    for row in range(2, 18):
        workbook.worksheets[2].cell(row, 5, 3)
        workbook.worksheets[2].cell(row, 6, 3)
    read = []
    for name in names:
        facts[cell] = name
        workbook.save(path)
        (assessment,) = read_file(path, catalog).assessments
        read.append(assessment.account.intended_type)
    assert read == [r.id for r in catalog.zones.relationship_types]


def test_a_former_name_filled_in_the_template_is_read_back(blank, catalog):
    fill(blank, {})
    workbook = load_workbook(blank)
    facts = workbook["Stammdaten"]
    labels = {row[0].value: row[0].row for row in facts.iter_rows(min_row=2) if row[0].value}
    assert "Früherer Name" in labels
    (choice,) = facts.data_validations.dataValidation
    assert str(choice.sqref) == f"B{labels['Angestrebte Beziehung']}"
    facts.cell(labels["Früherer Name"], 2, "Zeppelin GmbH")
    workbook.save(blank)
    (assessment,) = read_file(blank, catalog).assessments
    assert assessment.account.former_name == "Zeppelin GmbH"


# Our team's workbook for a named rater.


def test_our_workbook_names_its_rater_role_and_view_and_goes_by_the_raters_name(
    tmp_path, catalog, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "input").mkdir()
    result = run("template", "--lang", "de", "--account", "Zeppelin Süd GmbH", "--period", "2026-Q3",
                 "--rater", "Selin Aydın", "--role", "Vertrieb")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "input" / "zeppelin-sued-gmbh_2026-Q3_selin-aydin.xlsx"
    workbook = load_workbook(path)
    facts, sheet = workbook["Stammdaten"], workbook["Bewertung"]
    rows = {label: facts.cell(row, 2) for label, row in fact_rows(facts).items()}
    assert (rows["Bewertet von"].value, rows["Rolle"].value, rows["Sicht"].value) == (
        "Selin Aydın",
        "Vertrieb",
        "Lieferant",
    )
    assert not rows["Bewertet von"].protection.locked and rows["Sicht"].protection.locked
    for row in range(2, 18):
        sheet.cell(row, 5, 3)
        sheet.cell(row, 6, 3)
    workbook.save(path)
    (assessment,) = read_file(path, catalog).assessments
    rater = assessment.raters[0]
    assert (rater.name, rater.role, rater.view) == ("Selin Aydın", "Vertrieb", View.SUPPLIER)


def test_the_english_workbook_shows_our_view_as_supplier(tmp_path):
    path = tmp_path / "ours.xlsx"
    assert run("template", "--lang", "en", "--rater", "Dana Whitfield", "-o", str(path)).exit_code == 0
    facts = load_workbook(path)["Account"]
    rows = {label: facts.cell(row, 2).value for label, row in fact_rows(facts).items()}
    assert (rows["Assessed by"], rows["Role"], rows["View"]) == ("Dana Whitfield", None, "Supplier")
