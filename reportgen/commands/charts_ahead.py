"""Charts made ahead in a second process, so that a single briefing uses both cores from the start.

A briefing started cold spends most of its time importing two large libraries: matplotlib for the
charts and WeasyPrint for the layout. They do not depend on each other, so a forked child draws the
charts while this process loads WeasyPrint, its fonts and stylesheets. A batch of many accounts
does not need this: its worker processes stay warm.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sized
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reportgen.analysis.history import AccountHistory
    from reportgen.model.findings import AccountAnalysis
    from reportgen.views.briefing import BriefingCharts
    from reportgen.views.briefing.shared_edition import SharedCharts


class ChartJob(Protocol):
    """What the child needs of a job (see :class:`reportgen.commands.jobs.BriefingJob`): said here, so
    that the module that runs jobs and this one do not import each other."""

    analysis: AccountAnalysis
    history: AccountHistory
    languages: tuple[str, ...]
    edition: str


def worth_it(jobs: Sized, workers: int) -> bool:
    """Only for a single account with a core to spare, on systems that can fork, and before
    matplotlib is loaded here (then making the charts in this process costs little)."""
    return (
        workers > 1
        and len(jobs) == 1
        and "fork" in multiprocessing.get_all_start_methods()
        and "matplotlib" not in sys.modules
    )


def _quiet() -> None:
    """Give the forked child its own silent stdout and stderr: a lock on the parent's streams, taken by
    the progress bar's thread at the moment of the fork, would otherwise stay taken here for ever, and a
    warning (a glyph missing from the font, say) would wait on it."""
    import os
    import warnings

    warnings.simplefilter("ignore")
    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child
    sys.stdout = sys.stderr = sink


def _make_charts(sender, job: ChartJob) -> None:
    from reportgen.charts import edition_charts

    _quiet()
    charts: dict[str, BriefingCharts | SharedCharts] = {}
    try:
        for lang in job.languages:
            charts[lang] = edition_charts(job.analysis, lang, job.history, job.edition)
    except Exception:  # the parent draws whatever is missing itself, and reports what fails there
        pass
    sender.send(charts)
    sender.close()


class ChartsAhead:
    """A forked child that draws the charts of one *job* and hands them over once."""

    def __init__(self, job: ChartJob) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_make_charts, args=(sender, job), daemon=True)
        self._process.start()
        sender.close()
        self._charts: dict[str, BriefingCharts] | None = None

    def charts(self) -> dict[str, BriefingCharts]:
        """The charts by language, waiting for them the first time; those missing (all of them if the
        child failed) are for the caller to draw."""
        if self._charts is None:
            try:
                self._charts = self._receiver.recv()
            except (EOFError, OSError):
                self._charts = {}
            finally:
                self.close()
        return self._charts

    def close(self) -> None:
        """Stop the child if it still runs (an interrupted run must not leave it behind)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receiver.close()
