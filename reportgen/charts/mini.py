"""The small partnership diagram of the portfolio's appendix pages, written as SVG directly.

A portfolio of 200 accounts has 200 of these. Through matplotlib each cost about 125 ms to draw
and another 150 ms for WeasyPrint to paint its ~300 SVG nodes; this one is the same square – the
catalog's zones, the account's path and position – in about 20 nodes, built in well under a
millisecond. The full diagram with every factor stays in each account's briefing.

Words stay out of it: WeasyPrint lays SVG text out letter by letter, which made the axis titles
and the account's label the dearest part of a 200-page portfolio. The page's HTML names the axes,
and the account line above the diagram already gives S and K.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportgen.catalog import Catalog
from reportgen.charts.style import FONT_FAMILY, GRID, INK, MUTED, zone_tints
from reportgen.charts.zones import zone_layers
from reportgen.model import AccountAnalysis

SIZE = 100.0  # the square in user units; the SVG adds margins for the tick labels
LEFT, RIGHT, TOP, BOTTOM = 8.0, 4.0, 3.0, 6.5


def _point(x: float, y: float) -> str:
    """Data (K, S) on 0–100 → SVG user units (y grows downwards in SVG)."""
    return f"{LEFT + x:.2f},{TOP + SIZE - y:.2f}"


def _xy(analysis: AccountAnalysis) -> tuple[float, float]:
    x, y = _point(analysis.key_account_index, analysis.supplier_index).split(",")
    return float(x), float(y)


PERIOD_LABEL = (13.0, 3.2)  # width and height of "2026-Q2" at font size 3.2, in user units
SPOTS = ((2.2, 1.2, "start"), (-2.2, 1.2, "end"), (2.2, 4.6, "start"), (-2.2, 4.6, "end"),
         (2.2, -2.2, "start"), (-2.2, -2.2, "end"))  # fmt: skip
"""Where a period label may go, relative to its marker: (dx, dy of the baseline, text-anchor)."""


def _label_spot(x: float, y: float, markers: list[tuple[float, float]]) -> tuple[float, float, str]:
    """The spot beside the marker at (x, y) whose label keeps farthest from every other marker."""
    width, height = PERIOD_LABEL

    def clearance(spot) -> float:
        dx, dy, anchor = spot
        left = x + dx - (width if anchor == "end" else 0)
        top = y + dy - height
        nearest = min(
            (math.hypot(max(left - mx, 0, mx - left - width), max(top - my, 0, my - top - height))
             for mx, my in markers if (mx, my) != (x, y)),
            default=math.inf,
        )  # fmt: skip
        inside = LEFT <= left <= LEFT + SIZE - width and TOP <= top <= TOP + SIZE - height
        return nearest if inside else nearest - SIZE

    dx, dy, anchor = max(SPOTS, key=clearance)
    return x + dx, y + dy, anchor


def mini_diagram(analysis: AccountAnalysis, path: tuple[AccountAnalysis, ...], catalog: Catalog) -> str:
    tints = zone_tints(catalog)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LEFT + SIZE + RIGHT:.1f} '
        f'{TOP + SIZE + BOTTOM:.1f}" font-family="{FONT_FAMILY}" font-size="4">'
    ]
    for zone_id, polygon in zone_layers(catalog):
        if len(polygon) >= 3:
            points = " ".join(_point(x, y) for x, y in polygon)
            parts.append(
                f'<polygon points="{points}" fill="{tints[zone_id]}" stroke="white" stroke-width="0.4"/>'
            )
    parts.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{SIZE}" height="{SIZE}" fill="none" stroke="{GRID}" '
        'stroke-width="0.3"/>'
    )
    for value in (0, 50, 100):
        x, y = _point(value, 0).split(",")
        parts.append(
            f'<text x="{x}" y="{float(y) + 4.5:.2f}" text-anchor="middle" fill="{MUTED}">{value}</text>'
        )
        x, y = _point(0, value).split(",")
        parts.append(
            f'<text x="{float(x) - 1.5:.2f}" y="{float(y) + 1.4:.2f}" text-anchor="end" fill="{MUTED}">'
            f"{value}</text>"
        )
    steps = (*path, analysis)
    if len(steps) > 1:
        points = " ".join(_point(a.key_account_index, a.supplier_index) for a in steps)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="0.6" '
            'stroke-dasharray="1.5 1"/>'
        )
        markers = [_xy(a) for a in steps]
        for earlier in path:
            x, y = _xy(earlier)
            parts.append(
                f'<circle cx="{x:.2f}" cy="{y:.2f}" r="1.4" fill="white" stroke="{INK}" stroke-width="0.5"/>'
            )
            lx, ly, anchor = _label_spot(x, y, markers)
            parts.append(
                f'<text x="{lx:.2f}" y="{ly:.2f}" text-anchor="{anchor}" font-size="3.2" fill="{MUTED}">'
                f"{escape(str(earlier.assessment.period))}</text>"
            )
    x, y = _point(analysis.key_account_index, analysis.supplier_index).split(",")
    parts.append(f'<circle cx="{x}" cy="{y}" r="2.6" fill="{INK}" stroke="white" stroke-width="0.7"/>')
    parts.append("</svg>")
    return "".join(parts)
