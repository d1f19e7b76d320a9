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

from xml.sax.saxutils import escape

from reportgen.analysis.history import marked_period, other_catalog
from reportgen.charts.style import FONT_FAMILY, GRID, INK, MUTED, zone_tints
from reportgen.charts.zones import place_label, zone_layers
from reportgen.model.catalog import Catalog
from reportgen.model.findings import AccountAnalysis

SIZE = 100.0  # the square in user units; the SVG adds margins for the tick labels
LEFT, RIGHT, TOP, BOTTOM = 8.0, 4.0, 3.0, 6.5


def _svg(x: float, y: float) -> tuple[float, float]:
    """Data (K, S) on 0–100 → SVG user units (y grows downwards in SVG)."""
    return LEFT + x, TOP + SIZE - y


def _points(*data: tuple[float, float]) -> str:
    return " ".join("{:.2f},{:.2f}".format(*_svg(x, y)) for x, y in data)


def _position(analysis: AccountAnalysis) -> tuple[float, float]:
    return analysis.key_account_index, analysis.supplier_index


def _text(x: float, y: float, text: object, anchor: str, fill: str, size: float | None = None) -> str:
    font_size = f' font-size="{size}"' if size else ""
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" text-anchor="{anchor}"{font_size} fill="{fill}">'
        f"{escape(str(text))}</text>"
    )


def _circle(x: float, y: float, radius: float, fill: str, stroke: str, width: float) -> str:
    return (
        f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{radius}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width}"/>'
    )


CURRENT_RADIUS = 2.6  # the account's marker now; earlier ones are smaller
PERIOD_LABEL = (13.0, 3.2)  # width and height of "2026-Q2" at font size 3.2, in data units
PERIOD_CHARACTER = PERIOD_LABEL[0] / len("2026-Q2")
"""The width of a character of a period's label: a marked period ("2026-Q2 *") is wider."""
ANCHORS = {"left": "start", "right": "end", "center": "middle"}
BASELINE = {"bottom": 0.0, "center": PERIOD_LABEL[1] / 2, "top": PERIOD_LABEL[1]}
"""How far below the spot the text's baseline lies, for each vertical alignment of the label box."""


def mini_diagram(analysis: AccountAnalysis, path: tuple[AccountAnalysis, ...], catalog: Catalog) -> str:
    tints = zone_tints(catalog)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {LEFT + SIZE + RIGHT:.1f} '
        f'{TOP + SIZE + BOTTOM:.1f}" font-family="{FONT_FAMILY}" font-size="4">'
    ]
    for zone_id, polygon in zone_layers(catalog):
        if len(polygon) >= 3:
            parts.append(
                f'<polygon points="{_points(*polygon)}" fill="{tints[zone_id]}" stroke="white" '
                'stroke-width="0.4"/>'
            )
    parts.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{SIZE}" height="{SIZE}" fill="none" stroke="{GRID}" '
        'stroke-width="0.3"/>'
    )
    for value in (0, 50, 100):
        x, y = _svg(value, 0)
        parts.append(_text(x, y + 4.5, value, "middle", MUTED))
        x, y = _svg(0, value)
        parts.append(_text(x - 1.5, y + 1.4, value, "end", MUTED))
    steps = (*path, analysis)
    if len(steps) > 1:
        parts.append(
            f'<polyline points="{_points(*map(_position, steps))}" fill="none" stroke="{INK}" '
            'stroke-width="0.6" stroke-dasharray="1.5 1"/>'
        )
        markers, labels = [_position(a) for a in steps], []
        for earlier in path:
            position = _position(earlier)
            x, y = _svg(*position)
            parts.append(_circle(x, y, 1.4, "white", INK, 0.5))
            others = [m for m in markers if m != position]
            # marked where it was assessed with another catalog than the account's now, as the trend marks it
            label = marked_period(earlier.assessment.period, other_catalog(earlier, catalog))
            size = (len(label) * PERIOD_CHARACTER, PERIOD_LABEL[1])
            (dx, dy, ha, va), box = place_label(
                *position, size, others, labels, distances=(2.2, 5), clearance=CURRENT_RADIUS + 2.5
            )
            labels.append(box)
            parts.append(_text(x + dx, y - dy + BASELINE[va], label, ANCHORS[ha], MUTED, 3.2))
    x, y = _svg(*_position(analysis))
    parts.append(_circle(x, y, CURRENT_RADIUS, INK, "white", 0.7))
    parts.append("</svg>")
    return "".join(parts)
