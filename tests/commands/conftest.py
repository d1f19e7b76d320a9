"""Shared by the commands' tests: a catalog a user adapted (a factor renamed, one dropped, one added in German
only) and a workbook made from it and filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from reportgen.common.resources import DEFAULT_CATALOG
from tests.conftest import run

ADDED = {
    "id": "joint-sustainability",
    "group": "strategy",
    "weight": 2,
    "short": {"de": "Nachhaltigkeit"},
    "title": {"de": "Gemeinsame Nachhaltigkeitsziele"},
    "supplier": {"de": "Legt CO₂-Daten offen."},
    "key_account": {"de": "Bezieht uns in seine Ziele ein."},
}


@pytest.fixture
def custom(tmp_path) -> Path:
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["id"], data["version"] = "our-partnership", "2.0"
    data["factors"] = [f for f in data["factors"] if f["id"] != "exclusivity"] + [ADDED]
    data["factors"][0]["title"]["en"] = "Involved before the tender"
    path = tmp_path / "our-catalog.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def filled(tmp_path, custom) -> Path:
    path = tmp_path / "in" / "acme_2026-Q3.xlsx"
    path.parent.mkdir()
    assert run("template", "--criteria", str(custom), "--lang", "en", "--account", "Acme Ltd", "--period",
               "2026-Q3", "-o", str(path)).exit_code == 0  # fmt: skip
    workbook = load_workbook(path)
    sheet = workbook["Assessment"]
    ids = [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)]
    assert "joint-sustainability" in ids and "exclusivity" not in ids and len(ids) == 16
    for row, factor_id in enumerate(ids, start=2):
        sheet.cell(row, 5, 5 if factor_id == "joint-sustainability" else 4)
        sheet.cell(row, 6, 1 if factor_id == "joint-sustainability" else 3)
    workbook.save(path)
    return path
