"""Running briefing jobs: in this process, or in a pool of worker processes, each under a time limit.

One account's failure never stops the others: every job ends in an outcome (its PDFs, the reason it
failed, or that it ran out of time), never in an exception, unless the run asked for tracebacks.
The charts of a single cold briefing may be drawn meanwhile in a forked child
(:mod:`reportgen.commands.charts_ahead`); :mod:`reportgen.commands.time_limit` stops a job that takes too
long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.analysis.cost_to_serve import EffortBenchmark
from reportgen.analysis.history import AccountHistory
from reportgen.common.problems import failure_reason
from reportgen.common.settings import INTERNAL_EDITION, PDF, PPTX, SHARED_EDITION
from reportgen.model.catalog import Catalog
from reportgen.model.findings import AccountAnalysis

if TYPE_CHECKING:
    from reportgen.rendering import Renderer
    from reportgen.rendering.archive import Archive
    from reportgen.rendering.deck_template import DeckTemplate
    from reportgen.views.briefing import BriefingView
    from reportgen.views.briefing.deck import Drawings, SlidePictures
    from reportgen.views.briefing.shared_edition import SharedBriefingView

BRIEFING_TEMPLATES = {INTERNAL_EDITION: "briefing.html", SHARED_EDITION: "briefing_shared.html"}
"""The template of each edition of a briefing."""
POOL_GRACE_SECONDS = 15
"""How much longer than the time limit the pool waits for a worker before giving the account up:
the worker's own limit normally answers first, this catches a worker stuck inside a C call."""
RECYCLE_AFTER = 200
"""A worker is replaced after this many accounts, so that memory cannot creep over a long batch."""


@dataclass(frozen=True)
class BriefingJob:
    """One account in one period, with what a worker needs to render it in every language."""

    analysis: AccountAnalysis
    history: AccountHistory
    stem: str
    languages: tuple[str, ...]
    day: date
    debug: bool = False
    """Let an error escape with its traceback instead of reporting it as the account's problem."""
    timeout: float | None = None
    """Seconds the account may take in all its languages; ``None`` for no limit."""
    edition: str = INTERNAL_EDITION
    """``shared``: the edition handed to the key account, a view and templates of its own."""
    supplier: str | None = None
    """Our company's name, for the key account's edition."""
    archive: Archive | None = None
    """What an archival briefing (PDF/A-3b) embeds; None for a briefing without."""
    effort_benchmark: EffortBenchmark | None = None
    """The usual effort of the accounts of the quarter in the type scaling back aims at, which the answer
    to "scale back?" measures its hours by (:func:`reportgen.analysis.coaching.scale_back_benchmark`);
    None where the answer does not speak of it. The one thing the briefing takes from other accounts."""
    formats: tuple[str, ...] = (PDF,)
    """What the briefing is written as, in each language: a PDF, a deck (``pptx``) or both."""
    pptx_template: Path | None = None
    """The slide template of the deck; None: reportgen's own."""


@dataclass(frozen=True)
class Made:
    """One file of a job: its language, its format and its bytes."""

    lang: str
    fmt: str
    data: bytes


@dataclass(frozen=True)
class Rendered:
    """The job's files, language by language, each language's in the order of the job's formats."""

    files: list[Made]
    deck_failed: str | None = None
    """Why a deck of the job could not be made, where one could not: its PDFs are made all the same, for
    a deck that fails must not cost the account its briefing."""


@dataclass(frozen=True)
class Failed:
    """The job failed; *reason* says why, in the words of the error."""

    reason: str


@dataclass(frozen=True)
class TimedOut:
    """The job went over its time limit and was stopped."""


Outcome = Rendered | Failed | TimedOut


class Worker:
    """Renders many accounts with one renderer: fonts and templates are prepared once per process, not
    once per account, and so is each catalog's chart ground (see :meth:`same_catalog`)."""

    def __init__(self) -> None:
        from reportgen.rendering import Renderer

        self.renderer: Renderer = Renderer()
        self._catalogs: dict[str, Catalog] = {}
        self._deck_templates: dict[tuple[Path | None, int, int], DeckTemplate] = {}

    def same_catalog(self, analysis: AccountAnalysis) -> AccountAnalysis:
        """The analysis with this worker's copy of its catalog. Every job arrives with its own unpickled
        copy; charts keep their fixed parts per catalog object, so equal catalogs must be one object."""
        kept = self._catalogs.setdefault(analysis.catalog.label(), analysis.catalog)
        if kept is analysis.catalog or kept != analysis.catalog:
            return analysis
        return replace(analysis, catalog=kept)

    def render(
        self, job: BriefingJob, made_ahead: Callable[[], dict[str, Drawings]] | None = None
    ) -> Outcome:
        """The job's outcome (a worker never raises into the pool, unless the job asks for tracebacks).

        *made_ahead* gives the charts (and a deck's pictures) another process drew meanwhile (see
        :mod:`reportgen.commands.charts_ahead`).
        """
        from reportgen.commands.time_limit import TimeLimitExceeded, time_limit

        try:
            with time_limit(job.timeout):
                ahead = made_ahead() if made_ahead else {}
                analysis = self.same_catalog(job.analysis)
                files, deck_failed = [], None
                for lang in job.languages:
                    drawn = ahead.get(lang) or _drawn(job, analysis, lang)
                    view = _view(job, analysis, lang, drawn.charts)
                    for fmt in job.formats:
                        if fmt != PPTX:
                            files.append(Made(lang, fmt, self._pdf(job, view)))
                            continue
                        try:
                            assert drawn.pictures is not None, "a job with a deck has its pictures drawn"
                            files.append(Made(lang, fmt, self._deck(job, view, drawn.pictures)))
                        except TimeLimitExceeded:
                            raise
                        except Exception as exc:  # the deck's own failure; the PDFs go on
                            if job.debug:
                                raise
                            deck_failed = deck_failed or failure_reason(exc)
                return Rendered(files, deck_failed)
        except TimeLimitExceeded:
            if job.debug:
                raise
            return TimedOut()
        except Exception as exc:  # any failure is this account's, reported as such
            if job.debug:
                raise
            return Failed(failure_reason(exc))

    def _pdf(self, job: BriefingJob, view: BriefingView | SharedBriefingView) -> bytes:
        """One language of the job's briefing as a PDF, in the edition it asks for."""
        if job.edition == SHARED_EDITION:
            return self.renderer.shared_briefing_pdf(view)
        return self.renderer.briefing_pdf(view, job.archive)

    def deck_template(self, path: Path | None) -> DeckTemplate:
        """The slide template at *path* (None: reportgen's own), read once per worker and again when the file
        changed (a dataset of the API lives on while a user edits the template)."""
        from reportgen.rendering.deck_template import DEFAULT_DECK_TEMPLATE, DeckTemplate

        status = (path or DEFAULT_DECK_TEMPLATE).stat()
        key = (path, status.st_mtime_ns, status.st_size)
        template = self._deck_templates.get(key)
        if template is None:
            template = self._deck_templates[key] = DeckTemplate(path)
        return template

    def _deck(
        self, job: BriefingJob, view: BriefingView | SharedBriefingView, pictures: SlidePictures
    ) -> bytes:
        """One language of the job's briefing as a deck, from the view its PDF is laid out from, with its
        charts as pictures."""
        from reportgen.rendering.deck import deck_pptx
        from reportgen.views.briefing.internal_deck import briefing_deck
        from reportgen.views.briefing.shared_deck import shared_deck

        deck = shared_deck(view) if job.edition == SHARED_EDITION else briefing_deck(view)
        return deck_pptx(deck, pictures, self.deck_template(job.pptx_template), job.day)


def _view(
    job: BriefingJob, analysis: AccountAnalysis, lang: str, charts
) -> BriefingView | SharedBriefingView:
    """One language of the job's briefing as its PDF and its deck show it, in the edition it asks for."""
    if job.edition == SHARED_EDITION:
        from reportgen.views.briefing.shared_edition import build_shared_briefing

        return build_shared_briefing(analysis, lang, job.day, charts, job.supplier, job.history)
    from reportgen.views.briefing import build_briefing

    return build_briefing(analysis, lang, job.day, job.history, charts, job.effort_benchmark)


def _drawn(job: BriefingJob, analysis: AccountAnalysis, lang: str) -> Drawings:
    """The charts of one language of *job*, and its deck's pictures where it makes a deck, drawn here.
    Imported only then: where a child drew them, the charts' modules (and numpy) would cost a cold briefing
    an eighth of a second for nothing."""
    from reportgen.charts import edition_drawings

    return edition_drawings(analysis, lang, job.history, job.edition, pictures=PPTX in job.formats)


# The one worker of a pool process, made when the process starts (a pool hands its initializer's
# work to nothing but module state).
_pool_worker: Worker | None = None


def _start_pool_worker() -> None:
    global _pool_worker
    _pool_worker = Worker()


def _render_in_pool(job: BriefingJob) -> Outcome:
    assert _pool_worker is not None, "started by _start_pool_worker"
    return _pool_worker.render(job)


def _run_here(jobs: list[BriefingJob], workers: int) -> Iterator[tuple[BriefingJob, Outcome]]:
    """Outcomes in job order, rendered in this process; a single account with a core to spare has
    its charts drawn in a forked child meanwhile."""
    from reportgen.commands import charts_ahead

    worker = Worker()
    if not charts_ahead.worth_it(jobs, workers):
        yield from ((job, worker.render(job)) for job in jobs)
        return
    (job,) = jobs
    helper = charts_ahead.ChartsAhead(job)
    try:
        if PDF in job.formats:  # a deck alone needs no layout engine
            worker.renderer.warm_up(BRIEFING_TEMPLATES[job.edition], job.languages)
        if PPTX in job.formats:
            worker.deck_template(job.pptx_template)
        yield job, worker.render(job, helper.charts)
    finally:
        helper.close()


def run_jobs(jobs: list[BriefingJob], workers: int, timeout: float) -> Iterator[tuple[BriefingJob, Outcome]]:
    """Outcomes in job order: in this process when one worker suffices, else in a pool of spawned
    workers. Each job limits its own time (see :meth:`Worker.render`); in a pool a worker that does not
    answer even after a grace period is given up, and killed at the end."""
    if workers <= 1 or len(jobs) <= 1:
        yield from _run_here(jobs, workers)
        return
    from multiprocessing import TimeoutError as PoolTimeout
    from multiprocessing import get_context

    pool = get_context("spawn").Pool(min(workers, len(jobs)), _start_pool_worker, (), RECYCLE_AFTER)
    try:
        pending = [(job, pool.apply_async(_render_in_pool, (job,))) for job in jobs]
        for job, result in pending:
            try:
                yield job, result.get(timeout=timeout + POOL_GRACE_SECONDS)
            except PoolTimeout:
                yield job, TimedOut()
    finally:
        pool.terminate()
        pool.join()
