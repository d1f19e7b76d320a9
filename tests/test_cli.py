"""The command line's declarations: `reportgen --help` is instant, for nothing heavy is imported."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.conftest import spawn


def test_help_is_instant_and_imports_nothing_heavy():
    code = "import sys, reportgen.cli; print(sorted(m for m in ('pandas', 'matplotlib', 'weasyprint', 'babel', 'pydantic') if m in sys.modules))"
    result = spawn(sys.executable, "-c", code, check=True)
    assert result.stdout.strip() == "[]"


def test_export_help_speaks_of_the_export_and_names_every_table():
    """Regression: export shared the report commands' help ("Folder for the PDFs", "Language of the
    report") and counted three tables after a fourth (actions) had been added."""
    from reportgen.common.settings import EXPORT_TABLES
    from tests.conftest import run

    text = " ".join(run("export", "--help").output.split())
    assert "PDF" not in text and "of the report" not in text
    assert "Folder for the exported files" in text
    assert f"({', '.join(EXPORT_TABLES)})" in text


def test_export_help_names_standard_output_and_the_tables_to_choose():
    from reportgen.common.settings import EXPORT_TABLES
    from tests.conftest import run

    text = " ".join(run("export", "--help").output.split())
    assert "Folder for the exported files, or - for standard output" in text
    assert f"--table [{'|'.join(EXPORT_TABLES)}]" in text


def test_every_option_the_help_shows_is_in_the_guide():
    """Regression: --only-from, make's own option, showed in `briefing --help` but nowhere in the README.
    An option is documented under one of its names (``-o`` or ``--output``) in the guide's own words (its
    pages in docs/; the command line reference made from the help does not count); make's internal
    options (--record, --only-from) are hidden from the help instead."""
    import click

    from reportgen.cli import cli

    pages = sorted((Path(__file__).parent.parent / "docs").rglob("*.md"))
    readme = "\n".join(
        page.read_text(encoding="utf-8")
        for page in pages
        if "::: mkdocs-click" not in page.read_text(encoding="utf-8")
    )
    undocumented = [
        f"{name} {option.opts[0]}"
        for name, command in cli.commands.items()
        for option in command.params
        if isinstance(option, click.Option) and not option.hidden
        if not any(re.search(re.escape(alias) + r"(?![\w-])", readme) for alias in option.opts)
    ]
    assert undocumented == []
