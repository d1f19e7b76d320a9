"""The command line: ``reportgen briefing …``. Only click is imported up front, so ``--help`` is instant."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from reportgen import __version__
from reportgen.i18n import LANGUAGES, N_, gettext_for, message_language
from reportgen.problems import Message, Problem, ProblemsFound, Severity, display_path

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_DONE = 0, 1, 2

SUMMARY_OK = Message(N_("{accounts} account(s) rendered, {files} PDF(s) in {folder}."))
SUMMARY_FAILED = Message(N_("{count} file(s) had problems; no PDF was made for their accounts:"))
NOTHING_RENDERED = Message(N_("No briefing was made."))
BAD_PERIOD = Message(N_('"{value}" is not a period.'), N_("Write the quarter like 2026-Q3."))
UNEXPECTED = Message(
    N_("Something unexpected went wrong: {reason}"), N_("Run again with --debug for details.")
)
WRITE_FAILED = Message(
    N_("The file could not be written: {reason}."), N_("Check that the folder exists and is writable.")
)


def _shared_options(function):
    """The options every command shares (MkDocs style): language, catalog, debug."""
    from reportgen.resources import DEFAULT_CATALOG

    @click.option(
        "--lang",
        "lang",
        type=click.Choice([*LANGUAGES, "all"]),
        default="all",
        show_default=True,
        help="Language of the report and of the messages (all = German and English).",
    )
    @click.option(
        "--criteria",
        type=click.Path(path_type=Path, dir_okay=False),
        default=DEFAULT_CATALOG,
        show_default="criteria/efkam-partnership.yaml",
        help="The criteria catalog to use.",
    )
    @click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    return wrapper


class Reporter:
    """Prints what happens, in the chosen language, to standard error (PDF paths to standard output)."""

    def __init__(self, lang: str):
        from rich.console import Console

        self.lang = message_language(None if lang == "all" else lang)
        self._ = gettext_for(self.lang)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.out = Console(highlight=False, soft_wrap=True)

    def say(self, message: Message, style: str = "", **params) -> None:
        text = self._(message.text).format(**params)
        if message.hint:
            text += " " + self._(message.hint).format(**params)
        self.err.print(text, style=style, markup=False)

    def problem(self, problem: Problem) -> None:
        label = "✗" if problem.severity is Severity.ERROR else "!"
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        self.err.print(f"{label} {problem.render(self.lang)}", style=style, markup=False)

    def written(self, path: Path) -> None:
        self.out.print(display_path(path), markup=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def cli() -> None:
    """reportgen: partnership briefings for key account management.

    Reads efkam assessment workbooks (xlsx, ods, csv) and writes PDF briefings that show whether
    supplier and key account invest in their partnership in balance.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder for the PDFs.",
)
@click.option("--period", help="Only this period, e.g. 2026-Q3 (default: every period found).")
@_shared_options
def briefing(
    paths: tuple[Path, ...], out_dir: Path, period: str | None, lang: str, criteria: Path, debug: bool
) -> None:
    """Write a PDF briefing for every account in PATHS (files or folders).

    Files are named <account>_<period>_<lang>.pdf. Exit code 0 when every account was rendered,
    1 when some failed, 2 when none could be made.
    """
    reporter = Reporter(lang)
    with _guard(reporter, debug):
        sys.exit(_briefing(reporter, paths, out_dir, period, lang, criteria, debug))


def _briefing(
    reporter: Reporter, paths, out_dir: Path, period: str | None, lang: str, criteria: Path, debug: bool
) -> int:
    from reportgen.catalog import load_catalog
    from reportgen.model import Period
    from reportgen.pipeline import read_all, render_briefings

    wanted = None
    if period:
        wanted = Period.parse(period)
        if wanted is None:
            reporter.say(BAD_PERIOD, style="red", value=period)
            return EXIT_NOTHING_DONE
    try:
        catalog = load_catalog(criteria)
    except ProblemsFound as found:
        for problem in found.problems:
            reporter.problem(problem)
        return EXIT_NOTHING_DONE
    results = read_all(paths, catalog, wanted)
    languages = LANGUAGES if lang == "all" else (lang,)
    try:
        batch = render_briefings(catalog, results, languages, out_dir, reporter.written, debug)
    except OSError as exc:
        reporter.say(WRITE_FAILED, style="red", reason=exc.strerror or str(exc))
        return EXIT_NOTHING_DONE
    for problem in batch.problems:
        if problem.severity is Severity.WARNING:
            reporter.problem(problem)
    errors = [p for p in batch.problems if p.severity is Severity.ERROR]
    if errors:
        reporter.say(SUMMARY_FAILED, style="bold red", count=len(batch.failed_files))
        for problem in errors:
            reporter.problem(problem)
    if batch.written:
        reporter.say(
            SUMMARY_OK,
            style="green",
            accounts=batch.rendered_accounts,
            files=len(batch.written),
            folder=display_path(out_dir),
        )
    else:
        reporter.say(NOTHING_RENDERED, style="bold red")
    return batch.exit_code


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
    cli()
