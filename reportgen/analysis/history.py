"""An account over time: its assessments period by period, with gaps kept as gaps.

Pure functions over analyses; used by the briefing (path and trend) and the portfolio (movements).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalog
from reportgen.model.findings import AccountAnalysis
from reportgen.reading.accounts import account_key


def other_catalog(analysis: AccountAnalysis, catalog: Catalog) -> str | None:
    """The catalog an assessment was made for when it is not *catalog* (the one the report uses): the
    one it was read with, or, where the one it names was not at hand, the one it names."""
    if analysis.catalog.label() != catalog.label():
        return analysis.catalog.label()
    return catalog.other_named(analysis.assessment.catalog_ref)


OTHER_CATALOG_MARK = "*"
"""Beside a quarter assessed with another catalog than the report's, in every table and chart that
names quarters; a note under them says which catalog."""


def marked_period(period: Period | str, other: str | None) -> str:
    """``2025-Q4 *`` for a quarter assessed with another catalog (*other*), else ``2025-Q4``."""
    return f"{period} {OTHER_CATALOG_MARK}" if other else str(period)


@dataclass(frozen=True)
class OtherCatalogsNote:
    """The note under the quarters marked as assessed with another catalog than the report's. It brings
    its mark along, so that the templates, which only lay it out, never write the mark themselves."""

    quarters: str
    """Which quarters, with which catalog: ``2025-Q4: efkam-partnership v0.9``."""
    catalog_label: str
    """The catalog the report uses, which the marked quarters are compared with."""

    @property
    def mark(self) -> str:
        """The mark the note begins with: the one beside the quarters it explains."""
        return OTHER_CATALOG_MARK


def other_catalogs_note(
    quarters: Iterable[tuple[object, str | None]], catalog_label: str
) -> OtherCatalogsNote | None:
    """The note under *quarters* (each a period and the other catalog it was assessed with, or None),
    compared with the catalog *catalog_label*; None where no quarter is marked."""
    text = ", ".join(f"{period}: {other}" for period, other in quarters if other)
    return OtherCatalogsNote(text, catalog_label) if text else None


def sources_of(analyses: Iterable[AccountAnalysis]) -> tuple[Path, ...]:
    """Every file *analyses* were gathered from, each once, in their order: what make tracks for a
    report, and what an archive embeds."""
    return tuple(dict.fromkeys(source for a in analyses for source in a.assessment.sources))


@dataclass(frozen=True)
class HistoryPoint:
    period: Period
    analysis: AccountAnalysis | None
    """None: no assessment for this quarter – a gap, never a zero."""

    other_catalog: str | None = None


@dataclass(frozen=True)
class AccountHistory:
    key: str
    analyses: tuple[AccountAnalysis, ...]
    """Sorted by period, at most one per period."""

    @property
    def sources(self) -> tuple[Path, ...]:
        """Every file its assessments were gathered from, each once, oldest period first."""
        return sources_of(self.analyses)

    def up_to(self, period: Period) -> AccountHistory:
        return AccountHistory(self.key, tuple(a for a in self.analyses if a.assessment.period <= period))

    def at(self, period: Period) -> AccountAnalysis | None:
        return next((a for a in self.analyses if a.assessment.period == period), None)

    def all_before(self, period: Period) -> tuple[AccountAnalysis, ...]:
        """The assessments before *period*, oldest first: the path that leads to it."""
        return tuple(a for a in self.analyses if a.assessment.period < period)

    def before(self, period: Period) -> AccountAnalysis | None:
        """The latest assessment before *period*, however far back."""
        earlier = self.all_before(period)
        return earlier[-1] if earlier else None

    def timeline(self, until: Period, catalog: Catalog) -> tuple[HistoryPoint, ...]:
        """Every quarter from the first assessment to *until*; quarters without one are gaps, and those
        assessed with another catalog than *catalog* (the report's) say which."""
        by_period = {a.assessment.period: a for a in self.analyses}
        if not self.analyses:
            return ()
        first = self.analyses[0].assessment.period.ordinal
        points = []
        for ordinal in range(first, until.ordinal + 1):
            period = Period.from_ordinal(ordinal)
            analysis = by_period.get(period)
            foreign = other_catalog(analysis, catalog) if analysis else None
            points.append(HistoryPoint(period, analysis, foreign))
        return tuple(points)


@dataclass(frozen=True)
class Past:
    """What came before one assessment: the path its diagram draws and the quarters its trend shows."""

    earlier: tuple[AccountAnalysis, ...]
    """The account's assessments before this one, oldest first."""
    timeline: tuple[HistoryPoint, ...]
    """Every quarter up to this one, gaps included; empty without earlier assessments."""


def past_of(analysis: AccountAnalysis, history: AccountHistory | None) -> Past:
    """The past of *analysis* in *history* (its account's, up to its period), compared with the catalog
    it was analysed with."""
    period = analysis.assessment.period
    earlier = history.all_before(period) if history else ()
    timeline = history.timeline(period, analysis.catalog) if earlier else ()
    return Past(earlier, tuple(timeline))


def build_histories(analyses: Iterable[AccountAnalysis]) -> dict[str, AccountHistory]:
    grouped: dict[str, list[AccountAnalysis]] = {}
    for analysis in analyses:
        grouped.setdefault(account_key(analysis.assessment), []).append(analysis)
    return {
        key: AccountHistory(key, tuple(sorted(items, key=lambda a: a.assessment.period)))
        for key, items in grouped.items()
    }
