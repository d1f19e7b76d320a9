"""Shared fixtures: the default catalog, and builders for assessment files as users make them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reportgen.catalog import Catalog, load_catalog
from reportgen.resources import DEFAULT_CATALOG
from reportgen.spreadsheets import write_csv, write_ods, write_xlsx

WORDS = {
    "de": {
        "account_sheet": "Stammdaten",
        "assessment_sheet": "Bewertung",
        "facts": [
            "Accountname",
            "Account-ID",
            "Periode",
            "Key-Account-Manager",
            "Bewertet von",
            "Bewertet am",
            "Jahresumsatz",
        ],
        "columns": ["ID", "Faktor", "Lieferant", "Key Account", "Kommentar"],
    },
    "en": {
        "account_sheet": "Account",
        "assessment_sheet": "Assessment",
        "facts": [
            "Account name",
            "Account ID",
            "Period",
            "Key account manager",
            "Assessed by",
            "Assessed on",
            "Annual revenue",
        ],
        "columns": ["ID", "Factor", "Supplier", "Key account", "Comment"],
    },
}
FACTS = ["Acme Präzision GmbH", "KA-1", "2026-Q3", "Jürgen Weiß", "Anja Groß", date(2026, 9, 15), 1_250_000]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(DEFAULT_CATALOG)


def sheets_for(
    catalog: Catalog,
    lang: str = "en",
    supplier=None,
    key_account=None,
    comments=None,
    facts=None,
    factor_by: str = "id",
) -> dict[str, list[list[object]]]:
    """The two sheets of a workbook: facts as label/value rows, one rating row per catalog factor."""
    words = WORDS[lang]
    n = len(catalog.factors)
    supplier = supplier if supplier is not None else [4] * n
    key_account = key_account if key_account is not None else [3] * n
    comments = comments or {}
    values = facts if facts is not None else FACTS
    facts_rows = [[label, value] for label, value in zip(words["facts"], values, strict=False)]
    rows: list[list[object]] = [words["columns"]]
    for index, factor in enumerate(catalog.factors):
        ident = factor.id if factor_by == "id" else ""
        rows.append(
            [ident, factor.title.get(lang), supplier[index], key_account[index], comments.get(index, "")]
        )
    return {words["account_sheet"]: facts_rows, words["assessment_sheet"]: rows}


@pytest.fixture
def make_workbook(tmp_path: Path, catalog: Catalog):
    """Write a workbook (xlsx or ods) with the given sheets or the default assessment; return its path."""

    def make(name: str = "acme.xlsx", sheets=None, **kwargs) -> Path:
        path = tmp_path / name
        sheets = sheets if sheets is not None else sheets_for(catalog, **kwargs)
        (write_ods if path.suffix == ".ods" else write_xlsx)(path, sheets)
        return path

    return make


@pytest.fixture
def make_csv(tmp_path: Path):
    def make(rows, name: str = "export.csv", **kwargs) -> Path:
        path = tmp_path / name
        write_csv(path, rows, **kwargs)
        return path

    return make
