"""Every assessment file of a run read, before anything is analysed: the files found in the paths given,
each read, the accounts told apart across all of them, and each account and period's raters gathered
into one assessment.

``reportgen validate`` stops here; the other commands go on to analyse what it gives
(:func:`reportgen.analysis.all_accounts.prepare`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from reportgen.common.forking import can_fork, quiet_child
from reportgen.common.i18n import N_
from reportgen.common.input_files import collect_inputs, digest
from reportgen.common.problems import Message, Place, Problem, ProblemsFound, Severity, display_path, quoted
from reportgen.common.settings import default_jobs, made_on
from reportgen.model.assessment import Assessment, Period
from reportgen.model.catalog import Catalog, Catalogs
from reportgen.reading import ReadResult, read_file
from reportgen.reading.accounts import account_key, identify
from reportgen.reading.raters import gather

FUTURE_PERIOD = Message(
    N_("{account}: the period {period} has not begun yet."),
    N_("Check the period; an assessment describes a quarter that has started."),
)
NO_INPUT = Message(
    N_("There are no assessment files in {paths}."),
    N_("Give .xlsx, .ods or .csv files, or a folder that holds them."),
)


def read_all(
    paths: Iterable[Path],
    catalogs: Catalogs | Catalog,
    today: date | None = None,
    digested: bool = False,
    workers: int | None = None,
) -> list[ReadResult]:
    """Read every file first, then tell the accounts apart (see :mod:`reportgen.reading.accounts`): a reused
    Account-ID is an error of the file that reuses it. Then gather each account and period's raters
    into one assessment (see :mod:`reportgen.reading.raters`), kept with the file of its first rater of our
    team; warn of periods to come."""
    paths = list(paths)
    files = collect_inputs(paths)
    if not files:
        named = quoted(*(display_path(path) for path in paths))
        raise ProblemsFound([Problem(None, NO_INPUT, {"paths": named})])
    results = _read_each(files, catalogs, digested, workers)
    given = [(result, a) for result in results for a in result.assessments]
    identified = identify(a for _, a in given)
    file_of = {id(a): result for result, a in given}
    for found in identified.problems:
        file_of[id(found.assessment)].problems.append(found.problem)
    for result in results:
        result.assessments = []
    today = today or made_on()
    kept = [(result, a) for (result, _), a in zip(given, identified.kept, strict=True) if a is not None]
    file_of = {id(a): result for result, a in kept}
    by_account: dict[tuple[str, Period], list[Assessment]] = {}
    for _, assessment in kept:
        by_account.setdefault((account_key(assessment), assessment.period), []).append(assessment)
    for group in by_account.values():
        gathered = gather(group)
        for found in gathered.problems:
            file_of[id(found.assessment)].problems.append(found.problem)
        assessment = gathered.assessment
        if assessment is None:
            continue
        result = file_of[id(next(a for a in group if a.source == assessment.source))]
        if assessment.period.first_day() > today:
            params = {"account": assessment.account.name, "period": str(assessment.period)}
            result.problems.append(Problem(Place(result.path), FUTURE_PERIOD, params, Severity.WARNING))
        result.assessments.append(assessment)
    return results


READ_APART_FROM = 64
"""From this many files on, they are read in forked workers, one per core: a worker costs a few
milliseconds to start, a workbook about one and a half to read."""


def _read_each(
    files: list[Path], catalogs: Catalogs | Catalog, digested: bool, workers: int | None
) -> list[ReadResult]:
    """Each file read, in order: by *workers* forked workers (default: one per core) where there are many,
    else here. The workers take the catalogs along when forked; only the paths and results travel."""
    workers = min(workers or default_jobs(), len(files) // (READ_APART_FROM // 2))
    if workers < 2 or len(files) < READ_APART_FROM or not can_fork():
        return [_read(path, catalogs, digested) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, context, initializer=_start_reader, initargs=(catalogs, digested)
    ) as pool:
        return list(pool.map(_read_here, files, chunksize=max(1, len(files) // (4 * workers))))


_reading: tuple[Catalogs | Catalog, bool] | None = None
"""In a forked reader: the catalogs it reads with, and whether it keeps each file's digest."""


def _start_reader(catalogs: Catalogs | Catalog, digested: bool) -> None:
    global _reading
    quiet_child()
    _reading = (catalogs, digested)


def _read_here(path: Path) -> ReadResult:
    assert _reading is not None, "set by _start_reader"
    return _read(path, *_reading)


def _read(path: Path, catalogs: Catalogs | Catalog, digested: bool) -> ReadResult:
    """The file read; *digested*: with what it held just before (make's record needs it, nothing else)."""
    held = digest(path) if digested else ""
    result = read_file(path, catalogs)
    result.digest = held
    return result
