"""The portfolio in one period: every account's position, how it moved, and the coaching questions
answered with data. Pure functions over analyses and histories.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportgen.analysis.actions import ActionGroup, TrackedAction, by_factor, tracked_actions
from reportgen.analysis.history import AccountHistory, sources_of
from reportgen.analysis.indices import as_seen_in, zone_changed, zone_ids
from reportgen.common.rounding import shown_score
from reportgen.model.assessment import Period, Side
from reportgen.model.catalog import Catalog, RelationshipType
from reportgen.model.findings import AccountAnalysis, FactorResult, GapClass, ZoneKind

FACTOR_MOVES = 3


@dataclass(frozen=True)
class FactorMove:
    now: FactorResult
    gap_before: float
    change: float
    """Gap now − gap before, in scale points: positive when we moved further ahead of the customer."""


@dataclass(frozen=True)
class PortfolioEntry:
    rank: int
    analysis: AccountAnalysis
    previous: AccountAnalysis | None
    factor_moves: tuple[FactorMove, ...]
    earlier: tuple[AccountAnalysis, ...] = ()
    """The account's assessments before this quarter, oldest first: the path to where it stands."""
    actions: tuple[TrackedAction, ...] = ()
    """Its actions in this quarter, the open ones of earlier quarters carried forward."""

    @property
    def has_open_action(self) -> bool:
        return any(a.is_open for a in self.actions)

    @property
    def name(self) -> str:
        return self.analysis.assessment.account.name

    @property
    def balance_change(self) -> float | None:
        return None if self.previous is None else self.analysis.balance - self.previous.balance

    @property
    def zone_changed(self) -> bool:
        return zone_changed(self.previous, self.analysis)

    @property
    def answering(self) -> AccountAnalysis:
        """The figures the coaching questions are answered with (see :func:`answering_analysis`)."""
        return answering_analysis(self.analysis)


@dataclass(frozen=True)
class PortfolioGap:
    """One side of one factor of one account that the key account sees otherwise than we do."""

    entry: PortfolioEntry
    factor: FactorResult
    """The factor as our view rated it."""
    side: Side
    """Whose investment is seen differently."""
    ours: float
    theirs: float
    difference: float
    """Our view's score minus the key account's, in scale points, as the analysis found it."""
    gap_class: GapClass


@dataclass(frozen=True)
class CapacityCheck:
    limit: int
    rated: tuple[PortfolioEntry, ...]
    """Accounts rated strategic partnerships (see :func:`is_rated_strategic`)."""
    intended: tuple[PortfolioEntry, ...]
    """Accounts meant to be strategic partnerships, whatever their rating."""

    @property
    def accounts(self) -> tuple[PortfolioEntry, ...]:
        seen = {id(e) for e in self.rated}
        return self.rated + tuple(e for e in self.intended if id(e) not in seen)

    @property
    def exceeded(self) -> bool:
        return len(self.accounts) > self.limit


@dataclass(frozen=True)
class PortfolioAnalysis:
    period: Period
    previous_period: Period
    entries: tuple[PortfolioEntry, ...]
    """Ranked by imbalance S − K, largest over-investment first."""
    zone_counts: tuple[tuple[str, int], ...]
    over_investing: tuple[PortfolioEntry, ...]
    """In the supplier frustration zone in our view, as the zone counts and the ranking show them."""
    over_investment_answer: tuple[PortfolioEntry, ...]
    """The answer to the over-investment question: in the supplier frustration zone by the figures the
    answers use (:func:`answering_analysis`)."""
    lean: tuple[PortfolioEntry, ...]
    """Lean by the figures the answers use."""
    strategic: tuple[PortfolioEntry, ...]
    """Rated strategic partnerships (see :func:`is_rated_strategic`)."""
    scale_back: tuple[PortfolioEntry, ...]
    """Candidates to scale back by the figures the answers use."""
    capacity: CapacityCheck
    dropped: tuple[str, ...]
    """Accounts assessed in the previous period but not in this one."""
    catalog: Catalog
    """The portfolio's own catalog, for its map, zone order, capacity and questions: the one most of its
    accounts were assessed with. Every account keeps its zone from its own catalog."""
    catalogs_used: tuple[tuple[str, int], ...] = ()
    """Each catalog the quarter's accounts were assessed with and how many, the portfolio's first."""
    perception_gaps: tuple[PortfolioGap, ...] = ()
    """Every side of a factor that an account's key account sees otherwise than we do, largest first."""

    @property
    def with_key_account_view(self) -> tuple[PortfolioEntry, ...]:
        """The accounts whose key account answered its own questionnaire."""
        return tuple(e for e in self.entries if e.analysis.key_account_view is not None)

    @property
    def zones_disagree(self) -> tuple[PortfolioEntry, ...]:
        """The accounts the key account's own view puts in another zone than ours."""
        return tuple(e for e in self.entries if e.analysis.zones_disagree)

    @property
    def over_investing_in_our_view_only(self) -> tuple[PortfolioEntry, ...]:
        """In the supplier frustration zone in our view, but not as the key account sees it: the answers
        leave them out, and the report says so."""
        answered = {id(e) for e in self.over_investment_answer}
        return tuple(e for e in self.over_investing if id(e) not in answered)

    @property
    def over_investing_without_action(self) -> tuple[PortfolioEntry, ...]:
        """In the supplier frustration zone in our view, critical or not, with no open action, carried
        forward ones included: an imbalance nobody has set out to change."""
        return tuple(e for e in self.over_investing if not e.has_open_action)

    @property
    def keeps_actions(self) -> bool:
        """Some account of the quarter has an action, open or closed, this quarter's or carried forward."""
        return any(e.actions for e in self.entries)

    @property
    def movements(self) -> tuple[PortfolioEntry, ...]:
        return tuple(e for e in self.entries if e.zone_changed)

    @property
    def newcomers(self) -> tuple[PortfolioEntry, ...]:
        return tuple(e for e in self.entries if e.previous is None)


def preferred_type(catalog: Catalog) -> RelationshipType | None:
    """The relationship type after lean KAM (the preferred partner), if the catalog has one."""
    types = catalog.zones.relationship_types
    return types[1] if len(types) > 1 else None


def strategic_type(catalog: Catalog) -> RelationshipType | None:
    """The catalog's highest relationship type, the strategic partnership, if it has one beyond lean KAM.

    A catalog of one type knows only lean KAM: that one type is no partnership to count against the
    capacity for strategic partnerships, nor one to describe the way there.
    """
    types = catalog.zones.relationship_types
    return types[-1] if len(types) > 1 else None


def answering_analysis(analysis: AccountAnalysis) -> AccountAnalysis:
    """The analysis the coaching answers use: the key account's own view where its contacts answered,
    else ours (*analysis* itself).

    The key account knows best what it invests, and whether it reflects what we give is its answer to
    give, not our guess; suppliers are known to guess their customers too optimistically. The copy keeps
    the key account's view and the perception gaps beside its figures, so a report can still name ours.
    """
    theirs = analysis.key_account_view
    return analysis if theirs is None else as_seen_in(analysis, theirs)


def is_rated_strategic(analysis: AccountAnalysis) -> bool:
    """Rated a strategic partnership: our view puts it there, and so does the key account's own view
    where its contacts answered.

    A strategic partnership is like a marriage, both must say yes: an account the key account itself
    does not see as one is no partnership the capacity check should count, and one only the key account
    sees as such is not one we run yet.
    """
    strategic = strategic_type(analysis.catalog)
    if strategic is None:
        return False
    theirs = analysis.key_account_view
    return analysis.zone.id == strategic.id and (theirs is None or theirs.zone.id == strategic.id)


def _intends_strategic(analysis: AccountAnalysis) -> bool:
    """Meant to become a strategic partnership: its intended relationship is the catalog's highest type."""
    strategic = strategic_type(analysis.catalog)
    return strategic is not None and analysis.assessment.account.intended_type == strategic.id


def is_scale_back_candidate(analysis: AccountAnalysis) -> bool:
    """We over-invest, and the customer does not even invest like a preferred partner.

    It wants a reliable supplier, so lean KAM is the honest answer. The portfolio lists these
    accounts and a briefing says whether its account is one.
    """
    preferred = preferred_type(analysis.catalog)
    invests_like_partner = preferred is not None and preferred.admits(analysis.key_account_index)
    return analysis.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION and not invests_like_partner


def factor_moves(
    now: AccountAnalysis, before: AccountAnalysis, limit: int = FACTOR_MOVES
) -> tuple[FactorMove, ...]:
    """The factors whose gap changed most between two assessments (rated both times only)."""
    earlier = {r.factor.id: r for r in before.factors}
    moves = []
    for result in now.factors:
        old = earlier.get(result.factor.id)
        if result.gap is None or old is None or old.gap is None or result.gap == old.gap:
            continue
        moves.append(FactorMove(result, old.gap, shown_score(result.gap - old.gap)))
    moves.sort(key=lambda m: (-abs(m.change), m.now.number))
    return tuple(moves[:limit])


def _main_catalog(analyses: list[AccountAnalysis], default: Catalog) -> Catalog:
    """The catalog most *analyses* were made with; on a tie (or none at all) *default* where it is one."""
    counts = Counter(a.catalog.label() for a in analyses)
    if not counts:
        return default
    most = max(counts.values())
    if counts.get(default.label()) == most:
        return default
    label = next(label for label, count in counts.items() if count == most)
    return next(a.catalog for a in analyses if a.catalog.label() == label)


def analyse_portfolio(
    histories: dict[str, AccountHistory], period: Period, catalog: Catalog
) -> PortfolioAnalysis:
    """The portfolio in *period*; "previous" is each account's latest earlier assessment.

    Indices are on 0–100 whatever the catalog, so accounts assessed with different catalogs share one
    ranking and map; each keeps the zone its own catalog gives it, and lean, strategic and scale-back
    are judged by its own catalog's relationship types. *catalog* decides a tie for the portfolio's
    own catalog (see :attr:`PortfolioAnalysis.catalog`)."""
    entries = []
    for history in histories.values():
        current = history.at(period)
        if current is None:
            continue
        previous = history.before(period)
        moves = factor_moves(current, previous) if previous else ()
        earlier = history.all_before(period)
        entries.append((current, previous, moves, earlier, tracked_actions(current, history)))
    entries.sort(key=lambda item: (-item[0].balance, item[0].assessment.account.name.casefold()))
    ranked = tuple(PortfolioEntry(rank, *item) for rank, item in enumerate(entries, start=1))
    main = _main_catalog([e.analysis for e in ranked], catalog)

    over = tuple(e for e in ranked if e.analysis.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION)
    over_answer = tuple(e for e in ranked if e.answering.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION)
    strategic = tuple(e for e in ranked if is_rated_strategic(e.analysis))
    intended = tuple(e for e in ranked if _intends_strategic(e.analysis))
    counts = {zone: 0 for zone in zone_ids(main)}
    for entry in ranked:
        counts[entry.analysis.zone.id] = counts.get(entry.analysis.zone.id, 0) + 1
    used = Counter(e.analysis.catalog.label() for e in ranked)
    dropped = tuple(sorted(a.assessment.account.name for a in not_assessed_again(histories, period)))
    return PortfolioAnalysis(
        period=period,
        previous_period=period.previous(),
        entries=ranked,
        zone_counts=tuple(counts.items()),
        over_investing=over,
        over_investment_answer=over_answer,
        lean=tuple(
            e for e in ranked if e.answering.zone.id == e.analysis.catalog.zones.relationship_types[0].id
        ),
        strategic=strategic,
        scale_back=tuple(e for e in over_answer if is_scale_back_candidate(e.answering)),
        capacity=CapacityCheck(main.zones.strategic_capacity, strategic, intended),
        dropped=dropped,
        catalog=main,
        catalogs_used=tuple(sorted(used.items(), key=lambda item: (item[0] != main.label(), -item[1]))),
        perception_gaps=portfolio_gaps(ranked),
    )


def portfolio_gaps(entries: tuple[PortfolioEntry, ...]) -> tuple[PortfolioGap, ...]:
    """Each side of a factor that a key account sees otherwise than we do (not aligned), largest
    difference first, then in the ranking's and the catalog's order."""
    gaps = []
    for entry in entries:
        for gap in entry.analysis.perception:
            sides = (
                (Side.SUPPLIER, gap.ours.supplier, gap.theirs.supplier, gap.supplier, gap.supplier_class),
                (
                    Side.KEY_ACCOUNT,
                    gap.ours.key_account,
                    gap.theirs.key_account,
                    gap.key_account,
                    gap.key_account_class,
                ),
            )
            for side, ours, theirs, difference, gap_class in sides:
                if gap_class is None or gap_class is GapClass.ALIGNED:
                    continue
                gaps.append(PortfolioGap(entry, gap.ours, side, ours, theirs, difference, gap_class))
    gaps.sort(key=lambda g: (-abs(g.difference), g.entry.rank, g.factor.number, g.side is Side.KEY_ACCOUNT))
    return tuple(gaps)


def portfolio_sources(histories: dict[str, AccountHistory], period: Period) -> set[Path]:
    """The files the portfolio of *period* draws on, so that make re-renders it when one of them changes
    and leaves it alone otherwise: those of :func:`portfolio_analyses`, with the files of all raters."""
    return set(sources_of(portfolio_analyses(histories, period)))


def portfolio_analyses(histories: dict[str, AccountHistory], period: Period) -> list[AccountAnalysis]:
    """The assessments the portfolio of *period* draws on: the whole path up to *period* of every account
    assessed in it (its previous assessment and the appendix diagrams), and for an account dropped since
    the previous quarter the assessment that gives its name. It mirrors what :func:`analyse_portfolio`
    and the report's appendix read."""
    analyses = [a for h in histories.values() if h.at(period) is not None for a in h.up_to(period).analyses]
    return analyses + not_assessed_again(histories, period)


def not_assessed_again(histories: dict[str, AccountHistory], period: Period) -> list[AccountAnalysis]:
    """The previous quarter's assessments of the accounts that have none in *period*: the portfolio
    names them."""
    previous = period.previous()
    return [h.at(previous) for h in histories.values() if h.at(period) is None and h.at(previous) is not None]


@dataclass(frozen=True)
class OverdueAction:
    """An open action of an account, due before the day the portfolio is made."""

    entry: PortfolioEntry
    tracked: TrackedAction
    group: ActionGroup
    """Its factor's group, as the account's briefing lists it."""
    days_late: int


def overdue_actions(portfolio: PortfolioAnalysis, day: date) -> tuple[OverdueAction, ...]:
    """Every account's overdue actions on *day*: by account in the ranking's order, each account's in its
    briefing's order (by factor, the soonest due first)."""
    overdue = []
    for entry in portfolio.entries:
        late = [a for a in entry.actions if a.overdue_on(day)]
        for group in by_factor(late, entry.analysis.catalog):
            overdue.extend(OverdueAction(entry, a, group, a.days_late(day)) for a in group.actions)
    return tuple(overdue)
