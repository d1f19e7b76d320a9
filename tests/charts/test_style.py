"""What every chart shares: a ground drawn once per catalog and language, and well-formed SVG."""

from __future__ import annotations

import pytest

from reportgen.analysis.indices import analyse
from reportgen.charts import factor_profile, partnership_diagram
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period
from tests.charts.conftest import texts


def test_charts_on_a_shared_ground_equal_charts_drawn_afresh(analysis, catalog, monkeypatch):
    """The fixed parts are drawn once per catalog and language; one account's marks must never
    show on the next account's chart, and a chart that fails half-way must not spoil the ground."""
    from reportgen.charts import diagram
    from reportgen.charts.style import forget_grounds

    other_ratings = [FactorRating(f.id, 1, 5, "") for f in catalog.factors]
    other = analyse(Assessment(AccountFacts("Other"), Period(2026, 2), tuple(other_ratings)), catalog)

    forget_grounds()
    afresh = (partnership_diagram(analysis, catalog, "de", (other,)), factor_profile(analysis, catalog, "de"))
    assert "2026-Q2" in texts(afresh[0])  # the path's earlier quarter is labelled
    for lang in ("de", "en"):
        partnership_diagram(other, catalog, lang)
        factor_profile(other, catalog, lang)
    assert (
        partnership_diagram(analysis, catalog, "de", (other,)),
        factor_profile(analysis, catalog, "de"),
    ) == afresh
    assert "2026-Q2" not in texts(partnership_diagram(other, catalog, "de"))

    def broken(*args):
        raise RuntimeError("half-way")

    with monkeypatch.context() as patched:
        patched.setattr(diagram, "_draw_account", broken)
        with pytest.raises(RuntimeError):
            partnership_diagram(other, catalog, "de")
    assert partnership_diagram(analysis, catalog, "de", (other,)) == afresh[0]


def test_every_chart_is_well_formed_svg_without_empty_wrappers(analysis, catalog):
    """Regression: flattening matplotlib's id-only groups must keep the SVG well-formed."""
    import xml.dom.minidom

    from reportgen.analysis.history import HistoryPoint
    from reportgen.charts import trend_chart
    from reportgen.model.assessment import Period

    timeline = (
        HistoryPoint(Period(2026, 2), analysis),
        HistoryPoint(Period(2026, 3), None),
        HistoryPoint(Period(2026, 4), analysis, "other v0.9"),
    )
    for svg in (
        partnership_diagram(analysis, catalog, "de"),
        factor_profile(analysis, catalog, "en"),
        trend_chart(timeline, "de"),
    ):
        document = xml.dom.minidom.parseString(svg.encode("utf-8"))
        for group in document.getElementsByTagName("g"):
            assert dict(group.attributes.items()).keys() != {"id"}
        assert document.getElementsByTagName("text")
