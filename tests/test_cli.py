"""The command line's declarations: `reportgen --help` is instant, for nothing heavy is imported."""

from __future__ import annotations

import sys

from tests.conftest import spawn


def test_help_is_instant_and_imports_nothing_heavy():
    code = "import sys, reportgen.cli; print(sorted(m for m in ('pandas', 'matplotlib', 'weasyprint', 'babel', 'pydantic') if m in sys.modules))"
    result = spawn(sys.executable, "-c", code, check=True)
    assert result.stdout.strip() == "[]"


def test_export_help_speaks_of_the_export_and_names_every_table():
    """Regression: export shared the report commands' help ("Folder for the PDFs", "Language of the
    report") and counted three tables after a fourth (actions) had been added."""
    from reportgen.settings import EXPORT_TABLES
    from tests.conftest import run

    text = " ".join(run("export", "--help").output.split())
    assert "PDF" not in text and "of the report" not in text
    assert "Folder for the exported files" in text
    assert f"({', '.join(EXPORT_TABLES)})" in text


def test_export_help_names_standard_output_and_the_tables_to_choose():
    from reportgen.settings import EXPORT_TABLES
    from tests.conftest import run

    text = " ".join(run("export", "--help").output.split())
    assert "Folder for the exported files, or - for standard output" in text
    assert f"--table [{'|'.join(EXPORT_TABLES)}]" in text
