"""Shared by the output tests: an account assessed by several voices, as it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.analysis.indices import analyse
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period, Rater, View

# Several voices: three raters of our team and one of the key account's contacts, every weight 1.
#   early-involvement:    Anna 5/3, Ben 3/3, Cem 4/3 → mean 4/3, supplier spread 3–5 (2 points: to discuss);
#                         the key account's Dana 3/4 → gaps 4−3 = 1 (unseen_by_account), 3−4 = −1 (unseen_by_us)
#   relationship-network: Anna 4/3, Ben 4/3, Cem not rated → 2 raters; Dana 4/3 → both sides aligned
#   process-development:  everyone 4/3; Dana leaves it blank → no perception gap
#   every other factor:   everyone 4/3, Dana 3/4
# Ours: S 75, K 50, balance 25 (critical). Dana's view over 15 factors: S (13·50 + 50 + 75)/15 = 51.67 → 52,
# K (13·75 + 75 + 50)/15 = 73.33 → 73, balance −21: the key account invests more.
ANNA = Rater("Anna Berg", "Key account management", source=Path("acme_anna.xlsx"))
BEN = Rater("Ben Ott", None, source=Path("acme_ben.xlsx"))
CEM = Rater("Cem Aydın", "Service", source=Path("acme_cem.xlsx"))
DANA = Rater("Dana Wolf", "Procurement", View.KEY_ACCOUNT, source=Path("acme_dana.xlsx"))


@pytest.fixture
def voices(catalog):
    """The multi-rater account above, and a single-rater account beside it, as they are read."""
    ids = [f.id for f in catalog.factors]
    ours = {
        ANNA: {ids[0]: (5.0, 3.0)},
        BEN: {ids[0]: (3.0, 3.0)},
        CEM: {ids[0]: (4.0, 3.0), ids[1]: (None, None)},
    }
    theirs = {ids[0]: (3.0, 4.0), ids[1]: (4.0, 3.0), ids[2]: (None, None)}
    ratings = [
        FactorRating(i, *ours[rater].get(i, (4.0, 3.0)),
                     comment="Anna's note" if rater is ANNA and i == ids[0] else "", rater=rater)
        for rater in (ANNA, BEN, CEM)
        for i in ids
    ] + [FactorRating(i, *theirs.get(i, (3.0, 4.0)), rater=DANA) for i in ids]  # fmt: skip
    several = Assessment(
        AccountFacts("Acme AG", account_id="KA-1"),
        Period(2026, 3),
        tuple(ratings),
        source=ANNA.source,
        raters=(ANNA, BEN, CEM, DANA),
        sources=tuple(r.source for r in (ANNA, BEN, CEM, DANA)),
    )
    solo = Rater("Eva Solo", source=Path("zeta.xlsx"))
    one = Assessment(
        AccountFacts("Zeta GmbH"),
        Period(2026, 3),
        tuple(FactorRating(i, 4.0, 3.0, rater=solo) for i in ids),
        source=solo.source,
        raters=(solo,),
        sources=(solo.source,),
    )
    return [analyse(several, catalog), analyse(one, catalog)]
