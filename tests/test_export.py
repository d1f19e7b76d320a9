"""The export: the analysis's own numbers, a documented schema, safe for spreadsheets."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from reportgen.analysis import analyse
from reportgen.export import ACCOUNT_COLUMNS, FACTOR_COLUMNS, SCHEMA, column_names, export, neutralise
from reportgen.i18n import LANGUAGES
from reportgen.model import AccountFacts, Assessment, FactorRating, Period


@pytest.fixture
def analyses(catalog):
    hostile = AccountFacts('=HYPERLINK("http://x")', account_id="@SUM(A1)")
    plain = AccountFacts("Müller & Söhne", account_id="KA-7")
    ratings = tuple(FactorRating(f.id, 3.5 if i else None, 2) for i, f in enumerate(catalog.factors))
    return [analyse(Assessment(facts, Period(2026, 3), ratings), catalog) for facts in (plain, hostile)]


def test_german_csv_round_trips_through_pandas_with_the_analysis_values(analyses, catalog, tmp_path):
    accounts_csv, factors_csv = export(analyses, "csv", tmp_path, "x", german=True)
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


def test_csv_neutralises_formulas(analyses, catalog, tmp_path):
    accounts_csv, _ = export(analyses, "csv", tmp_path, "x")
    text = accounts_csv.read_text(encoding="utf-8")
    assert "'@SUM(A1)," in text and "'=HYPERLINK" in text
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("KA-1") == "KA-1"


def test_xlsx_stores_formula_like_text_as_text(analyses, catalog, tmp_path):
    (path,) = export(analyses, "xlsx", tmp_path, "x")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["accounts", "factors"]
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
                                   "weight": 1.0, "supplier": 3.5, "key_account": 2.0, "gap": 1.5}  # fmt: skip
