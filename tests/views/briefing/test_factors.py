"""The briefing's table of all factors: a factor not rated on both sides says so, once."""

from __future__ import annotations

import re

import pytest

from reportgen.analysis.indices import analyse
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Rater
from reportgen.rendering import Renderer
from tests.builders import Q3
from tests.conftest import briefing_view


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_comment_that_says_not_rated_is_not_prefixed_with_it_again(catalog, lang):
    """Regression: "nicht bewertet: Not rated yet: …" in the factor table. A comment that starts by saying
    so, in either language and any case, stands alone; any other comment of an unrated factor is
    prefixed."""
    comments = ["Not rated yet: no project this quarter", "NICHT BEWERTET, kein Kontakt", "Too early to say"]
    ratings = [FactorRating(f.id, 3, 3) for f in catalog.factors[3:]]
    ratings += [FactorRating(f.id, None, 2, text) for f, text in zip(catalog.factors, comments, strict=False)]
    analysis = analyse(Assessment(AccountFacts("Acme"), Q3, tuple(ratings), raters=(Rater(),)), catalog)
    html = Renderer().briefing_html(briefing_view(analysis, lang, drawn=False))
    cells = [
        re.sub(r"<[^>]*>", "", cell) for cell in re.findall(r'<td class="comment"[^>]*>(.*?)</td>', html)
    ]
    not_rated = {"de": "nicht bewertet", "en": "not rated"}[lang]
    assert cells[:3] == [comments[0], comments[1], f"{not_rated}: {comments[2]}"]
