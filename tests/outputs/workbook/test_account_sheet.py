"""The fillable workbook's account sheet: every fact a user fills in is read back as that fact."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from reportgen.model.assessment import ServiceFacts, View
from reportgen.outputs.workbook import build_workbook
from reportgen.outputs.workbook.request import WorkbookRequest
from reportgen.reading import read_file
from tests.conftest import run
from tests.outputs.conftest import fact_rows, fill, questionnaire


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
    (choice,) = [v for v in facts.data_validations.dataValidation if v.type == "list"]
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


# What serving the account takes and returns: our team's workbook asks for it, the questionnaire never.

SERVICE_LABELS = {
    "de": ["Betreuungsaufwand (Stunden/Jahr)", "Weitere Betreuungskosten (€/Jahr)", "Deckungsbeitrag (€/Jahr)",
           "Stundensatz"],
    "en": ["Account effort (hours/year)", "Other cost to serve (per year)", "Contribution margin (per year)",
           "Hourly rate"],
}  # fmt: skip
CURRENCY_LABEL = {"de": "Währung", "en": "Currency"}


def our_workbook(tmp_path, catalog, lang):
    path = tmp_path / f"ours_{lang}.xlsx"
    path.write_bytes(build_workbook(catalog, WorkbookRequest(lang, "Acme Ltd", "2026-Q3")))
    return path


def rated(workbook) -> None:
    sheet = workbook.worksheets[2]
    for row in range(2, 18):
        sheet.cell(row, 5, 4)
        sheet.cell(row, 6, 3)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_our_workbook_asks_for_the_service_facts_after_the_currency_each_with_a_check(
    tmp_path, catalog, lang
):
    facts = load_workbook(our_workbook(tmp_path, catalog, lang)).worksheets[1]
    labels = [row[0].value for row in facts.iter_rows(min_row=2)]
    at = labels.index(CURRENCY_LABEL[lang]) + 1
    assert labels[at : at + 4] == SERVICE_LABELS[lang]
    rows = fact_rows(facts)
    checks = {str(v.sqref): v for v in facts.data_validations.dataValidation if v.type == "decimal"}
    hours, other, margin, rate = (checks.pop(f"B{rows[label]}") for label in SERVICE_LABELS[lang])
    assert not checks
    for zero_or_more in (hours, other, rate):
        assert (zero_or_more.operator, zero_or_more.formula1) == ("greaterThanOrEqual", "0")
    # the margin takes a loss too, and a share typed as 18 % (a number to the spreadsheet)
    assert (margin.operator, float(margin.formula1), float(margin.formula2)) == ("between", -1e12, 1e12)
    for check in (hours, other, margin, rate):
        assert check.showErrorMessage and check.allow_blank and check.error
    for label in SERVICE_LABELS[lang]:
        cell = facts.cell(rows[label], 2)
        assert cell.value is None and not cell.protection.locked
        assert facts.cell(rows[label], 3).value.startswith("optional")
    rate_note = facts.cell(rows[SERVICE_LABELS[lang][3]], 3).value
    assert {"de": "95\xa0€", "en": "€95"}[lang] in rate_note and "EUR" in rate_note


def test_the_hourly_rates_note_names_the_catalogs_own_rate_and_none_without_one(tmp_path, catalog):
    from tests.builders import variant

    def rate_note(economics: dict) -> str:
        changed = variant(catalog, lambda data: data.update(economics=economics))
        facts = load_workbook(our_workbook(tmp_path, changed, "en")).worksheets[1]
        return facts.cell(fact_rows(facts)["Hourly rate"], 3).value

    assert "CHF\xa0120" in rate_note({"hourly_rate": 120, "currency": "CHF"})
    assert "(for amounts in CHF)" in rate_note({"hourly_rate": 120, "currency": "CHF"})
    without = rate_note({"hourly_rate": None, "currency": "EUR"})
    assert "catalog" not in without and "EUR" not in without and without.startswith("optional")


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ((1150, 12000, 288000, 110), ServiceFacts(1150, 12000, 288000, None, 110)),
        ((0, 0, -25000, None), ServiceFacts(0, 0, -25000)),  # nothing spent; an account that loses
        ((1400, None, None, None), ServiceFacts(effort_hours=1400)),
        ((None, None, None, None), ServiceFacts()),
    ],
)
def test_the_service_facts_filled_in_read_back_as_typed(tmp_path, catalog, lang, typed, expected):
    path = our_workbook(tmp_path, catalog, lang)
    workbook = load_workbook(path)
    facts = workbook.worksheets[1]
    rows = fact_rows(facts)
    facts.cell(rows[{"de": "Jahresumsatz", "en": "Annual revenue"}[lang]], 2, 4_800_000)
    for label, value in zip(SERVICE_LABELS[lang], typed, strict=True):
        facts.cell(rows[label], 2, value)
    rated(workbook)
    workbook.save(path)
    result = read_file(path, catalog)
    assert not result.problems, [p.render(lang) for p in result.problems]
    (assessment,) = result.assessments
    assert assessment.account.service == expected


def test_the_margin_cell_keeps_the_general_format_so_a_typed_share_shows_as_typed(tmp_path, catalog):
    """Hours and other cost show thousands; a margin typed as 18 % in a whole-amount format would show 0."""
    facts = load_workbook(our_workbook(tmp_path, catalog, "en")).worksheets[1]
    rows = fact_rows(facts)
    formats = [facts.cell(rows[label], 2).number_format for label in SERVICE_LABELS["en"]]
    assert formats == ["#,##0", "#,##0", "General", "General"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_margin_typed_as_a_percentage_reads_back_as_that_share_of_the_revenue_with_a_note(
    tmp_path, catalog, lang
):
    """Excel keeps "18 %" typed into the cell as 0.18 formatted as a percentage; the reader sees 0.18."""
    path = our_workbook(tmp_path, catalog, lang)
    workbook = load_workbook(path)
    facts = workbook.worksheets[1]
    rows = fact_rows(facts)
    facts.cell(rows[{"de": "Jahresumsatz", "en": "Annual revenue"}[lang]], 2, 4_800_000)
    margin = facts.cell(rows[SERVICE_LABELS[lang][2]], 2, 0.18)
    margin.number_format = "0%"
    rated(workbook)
    workbook.save(path)
    result = read_file(path, catalog)
    (assessment,) = result.assessments
    assert assessment.account.service == ServiceFacts(margin_share=0.18)
    (note,) = result.problems
    assert note.place.cell == margin.coordinate and "18" in note.render(lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_key_accounts_questionnaire_never_asks_what_serving_it_costs(tmp_path, lang):
    workbook = load_workbook(questionnaire(tmp_path, lang, "--period", "2026-Q3"))
    texts = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value]
    words = ["Betreuung", "Stunde", "Deckungsbeitrag", "effort", "hour", "cost to serve", "margin"]
    assert texts and not [text for text in texts for word in words if word.lower() in text.lower()]
    facts = workbook.worksheets[1]
    assert not [v for v in facts.data_validations.dataValidation if v.type == "decimal"]
