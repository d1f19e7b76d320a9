"""Shared by the tests of the briefing's sections: several voices, as hand-built analyses of a three-factor
catalog (weights 1, 2, 1; scale 1–5 → 0–100), and the briefing made of them without its charts."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.analysis.indices import analyse
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Rater, View
from reportgen.model.catalog import Catalog
from reportgen.model.findings import AccountAnalysis
from reportgen.views.briefing import BriefingCharts, build_briefing
from tests.builders import Q3, small_catalog

CHARTS = BriefingCharts("<svg/>", "<svg/>", "<svg/>")


ANNA = Rater("Anna Adler", "Sales director")
BEN = Rater("Ben Brandt", "Service")
CEM = Rater("Cem Celik", "Service")
DORA = Rater("Dora Dietz", "Procurement", View.KEY_ACCOUNT)


def voices(
    catalog: Catalog, scores: dict[Rater, list[tuple[float, float]]], comments=None
) -> AccountAnalysis:
    """An analysis from each rater's (supplier, key account) scores of the catalog's factors, in order;
    *comments* maps (rater, factor number) to a comment."""
    comments = comments or {}
    ratings = tuple(
        FactorRating(f.id, s, k, comments.get((rater, number), ""), rater=rater)
        for rater, rows in scores.items()
        for number, (f, (s, k)) in enumerate(zip(catalog.factors, rows, strict=True), start=1)
    )
    facts = AccountFacts("Acme", key_account_manager="Anna Adler")
    return analyse(Assessment(facts, Q3, ratings, raters=tuple(scores)), catalog)


def view_of(analysis: AccountAnalysis, lang: str = "en"):
    return build_briefing(analysis, lang, date(2026, 11, 27), None, CHARTS)


@pytest.fixture
def three(catalog):
    return small_catalog(catalog)
