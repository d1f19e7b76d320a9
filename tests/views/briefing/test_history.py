"""The briefing's history: an account quarter by quarter, each quarter assessed with another catalog marked."""

from __future__ import annotations

from reportgen.analysis.all_accounts import prepare
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.catalog import load_catalogs
from tests.conftest import CALLOWAY, briefing_view


def test_the_calloway_briefing_marks_the_quarter_assessed_with_v0_9():
    workload = prepare(CALLOWAY, load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    latest = workload.analyses[-1]
    view = briefing_view(latest, "de", workload.history_of(latest), drawn=False)
    marked = {row.period: row.other_catalog for row in view.history.rows}
    assert marked["2025-Q4"] == "efkam-partnership v0.9"
    assert marked["2026-Q2"] is None and marked["2026-Q3"] is None
    assert [row.period_label for row in view.history.rows] == ["2025-Q4 *", "2026-Q1", "2026-Q2", "2026-Q3"]
    assert view.history.other_catalogs is not None
    note = view.history.other_catalogs
    assert (note.mark, note.quarters) == ("*", "2025-Q4: efkam-partnership v0.9")
    assert note.catalog_label == view.catalog_label == "efkam-partnership v1.0"
