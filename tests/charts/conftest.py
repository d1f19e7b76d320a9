"""Shared by the chart tests: an account to draw, and the text of a chart."""

from __future__ import annotations

import re

import pytest

from reportgen.analysis import analyse
from reportgen.model import AccountFacts, Assessment, FactorRating, Period


@pytest.fixture(scope="module")
def analysis(catalog):
    """Acme: 4 or 5 against 2 on every factor but the fourth, which is not rated."""
    n = len(catalog.factors)
    ratings = [FactorRating(f.id, 5 if i % 2 else 4, 2, "") for i, f in enumerate(catalog.factors)]
    ratings[3] = FactorRating(catalog.factors[3].id, None, None)
    assert n == 16
    return analyse(Assessment(AccountFacts("Acme"), Period(2026, 3), tuple(ratings)), catalog)


def texts(svg: str) -> str:
    """The words of a chart's text elements."""
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
