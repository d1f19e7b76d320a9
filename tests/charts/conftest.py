"""Shared by the chart tests: an account to draw, and the text of a chart."""

from __future__ import annotations

import re

import pytest

from reportgen.analysis.indices import analyse
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period, Rater, View


@pytest.fixture(scope="module")
def analysis(catalog):
    """Acme: 4 or 5 against 2 on every factor but the fourth, which is not rated."""
    n = len(catalog.factors)
    ratings = [FactorRating(f.id, 5 if i % 2 else 4, 2, "") for i, f in enumerate(catalog.factors)]
    ratings[3] = FactorRating(catalog.factors[3].id, None, None)
    assert n == 16
    return analyse(Assessment(AccountFacts("Acme"), Period(2026, 3), tuple(ratings)), catalog)


TEAM = (Rater("A"), Rater("B"), Rater("C"))
KEY_ACCOUNT_CONTACT = Rater("Contact", view=View.KEY_ACCOUNT)


def team_scores(catalog) -> dict[Rater, list[tuple[float | None, float | None]]]:
    """Per rater of our team, (supplier, key account) per factor: A and B agree on 4 against 2; C gives
    4 against 3, but 1 for our investment in the first factor (3 points below the others: a
    disagreement) and leaves the fourth factor unrated."""
    n = len(catalog.factors)
    scores = {TEAM[0]: [(4, 2)] * n, TEAM[1]: [(4, 2)] * n, TEAM[2]: [(4, 3)] * n}
    scores[TEAM[2]][0] = (1, 3)
    scores[TEAM[2]][3] = (None, None)
    return scores


def team_assessment(catalog, key_account_view: bool) -> Assessment:
    """Acme rated by the three raters of :func:`team_scores` and, if asked, by the key account's contact,
    who sees it the other way round: 2 against 4 on every factor."""
    ratings = [
        FactorRating(factor.id, supplier, key_account, "", rater)
        for rater, rows in team_scores(catalog).items()
        for factor, (supplier, key_account) in zip(catalog.factors, rows, strict=True)
    ]
    raters = TEAM
    if key_account_view:
        ratings += [FactorRating(f.id, 2, 4, "", KEY_ACCOUNT_CONTACT) for f in catalog.factors]
        raters += (KEY_ACCOUNT_CONTACT,)
    return Assessment(AccountFacts("Acme"), Period(2026, 3), tuple(ratings), raters=raters)


@pytest.fixture(scope="module")
def team(catalog):
    """Acme rated by three of our team, without the key account's view."""
    return analyse(team_assessment(catalog, key_account_view=False), catalog)


@pytest.fixture(scope="module")
def both_views(catalog):
    """Acme rated by three of our team and by the key account's contact."""
    return analyse(team_assessment(catalog, key_account_view=True), catalog)


def texts(svg: str) -> str:
    """The words of a chart's text elements."""
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
