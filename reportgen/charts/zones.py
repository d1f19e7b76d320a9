"""The square both diagrams share: zones from the catalog, their legend, axes, and label placement."""

from __future__ import annotations

import math
import textwrap

import numpy as np

from reportgen.charts.style import GRID, hide_tick_marks, zone_tints
from reportgen.common.i18n import gettext_for
from reportgen.model.catalog import Catalog, RelationshipType
from reportgen.views.labels import zone_names

Polygon = list[tuple[float, float]]
SQUARE: Polygon = [(0, 0), (100, 0), (100, 100), (0, 100)]


def clip(polygon: Polygon, a: float, b: float, c: float) -> Polygon:
    """The part of a convex *polygon* where ``a·x + b·y ≤ c`` (Sutherland–Hodgman, one edge)."""

    def inside(p):
        return a * p[0] + b * p[1] <= c + 1e-9

    def crossing(p, q):
        fp, fq = a * p[0] + b * p[1] - c, a * q[0] + b * q[1] - c
        t = fp / (fp - fq)
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))

    result: Polygon = []
    for index, current in enumerate(polygon):
        previous = polygon[index - 1]
        if inside(current):
            if not inside(previous):
                result.append(crossing(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(crossing(previous, current))
    return result


def zone_layers(catalog: Catalog) -> list[tuple[str, Polygon]]:
    """Zone polygons on the (K, S) square, to be painted in order (later ones cover earlier ones).

    x is the key account's index K, y the supplier's index S. Each relationship type covers the
    balanced band from its lower bound upwards, so painting them in order leaves each type visible
    exactly where the lower index falls into its range.
    """
    zones = catalog.zones
    tolerance, critical = zones.balance_tolerance, zones.critical_imbalance
    layers: list[tuple[str, Polygon]] = []
    band = clip(clip(SQUARE, -1, 1, tolerance), 1, -1, tolerance)  # |S − K| ≤ tolerance
    for relationship in zones.relationship_types:
        start = relationship.start()
        layers.append((relationship.id, clip(clip(band, -1, 0, -start), 0, -1, -start)))
    layers.append(("supplier_frustration", clip(SQUARE, 1, -1, -tolerance)))  # S − K > tolerance
    layers.append(("supplier_frustration_critical", clip(SQUARE, 1, -1, -critical)))
    layers.append(("account_invests_more", clip(SQUARE, -1, 1, -tolerance)))  # K − S > tolerance
    return layers


def type_region(catalog: Catalog, relationship: RelationshipType) -> Polygon:
    """Where on the (K, S) square an account is of *relationship*: |S − K| ≤ tolerance and the lower
    index from the type's start up to the next type's (the top type up to 100).

    Unlike :func:`zone_layers`, which paints each type from its start upwards and lets the next cover
    the rest, this is the type's own region: a band along the diagonal with a notch where the next type
    begins, as an outline needs it. Its edges are the zone bounds, whether they count as "at least" or
    "above".
    """
    zones = catalog.zones
    tolerance = zones.balance_tolerance
    types = zones.relationship_types
    position = types.index(relationship)
    low = relationship.start()
    high = types[position + 1].start() if position + 1 < len(types) else 100 + tolerance
    region = [
        (low, low),
        (low + tolerance, low),
        (high + tolerance, high),
        (high, high),
        (high, high + tolerance),
        (low, low + tolerance),
    ]
    # The region is one polygon, not convex at its notch; clipping it to the square (convex) is exact.
    for a, b, c in ((1, 0, 100), (0, 1, 100)):
        region = clip(region, a, b, c)
    return _without_repeats(region)


def _without_repeats(polygon: Polygon) -> Polygon:
    """The corners of *polygon*, each once: clipping repeats a corner where an edge lies on the square's."""
    corners: Polygon = []
    for point in polygon:
        rounded = (round(point[0], 9), round(point[1], 9))
        if not corners or corners[-1] != rounded:
            corners.append(rounded)
    if len(corners) > 1 and corners[0] == corners[-1]:
        corners.pop()
    return corners


def draw_outline(axes, polygon: Polygon, colour: str) -> None:
    """*polygon* as a dashed outline over the zone fills and under every mark."""
    from matplotlib.patches import Polygon as PolygonPatch

    patch = PolygonPatch(
        polygon, closed=True, facecolor="none", edgecolor=colour, linewidth=1.5, linestyle=(0, (4, 2))
    )
    patch.set_zorder(1)
    axes.add_patch(patch)


def draw_zones(axes, catalog: Catalog) -> None:
    from matplotlib.patches import Polygon as PolygonPatch

    tints = zone_tints(catalog)
    for zone_id, polygon in zone_layers(catalog):
        if len(polygon) >= 3:
            patch = PolygonPatch(
                polygon, closed=True, facecolor=tints[zone_id], edgecolor="white", linewidth=0.8
            )
            patch.set_zorder(0)
            axes.add_patch(patch)


def zone_legend(
    figure,
    catalog: Catalog,
    lang: str,
    ncols: int = 2,
    outline: tuple[str, str] | None = None,
    beside: float | None = None,
) -> None:
    """Name every zone below the square; inside it, names would collide with the points. *outline*
    (colour, name) adds a region drawn as a dashed outline, after the zones. *beside* (the figure's
    share left of the legend) names them in one column right of the square instead."""
    from matplotlib.patches import Patch

    tints = zone_tints(catalog)
    handles = [
        Patch(
            facecolor=tints[zone_id],
            edgecolor=GRID,
            linewidth=0.5,
            label=textwrap.fill(name, 34, break_long_words=False),
        )
        for zone_id, name in zone_names(catalog, lang)
    ]
    if outline is not None:
        colour, name = outline
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=colour,
                linewidth=1.2,
                linestyle=(0, (3, 1.5)),
                label=textwrap.fill(name, 34, break_long_words=False),
            )
        )
    figure.legend(
        handles=handles,
        loc="lower center" if beside is None else "center left",
        bbox_to_anchor=(0.5, 0.005) if beside is None else (beside, 0.5),
        ncols=ncols if beside is None else 1,
        frameon=False,
        fontsize=7.5,
        handlelength=1.4,
        handleheight=1.1,
        columnspacing=1.8,
        labelspacing=0.5,
    )


def square_axes(axes, lang: str) -> None:
    """0–100 on both axes, K across and S up, labelled in *lang*."""
    _ = gettext_for(lang)
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 100)
    axes.set_aspect("equal")
    axes.set_xticks(range(0, 101, 20))
    axes.set_yticks(range(0, 101, 20))
    axes.tick_params(labelsize=7.5)
    hide_tick_marks(axes)
    axes.set_xlabel(_("Key account invests (K, 0–100)"), fontsize=8.5, labelpad=4)
    axes.set_ylabel(_("Supplier invests (S, 0–100)"), fontsize=8.5, labelpad=4)
    for spine in axes.spines.values():
        spine.set_visible(False)


Box = tuple[float, float, float, float]  # left, bottom, right, top in data units
NEAR_SPOTS = (  # (dx, dy, ha, va) from a marker, in order of preference
    (1, 1, "left", "bottom"),
    (-1, 1, "right", "bottom"),
    (1, -1, "left", "top"),
    (-1, -1, "right", "top"),
    (1.3, 0, "left", "center"),
    (-1.3, 0, "right", "center"),
    (0, 1.5, "center", "bottom"),
    (0, -1.5, "center", "top"),
)


def label_box(x: float, y: float, spot, size: tuple[float, float]) -> Box:
    dx, dy, ha, va = spot
    width, height = size
    left = x + dx - {"left": 0, "right": width, "center": width / 2}[ha]
    bottom = y + dy - {"bottom": 0, "top": height, "center": height / 2}[va]
    return (left, bottom, left + width, bottom + height)


def points_along(
    start: tuple[float, float], end: tuple[float, float], step: float, ends: bool = False
) -> list[tuple[float, float]]:
    """Points about every *step* data units on the line from *start* to *end* (with both ends, or
    without), for a label to keep clear of the line."""
    count = max(1, int(math.dist(start, end) // step)) if ends else int(math.dist(start, end) // step) + 1
    indices = range(count + 1) if ends else range(1, count)
    return [
        (start[0] + (end[0] - start[0]) * i / count, start[1] + (end[1] - start[1]) * i / count)
        for i in indices
    ]


def marks_of(points: list[tuple[float, ...]], clearance: float = 1.5) -> np.ndarray:
    """*points* as :func:`place_label` weighs them: one row (x, y, reach) each, *clearance* where a point
    brings no reach of its own."""
    return np.array([(*point, clearance)[:3] for point in points], dtype=float).reshape(-1, 3)


def place_label(
    x: float,
    y: float,
    size: tuple[float, float],
    points: list[tuple[float, ...]] | np.ndarray,
    boxes: list[Box],
    distances: tuple[float, ...] = (4, 9, 16),
    clearance: float = 1.5,
    gap: float = 0.0,
) -> tuple[tuple, Box]:
    """The spot around (x, y) where a label of *size* covers the fewest points and other labels.

    Tries each direction at growing *distances*; a spot outside the square is taken only as a last
    resort. A point closer to the box than *clearance* counts as covered (the marker's radius, in
    data units); a point given as (x, y, radius) brings its own, for a marker larger than the rest.
    With a *gap*, another label closer than that counts against a spot too, half as much as one it
    overlaps: labels that must be told apart keep a margin. *points* may also be given as made by
    :func:`marks_of`, where many labels weigh the same points. Returns the spot (dx, dy, ha, va) and the box
    it will occupy.
    """
    candidates = [(dx * d, dy * d, ha, va) for d in distances for dx, dy, ha, va in NEAR_SPOTS]
    spots = np.array([label_box(x, y, candidate, size) for candidate in candidates])  # one row a spot
    left, bottom, right, top = (spots[:, [side]] for side in range(4))
    # Every spot against every point and label at once: a map of a thousand accounts places a thousand
    # labels, and a loop in Python over all points for each spot of each label grew with the square.
    marks = points if isinstance(points, np.ndarray) else marks_of(points, clearance)
    px, py, reach = marks[:, 0], marks[:, 1], marks[:, 2]
    covered = (
        (left - reach <= px) & (px <= right + reach) & (bottom - reach <= py) & (py <= top + reach)
    ).sum(axis=1)
    others = np.array(boxes, dtype=float).reshape(-1, 4)

    def near(margin: float):
        """How many other labels each spot comes closer to than *margin* (0: overlaps)."""
        apart = (
            (right + margin < others[:, 0]) | (left - margin > others[:, 2])
            | (top + margin < others[:, 1]) | (bottom - margin > others[:, 3])
        )  # fmt: skip
        return (~apart).sum(axis=1)

    outside = ((left < 0) | (bottom < 0) | (right > 100) | (top > 100))[:, 0]
    cost = 1000 * outside + covered + 5 * near(0) + (5 * near(gap) if gap else 0)
    best = candidates[int(np.argmin(cost))]  # the first of the cheapest, in order of preference
    return best, label_box(x, y, best, size)
