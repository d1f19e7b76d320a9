"""`reportgen export` from a workbook: the account's facts, its languages and formats, and figures that agree
with the report."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import FACTS as ACCOUNT_FACTS
from tests.conftest import run, sheets_for

# A workbook with every account fact: name, id, period, manager, assessed by, on, revenue, currency,
# catalog, intended relationship (by its German name, as the drop-down offers it).
FACTS = ["Acme Präzision GmbH", "KA-1", "2026-Q3", "Jürgen Weiß", "Anja Groß", date(2026, 9, 15), 1_250_000,
         "CHF", "efkam-partnership v1.0", "Strategische Partnerschaft"]  # fmt: skip


def export_of(workbook: Path, out: Path, *options: str) -> list[Path]:
    result = run("export", str(workbook), "--out", str(out), *options)
    assert result.exit_code == 0, result.output
    return sorted(out.iterdir())


@pytest.fixture
def workbook(make_workbook):
    return make_workbook("acme.xlsx", lang="de", facts=FACTS)


def test_the_account_facts_come_from_the_workbook(workbook, tmp_path, catalog):
    accounts_csv, *_ = export_of(workbook, tmp_path / "out", "--lang", "en")
    (row,) = list(csv.DictReader(io.StringIO(accounts_csv.read_text(encoding="utf-8"))))
    strategic = catalog.zones.relationship_types[-1]
    assert (row["key_account_manager"], row["annual_revenue"], row["currency"]) == (
        "Jürgen Weiß",
        "1250000",
        "CHF",
    )
    assert (row["intended_relationship"], row["intended_relationship_name_en"]) == (
        strategic.id,
        strategic.name.en,
    )
    # 4 against 3 on every factor: S 75, K 50, the zone's name as the English report gives it
    assert (row["supplier_index"], row["key_account_index"], row["balance"]) == ("75", "50", "25")
    assert row["zone_name_en"] == "Supplier frustration zone, critical"
    assert "zone_name_de" not in row


def test_german_titles_with_lang_de(workbook, tmp_path, catalog):
    _, _, factors_csv, _ = export_of(workbook, tmp_path / "out", "--lang", "de", "--german-csv")
    rows = list(csv.DictReader(io.StringIO(factors_csv.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [row["factor_title_de"] for row in rows] == [f.title.de for f in catalog.factors]
    assert "factor_title_en" not in rows[0]


def test_xlsx_and_json_carry_the_facts_and_both_languages_by_default(workbook, tmp_path, catalog):
    (xlsx,) = export_of(workbook, tmp_path / "x", "--format", "xlsx")
    sheets = load_workbook(xlsx)
    header = [cell.value for cell in sheets["accounts"][1]]
    values = dict(zip(header, [cell.value for cell in sheets["accounts"][2]], strict=True))
    assert values["intended_relationship_name_de"] == catalog.zones.relationship_types[-1].name.de
    assert (values["annual_revenue"], values["currency"]) == (1_250_000, "CHF")
    factor_header = [cell.value for cell in sheets["factors"][1]]
    assert {"factor_title_de", "factor_title_en"} <= set(factor_header)
    (json_file,) = export_of(workbook, tmp_path / "j", "--format", "json")
    (account,) = json.loads(json_file.read_text(encoding="utf-8"))["accounts"]
    assert account["key_account_manager"] == "Jürgen Weiß"
    assert account["zone_name_de"] == "Lieferantenfrustrationszone, kritisch"
    assert account["factors"][0]["factor_title_en"] == catalog.factors[0].title.en


def test_the_export_agrees_with_the_report(workbook, tmp_path):
    """Balance is S − K of the exported figures and the zone is decided on them, as in every report."""
    accounts_csv, *_ = export_of(workbook, tmp_path / "out")
    (row,) = list(csv.DictReader(io.StringIO(accounts_csv.read_text(encoding="utf-8"))))
    assert int(row["balance"]) == int(row["supplier_index"]) - int(row["key_account_index"])


@pytest.fixture(scope="module")
def examples_2026_q3(tmp_path_factory) -> tuple[dict, list]:
    """The example input exported as JSON for 2026-Q3, and the analyses the reports are made from."""
    from reportgen.analysis.all_accounts import prepare
    from reportgen.common.resources import DEFAULT_CATALOG
    from reportgen.model.catalog import load_catalog
    from tests.conftest import EXAMPLES

    out = tmp_path_factory.mktemp("examples")
    (json_file,) = export_of(EXAMPLES, out, "--format", "json", "--period", "2026-Q3")
    accounts = {a["account"]: a for a in json.loads(json_file.read_text(encoding="utf-8"))["accounts"]}
    workload = prepare([EXAMPLES], load_catalog(DEFAULT_CATALOG))
    analyses = [a for a in workload.analyses if str(a.assessment.period) == "2026-Q3"]
    return accounts, analyses


@pytest.mark.parametrize(
    ("account", "their_zone", "disputed"),
    [
        ("Nordhafen Logistik AG", "strategic_partnership", 6),
        ("Meridian Aerotech Inc.", "account_invests_more", 9),
    ],
)
def test_the_examples_with_several_voices_export_both_views(examples_2026_q3, account, their_zone, disputed):
    """Three raters of our team and the key account's questionnaire; at Nordhafen the views agree, at
    Meridian the key account's own view lands in another zone. Factor 6 (Nordhafen) and 9 (Meridian) split
    the team."""
    accounts, analyses = examples_2026_q3
    row = accounts[account]
    (analysis,) = [a for a in analyses if a.assessment.account.name == account]
    theirs = analysis.key_account_view
    assert (row["supplier_raters"], row["key_account_raters"]) == (3, 1)
    assert (row["ka_view_supplier_index"], row["ka_view_key_account_index"], row["ka_view_balance"]) == (
        theirs.supplier_index,
        theirs.key_account_index,
        theirs.supplier_index - theirs.key_account_index,
    )
    assert row["ka_view_zone"] == their_zone
    assert (row["zone"] == their_zone) is (account.startswith("Nordhafen"))
    assert row["source"] == "; ".join(path.name for path in analysis.assessment.sources)
    assert len(row["source"].split("; ")) == 4
    assert [f["factor_number"] for f in row["factors"] if f["disagreement"]] == [disputed]
    flagged = row["factors"][disputed - 1]
    widths = [flagged[f"{side}_max"] - flagged[f"{side}_min"] for side in ("supplier", "key_account")]
    assert flagged["raters"] == 3 and max(widths) >= 2
    gaps = {gap.factor.id: gap for gap in analysis.perception}
    assert [(f["perception_supplier"], f["perception_key_account"]) for f in row["factors"]] == [
        (gaps[f["factor_id"]].supplier_class, gaps[f["factor_id"]].key_account_class)
        if f["factor_id"] in gaps
        else (None, None)
        for f in row["factors"]
    ]
    raters = {(r["rater"], r["view"]) for r in row["ratings"]}
    assert len(raters) == 4 and sum(view == "key_account" for _, view in raters) == 1
    assert len(row["ratings"]) == 4 * len(row["factors"])


def test_the_single_rater_examples_have_one_rater_and_no_key_account_view(examples_2026_q3):
    accounts, _ = examples_2026_q3
    single = [a for name, a in accounts.items() if not name.startswith(("Nordhafen", "Meridian"))]
    assert single
    for row in single:
        assert (row["supplier_raters"], row["key_account_raters"]) == (1, 0)
        assert row["ka_view_zone"] is None and row["ka_view_balance"] is None
        assert {r["view"] for r in row["ratings"]} == {"supplier"}
        assert all(f["perception_supplier"] is None and f["raters"] <= 1 for f in row["factors"])


# What serving the account costs and returns: numbers in every format, empty where not given.

COST_COLUMNS = ("effort_hours", "hourly_rate", "other_cost_to_serve", "cost_to_serve", "contribution_margin",
                "cost_to_serve_share", "margin_after_service")  # fmt: skip
# 1,150 h × 95 (the catalog's rate) + 12,000 = 121,250; the margin 6 % × 4,800,000 = 288,000;
# 121,250 / 288,000 = 0.42101 → 0.421; 288,000 − 121,250 = 166,750 left.
COSTS = (1150, 95, 12_000, 121_250, 288_000, 0.421, 166_750)


@pytest.fixture
def served(make_workbook, catalog, tmp_path) -> Path:
    """A folder where Acme gives its hours, other cost and margin (a share of its revenue), and Beta
    gives none of them."""
    acme = sheets_for(catalog, lang="de", facts=[*ACCOUNT_FACTS[:6], 4_800_000])
    acme["Stammdaten"] += [["Währung", "EUR"], ["Betreuungsaufwand (Stunden/Jahr)", 1150],
                           ["Weitere Betreuungskosten (€/Jahr)", "12.000 €"], ["Deckungsbeitrag (€/Jahr)", "6 %"]]  # fmt: skip
    (tmp_path / "in").mkdir()
    make_workbook("in/acme.xlsx", sheets=acme)
    beta = sheets_for(catalog, facts=["Beta Ltd", "KA-2", *ACCOUNT_FACTS[2:6], 900_000])
    make_workbook("in/beta.xlsx", sheets=beta)
    return tmp_path / "in"


@pytest.mark.parametrize(("german", "decimal"), [(False, "0.421"), (True, "0,421")])
def test_the_cost_to_serve_columns_are_numbers_and_empty_where_not_given_in_csv(
    served, tmp_path, german, decimal
):
    options = ("--german-csv",) if german else ()
    accounts_csv, *_ = export_of(served, tmp_path / "out", "--lang", "en", *options)
    text = accounts_csv.read_text(encoding="utf-8-sig" if german else "utf-8")
    acme, beta = csv.DictReader(io.StringIO(text), delimiter=";" if german else ",")
    expected = [str(value) for value in COSTS]
    expected[5] = decimal
    assert [acme[name] for name in COST_COLUMNS] == expected
    assert (acme["currency"], acme["annual_revenue"]) == ("EUR", "4800000")
    assert [beta[name] for name in COST_COLUMNS] == [""] * len(COST_COLUMNS)  # not given: never 0


def test_the_cost_to_serve_columns_in_xlsx_and_json_are_numbers_and_empty_where_not_given(served, tmp_path):
    (xlsx,) = export_of(served, tmp_path / "x", "--format", "xlsx")
    sheet = load_workbook(xlsx)["accounts"]
    header = [cell.value for cell in sheet[1]]
    acme, beta = (
        [row[header.index(name)].value for name in COST_COLUMNS] for row in sheet.iter_rows(min_row=2)
    )
    assert acme == list(COSTS) and all(isinstance(value, int | float) for value in acme)
    assert beta == [None] * len(COST_COLUMNS)
    (json_file,) = export_of(served, tmp_path / "j", "--format", "json")
    acme, beta = json.loads(json_file.read_text(encoding="utf-8"))["accounts"]
    assert [acme[name] for name in COST_COLUMNS] == list(COSTS)
    assert [beta[name] for name in COST_COLUMNS] == [None] * len(COST_COLUMNS)
