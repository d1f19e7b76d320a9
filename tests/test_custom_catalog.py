"""A catalog a user adapted – a factor renamed, one dropped, one added in German only – flows through
every command: template, validate, briefing, portfolio and export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader

from reportgen.resources import DEFAULT_CATALOG
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


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


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


def test_validate_warns_of_the_untranslated_factor(filled, custom):
    result = run("validate", str(filled.parent), "--criteria", str(custom), "--lang", "en")
    assert result.exit_code == 0
    assert "factors[16] (joint-sustainability).title has no English text" in result.stderr
    assert "1 file checked: 1 fine" in result.stderr


def test_briefing_portfolio_and_export_follow_the_catalog(filled, custom, tmp_path):
    out = tmp_path / "out"
    for command in ("briefing", "portfolio"):
        result = run(
            command, str(filled.parent), "--criteria", str(custom), "--lang", "en", "--out", str(out)
        )
        assert result.exit_code == 0, result.stderr
    briefing = pdf_text(out / "acme-ltd_2026-Q3_en.pdf")
    assert "our-partnership v2.0" in briefing
    assert "Gemeinsame Nachhaltigkeitsziele [DE]" in briefing  # falls back visibly
    assert "Involved before the tender" in briefing
    assert "exclusivity" not in briefing.lower()
    assert "/16" in briefing
    portfolio = pdf_text(out / "portfolio_2026-Q3_en.pdf")
    assert "Acme Ltd" in portfolio and "Gemeinsame Nachhaltigkeitsziele [DE]" in portfolio
    assert run("export", str(filled.parent), "--criteria", str(custom), "--out", str(out)).exit_code == 0
    factors = (out / "reportgen-export_all_factors.csv").read_text(encoding="utf-8")
    assert "joint-sustainability" in factors and "exclusivity" not in factors


def test_a_workbook_of_another_catalog_is_explained_factor_by_factor(make_workbook, custom):
    path = make_workbook("old.xlsx", lang="en")  # made for efkam-partnership: has "exclusivity"
    workbook = load_workbook(path)
    workbook["Account"].append(["Catalog", "efkam-partnership v1.0"])
    workbook.save(path)
    result = run("validate", str(path), "--criteria", str(custom), "--lang", "en")
    text = result.stderr.replace(str(path.parent) + "/", "")
    assert result.exit_code == 2
    assert (
        'The workbook was made for the catalog "efkam-partnership v1.0", but it is read with "our-partnership v2.0"'
        in text
    )
    assert '"exclusivity" is not a factor of the catalog our-partnership v2.0.' in text
    assert '1 factor of the catalog has no row and counts as not rated: "Nachhaltigkeit [DE]".' in text
