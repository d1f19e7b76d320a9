"""The briefing of one account in one language, as the templates see it.

This is the presentation-neutral layer between analysis and templates: every word that depends
on the catalog is picked in the report's language here, every number stays a number (the
templates format them with Babel filters), and the templates hold layout only.
"""

from __future__ import annotations

import shlex
import textwrap
from dataclasses import dataclass, replace
from datetime import date

from reportgen.analysis.actions import ActionGroup, TrackedAction, by_factor, reckoning_day, tracked_actions
from reportgen.analysis.history import (
    AccountHistory,
    HistoryPoint,
    OtherCatalogsNote,
    Past,
    marked_period,
    other_catalogs_note,
    past_of,
)
from reportgen.analysis.indices import intended_fit, largest_gaps, zone_changed
from reportgen.analysis.rebalancing import MOST_POINTS, MoveKind, Plan, Projection, rebalancing_plan
from reportgen.common.i18n import LANGUAGES, N_, gettext_for
from reportgen.model.assessment import AccountFacts, ActionStatus, Assessment, Rater, View
from reportgen.model.findings import (
    AccountAnalysis,
    Coverage,
    FactorResult,
    GapClass,
    PerceptionGap,
    RoleFigures,
    Spread,
    ViewFigures,
    ZoneKind,
)
from reportgen.views.chart_texts import (
    FactorScores,
    Position,
    QuarterIndices,
    diagram_text,
    profile_text,
    trend_text,
)
from reportgen.views.coaching_answers import CoachingQuestion, coaching_questions
from reportgen.views.labels import (
    action_factor_name,
    gap_class_meaning,
    gap_class_name,
    intended_fit_words,
    zone_label,
    zone_meaning,
    zone_name,
    zone_words,
)


@dataclass(frozen=True)
class FactorRow:
    number: int
    title: str
    label: str
    supplier_means: str
    key_account_means: str
    supplier: float | None
    key_account: float | None
    gap: float | None
    over_investor: str | None
    comments: tuple[str, ...]

    @property
    def marked_not_rated(self) -> bool:
        """The comment cell starts with "not rated": the factor is not rated on both sides, and its first
        comment does not say so already (a rater's "Not rated yet: …" would read "not rated: Not rated
        yet")."""
        return not self.rated_both and not _says_not_rated(self.comments)

    @property
    def commented(self) -> bool:
        """Whether the factor gets a line under its scores: for its comments, or to say it is not rated."""
        return bool(self.comments) or not self.rated_both

    @property
    def rated_both(self) -> bool:
        return self.gap is not None


@dataclass(frozen=True)
class HistoryRow:
    """One quarter of the account's history; the figures are None where it was not assessed."""

    period: str
    supplier_index: float | None
    key_account_index: float | None
    balance: float | None
    zone_name: str | None
    other_catalog: str | None

    @property
    def period_label(self) -> str:
        """The period as the table names it: marked where it was assessed with another catalog."""
        return marked_period(self.period, self.other_catalog)


@dataclass(frozen=True)
class ScaleView:
    """The catalog's rating scale in the report's language."""

    min: int
    max: int
    points: tuple[str, ...]
    """Each point the catalog gives a word for, with its word: ``4 = deutlich``."""


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
    we_invest_more: bool
    """The reading says who invests more: we, the key account, or neither (both in balance)."""
    account_invests_more: bool
    largest_gaps: tuple[str, ...]
    """The short names of the first drivers, as the reading names them."""
    since: Since | None
    not_rated_count: int
    diagram_svg: str
    diagram_alt: str
    """What the diagram shows, in words: the account's position and zone in each view, the largest gaps."""
    key_account_view: KeyAccountVerdict | None = None
    """Set once the key account's contacts have answered; then the diagram shows two points."""
    questionnaire_command: str | None = None
    """Several of our team rated, but no one of the key account: a line asks for its own view with the
    command that writes its questionnaire."""
    intended: IntendedVerdict | None = None
    """Only where the account names the relationship type it is meant to have."""
    proposal_arrow: bool = False
    """The diagram's dashed arrow leads to where the rebalancing proposal would bring the account."""

    @property
    def balance_magnitude(self) -> float:
        """|S − K|: the size of the imbalance, whichever side invests more."""
        return abs(self.balance)

    @property
    def invest_alike(self) -> bool:
        """S and K are the same: "differ by 0 points" would read as a puzzle."""
        return not self.balance


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


@dataclass(frozen=True)
class FactorsSection:
    """The table of all factors."""

    scale: ScaleView
    rows: tuple[FactorRow, ...]
    compact: bool
    """More factors than the default catalog's: tighter rows keep the table on its page."""


@dataclass(frozen=True)
class HistorySection:
    """The account over time; there is none before its second assessment."""

    rows: tuple[HistoryRow, ...]
    trend_svg: str | None
    trend_alt: str
    """What the trend shows, in words: S and K in every quarter."""
    other_catalogs: OtherCatalogsNote | None
    """Which quarters were assessed with which other catalog; None when every quarter was assessed with
    this one."""


@dataclass(frozen=True)
class CoachingSection:
    """The catalog's questions answered with the account's figures, and how to read the briefing."""

    questions: tuple[CoachingQuestion, ...]
    """The catalog's questions, asked about this account; those of a known kind answered with its figures."""
    balance_tolerance: float
    catalog_title: str
    catalog_label: str


MOVE_WORDS = {
    MoveKind.SCALE_BACK: N_("we scale back"),
    MoveKind.ANSWER_IN_KIND: N_("we answer in kind"),
    MoveKind.ASK_KEY_ACCOUNT: N_("we ask the key account"),
}
"""A proposed move's kind as the proposal's table names it: who moves, and which way."""


@dataclass(frozen=True)
class MoveRow:
    """One proposed move: one side's score of one factor, and what it changes in S, K and S − K."""

    number: int
    label: str
    """The factor's short name: each move keeps to one line, so the proposal fits beside other sections."""
    kind: str
    """scale_back, answer_in_kind or ask_key_account, as CSS marks it by."""
    kind_words: str
    from_score: float
    to_score: float
    supplier_change: int
    key_account_change: int
    balance_change: int


@dataclass(frozen=True)
class PlanPoint:
    """S, K, S − K and the zone, today or once the proposed moves are made."""

    supplier_index: int
    key_account_index: int
    balance: int
    zone_name: str


@dataclass(frozen=True)
class ProposalSection:
    """The rebalancing proposal (internal edition only): the few factor moves that would bring the account
    into its target zone, or as close as the allowed moves come (see
    :mod:`reportgen.analysis.rebalancing`)."""

    target_name: str
    intended: bool
    """The target is the intended relationship; else balance at the key account's level."""
    reached: bool
    moves: tuple[MoveRow, ...]
    today: PlanPoint
    projected: PlanPoint
    most_moves: int
    most_points: int
    views_disagree: bool
    """The key account's own view puts the account in another zone: the proposal says it is made on ours."""


@dataclass(frozen=True)
class ActionRow:
    """One open action: what, who, by when, and since when it is open."""

    text: str
    owner: str | None
    due: date | None
    overdue: bool
    days_late: int
    """Days since it fell due, on the day the briefing is made; 0 unless overdue."""
    open_since: str | None
    """The quarter it has been open since, where that is before this one."""
    quarters_open: int
    carried_from: str | None
    """The quarter it was carried forward from: no workbook of this quarter lists it."""


@dataclass(frozen=True)
class ActionFactorGroup:
    """The open actions about one factor, or about the relationship as a whole."""

    number: int | None
    """The factor's number in the catalog; None for the relationship as a whole."""
    title: str
    """The factor's short name, so a narrow column holds it."""
    rows: tuple[ActionRow, ...]


@dataclass(frozen=True)
class ActionsSection:
    """The account's actions: the open ones by factor, overdue ones marked; the closed ones counted, since
    what a manager must see is what is open and late."""

    made_on: date
    """Overdue means due before this day."""
    groups: tuple[ActionFactorGroup, ...]
    open_count: int
    overdue_count: int
    done_count: int
    """Marked done by this quarter's workbook."""
    dropped_count: int
    only_shared: bool
    """Only the actions marked to share with the key account: the mutual action plan."""


@dataclass(frozen=True)
class BriefingView:
    """One briefing: what the document as a whole says of itself, and one section per template partial."""

    lang: str
    made_on: date
    account_name: str
    period: str
    author: str
    """Who assessed the account, else its key account manager: the PDF's author."""
    catalog_title: str
    catalog_label: str
    zone_name: str
    summary: SummarySection
    profile: ProfileSection
    factors: FactorsSection
    history: HistorySection | None
    coaching: CoachingSection
    perception: PerceptionSection | None = None
    """Only with the key account's own view."""
    team: TeamSection | None = None
    """Only with more than one rater."""
    proposal: ProposalSection | None = None
    """Only for an account outside its target, and only in the edition for our own team."""
    actions: ActionsSection | None = None
    """Only where the account has actions, this quarter's or carried forward."""

    @property
    def proposal_after_team(self) -> bool:
        """Where the proposal stands: after the team where there is one (with several voices the last page
        is full, the team's has room), else before the coaching questions, which then may go on over the
        page, so a single rater's briefing keeps its four pages where it can."""
        return self.team is not None


def factor_row(result: FactorResult, lang: str) -> FactorRow:
    factor = result.factor
    return FactorRow(
        number=result.number,
        title=factor.title.get(lang),
        label=factor.label(lang),
        supplier_means=factor.supplier.get(lang),
        key_account_means=factor.key_account.get(lang),
        supplier=result.supplier,
        key_account=result.key_account,
        gap=result.gap,
        over_investor=str(result.over_investor) if result.over_investor else None,
        comments=result.comments,
    )


NOT_RATED = N_("not rated")


def _says_not_rated(comments: tuple[str, ...]) -> bool:
    """Whether the first comment starts by saying the factor is not rated, in either language and case."""
    first = comments[0].casefold().lstrip() if comments else ""
    return any(first.startswith(gettext_for(lang)(NOT_RATED).casefold()) for lang in LANGUAGES)


DRIVER_COMMENT_CHARS = 280
PERCEPTION_COMMENT_CHARS = 200
"""Comments on the perception page are shortened to this, so that page holds; the table keeps them whole."""
COMPACT_TABLE_FROM = 17
"""From this many factors the table of all factors is set tighter."""
GAPS_NAMED = 3
"""Drivers the summary's reading names: enough to act on, few enough to read at a glance."""


def _briefly(row: FactorRow) -> FactorRow:
    """A driver with its comments shortened, so page 2 holds; the table keeps them whole."""
    short = tuple(textwrap.shorten(c, DRIVER_COMMENT_CHARS, placeholder=" …") for c in row.comments)
    return replace(row, comments=short)


def _history_rows(timeline: tuple[HistoryPoint, ...], lang: str) -> tuple[HistoryRow, ...]:
    """Each quarter's figures, its zone named as its own catalog names it."""
    rows = []
    for point in timeline:
        a = point.analysis
        rows.append(HistoryRow(
            period=str(point.period),
            supplier_index=a.supplier_index if a else None,
            key_account_index=a.key_account_index if a else None,
            balance=a.balance if a else None,
            zone_name=zone_label(a, a.catalog, lang) if a else None,
            other_catalog=point.other_catalog,
        ))  # fmt: skip
    return tuple(rows)


@dataclass(frozen=True)
class BriefingCharts:
    """The charts of one briefing as SVG text. They are made apart from the rest of the view so that
    they can be made ahead, in another process, while this one prepares the layout engine."""

    diagram_svg: str
    profile_svg: str
    trend_svg: str | None = None


def build_briefing(
    analysis: AccountAnalysis,
    lang: str,
    made_on: date,
    history: AccountHistory | None,
    charts: BriefingCharts,
) -> BriefingView:
    """The view of one briefing, section by section; *history* (up to this period) adds the trend and
    the changes since the previous assessment, and an account outside its target gets a rebalancing
    proposal. (The edition for the key account is a view of its own: :mod:`reportgen.views.shared_edition`.)

    Everything catalog-made – zones, texts, scale, questions – is the analysis's own catalog's. The
    *charts* are drawn apart (:func:`reportgen.charts.briefing_charts`), perhaps ahead in another process.
    """
    catalog = analysis.catalog
    account = analysis.assessment.account
    past = past_of(analysis, history)
    rows = tuple(factor_row(result, lang) for result in analysis.factors)
    drivers = tuple(_briefly(factor_row(result, lang)) for result in analysis.drivers)
    scale = ScaleView(
        catalog.scale.min,
        catalog.scale.max,
        tuple(catalog.scale.point_text(point, lang) for point in catalog.scale.worded_points),
    )
    plan = rebalancing_plan(analysis)
    summary = _summary(
        analysis,
        lang,
        past,
        rows,
        drivers,
        charts.diagram_svg,
        proposal_arrow=plan is not None and plan.moves_the_point,
    )
    team_dots = analysis.assessment.rated_by_a_team
    return BriefingView(
        lang=lang,
        made_on=made_on,
        account_name=account.name,
        period=str(analysis.assessment.period),
        author=analysis.assessment.assessed_by or account.key_account_manager or "",
        catalog_title=catalog.title.get(lang),
        catalog_label=analysis.catalog_label,
        zone_name=summary.zone_name,
        summary=summary,
        profile=ProfileSection(
            scale=scale,
            profile_svg=charts.profile_svg,
            profile_alt=profile_text(
                lang,
                len(rows),
                scale.min,
                scale.max,
                differ_most(analysis.factors, lang),
                team_dots=team_dots,
            ),
            balanced=analysis.zone.kind is ZoneKind.BALANCED,
            drivers=drivers,
            team_dots=team_dots,
        ),
        factors=FactorsSection(scale=scale, rows=rows, compact=len(rows) >= COMPACT_TABLE_FROM),
        history=_history(analysis, lang, past, charts.trend_svg),
        coaching=CoachingSection(
            questions=coaching_questions(analysis, lang),
            balance_tolerance=catalog.zones.balance_tolerance,
            catalog_title=catalog.title.get(lang),
            catalog_label=analysis.catalog_label,
        ),
        perception=_perception(analysis, lang, scale) if analysis.key_account_view else None,
        team=_team(analysis, lang) if len(analysis.assessment.raters) > 1 else None,
        proposal=_proposal(analysis, plan, lang) if plan is not None else None,
        actions=actions_section(analysis, history, lang, made_on, only_shared=False),
    )


def _summary(
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
        we_invest_more=analysis.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION,
        account_invests_more=analysis.zone.kind is ZoneKind.ACCOUNT_INVESTS_MORE,
        largest_gaps=tuple(row.label for row in drivers[:GAPS_NAMED]),
        since=_since(analysis, past.earlier[-1], lang) if past.earlier else None,
        not_rated_count=sum(1 for row in rows if not row.rated_both),
        diagram_svg=diagram_svg,
        diagram_alt=_diagram_alt(analysis, drivers, zone_label(analysis, catalog, lang), lang),
        key_account_view=_key_account_verdict(analysis, analysis.key_account_view, lang),
        questionnaire_command=(
            _questionnaire_command(assessment, lang)
            if assessment.rated_by_a_team and not assessment.has_key_account_view
            else None
        ),
        intended=_intended_verdict(analysis, lang),
        proposal_arrow=proposal_arrow,
    )


def factor_scores(row: FactorRow | FactorResult, lang: str) -> FactorScores:
    """A factor as an alt text names it: its short name and both sides' scores."""
    label = row.label if isinstance(row, FactorRow) else row.factor.label(lang)
    return FactorScores(label, row.supplier, row.key_account)


def differ_most(results: tuple[FactorResult, ...], lang: str) -> tuple[FactorScores, ...]:
    """The factors whose two sides lie furthest apart, in the order every report names gaps in: what a
    chart's alt text names where a sighted reader sees the longest bars."""
    return tuple(factor_scores(r, lang) for r in largest_gaps(results)[:GAPS_NAMED])


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


def _perception(analysis: AccountAnalysis, lang: str, scale: ScaleView) -> PerceptionSection:
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


def _rater_entries(raters: tuple[Rater, ...]) -> tuple[RaterEntry, ...]:
    return tuple(RaterEntry(rater.name, rater.role) for rater in raters)


def _spread_view(spread: Spread) -> SpreadView | None:
    if not spread.raters:
        return None
    return SpreadView(low=spread.low, high=spread.high, raters=spread.raters, alike=not spread.width)


def _team(analysis: AccountAnalysis, lang: str) -> TeamSection:
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


def _since(analysis: AccountAnalysis, previous: AccountAnalysis, lang: str) -> Since:
    return Since(
        period=str(previous.assessment.period),
        balance_change=analysis.balance - previous.balance,
        zone_changed=zone_changed(previous, analysis),
        previous_zone_name=zone_label(previous, previous.catalog, lang),
        zone_name=zone_label(analysis, analysis.catalog, lang),
    )


def _history(
    analysis: AccountAnalysis, lang: str, past: Past, trend_svg: str | None
) -> HistorySection | None:
    """The quarters since the first assessment; none before the second."""
    rows = _history_rows(past.timeline, lang)
    if not rows:
        return None
    return HistorySection(
        rows=rows,
        trend_svg=trend_svg,
        trend_alt=trend_text(
            lang, [QuarterIndices(r.period, r.supplier_index, r.key_account_index) for r in rows]
        ),
        other_catalogs=other_catalogs_note(
            ((r.period, r.other_catalog) for r in rows), analysis.catalog_label
        ),
    )


def _plan_point(point: Projection, analysis: AccountAnalysis, lang: str) -> PlanPoint:
    zone = zone_name(point.zone, analysis.catalog, lang)
    return PlanPoint(point.supplier_index, point.key_account_index, point.balance, zone)


def _proposal(analysis: AccountAnalysis, plan: Plan, lang: str) -> ProposalSection:
    """The plan in the report's words: each move with its factor and what it changes, where the account
    stands today and where the moves would bring it."""
    _ = gettext_for(lang)
    factors = {result.factor.id: result for result in analysis.factors}
    moves = []
    for move, effect in zip(plan.moves, plan.effects, strict=True):
        factor = factors[move.factor_id]
        moves.append(MoveRow(
            number=factor.number,
            label=factor.factor.label(lang),
            kind=move.kind.name.lower(),
            kind_words=_(MOVE_WORDS[move.kind]),
            from_score=move.from_score,
            to_score=move.to_score,
            supplier_change=effect.supplier_index,
            key_account_change=effect.key_account_index,
            balance_change=effect.balance,
        ))  # fmt: skip
    return ProposalSection(
        target_name=plan.target.name.get(lang),
        intended=plan.target.id == analysis.assessment.account.intended_type,
        reached=plan.reached,
        moves=tuple(moves),
        today=_plan_point(plan.today, analysis, lang),
        projected=_plan_point(plan.projected, analysis, lang),
        most_moves=analysis.catalog.rebalancing.max_moves,
        most_points=MOST_POINTS,
        views_disagree=analysis.zones_disagree,
    )


def _action_row(tracked: TrackedAction, made_on: date) -> ActionRow:
    action = tracked.action
    carried_from = tracked.carried_from
    return ActionRow(
        text=action.text,
        owner=action.owner,
        due=action.due,
        overdue=tracked.overdue_on(made_on),
        days_late=tracked.days_late(made_on),
        open_since=str(tracked.since) if tracked.quarters_open else None,
        quarters_open=tracked.quarters_open,
        carried_from=str(carried_from) if carried_from else None,
    )


def _action_group(group: ActionGroup, lang: str, made_on: date) -> ActionFactorGroup:
    rows = tuple(_action_row(tracked, made_on) for tracked in group.actions)
    title = action_factor_name(group.factor_id, group.factor, lang)
    return ActionFactorGroup(number=group.number, title=title, rows=rows)


def actions_section(
    analysis: AccountAnalysis,
    history: AccountHistory | None,
    lang: str,
    made_on: date,
    *,
    only_shared: bool,
) -> ActionsSection | None:
    """The account's actions in this quarter, with the open ones of earlier quarters carried forward
    (see :mod:`reportgen.analysis.actions`); overdue on *made_on*. *only_shared* keeps the actions marked to
    share with the key account, for the edition handed to it. None without any action, so a briefing of an
    account that keeps none is what it was."""
    tracked = tracked_actions(analysis, history)
    if only_shared:
        tracked = tuple(t for t in tracked if t.action.shared)
    if not tracked:
        return None
    still_open = [t for t in tracked if t.is_open]
    statuses = [t.action.status for t in tracked]
    return ActionsSection(
        made_on=reckoning_day(analysis.assessment.period, made_on),
        groups=tuple(_action_group(g, lang, made_on) for g in by_factor(still_open, analysis.catalog)),
        open_count=len(still_open),
        overdue_count=sum(1 for t in still_open if t.overdue_on(made_on)),
        done_count=statuses.count(ActionStatus.DONE),
        dropped_count=statuses.count(ActionStatus.DROPPED),
        only_shared=only_shared,
    )
