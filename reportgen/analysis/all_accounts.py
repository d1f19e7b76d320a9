"""Every assessment of a run read and analysed, before anything is drawn or written: what every command
starts from.

Reading (:mod:`reportgen.reading.all_files`) and analysing need no rendering, so ``reportgen export``
and the analysts' API build on this module without loading what renders and writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportgen.analysis.history import AccountHistory, build_histories
from reportgen.analysis.indices import analyse
from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalog, Catalogs, as_catalogs
from reportgen.model.findings import AccountAnalysis
from reportgen.reading import ReadResult
from reportgen.reading.accounts import account_key
from reportgen.reading.all_files import read_all


@dataclass
class AllAccounts:
    """Everything read and analysed, before anything is written. Each analysis carries the catalog it
    was read and analysed with; *catalogs* are those at hand, their default for reports of many."""

    catalogs: Catalogs
    files: list[ReadResult]
    analyses: list[AccountAnalysis]
    histories: dict[str, AccountHistory]

    def periods(self) -> list[Period]:
        return sorted({a.assessment.period for a in self.analyses})

    def of_period(self, period: Period | None) -> list[AccountAnalysis]:
        """The analyses of *period*; every one when None."""
        return [a for a in self.analyses if period is None or a.assessment.period == period]

    def assessed_in(self, period: Period) -> list[AccountAnalysis]:
        """Each account's assessment in *period*, one per account as the portfolio of the quarter sees
        them: what a briefing measures its account against, whichever accounts a run selects."""
        return [a for history in self.histories.values() if (a := history.at(period)) is not None]

    def latest_period(self) -> Period | None:
        periods = self.periods()
        return periods[-1] if periods else None

    def digests(self) -> dict[Path, str]:
        """What each file held when it was read."""
        return {result.path: result.digest for result in self.files if result.digest}

    def history_of(self, analysis: AccountAnalysis) -> AccountHistory:
        return self.histories[account_key(analysis.assessment)].up_to(analysis.assessment.period)


def prepare(
    paths: Iterable[Path],
    catalogs: Catalogs | Catalog,
    today: date | None = None,
    digested: bool = False,
    workers: int | None = None,
) -> AllAccounts:
    """Read and analyse everything; each assessment with the catalog it was read with. *digested*: each
    file's digest kept too (:attr:`ReadResult.digest`), for make's record of what a report is made from.
    *workers*: the processes that may read many files at once (default: one per core)."""
    catalogs = as_catalogs(catalogs)
    files = read_all(paths, catalogs, today, digested, workers)
    analyses = [analyse(assessment) for result in files for assessment in result.assessments]
    return AllAccounts(catalogs, files, analyses, build_histories(analyses))
