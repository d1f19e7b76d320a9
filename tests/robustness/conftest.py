"""Generated bad input, and a tally of what the robustness tests produced (printed at the end by
tests/conftest.py, which also gathers it from parallel workers)."""

from __future__ import annotations

import io
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

from reportgen.spreadsheets import write_xlsx
from tests.conftest import sheets_for

# `make test` (and CI) draws the same cases every run, so a red build always means a change broke
# something; `make fuzz` draws new random cases each time to find what the fixed ones miss.
settings.register_profile(
    "default",
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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
