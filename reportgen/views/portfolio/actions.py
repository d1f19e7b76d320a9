"""The portfolio's section on actions: what the quarter's actions leave undone, the overdue ones and
the over-investing accounts that no open action addresses. A quarter with nothing to say about actions
has no such section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportgen.analysis.actions import reckoning_day
from reportgen.analysis.portfolio import OverdueAction, PortfolioAnalysis, overdue_actions
from reportgen.views.labels import action_factor_name
from reportgen.views.portfolio.account_rows import AccountRow, Rows


@dataclass(frozen=True)
class OverdueRow:
    """An account's open action that is overdue on the day the portfolio is made."""

    account: str
    anchor: str
    """The account's page in the appendix."""
    factor_number: int | None
    factor: str
    """The factor's short name, or the relationship as a whole."""
    text: str
    owner: str | None
    due: date
    days_late: int


@dataclass(frozen=True)
class ActionsSection:
    """What the quarter's actions leave undone: the overdue ones, and the over-investing accounts that no
    open action addresses."""

    made_on: date
    keeps_actions: bool
    """Some account has an action; otherwise the section says no workbook lists one."""
    overdue: tuple[OverdueRow, ...]
    without_action: tuple[AccountRow, ...]
    """In the supplier frustration zone (critical or not) in our view, without an open action."""
    any_over_investing: bool = True
    """Some account is in the supplier frustration zone: else the section says nothing of that zone,
    rather than that every one of none has an action."""


def _overdue_row(item: OverdueAction, row: AccountRow, lang: str) -> OverdueRow:
    action = item.tracked.action
    return OverdueRow(
        account=row.name,
        anchor=row.anchor,
        factor_number=item.group.number,
        factor=action_factor_name(item.group.factor_id, item.group.factor, lang),
        text=action.text,
        owner=action.owner,
        due=action.due,
        days_late=item.days_late,
    )


def actions_section(
    portfolio: PortfolioAnalysis, pick: Rows, made_on: date, lang: str
) -> ActionsSection | None:
    """The overdue actions and the over-investing accounts without an open one; None when there is
    neither, so a quarter with nothing to say about actions has no section."""
    overdue = overdue_actions(portfolio, made_on)
    without = portfolio.over_investing_without_action
    if not overdue and not without:
        return None
    return ActionsSection(
        made_on=reckoning_day(portfolio.period, made_on),
        keeps_actions=portfolio.keeps_actions,
        overdue=tuple(_overdue_row(item, pick.of(item.entry), lang) for item in overdue),
        without_action=pick(without),
        any_over_investing=bool(portfolio.over_investing),
    )
