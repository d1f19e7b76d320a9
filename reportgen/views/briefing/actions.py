"""The account's actions as a briefing lists them: the open ones by factor, overdue ones marked, the closed
ones counted.

Both editions show this section – the internal briefing all actions, the key account's edition only those
marked to share – so it stands on its own, built once for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportgen.analysis.actions import ActionGroup, TrackedAction, by_factor, reckoning_day, tracked_actions
from reportgen.analysis.history import AccountHistory
from reportgen.common.i18n import translations
from reportgen.model.assessment import ActionStatus
from reportgen.model.findings import AccountAnalysis
from reportgen.views.labels import action_factor_name


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
    lateness: str | None
    """How late it is, in words ("150 days overdue"); None unless overdue."""
    state: str
    """"open", or since when ("open since 2026-Q2 (1 quarter)")."""
    carried: str | None
    """Where it was carried forward from, in words; None unless carried. The PDF and the deck word a row
    alike from these three, each laying them out in its own way."""


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
    counts: str
    """How many are open and overdue, and how many were closed this quarter, in words (without a full stop):
    the section's lead in the PDF and on the deck's slide."""


def _action_row(tracked: TrackedAction, made_on: date, lang: str) -> ActionRow:
    action = tracked.action
    carried_from = tracked.carried_from
    words = translations(lang)
    overdue, days_late = tracked.overdue_on(made_on), tracked.days_late(made_on)
    state = words.gettext("open")
    if tracked.quarters_open:
        quarters = words.ngettext("%(num)s quarter", "%(num)s quarters", tracked.quarters_open)
        # "(1 quarter)" kept whole: a narrow status column broke it between the count and its unit
        counted = (quarters % {"num": tracked.quarters_open}).replace(" ", "\u00a0")
        state = words.gettext("open since %(period)s") % {"period": tracked.since} + f" ({counted})"
    return ActionRow(
        text=action.text,
        owner=action.owner,
        due=action.due,
        overdue=overdue,
        days_late=days_late,
        open_since=str(tracked.since) if tracked.quarters_open else None,
        quarters_open=tracked.quarters_open,
        carried_from=str(carried_from) if carried_from else None,
        lateness=(
            words.ngettext("%(num)s day overdue", "%(num)s days overdue", days_late) % {"num": days_late}
            if overdue
            else None
        ),
        state=state,
        carried=words.gettext("carried forward from %(period)s") % {"period": carried_from}
        if carried_from
        else None,
    )


def _action_group(group: ActionGroup, lang: str, made_on: date) -> ActionFactorGroup:
    rows = tuple(_action_row(tracked, made_on, lang) for tracked in group.actions)
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
    overdue = sum(1 for t in still_open if t.overdue_on(made_on))
    done, dropped = statuses.count(ActionStatus.DONE), statuses.count(ActionStatus.DROPPED)
    return ActionsSection(
        made_on=reckoning_day(analysis.assessment.period, made_on),
        groups=tuple(_action_group(g, lang, made_on) for g in by_factor(still_open, analysis.catalog)),
        open_count=len(still_open),
        overdue_count=overdue,
        done_count=done,
        dropped_count=dropped,
        only_shared=only_shared,
        counts=_counts(len(still_open), overdue, done, dropped, lang),
    )


def _counts(still_open: int, overdue: int, done: int, dropped: int, lang: str) -> str:
    """ "3 open actions, 1 of them overdue; closed this quarter: 1 done, 0 dropped"."""
    words = translations(lang)
    if still_open:
        text = words.ngettext("%(num)s open action", "%(num)s open actions", still_open) % {"num": still_open}
        if overdue:
            text += ", " + words.ngettext("%(num)s of them overdue", "%(num)s of them overdue", overdue) % {
                "num": overdue
            }
    else:
        text = words.gettext("No action is open")
    if done or dropped:
        text += "; " + words.gettext("closed this quarter: %(done)s done, %(dropped)s dropped") % {
            "done": done,
            "dropped": dropped,
        }
    return text
