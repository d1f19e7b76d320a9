"""The command line: ``reportgen briefing|portfolio …``. Only click is imported up front, so ``--help``
is instant; everything else is imported when a command runs."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from reportgen import __version__
from reportgen.i18n import LANGUAGES, N_, Counted, Nn_, Plural, gettext_for, message_language
from reportgen.problems import Message, Problem, ProblemsFound, Severity, display_path

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_DONE = 0, 1, 2


@dataclass(frozen=True)
class Summary:
    """The closing line of a rendering command, and the words for what it counts."""

    message: Message
    accounts: Plural
    files: Plural


PDFS = Nn_("{n} PDF", "{n} PDFs")
FILES = Nn_("{n} file", "{n} files")
SUMMARY_BRIEFINGS = Summary(
    Message(N_("{accounts} made, {files} in {folder}.")), Nn_("{n} briefing", "{n} briefings"), PDFS
)
SUMMARY_EXPORT = Summary(
    Message(N_("{accounts} exported, {files} in {folder}.")), Nn_("{n} assessment", "{n} assessments"), FILES
)
SUMMARY_VALIDATE = Message(
    N_("{files} checked: {fine} fine, {warned} with warnings only, {failed} with errors.")
)
ACCOUNTS = Nn_("{n} account", "{n} accounts")
SUMMARY_PORTFOLIO = Summary(Message(N_("Portfolio of {accounts} made, {files} in {folder}.")), ACCOUNTS, PDFS)
SUMMARY_FAILED = Message(
    Nn_(
        "{count} file had problems; the accounts it concerns got no PDF:",
        "{count} files had problems; the accounts they concern got no PDF:",
    )
)
NOTHING_RENDERED = Message(N_("No file was made."))
BAD_PERIOD = Message(N_('"{value}" is not a period.'), N_("Write the quarter like 2026-Q3."))
UNEXPECTED = Message(
    N_("Something unexpected went wrong: {reason}"), N_("Run again with --debug for details.")
)
WRITE_FAILED = Message(
    N_("The file could not be written: {reason}."), N_("Check that the folder exists and is writable.")
)
RENDERING = Message(N_("Rendering"))
FILE_EXISTS = Message(
    N_("The file {path} already exists."), N_("Choose another name with -o, or add --force to replace it.")
)
RECORDED_PROBLEMS = Message(
    Nn_(
        "{count} file has problems; fix or remove it, and the next run renders what it concerns:",
        "{count} files have problems; fix or remove them, and the next run renders what they concern:",
    )
)
TEMPLATE_WRITTEN = Message(
    N_("Workbook written: {path} (catalog {catalog})."),
    N_("Fill in the yellow cells, then run: reportgen briefing {path}"),
)
TEMPLATE_WRITTEN_OWN_CATALOG = Message(
    N_("Workbook written: {path} (catalog {catalog})."),
    N_("Fill in the yellow cells, then run: reportgen briefing {path} --criteria {criteria}"),
)
SUMMARY_CATALOGS = Message(N_("{catalogs} checked: {warnings}."))
CATALOGS = Nn_("{n} catalog", "{n} catalogs")
WARNINGS = Nn_("{n} warning", "{n} warnings")
NOTHING_TO_CHECK = Message(
    N_("There is nothing to check."),
    N_("Give workbooks or folders to check, or a catalog with --criteria."),
)


CRITERIA_HELP = (
    "A catalog file to use for every workbook, or a folder of catalogs: each workbook is read with the "
    "catalog it names, where the folder has it (default: the catalogs in criteria/)."
)


def _shared_options(function):
    """The options every command shares (MkDocs style): inputs, output, language, catalog, debug."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path)),
        click.option(
            "--out",
            "out_dir",
            type=click.Path(path_type=Path, file_okay=False),
            default=Path("output"),
            show_default=True,
            help="Folder for the PDFs.",
        ),
        click.option(
            "--lang",
            "lang",
            type=click.Choice([*LANGUAGES, "all"]),
            default="all",
            show_default=True,
            help="Language of the report and of the messages (all = German and English).",
        ),
        click.option("--criteria", type=click.Path(path_type=Path), default=None, help=CRITERIA_HELP),
        click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error."),
        click.option(
            "--record",
            type=click.Path(path_type=Path, dir_okay=False),
            hidden=True,
            help="For make: keep the problems in this file for later runs and exit 0 (see 'recorded').",
        ),
    ]

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


class Reporter:
    """Says what happens, in the chosen language: messages to standard error, PDF paths to standard
    output (when no progress bar is shown), a progress bar only on an interactive terminal."""

    def __init__(self, lang: str):
        from rich.console import Console

        self.lang = message_language(None if lang == "all" else lang)
        self._ = gettext_for(self.lang)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.out = Console(highlight=False, soft_wrap=True)
        self.interactive = self.err.is_terminal and not os.environ.get("CI")
        self._progress = None

    def say(self, message: Message, style: str = "", **params) -> None:
        self.err.print(message.word(self.lang, params), style=style, markup=False)

    def problem(self, problem: Problem) -> None:
        label = "✗" if problem.severity is Severity.ERROR else "!"
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        self.err.print(f"{label} {problem.render(self.lang)}", style=style, markup=False)

    def written(self, path: Path) -> None:
        if not self.interactive:
            self.out.print(display_path(path), markup=False)

    def progress(self, done: int, total: int) -> None:
        if not self.interactive or total < 2:
            return
        from rich.progress import Progress

        if self._progress is None:
            self._progress = Progress(console=self.err, transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self._(RENDERING.text), total=total)
        self._progress.update(self._task, completed=done)
        if done >= total:
            self._progress.stop()
            self._progress = None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def cli() -> None:
    """reportgen: partnership briefings for key account management.

    Reads efkam assessment workbooks (xlsx, ods, csv) and writes PDF briefings that show whether
    supplier and key account invest in their partnership in balance.
    """


@cli.command()
@_shared_options
@click.option("--period", help="Only this period, e.g. 2026-Q3 (default: every period found).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
@click.option("--account", help="Only this account (its id or name); the other files still give history.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=120,
    show_default=True,
    help="Seconds one account may take (all its languages) before it is stopped and reported.",
)
@click.option(
    "--only-from",
    "only_from",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Only accounts whose assessments (this period or earlier) come from this file. Repeatable.",
)
def briefing(
    paths,
    out_dir: Path,
    lang: str,
    criteria: Path | None,
    debug: bool,
    record: Path | None,
    period: str | None,
    jobs: int | None,
    account: str | None,
    timeout: float,
    only_from: tuple[Path, ...],
) -> None:
    """Write a PDF briefing for every account in PATHS (files or folders).

    Files are named <account>_<period>_<lang>.pdf. When an account has earlier periods, its
    briefing shows the path and the trend. Exit code 0 when every account was rendered, 1 when some
    failed, 2 when none could be made.
    """
    from reportgen.pipeline import BatchResult, Selection, account_problem, default_jobs, render_briefings

    changed = only_from
    if record is not None and only_from:  # for make: accounts a problem kept out last time are tried again
        from reportgen.makefiles import files_with_problems

        changed = (*only_from, *files_with_problems(record))

    def render(reporter, workload, wanted, languages):
        workers = jobs or default_jobs()
        selection = Selection(wanted, account, changed)
        unknown = account_problem(workload, selection)
        if unknown is not None:
            return BatchResult(files=workload.files, render_problems=[unknown])
        return render_briefings(
            workload, selection, languages, out_dir, workers, reporter.written, reporter.progress,
            debug=debug, timeout=timeout,
        )  # fmt: skip

    run = Run(
        paths, out_dir, lang, criteria, debug, period, SUMMARY_BRIEFINGS, record=record, only_from=only_from
    )
    _run(run, render)


@cli.command()
@_shared_options
@click.option("--period", help="The quarter to report, e.g. 2026-Q3 (default: the latest one found).")
@click.option(
    "--make-deps",
    "make_deps",
    type=click.Path(path_type=Path, dir_okay=False),
    hidden=True,
    help="For make: render nothing, write which files each quarter's portfolio draws on to this file.",
)
def portfolio(
    paths,
    out_dir: Path,
    lang: str,
    criteria: Path | None,
    debug: bool,
    record: Path | None,
    period: str | None,
    make_deps: Path | None,
) -> None:
    """Write the portfolio report for one period over every account in PATHS.

    The file is named portfolio_<period>_<lang>.pdf. Earlier periods in PATHS supply the movements.
    """
    from reportgen.pipeline import render_portfolio

    def render(reporter, workload, wanted, languages):
        return render_portfolio(workload, wanted, languages, out_dir, reporter.written, debug)

    run = Run(
        paths, out_dir, lang, criteria, debug, period, SUMMARY_PORTFOLIO, True, record, warns=record is None
    )
    if make_deps is not None:
        _plan_portfolios(run, make_deps)
    _run(run, render)


@cli.command(name="export")
@_shared_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "json"]),
    default="csv",
    show_default=True,
    help="csv: two files (accounts, factors); xlsx: two sheets; json: accounts with their factors.",
)
@click.option(
    "--german-csv", is_flag=True, help="CSV for German Excel: semicolons, decimal commas, UTF-8 with BOM."
)
@click.option("--period", help="Only this period, e.g. 2026-Q3 (default: every period found).")
def export_command(
    paths,
    out_dir: Path,
    lang: str,
    criteria: Path | None,
    debug: bool,
    record: Path | None,
    fmt: str,
    german_csv: bool,
    period: str | None,
) -> None:
    """Write the computed figures (S, K, balance, zone, coverage, every factor's scores and gap) for
    other tools. The README describes every column."""
    from reportgen.export import export
    from reportgen.pipeline import BatchResult

    def render(reporter, workload, wanted, languages):
        analyses = [a for a in workload.analyses if wanted is None or a.assessment.period == wanted]
        stem = f"reportgen-export_{wanted or 'all'}"
        batch = BatchResult(files=workload.files, rendered_accounts=len(analyses))
        if analyses:
            for path in export(analyses, fmt, out_dir, stem, german_csv, languages):
                batch.written.append(path)
                reporter.written(path)
        return batch

    _run(Run(paths, out_dir, lang, criteria, debug, period, SUMMARY_EXPORT, record=record), render)


@cli.command()
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="de",
    show_default=True,
    help="Language of the workbook (and of the messages).",
)
@click.option(
    "--criteria",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The criteria catalog to use (default: criteria/efkam-partnership.yaml).",
)
@click.option("--account", help="The account's name, filled in already.")
@click.option("--period", help="The quarter, e.g. 2026-Q4, filled in already.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to write the workbook (default: input/<account>_<period>.xlsx).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
def template(
    lang: str,
    criteria: Path | None,
    account: str | None,
    period: str | None,
    output: Path | None,
    force: bool,
    debug: bool,
) -> None:
    """Write an assessment workbook to fill in: instructions, the account's facts, one row per factor."""
    from reportgen.pipeline import made_on
    from reportgen.template import TemplateRequest, build_template, default_template_path
    from reportgen.writing import atomic_write

    reporter = Reporter(lang)
    with _guard(reporter, debug):
        quarter = _period_or_exit(reporter, period)
        catalog = _catalog_or_exit(reporter, criteria)
        request = TemplateRequest(lang, account, str(quarter) if quarter else None)
        target = output or default_template_path(request, made_on())
        if target.exists() and not force:
            reporter.say(FILE_EXISTS, style="red", path=display_path(target))
            sys.exit(EXIT_NOTHING_DONE)
        try:
            atomic_write(target, build_template(catalog, request))
        except OSError as exc:
            reporter.say(WRITE_FAILED, style="red", reason=exc.strerror or str(exc))
            sys.exit(EXIT_NOTHING_DONE)
        params = {"path": display_path(target), "catalog": catalog.label()}
        if criteria is None or _found_without_criteria(catalog):
            reporter.say(TEMPLATE_WRITTEN, style="green", **params)
        else:
            reporter.say(
                TEMPLATE_WRITTEN_OWN_CATALOG, style="green", criteria=display_path(criteria), **params
            )


def _found_without_criteria(catalog) -> bool:
    """Whether a workbook made from *catalog* is read with it when no --criteria is given."""
    from reportgen.catalog import load_catalogs
    from reportgen.resources import CRITERIA_DIR, DEFAULT_CATALOG

    try:
        return load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG).holds(catalog)
    except ProblemsFound:
        return False


@cli.command(hidden=True)
@click.argument("records", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--lang", type=click.Choice([*LANGUAGES, "all"]), default="all", help="Language of the messages."
)
def recorded(records: tuple[Path, ...], lang: str) -> None:
    """For make: list the problems earlier runs recorded (--record) whose file is still there unchanged.

    Exit code 1 while there are any, so that every make run fails until the file is fixed or removed.
    """
    from reportgen.makefiles import NO_FILE, outstanding

    reporter = Reporter(lang)
    problems = outstanding(records)
    if not problems:
        sys.exit(EXIT_OK)
    files = {p.file for p in problems if p.file != NO_FILE}
    if files:
        reporter.say(RECORDED_PROBLEMS, style="bold red", count=len(files))
    for problem in problems:
        reporter.err.print(f"✗ {problem.text}", style="red", markup=False)
    sys.exit(EXIT_SOME_FAILED)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language of the messages.")
@click.option("--criteria", type=click.Path(path_type=Path), default=None, help=CRITERIA_HELP)
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
def validate(paths, lang: str | None, criteria: Path | None, debug: bool) -> None:
    """Check workbooks and folders without rendering: every problem with its place and how to fix it.

    With only --criteria, the catalog itself is checked (texts given in one language only, and any
    mistake that keeps it from loading). Exit code 0 when no file has errors (warnings are fine), 1
    when some have, 2 when none can be used or the catalog is broken.
    """
    from reportgen.validation import validate as check

    reporter = Reporter(lang or "all")
    with _guard(reporter, debug):
        if not paths and criteria is None:
            reporter.say(NOTHING_TO_CHECK, style="red")
            sys.exit(EXIT_NOTHING_DONE)
        catalogs = _catalogs_or_exit(reporter, criteria)
        report = _or_exit(reporter, lambda: check(paths, catalogs))
        for problem in report.problems:
            reporter.problem(problem)
        if not paths:
            warnings = len(report.catalog_problems)
            reporter.say(
                SUMMARY_CATALOGS,
                style="yellow" if warnings else "green",
                catalogs=Counted(CATALOGS, len(catalogs.found)),
                warnings=Counted(WARNINGS, warnings),
            )
            sys.exit(EXIT_OK)
        style = "red" if report.failed else ("yellow" if report.warned else "green")
        reporter.say(
            SUMMARY_VALIDATE,
            style=style,
            files=Counted(FILES, len(report.files)),
            fine=len(report.fine),
            warned=len(report.warned),
            failed=len(report.failed),
        )
        sys.exit(report.exit_code)


def _period_or_exit(reporter: Reporter, text: str | None):
    """The quarter *text* names (None when not given); a text that is no quarter ends the command."""
    from reportgen.model import Period

    if not text:
        return None
    period = Period.parse(text)
    if period is None:
        reporter.say(BAD_PERIOD, style="red", value=text)
        sys.exit(EXIT_NOTHING_DONE)
    return period


def _catalogs_or_exit(reporter: Reporter, path: Path | None):
    """The catalogs *path* gives (a file: that one for everything; a folder: each of its catalogs, for
    the workbooks that name it); by default those in criteria/, with the efkam catalog as default.
    Broken ones are explained and end the command."""
    from reportgen.catalog import load_catalogs
    from reportgen.resources import CRITERIA_DIR, DEFAULT_CATALOG

    folder = path or CRITERIA_DIR
    shipped = folder.is_dir() and folder.resolve() == CRITERIA_DIR.resolve()
    return _or_exit(reporter, lambda: load_catalogs(folder, DEFAULT_CATALOG if shipped else None))


def _catalog_or_exit(reporter: Reporter, path: Path | None):
    """The catalog at *path* (default: the efkam catalog); a broken one is explained and ends the command."""
    from reportgen.catalog import load_catalog
    from reportgen.resources import DEFAULT_CATALOG

    return _or_exit(reporter, lambda: load_catalog(path or DEFAULT_CATALOG))


def _or_exit(reporter: Reporter, step: Callable, nothing_made: bool = False):
    """What *step* gives; problems that stop the whole run (a broken catalog, no input) are said and end
    the command."""
    try:
        return step()
    except ProblemsFound as found:
        for problem in found.problems:
            reporter.problem(problem)
        if nothing_made:
            reporter.say(NOTHING_RENDERED, style="bold red")
        sys.exit(EXIT_NOTHING_DONE)


@dataclass(frozen=True)
class Run:
    """What a rendering command was asked to do."""

    paths: tuple[Path, ...]
    out_dir: Path
    lang: str
    criteria: Path | None
    debug: bool
    period: str | None
    summary: Summary
    latest_by_default: bool = False
    record: Path | None = None
    """For make: where the problems are kept for later runs (the command then exits 0). The errors are
    not printed here: make lists every recorded one once, at the end of the run and of every later run
    while it holds (``reportgen recorded``)."""
    only_from: tuple[Path, ...] = ()
    warns: bool = True
    """Whether the files' warnings are printed. make's portfolio steps leave them to its briefing step,
    which reads the same files, so that a make run says each warning once, not once per quarter."""


def _run(run: Run, render: Callable) -> None:
    reporter = Reporter(run.lang)
    with _guard(reporter, run.debug):
        sys.exit(_flow(reporter, run, render))


def _flow(reporter: Reporter, run: Run, render: Callable) -> int:
    """Catalog → read and analyse everything → render → summary; returns the exit code."""
    from reportgen.pipeline import BatchResult, period_problem, prepare

    wanted = _period_or_exit(reporter, run.period)
    catalogs = _catalogs_or_exit(reporter, run.criteria)
    workload = _or_exit(reporter, lambda: prepare(run.paths, catalogs), nothing_made=True)
    if wanted is None and run.latest_by_default:
        wanted = workload.latest_period()
    missing = period_problem(workload, wanted) if wanted is not None else None
    if run.latest_by_default and wanted is None:  # nothing could be read: the files' problems say why
        batch = BatchResult(files=workload.files)
    elif missing is not None:
        batch = BatchResult(files=workload.files, render_problems=[missing])
    else:
        languages = LANGUAGES if run.lang == "all" else (run.lang,)
        try:
            batch = render(reporter, workload, wanted, languages)
        except OSError as exc:
            reporter.say(WRITE_FAILED, style="red", reason=exc.strerror or str(exc))
            return EXIT_NOTHING_DONE
    # A make step that made something records its problems and succeeds, so make goes on to the next
    # step; one that could make nothing (no input, a period without data, every file broken) fails now.
    recording = run.record is not None and batch.exit_code != EXIT_NOTHING_DONE
    _summarise(reporter, batch, run, errors_recorded=recording)
    if recording:
        _record(reporter, batch, run)
        return EXIT_OK
    return batch.exit_code


def _record(reporter: Reporter, batch, run: Run) -> None:
    """Keep the errors for later make runs (see :func:`reportgen.makefiles.write_record`)."""
    from reportgen.makefiles import READING, RENDERING, entry, write_record

    entries = [
        entry(p, reporter.lang, RENDERING if p in batch.render_problems else READING) for p in batch.errors
    ]
    write_record(run.record, entries, run.only_from or None)


def _plan_portfolios(run: Run, plan: Path) -> None:
    """For make: which quarters have a portfolio and which files each draws on (see reportgen.makefiles).

    Renders nothing and says nothing: the problems of the files are recorded, and the make steps that
    render show them."""
    from reportgen.makefiles import write_portfolio_plan
    from reportgen.pipeline import prepare
    from reportgen.portfolio import portfolio_sources

    reporter = Reporter(run.lang)
    with _guard(reporter, run.debug):
        wanted = _period_or_exit(reporter, run.period)
        catalogs = _catalogs_or_exit(reporter, run.criteria)
        try:
            workload = prepare(run.paths, catalogs)
        except ProblemsFound:  # no input at all: no quarters, and the briefing step says why
            write_portfolio_plan(plan, {})
            sys.exit(EXIT_OK)
        quarters = [wanted] if wanted is not None else workload.periods()
        write_portfolio_plan(plan, {q: portfolio_sources(workload.histories, q) for q in quarters})
        if run.record is not None:
            from reportgen.pipeline import BatchResult

            _record(reporter, BatchResult(files=workload.files), run)
        sys.exit(EXIT_OK)


def _summarise(reporter: Reporter, batch, run: Run, errors_recorded: bool = False) -> None:
    """Warnings, errors and the closing line; recorded errors are left to make's closing check."""
    if run.warns:
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
            run.summary.message,
            style="green",
            accounts=Counted(run.summary.accounts, batch.rendered_accounts),
            files=Counted(run.summary.files, len(batch.written)),
            folder=display_path(run.out_dir),
        )
    else:
        reporter.say(NOTHING_RENDERED, style="bold red")


class _guard:
    """No traceback for users: an unexpected error becomes one sentence and exit code 2 (unless --debug)."""

    def __init__(self, reporter: Reporter, debug: bool):
        self.reporter, self.debug = reporter, debug

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback) -> bool:
        if error is None or isinstance(error, SystemExit | KeyboardInterrupt) or self.debug:
            return False
        self.reporter.say(UNEXPECTED, style="red", reason=str(error) or kind.__name__)
        sys.exit(EXIT_NOTHING_DONE)


def main() -> None:
    import signal

    # A batch stopped with SIGTERM unwinds like Ctrl-C, so no temporary file is left half-written.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    cli()
