"""The portfolio's cover: the zones counted, the quarter in a few sentences, the contents.

The cover words its own counts ("3 relationships are balanced", "Since 2026-Q2: 1 account changed
zone"), leaving out each count of no account; no other section uses these messages, so they stand here
with the sentences made of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.portfolio import PortfolioAnalysis
from reportgen.common.i18n import N_, Nn_, Plural, gettext_for
from reportgen.model.findings import SUPPLIER_FRUSTRATION_CRITICAL, ZoneKind
from reportgen.views.labels import listed, zone_names
from reportgen.views.portfolio.account_rows import AccountRow, Capacity, Rows

ASSESSED = Nn_(
    "%(num)s account was assessed for %(period)s.", "%(num)s accounts were assessed for %(period)s."
)
BALANCED = Nn_("%(num)s relationship is balanced", "%(num)s relationships are balanced")
FRUSTRATED = Nn_(
    "%(num)s sits in the supplier frustration zone", "%(num)s sit in the supplier frustration zone"
)
CRITICALLY = Nn_("%(num)s of them critically", "%(num)s of them critically")
ACCOUNT_MORE = Nn_(
    "in %(num)s the key account invests more than we do", "in %(num)s the key account invests more than we do"
)
CHANGED_ZONE = Nn_("%(num)s account changed zone", "%(num)s accounts changed zone")
NEWCOMERS = Nn_("%(num)s was assessed for the first time", "%(num)s were assessed for the first time")
DROPPED = Nn_("%(num)s was not assessed again", "%(num)s were not assessed again")
SINCE = N_("Since %(period)s: %(changes)s.")
NOTHING_SINCE = N_("Since %(period)s no account changed zone.")
WITH_THEIR_VIEW = Nn_(
    "%(num)s account has the key account's own view as well as ours",
    "%(num)s accounts have the key account's own view as well as ours",
)
IN_ANOTHER_ZONE = Nn_(
    "in %(num)s of them it puts the account in another zone",
    "in %(num)s of them it puts the account in another zone",
)


@dataclass(frozen=True)
class ZoneCount:
    zone_id: str
    name: str
    count: int


@dataclass(frozen=True)
class CoverSection:
    """The cover: the zones counted, the quarter in a few sentences, the contents."""

    catalog_title: str
    period: str
    previous_period: str
    zone_counts: tuple[ZoneCount, ...]
    largest_over_investment: AccountRow | None
    capacity: Capacity
    key_account_view_count: int = 0
    """Accounts whose key account answered its own questionnaire: the contents list their section."""
    actions_listed: bool = False
    """The report has a section on actions: the contents name it."""
    effort_listed: bool = False
    """The report has a section on effort and return: the contents name it."""
    standing: str = ""
    """How many accounts were assessed and where they stand, worded: a count of no account is left out."""
    changes: tuple[str, ...] = ()
    """What changed since the previous quarter, and how many have the key account's own view, worded."""


def cover_section(
    portfolio: PortfolioAnalysis,
    pick: Rows,
    capacity: Capacity,
    lang: str,
    actions_listed: bool,
    effort_listed: bool = False,
) -> CoverSection:
    names = {}
    for entry in portfolio.entries:  # a zone only another catalog has is named as that catalog names it
        names.update(zone_names(entry.analysis.catalog, lang))
    names.update(zone_names(portfolio.catalog, lang))
    over_investing = pick(portfolio.over_investing)
    standing, changes = _cover_sentences(portfolio, lang)
    return CoverSection(
        catalog_title=portfolio.catalog.title.get(lang),
        period=str(portfolio.period),
        previous_period=str(portfolio.previous_period),
        zone_counts=tuple(ZoneCount(zone, names[zone], count) for zone, count in portfolio.zone_counts),
        largest_over_investment=over_investing[0] if over_investing else None,
        capacity=capacity,
        key_account_view_count=len(portfolio.with_key_account_view),
        actions_listed=actions_listed,
        effort_listed=effort_listed,
        standing=standing,
        changes=changes,
    )


def _counted(message: Plural, count: int, lang: str, **params) -> str:
    return message.pick(lang, count) % {"num": count, **params}


def _sentence(clauses: list[str], lang: str) -> str:
    """*clauses* as one sentence: listed, its first letter a capital, a full stop at its end."""
    text = listed(clauses, lang)
    return f"{text[:1].upper()}{text[1:]}."


def _cover_sentences(portfolio: PortfolioAnalysis, lang: str) -> tuple[str, tuple[str, ...]]:
    """How many accounts stand where, what moved since the previous quarter, and how many have the key
    account's own view: each count of no account is left out (no "0 were assessed for the first time"),
    and a sentence with nothing to count says so plainly or is left out."""
    _ = gettext_for(lang)
    counts = dict(portfolio.zone_counts)
    balanced = sum(1 for e in portfolio.entries if e.analysis.zone.kind is ZoneKind.BALANCED)
    critical = counts.get(SUPPLIER_FRUSTRATION_CRITICAL, 0)
    over_investing = len(portfolio.over_investing)
    frustrated = _counted(FRUSTRATED, over_investing, lang)
    if critical:
        frustrated += f" ({_counted(CRITICALLY, critical, lang)})"
    account_more = counts.get(ZoneKind.ACCOUNT_INVESTS_MORE, 0)
    standing = [_counted(BALANCED, balanced, lang)] if balanced else []
    if over_investing:
        standing.append(frustrated)
    if account_more:
        standing.append(_counted(ACCOUNT_MORE, account_more, lang))
    assessed = _counted(ASSESSED, len(portfolio.entries), lang, period=portfolio.period)
    period = str(portfolio.previous_period)
    changes = [
        text
        for count, text in (
            (len(portfolio.movements), _counted(CHANGED_ZONE, len(portfolio.movements), lang)),
            (len(portfolio.newcomers), _counted(NEWCOMERS, len(portfolio.newcomers), lang)),
            (
                len(portfolio.dropped),
                f"{_counted(DROPPED, len(portfolio.dropped), lang)} ({', '.join(portfolio.dropped)})",
            ),
        )
        if count
    ]
    since = _(SINCE) % {"period": period, "changes": listed(changes, lang)} if changes else None
    sentences = [since or _(NOTHING_SINCE) % {"period": period}]
    if with_view := len(portfolio.with_key_account_view):
        views = [_counted(WITH_THEIR_VIEW, with_view, lang)]
        if disagree := len(portfolio.zones_disagree):
            views.append(_counted(IN_ANOTHER_ZONE, disagree, lang))
        sentences.append(f"{'; '.join(views)}.")
    return f"{assessed} {_sentence(standing, lang)}", tuple(sentences)
