"""The portfolio's section on the key accounts' own voices: how many answered their own questionnaire,
where their view puts an account in another zone than ours, and the largest perception gaps of the whole
portfolio. A quarter in which no key account answered has no such section.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.portfolio import PortfolioAnalysis, PortfolioGap
from reportgen.common.i18n import N_, gettext_for
from reportgen.model.assessment import Side
from reportgen.views.labels import gap_class_name
from reportgen.views.portfolio.account_rows import Rows, ZoneDisagreement, zone_disagreement

PERCEPTION_GAPS_SHOWN = 6
"""The largest perception gaps the portfolio lists: the few worth a conversation, on what the ranking
leaves of its page."""

SIDE_NAMES = {Side.SUPPLIER: N_("Supplier"), Side.KEY_ACCOUNT: N_("Key account")}


@dataclass(frozen=True)
class GapRow:
    """One side of one factor that an account's key account sees otherwise than we do."""

    account: str
    number: int
    label: str
    side_name: str
    """Whose investment is seen differently."""
    ours: float
    theirs: float
    difference: float
    """Our view's score minus the key account's."""
    class_name: str


@dataclass(frozen=True)
class VoicesSection:
    """How the key accounts that answered their own questionnaire see the partnership: how many did,
    where their view puts the account in another zone, and the largest perception gaps."""

    account_count: int
    with_view: tuple[str, ...]
    """The accounts whose key account answered, in the ranking's order."""
    disagreements: tuple[ZoneDisagreement, ...]
    gaps: tuple[GapRow, ...]
    """The largest perception gaps of the whole portfolio, largest first."""
    gap_count: int
    """All perception gaps beyond the catalog's threshold, shown or not."""

    @property
    def with_view_count(self) -> int:
        return len(self.with_view)

    @property
    def shown_count(self) -> int:
        return len(self.gaps)


def _gap_row(gap: PortfolioGap, lang: str) -> GapRow:
    return GapRow(
        account=gap.entry.name,
        number=gap.factor.number,
        label=gap.factor.factor.label(lang),
        side_name=gettext_for(lang)(SIDE_NAMES[gap.side]),
        ours=gap.ours,
        theirs=gap.theirs,
        difference=gap.difference,
        class_name=gap_class_name(gap.gap_class, lang),
    )


def voices_section(portfolio: PortfolioAnalysis, pick: Rows, lang: str) -> VoicesSection | None:
    with_view = portfolio.with_key_account_view
    if not with_view:
        return None
    return VoicesSection(
        account_count=len(portfolio.entries),
        with_view=tuple(e.name for e in with_view),
        disagreements=tuple(zone_disagreement(e, pick.of(e), lang) for e in portfolio.zones_disagree),
        gaps=tuple(_gap_row(g, lang) for g in portfolio.perception_gaps[:PERCEPTION_GAPS_SHOWN]),
        gap_count=len(portfolio.perception_gaps),
    )
