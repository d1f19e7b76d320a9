"""read → analyse → generate → write, for a batch of files, without any console or click in sight.

Everything is read, validated and analysed first; then each good account is rendered (in parallel
worker processes when there are several) and written atomically. One account's failure never stops
the others: it becomes a problem in the result.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.analysis import analyse
from reportgen.catalog import Catalog, Catalogs, as_catalogs
from reportgen.history import AccountHistory, account_key, build_histories
from reportgen.i18n import N_
from reportgen.model import AccountAnalysis, Assessment, Period
from reportgen.problems import Message, Place, Problem, ProblemsFound, Severity, display_path, quoted
from reportgen.reading import ReadResult, collect_inputs, read_file

if TYPE_CHECKING:
    from reportgen.briefing import BriefingCharts

DUPLICATE_ASSESSMENT = Message(
    N_("{account} for {period} is also in {other}; this file's assessment is left out."),
    N_("Keep one assessment per account and period, or move the older file out of the folder."),
)
FUTURE_PERIOD = Message(
    N_("{account}: the period {period} has not begun yet."),
    N_("Check the period; an assessment describes a quarter that has started."),
)
RENDER_FAILED = Message(
    N_("The briefing for {account} ({period}) could not be made: {reason}."),
    N_("Run again with --debug for details, and report it if it keeps happening."),
)
RENDER_TIMEOUT = Message(
    N_("The briefing for {account} ({period}) went over the time limit of {seconds} s and was stopped."),
    N_("Look for unusually long texts in the workbook, or raise the limit with --timeout."),
)
PORTFOLIO_FAILED = Message(
    N_("The portfolio report could not be made: {reason}."),
    N_("Run again with --debug for details, and report it if it keeps happening."),
)
NO_INPUT = Message(
    N_("There are no assessment files in {paths}."),
    N_("Give .xlsx, .ods or .csv files, or a folder that holds them."),
)
NO_PERIOD = Message(
    N_("No account has an assessment for {period}."),
    N_("Check --period; the files hold: {periods}."),
)
ACCOUNT_NOT_FOUND = Message(
    N_('No account in the files has the name or ID "{account}".'),
    N_("Did you mean {suggestions}? Give --account the full name or the ID."),
)
ACCOUNT_NOT_FOUND_AT_ALL = Message(
    N_('No account in the files has the name or ID "{account}".'),
    N_("The files hold: {suggestions}. Give --account the full name or the ID."),
)
ACCOUNT_NOT_READ = Message(
    N_('No account that could be read has the name or ID "{account}".'),
    N_("If it is in one of the files with problems above, correct that file and run again."),
)
ACCOUNT_NOT_IN_PERIOD = Message(
    N_("{account} has no assessment for {period}."),
    N_("Check --period; its files hold: {periods}."),
)
ACCOUNT_SUGGESTIONS = 3
"""How many account names a mistyped --account suggests."""
ACCOUNTS_LISTED = 12
"""How many account names are listed when none is close to a mistyped --account."""

Progress = Callable[[int, int], None]


def made_on() -> date:
    """Today, or the day given by ``SOURCE_DATE_EPOCH`` so that builds can be reproduced byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class Workload:
    """Everything read and analysed, before anything is written. Each analysis carries the catalog it
    was read and analysed with; *catalogs* are those at hand, their default for reports of many."""

    catalogs: Catalogs
    files: list[ReadResult]
    analyses: list[AccountAnalysis]
    histories: dict[str, AccountHistory]

    def periods(self) -> list[Period]:
        return sorted({a.assessment.period for a in self.analyses})

    def latest_period(self) -> Period | None:
        periods = self.periods()
        return periods[-1] if periods else None

    def history_of(self, analysis: AccountAnalysis) -> AccountHistory:
        return self.histories[account_key(analysis.assessment)].up_to(analysis.assessment.period)


@dataclass
class BatchResult:
    files: list[ReadResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    render_problems: list[Problem] = field(default_factory=list)
    rendered_accounts: int = 0

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems] + self.render_problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def failed_files(self) -> list[Path]:
        failed = {f.path for f in self.files if not f.ok}
        failed |= {p.place.file for p in self.render_problems if p.place is not None}
        return sorted(failed)

    @property
    def exit_code(self) -> int:
        """0: all good; 1: some accounts failed; 2: nothing could be done."""
        if not self.errors:
            return 0
        return 1 if self.written else 2


def read_all(
    paths: Iterable[Path], catalogs: Catalogs | Catalog, today: date | None = None
) -> list[ReadResult]:
    """Read every file first, then tell the accounts apart (see :mod:`reportgen.identity`): a reused
    Account-ID is an error of the file that reuses it; warn of an account and period given twice and
    of periods to come."""
    from reportgen.identity import identify

    paths = list(paths)
    files = collect_inputs(paths)
    if not files:
        named = quoted(*(display_path(path) for path in paths))
        raise ProblemsFound([Problem(None, NO_INPUT, {"paths": named})])
    results = [read_file(path, catalogs) for path in files]
    given = [(result, a) for result in results for a in result.assessments]
    identified = identify(a for _, a in given)
    file_of = {id(a): result for result, a in given}
    for found in identified.problems:
        file_of[id(found.assessment)].problems.append(found.problem)
    for result in results:
        result.assessments = []
    today = today or made_on()
    seen: dict[tuple[str, Period], Path] = {}
    for (result, _), assessment in zip(given, identified.kept, strict=True):
        if assessment is None:
            continue
        key = (account_key(assessment), assessment.period)
        params = {"account": assessment.account.name, "period": str(assessment.period)}
        if assessment.period.first_day() > today:
            result.problems.append(Problem(Place(result.path), FUTURE_PERIOD, params, Severity.WARNING))
        if key in seen:
            params["other"] = seen[key].name
            result.problems.append(
                Problem(Place(result.path), DUPLICATE_ASSESSMENT, params, Severity.WARNING)
            )
            continue
        seen[key] = result.path
        result.assessments.append(assessment)
    return results


def prepare(paths: Iterable[Path], catalogs: Catalogs | Catalog) -> Workload:
    """Read and analyse everything; each assessment with the catalog it was read with."""
    catalogs = as_catalogs(catalogs)
    files = read_all(paths, catalogs)
    analyses = [analyse(assessment) for result in files for assessment in result.assessments]
    return Workload(catalogs, files, analyses, build_histories(analyses))


def period_problem(workload: Workload, period: Period) -> Problem | None:
    if any(a.assessment.period == period for a in workload.analyses):
        return None
    periods = ", ".join(str(p) for p in workload.periods()) or "–"
    return Problem(None, NO_PERIOD, {"period": str(period), "periods": periods})


def account_problem(workload: Workload, selection: Selection) -> Problem | None:
    """Why ``--account`` selects nothing, or None when it selects something (or was not given).

    Only an exact id or name selects: a partial name that happens to be unique today would silently
    pick another account once a similar one is added. A near miss is suggested instead.
    """
    if selection.account is None:
        return None
    matching = [a for a in workload.analyses if selection.names(a.assessment)]
    if not matching:
        names = sorted({a.assessment.account.name for a in workload.analyses}, key=str.casefold)
        close = _close_names(selection.account, names)
        if not close and any(not f.ok for f in workload.files):  # it may well be in a broken file
            return Problem(None, ACCOUNT_NOT_READ, {"account": selection.account})
        if close:
            return Problem(
                None, ACCOUNT_NOT_FOUND, {"account": selection.account, "suggestions": quoted(*close)}
            )
        listed = [*names[:ACCOUNTS_LISTED], *(["…"] if len(names) > ACCOUNTS_LISTED else [])]
        return Problem(
            None, ACCOUNT_NOT_FOUND_AT_ALL, {"account": selection.account, "suggestions": quoted(*listed)}
        )
    if selection.period is not None and not any(a.assessment.period == selection.period for a in matching):
        periods = ", ".join(str(p) for p in sorted({a.assessment.period for a in matching}))
        name = matching[0].assessment.account.name
        return Problem(
            None,
            ACCOUNT_NOT_IN_PERIOD,
            {"account": name, "period": str(selection.period), "periods": periods},
        )
    return None


def _close_names(typed: str, names: list[str]) -> list[str]:
    """The names that contain what was typed, else the ones that read closest to it (case ignored)."""
    wanted = typed.casefold().strip()
    containing = [name for name in names if wanted and wanted in name.casefold()]
    if containing:
        return containing[:ACCOUNT_SUGGESTIONS]
    by_key = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(wanted, list(by_key), n=ACCOUNT_SUGGESTIONS, cutoff=0.6)
    return [by_key[key] for key in close]


class StemRegistry:
    """Gives every account its own file name, even when two names reduce to the same slug."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}

    def stem(self, assessment: Assessment, base: str) -> str:
        owner = assessment.account.account_id or assessment.account.name
        candidate, number = base, 1
        while self._owners.setdefault(candidate, owner) != owner:
            number += 1
            candidate = f"{base}-{number}"
        return candidate


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


def output_stems(workload: Workload) -> dict[int, str]:
    """Every analysis's file stem, given over the whole workload so that a filtered run names alike."""
    from reportgen.writing import safe_stem

    stems = StemRegistry()
    return {
        id(analysis): stems.stem(
            analysis.assessment, safe_stem(analysis.assessment.account.name, str(analysis.assessment.period))
        )
        for analysis in workload.analyses
    }


@dataclass(frozen=True)
class Selection:
    """Which briefings to render; every file is still read, since earlier periods give history."""

    period: Period | None = None
    account: str | None = None
    """An account id or name, case ignored."""
    sources: tuple[Path, ...] = ()
    """Only accounts whose assessments up to that period come from one of these files (for make)."""

    def names(self, assessment: Assessment) -> bool:
        """Whether *assessment* is the account asked for (by exact id or name, case ignored), or no
        account was asked for."""
        return self.account is None or assessment.account.is_named_by(self.account)

    def admits(self, analysis: AccountAnalysis, history: AccountHistory) -> bool:
        assessment = analysis.assessment
        if self.period is not None and assessment.period != self.period:
            return False
        if not self.names(assessment):
            return False
        if self.sources:
            changed = {path.resolve() for path in self.sources}
            used = {a.assessment.source.resolve() for a in history.analyses if a.assessment.source}
            return bool(changed & used)
        return True


def briefing_jobs(
    workload: Workload,
    selection: Selection,
    languages: tuple[str, ...],
    debug: bool = False,
    timeout: float | None = None,
) -> list[BriefingJob]:
    stems = output_stems(workload)
    day = made_on()
    jobs = []
    for analysis in workload.analyses:
        history = workload.history_of(analysis)
        if selection.admits(analysis, history):
            stem = stems[id(analysis)]
            jobs.append(BriefingJob(analysis, history, stem, languages, day, debug, timeout))
    return jobs


# A worker process renders many accounts with one renderer: fonts and templates are prepared once per
# process, not once per account, and so is each catalog's chart ground (see _same_catalog).
_worker_renderer = None
_worker_catalogs: dict[str, Catalog] = {}


def _start_worker() -> None:
    global _worker_renderer
    from reportgen.rendering import Renderer

    _worker_renderer = Renderer()
    _worker_catalogs.clear()


def _same_catalog(analysis: AccountAnalysis) -> AccountAnalysis:
    """The analysis with the worker's copy of its catalog. Every job arrives with its own unpickled
    copy; charts keep their fixed parts per catalog object, so equal catalogs must be one object."""
    kept = _worker_catalogs.setdefault(analysis.catalog.label(), analysis.catalog)
    if kept is analysis.catalog or kept != analysis.catalog:
        return analysis
    return replace(analysis, catalog=kept)


def _render_job(
    job: BriefingJob, made_ahead: Callable[[], dict[str, BriefingCharts]] | None = None
) -> tuple[list[tuple[str, bytes]], str | None]:
    """PDF bytes per language, or the reason it failed (a worker never raises into the pool).

    *made_ahead* gives the charts another process drew meanwhile (see :mod:`reportgen.ahead`).
    """
    from reportgen.briefing import build_briefing
    from reportgen.charts import briefing_charts
    from reportgen.timelimit import TimeLimitExceeded, time_limit

    try:
        with time_limit(job.timeout):
            ahead = made_ahead() if made_ahead else {}
            analysis = _same_catalog(job.analysis)
            return [
                (
                    lang,
                    _worker_renderer.briefing_pdf(
                        build_briefing(
                            analysis,
                            lang,
                            job.day,
                            job.history,
                            ahead.get(lang) or briefing_charts(analysis, lang, job.history),
                        )
                    ),
                )
                for lang in job.languages
            ], None
    except TimeLimitExceeded:
        if job.debug:
            raise
        return [], TIMED_OUT
    except Exception as exc:  # any failure is this account's, reported as such
        if job.debug:
            raise
        return [], str(exc) or type(exc).__name__


RENDER_TIMEOUT_SECONDS = 120
"""An account takes about a second; one that takes minutes is stuck and reported as failed."""
POOL_GRACE_SECONDS = 15
"""How much longer than the time limit the pool waits for a worker before giving the account up:
the worker's own limit normally answers first, this catches a worker stuck inside a C call."""
RECYCLE_AFTER = 200
"""A worker is replaced after this many accounts, so that memory cannot creep over a long batch."""
TIMED_OUT = "\x00timeout"


def _run_here(jobs: list[BriefingJob], workers: int):
    """Results in job order, rendered in this process; a single account with a core to spare has
    its charts drawn in a forked child meanwhile."""
    from reportgen import ahead

    _start_worker()
    if not ahead.worth_it(jobs, workers):
        yield from ((job, _render_job(job)) for job in jobs)
        return
    (job,) = jobs
    helper = ahead.ChartsAhead(job)
    try:
        _worker_renderer.warm_up("briefing.html", job.languages)
        yield job, _render_job(job, helper.charts)
    finally:
        helper.close()


def _run_jobs(jobs: list[BriefingJob], workers: int, timeout: float):
    """Results in job order: in this process when one worker suffices, else in a pool of spawned
    workers. Each job limits its own time (see :func:`_render_job`); in a pool a worker that does not
    answer even after a grace period is given up, and killed at the end."""
    if workers <= 1 or len(jobs) <= 1:
        yield from _run_here(jobs, workers)
        return
    from multiprocessing import TimeoutError as PoolTimeout
    from multiprocessing import get_context

    pool = get_context("spawn").Pool(min(workers, len(jobs)), _start_worker, (), RECYCLE_AFTER)
    try:
        pending = [(job, pool.apply_async(_render_job, (job,))) for job in jobs]
        for job, result in pending:
            try:
                yield job, result.get(timeout=timeout + POOL_GRACE_SECONDS)
            except PoolTimeout:
                yield job, ([], TIMED_OUT)
    finally:
        pool.terminate()
        pool.join()


def render_briefings(
    workload: Workload,
    selection: Selection,
    languages: tuple[str, ...],
    out_dir: Path,
    workers: int = 1,
    on_written: Callable[[Path], None] = lambda path: None,
    on_progress: Progress = lambda done, total: None,
    debug: bool = False,
    timeout: float = RENDER_TIMEOUT_SECONDS,
) -> BatchResult:
    from reportgen.writing import atomic_write, remove_stale_parts

    batch = BatchResult(files=workload.files)
    remove_stale_parts(out_dir)
    jobs = briefing_jobs(workload, selection, languages, debug, timeout)
    on_progress(0, len(jobs))
    results = _run_jobs(jobs, workers, timeout)
    for done, (job, (pdfs, failure)) in enumerate(results, start=1):
        assessment = job.analysis.assessment
        if failure is not None:
            params = {
                "account": assessment.account.name,
                "period": str(assessment.period),
                "reason": failure,
                "seconds": round(timeout),
            }
            message = RENDER_TIMEOUT if failure == TIMED_OUT else RENDER_FAILED
            batch.render_problems.append(Problem(Place(assessment.source or Path(".")), message, params))
        else:
            for lang, pdf in pdfs:
                target = out_dir / f"{job.stem}_{lang}.pdf"
                atomic_write(target, pdf)
                batch.written.append(target)
                on_written(target)
            batch.rendered_accounts += 1
        on_progress(done, len(jobs))
    return batch


def portfolio_stem(period: Period) -> str:
    return f"portfolio_{period}"


def render_portfolio(
    workload: Workload,
    period: Period,
    languages: tuple[str, ...],
    out_dir: Path,
    on_written: Callable[[Path], None] = lambda path: None,
    debug: bool = False,
) -> BatchResult:
    from reportgen.charts import portfolio_charts
    from reportgen.portfolio import analyse_portfolio
    from reportgen.portfolio_report import build_portfolio
    from reportgen.rendering import Renderer
    from reportgen.writing import atomic_write, remove_stale_parts

    batch = BatchResult(files=workload.files)
    remove_stale_parts(out_dir)
    portfolio = analyse_portfolio(workload.histories, period, workload.catalogs.default)
    renderer = Renderer()
    day = made_on()
    for lang in languages:
        try:
            view = build_portfolio(portfolio, lang, day, portfolio_charts(portfolio, lang))
            pdf = renderer.portfolio_pdf(view)
        except Exception as exc:
            if debug:
                raise
            reason = str(exc) or type(exc).__name__
            batch.render_problems.append(Problem(None, PORTFOLIO_FAILED, {"reason": reason}))
            continue
        target = out_dir / f"{portfolio_stem(period)}_{lang}.pdf"
        atomic_write(target, pdf)
        batch.written.append(target)
        on_written(target)
    batch.rendered_accounts = len(portfolio.entries) if batch.written else 0
    return batch
