"""The briefing's perception page: each factor as we see it and as the key account sees it, largest
perception gap first, with a legend of the gap classes the table uses.

It is shown only once the key account's contacts have answered, and it alone sets both views' scores side
by side, so it stands apart from the summary's verdict of both views' zones.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from reportgen.model.findings import AccountAnalysis, GapClass, PerceptionGap
from reportgen.views.briefing.factors import ScaleView
from reportgen.views.labels import gap_class_meaning, gap_class_name


@dataclass(frozen=True)
class SideGap:
    """One side of one factor as we see it and as the key account sees it."""

    ours: float | None
    theirs: float | None
    gap_class: str | None
    """The gap's class as the id CSS colours it by."""
    gap_class_name: str | None


@dataclass(frozen=True)
class PerceptionRow:
    number: int
    label: str
    """The factor's short name: each row keeps to one line, so the page holds every factor and the team."""
    supplier: SideGap
    key_account: SideGap
    our_comments: tuple[str, ...]
    their_comments: tuple[str, ...]
    """The key account's contacts' comments, without their names."""

    @property
    def commented(self) -> bool:
        """Whether the factor gets a line of comments under its scores."""
        return bool(self.our_comments or self.their_comments)


@dataclass(frozen=True)
class GapClassNote:
    """A gap class in the legend: its name and what it means."""

    name: str
    meaning: str


@dataclass(frozen=True)
class PerceptionSection:
    """How the key account sees it: each factor in both views, largest perception gap first."""

    scale: ScaleView
    rows: tuple[PerceptionRow, ...]
    legend: tuple[GapClassNote, ...]
    """The classes the table uses, in a fixed order."""
    gap_points: float
    """From this many scale points apart the views differ (``voices.perception_gap_points``)."""
    unlisted_count: int
    """Factors left out of the table: no side of them was rated in both views."""


PERCEPTION_COMMENT_CHARS = 200
"""Comments on the perception page are shortened to this, so that page holds; the table keeps them whole."""


def _side_gap(ours: float | None, theirs: float | None, gap_class: GapClass | None, lang: str) -> SideGap:
    return SideGap(
        ours=ours,
        theirs=theirs,
        gap_class=str(gap_class) if gap_class else None,
        gap_class_name=gap_class_name(gap_class, lang) if gap_class else None,
    )


def _shortened(comments: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(textwrap.shorten(c, PERCEPTION_COMMENT_CHARS, placeholder=" …") for c in comments)


def _perception_row(gap: PerceptionGap, lang: str) -> PerceptionRow:
    ours, theirs = gap.ours, gap.theirs
    return PerceptionRow(
        number=gap.number,
        label=gap.factor.label(lang),
        supplier=_side_gap(ours.supplier, theirs.supplier, gap.supplier_class, lang),
        key_account=_side_gap(ours.key_account, theirs.key_account, gap.key_account_class, lang),
        our_comments=_shortened(ours.comments),
        their_comments=_shortened(theirs.comments),
    )


def perception_section(analysis: AccountAnalysis, lang: str, scale: ScaleView) -> PerceptionSection:
    """Every factor both views rated, in the analysis's order (largest gap first), with a legend of the
    gap classes the table uses."""
    gaps = analysis.perception
    used = {c for gap in gaps for c in (gap.supplier_class, gap.key_account_class) if c}
    return PerceptionSection(
        scale=scale,
        rows=tuple(_perception_row(gap, lang) for gap in gaps),
        legend=tuple(
            GapClassNote(gap_class_name(c, lang), gap_class_meaning(c, lang)) for c in GapClass if c in used
        ),
        gap_points=analysis.catalog.voices.perception_gap_points,
        unlisted_count=len(analysis.factors) - len(gaps),
    )
