"""The command line's declarations: `reportgen --help` is instant, for nothing heavy is imported."""

from __future__ import annotations

import sys

from tests.conftest import spawn


def test_help_is_instant_and_imports_nothing_heavy():
    code = "import sys, reportgen.cli; print(sorted(m for m in ('pandas', 'matplotlib', 'weasyprint', 'babel', 'pydantic') if m in sys.modules))"
    result = spawn(sys.executable, "-c", code, check=True)
    assert result.stdout.strip() == "[]"
