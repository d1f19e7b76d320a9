"""The square both diagrams share: zones follow the catalog's thresholds, labels keep clear of markers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.charts.zones import clip, type_region, zone_layers
from reportgen.model.catalog import Catalog


def shoelace(polygon):
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True)
            )
        )
        / 2
    )


def test_clip_keeps_the_half_plane():
    square = [(0, 0), (100, 0), (100, 100), (0, 100)]
    assert shoelace(clip(square, 1, 0, 25)) == pytest.approx(2500)  # x ≤ 25
    assert shoelace(clip(square, -1, 1, 0)) == pytest.approx(5000)  # y ≤ x


def test_zone_polygons_follow_the_catalog_thresholds(catalog):
    layers = dict(zone_layers(catalog))
    # S − K > 10: the triangle (0,10) (0,100) (90,100); its area is 90·90/2
    assert shoelace(layers["supplier_frustration"]) == pytest.approx(4050)
    assert shoelace(layers["supplier_frustration_critical"]) == pytest.approx(80 * 80 / 2)
    assert shoelace(layers["account_invests_more"]) == pytest.approx(4050)
    # The balanced band |S − K| ≤ 10 covers the rest: 10000 − 2·4050
    assert shoelace(layers["lean_supplier"]) == pytest.approx(10000 - 2 * 4050)
    assert min(x for x, _ in layers["strategic_partnership"]) == pytest.approx(66)

    data = catalog.model_dump()
    data["zones"]["balance_tolerance"] = 20
    data["zones"]["critical_imbalance"] = 30
    wider = dict(zone_layers(Catalog.model_validate(data)))
    assert shoelace(wider["supplier_frustration"]) == pytest.approx(80 * 80 / 2)


def test_a_label_keeps_clear_of_a_large_marker_by_its_own_reach():
    """Regression: the period label of Calloway's 2026-Q2 ring was half hidden under the account's
    large marker two units away; a marker given as (x, y, radius) is avoided by that radius."""
    from reportgen.charts.zones import place_label

    ring, marker, reach = (11, 16), (13, 14), 3.5
    _, (left, bottom, right, top) = place_label(*ring, (9, 3), [(*marker, reach)], [], distances=(2.5, 6, 10))
    mx, my = marker
    assert not (left - reach <= mx <= right + reach and bottom - reach <= my <= top + reach)


def test_a_types_region_is_its_band_from_its_start_to_the_next_types_by_hand(catalog):
    """Tolerance 10; lean from 0, preferred from 33, strategic above 66: each region runs along the
    diagonal between its bounds on the lower index, with a notch where the next type begins."""
    lean, preferred, strategic = catalog.zones.relationship_types
    assert set(type_region(catalog, lean)) == {(0, 0), (10, 0), (43, 33), (33, 33), (33, 43), (0, 10)}
    assert set(type_region(catalog, preferred)) == {
        (33, 33),
        (43, 33),
        (76, 66),
        (66, 66),
        (66, 76),
        (33, 43),
    }
    # the top type reaches the square's corner
    assert set(type_region(catalog, strategic)) == {
        (66, 66),
        (76, 66),
        (100, 90),
        (100, 100),
        (90, 100),
        (66, 76),
    }
    assert shoelace(type_region(catalog, strategic)) == 34 * 34 - 24 * 24 / 2 * 2


def reference_spot(x, y, size, points, boxes, distances, clearance, gap):
    """The rule of place_label written plainly, one spot and one point at a time: the vectorised
    function must choose exactly what this chooses."""
    from reportgen.charts.zones import NEAR_SPOTS, label_box

    def near(box, other, margin):
        left, bottom, right, top = box
        apart = (
            right + margin < other[0] or left - margin > other[2] or top + margin < other[1]
            or bottom - margin > other[3]
        )  # fmt: skip
        return not apart

    def cost(candidate):
        box = label_box(x, y, candidate, size)
        left, bottom, right, top = box
        outside = left < 0 or bottom < 0 or right > 100 or top > 100
        covered = 0
        for point in points:
            px, py, reach = (*point, clearance)[:3]
            covered += left - reach <= px <= right + reach and bottom - reach <= py <= top + reach
        overlaps = sum(near(box, other, 0) for other in boxes)
        close = sum(near(box, other, gap) for other in boxes) if gap else 0
        return (1000 if outside else 0) + covered + 5 * overlaps + 5 * close

    return min([(dx * d, dy * d, ha, va) for d in distances for dx, dy, ha, va in NEAR_SPOTS], key=cost)


coordinate = st.floats(0, 100, allow_nan=False)


@settings(max_examples=150, deadline=None)
@given(
    centre=st.tuples(coordinate, coordinate),
    size=st.tuples(st.floats(1, 30), st.floats(1, 6)),
    points=st.lists(
        st.one_of(st.tuples(coordinate, coordinate), st.tuples(coordinate, coordinate, st.floats(0, 8))),
        max_size=25,
    ),
    corners=st.lists(st.tuples(coordinate, coordinate, st.floats(1, 30), st.floats(1, 6)), max_size=12),
    gap=st.sampled_from([0.0, 1.0, 2.5]),
)
def test_a_label_goes_where_the_rule_written_plainly_puts_it(centre, size, points, corners, gap):
    from reportgen.charts.zones import label_box, place_label

    boxes = [(left, bottom, left + width, bottom + height) for left, bottom, width, height in corners]
    distances = (3, 7, 12)
    spot, box = place_label(*centre, size, points, boxes, distances=distances, clearance=1.5, gap=gap)
    assert spot == reference_spot(*centre, size, points, boxes, distances, 1.5, gap)
    assert box == pytest.approx(label_box(*centre, spot, size))
