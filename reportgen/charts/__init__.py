"""The charts of the reports, drawn with matplotlib's object API and returned as SVG text.

Text stays text (``svg.fonttype = "none"``) in the report's own font, which is registered with
matplotlib for its metrics and with ``@font-face`` for WeasyPrint, so chart labels are sharp,
selectable and searchable in the PDF. The zones are drawn from the catalog's thresholds, so a
changed catalog changes every chart.

Charts come after the views: a view names the charts it shows (:class:`BriefingCharts`,
:class:`PortfolioCharts`) and is given them, so that views are built, compared and tested without
drawing anything, and a briefing's charts can be drawn ahead in another process.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.analysis.effort_and_return import effort_and_return
from reportgen.analysis.history import AccountHistory, past_of
from reportgen.analysis.portfolio import PortfolioAnalysis, PortfolioEntry
from reportgen.analysis.rebalancing import rebalancing_plan
from reportgen.charts.diagram import drawn_diagram, partnership_diagram
from reportgen.charts.effort import effort_chart, whale_chart
from reportgen.charts.mini import mini_diagram
from reportgen.charts.portfolio_map import portfolio_map
from reportgen.charts.profile import drawn_profile, factor_profile
from reportgen.charts.style import render_png, render_svg
from reportgen.charts.trend import trend_chart
from reportgen.common.settings import SHARED_EDITION
from reportgen.model.findings import AccountAnalysis
from reportgen.views.briefing import BriefingCharts
from reportgen.views.briefing.deck import Drawings, SlidePictures
from reportgen.views.briefing.shared_edition import SharedCharts
from reportgen.views.portfolio import PortfolioCharts

__all__ = [
    "briefing_charts",
    "edition_drawings",
    "factor_profile",
    "partnership_diagram",
    "portfolio_charts",
    "portfolio_map",
    "trend_chart",
]


def briefing_charts(
    analysis: AccountAnalysis, lang: str, history: AccountHistory | None = None
) -> BriefingCharts:
    """The diagram (with the path from earlier assessments and the arrow to where the rebalancing
    proposal would bring the account), the profile and, with history, the trend."""
    return briefing_drawings(analysis, lang, history).charts


def briefing_drawings(
    analysis: AccountAnalysis, lang: str, history: AccountHistory | None = None, pictures: bool = False
) -> Drawings:
    """The briefing's charts (see :func:`briefing_charts`) and, with *pictures*, the deck's: the diagram and
    the profile, each figure drawn once and saved as SVG and as PNG."""
    catalog = analysis.catalog
    past = past_of(analysis, history)
    with drawn_diagram(analysis, catalog, lang, path=past.earlier, plan=rebalancing_plan(analysis)) as figure:
        diagram_svg, diagram_png = _saved(figure, pictures)
    with drawn_profile(analysis, catalog, lang) as figure:
        profile_svg, profile_png = _saved(figure, pictures)
    trend_svg = trend_chart(past.timeline, lang) if past.timeline else None
    return Drawings(
        BriefingCharts(diagram_svg, profile_svg, trend_svg),
        SlidePictures(profile_png, diagram_png) if profile_png is not None else None,
    )


def shared_drawings(analysis: AccountAnalysis, lang: str, pictures: bool = False) -> Drawings:
    """The key account's edition shows the factor profile alone (the diagram names our zones), without our
    raters' dots; with *pictures*, as the deck's picture too."""
    with drawn_profile(analysis, analysis.catalog, lang, shared=True) as figure:
        svg, png = _saved(figure, pictures)
    return Drawings(SharedCharts(profile_svg=svg), SlidePictures(profile=png) if png is not None else None)


def edition_drawings(
    analysis: AccountAnalysis, lang: str, history: AccountHistory | None, edition: str, pictures: bool = False
) -> Drawings:
    """The charts of the briefing in the *edition* asked for, and with *pictures* the deck's."""
    if edition == SHARED_EDITION:
        return shared_drawings(analysis, lang, pictures)
    return briefing_drawings(analysis, lang, history, pictures)


def _saved(figure, png: bool) -> tuple[str, bytes | None]:
    """The figure as SVG text for the PDF, and as a PNG for a deck where *png* asks for one."""
    return render_svg(figure), render_png(figure) if png else None


def portfolio_charts(
    portfolio: PortfolioAnalysis, lang: str, appendix: bool = True, map_svg: str | None = None
) -> PortfolioCharts:
    """The map (unless drawn already, *map_svg*), each account's appendix diagram with its path to this
    quarter (unless the *appendix* is drawn apart, see :func:`appendix_diagrams`), and the charts of effort
    and return where accounts give their figures."""
    diagrams = appendix_diagrams(portfolio.entries) if appendix else ()
    figures = effort_and_return(portfolio)
    return PortfolioCharts(
        map_svg if map_svg is not None else portfolio_map(portfolio, portfolio.catalog, lang),
        diagrams,
        effort_svg=effort_chart(portfolio, figures, lang) if figures.given else None,
        whale_svg=whale_chart(figures, lang) if figures.given else None,
    )


def appendix_diagrams(entries: Sequence[PortfolioEntry]) -> tuple[str, ...]:
    """The small diagram of each of *entries*, with its path to this quarter, for the appendix."""
    return tuple(mini_diagram(e.analysis, e.earlier, e.analysis.catalog) for e in entries)
