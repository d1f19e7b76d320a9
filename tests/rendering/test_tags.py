"""The structure tree of every kind of report keeps PDF/UA's nesting rules: a list holds list items (a label
and a body), a table rows of cells, headings go down one level at a time, every figure has alt text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run
from tests.pdf_structure import nesting_faults

QUARTER = "2026-Q3"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """The examples' briefings of 2026-Q3 (one rater, several voices, a proposal, actions, a history), the
    shared edition of Meridian Aerotech and the portfolio, in German and English."""
    out = tmp_path_factory.mktemp("tags")
    common = ("--lang", "all", "--out", str(out))
    assert run("briefing", str(EXAMPLES), "--period", QUARTER, *common).exit_code == 0
    meridian = [str(path) for path in EXAMPLES.glob("meridian-aerotech_*")]
    assert run("briefing", *meridian, "--edition", "shared", "--period", QUARTER, *common).exit_code == 0
    assert run("portfolio", str(EXAMPLES), "--period", QUARTER, *common).exit_code == 0
    return out


def test_the_reports_keep_the_nesting_rules(reports):
    pdfs = sorted(reports.glob("*.pdf"))
    names = [path.name for path in pdfs]
    assert len(names) == 2 * 6 + 2 + 2  # six accounts' briefings, the shared edition, the portfolio
    assert {"meridian-aerotech-inc_2026-Q3_en_shared.pdf", "portfolio_2026-Q3_de.pdf"} <= set(names)
    faults = {path.name: nesting_faults(path) for path in pdfs}
    assert {name: found for name, found in faults.items() if found} == {}


def test_the_rules_find_a_list_of_divisions_and_a_skipped_heading():
    """The checker itself: it finds the faults it is meant to find (as the facts block was tagged)."""
    from reportgen.rendering import Renderer

    html = (
        '<html lang="en"><body><h1>Title</h1><h3>Too deep</h3>'
        "<dl><div><dt>Account ID</dt><dd>KA-1</dd></div></dl>"
        '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E" alt=""></body></html>'
    )
    faults = nesting_faults(Renderer().pdf(html))
    assert "L > Div" in faults and "H1 > H3" in faults and "Figure without Alt" in faults
