"""The portfolio's coaching questions: the accounts that answer each, by the catalog's own types."""

from __future__ import annotations

from tests.builders import Q3, make, portfolio_view, variant


def test_a_catalog_of_one_relationship_type_lists_no_strategic_partnerships_and_no_capacity(catalog):
    """Regression: its one type, lean KAM, was also shown as the strategic partnerships' line, and
    counted against their capacity."""
    one = variant(
        catalog, lambda data: data["zones"].update(relationship_types=data["zones"]["relationship_types"][:1])
    )
    view = portfolio_view(
        [make(one, "Alpha", Q3, 2, 2), make(one, "Beta", Q3, 5, 5), make(one, "Gamma", Q3, 4, 2)], one
    )

    assert view.questions.strategic_name is None and view.questions.strategic == ()
    assert [row.name for row in view.questions.lean] == ["Alpha", "Beta"]
    assert view.questions.capacity.accounts == () and not view.questions.capacity.exceeded
    from reportgen.rendering import Renderer

    html = Renderer().portfolio_html(view)
    assert "Capacity check" not in html and "preferred partner" not in html
    assert "the catalog knows no relationship beyond lean KAM" in html
    assert (
        portfolio_view([make(catalog, "Beta", Q3, 5, 5)], catalog).questions.strategic_name
        == "Strategic partnership"
    )
