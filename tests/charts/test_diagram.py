"""Charts: zones follow the catalog, text stays text in the report's language and font."""

from __future__ import annotations

import re

import pytest

from reportgen.analysis import analyse
from reportgen.catalog import Catalog
from reportgen.charts import factor_profile, partnership_diagram
from reportgen.charts.zones import clip, zone_layers
from reportgen.model import AccountFacts, Assessment, FactorRating, Period


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


@pytest.fixture(scope="module")
def analysis(catalog):
    n = len(catalog.factors)
    ratings = [FactorRating(f.id, 5 if i % 2 else 4, 2, "") for i, f in enumerate(catalog.factors)]
    ratings[3] = FactorRating(catalog.factors[3].id, None, None)
    assert n == 16
    return analyse(Assessment(AccountFacts("Acme"), Period(2026, 3), tuple(ratings)), catalog)


def texts(svg: str) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_diagram_text_is_real_text_in_the_report_language(analysis, catalog):
    german = partnership_diagram(analysis, catalog, "de")
    assert "font-family: 'Source Sans Pro'" in german
    words = texts(german)
    assert "Lieferantenfrustrationszone" in words
    assert "Lieferant investiert (S, 0–100)" in words
    assert "Key Account investiert (K, 0–100)" in words
    # 15 factors rated on both sides: seven at 5 (100), eight at 4 (75) → S = 1300 / 15 ≈ 87; K = 2 → 25
    assert "S 87 · K 25" in words
    english = texts(partnership_diagram(analysis, catalog, "en"))
    assert "Supplier frustration zone" in english
    assert "Lieferant" not in english


def test_profile_shows_every_factor_and_the_unrated_one(analysis, catalog):
    words = texts(factor_profile(analysis, catalog, "de"))
    for number, factor in enumerate(catalog.factors, start=1):
        assert f"{number}  {factor.short.de}" in words
    assert words.count("nicht bewertet") == 1
    assert "Lieferant (wir)" in words and "Wir investieren mehr" in words
    assert "5 voll und ganz" in words


def test_charts_are_reproducible(analysis, catalog):
    assert partnership_diagram(analysis, catalog, "en") == partnership_diagram(analysis, catalog, "en")


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

    from reportgen.charts import trend_chart
    from reportgen.history import HistoryPoint
    from reportgen.model import Period

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


def test_a_label_keeps_clear_of_a_large_marker_by_its_own_reach():
    """Regression: the period label of Calloway's 2026-Q2 ring was half hidden under the account's
    large marker two units away; a marker given as (x, y, radius) is avoided by that radius."""
    from reportgen.charts.zones import place_label

    ring, marker, reach = (11, 16), (13, 14), 3.5
    _, (left, bottom, right, top) = place_label(*ring, (9, 3), [(*marker, reach)], [], distances=(2.5, 6, 10))
    mx, my = marker
    assert not (left - reach <= mx <= right + reach and bottom - reach <= my <= top + reach)
