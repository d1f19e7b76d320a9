"""The partnership diagram: text stays text in the report's language and font, and the same account gives the
same chart."""

from __future__ import annotations

from reportgen.charts import partnership_diagram
from tests.charts.conftest import texts


def test_diagram_text_is_real_text_in_the_report_language(analysis, catalog):
    german = partnership_diagram(analysis, catalog, "de")
    assert "font-family: 'Reportgen Sans'" in german
    words = texts(german)
    assert "Lieferantenfrustrationszone" in words
    assert "Lieferant investiert (S, 0–100)" in words
    assert "Key Account investiert (K, 0–100)" in words
    # 15 factors rated on both sides: seven at 5 (100), eight at 4 (75) → S = 1300 / 15 ≈ 87; K = 2 → 25
    assert "S 87 · K 25" in words
    english = texts(partnership_diagram(analysis, catalog, "en"))
    assert "Supplier frustration zone" in english
    assert "Lieferant" not in english


def test_charts_are_reproducible(analysis, catalog):
    assert partnership_diagram(analysis, catalog, "en") == partnership_diagram(analysis, catalog, "en")


def _marks(analysis, catalog, lang):
    """What the diagram draws for *analysis* besides its ground: the lines, the scatter points and the
    annotations, with each annotation's extent on the figure (display units)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from reportgen.charts.diagram import drawn_diagram
    from reportgen.charts.style import forget_grounds

    try:
        with drawn_diagram(analysis, catalog, lang) as figure:
            (axes,) = figure.axes
            renderer = FigureCanvasAgg(figure).get_renderer()
            to_display = axes.transData.transform
            lines = [line.get_xydata().tolist() for line in axes.lines]
            points = [
                tuple(p) for c in axes.collections if hasattr(c, "get_offsets") for p in c.get_offsets()
            ]
            labels = {
                t.get_text(): t.get_window_extent(renderer)
                for t in axes.texts
                if t.get_text().startswith(("S ", "Unsere", "Sicht", "Our", "Key"))
            }
            figure_box = figure.bbox
            return lines, points, labels, to_display, figure_box
    finally:
        forget_grounds()  # the canvas given to the shared ground is not the one reports draw with


def test_with_the_key_account_view_both_views_are_points_joined_by_a_line_and_named(both_views, catalog):
    ours = (both_views.key_account_index, both_views.supplier_index)
    theirs = (both_views.key_account_view.key_account_index, both_views.key_account_view.supplier_index)
    assert ours != theirs
    for lang, our_name, their_name in (
        ("de", "Unsere Sicht", "Sicht des Key Accounts"),
        ("en", "Our view", "Key account's view"),
    ):
        lines, points, labels, to_display, figure_box = _marks(both_views, catalog, lang)
        assert [list(map(list, (ours, theirs)))] == lines
        assert ours in points and theirs in points
        our_label = f"{our_name}\nS {ours[1]} · K {ours[0]}"
        their_label = f"{their_name}\nS {theirs[1]} · K {theirs[0]}"
        assert set(labels) == {our_label, their_label}
        # Neither label covers a view's point or the other label, and neither is cut off.
        first, second = labels.values()
        assert not first.overlaps(second)
        for box in labels.values():
            assert figure_box.contains(box.x0, box.y0) and figure_box.contains(box.x1, box.y1)
            for point in (ours, theirs):
                assert not box.contains(*to_display(point))


def test_without_the_key_account_view_only_our_point_is_drawn_as_before(team, both_views, catalog):
    """Our team alone: one point, labelled with S and K only, no line between views – while the same team
    with the key account's answers gets both."""
    lines, _points, labels, _, _ = _marks(team, catalog, "de")
    assert lines == []
    assert list(labels) == [f"S {team.supplier_index} · K {team.key_account_index}"]
    assert "Unsere Sicht" not in texts(partnership_diagram(team, catalog, "de"))
    assert "Unsere Sicht" in texts(partnership_diagram(both_views, catalog, "de"))


def _with_intended(analysis, intended):
    from dataclasses import replace

    facts = replace(analysis.assessment.account, intended_type=intended)
    return replace(analysis, assessment=replace(analysis.assessment, account=facts))


def _outlines(svg: str) -> int:
    """Dashed outlines in the intended relationship's colour (matplotlib writes colours in lower case)."""
    from reportgen.charts.style import INTENDED_COLOUR

    return svg.count(f"stroke: {INTENDED_COLOUR.lower()}")


def test_the_intended_relationship_is_outlined_and_named_in_the_legend_only_where_given(analysis, catalog):
    plain_before = partnership_diagram(analysis, catalog, "de")
    intended = _with_intended(analysis, "preferred_partner")
    for lang, name in (("de", "Angestrebt: Bevorzugter Partner"), ("en", "Intended: Preferred partner")):
        svg = partnership_diagram(intended, catalog, lang)
        assert _outlines(svg) == 2  # the region, and its sample in the legend
        assert name in texts(svg)
    plain = partnership_diagram(analysis, catalog, "de")
    assert _outlines(plain) == 0
    assert not any(word.startswith("Angestrebt") for word in texts(plain))
    # the ground drawn for an intended type is kept apart: an account without one is drawn as before
    assert plain == plain_before


def test_a_rebalancing_plan_is_a_dashed_arrow_to_an_open_ring_at_the_projected_point(analysis, catalog):
    from matplotlib.text import Annotation

    from reportgen.analysis.rebalancing import rebalancing_plan
    from reportgen.charts.diagram import drawn_diagram
    from reportgen.charts.style import forget_grounds

    plan = rebalancing_plan(analysis)
    today = (analysis.key_account_index, analysis.supplier_index)
    projected = (plan.projected.key_account_index, plan.projected.supplier_index)
    assert projected != today

    def arrows_and_points(with_plan):
        try:
            with drawn_diagram(analysis, catalog, "en", plan=plan if with_plan else None) as figure:
                (axes,) = figure.axes
                arrows = [
                    (tuple(a.xyann), tuple(a.xy), a.arrow_patch.get_linestyle() not in ("-", "solid"))
                    for a in axes.texts
                    if isinstance(a, Annotation) and a.arrow_patch is not None and not a.get_text()
                ]
                points = [
                    tuple(p) for c in axes.collections if hasattr(c, "get_offsets") for p in c.get_offsets()
                ]
                return arrows, points
        finally:
            forget_grounds()

    arrows, points = arrows_and_points(with_plan=True)
    assert arrows == [(today, projected, True)]  # dashed
    assert projected in points
    assert arrows_and_points(with_plan=False) == ([], [p for p in points if p != projected])
    # without a plan, the chart is the one drawn before plans existed
    assert partnership_diagram(analysis, catalog, "en", plan=None) == partnership_diagram(
        analysis, catalog, "en"
    )


def test_views_that_nearly_agree_keep_their_labels_apart(workload):
    """Nordhafen Logistik 2026-Q3: S 90, K 89 as we see it, S 91, K 88 as the key account does. The two
    labels stood a line apart and read as one; now a clear gap lies between them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from reportgen.charts.diagram import drawn_diagram
    from reportgen.charts.style import forget_grounds

    (nordhafen,) = [
        a
        for a in workload.analyses
        if a.assessment.account.name == "Nordhafen Logistik AG" and str(a.assessment.period) == "2026-Q3"
    ]
    for lang in ("de", "en"):
        try:
            with drawn_diagram(nordhafen, nordhafen.catalog, lang) as figure:
                canvas = FigureCanvasAgg(figure)
                canvas.draw()  # places the annotations' text boxes
                first, second = (  # each label's white box, without the leader line an annotation takes in
                    text.get_bbox_patch().get_window_extent(canvas.get_renderer())
                    for text in figure.axes[0].texts
                    if " · K " in text.get_text()
                )
        finally:
            forget_grounds()
        apart = max(first.x0 - second.x1, second.x0 - first.x1, first.y0 - second.y1, second.y0 - first.y1)
        assert apart >= 20, (lang, first, second)  # points of the figure: 10 when they read as one
