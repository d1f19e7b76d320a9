"""Charts made ahead in a second process, so that a single briefing uses both cores from the start.

A briefing started cold spends most of its time importing two large libraries: matplotlib for the
charts and WeasyPrint for the layout. They do not depend on each other, so a forked child draws the
charts while this process loads WeasyPrint, its fonts and stylesheets. Where a deck is asked for, the child
draws its pictures too, while this process loads python-pptx and the slide template; then this process never
loads matplotlib. A batch of many accounts does not need this: its worker processes stay warm.
"""

from __future__ import annotations

import sys
from collections.abc import Sized
from typing import TYPE_CHECKING, Protocol

from reportgen.commands.in_child import ChildFailed, InChild
from reportgen.common.forking import can_fork

if TYPE_CHECKING:
    from reportgen.analysis.history import AccountHistory
    from reportgen.model.findings import AccountAnalysis
    from reportgen.views.briefing.deck import Drawings


class ChartJob(Protocol):
    """What the child needs of a job (see :class:`reportgen.commands.jobs.BriefingJob`): said here, so
    that the module that runs jobs and this one do not import each other."""

    analysis: AccountAnalysis
    history: AccountHistory
    languages: tuple[str, ...]
    edition: str
    formats: tuple[str, ...]


def worth_it(jobs: Sized, workers: int) -> bool:
    """Only for a single account with a core to spare, on systems that can fork, and before
    matplotlib is loaded here (then making the charts in this process costs little)."""
    return workers > 1 and len(jobs) == 1 and can_fork() and "matplotlib" not in sys.modules


def _charts_of(job: ChartJob) -> dict[str, Drawings]:
    from reportgen.charts import edition_drawings
    from reportgen.common.settings import PPTX

    pictures = PPTX in job.formats
    return {
        lang: edition_drawings(job.analysis, lang, job.history, job.edition, pictures)
        for lang in job.languages
    }


class ChartsAhead:
    """A forked child that draws the charts of one *job* and hands them over once."""

    def __init__(self, job: ChartJob) -> None:
        self._child = InChild(_charts_of, job)
        self._charts: dict[str, Drawings] | None = None

    def charts(self) -> dict[str, Drawings]:
        """The charts by language, waiting for them the first time; if the child failed, none: the
        caller draws them itself, and reports what fails there."""
        if self._charts is None:
            try:
                self._charts = self._child.result()
            except ChildFailed:
                self._charts = {}
        return self._charts

    def close(self) -> None:
        """Stop the child if it still runs (an interrupted run must not leave it behind)."""
        self._child.close()
