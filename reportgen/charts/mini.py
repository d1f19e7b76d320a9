"""The small partnership diagram of the portfolio's appendix pages, written as SVG directly.

A portfolio of 200 accounts has 200 of these. Through matplotlib each cost about 125 ms to draw
and another 150 ms for WeasyPrint to paint its ~300 SVG nodes; this one is the same square – the
catalog's zones, the account's path and position – in about 20 nodes, built in well under a
millisecond. The full diagram with every factor stays in each account's briefing.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportgen.catalog import Catalog
from reportgen.charts.style import FONT_FAMILY, GRID, INK, MUTED, zone_tints
from reportgen.charts.zones import zone_layers
from reportgen.i18n import Formatter, gettext_for
from reportgen.model import AccountAnalysis

SIZE = 100.0  # the square in user units; the SVG adds a margin for the axis labels
MARGIN = 11.0


def _point(x: float, y: float) -> str:
    """Data (K, S) on 0–100 → SVG user units (y grows downwards in SVG)."""
    return f"{MARGIN + x:.2f},{MARGIN + SIZE - y:.2f}"


def mini_diagram(
    analysis: AccountAnalysis, path: tuple[AccountAnalysis, ...], catalog: Catalog, lang: str
) -> str:
    _ = gettext_for(lang)
    formatter = Formatter(lang)
    tints = zone_tints(catalog)
    total = SIZE + 2 * MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total:.0f} {total:.0f}" '
        f'font-family="{FONT_FAMILY}" font-size="4">'
    ]
    for zone_id, polygon in zone_layers(catalog):
        if len(polygon) >= 3:
            points = " ".join(_point(x, y) for x, y in polygon)
            parts.append(
                f'<polygon points="{points}" fill="{tints[zone_id]}" stroke="white" stroke-width="0.4"/>'
            )
    parts.append(
        f'<rect x="{MARGIN}" y="{MARGIN}" width="{SIZE}" height="{SIZE}" fill="none" stroke="{GRID}" '
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
    k_label, s_label = escape(_("Key account invests (K, 0–100)")), escape(_("Supplier invests (S, 0–100)"))
    parts.append(
        f'<text x="{MARGIN + SIZE / 2}" y="{total - 0.5}" text-anchor="middle" fill="{INK}">{k_label}</text>'
    )
    parts.append(
        f'<text transform="translate(3.2 {MARGIN + SIZE / 2}) rotate(-90)" text-anchor="middle" '
        f'fill="{INK}">{s_label}</text>'
    )
    steps = (*path, analysis)
    if len(steps) > 1:
        points = " ".join(_point(a.key_account_index, a.supplier_index) for a in steps)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="0.6" '
            'stroke-dasharray="1.5 1"/>'
        )
        for earlier in path:
            x, y = _point(earlier.key_account_index, earlier.supplier_index).split(",")
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="1.4" fill="white" stroke="{INK}" stroke-width="0.5"/>'
            )
            parts.append(
                f'<text x="{float(x) + 2.2:.2f}" y="{float(y) + 1.2:.2f}" font-size="3.2" fill="{MUTED}">'
                f"{escape(str(earlier.assessment.period))}</text>"
            )
    x, y = (float(v) for v in _point(analysis.key_account_index, analysis.supplier_index).split(","))
    parts.append(
        f'<circle cx="{x:.2f}" cy="{y:.2f}" r="2.6" fill="{INK}" stroke="white" stroke-width="0.7"/>'
    )
    label = escape(
        f"S {formatter.number(analysis.supplier_index)} · K {formatter.number(analysis.key_account_index)}"
    )
    anchor, dx = ("end", -3.6) if x > MARGIN + SIZE * 0.7 else ("start", 3.6)
    dy = 5.5 if y < MARGIN + 8 else -3.0
    parts.append(
        f'<text x="{x + dx:.2f}" y="{y + dy:.2f}" text-anchor="{anchor}" font-size="4.2" '
        f'font-weight="bold" fill="{INK}">{label}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
