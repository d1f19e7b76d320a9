"""A workbook is read with the catalog it names: found among criteria/*.yaml without --criteria, or in a
folder given with --criteria; a catalog file given with --criteria is used for everything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from reportgen import resources
from reportgen.catalog import load_catalog
from reportgen.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.workload import prepare
from tests.conftest import briefing_view, run

ROOT = Path(__file__).resolve().parent.parent
CALLOWAY = sorted((ROOT / "input").glob("calloway-foods_*.xlsx"))
EXTRA = {
    "id": "joint-sustainability",
    "title": {"de": "Gemeinsame Nachhaltigkeitsziele", "en": "Shared sustainability goals"},
    "supplier": {"de": "Legt CO₂-Daten offen.", "en": "Discloses its carbon data."},
    "key_account": {"de": "Bezieht uns ein.", "en": "Involves us."},
}


def load_catalogs(*args):
    from reportgen.catalog import load_catalogs

    return load_catalogs(*args)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A criteria folder: the efkam catalog and a later version with one factor more."""
    criteria = tmp_path / "criteria"
    criteria.mkdir()
    shutil.copy(DEFAULT_CATALOG, criteria / DEFAULT_CATALOG.name)
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["version"] = "1.1"
    data["factors"].append(EXTRA)
    (criteria / "efkam-partnership-v1.1.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return criteria


def naming(make_workbook, name: str, catalog_ref: str | None) -> Path:
    """A workbook naming *catalog_ref* (None: naming none) with a row for the factor only 1.1 has."""
    path = make_workbook(name, lang="en")
    workbook = load_workbook(path)
    if catalog_ref:
        workbook["Account"].append(["Catalog", catalog_ref])
    workbook["Assessment"].append(["joint-sustainability", "", 5, 1, ""])
    workbook.save(path)
    return path


def test_without_criteria_the_catalog_the_workbook_names_is_found_in_criteria(
    folder, make_workbook, monkeypatch
):
    monkeypatch.setattr(resources, "CRITERIA_DIR", folder)
    monkeypatch.setattr(resources, "DEFAULT_CATALOG", folder / DEFAULT_CATALOG.name)
    path = naming(make_workbook, "acme.xlsx", "efkam-partnership v1.1")
    result = run("validate", str(path), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "1 file checked: 1 fine" in result.stderr
    fixed = run("validate", str(path), "--criteria", str(folder / DEFAULT_CATALOG.name), "--lang", "en")
    assert fixed.exit_code == 2  # a file keeps its meaning: that catalog for everything
    assert '"joint-sustainability" is not a factor of the catalog efkam-partnership v1.0' in fixed.stderr


def test_a_folder_given_with_criteria_is_searched_the_same_way(folder, make_workbook, tmp_path, catalog):
    path = naming(make_workbook, "acme.xlsx", "efkam-partnership v1.1")
    result = run("validate", str(path), "--criteria", str(folder), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    (analysis,) = prepare([path], load_catalogs(folder)).analyses
    assert analysis.catalog.version == "1.1"
    assert analysis.coverage.total == len(catalog.factors) + 1


def test_a_folder_reads_a_workbook_naming_no_catalog_with_its_newest_version(folder, make_workbook):
    path = naming(make_workbook, "acme.xlsx", None)
    assert load_catalogs(folder).default.version == "1.1"
    assert run("validate", str(path), "--criteria", str(folder), "--lang", "en").exit_code == 0


def test_a_catalog_named_but_not_found_is_read_with_the_default_and_warned(make_workbook):
    path = make_workbook("acme.xlsx", lang="en")
    workbook = load_workbook(path)
    workbook["Account"].append(["Catalog", "efkam-partnership v0.7"])
    workbook.save(path)
    result = run("validate", str(path), "--lang", "en")
    assert result.exit_code == 0
    assert 'made for the catalog "efkam-partnership v0.7", but it is read with "efkam-partnership v1.0"' in (
        result.stderr
    )


def test_the_calloway_example_is_read_with_the_v0_9_catalog_it_names():
    result = run("validate", *map(str, CALLOWAY), "--lang", "en")
    assert result.exit_code == 0
    assert "made for the catalog" not in result.stderr
    assert "3 files checked: 3 fine" in result.stderr
    workload = prepare(CALLOWAY, load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    assert [a.catalog.label() for a in workload.analyses] == [
        "efkam-partnership v0.9",
        "efkam-partnership v1.0",
        "efkam-partnership v1.0",
    ]
    old = workload.analyses[0]
    as_if_new = prepare(CALLOWAY[:1], load_catalog(DEFAULT_CATALOG)).analyses[0]
    assert old.supplier_index != as_if_new.supplier_index  # v0.9 weighs other factors


def test_the_calloway_briefing_marks_the_quarter_assessed_with_v0_9():
    workload = prepare(CALLOWAY, load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    latest = workload.analyses[-1]
    view = briefing_view(latest, "de", workload.history_of(latest), drawn=False)
    marked = {row.period: row.other_catalog for row in view.history.rows}
    assert marked["2025-Q4"] == "efkam-partnership v0.9"
    assert marked["2026-Q2"] is None and marked["2026-Q3"] is None
    assert view.history.has_other_catalog
    assert view.history.catalog_label == view.catalog_label == "efkam-partnership v1.0"


def test_workers_render_accounts_of_different_catalogs(tmp_path):
    out = tmp_path / "out"
    result = run("briefing", *map(str, CALLOWAY[:2]), "--lang", "en", "--jobs", "2", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "calloway-foods-ltd_2025-Q4_en.pdf",
        "calloway-foods-ltd_2026-Q2_en.pdf",
    ]


def test_the_template_hint_adds_criteria_only_when_the_catalog_is_not_in_criteria(tmp_path, folder):
    own = folder / "efkam-partnership-v1.1.yaml"
    made = run("template", "--criteria", str(own), "--lang", "en", "-o", str(tmp_path / "a.xlsx"))
    assert made.exit_code == 0
    assert f"--criteria {own}" in made.stderr
    shipped = CRITERIA_DIR / "efkam-partnership-v0.9.yaml"
    plain = run("template", "--criteria", str(shipped), "--lang", "en", "-o", str(tmp_path / "b.xlsx"))
    assert plain.exit_code == 0
    assert plain.stderr.rstrip().endswith(f"then run: reportgen briefing {tmp_path / 'b.xlsx'}")
    assert "--criteria" not in plain.stderr


def test_validate_with_only_criteria_checks_the_catalog(tmp_path):
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["factors"][0]["title"].pop("en")
    mine = tmp_path / "my-catalog.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", "--criteria", str(mine), "--lang", "en")
    assert result.exit_code == 0
    assert "factors[1] (early-involvement).title has no English text" in result.stderr
    assert result.stderr.strip().endswith("1 catalog checked: 1 warning.")
    data["factors"][0]["weight"] = -1
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    broken = run("validate", "--criteria", str(mine), "--lang", "en")
    assert broken.exit_code == 2
    assert "factors[1] (early-involvement).weight" in broken.stderr
    assert run("validate", "--lang", "en").exit_code == 2


def test_validate_warns_of_a_coaching_question_whose_kind_reports_do_not_know(tmp_path):
    """A misspelt kind made a question go unanswered without a word."""
    data = yaml.safe_load(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    data["coaching_questions"][2]["kind"] = "scale-back"
    mine = tmp_path / "my-catalog.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", "--criteria", str(mine), "--lang", "de")
    assert result.exit_code == 0
    assert (
        "coaching_questions[3].kind „scale-back“ ist keine Antwort, die die Berichte kennen; die Frage bleibt "
        "unbeantwortet. Verwenden Sie eine von over_investment, lean_or_strategic, scale_back, oder lassen Sie "
        "kind weg für eine Frage zum Nachdenken."
    ) in result.stderr
