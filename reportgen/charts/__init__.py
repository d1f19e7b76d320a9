"""The charts of the reports, drawn with matplotlib's object API and returned as SVG text.

Text stays text (``svg.fonttype = "none"``) in the report's own font, which is registered with
matplotlib for its metrics and with ``@font-face`` for WeasyPrint, so chart labels are sharp,
selectable and searchable in the PDF. The zones are drawn from the catalog's thresholds, so a
changed catalog changes every chart.
"""

from reportgen.charts.diagram import partnership_diagram
from reportgen.charts.portfolio_map import portfolio_map
from reportgen.charts.profile import factor_profile
from reportgen.charts.trend import trend_chart

__all__ = ["factor_profile", "partnership_diagram", "portfolio_map", "trend_chart"]
