"""The partnership diagram: text stays text in the report's language and font, and the same account gives the
same chart."""

from __future__ import annotations

from reportgen.charts import partnership_diagram
from tests.charts.conftest import texts


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


def test_charts_are_reproducible(analysis, catalog):
    assert partnership_diagram(analysis, catalog, "en") == partnership_diagram(analysis, catalog, "en")
