"""The square both diagrams share: zones follow the catalog's thresholds, labels keep clear of markers."""

from __future__ import annotations

import pytest

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
