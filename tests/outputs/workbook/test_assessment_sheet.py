"""The fillable workbook's assessment sheet: a row per factor, score cells that take what the reader takes,
ids locked, comments shared as marked; the key account's questionnaire names both companies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportgen.model.assessment import View
from reportgen.model.catalog import LocalizedText
from reportgen.outputs.workbook import build_workbook
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading import read_file
from tests.outputs.conftest import INTERNAL, SUPPLIER_NAME, fact_rows, questionnaire


def scores_check(sheet):
    (validation,) = [v for v in sheet.data_validations.dataValidation if v.type == "decimal"]
    return validation


def test_every_score_cell_takes_any_number_on_the_scale_halves_too(blank, catalog):
    """Regression: the README said 3,5 works, the reader reads it, but the score cells had a drop-down
    of whole numbers that Excel refused it with. The cells now take what the reader takes – any number
    from the scale's lowest to its highest point – and the sheet says so, as the guide does."""
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
    guide = (Path(__file__).parents[3] / "docs" / "kam" / "workbook.md").read_text(encoding="utf-8")
    assert "`reportgen template`'s score cells take any number on the scale" in " ".join(guide.split())


def test_inputs_are_open_and_ids_protected_without_password(blank):
    workbook = load_workbook(blank)
    sheet = workbook["Bewertung"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.cell(2, 1).protection.locked and sheet.cell(2, 2).protection.locked
    assert not any(sheet.cell(2, column).protection.locked for column in (5, 6, 7))
    assert all(ws.sheet_state == "visible" for ws in workbook.worksheets)
    assert not any(dim.hidden for dim in sheet.column_dimensions.values())


# The key account's own questionnaire.

WE_OR_YOU = {"de": r"\b([Ww]ir|[Uu]ns\w*|Sie|Ihr\w*)\b", "en": r"(?i)\b(we|us|our|you|your)\b"}
"""Our team's "we" and "you" (German: the formal Sie and Ihr, capitalised; "sie" is "they")."""


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
            "de": "Lieferant (Hansen [Deutschland] GmbH)",
            "en": "Supplier (Hansen [Deutschland] GmbH)",
        }[lang],
        {"de": "Ihr Unternehmen (Zeppelin Süd GmbH)", "en": "Your company (Zeppelin Süd GmbH)"}[lang],
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
    assert [c.value for c in sheet[1]][3:6] == ["Was Ihr Unternehmen investiert", "Lieferant (Hansen [Deutschland] GmbH)", "Ihr Unternehmen"]  # fmt: skip
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
    request = WorkbookRequest("de", None, "2026-Q3", View.KEY_ACCOUNT, "Acme {AG}")
    path = tmp_path / "own.xlsx"
    path.write_bytes(build_workbook(own, request))
    sheet = load_workbook(path).worksheets[2]
    assert [sheet.cell(2, c).value for c in (3, 4)] == [
        "Preis {0} für Ihr Unternehmen in {€} {",
        "Trusts Acme {AG} [EN]",
    ]
    assert [sheet.cell(3, c).value for c in (3, 4)] == [plain.title.de, plain.title.de]


# Whether a comment is shared.


@pytest.mark.parametrize(("lang", "words"), [("de", ["ja", "nein"]), ("en", ["yes", "no"])])
def test_each_comment_has_a_share_drop_down_whose_yes_shares_it(tmp_path, catalog, lang, words):
    path = tmp_path / "ours.xlsx"
    path.write_bytes(build_workbook(catalog, WorkbookRequest(lang, "Acme Ltd", "2026-Q3")))
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
    ours.write_bytes(build_workbook(catalog, WorkbookRequest("en", "Zeppelin Süd GmbH", "2026-Q3")))
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
