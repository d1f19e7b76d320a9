"""The briefing's view: what each section of a briefing is told to show."""

from __future__ import annotations

from datetime import date

from reportgen.briefing import BriefingCharts, build_briefing
from reportgen.catalog import Catalog, load_catalogs
from reportgen.history import build_histories
from reportgen.portfolio import analyse_portfolio
from reportgen.portfolio_report import PortfolioCharts, build_portfolio
from reportgen.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.workload import prepare
from tests.conftest import CALLOWAY, briefing_view
from tests.test_portfolio import Q2, Q3, make

CHARTS = BriefingCharts("<svg/>", "<svg/>", "<svg/>")


def renamed(catalog: Catalog) -> Catalog:
    """The catalog as an earlier version that named its lowest relationship type otherwise."""
    data = catalog.model_dump(exclude_none=True)
    data["version"] = "0.8"
    data["zones"]["relationship_types"][0]["name"] = {"en": "Lean supplier", "de": "Schlanker Lieferant"}
    return Catalog.model_validate(data)


def test_a_zone_worded_anew_by_another_catalog_version_is_no_move(catalog):
    """Regression: the briefing and the portfolio's ranking compared zone names, the portfolio's movements
    zone ids, so an account whose zone an earlier catalog version named otherwise moved in two places
    of the reports and stood still in the third."""
    earlier = make(renamed(catalog), "Gamma", Q2, 2, 2, ref="efkam-partnership v0.8")
    now = make(catalog, "Gamma", Q3, 2, 2)
    assert earlier.zone.id == now.zone.id == "lean_supplier"
    histories = build_histories([earlier, now])
    (history,) = histories.values()
    since = build_briefing(now, "en", date(2026, 11, 27), history, CHARTS).summary.since
    assert since.previous_zone_name == "Lean supplier" and since.zone_name == "Lean KAM – reliable supplier"
    assert not since.zone_changed
    portfolio = analyse_portfolio(histories, Q3, catalog)
    view = build_portfolio(portfolio, "en", date(2026, 11, 27), PortfolioCharts("<svg/>", ("<svg/>",)))
    (row,) = view.ranking.rows
    assert not row.zone_changed
    assert view.movements.rows == () and view.cover.movement_count == 0


def test_a_zone_change_is_told_alike_in_the_briefing_and_the_portfolio(catalog):
    earlier = make(catalog, "Alpha", Q2, 3, 3)
    now = make(catalog, "Alpha", Q3, 5, 2)
    histories = build_histories([earlier, now])
    (history,) = histories.values()
    since = build_briefing(now, "de", date(2026, 11, 27), history, CHARTS).summary.since
    assert since.zone_changed and since.period == "2026-Q2"
    view = build_portfolio(
        analyse_portfolio(histories, Q3, catalog), "de", date(2026, 11, 27), PortfolioCharts("", ("",))
    )
    (row,) = view.ranking.rows
    assert row.zone_changed and view.movements.rows == (row,)
    assert row.previous_zone_name == since.previous_zone_name and row.zone_name == since.zone_name


def test_the_calloway_briefing_marks_the_quarter_assessed_with_v0_9():
    workload = prepare(CALLOWAY, load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    latest = workload.analyses[-1]
    view = briefing_view(latest, "de", workload.history_of(latest), drawn=False)
    marked = {row.period: row.other_catalog for row in view.history.rows}
    assert marked["2025-Q4"] == "efkam-partnership v0.9"
    assert marked["2026-Q2"] is None and marked["2026-Q3"] is None
    assert view.history.has_other_catalog
    assert view.history.catalog_label == view.catalog_label == "efkam-partnership v1.0"
