"""Actions across quarters: which of an account's actions stand in one period, since when they are open,
and which are overdue. Pure functions over analyses and histories; the briefing and the portfolio show
what they find.

A workbook lists its quarter's actions. A team does not copy every open action into the next quarter's
workbook, so an open action stays on the plan, carried forward, until a later workbook lists it again
(then that listing counts) or marks it done or dropped (then it is closed).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from reportgen.analysis.history import AccountHistory
from reportgen.model.assessment import Action, ActionStatus, Period
from reportgen.model.catalog import Catalog, Factor
from reportgen.model.findings import AccountAnalysis


@dataclass(frozen=True)
class TrackedAction:
    """One action as it stands in a period: its latest listing, and since when it is open."""

    action: Action
    """As the latest workbook that lists it has it: text, owner, due date and status."""
    factor: Factor | None
    """Its factor as the catalog of that workbook knows it; None for the relationship as a whole."""
    since: Period
    """The quarter since which it is open: the first of the unbroken run of quarters that listed it
    open. For an action closed in this period, the quarter it was first listed in, or listed open again
    after it was closed."""
    listed_in: Period
    """The latest quarter whose workbook lists it."""
    period: Period
    """The period it is shown in."""

    @property
    def is_open(self) -> bool:
        return self.action.status is ActionStatus.OPEN

    @property
    def carried_from(self) -> Period | None:
        """The quarter it was carried forward from: no workbook of this period lists it."""
        return self.listed_in if self.listed_in < self.period else None

    @property
    def quarters_open(self) -> int:
        """How many quarters have passed since it was opened: 0 for one opened in this period."""
        return self.period.ordinal - self.since.ordinal

    def overdue_on(self, made_on: date) -> bool:
        """Still open, and due before the period's reckoning day (see :func:`reckoning_day`)."""
        due = self.action.due
        return self.is_open and due is not None and due < reckoning_day(self.period, made_on)

    def days_late(self, made_on: date) -> int:
        """Days from its due date to the period's reckoning day; 0 unless it is overdue."""
        return (reckoning_day(self.period, made_on) - self.action.due).days if self.overdue_on(made_on) else 0


def reckoning_day(period: Period, made_on: date) -> date:
    """The day a report of *period* measures its actions against: the day it is made, but no later than
    the last day of the next quarter. By then the next assessment is due, and its workbook says how the
    actions stand; a report made today of an earlier quarter must not call overdue what a later workbook
    may have closed long ago."""
    after_next = Period.from_ordinal(period.ordinal + 2)
    return min(made_on, after_next.first_day() - timedelta(days=1))


@dataclass(frozen=True)
class _Listing:
    action: Action
    factor: Factor | None
    since: Period
    listed_in: Period


def _factor(catalog: Catalog, factor_id: str | None) -> Factor | None:
    """The factor of that id in *catalog*; None for the relationship as a whole (no factor has id None)
    and for a factor *catalog* does not have."""
    return next((f for f in catalog.factors if f.id == factor_id), None)


def _since(before: _Listing | None, action: Action, listed_in: Period) -> Period:
    """Since when an action listed in *listed_in* is open: since its first listing, unless it was closed
    before and is listed open again, which opens it anew."""
    if before is None:
        return listed_in
    reopened = before.action.status is not ActionStatus.OPEN and action.status is ActionStatus.OPEN
    return listed_in if reopened else before.since


def tracked_actions(analysis: AccountAnalysis, history: AccountHistory | None) -> tuple[TrackedAction, ...]:
    """The actions that stand in *analysis*'s period: those its own workbook lists, in the sheet's order,
    then the open ones of earlier quarters (*history*, the account's) that no later workbook lists,
    in the order they were first listed.

    A later listing wins: its status, owner and due date count, and done or dropped closes the action.
    An action listed open again after it was closed is open anew, since that quarter."""
    period = analysis.assessment.period
    earlier = history.all_before(period) if history else ()
    listings: dict[tuple[str | None, str], _Listing] = {}
    for step in (*earlier, analysis):
        step_period = step.assessment.period
        for action in step.assessment.actions:
            key = action.key
            before = listings.pop(key, None)
            listings[key] = _Listing(
                action,
                _factor(step.catalog, action.factor_id),
                _since(before, action, step_period),
                step_period,
            )
    now = [listing for listing in listings.values() if listing.listed_in == period]
    carried = sorted(
        (
            listing
            for listing in listings.values()
            if listing.listed_in < period and listing.action.status is ActionStatus.OPEN
        ),
        key=lambda listing: listing.since,
    )
    return tuple(
        TrackedAction(listing.action, listing.factor, listing.since, listing.listed_in, period)
        for listing in (*now, *carried)
    )


@dataclass(frozen=True)
class ActionGroup:
    """The actions about one factor, or about the relationship as a whole (*factor_id* None)."""

    factor_id: str | None
    factor: Factor | None
    """As the report's catalog knows it, else as the catalog of the workbook that listed the action."""
    number: int | None
    """The factor's number in the report's catalog; None for the relationship as a whole and for a
    factor that catalog does not have."""
    actions: tuple[TrackedAction, ...]


def _by_due_date(action: TrackedAction) -> tuple[bool, date, Period]:
    """The soonest due first, undated ones after the dated, then the oldest."""
    due = action.action.due
    return (due is None, due or date.max, action.since)


def by_factor(actions: Iterable[TrackedAction], catalog: Catalog) -> tuple[ActionGroup, ...]:
    """*actions* grouped by factor: the relationship as a whole first, since it frames the rest, then the
    factors in *catalog*'s order, then factors only an earlier catalog had, in the order met. Within a
    group the soonest due come first."""
    grouped: dict[str | None, list[TrackedAction]] = {}
    for action in actions:
        grouped.setdefault(action.action.factor_id, []).append(action)
    numbers = catalog.factor_numbers
    # A factor the catalog does not have sorts after all of its own; sorting is stable, so in the order met.
    order = sorted(grouped, key=lambda fid: (fid is not None, numbers.get(fid, math.inf)))
    groups = []
    for factor_id in order:
        items = sorted(grouped[factor_id], key=_by_due_date)
        factor = _factor(catalog, factor_id) or items[0].factor
        groups.append(ActionGroup(factor_id, factor, numbers.get(factor_id), tuple(items)))
    return tuple(groups)
