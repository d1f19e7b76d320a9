"""`reportgen export --table`, which cuts a CSV export to one table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


@pytest.fixture
def workbook(make_workbook, inputs) -> Path:
    return make_workbook("in/acme.xlsx", lang="de")


@pytest.fixture
def broken(make_workbook, inputs, catalog) -> Path:
    """A workbook with a word where a score belongs."""
    return make_workbook("in/broken.xlsx", lang="de", supplier=["viel"] + [4] * (len(catalog.factors) - 1))


def exported(source: Path, out: Path, *options: str) -> dict[str, bytes]:
    """The files an export of *source* into the folder *out* writes, by name."""
    result = run("export", str(source), "--out", str(out), *options)
    assert result.exit_code == 0, result.output
    return {path.name: path.read_bytes() for path in out.iterdir()}


def test_table_into_a_folder_writes_that_tables_file_alone(workbook, tmp_path):
    assert list(exported(workbook, tmp_path / "out", "--table", "ratings")) == [
        "reportgen-export_all_ratings.csv"
    ]


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_table_with_a_format_that_holds_every_table_is_refused_before_reading(broken, tmp_path, fmt):
    result = run("export", str(broken), "--format", fmt, "--table", "factors", "--out", str(tmp_path / "out"),
                 "--lang", "de")  # fmt: skip
    assert result.exit_code == 2
    assert f"--table wählt eine CSV-Tabelle, ein {fmt}-Export enthält aber alle Tabellen" in result.stderr
    assert "broken.xlsx" not in result.stderr  # nothing read
    assert not (tmp_path / "out").exists()
