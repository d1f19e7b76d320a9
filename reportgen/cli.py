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
TEMPLATE_WRITTEN = Message(
    N_("Workbook written: {path} (catalog {catalog})."),
    N_("Fill in the yellow cells, then run: reportgen briefing {path}"),
)


def _shared_options(function):
    """The options every command shares (MkDocs style): inputs, output, language, catalog, debug."""
    from reportgen.resources import DEFAULT_CATALOG

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
        click.option(
            "--criteria",
            type=click.Path(path_type=Path, dir_okay=False),
            default=DEFAULT_CATALOG,
            show_default="criteria/efkam-partnership.yaml",
            help="The criteria catalog to use.",
        ),
        click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error."),
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
    criteria: Path,
    debug: bool,
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
    from reportgen.pipeline import Selection, default_jobs, render_briefings

    def render(reporter, workload, wanted, languages):
        workers = jobs or default_jobs()
        selection = Selection(wanted, account, only_from)
        return render_briefings(
            workload, selection, languages, out_dir, workers, reporter.written, reporter.progress,
            debug=debug, timeout=timeout,
        )  # fmt: skip

    _run(Run(paths, out_dir, lang, criteria, debug, period, SUMMARY_BRIEFINGS), render)


@cli.command()
@_shared_options
@click.option("--period", help="The quarter to report, e.g. 2026-Q3 (default: the latest one found).")
def portfolio(paths, out_dir: Path, lang: str, criteria: Path, debug: bool, period: str | None) -> None:
    """Write the portfolio report for one period over every account in PATHS.

    The file is named portfolio_<period>_<lang>.pdf. Earlier periods in PATHS supply the movements.
    """
    from reportgen.pipeline import render_portfolio

    def render(reporter, workload, wanted, languages):
        return render_portfolio(workload, wanted, languages, out_dir, reporter.written, debug)

    _run(
        Run(paths, out_dir, lang, criteria, debug, period, SUMMARY_PORTFOLIO, latest_by_default=True), render
    )


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
    criteria: Path,
    debug: bool,
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
            for path in export(analyses, workload.catalog, fmt, out_dir, stem, german_csv, languages):
                batch.written.append(path)
                reporter.written(path)
        return batch

    _run(Run(paths, out_dir, lang, criteria, debug, period, SUMMARY_EXPORT), render)


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
        reporter.say(TEMPLATE_WRITTEN, style="green", path=display_path(target), catalog=catalog.label())


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language of the messages.")
@click.option(
    "--criteria",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The criteria catalog to check against (default: criteria/efkam-partnership.yaml).",
)
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
def validate(paths, lang: str | None, criteria: Path | None, debug: bool) -> None:
    """Check workbooks and folders without rendering: every problem with its place and how to fix it.

    Exit code 0 when no file has errors (warnings are fine), 1 when some have, 2 when none can be used.
    """
    from reportgen.resources import DEFAULT_CATALOG
    from reportgen.validation import validate as check

    reporter = Reporter(lang or "all")
    with _guard(reporter, debug):
        catalog_path = criteria or DEFAULT_CATALOG
        report = check(paths, _catalog_or_exit(reporter, catalog_path), catalog_path)
        for problem in report.problems:
            reporter.problem(problem)
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


def _catalog_or_exit(reporter: Reporter, path: Path | None):
    """The catalog at *path* (default: the efkam catalog); a broken one is explained and ends the command."""
    from reportgen.catalog import load_catalog
    from reportgen.resources import DEFAULT_CATALOG

    try:
        return load_catalog(path or DEFAULT_CATALOG)
    except ProblemsFound as found:
        for problem in found.problems:
            reporter.problem(problem)
        sys.exit(EXIT_NOTHING_DONE)


@dataclass(frozen=True)
class Run:
    """What a rendering command was asked to do."""

    paths: tuple[Path, ...]
    out_dir: Path
    lang: str
    criteria: Path
    debug: bool
    period: str | None
    summary: Summary
    latest_by_default: bool = False


def _run(run: Run, render: Callable) -> None:
    reporter = Reporter(run.lang)
    with _guard(reporter, run.debug):
        sys.exit(_flow(reporter, run, render))


def _flow(reporter: Reporter, run: Run, render: Callable) -> int:
    """Catalog → read and analyse everything → render → summary; returns the exit code."""
    from reportgen.pipeline import BatchResult, period_problem, prepare

    wanted = _period_or_exit(reporter, run.period)
    workload = prepare(run.paths, _catalog_or_exit(reporter, run.criteria))
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
    _summarise(reporter, batch, run)
    return batch.exit_code


def _summarise(reporter: Reporter, batch, run: Run) -> None:
    for problem in batch.problems:
        if problem.severity is Severity.WARNING:
            reporter.problem(problem)
    errors = batch.errors
    if errors:
        reporter.say(SUMMARY_FAILED, style="bold red", count=len(batch.failed_files))
        for problem in errors:
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
