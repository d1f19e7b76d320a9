"""What each chart shows, in words: the alt text a tagged PDF gives a screen reader in the chart's place.

A name ("Partnership diagram") tells a reader who cannot see the chart only that there is one; these
texts give its content – where the account stands, its zone, the factors the sides rate furthest apart –
with the numbers formatted as the report prints them. The views build them; the templates write them
into ``alt``. The key account's edition uses :func:`shared_profile_text`, which names no zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.common.i18n import N_, Formatter, Nn_, Plural, gettext_for
from reportgen.views.labels import factor_named, indices_text, listed

DIAGRAM = N_("Partnership diagram: the account at {indices}, zone: {zone}.")
DIAGRAM_TWO_VIEWS = N_(
    "Partnership diagram: as we see it, the account stands at {indices}, zone: {zone}; as the key account "
    "sees it, at {their_indices}, zone: {their_zone}."
)
LARGEST_GAPS = N_("The largest gaps: {factors}.")
PROFILE = Nn_(
    "Factor profile: how much each side invests in the {n} factor, on the scale from {low} to {high}.",
    "Factor profile: how much each side invests in each of the {n} factors, on the scale from {low} to "
    "{high}.",
)
PROFILE_TEAM_DOTS = N_("Small dots show each rater's score around our team's mean.")
SHARED_PROFILE = Nn_(
    "Factor profile: how much each side invests in the {n} factor, as the supplier rated it, on the scale "
    "from {low} to {high}.",
    "Factor profile: how much each side invests in each of the {n} factors, as the supplier rated them, "
    "on the scale from {low} to {high}.",
)
DIFFER_MOST = N_("The sides' scores differ most in {factors}.")
FACTOR_SCORES = N_("supplier {supplier}, key account {key_account}")
TREND = N_("Trend of S and K per quarter: {quarters}.")
QUARTER = N_("{period}: {indices}")
QUARTER_NOT_ASSESSED = N_("{period}: no assessment")
PORTFOLIO_MAP = Nn_(
    "Portfolio map of {n} account by how much each side invests. Accounts per zone: {zones}.",
    "Portfolio map of {n} accounts by how much each side invests. Accounts per zone: {zones}.",
)
ZONE_COUNT = N_("{count} in “{zone}”")
ACCOUNT_DIAGRAM = N_("Partnership diagram of {account}: {indices}, zone: {zone}.")


@dataclass(frozen=True)
class Position:
    """Where one view puts the account: S, K and the zone's name as the report's tables give it."""

    supplier_index: float
    key_account_index: float
    zone_name: str


@dataclass(frozen=True)
class FactorScores:
    """One factor's short name and how much each side invests in it (a mean may have decimals)."""

    label: str
    supplier: float | None
    key_account: float | None


@dataclass(frozen=True)
class QuarterIndices:
    """S and K in one quarter; None where the account was not assessed."""

    period: str
    supplier_index: float | None
    key_account_index: float | None


@dataclass(frozen=True)
class ZoneTally:
    zone_name: str
    count: int


class _Words:
    """The pieces every text shares, in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._ = gettext_for(lang)
        self.formatter = Formatter(lang)

    def indices(self, supplier: float, key_account: float) -> str:
        return indices_text(supplier, key_account, self.lang)

    def factors(self, factors: Sequence[FactorScores]) -> str:
        score = self.formatter.score
        figures = self._(FACTOR_SCORES)

        def scored(f: FactorScores) -> str:
            return figures.format(supplier=score(f.supplier), key_account=score(f.key_account))

        return listed([factor_named(f.label, scored(f), self.lang) for f in factors], self.lang)

    def gaps(self, message: str, factors: Sequence[FactorScores]) -> str:
        """A sentence naming *factors* with their scores; nothing where there are none."""
        return " " + self._(message).format(factors=self.factors(factors)) if factors else ""


def diagram_text(
    lang: str, ours: Position, theirs: Position | None, largest_gaps: Sequence[FactorScores]
) -> str:
    """The briefing's partnership diagram: the account as we see it and, once the key account has
    answered, as it sees it; then the largest gaps, as page 1's reading names them."""
    words = _Words(lang)
    _ = words._
    here = words.indices(ours.supplier_index, ours.key_account_index)
    if theirs is None:
        text = _(DIAGRAM).format(indices=here, zone=ours.zone_name)
    else:
        there = words.indices(theirs.supplier_index, theirs.key_account_index)
        text = _(DIAGRAM_TWO_VIEWS).format(
            indices=here, zone=ours.zone_name, their_indices=there, their_zone=theirs.zone_name
        )
    return text + words.gaps(LARGEST_GAPS, largest_gaps)


def profile_text(
    lang: str, factor_count: int, low: int, high: int, differ_most: Sequence[FactorScores], team_dots: bool
) -> str:
    """The factor profile: what it plots, and the factors whose two sides lie furthest apart."""
    return _profile(PROFILE, lang, factor_count, low, high, differ_most, team_dots)


def shared_profile_text(
    lang: str, factor_count: int, low: int, high: int, differ_most: Sequence[FactorScores]
) -> str:
    """The key account's edition's profile: the same content in neutral words – no zone, no verdict."""
    return _profile(SHARED_PROFILE, lang, factor_count, low, high, differ_most, team_dots=False)


def _profile(
    plots: Plural,
    lang: str,
    factor_count: int,
    low: int,
    high: int,
    differ_most: Sequence[FactorScores],
    team_dots: bool,
) -> str:
    words = _Words(lang)
    numbers = {"low": words.formatter.number(low), "high": words.formatter.number(high)}
    text = plots.pick(lang, factor_count).format(n=factor_count, **numbers)
    if team_dots:
        text += " " + words._(PROFILE_TEAM_DOTS)
    return text + words.gaps(DIFFER_MOST, differ_most)


def trend_text(lang: str, quarters: Sequence[QuarterIndices]) -> str:
    """The trend: S and K in every quarter, a quarter without an assessment named as such."""
    words = _Words(lang)
    _ = words._
    shown = [
        _(QUARTER_NOT_ASSESSED).format(period=q.period)
        if q.supplier_index is None or q.key_account_index is None
        else _(QUARTER).format(period=q.period, indices=words.indices(q.supplier_index, q.key_account_index))
        for q in quarters
    ]
    return _(TREND).format(quarters="; ".join(shown))


def portfolio_map_text(lang: str, zones: Sequence[ZoneTally]) -> str:
    """The portfolio map: how many accounts it shows, and how many lie in each zone."""
    _ = gettext_for(lang)
    total = sum(z.count for z in zones)
    counted = "; ".join(_(ZONE_COUNT).format(zone=z.zone_name, count=z.count) for z in zones)
    return PORTFOLIO_MAP.pick(lang, total).format(n=total, zones=counted)


def account_diagram_text(lang: str, account: str, position: Position) -> str:
    """An account's small diagram in the portfolio's appendix: where it stands and its zone."""
    words = _Words(lang)
    indices = words.indices(position.supplier_index, position.key_account_index)
    return words._(ACCOUNT_DIAGRAM).format(account=account, indices=indices, zone=position.zone_name)


EFFORT_CHART = Nn_(
    "Effort and return of {n} account: its cost to serve as a share of its contribution margin (across) "
    "against how far we invest more than the key account, S − K (up); colour: zone, bubble area: annual "
    "revenue.",
    "Effort and return of {n} accounts: each one's cost to serve as a share of its contribution margin "
    "(across) against how far we invest more than the key account, S − K (up); colour: zone, bubble area: "
    "annual revenue.",
)
EFFORT_HIGHEST = N_("The highest share: {account}, {share}.")
EFFORT_NOT_SHOWN = N_("Not shown, their margin not above zero: {accounts}.")
WHALE_CURVE = Nn_(
    "Whale curve of {n} account: the margin left after service, added up from the most profitable account "
    "to the least.",
    "Whale curve of {n} accounts: the margin left after service, added up from the most profitable account "
    "to the least.",
)
WHALE_ALL = Nn_(
    "The one account leaves {total} after service.", "All {n} accounts together leave {total} after service."
)
WHALE_PEAK = Nn_(
    "The most profitable account leaves {peak} after service; the rest bring it down to {total}.",
    "The {k} most profitable accounts leave {peak} after service; the rest bring it down to {total}.",
)


@dataclass(frozen=True)
class WhaleFigures:
    """The whale curve's figures as the report prints them."""

    accounts: int
    peak: str
    peak_accounts: int
    """How many accounts, the most profitable first, the curve takes to reach its peak."""
    total: str


def effort_chart_text(
    lang: str, plotted: int, highest: tuple[str, str] | None, not_shown: Sequence[str]
) -> str:
    """The chart of balance against cost to serve: what it plots, the account with the highest share, and
    the accounts it cannot place (no share of a margin of nothing)."""
    _ = gettext_for(lang)
    text = EFFORT_CHART.pick(lang, plotted).format(n=plotted)
    if highest is not None:
        text += " " + _(EFFORT_HIGHEST).format(account=highest[0], share=highest[1])
    if not_shown:
        text += " " + _(EFFORT_NOT_SHOWN).format(accounts=listed(list(not_shown), lang))
    return text


def whale_curve_text(lang: str, whale: WhaleFigures, chart: bool = True) -> str:
    """The whale curve: what it plots (with *chart*) and where it peaks and ends."""
    if whale.peak_accounts == whale.accounts:
        ending = WHALE_ALL.pick(lang, whale.accounts).format(n=whale.accounts, total=whale.total)
    else:
        ending = WHALE_PEAK.pick(lang, whale.peak_accounts).format(
            k=whale.peak_accounts, peak=whale.peak, total=whale.total
        )
    if not chart:
        return ending
    return WHALE_CURVE.pick(lang, whale.accounts).format(n=whale.accounts) + " " + ending
