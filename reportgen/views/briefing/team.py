"""The briefing's team page: who rated, by name only; the factors our team rates far apart, as ranges
without names; and S and K by role, where a role has enough raters.

It is the one section that names raters, so what it may show beside a name is decided here alone: never a
score.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model.assessment import Rater, View
from reportgen.model.findings import AccountAnalysis, RoleFigures, Spread


@dataclass(frozen=True)
class RaterEntry:
    """A rater as the list of raters names them; a report shows no score next to a name."""

    name: str | None
    role: str | None


@dataclass(frozen=True)
class SpreadView:
    """One side's scores of one factor across our team: lowest, highest and how many rated it."""

    low: float
    high: float
    raters: int
    alike: bool
    """Every rater gave the same score: one number, not a range, says it."""


@dataclass(frozen=True)
class DisagreementRow:
    number: int
    title: str
    supplier: SpreadView | None
    key_account: SpreadView | None


@dataclass(frozen=True)
class TeamSection:
    """Who rated, the factors the team should discuss, and figures by role where a role has enough raters."""

    our_raters: tuple[RaterEntry, ...]
    their_raters: tuple[RaterEntry, ...]
    compared: bool
    """Several of our team rated, so their scores can be compared: the factors to discuss are listed."""
    disagreements: tuple[DisagreementRow, ...]
    disagreement_points: float
    roles: tuple[RoleFigures, ...]
    smallest_role_group: int


def _rater_entries(raters: tuple[Rater, ...]) -> tuple[RaterEntry, ...]:
    return tuple(RaterEntry(rater.name, rater.role) for rater in raters)


def _spread_view(spread: Spread) -> SpreadView | None:
    if not spread.raters:
        return None
    return SpreadView(low=spread.low, high=spread.high, raters=spread.raters, alike=not spread.width)


def team_section(analysis: AccountAnalysis, lang: str) -> TeamSection:
    """The raters by view, by name only; the factors our team rates far apart, each side's range without
    names; and S and K by role, for the roles the analysis found large enough to show."""
    assessment = analysis.assessment
    voices = analysis.catalog.voices
    return TeamSection(
        our_raters=_rater_entries(assessment.raters_of(View.SUPPLIER)),
        their_raters=_rater_entries(assessment.raters_of(View.KEY_ACCOUNT)),
        compared=assessment.rated_by_a_team,
        disagreements=tuple(
            DisagreementRow(
                number=result.number,
                title=result.factor.title.get(lang),
                supplier=_spread_view(result.supplier_spread),
                key_account=_spread_view(result.key_account_spread),
            )
            for result in analysis.disagreements
        ),
        disagreement_points=voices.disagreement_points,
        roles=analysis.roles,
        smallest_role_group=voices.smallest_role_group,
    )
