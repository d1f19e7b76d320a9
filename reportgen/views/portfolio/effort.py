"""The portfolio's section "Effort and return": what the accounts of each zone take in hours and money and
what they give back, where serving takes the largest share of the margin, the whale curve, and what
scaling the candidates back would free (which the answer to the scale-back question words).

Every figure is worded here, in the report's language; the template only lays the words out. A figure
that is not known reads "–" in a table and is left out of a sentence, never written as 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.cost_to_serve import BENCHMARK_ACCOUNTS
from reportgen.analysis.effort_and_return import EffortAndReturn, GroupEffort, ScaleBack, Sums
from reportgen.analysis.portfolio import PortfolioAnalysis, PortfolioEntry
from reportgen.common.i18n import N_, Formatter, Nn_, gettext_for
from reportgen.views.chart_texts import EFFORT_NOT_SHOWN, WhaleFigures, effort_chart_text, whale_curve_text
from reportgen.views.labels import hours_text, listed, zone_names
from reportgen.views.portfolio.account_rows import AccountRow, Rows

RANKED_SHOWN = 10
"""The accounts the ranked list shows: those where serving takes the largest share of the margin."""

NOT_KNOWN = "–"

FRUSTRATION_TAKES = N_(
    "The accounts in the supplier frustration zone take {hours} of our hours and bring {margin} of the "
    "contribution margin."
)
FRUSTRATION_HOURS_ONLY = N_(
    "The accounts in the supplier frustration zone take {hours} of our hours; their contribution margin is "
    "not given."
)
FRUSTRATION_NOTHING = N_("No account in the supplier frustration zone gives its effort.")
FRUSTRATION_PARTLY = N_("Hours given for {given} of its {n} accounts.")
"""Only where some of the zone's accounts give none: two at least."""
COVERAGE = Nn_("Effort given for {given} of {n} account.", "Effort given for {given} of {n} accounts.")
WITHOUT = N_("Without: {accounts}.")
OTHER_CURRENCY = N_(
    "Amounts are added in {currency}; not added, being in another currency: {accounts}. Their hours count."
)
RANKED_PART = N_("The {shown} of {n} accounts with the highest share.")
NO_SHARE = N_("margin not above zero")
"""In the share's place, where the margin is nothing or less: all we spend is more than comes back."""
ALL_ACCOUNTS = N_("All accounts")

CANDIDATES_TAKE = N_(
    "The candidates take {hours} a year ({hours_share} of our hours) and {cost} to serve, {cost_share} of "
    "their contribution margin of {margin}."
)
CANDIDATES_TAKE_NO_MARGIN = N_(
    "The candidates take {hours} a year ({hours_share} of our hours) and {cost} to serve; their "
    "contribution margin is not given."
)
CANDIDATES_TAKE_NO_SHARE = N_(
    "The candidates take {hours} a year ({hours_share} of our hours) and {cost} to serve, against a "
    "contribution margin of {margin}."
)
CANDIDATES_TAKE_UNPAIRED = N_(
    "The candidates take {hours} a year ({hours_share} of our hours) and {cost} to serve; not each of them "
    "gives both its cost and its contribution margin, so the two are not set against each other."
)
CANDIDATES_GIVE_NOTHING = N_(
    "None of the candidates gives its hours, so what scaling back would free is not known."
)
WOULD_FREE = N_(
    "Scaled back to the median of the accounts in “{lean}” ({median}), they would free {hours} and {amount} "
    "a year."
)
WOULD_FREE_HOURS = N_(
    "Scaled back to the median of the accounts in “{lean}” ({median}), they would free {hours} a year."
)
NO_BENCHMARK = N_(
    "What scaling back would free needs a benchmark: at least {least} accounts in “{lean}” that give their "
    "hours (now {n})."
)


@dataclass(frozen=True)
class ZoneFigures:
    """One line of the table by zone, every figure worded ("–" where not known)."""

    zone_id: str
    zone_name: str
    accounts: int
    with_hours: int
    hours: str
    hours_share: str
    cost_to_serve: str
    contribution_margin: str
    margin_share: str


@dataclass(frozen=True)
class RankedAccount:
    """An account of the ranked list, its amounts in its own currency."""

    place: int
    row: AccountRow
    hours: str
    cost_to_serve: str
    contribution_margin: str
    share: str
    margin_after_service: str
    losing: bool
    """Less is left than nothing: the report marks it."""


@dataclass(frozen=True)
class EffortSection:
    headline: str | None
    """What the supplier frustration zone takes and brings; None without an account in it."""
    coverage: str
    without: str | None
    """The accounts that give no hours, named."""
    other_currency: str | None
    zones: tuple[ZoneFigures, ...]
    total: ZoneFigures
    ranked: tuple[RankedAccount, ...]
    ranked_part: str | None
    """Where the list shows only the first accounts, how many of how many."""
    chart_svg: str | None
    chart_alt: str
    not_shown: str | None
    """The accounts the chart cannot place: no share of a margin of nothing or less."""
    whale_svg: str | None
    whale_alt: str
    whale_words: str | None
    """The curve's peak and its end, worded; None without a point."""


class _Words:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._ = gettext_for(lang)
        self.formatter = Formatter(lang)

    def hours(self, value: float | None) -> str:
        if value is None:
            return NOT_KNOWN
        return hours_text(value, self.lang)

    def number(self, value: float | None) -> str:
        return self.formatter.number(value)

    def money(self, value: float | None, currency: str | None) -> str:
        return NOT_KNOWN if value is None or currency is None else self.formatter.money(value, currency)

    def percent(self, value: float | None) -> str:
        return NOT_KNOWN if value is None else self.formatter.percent(value)


def _figures(key: str, name: str, group: GroupEffort, words: _Words) -> ZoneFigures:
    sums = group.sums
    return ZoneFigures(
        zone_id=key,
        zone_name=name,
        accounts=len(sums.accounts),
        with_hours=sums.with_hours,
        hours=words.number(sums.hours) if sums.hours is not None else NOT_KNOWN,
        hours_share=words.percent(group.hours_share),
        cost_to_serve=words.money(sums.cost_to_serve, sums.currency),
        contribution_margin=words.money(sums.contribution_margin, sums.currency),
        margin_share=words.percent(group.margin_share),
    )


def _headline(figures: EffortAndReturn, words: _Words) -> str | None:
    group = figures.frustration
    if not group.sums.accounts:
        return None
    _ = words._
    if group.hours_share is None:
        return _(FRUSTRATION_NOTHING)
    hours = words.percent(group.hours_share)
    if group.margin_share is None:
        text = _(FRUSTRATION_HOURS_ONLY).format(hours=hours)
    else:
        text = _(FRUSTRATION_TAKES).format(hours=hours, margin=words.percent(group.margin_share))
    accounts = len(group.sums.accounts)
    if group.sums.with_hours < accounts:
        text += " " + _(FRUSTRATION_PARTLY).format(n=accounts, given=group.sums.with_hours)
    return text


def _ranked(entry: PortfolioEntry, place: int, row: AccountRow, words: _Words) -> RankedAccount:
    figures = entry.analysis.cost_to_serve
    left = figures.margin_after_service
    return RankedAccount(
        place=place,
        row=row,
        hours=words.number(figures.effort_hours) if figures.effort_hours is not None else NOT_KNOWN,
        cost_to_serve=words.money(figures.amount, figures.currency),
        contribution_margin=words.money(figures.contribution_margin, figures.currency),
        share=words._(NO_SHARE) if figures.share is None else words.percent(figures.share),
        margin_after_service=words.money(left, figures.currency),
        losing=left is not None and left < 0,
    )


def _names(entries: tuple[PortfolioEntry, ...], lang: str) -> str:
    return listed([e.name for e in entries], lang)


def effort_section(
    portfolio: PortfolioAnalysis,
    figures: EffortAndReturn,
    pick: Rows,
    lang: str,
    chart_svg: str | None = None,
    whale_svg: str | None = None,
) -> EffortSection | None:
    """The section, or None where no account gives any figure: then there is nothing to show."""
    if not figures.given:
        return None
    words = _Words(lang)
    _ = words._
    names = {}
    for entry in portfolio.entries:  # a zone only another catalog has is named as that catalog names it
        names.update(zone_names(entry.analysis.catalog, lang))
    names.update(zone_names(portfolio.catalog, lang))
    accounts = len(portfolio.entries)
    without = figures.without_hours
    other = figures.other_currency
    ranked = figures.ranked[:RANKED_SHOWN]
    whale = figures.whale
    whale_figures = WhaleFigures(
        accounts=len(whale.points),
        peak=words.money(whale.peak.cumulative, whale.currency) if whale.peak else NOT_KNOWN,
        peak_accounts=whale.peak_at,
        total=words.money(whale.total, whale.currency),
    )
    plotted = [e for e in figures.ranked if e.analysis.cost_to_serve.share is not None]
    highest = (plotted[0].name, words.percent(plotted[0].analysis.cost_to_serve.share)) if plotted else None
    not_shown = [e.name for e in figures.ranked if e.analysis.cost_to_serve.share is None]
    return EffortSection(
        headline=_headline(figures, words),
        coverage=COVERAGE.pick(lang, accounts).format(given=len(figures.with_hours), n=accounts),
        without=_(WITHOUT).format(accounts=_names(without, lang)) if without else None,
        other_currency=_(OTHER_CURRENCY).format(
            currency=figures.currency,
            accounts=listed([f"{e.name} ({e.analysis.cost_to_serve.currency})" for e in other], lang),
        )
        if other
        else None,
        zones=tuple(_figures(z.zone_id, names[z.zone_id], z, words) for z in figures.zones),
        total=_figures("", _(ALL_ACCOUNTS), _all(figures.total), words),
        ranked=tuple(_ranked(e, n, pick.of(e), words) for n, e in enumerate(ranked, start=1)),
        ranked_part=_(RANKED_PART).format(shown=len(ranked), n=len(figures.ranked))
        if len(ranked) < len(figures.ranked)
        else None,
        chart_svg=chart_svg,
        chart_alt=effort_chart_text(lang, len(plotted), highest, not_shown),
        not_shown=_(EFFORT_NOT_SHOWN).format(accounts=listed(not_shown, lang)) if not_shown else None,
        whale_svg=whale_svg if whale.points else None,
        whale_alt=whale_curve_text(lang, whale_figures) if whale.points else "",
        whale_words=whale_curve_text(lang, whale_figures, chart=False) if whale.points else None,
    )


def _all(total: Sums) -> GroupEffort:
    """All accounts as a group: each share of itself is all (where it has anything to share)."""
    return GroupEffort(total, 1.0 if total.hours else None, 1.0 if total.contribution_margin else None)


def scale_back_words(scale_back: ScaleBack, lang: str) -> tuple[str, ...]:
    """What the candidates to scale back take, and what scaling them back to lean KAM would free."""
    candidates = scale_back.candidates
    sums = candidates.sums
    if not sums.accounts:
        return ()
    words = _Words(lang)
    _ = words._
    if sums.hours is None:
        return (_(CANDIDATES_GIVE_NOTHING),)
    takes = {
        "hours": words.hours(sums.hours),
        "hours_share": words.percent(candidates.hours_share),
        "cost": words.money(sums.cost_to_serve, sums.currency),
    }
    if sums.contribution_margin is None:
        sentences = [_(CANDIDATES_TAKE_NO_MARGIN).format(**takes)]
    elif not sums.paired:
        sentences = [_(CANDIDATES_TAKE_UNPAIRED).format(**takes)]
    elif sums.cost_share is None:  # a margin of nothing or less: no share of it is meaningful
        margin = words.money(sums.contribution_margin, sums.currency)
        sentences = [_(CANDIDATES_TAKE_NO_SHARE).format(**takes, margin=margin)]
    else:
        sentences = [
            _(CANDIDATES_TAKE).format(
                **takes,
                cost_share=words.percent(sums.cost_share),
                margin=words.money(sums.contribution_margin, sums.currency),
            )
        ]
    benchmark = scale_back.benchmark
    lean = benchmark.relationship.name.get(lang)
    if benchmark.median_hours is None:
        sentences.append(_(NO_BENCHMARK).format(least=BENCHMARK_ACCOUNTS, lean=lean, n=benchmark.accounts))
    else:
        free = {
            "lean": lean,
            "median": words.hours(benchmark.median_hours),
            "hours": words.hours(scale_back.hours_freed),
        }
        if scale_back.amount_freed is None:
            sentences.append(_(WOULD_FREE_HOURS).format(**free))
        else:
            sentences.append(
                _(WOULD_FREE).format(**free, amount=words.money(scale_back.amount_freed, sums.currency))
            )
    return tuple(sentences)
