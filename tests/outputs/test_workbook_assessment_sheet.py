"""The fillable workbook: made from the catalog, filled in as a user would, read back exactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reportgen.model.assessment import ActionStatus, Rater, View
from reportgen.model.catalog import LocalizedText
from reportgen.outputs.workbook_assessment_sheet import TemplateRequest, build_template
from reportgen.reading import read_file
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


def fact_rows(sheet) -> dict[str, int]:
    """The account sheet's rows by the label in column A."""
    return {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}


def fill(path: Path, comments: dict[int, str]) -> None:
    """What a key account manager does: scores from the drop-down, comments, the facts."""
    workbook = load_workbook(path)
    facts = workbook["Stammdaten"]
    rows = fact_rows(facts)
    facts.cell(rows["Account-ID"], 2, "KA-9001")
    facts.cell(rows["Key-Account-Manager"], 2, "Jürgen Weiß")
    facts.cell(rows["Jahresumsatz"], 2, 2_400_000)
    sheet = workbook["Bewertung"]
    for index, (supplier, key_account) in enumerate(zip(SUPPLIER, KEY_ACCOUNT, strict=True)):
        sheet.cell(index + 2, 5, supplier)
        sheet.cell(index + 2, 6, key_account)
        if index in comments:
            sheet.cell(index + 2, 7, comments[index])
    workbook.save(path)


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
                                          "Was der Key Account investiert", "Lieferant (1–5)",
                                          "Key Account (1–5)", "Kommentar", "Kommentar teilen"]  # fmt: skip
    assert [sheet.cell(r, 1).value for r in range(2, 18)] == [f.id for f in catalog.factors]
    assert sheet.cell(2, 3).value == catalog.factors[0].supplier.de
    assert sheet.freeze_panes == "C2"
    assert sheet.page_setup.orientation == "landscape"


def scores_check(sheet):
    (validation,) = [v for v in sheet.data_validations.dataValidation if v.type == "decimal"]
    return validation


def test_every_score_cell_takes_any_number_on_the_scale_halves_too(blank, catalog):
    """Regression: the README said 3,5 works, the reader reads it, but the score cells had a drop-down
    of whole numbers that Excel refused it with. The cells now take what the reader takes – any number
    from the scale's lowest to its highest point – and the sheet says so, as the README does."""
    workbook = load_workbook(blank)
    sheet = workbook["Bewertung"]
    validation = scores_check(sheet)
    assert (validation.operator, validation.formula1, validation.formula2) == ("between", "1", "5")
    assert validation.showErrorMessage and validation.allow_blank is not False
    covered = {cell for cell_range in validation.sqref.ranges for row in cell_range.cells for cell in [row]}
    assert covered == {(row, column) for row in range(2, 18) for column in (5, 6)}
    said = "Tragen Sie eine Zahl von 1 bis 5 ein, etwa 3 oder 3,5, oder lassen Sie die Zelle leer (= nicht bewertet)."
    assert validation.error == said
    assert said in [c.value for c in workbook["Anleitung"]["A"]]
    sheet.cell(2, 5, 3.5)  # as Excel stores a typed 3,5
    sheet.cell(2, 6, "4,5")  # as a cell formatted as text keeps it
    workbook.save(blank)
    (assessment,) = read_file(blank, catalog).assessments
    assert (assessment.ratings[0].supplier, assessment.ratings[0].key_account) == (3.5, 4.5)
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "`reportgen template`'s score cells take any number on the scale" in " ".join(readme.split())


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


ACTION_HEADERS = {
    "de": ["Faktor", "Maßnahme", "Verantwortlich", "Fällig am", "Status", "Mit dem Key Account teilen"],
    "en": ["Factor", "Action", "Owner", "Due date", "Status", "Share with the key account"],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_our_workbook_has_an_actions_sheet_with_drop_downs_that_reads_back(tmp_path, catalog, lang):
    path = tmp_path / "new.xlsx"
    path.write_bytes(build_template(catalog, TemplateRequest(lang, "Acme Ltd", "2026-Q3")))
    workbook = load_workbook(path)
    sheet = workbook.worksheets[3]
    assert [c.value for c in sheet[1]] == ACTION_HEADERS[lang]
    assert sheet.cell(16, 2).fill.fgColor.rgb.endswith("FFF4C2")  # empty rows formatted to fill in
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assessment = workbook.worksheets[2].title
    assert checks["A2:A200"].formula1 == f"'{assessment}'!$B$2:$B$17"  # the factors' titles
    titles = [workbook.worksheets[2].cell(row, 2).value for row in range(2, 18)]
    assert titles == [f.title.get(lang) for f in catalog.factors]
    words = {"de": ('"offen,erledigt,verworfen"', '"ja,nein"'), "en": ('"open,done,dropped"', '"yes,no"')}
    assert (checks["E2:E200"].formula1, checks["F2:F200"].formula1) == words[lang]
    assert checks["D2:D200"].type == "date" and checks["D2:D200"].prompt
    instructions = " ".join(str(c.value) for c in workbook.worksheets[0]["A"] if c.value)
    assert {"de": "im Blatt „Maßnahmen“", "en": 'on the sheet "Actions"'}[lang] in instructions
    for row in range(2, 18):
        workbook.worksheets[2].cell(row, 5, 3)
        workbook.worksheets[2].cell(row, 6, 3)
    status = checks["E2:E200"].formula1.strip('"').split(",")
    share = checks["F2:F200"].formula1.strip('"').split(",")
    sheet.append([titles[12], "Exclusivity talk", "Anja Groß", date(2026, 12, 31), status[1], share[0]])
    sheet.cell(3, 2, "Annual review")
    workbook.save(path)
    result = read_file(path, catalog)
    assert result.problems == [], [p.render("en") for p in result.problems]
    actions = result.assessments[0].actions
    assert [(a.factor_id, a.text, a.owner, a.due, a.status, a.shared) for a in actions] == [
        (None, "Annual review", None, None, ActionStatus.OPEN, False),
        ("exclusivity", "Exclusivity talk", "Anja Groß", date(2026, 12, 31), ActionStatus.DONE, True),
    ]
    # the key account's questionnaire has none: our team keeps the plan
    theirs = TemplateRequest(lang, "Acme Ltd", "2026-Q3", view=View.KEY_ACCOUNT, supplier="Hansen GmbH")
    path.write_bytes(build_template(catalog, theirs))
    assert len(load_workbook(path).sheetnames) == 3


# The key account's own questionnaire, and our team's workbook for a named rater.

SUPPLIER_NAME = "Hansen (Deutschland) GmbH"
"""Our company, with brackets in its name: the column headers put it in brackets themselves."""
INTERNAL = re.compile(
    r"frustration|marge|margin|scal\w* \w* ?back|zurück\w*fahren|herunter\w*fahren|rücknahme|revenue|umsatz|"
    r"intended relationship|angestrebte beziehung|key.account.manager|reportgen",
    re.IGNORECASE,
)
"""Words for our own team only: the key account's contacts must not read them."""
WE_OR_YOU = {"de": r"\b([Ww]ir|[Uu]ns\w*|Sie|Ihr\w*)\b", "en": r"(?i)\b(we|us|our|you|your)\b"}
"""Our team's "we" and "you" (German: the formal Sie and Ihr, capitalised; "sie" is "they")."""


def questionnaire(tmp_path, lang: str, *options: str) -> Path:
    path = tmp_path / f"questionnaire_{lang}.xlsx"
    result = run("template", "--view", "key-account", "--supplier", SUPPLIER_NAME, "--lang", lang, "-o", str(path),
                 *options)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return path


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


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_questionnaire_names_both_companies_and_asks_about_the_supplier_first(tmp_path, lang):
    workbook = load_workbook(questionnaire(tmp_path, lang, "--account", "Zeppelin Süd GmbH"))
    instructions, facts, sheet = workbook.worksheets
    header = [cell.value for cell in sheet[1]]
    assert header[2:6] == [
        {"de": "Was Hansen (Deutschland) GmbH investiert", "en": "What Hansen (Deutschland) GmbH invests"}[
            lang
        ],
        {"de": "Was Zeppelin Süd GmbH investiert", "en": "What Zeppelin Süd GmbH invests"}[lang],
        {
            "de": "Lieferant (Hansen [Deutschland] GmbH, 1–5)",
            "en": "Supplier (Hansen [Deutschland] GmbH, 1–5)",
        }[lang],
        {"de": "Ihr Unternehmen (Zeppelin Süd GmbH, 1–5)", "en": "Your company (Zeppelin Süd GmbH, 1–5)"}[
            lang
        ],
    ]
    assert sheet.cell(2, 3).value == {"de": "Bindet Zeppelin Süd GmbH früh in die eigene Produktentwicklung ein.",
                                      "en": "Involves Zeppelin Süd GmbH early in its own product development."}[lang]  # fmt: skip
    words = " ".join(str(c.value) for c in instructions["A"] if c.value)
    assert SUPPLIER_NAME in words and "Zeppelin Süd GmbH" in words
    assert {"de": "gemeinsame Besprechung", "en": "joint review"}[lang] in words
    assert {
        "de": "Kein Bericht ordnet eine Bewertung einer Person zu",
        "en": "No report ties a score to a person",
    }[lang] in words
    rows = {facts.cell(row, 1).value: facts.cell(row, 2) for row in range(2, facts.max_row + 1)}
    view, rater, role = (rows[label[lang]] for label in (
        {"de": "Sicht", "en": "View"}, {"de": "Bewertet von", "en": "Assessed by"}, {"de": "Rolle", "en": "Role"}))  # fmt: skip
    assert view.value == "Key Account" and view.protection.locked
    assert rater.value is None and role.value is None
    assert not rater.protection.locked and not role.protection.locked
    assert all(ws.protection.sheet and not ws.protection.password for ws in workbook.worksheets)
    scores, share = sheet.data_validations.dataValidation
    assert (scores.type, scores.formula1, scores.formula2, str(scores.sqref)) == (
        "decimal",
        "1",
        "5",
        "E2:F17",
    )
    assert str(share.sqref) == "H2:H17"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_factor_of_the_shipped_catalogs_is_worded_for_the_key_account(lang):
    """Both companies named by placeholder, never "we" or "you": the contact reads them as they are."""
    from reportgen.common.resources import CRITERIA_DIR
    from reportgen.model.catalog import load_catalog

    for path in sorted(CRITERIA_DIR.glob("*.yaml")):
        for factor in load_catalog(path).factors:
            for text in (factor.questionnaire_supplier, factor.questionnaire_key_account):
                assert text is not None and not text.missing(), (path.name, factor.id)
                worded = text.get(lang)
                assert set(re.findall(r"\{(\w*)\}", worded)) <= {"supplier", "account"}, (factor.id, worded)
                assert not re.search(WE_OR_YOU[lang], worded), (factor.id, worded)
                assert not INTERNAL.search(worded), (factor.id, worded)


def test_without_the_account_the_questionnaire_says_your_company_and_reads_back(tmp_path, catalog):
    path = questionnaire(tmp_path, "de", "--period", "2026-Q3")
    workbook = load_workbook(path)
    facts, sheet = workbook.worksheets[1], workbook.worksheets[2]
    assert [c.value for c in sheet[1]][3:6] == ["Was Ihr Unternehmen investiert", "Lieferant (Hansen [Deutschland] GmbH, 1–5)", "Ihr Unternehmen (1–5)"]  # fmt: skip
    assert (
        sheet.cell(5, 3).value
        == "Lässt Ihr Unternehmen die Spezifikation künftiger Produkte und Leistungen mitgestalten."
    )
    company = facts.cell(fact_rows(facts)["Unternehmen"], 2)
    assert company.value is None and not company.protection.locked
    company.value = "Zeppelin Süd GmbH"
    for row in range(2, 18):
        sheet.cell(row, 5, 4)
        sheet.cell(row, 6, 2)
    workbook.save(path)
    (assessment,) = read_file(path, catalog).assessments
    assert assessment.account.name == "Zeppelin Süd GmbH" and assessment.raters[0].view is View.KEY_ACCOUNT
    assert {(r.supplier, r.key_account) for r in assessment.ratings} == {(4, 2)}


def test_a_users_catalog_with_braces_or_without_questionnaire_texts_still_makes_a_questionnaire(
    tmp_path, catalog
):
    braces = catalog.factors[0].model_copy(update={
        "questionnaire_supplier": LocalizedText(de="Preis {0} für {account} in {€} {", en="{supplier}'s {price}}"),
        "questionnaire_key_account": LocalizedText(en="Trusts {supplier}"),
    })  # fmt: skip
    plain = catalog.factors[1].model_copy(
        update={"questionnaire_supplier": None, "questionnaire_key_account": None}
    )
    own = catalog.model_copy(update={"factors": [braces, plain, *catalog.factors[2:]]})
    request = TemplateRequest("de", None, "2026-Q3", View.KEY_ACCOUNT, "Acme {AG}")
    path = tmp_path / "own.xlsx"
    path.write_bytes(build_template(own, request))
    sheet = load_workbook(path).worksheets[2]
    assert [sheet.cell(2, c).value for c in (3, 4)] == [
        "Preis {0} für Ihr Unternehmen in {€} {",
        "Trusts Acme {AG} [EN]",
    ]
    assert [sheet.cell(3, c).value for c in (3, 4)] == [plain.title.de, plain.title.de]


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


@pytest.mark.parametrize(("lang", "words"), [("de", ["ja", "nein"]), ("en", ["yes", "no"])])
def test_each_comment_has_a_share_drop_down_whose_yes_shares_it(tmp_path, catalog, lang, words):
    path = tmp_path / "ours.xlsx"
    path.write_bytes(build_template(catalog, TemplateRequest(lang, "Acme Ltd", "2026-Q3")))
    workbook = load_workbook(path)
    sheet = workbook.worksheets[2]
    (share,) = [v for v in sheet.data_validations.dataValidation if v.formula1 == f'"{",".join(words)}"']
    assert str(share.sqref) == "H2:H17"
    for row in range(2, 18):
        sheet.cell(row, 5, 4)
        sheet.cell(row, 6, 3)
        sheet.cell(row, 7, f"comment {row}")
    sheet.cell(3, 8, words[0])
    sheet.cell(4, 8, words[1])
    workbook.save(path)
    (assessment,) = read_file(path, catalog).assessments
    assert [r.comment_shared for r in assessment.ratings[:4]] == [False, True, False, False]


@pytest.mark.parametrize(("lang", "words"), [("de", ["ja", "nein"]), ("en", ["yes", "no"])])
def test_the_questionnaire_shares_each_comment_unless_marked_no_and_says_so(tmp_path, catalog, lang, words):
    """Regression: the questionnaire told the contact that comments "help both companies discuss it", yet
    had no share column, so none reached the edition for the meeting of both companies. Its cells now
    start as yes, and blank counts as yes; no keeps a comment for our team."""
    path = questionnaire(tmp_path, lang, "--account", "Zeppelin Süd GmbH", "--period", "2026-Q3")
    workbook = load_workbook(path)
    instructions, sheet = workbook.worksheets[0], workbook.worksheets[2]
    assert sheet.cell(1, 8).value == {"de": "Kommentar teilen", "en": "Share comment"}[lang]
    assert [sheet.cell(row, 8).value for row in range(2, 18)] == [words[0]] * 16
    (share,) = [v for v in sheet.data_validations.dataValidation if v.formula1 == f'"{",".join(words)}"']
    assert str(share.sqref) == "H2:H17"
    assert not sheet.cell(2, 8).protection.locked
    said = " ".join(str(cell.value) for cell in instructions["A"] if cell.value)
    assert {
        "de": "Ein Kommentar nur für Hansen (Deutschland) GmbH: Wählen Sie „nein“ unter „Kommentar teilen“. "
        "Eine leere Zelle zählt als „ja“.",
        "en": 'A comment meant for Hansen (Deutschland) GmbH alone: choose "no" under "Share comment". '
        'A blank cell counts as "yes".',
    }[lang] in said
    for row in range(2, 18):
        sheet.cell(row, 5, 4)
        sheet.cell(row, 6, 3)
        sheet.cell(row, 7, f"comment {row}")
    sheet.cell(3, 8, words[1])
    sheet.cell(4, 8, None)
    workbook.save(path)
    (assessment,) = read_file(path, catalog).assessments
    assert [r.comment_shared for r in assessment.ratings[:4]] == [True, False, True, True]


def test_a_questionnaire_of_before_without_a_share_column_shares_its_comments(tmp_path, catalog):
    """A questionnaire written before it had the column told the contact that comments help both companies
    discuss them: it is read as it promised. Our team's workbook without the column keeps its comments
    internal, as always."""
    path = questionnaire(tmp_path, "en", "--account", "Zeppelin Süd GmbH", "--period", "2026-Q3")
    (theirs,) = read_file(_rated_without_share_column(path, "Joint planning works well"), catalog).assessments
    assert theirs.ratings[0].comment_shared is True
    ours = tmp_path / "ours.xlsx"
    ours.write_bytes(build_template(catalog, TemplateRequest("en", "Zeppelin Süd GmbH", "2026-Q3")))
    (assessment,) = read_file(_rated_without_share_column(ours, "Costs us margin"), catalog).assessments
    assert assessment.ratings[0].comment_shared is False


def _rated_without_share_column(path, comment: str):
    """The workbook at *path* as one written before the share column: rated, one factor commented."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[2]
    sheet.delete_cols(8)
    for row in range(2, 18):
        sheet.cell(row, 5, 4)
        sheet.cell(row, 6, 3)
    sheet.cell(2, 7, comment)
    workbook.save(path)
    return path
