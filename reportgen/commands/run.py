"""The flow every rendering command shares: catalog → read and analyse → render → summary → record.

Also the steps the other commands share with it: the period and the catalogs of a run, each said and
ending the command when it cannot be used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reportgen.analysis.all_accounts import AllAccounts, prepare
from reportgen.analysis.selection import period_problem
from reportgen.commands.console import EXIT_NOTHING_DONE, EXIT_OK, Reporter, Stop
from reportgen.commands.results import BatchResult, Publisher, outputs_recorded
from reportgen.common.i18n import N_, Counted, Nn_, Plural
from reportgen.common.problems import (
    DRIVE_FULL,
    FOLDER_NOT_THERE,
    IS_A_FOLDER,
    NO_PERMISSION,
    NOT_A_FOLDER,
    QUOTA_USED_UP,
    READ_ONLY,
    Message,
    Problem,
    ProblemsFound,
    Severity,
    display_path,
    os_reason,
)
from reportgen.common.settings import Settings
from reportgen.model.assessment import Period
from reportgen.model.catalog import Catalog, Catalogs

PDFS = Nn_("{n} PDF", "{n} PDFs")
FILES = Nn_("{n} file", "{n} files")
SUMMARY_FAILED = Message(
    Nn_(
        "{count} file had problems; the ratings it holds are left out of the reports:",
        "{count} files had problems; the ratings they hold are left out of the reports:",
    )
)
NOTHING_RENDERED = Message(N_("No file was made."))
UP_TO_DATE = Message(N_("{files} in {folder} already up to date."))
REMOVED = Message(
    Nn_(
        "Removed {count} file made earlier, since what it was made from is gone or cannot be read, or it is "
        "no longer asked for: {names}.",
        "Removed {count} files made earlier, since what they were made from is gone or cannot be read, or "
        "they are no longer asked for: {names}.",
    )
)
BAD_PERIOD = Message(N_('"{value}" is not a period.'), N_("Write the quarter like 2026-Q3."))
WRITE_FAILED = Message(
    N_("{file} could not be written: {reason}."),
    N_("Check that the folder exists and that you can write to it."),
)
_FREE_SPACE = N_(
    "Nothing half-written was left, and the files written before are whole. Free some space on the drive of "
    "the folder {folder}, then run again."
)
WRITE_HINTS: dict[Message, str] = {
    READ_ONLY: N_("Choose a folder on a drive you can write to."),
    NO_PERMISSION: N_("Choose a folder you can write to, or ask for write access to the folder {folder}."),
    DRIVE_FULL: _FREE_SPACE,
    QUOTA_USED_UP: _FREE_SPACE,
    NOT_A_FOLDER: N_("The file in the way is {folder}: choose another folder, or move that file elsewhere."),
    IS_A_FOLDER: N_("Give the name of a file instead."),
    FOLDER_NOT_THERE: N_("Check the path of the folder {folder}."),
}
"""What to do when a file could not be written, by the reason it could not (see
:data:`reportgen.common.problems.WRITE_REASONS`), naming its folder (or the file where a folder should be)
where that helps: the reason alone, as the system gives it, names neither."""
OUT_NOT_A_FOLDER = Message(
    N_("{folder} is a file, not a folder: nothing can be written into it."),
    N_("Choose a folder for the files, or a new name for one."),
)
INPUT_FOLDER_NOT_FOUND = Message(
    N_("The folder {path} was not found."), N_("Check the path of the folder with the workbooks.")
)
INPUT_FILE_NOT_FOUND = Message(N_("The file {path} was not found."), N_("Check the path and the file name."))

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
    writes_folder: bool = True
    """Whether the files go into the output folder (not to standard output), which must then be one."""
    files_said: bool = True
    """Whether the files' own problems are the run's to say and to record. make's quarter steps leave
    them to the steps that read every file whenever one changes: the briefing step says the warnings
    (once in a make run, not once per quarter), the plan step records the errors. A quarter step runs
    only when its quarter's files change, so an error it recorded would outlive a file removed."""


Render = Callable[[AllAccounts, Period | None, Publisher], BatchResult]
"""Renders what a command makes of the workload (for a period, or every one) and publishes it."""


def run_flow(settings: Settings, reporter: Reporter, flow: Flow, render: Render) -> int:
    """Catalog → read and analyse everything → render → summary; returns the exit code."""
    wanted = period_or_stop(reporter, settings.period)
    inputs_or_stop(reporter, settings.inputs)
    in_the_way = file_in_the_way(settings.out_dir) if flow.writes_folder else None
    if in_the_way is not None:
        reporter.say(OUT_NOT_A_FOLDER, style="red", folder=display_path(in_the_way))
        raise Stop(EXIT_NOTHING_DONE)
    catalogs = catalogs_or_stop(reporter, settings.criteria)
    digested = settings.outputs_record is not None  # make's record needs the digests, nothing else does
    workload = or_stop(
        reporter,
        lambda: prepare(settings.inputs, catalogs, settings.day, digested, settings.workers),
        nothing_made=True,
    )
    if wanted is None and flow.latest_by_default:
        wanted = workload.latest_period()
    missing = period_problem(workload, wanted) if wanted is not None else None
    if flow.latest_by_default and wanted is None:  # nothing could be read: the files' problems say why
        batch = BatchResult(files=workload.files)
    elif missing is not None:
        batch = BatchResult(files=workload.files, render_problems=[missing])
        with outputs_recorded(settings.outputs_record, settings.out_dir, settings.rebuild, batch):
            pass  # for make: the reports of a quarter whose files are all gone can no longer be made
    else:
        try:
            batch = render(workload, wanted, Publisher(BatchResult(files=workload.files), reporter.written))
        except OSError as error:
            reporter.problem(write_failure(error, settings.out_dir))
            return EXIT_NOTHING_DONE
    # A make step that made something records its problems and succeeds, so make goes on to the next
    # step; one that could make nothing (no input, a period without data, every file broken) fails now.
    recording = settings.record is not None and batch.exit_code != EXIT_NOTHING_DONE
    summarise(reporter, batch, settings, flow, errors_recorded=recording)
    if recording:
        record(reporter, batch, settings, flow.files_said)
        if settings.stamp is not None and not batch.render_problems:
            # make's step done; while a report failed to render, the stamp is left as it was, older than
            # what changed since the step last succeeded, so that the next run tries that report again
            # (and makes again only what changed since; a stamp removed would make make rebuild it all)
            settings.stamp.parent.mkdir(parents=True, exist_ok=True)
            settings.stamp.touch()
        return EXIT_OK
    return batch.exit_code


def file_in_the_way(folder: Path) -> Path | None:
    """The file that *folder*, or a folder above it, is instead of a folder; None where there is none, so
    that the folder is there or can be made."""
    return next((path for path in (folder, *folder.parents) if path.exists() and not path.is_dir()), None)


def write_failure(error: OSError, folder: Path) -> Problem:
    """Why a file was not written, naming it (the file *error* names, else *folder*), and what to do,
    naming its folder, or the file that stands where the folder or one above it should be."""
    path = Path(error.filename or folder)
    reason = os_reason(error, writing=True)
    hint = WRITE_HINTS.get(reason, WRITE_FAILED.hint)
    parent = file_in_the_way(path.parent) or path.parent
    params = {"file": display_path(path), "folder": display_path(parent), "reason": reason}
    return Problem(None, Message(WRITE_FAILED.text, hint), params)


def missing_inputs(inputs: Iterable[Path]) -> list[Problem]:
    """Each file or folder to read that is not there, named as what it looks like: a mistyped folder is
    "not found", not one of the files that had problems."""
    from reportgen.common.input_files import SUFFIXES

    return [
        Problem(
            None,
            INPUT_FILE_NOT_FOUND if path.suffix.lower() in SUFFIXES else INPUT_FOLDER_NOT_FOUND,
            {"path": display_path(path)},
        )
        for path in inputs
        if not path.exists()
    ]


def inputs_or_stop(reporter: Reporter, inputs: tuple[Path, ...], nothing_made: bool = True) -> None:
    """A file or folder to read that is not there ends the command (see :func:`missing_inputs`).
    *nothing_made*: the command makes files, and says that it made none."""
    gone = missing_inputs(inputs)
    for problem in gone:
        reporter.problem(problem)
    if gone and nothing_made:
        reporter.say(NOTHING_RENDERED, style="bold red")
    if gone:
        raise Stop(EXIT_NOTHING_DONE)


def record(reporter: Reporter, batch: BatchResult, settings: Settings, files_too: bool = True) -> None:
    """Keep the errors for later make runs (see :func:`reportgen.outputs.make_records.write_record`): the
    files' and the rendering's, or the rendering's alone. They are not printed by the run: make lists every
    recorded one once, at the end of the run and of every later run while it holds (``reportgen
    recorded``)."""
    from reportgen.outputs.make_records import entry, write_record

    assert settings.record is not None
    errors = [p for p in batch.errors if files_too or p in batch.render_problems]
    write_record(settings.record, [entry(p, reporter.lang) for p in errors])


def summarise(
    reporter: Reporter, batch: BatchResult, settings: Settings, flow: Flow, errors_recorded: bool = False
) -> None:
    """Warnings, errors and the closing line; recorded errors are left to make's closing check."""
    if flow.files_said:
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
    folder = display_path(settings.out_dir)
    if batch.written:
        reporter.say(
            flow.summary.message,
            style="green",
            accounts=Counted(flow.summary.accounts, batch.rendered_accounts),
            files=Counted(flow.summary.files, len(batch.written)),
            folder=folder,
        )
    if batch.kept:
        reporter.say(
            UP_TO_DATE, style="green", files=Counted(flow.summary.files, len(batch.kept)), folder=folder
        )
    if not batch.written and not batch.kept:
        reporter.say(NOTHING_RENDERED, style="bold red")
    say_removed(reporter, batch.removed)


def say_removed(reporter: Reporter, removed: list[Path]) -> None:
    """Name the files of earlier runs that were removed, so that nobody wonders where a report went."""
    if removed:
        names = ", ".join(sorted(display_path(path) for path in removed))
        reporter.say(REMOVED, style="yellow", count=len(removed), names=names)


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
    from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
    from reportgen.model.catalog import load_catalogs

    folder = path or CRITERIA_DIR
    shipped = folder.is_dir() and folder.resolve() == CRITERIA_DIR.resolve()
    return load_catalogs(folder, DEFAULT_CATALOG if shipped else None)


def catalog_or_stop(reporter: Reporter, path: Path | None) -> Catalog:
    """The catalog at *path* (default: the efkam catalog); a broken one is explained and ends the command."""
    from reportgen.common.resources import DEFAULT_CATALOG
    from reportgen.model.catalog import load_catalog

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
