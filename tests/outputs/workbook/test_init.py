"""The fillable workbook: made from the catalog, filled in as a user would, read back exactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reportgen.model.assessment import Rater, View
from reportgen.outputs.workbook import build_workbook
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading import read_file
from tests.conftest import run
from tests.outputs.conftest import INTERNAL, KEY_ACCOUNT, SUPPLIER, fact_rows, fill, questionnaire


def test_sheets_fields_and_catalog_reference(blank, catalog):
    workbook = load_workbook(blank)
    assert workbook.sheetnames == ["Anleitung", "Stammdaten", "Bewertung", "Maßnahmen"]
    instructions = " ".join(str(c.value) for c in workbook["Anleitung"]["A"] if c.value)
    assert "1 = gar nicht" in instructions and "5 = voll und ganz" in instructions
    assert "Eine leere Zelle heißt: nicht bewertet" in instructions
    facts = {row[0].value: row[1].value for row in workbook["Stammdaten"].iter_rows(min_row=2)}
    assert facts["Accountname"] == "Zeppelin Süd GmbH"
    assert facts["Periode"] == "2026-Q3"
    assert facts["Katalog"] == "efkam-partnership v1.0"
    sheet = workbook["Bewertung"]
    assert [c.value for c in sheet[1]] == ["Faktor-ID", "Faktor", "Was der Lieferant investiert",
                                          "Was der Key Account investiert", "Lieferant\n(1–5)",
                                          "Key Account\n(1–5)", "Kommentar", "Kommentar teilen"]  # fmt: skip
    assert [sheet.cell(r, 1).value for r in range(2, 18)] == [f.id for f in catalog.factors]
    assert sheet.cell(2, 3).value == catalog.factors[0].supplier.de
    assert sheet.freeze_panes == "C2"
    assert sheet.page_setup.orientation == "landscape"


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
    path.write_bytes(build_workbook(catalog, WorkbookRequest("en", "Acme Ltd", "2026-Q3")))
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Instructions", "Account", "Assessment", "Actions"]
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


# The key account's own questionnaire.


def every_text(path: Path) -> list[str]:
    """Everything a reader of the workbook can see: sheet names, cells, drop-downs' lists, prompts and
    errors, comments, headers and footers."""
    texts = []
    for sheet in load_workbook(path).worksheets:
        texts.append(sheet.title)
        texts += [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
        texts += [str(cell.comment.text) for row in sheet.iter_rows() for cell in row if cell.comment]
        for validation in sheet.data_validations.dataValidation:
            fields = (validation.formula1, validation.error, validation.errorTitle, validation.prompt,
                      validation.promptTitle)  # fmt: skip
            texts += [str(text) for text in fields if text]
        for part in (sheet.oddHeader, sheet.oddFooter, sheet.evenHeader, sheet.evenFooter):
            texts += [str(text) for text in (part.left.text, part.center.text, part.right.text) if text]
    return texts


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("account", [(), ("--account", "Zeppelin Süd GmbH")])
def test_the_key_accounts_questionnaire_holds_no_internal_word(tmp_path, catalog, lang, account):
    texts = every_text(questionnaire(tmp_path, lang, *account, "--period", "2026-Q3"))
    internal = [
        *catalog.zones.supplier_frustration.name.variants(),
        *catalog.zones.supplier_frustration.meaning.variants(),
    ]
    assert texts and not [
        text for text in texts if INTERNAL.search(text) or any(word in text for word in internal)
    ]
    assert not [t for t in texts for r in catalog.zones.relationship_types if r.name.get(lang) in t]
    ours = tmp_path / "ours.xlsx"  # the check finds them where they belong: in our own workbook
    assert run("template", "--lang", lang, "-o", str(ours)).exit_code == 0
    assert [text for text in every_text(ours) if INTERNAL.search(text)]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_filled_questionnaire_is_read_as_the_key_accounts_view(tmp_path, catalog, lang):
    path = questionnaire(tmp_path, lang, "--account", "Zeppelin Süd GmbH", "--period", "2026-Q3")
    workbook = load_workbook(path)
    facts, sheet = workbook.worksheets[1], workbook.worksheets[2]
    rows = fact_rows(facts)
    facts.cell(rows[{"de": "Bewertet von", "en": "Assessed by"}[lang]], 2, "Eva Lind")
    facts.cell(rows[{"de": "Rolle", "en": "Role"}[lang]], 2, {"de": "Einkauf", "en": "Purchasing"}[lang])
    for index, (supplier, key_account) in enumerate(zip(SUPPLIER, KEY_ACCOUNT, strict=True)):
        sheet.cell(index + 2, 5, supplier)
        sheet.cell(index + 2, 6, key_account)
    workbook.save(path)
    result = read_file(path, catalog)
    assert result.ok, [p.render("en") for p in result.problems]
    (assessment,) = result.assessments
    assert assessment.raters[0] == Rater(
        "Eva Lind", {"de": "Einkauf", "en": "Purchasing"}[lang], View.KEY_ACCOUNT, path
    )
    assert [r.supplier for r in assessment.ratings] == SUPPLIER
    assert [r.key_account for r in assessment.ratings] == KEY_ACCOUNT
    assert assessment.account.name == "Zeppelin Süd GmbH" and str(assessment.period) == "2026-Q3"


@pytest.mark.parametrize(("lang", "said"), [("de", "--supplier"), ("en", "your company's name is missing")])
def test_the_questionnaire_without_our_company_name_is_an_error_and_writes_nothing(tmp_path, lang, said):
    path = tmp_path / "q.xlsx"
    result = run("template", "--view", "key-account", "--lang", lang, "-o", str(path))
    assert result.exit_code == 2 and said in result.stderr
    assert not path.exists()


def test_our_company_name_without_the_questionnaire_is_an_error_not_ignored(tmp_path):
    path = tmp_path / "ours.xlsx"
    result = run("template", "--supplier", "Hansen GmbH", "--lang", "en", "-o", str(path))
    assert result.exit_code == 2
    assert "Add --view key-account to write the questionnaire, or leave out --supplier." in result.stderr
    assert not path.exists()
