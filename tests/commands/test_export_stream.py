"""`reportgen export … --out -`: the export on standard output for a pipe, every message on standard error,
and `--table`, which cuts a CSV export to one table."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportgen.commands.console import EXIT_READER_GONE
from reportgen.common.settings import EXPORT_TABLES, STREAMED_TABLE
from tests.conftest import REPORTGEN, run


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


def streamed(source: Path, *options: str, code: int = 0):
    result = run("export", str(source), "--out", "-", *options)
    assert result.exit_code == code, result.stderr
    return result


def test_json_on_standard_output_is_the_json_files_document(workbook, tmp_path):
    (document,) = exported(workbook, tmp_path / "out", "--format", "json").values()
    result = streamed(workbook, "--format", "json")
    assert result.stdout_bytes == document
    assert json.loads(result.stdout)["accounts"][0]["account"] == "Acme Präzision GmbH"
    assert "1 assessment exported to standard output." in result.stderr


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_csv_on_standard_output_is_the_files_table(workbook, tmp_path, table):
    files = exported(workbook, tmp_path / "out")
    (name,) = [name for name in files if name.endswith(f"_{table}.csv")]
    assert streamed(workbook, "--table", table).stdout_bytes == files[name]


def test_csv_on_standard_output_is_the_accounts_table_unless_told_and_keeps_german_csv(workbook, tmp_path):
    files = exported(workbook, tmp_path / "out", "--german-csv")
    (name,) = [name for name in files if name.endswith(f"_{STREAMED_TABLE}.csv")]
    german = streamed(workbook, "--german-csv").stdout_bytes
    assert german == files[name]
    assert german.startswith("\ufeff".encode()) and b";" in german


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


def test_standard_output_holds_only_the_data_when_a_file_is_broken_and_nothing_when_all_are(
    workbook, broken, tmp_path
):
    (document,) = exported(workbook, tmp_path / "out", "--format", "json").values()
    result = streamed(workbook.parent, "--format", "json", code=1)
    assert result.stdout_bytes == document
    assert "broken.xlsx" in result.stderr and "viel" in result.stderr
    workbook.unlink()
    result = streamed(broken.parent, "--format", "json", code=2)
    assert result.stdout_bytes == b""
    assert "broken.xlsx" in result.stderr


def test_standard_output_makes_no_folder_and_a_folder_named_dash_is_written_dot_slash_dash(
    workbook, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    streamed(workbook)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in"]  # no "-", no output/
    assert run("export", str(workbook), "--out", "./-").exit_code == 0
    assert len(list((tmp_path / "-").glob("*.csv"))) == len(EXPORT_TABLES)


def test_xlsx_to_a_pipe_is_the_workbook(workbook):
    sheets = load_workbook(io.BytesIO(streamed(workbook, "--format", "xlsx").stdout_bytes))
    assert sheets.sheetnames == list(EXPORT_TABLES)
    assert sheets["accounts"]["B2"].value == "Acme Präzision GmbH"


def test_xlsx_to_a_terminal_is_refused_with_how_to_do_it(workbook, tmp_path):
    """A real terminal (a pty) as standard output: nothing is shown on it, nothing is written."""
    terminal, shown_on = pty.openpty()
    try:
        result = subprocess.run(
            [*REPORTGEN, "export", str(workbook), "--format", "xlsx", "--out", "-", "--lang", "en"],
            stdout=shown_on,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            text=True,
            timeout=120,
        )
    finally:
        os.close(shown_on)
    shown = b""
    while select.select([terminal], [], [], 0)[0]:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the terminal's other side is closed: all has been read
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    assert result.returncode == 2, result.stderr
    assert "A workbook (xlsx) cannot be shown on the terminal." in result.stderr
    assert "--out - > figures.xlsx" in result.stderr
    assert shown == b""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in"]


def test_a_reader_that_stops_early_ends_the_export_quietly(workbook, tmp_path):
    """`reportgen export … --out - | head -3`: the reader is gone before the data is written."""
    process = subprocess.Popen(
        [*REPORTGEN, "export", str(workbook), "--format", "json", "--out", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == EXIT_READER_GONE
    assert "Traceback" not in errors and "Exception" not in errors and "BrokenPipe" not in errors
    assert "exported" not in errors
