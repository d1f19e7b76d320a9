"""The coaching answers in money, where our team's workbook gives what serving the account costs: what we
invest against what the account returns (question 1), and what scaling back would free (question 3).

The index says in points that we invest more than the customer; these sentences say what that costs, in
hours and in the account's currency. What scaling back would free is measured by the user's own
portfolio, never by an invented coefficient: the usual hours of the accounts in the type scaling back aims
at, the one the customer's own index reaches (:func:`reportgen.analysis.coaching.scale_back_benchmark`),
and where too few of them give hours, the answer says there is no benchmark yet.
"""

from __future__ import annotations

from reportgen.analysis.cost_to_serve import BENCHMARK_ACCOUNTS, EffortBenchmark, freed_by_scaling_back
from reportgen.common.i18n import Nn_
from reportgen.views.briefing.service import ServiceWords

NO_BENCHMARK = Nn_(
    "There is no benchmark yet for what scaling back would free: {n} account of the type “{type}” gives its "
    "hours this quarter, {needed} are needed.",
    "There is no benchmark yet for what scaling back would free: {n} accounts of the type “{type}” give "
    "their hours this quarter, {needed} are needed.",
)


class MoneyAnswers(ServiceWords):
    """The money sentences of one account's coaching answers in *lang*."""

    def investment(self) -> list[str]:
        """What we put into the account a year, and what it returns against that; nothing without facts."""
        return [*self._invested(), *self._returns()]

    def _invested(self) -> list[str]:
        cost, _ = self.cost, self._
        effort = self.effort()
        if effort is None:
            if cost.other_cost is None:
                return []
            besides = _(
                "We spend {other} a year on the account besides our hours, which the workbook does not give."
            )
            return [besides.format(other=self.money(cost.other_cost))]
        if cost.amount is None:
            unpriced = _(
                "We put {effort} a year into the account; without an hourly rate in {currency}, the hours "
                "are not reckoned in money."
            )
            return [unpriced.format(effort=effort, currency=cost.currency)]
        return [
            _("We put {effort} a year into the account, {cost} in all.").format(
                effort=effort, cost=self.money(cost.amount)
            )
        ]

    def _returns(self) -> list[str]:
        cost, _ = self.cost, self._
        margin = cost.contribution_margin
        if margin is None:
            if cost.amount is None:
                return []
            return [_("The workbook gives no contribution margin to weigh this against.")]
        if cost.amount is None or cost.margin_after_service is None:
            return [
                _("It returns a contribution margin of {margin} a year.").format(margin=self.money(margin))
            ]
        figures = {"margin": self.money(margin), "left": self.money(cost.margin_after_service)}
        if cost.share is None:
            return [
                _(
                    "Its contribution margin is {margin}, so nothing covers the service: the margin after "
                    "service is {left}."
                ).format(**figures)
            ]
        figures["share"] = self.formatter.percent(cost.share)
        if cost.margin_after_service < 0:
            return [
                _(
                    "It returns a contribution margin of {margin}: the service takes {share} of it, and the "
                    "margin after service is negative, {left}."
                ).format(**figures)
            ]
        return [
            _(
                "It returns a contribution margin of {margin}: the service takes {share} of it, and {left} "
                "is left."
            ).format(**figures)
        ]

    def scale_back(self, benchmark: EffortBenchmark | None) -> list[str]:
        """What scaling back to the usual effort of the benchmark's type would free; that there is no
        benchmark yet, and why, where too few accounts of the type give hours; nothing without one."""
        if benchmark is None:
            return []
        _ = self._
        kind = benchmark.relationship.name.get(self.lang)
        if benchmark.median_hours is None:
            sentence = NO_BENCHMARK.pick(self.lang, benchmark.accounts)
            return [sentence.format(n=benchmark.accounts, type=kind, needed=BENCHMARK_ACCOUNTS)]
        freed = freed_by_scaling_back(self.cost, benchmark)
        if freed is None:
            return []
        figures = {
            "type": kind,
            "median": self.hours(benchmark.median_hours),
            "n": self.formatter.number(benchmark.accounts),
            "hours": self.hours(freed.hours),
        }
        if not freed.hours:
            assert self.cost.effort_hours is not None  # a freed figure needs the account's hours
            return [
                _(
                    "Our {ours} a year are no more than the usual effort of “{type}” accounts (median "
                    "{median} of {n} accounts this quarter): scaling back to it would free no hours."
                ).format(ours=self.hours(self.cost.effort_hours), **figures)
            ]
        if freed.amount is None:
            return [
                _(
                    "Scaling back to the usual effort of “{type}” accounts (median {median} of {n} accounts "
                    "this quarter) would free {hours} a year."
                ).format(**figures)
            ]
        return [
            _(
                "Scaling back to the usual effort of “{type}” accounts (median {median} of {n} accounts this "
                "quarter) would free {hours} a year, worth {amount}."
            ).format(amount=self.money(freed.amount), **figures)
        ]
