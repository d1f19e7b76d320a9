"""The export: the analysis's own numbers, a documented schema, safe for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from reportgen.analysis.indices import analyse
from reportgen.common.i18n import LANGUAGES
from reportgen.common.settings import EXPORT_TABLES
from reportgen.model.assessment import (
    AccountFacts,
    Action,
    ActionStatus,
    Assessment,
    FactorRating,
    Period,
    Rater,
)
from reportgen.outputs.export import export, neutralise
from reportgen.outputs.export.schema import (
    ACCOUNT_COLUMNS,
    ACTION_COLUMNS,
    FACTOR_COLUMNS,
    RATING_COLUMNS,
    SCHEMA,
    column_names,
)


@pytest.fixture
def analyses(catalog):
    """Two accounts, each rated by one person of our team, as a single workbook is read."""
    hostile = AccountFacts('=HYPERLINK("http://x")', account_id="@SUM(A1)")
    plain = AccountFacts("Müller & Söhne", account_id="KA-7")
    ratings = tuple(FactorRating(f.id, 3.5 if i else None, 2) for i, f in enumerate(catalog.factors))
    return [
        analyse(Assessment(facts, Period(2026, 3), ratings, raters=(Rater(),)), catalog)
        for facts in (plain, hostile)
    ]


def test_german_csv_round_trips_through_pandas_with_the_analysis_values(analyses, catalog, tmp_path):
    accounts_csv, factors_csv, _, _ = export(analyses, "csv", tmp_path, "x", german=True)
    assert accounts_csv.read_bytes().startswith(b"\xef\xbb\xbfaccount_id;account;")
    accounts = pd.read_csv(accounts_csv, sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)
    assert list(accounts.columns) == column_names(ACCOUNT_COLUMNS, LANGUAGES)
    first = accounts.iloc[0]
    assert first["account"] == "Müller & Söhne"
    assert first["supplier_index"] == analyses[0].supplier_index
    assert first["balance"] == analyses[0].balance
    assert first["zone"] == analyses[0].zone.id
    assert (first["rated_both"], first["factors_total"]) == (15, 16)
    factors = pd.read_csv(factors_csv, sep=";", decimal=",", encoding="utf-8-sig")
    assert list(factors.columns) == column_names(FACTOR_COLUMNS, LANGUAGES)
    assert len(factors) == 2 * 16
    assert pd.isna(factors.iloc[0]["supplier"]) and pd.isna(factors.iloc[0]["gap"])  # not rated stays empty
    assert factors.iloc[1]["gap"] == pytest.approx(1.5)


@pytest.mark.parametrize("german", [False, True])
def test_csv_writes_a_whole_revenue_without_decimals_and_keeps_cents(catalog, tmp_path, german):
    """Regression: 4,800,000 was written ``4800000.0``."""
    ratings = tuple(FactorRating(f.id, 3, 2) for f in catalog.factors)
    analyses = [
        analyse(Assessment(AccountFacts(name, annual_revenue=revenue), Period(2026, 3), ratings), catalog)
        for name, revenue in (("Whole", 4_800_000.0), ("Cents", 1_250_000.5))
    ]
    accounts_csv = export(analyses, "csv", tmp_path, "x", german=german)[0]
    rows = list(
        csv.DictReader(
            io.StringIO(accounts_csv.read_text(encoding="utf-8-sig")), delimiter=";" if german else ","
        )
    )
    revenues = {row["account"]: row["annual_revenue"] for row in rows}
    assert revenues == {"Whole": "4800000", "Cents": "1250000,5" if german else "1250000.5"}


def test_csv_neutralises_formulas(analyses, catalog, tmp_path):
    accounts_csv, _, _, _ = export(analyses, "csv", tmp_path, "x")
    text = accounts_csv.read_text(encoding="utf-8")
    assert "'@SUM(A1)," in text and "'=HYPERLINK" in text
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("KA-1") == "KA-1"


def test_xlsx_stores_formula_like_text_as_text(analyses, catalog, tmp_path):
    (path,) = export(analyses, "xlsx", tmp_path, "x")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["accounts", "factors", "ratings", "actions"]
    cell = workbook["accounts"]["B3"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    assert workbook["accounts"]["J2"].value == analyses[0].supplier_index


def test_json_nests_factors_under_accounts(analyses, catalog, tmp_path):
    (path,) = export(analyses, "json", tmp_path, "x")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema"] == SCHEMA
    first = document["accounts"][0]
    assert first["factors_total"] == 16 and len(first["factors"]) == 16
    assert first["factors"][1] == {"factor_id": "relationship-network", "factor_number": 2,
                                   "factor_title_de": catalog.factors[1].title.de,
                                   "factor_title_en": catalog.factors[1].title.en,
                                   "weight": 1.0, "supplier": 3.5, "key_account": 2.0, "gap": 1.5,
                                   "supplier_min": 3.5, "supplier_max": 3.5, "key_account_min": 2.0,
                                   "key_account_max": 2.0, "raters": 1, "disagreement": False,
                                   "ka_view_supplier": None, "ka_view_key_account": None,
                                   "perception_supplier": None, "perception_key_account": None}  # fmt: skip
    assert first["ratings"][1] == {"rater": "", "role": "", "view": "supplier", "factor_id": "relationship-network",
                                   "supplier": 3.5, "key_account": 2, "comment": ""}  # fmt: skip


NEW_ACCOUNT_COLUMNS = {"supplier_raters": int, "key_account_raters": int, "ka_view_supplier_index": int,
                       "ka_view_key_account_index": int, "ka_view_balance": int, "ka_view_zone": str,
                       "ka_view_zone_name_de": str, "ka_view_zone_name_en": str}  # fmt: skip
NEW_FACTOR_COLUMNS = {"supplier_min": float, "supplier_max": float, "key_account_min": float,
                      "key_account_max": float, "raters": int, "disagreement": bool, "ka_view_supplier": float,
                      "ka_view_key_account": float, "perception_supplier": str,
                      "perception_key_account": str}  # fmt: skip


CSV_TEXT = {int: r"-?\d+", float: r"-?\d+,\d+", bool: r"true|false", str: r"[a-z_]+|Key .*|Schlüssel.*"}
"""How each type is written in a German CSV: whole numbers without a decimal comma, booleans as true/false."""


def test_csv_has_every_new_column_and_a_ratings_file(voices, tmp_path):
    accounts_csv, factors_csv, ratings_csv, _ = export(voices, "csv", tmp_path, "x", german=True)
    assert ratings_csv.name == "x_ratings.csv"

    def rows(path: Path) -> list[dict]:
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))

    several, one = rows(accounts_csv)
    for name, kind in NEW_ACCOUNT_COLUMNS.items():
        assert re.fullmatch(CSV_TEXT[kind], several[name]), name
        assert (
            one[name] == ""
            if name.startswith("ka_view")
            else one[name] == str(int(name == "supplier_raters"))
        )
    first, second = rows(factors_csv)[:2]
    for name, kind in NEW_FACTOR_COLUMNS.items():
        assert re.fullmatch(CSV_TEXT[kind], first[name]), name
    assert (first["disagreement"], second["disagreement"]) == ("true", "false")
    ratings = pd.read_csv(ratings_csv, sep=";", decimal=",", encoding="utf-8-sig")
    assert list(ratings.columns) == column_names(RATING_COLUMNS, LANGUAGES)
    assert list(ratings.iloc[0]) == ["KA-1", "Acme AG", "2026-Q3", "Anna Berg", "Key account management",
                                     "supplier", "early-involvement", 5.0, 3.0, "Anna's note"]  # fmt: skip
    factors = pd.read_csv(factors_csv, sep=";", decimal=",", encoding="utf-8-sig")
    assert factors["disagreement"].dtype == bool  # pandas reads true/false as booleans


def test_xlsx_has_every_new_column_typed_and_a_ratings_sheet(voices, tmp_path):
    (path,) = export(voices, "xlsx", tmp_path, "x")
    workbook = load_workbook(path)

    def rows(sheet: str) -> list[dict]:
        header, *values = workbook[sheet].iter_rows(values_only=True)
        return [dict(zip(header, row, strict=True)) for row in values]

    several, one = rows("accounts")
    for name, kind in NEW_ACCOUNT_COLUMNS.items():
        assert isinstance(several[name], kind), name
        assert one[name] is None if name.startswith("ka_view") else one[name] == (name == "supplier_raters")
    first = rows("factors")[0]
    for name, kind in NEW_FACTOR_COLUMNS.items():
        assert isinstance(first[name], kind | int), name
    assert first["disagreement"] is True
    ratings = rows("ratings")
    assert list(ratings[0]) == column_names(RATING_COLUMNS, LANGUAGES)
    assert (ratings[0]["rater"], ratings[0]["supplier"], ratings[-1]["rater"]) == ("Anna Berg", 5, "Eva Solo")


def test_json_has_every_new_column_typed(voices, tmp_path):
    (path,) = export(voices, "json", tmp_path, "x")
    several, one = json.loads(path.read_text(encoding="utf-8"))["accounts"]
    for name, kind in NEW_ACCOUNT_COLUMNS.items():
        assert type(several[name]) is kind, name
    for name, kind in NEW_FACTOR_COLUMNS.items():
        assert type(several["factors"][0][name]) is kind, name
    assert [one[name] for name in NEW_ACCOUNT_COLUMNS] == [1, 0] + [None] * 6
    assert list(several["ratings"][0]) == [c.name for c in RATING_COLUMNS[3:]]


# Issue 12: the actions of each account's Actions sheet (every format).


ACTIONS = (
    Action("Ask for the 2027 forecast", "early-involvement", "Anna Berg", date(2026, 12, 15),
           ActionStatus.OPEN, shared=True),
    Action("=Review the whole contract", None, None, None, ActionStatus.DROPPED),
)  # fmt: skip


@pytest.fixture
def with_actions(catalog):
    """Acme with two actions (one on a factor, shared; one on the relationship as a whole, dropped) and
    Beta without any."""
    ratings = tuple(FactorRating(f.id, 4, 3) for f in catalog.factors)
    acme = Assessment(AccountFacts("Acme", account_id="KA-1"), Period(2026, 3), ratings, actions=ACTIONS)
    beta = Assessment(AccountFacts("Beta"), Period(2026, 3), ratings)
    return [analyse(acme, catalog), analyse(beta, catalog)]


def test_the_actions_table_in_csv(with_actions, catalog, tmp_path):
    files = export(with_actions, "csv", tmp_path, "x")
    assert [path.name for path in files] == [f"x_{table}.csv" for table in EXPORT_TABLES]
    actions_csv = files[EXPORT_TABLES.index("actions")]
    rows = list(csv.DictReader(io.StringIO(actions_csv.read_text(encoding="utf-8"))))
    assert list(rows[0]) == column_names(ACTION_COLUMNS, LANGUAGES)
    early = catalog.factors[0]
    assert early.id == "early-involvement"
    assert rows == [
        {"account_id": "KA-1", "account": "Acme", "period": "2026-Q3", "factor_id": "early-involvement",
         "factor_title_de": early.title.de, "factor_title_en": early.title.en,
         "action": "Ask for the 2027 forecast", "owner": "Anna Berg", "due": "2026-12-15", "status": "open",
         "shared": "true"},
        {"account_id": "KA-1", "account": "Acme", "period": "2026-Q3", "factor_id": "", "factor_title_de": "",
         "factor_title_en": "", "action": "'=Review the whole contract", "owner": "", "due": "",
         "status": "dropped", "shared": "false"},
    ]  # fmt: skip


def test_the_actions_sheet_in_xlsx_and_the_actions_of_each_account_in_json(with_actions, tmp_path):
    (xlsx,) = export(with_actions, "xlsx", tmp_path, "x", langs=("en",))
    sheet = load_workbook(xlsx)["actions"]
    header, *values = sheet.iter_rows(values_only=True)
    assert list(header) == column_names(ACTION_COLUMNS, ("en",))
    assert [row[header.index("due")] for row in values] == ["2026-12-15", None]
    assert [row[header.index("shared")] for row in values] == [True, False]
    assert sheet.cell(3, header.index("action") + 1).data_type == "s"  # formula-like text stays text
    (path,) = export(with_actions, "json", tmp_path, "x", langs=("en",))
    acme, beta = json.loads(path.read_text(encoding="utf-8"))["accounts"]
    assert acme["actions"][0] == {"factor_id": "early-involvement",
                                  "factor_title_en": with_actions[0].catalog.factors[0].title.en,
                                  "action": "Ask for the 2027 forecast", "owner": "Anna Berg",
                                  "due": "2026-12-15", "status": "open", "shared": True}  # fmt: skip
    assert acme["actions"][1]["factor_id"] is None and acme["actions"][1]["shared"] is False
    assert beta["actions"] == []
