"""The flow every rendering command shares: catalog → read and analyse → render → summary → record.

Also the steps the other commands share with it: the period and the catalogs of a run, each said and
ending the command when it cannot be used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reportgen.catalog import Catalog, Catalogs
from reportgen.commands.results import BatchResult, Publisher
from reportgen.console import EXIT_NOTHING_DONE, EXIT_OK, Reporter, Stop
from reportgen.i18n import N_, Counted, Nn_, Plural
from reportgen.model import Period
from reportgen.problems import Message, ProblemsFound, Severity, display_path
from reportgen.selection import period_problem
from reportgen.settings import Settings
from reportgen.workload import Workload, prepare

PDFS = Nn_("{n} PDF", "{n} PDFs")
FILES = Nn_("{n} file", "{n} files")
SUMMARY_FAILED = Message(
    Nn_(
        "{count} file had problems; the ratings it holds are left out of the reports:",
        "{count} files had problems; the ratings they hold are left out of the reports:",
    )
)
NOTHING_RENDERED = Message(N_("No file was made."))
BAD_PERIOD = Message(N_('"{value}" is not a period.'), N_("Write the quarter like 2026-Q3."))
WRITE_FAILED = Message(
    N_("The file could not be written: {reason}."), N_("Check that the folder exists and is writable.")
)

T = TypeVar("T")


@dataclass(frozen=True)
class Summary:
    """The closing line of a rendering command, and the words for what it counts."""

    message: Message
    accounts: Plural
    files: Plural


@dataclass(frozen=True)
class Flow:
    """How a rendering command's run differs from the others'."""

    summary: Summary
    latest_by_default: bool = False
    """Without --period, the latest period found (the portfolio); else every period."""
    warns: bool = True
    """Whether the files' warnings are printed. make's portfolio steps leave them to its briefing step,
    which reads the same files, so that a make run says each warning once, not once per quarter."""


Render = Callable[[Workload, Period | None, Publisher], BatchResult]
"""Renders what a command makes of the workload (for a period, or every one) and publishes it."""


def run_flow(settings: Settings, reporter: Reporter, flow: Flow, render: Render) -> int:
    """Catalog → read and analyse everything → render → summary; returns the exit code."""
    wanted = period_or_stop(reporter, settings.period)
    catalogs = catalogs_or_stop(reporter, settings.criteria)
    workload = or_stop(reporter, lambda: prepare(settings.inputs, catalogs, settings.day), nothing_made=True)
    if wanted is None and flow.latest_by_default:
        wanted = workload.latest_period()
    missing = period_problem(workload, wanted) if wanted is not None else None
    if flow.latest_by_default and wanted is None:  # nothing could be read: the files' problems say why
        batch = BatchResult(files=workload.files)
    elif missing is not None:
        batch = BatchResult(files=workload.files, render_problems=[missing])
    else:
        try:
            batch = render(workload, wanted, Publisher(BatchResult(files=workload.files), reporter.written))
        except OSError as exc:
            reporter.say(WRITE_FAILED, style="red", reason=exc.strerror or str(exc))
            return EXIT_NOTHING_DONE
    # A make step that made something records its problems and succeeds, so make goes on to the next
    # step; one that could make nothing (no input, a period without data, every file broken) fails now.
    recording = settings.record is not None and batch.exit_code != EXIT_NOTHING_DONE
    summarise(reporter, batch, settings, flow, errors_recorded=recording)
    if recording:
        record(reporter, batch, settings)
        return EXIT_OK
    return batch.exit_code


def record(reporter: Reporter, batch: BatchResult, settings: Settings) -> None:
    """Keep the errors for later make runs (see :func:`reportgen.makefiles.write_record`). They are not
    printed by the run: make lists every recorded one once, at the end of the run and of every later run
    while it holds (``reportgen recorded``)."""
    from reportgen.makefiles import READING, RENDERING, entry, write_record

    assert settings.record is not None
    entries = [
        entry(p, reporter.lang, RENDERING if p in batch.render_problems else READING) for p in batch.errors
    ]
    write_record(settings.record, entries, settings.only_from or None)


def summarise(
    reporter: Reporter, batch: BatchResult, settings: Settings, flow: Flow, errors_recorded: bool = False
) -> None:
    """Warnings, errors and the closing line; recorded errors are left to make's closing check."""
    if flow.warns:
        for problem in batch.problems:
            if problem.severity is Severity.WARNING:
                reporter.problem(problem)
    errors = [] if errors_recorded else batch.errors
    if batch.failed_files and errors:
        reporter.say(SUMMARY_FAILED, style="bold red", count=len(batch.failed_files))
        for problem in errors:
            if problem.place is not None:
                reporter.problem(problem)
    for problem in errors:
        if problem.place is None:  # the whole run's: no file to blame
            reporter.problem(problem)
    if batch.written:
        reporter.say(
            flow.summary.message,
            style="green",
            accounts=Counted(flow.summary.accounts, batch.rendered_accounts),
            files=Counted(flow.summary.files, len(batch.written)),
            folder=display_path(settings.out_dir),
        )
    else:
        reporter.say(NOTHING_RENDERED, style="bold red")


def period_or_stop(reporter: Reporter, text: str | None) -> Period | None:
    """The quarter *text* names (None when not given), read as a workbook's period is (``Q3/26``,
    ``3. Quartal 2026``, a date: see :func:`~reportgen.reading.values.parse_period`), so that what a
    workbook may write the command line takes; a text that is no quarter ends the command."""
    if not text:
        return None
    period = period_named(text)
    if period is None:
        reporter.say(BAD_PERIOD, style="red", value=text)
        raise Stop(EXIT_NOTHING_DONE)
    return period


def period_named(text: str) -> Period | None:
    """The quarter *text* names, read as a workbook's period is; None when it names none."""
    from reportgen.reading.values import NotAPeriod, parse_period

    try:
        return parse_period(text).period
    except NotAPeriod:
        return None


def catalogs_or_stop(reporter: Reporter, path: Path | None) -> Catalogs:
    """The catalogs *path* gives (a file: that one for everything; a folder: each of its catalogs, for
    the workbooks that name it); by default those in criteria/, with the efkam catalog as default.
    Broken ones are explained and end the command."""
    return or_stop(reporter, lambda: catalogs_at(path))


def catalogs_at(path: Path | None) -> Catalogs:
    """The catalogs *path* gives, the default among them (see :func:`catalogs_or_stop`); raises
    :class:`ProblemsFound` when one is broken."""
    from reportgen.catalog import load_catalogs
    from reportgen.resources import CRITERIA_DIR, DEFAULT_CATALOG

    folder = path or CRITERIA_DIR
    shipped = folder.is_dir() and folder.resolve() == CRITERIA_DIR.resolve()
    return load_catalogs(folder, DEFAULT_CATALOG if shipped else None)


def catalog_or_stop(reporter: Reporter, path: Path | None) -> Catalog:
    """The catalog at *path* (default: the efkam catalog); a broken one is explained and ends the command."""
    from reportgen.catalog import load_catalog
    from reportgen.resources import DEFAULT_CATALOG

    return or_stop(reporter, lambda: load_catalog(path or DEFAULT_CATALOG))


def or_stop(reporter: Reporter, step: Callable[[], T], nothing_made: bool = False) -> T:
    """What *step* gives; problems that stop the whole run (a broken catalog, no input) are said and end
    the command."""
    try:
        return step()
    except ProblemsFound as found:
        for problem in found.problems:
            reporter.problem(problem)
        if nothing_made:
            reporter.say(NOTHING_RENDERED, style="bold red")
        raise Stop(EXIT_NOTHING_DONE) from None
