"""An account over time: a quarter without an assessment is a gap, and one of another catalog is flagged."""

from __future__ import annotations

from reportgen.analysis.history import build_histories
from tests.builders import Q1, Q3, make


def test_timeline_has_gaps_and_flags_another_catalog(catalog):
    analyses = [
        make(catalog, "Gamma", Q1, 2, 2, ref="efkam-partnership v0.9"),
        make(catalog, "Gamma", Q3, 2, 3),
    ]
    (history,) = build_histories(analyses).values()
    points = history.timeline(Q3, catalog)
    assert [str(p.period) for p in points] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert points[1].analysis is None
    assert points[0].other_catalog == "efkam-partnership v0.9"
    assert points[2].other_catalog is None
