"""Generated bad input, and a tally of what the robustness tests produced (printed at the end by
tests/conftest.py, which also gathers it from parallel workers)."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from reportgen.outputs.spreadsheets import write_xlsx
from tests.conftest import sheets_for

TALLY: Counter = Counter()
ERRORS: set[str] = set()


def record(result) -> None:
    """Count one generated case and the kinds of error it produced."""
    TALLY["cases"] += 1
    TALLY["read" if result.ok else "refused"] += 1
    for problem in result.errors:
        ERRORS.add(problem.message.text)


def pytest_sessionfinish(session):
    """In a parallel run's worker: hand the tally to the controller, which prints it (tests/conftest.py)."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["robustness"] = {"tally": dict(TALLY), "errors": sorted(ERRORS)}


@pytest.fixture(scope="session")
def valid_xlsx(catalog) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets_for(catalog, "de", comments={0: "Größe zählt"}))
    return buffer.getvalue()
