"""The factor profile: every factor, the unrated one too, in the report's language."""

from __future__ import annotations

from reportgen.charts import factor_profile
from tests.charts.conftest import texts


def test_profile_shows_every_factor_and_the_unrated_one(analysis, catalog):
    words = texts(factor_profile(analysis, catalog, "de"))
    for number, factor in enumerate(catalog.factors, start=1):
        assert f"{number}  {factor.short.de}" in words
    assert words.count("nicht bewertet") == 1
    assert "Lieferant (wir)" in words and "Wir investieren mehr" in words
    assert "5 voll und ganz" in words
