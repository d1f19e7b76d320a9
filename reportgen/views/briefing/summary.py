"""Page 1 of the briefing: the account, where it stands and how it moved since the last assessment, the
reading of its figures and the diagram, and the verdicts beside them – the key account's own view and the
relationship the account is meant to have.

Page 1 is read first and often alone, so everything it says is decided here, in one place; the factors it
names are put into words by :mod:`reportgen.views.briefing.factors`.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date

from reportgen.analysis.history import Past
from reportgen.analysis.indices import intended_fit, zone_changed
from reportgen.common.i18n import Formatter, gettext_for, translations
from reportgen.model.assessment import AccountFacts, Assessment
from reportgen.model.findings import AccountAnalysis, Coverage, ViewFigures, ZoneKind
from reportgen.views.briefing.factors import GAPS_NAMED, FactorRow, factor_scores
from reportgen.views.briefing.service import ServiceLine, service_line
from reportgen.views.chart_texts import Position, diagram_text
from reportgen.views.labels import intended_fit_words, zone_label, zone_meaning, zone_name, zone_words


@dataclass(frozen=True)
class Since:
    """How the account moved since its previous assessment."""

    period: str
    balance_change: float
    zone_changed: bool
    previous_zone_name: str
    """Both zones as tables name them, ", critical" included, each in its own catalog's words."""
    zone_name: str

    @property
    def change_magnitude(self) -> float:
        """How far the balance moved, whichever way: it picks the singular or plural of "points"."""
        return abs(self.balance_change)


@dataclass(frozen=True)
class ViewIndices:
    """S, K and balance as one view sees them, and on how many factors: a column of page 1's mirror. A
    questionnaire that rates few factors must show it, or its zone would read as firm as ours."""

    supplier_index: int
    key_account_index: int
    balance: int
    coverage: Coverage


@dataclass(frozen=True)
class KeyAccountVerdict:
    """Page 1 beside the key account's own view: both views' zones, and the mirror of their figures."""

    zones_disagree: bool
    """The views put the account in different zones: the page says so first, plainly."""
    our_zone_name: str
    """Both zones as tables name them, ", critical" included."""
    their_zone_name: str
    their_zone_meaning: str
    ours: ViewIndices
    theirs: ViewIndices
    assessed_on: date | None = None
    """When the key account's contacts rated it: shown with their view, as page 1's *Assessed on* is ours."""


@dataclass(frozen=True)
class IntendedVerdict:
    """Page 1 beside the zone: the relationship type the account is meant to have, and whether it is."""

    type_name: str
    fit: str
    """On target, over- or under-invested, as the id CSS marks it by."""
    verdict: str
    """The fit in words: "on target", or which way the account misses the type."""


@dataclass(frozen=True)
class SummarySection:
    """Page 1: the account, where it stands, its figures, the reading of them and the diagram."""

    account: AccountFacts
    period: str
    assessed_by: str | None
    assessed_on: date | None
    zone_id: str
    zone_name: str
    zone_meaning: str
    critical: bool
    supplier_index: float
    key_account_index: float
    balance: float
    balance_tolerance: float
    coverage: Coverage
    largest_gaps: tuple[str, ...]
    """The short names of the first drivers, as the reading names them."""
    since: Since | None
    not_rated_count: int
    diagram_svg: str
    diagram_alt: str
    """What the diagram shows, in words: the account's position and zone in each view, the largest gaps."""
    balance_reading: str
    """The reading's first sentence: who invests how many points more, or that both invest in balance (the
    PDF's page 1 and the deck's first slide say it alike)."""
    key_account_view: KeyAccountVerdict | None = None
    """Set once the key account's contacts have answered; then the diagram shows two points."""
    questionnaire_command: str | None = None
    """Several of our team rated, but no one of the key account: a line asks for its own view with the
    command that writes its questionnaire."""
    intended: IntendedVerdict | None = None
    """Only where the account names the relationship type it is meant to have."""
    proposal_arrow: bool = False
    """The diagram's dashed arrow leads to where the rebalancing proposal would bring the account."""
    service: ServiceLine | None = None
    """What serving the account costs and what it leaves, where our team's workbook gives any of it."""

    @property
    def added_lines(self) -> int:
        """How many of page 1's optional lines it has (the intended relationship, the cost to serve): the
        two-view diagram gives way a step for each, so that page 1 stays whole."""
        return sum(line is not None for line in (self.intended, self.service))


def summary_section(
    analysis: AccountAnalysis,
    lang: str,
    past: Past,
    rows: tuple[FactorRow, ...],
    drivers: tuple[FactorRow, ...],
    diagram_svg: str,
    proposal_arrow: bool,
) -> SummarySection:
    """Page 1: where the account stands, the reading of its figures and how it moved."""
    catalog = analysis.catalog
    assessment = analysis.assessment
    zone_name, zone_meaning = zone_words(analysis, catalog, lang)
    return SummarySection(
        account=assessment.account,
        period=str(assessment.period),
        assessed_by=assessment.assessed_by,
        assessed_on=assessment.assessed_on,
        zone_id=analysis.zone.id,
        zone_name=zone_name,
        zone_meaning=zone_meaning,
        critical=analysis.zone.critical,
        supplier_index=analysis.supplier_index,
        key_account_index=analysis.key_account_index,
        balance=analysis.balance,
        balance_tolerance=catalog.zones.balance_tolerance,
        coverage=analysis.coverage,
        largest_gaps=tuple(row.label for row in drivers[:GAPS_NAMED]),
        since=_since(analysis, past.earlier[-1], lang) if past.earlier else None,
        not_rated_count=sum(1 for row in rows if not row.rated_both),
        diagram_svg=diagram_svg,
        diagram_alt=_diagram_alt(analysis, drivers, zone_label(analysis, catalog, lang), lang),
        balance_reading=_balance_reading(analysis, lang),
        key_account_view=_key_account_verdict(analysis, analysis.key_account_view, lang),
        questionnaire_command=(
            _questionnaire_command(assessment, lang)
            if assessment.rated_by_a_team and not assessment.has_key_account_view
            else None
        ),
        intended=_intended_verdict(analysis, lang),
        proposal_arrow=proposal_arrow,
        service=service_line(analysis.cost_to_serve, lang),
    )


def _balance_reading(analysis: AccountAnalysis, lang: str) -> str:
    """Who invests how many points more, on the scale of the indices; in balance, by how much they differ."""
    _, ngettext, number = gettext_for(lang), translations(lang).ngettext, Formatter(lang).number
    balance, kind = analysis.balance, analysis.zone.kind
    points = {"points": number(abs(balance))}
    if kind is ZoneKind.SUPPLIER_FRUSTRATION:
        return (
            ngettext(
                "We invest %(points)s point more than the key account, on a scale of 0 to 100.",
                "We invest %(points)s points more than the key account, on a scale of 0 to 100.",
                balance,
            )
            % points
        )
    if kind is ZoneKind.ACCOUNT_INVESTS_MORE:
        return (
            ngettext(
                "The key account invests %(points)s point more than we do, on a scale of 0 to 100.",
                "The key account invests %(points)s points more than we do, on a scale of 0 to 100.",
                abs(balance),
            )
            % points
        )
    if not balance:  # "differ by 0 points" would read as a puzzle
        return _("Both sides invest exactly alike: the indices are the same, on a scale of 0 to 100.")
    return (
        ngettext(
            "Both sides invest in balance: the indices differ by %(points)s point, on a scale of 0 to 100.",
            "Both sides invest in balance: the indices differ by %(points)s points, on a scale of 0 to 100.",
            abs(balance),
        )
        % points
    )


def _diagram_alt(analysis: AccountAnalysis, drivers: tuple[FactorRow, ...], zone: str, lang: str) -> str:
    """The diagram in words: where each view puts the account, and the gaps page 1's reading names."""
    theirs = analysis.key_account_view
    return diagram_text(
        lang,
        Position(analysis.supplier_index, analysis.key_account_index, zone),
        Position(
            theirs.supplier_index, theirs.key_account_index, zone_name(theirs.zone, analysis.catalog, lang)
        )
        if theirs
        else None,
        [factor_scores(row, lang) for row in drivers[:GAPS_NAMED]],
    )


def _intended_verdict(analysis: AccountAnalysis, lang: str) -> IntendedVerdict | None:
    """The intended type and our view's fit to it (page 1's figures are ours); None without one."""
    zones = analysis.catalog.zones
    intended_id = analysis.assessment.account.intended_type
    fit = intended_fit(analysis.supplier_index, analysis.zone, intended_id, zones)
    if fit is None:
        return None
    intended = zones.relationship_type(intended_id)
    return IntendedVerdict(
        type_name=intended.name.get(lang), fit=str(fit), verdict=intended_fit_words(fit, lang)
    )


def _questionnaire_command(assessment: Assessment, lang: str) -> str:
    """The command that writes the key account's questionnaire for this account and quarter, as it can be
    typed: only our company's name is for the reader to fill in."""
    _ = gettext_for(lang)
    return shlex.join(
        [
            "reportgen",
            "template",
            "--view",
            "key-account",
            "--supplier",
            _("YOUR COMPANY"),
            "--account",
            assessment.account.name,
            "--period",
            str(assessment.period),
            "--lang",
            lang,
        ]
    )


def _key_account_verdict(
    analysis: AccountAnalysis, theirs: ViewFigures | None, lang: str
) -> KeyAccountVerdict | None:
    """Both views' zones and figures; None until the key account's contacts have answered."""
    if theirs is None:
        return None
    _, meaning = zone_meaning(theirs.zone, analysis.catalog, lang)
    return KeyAccountVerdict(
        zones_disagree=analysis.zones_disagree,
        our_zone_name=zone_label(analysis, analysis.catalog, lang),
        their_zone_name=zone_name(theirs.zone, analysis.catalog, lang),
        their_zone_meaning=meaning,
        ours=ViewIndices(
            analysis.supplier_index, analysis.key_account_index, analysis.balance, analysis.coverage
        ),
        theirs=ViewIndices(theirs.supplier_index, theirs.key_account_index, theirs.balance, theirs.coverage),
        assessed_on=analysis.assessment.key_account_assessed_on,
    )


def _since(analysis: AccountAnalysis, previous: AccountAnalysis, lang: str) -> Since:
    return Since(
        period=str(previous.assessment.period),
        balance_change=analysis.balance - previous.balance,
        zone_changed=zone_changed(previous, analysis),
        previous_zone_name=zone_label(previous, previous.catalog, lang),
        zone_name=zone_label(analysis, analysis.catalog, lang),
    )
