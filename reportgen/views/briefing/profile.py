"""The briefing's factor profile and its drivers: what drives the imbalance or, in balance, the largest gaps.

The drivers are picked here, where they are listed; page 1's reading names the first of them, so the
briefing picks them once and hands them to both sections.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from reportgen.model.findings import AccountAnalysis, ZoneKind
from reportgen.views.briefing.factors import FactorRow, ScaleView, differ_most, factor_row
from reportgen.views.chart_texts import profile_text


@dataclass(frozen=True)
class ProfileSection:
    """The factor profile and the drivers: what drives the imbalance, or the largest gaps."""

    scale: ScaleView
    profile_svg: str
    profile_alt: str
    """What the profile shows, in words: the factors whose two sides lie furthest apart."""
    balanced: bool
    """In balance there is no imbalance to drive: the drivers are headed as the largest gaps."""
    drivers: tuple[FactorRow, ...]
    team_dots: bool = False
    """Several of our team rated: the profile shows each one's score as a small dot and marks the factors
    the team rates far apart, and its caption says so."""


DRIVER_COMMENT_CHARS = 280


def _briefly(row: FactorRow) -> FactorRow:
    """A driver with its comments shortened, so page 2 holds; the table keeps them whole."""
    short = tuple(textwrap.shorten(c, DRIVER_COMMENT_CHARS, placeholder=" …") for c in row.comments)
    return replace(row, comments=short)


def driver_rows(analysis: AccountAnalysis, lang: str) -> tuple[FactorRow, ...]:
    """The drivers in the analysis's order, their comments shortened; page 1's reading names the first."""
    return tuple(_briefly(factor_row(result, lang)) for result in analysis.drivers)


def profile_section(
    analysis: AccountAnalysis, lang: str, scale: ScaleView, drivers: tuple[FactorRow, ...], profile_svg: str
) -> ProfileSection:
    """The profile with its alt text, and the drivers; with several of our team rating, the team's dots."""
    team_dots = analysis.assessment.rated_by_a_team
    return ProfileSection(
        scale=scale,
        profile_svg=profile_svg,
        profile_alt=profile_text(
            lang,
            len(analysis.factors),
            scale.min,
            scale.max,
            differ_most(analysis.factors, lang),
            team_dots=team_dots,
        ),
        balanced=analysis.zone.kind is ZoneKind.BALANCED,
        drivers=drivers,
        team_dots=team_dots,
    )
