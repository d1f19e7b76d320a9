"""What serving the account costs and what it returns, in words: page 1's line, and the pieces the coaching
answers speak in money with (:mod:`.coaching_money`).

The figures are the analysis's (:mod:`reportgen.analysis.cost_to_serve`); here they are only worded, each
missing fact said as missing, never as a zero. Only the briefing for our own team shows any of it: the key
account's edition is a view of its own that has no field for it (:mod:`.shared_edition`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.common.i18n import Formatter, gettext_for
from reportgen.model.findings import CostToServe
from reportgen.views.labels import hours_text

SEPARATOR = " · "


@dataclass(frozen=True)
class ServiceLine:
    """Page 1's line on what serving the account costs and leaves: its parts, each kept on one line where
    the line must break ("−" | "€13,000" was split), the line breaking between them instead."""

    label: str
    parts: tuple[str, ...]

    @property
    def text(self) -> str:
        return SEPARATOR.join(self.parts)


class ServiceWords:
    """The figures of one account's cost to serve, as the briefing words them in *lang*."""

    def __init__(self, cost: CostToServe, lang: str) -> None:
        self.cost, self.lang = cost, lang
        self._ = gettext_for(lang)
        self.formatter = Formatter(lang)

    def money(self, amount: float) -> str:
        return self.formatter.money(amount, self.cost.currency)

    def hours(self, hours: float) -> str:
        return hours_text(hours, self.lang)

    def effort(self) -> str | None:
        """Our hours, at the workbook's own rate where it gives one, and the other cost: "1.150 Stunden und
        12.000 €"; None without hours, for other cost alone is no cost to serve (the callers say it apart)."""
        cost, _ = self.cost, self._
        if cost.effort_hours is None:
            return None
        hours = self.hours(cost.effort_hours)
        if cost.hourly_rate is not None and not cost.rate_from_catalog:
            hours = _("{hours} at {rate}").format(hours=hours, rate=self.money(cost.hourly_rate))
        if cost.other_cost is None:
            return hours
        return _("{hours} and {other}").format(hours=hours, other=self.money(cost.other_cost))

    def no_rate(self) -> str:
        return self._("no hourly rate in {currency}").format(currency=self.cost.currency)

    def line(self) -> ServiceLine | None:
        """Page 1's line; None where the workbook gives none of the facts."""
        if not self.cost.given:
            return None
        parts = [self._spent(), *self._returned()]
        return ServiceLine(self._("Account service"), tuple(parts))

    def _spent(self) -> str:
        cost, _ = self.cost, self._
        effort = self.effort()
        if effort is None:
            if cost.other_cost is None:
                return _("hours not given")
            return _("hours not given, other cost {other} a year").format(other=self.money(cost.other_cost))
        if cost.amount is None:
            return _("{effort} a year, {no_rate}").format(effort=effort, no_rate=self.no_rate())
        return _("{effort} a year = {cost}").format(effort=effort, cost=self.money(cost.amount))

    def _returned(self) -> list[str]:
        cost, _ = self.cost, self._
        margin = cost.contribution_margin
        if margin is None:
            if cost.margin_share_of_revenue is None:
                return []
            share = self.formatter.percent(cost.margin_share_of_revenue)
            return [_("contribution margin {share} of a revenue not given").format(share=share)]
        if cost.amount is None or cost.margin_after_service is None:
            return [_("contribution margin {margin} a year").format(margin=self.money(margin))]
        left = self.money(cost.margin_after_service)
        after = _("margin after service {amount}").format(amount=left)
        if cost.share is None:  # a margin of nothing or less: no share of it means anything
            return [_("contribution margin {margin}").format(margin=self.money(margin)), after]
        share = _("{share} of the contribution margin").format(share=self.formatter.percent(cost.share))
        if cost.margin_after_service < 0:
            return [share, after]
        return [share, _("{amount} left").format(amount=left)]


def service_line(cost: CostToServe, lang: str) -> ServiceLine | None:
    """Page 1's line on what serving the account costs and what it leaves; None without any fact."""
    return ServiceWords(cost, lang).line()
