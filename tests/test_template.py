"""The fillable workbook: made from the catalog, filled in as a user would, read back exactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reportgen.reading import read_file
from reportgen.template import TemplateRequest, build_template
from tests.conftest import run

SUPPLIER = [5, 4, 5, 3, 4, 4, 5, 2, 4, 3, 5, 4, 5, 3, None, 4]
KEY_ACCOUNT = [2, 3, 2, 3, 2, 3, 3, 2, 1, 3, 4, 2, 1, 3, None, 3]


@pytest.fixture
def blank(tmp_path) -> Path:
    path = tmp_path / "neu.xlsx"
    result = run(
        "template", "--lang", "de", "--account", "Zeppelin Süd GmbH", "--period", "2026-Q3", "-o", str(path)
    )
    assert result.exit_code == 0, result.stderr
    assert "Arbeitsmappe geschrieben" in result.stderr
    return path


def fill(path: Path, comments: dict[int, str]) -> None:
    """What a key account manager does: scores from the drop-down, comments, the facts."""
    workbook = load_workbook(path)
    facts = workbook["Stammdaten"]
    facts["B4"] = "KA-9001"
    facts["B5"] = "Jürgen Weiß"
    facts["B8"] = 2_400_000
    sheet = workbook["Bewertung"]
    for index, (supplier, key_account) in enumerate(zip(SUPPLIER, KEY_ACCOUNT, strict=True)):
        sheet.cell(index + 2, 5, supplier)
        sheet.cell(index + 2, 6, key_account)
        if index in comments:
            sheet.cell(index + 2, 7, comments[index])
    workbook.save(path)


def test_sheets_fields_and_catalog_reference(blank, catalog):
    workbook = load_workbook(blank)
    assert workbook.sheetnames == ["Anleitung", "Stammdaten", "Bewertung"]
    instructions = " ".join(str(c.value) for c in workbook["Anleitung"]["A"] if c.value)
    assert "1 = gar nicht" in instructions and "5 = voll und ganz" in instructions
    assert "Eine leere Zelle heißt: nicht bewertet" in instructions
    facts = {row[0].value: row[1].value for row in workbook["Stammdaten"].iter_rows(min_row=2)}
    assert facts["Accountname"] == "Zeppelin Süd GmbH"
    assert facts["Periode"] == "2026-Q3"
    assert facts["Katalog"] == "efkam-partnership v1.0"
    sheet = workbook["Bewertung"]
    assert [c.value for c in sheet[1]] == ["Faktor-ID", "Faktor", "Was der Lieferant investiert",
                                          "Was der Key Account investiert", "Lieferant (1–5)",
                                          "Key Account (1–5)", "Kommentar"]  # fmt: skip
    assert [sheet.cell(r, 1).value for r in range(2, 18)] == [f.id for f in catalog.factors]
    assert sheet.cell(2, 3).value == catalog.factors[0].supplier.de
    assert sheet.freeze_panes == "C2"
    assert sheet.page_setup.orientation == "landscape"


def test_every_score_cell_has_a_drop_down_of_the_scale(blank):
    sheet = load_workbook(blank)["Bewertung"]
    (validation,) = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert validation.formula1 == '"1,2,3,4,5"'
    assert validation.showErrorMessage and validation.allow_blank is not False
    covered = {cell for cell_range in validation.sqref.ranges for row in cell_range.cells for cell in [row]}
    assert covered == {(row, column) for row in range(2, 18) for column in (5, 6)}


def test_inputs_are_open_and_ids_protected_without_password(blank):
    workbook = load_workbook(blank)
    sheet = workbook["Bewertung"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.cell(2, 1).protection.locked and sheet.cell(2, 2).protection.locked
    assert not any(sheet.cell(2, column).protection.locked for column in (5, 6, 7))
    assert all(ws.sheet_state == "visible" for ws in workbook.worksheets)
    assert not any(dim.hidden for dim in sheet.column_dimensions.values())


def test_round_trip_to_a_briefing_with_the_values_in_the_pdf(blank, tmp_path, catalog):
    fill(
        blank,
        {0: "Früher eingebunden als die Konkurrenz – Größe zählt", 12: "Exklusivität für Süddeutschland"},
    )
    result = read_file(blank, catalog)
    assert result.ok, [p.render("en") for p in result.problems]
    (assessment,) = result.assessments
    assert [r.supplier for r in assessment.ratings] == SUPPLIER
    assert assessment.account.annual_revenue == 2_400_000
    assert assessment.catalog_ref == "efkam-partnership v1.0"
    out = tmp_path / "out"
    briefing = run("briefing", str(blank), "--lang", "de", "--out", str(out), "--jobs", "1")
    assert briefing.exit_code == 0, briefing.stderr
    text = " ".join(p.extract_text() for p in PdfReader(out / "zeppelin-sued-gmbh_2026-Q3_de.pdf").pages)
    text = re.sub(r"\s+", " ", text)
    assert "Zeppelin Süd GmbH" in text and "KA-9001" in text and "2.400.000 €" in text
    assert "Früher eingebunden als die Konkurrenz – Größe zählt" in text
    assert "15/16" in text  # factor 15 left blank: not rated


def test_an_existing_file_is_never_overwritten_without_force(blank):
    before = blank.read_bytes()
    result = run("template", "--lang", "en", "-o", str(blank))
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert blank.read_bytes() == before
    assert run("template", "--lang", "en", "-o", str(blank), "--force").exit_code == 0


def test_english_template_reads_back(tmp_path, catalog):
    path = tmp_path / "new.xlsx"
    path.write_bytes(build_template(catalog, TemplateRequest("en", "Acme Ltd", "2026-Q3")))
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Instructions", "Account", "Assessment"]
    sheet = workbook["Assessment"]
    for row in range(2, 18):
        sheet.cell(row, 5, 3)
        sheet.cell(row, 6, 3)
    workbook.save(path)
    (assessment,) = read_file(path, catalog).assessments
    assert assessment.account.name == "Acme Ltd"


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="extra: runs where LibreOffice (soffice) is installed"
)
def test_a_workbook_resaved_by_libreoffice_still_reads(blank, tmp_path, catalog):
    fill(blank, {3: "Über LibreOffice gespeichert"})
    out = tmp_path / "resaved"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "xlsx", "--outdir", str(out), str(blank)], check=True, capture_output=True, timeout=180)  # fmt: skip
    result = read_file(out / blank.name, catalog)
    assert result.ok, [p.render("en") for p in result.problems]
    (assessment,) = result.assessments
    assert [r.supplier for r in assessment.ratings] == SUPPLIER
    assert assessment.ratings[3].comment == "Über LibreOffice gespeichert"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_name_in_the_relationship_drop_down_is_read_as_that_type(tmp_path, catalog, lang):
    path = tmp_path / "new.xlsx"
    path.write_bytes(build_template(catalog, TemplateRequest(lang, "Acme Ltd", "2026-Q3")))
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
