"""Each example report's HTML is exactly its golden file (see tests/rendering/golden.py)."""

from __future__ import annotations

import difflib
import sys

import pytest

from tests.conftest import spawn
from tests.rendering.golden import CASES, ROOT, UPDATE_COMMAND, Case

DIFF_LINES = 200
"""A diff longer than this is cut: its start shows what changed, the rest is in the files."""


def _difference(case: Case, expected: str, actual: str) -> str:
    diff = list(
        difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"tests/output/{case.name} (golden)",
            f"{case.name} (made now)",
            lineterm="",
        )
    )
    shown = diff[:DIFF_LINES]
    if len(diff) > DIFF_LINES:
        shown.append(f"… and {len(diff) - DIFF_LINES} more lines of difference")
    return "\n".join(shown)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_html_is_the_golden_file(case: Case):
    assert case.path.exists(), f"{case.name} has no golden file yet: run `{UPDATE_COMMAND}`."
    expected = case.path.read_text(encoding="utf-8")
    actual = case.make()
    if actual != expected:
        pytest.fail(
            f"The HTML of {case.name} differs from its golden file:\n"
            f"{_difference(case, expected, actual)}\n"
            f"If the change is intended, run `{UPDATE_COMMAND}` and commit the rewritten files.",
            pytrace=False,
        )


def test_every_golden_file_belongs_to_a_case():
    """A file left over from a case that was dropped or renamed would never be compared again."""
    files = {path for path in (ROOT / "tests" / "output").rglob("*.html")}
    assert files == {case.path for case in CASES}


def test_the_html_is_made_without_weasyprint():
    """The golden test stays fast because the HTML is made before any layout: WeasyPrint is not loaded."""
    script = (
        "import sys\n"
        "from tests.rendering.golden import CASES\n"
        "for case in (CASES[0], CASES[-1]):\n"
        "    case.make()\n"
        "print('weasyprint' in sys.modules)\n"
    )
    result = spawn(sys.executable, "-c", script, check=True)
    assert result.stdout.strip() == "False"
