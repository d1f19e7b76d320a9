"""The command line: ``reportgen briefing|portfolio …``. Only click is imported up front, so ``--help``
is instant. The options become one :class:`~reportgen.common.settings.Settings`; each command runs in its own
module under :mod:`reportgen.commands`, imported when it runs."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import click

from reportgen import __version__
from reportgen.common.i18n import LANGUAGES
from reportgen.common.settings import (
    BRIEFING_FORMATS,
    DEFAULT_OUT_DIR,
    EDITIONS,
    EVERY_LANGUAGE,
    EXPORT_TABLES,
    INTERNAL_EDITION,
    PDF,
    RENDER_TIMEOUT_SECONDS,
    STANDARD_OUTPUT,
    STREAMED_TABLE,
    Settings,
)

CRITERIA_HELP = (
    "A catalog file to use for every workbook, or a folder of catalogs: each workbook is read with the "
    "catalog it names, where the folder has it (default: the catalogs in criteria/)."
)
REPORT_LANGUAGE_HELP = "Language of the report and of the messages (all = German and English)."
RECORD_HELP = "For make: keep the problems in this file for later runs and exit 0 (see 'recorded')."
OUTPUTS_RECORD_HELP = (
    "For make: the record of the files this step made and what from; reports up to date by it are not "
    "made again, and files it made whose inputs are gone are removed."
)
REBUILD_HELP = "For make: make every report again, whatever --outputs-record says."
STAMP_HELP = "For make: the step's stamp, touched when it is done, left as it was while a report failed."
EVERY_PERIOD_HELP = "Only this period, e.g. 2026-Q3 or Q3/26 (default: every period found)."
EVERY_LANGUAGE_CHOICE = click.Choice([*LANGUAGES, EVERY_LANGUAGE])
A_PATH, A_FILE = click.Path(path_type=Path), click.Path(path_type=Path, dir_okay=False)
# The output folder, the template's file and the catalog are checked by the command, not here: click's
# own words ("Directory 'x' is a file") are English whatever --lang says.


class FolderOrStandardOutput(click.Path):
    """A folder, or ``-``: standard output, which the command gets as None. Only ``-`` itself is
    standard output; ``./-`` is a folder of that name, as for other command line tools."""

    def __init__(self):
        super().__init__(path_type=Path)

    def convert(self, value, param, ctx):
        return None if value == STANDARD_OUTPUT else super().convert(value, param, ctx)


_criteria = partial(click.option, "--criteria", type=A_PATH, help=CRITERIA_HELP)
_period = partial(click.option, "--period")
_debug = click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
_edition = click.option(
    "--edition",
    type=click.Choice(EDITIONS),
    default=INTERNAL_EDITION,
    help="internal: our briefing; shared: the edition to hand to the key account, without our verdict, "
    "revenue, raters' names or internal comments and actions (files end in _shared.pdf).",
)
_supplier = partial(click.option, "--supplier")
_jobs = click.option(
    "--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: one per core)."
)
_archive = click.option(
    "--archive",
    is_flag=True,
    help="For the archive: PDF/A-3b with the workbooks the report was made from and its figures (JSON) "
    "embedded, so that it carries its own evidence (files end in _archive.pdf). It holds every "
    "rater's own scores and comments: keep it as you keep the workbooks.",
)


def _reading_with(out_help: str, lang_help: str, out_type: click.Path = A_PATH):
    """The options of every command that reads assessments: inputs, output, language, catalog, debug;
    what the output and the language are depends on the command."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=A_PATH),
        click.option("--out", "out_dir", type=out_type, default=DEFAULT_OUT_DIR, help=out_help),
        click.option("--lang", type=EVERY_LANGUAGE_CHOICE, default=EVERY_LANGUAGE, help=lang_help),
        _criteria(),
        _debug,
        click.option("--record", type=A_FILE, hidden=True, help=RECORD_HELP),
    ]

    def decorate(function):
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def _making(function):
    """The options make gives a rendering step: the record of what it made, and whether to make it all."""
    function = click.option("--rebuild", is_flag=True, hidden=True, help=REBUILD_HELP)(function)
    function = click.option("--stamp", type=A_FILE, hidden=True, help=STAMP_HELP)(function)
    return click.option("--outputs-record", type=A_FILE, hidden=True, help=OUTPUTS_RECORD_HELP)(function)


_reading = _reading_with("Folder for the PDFs.", REPORT_LANGUAGE_HELP)
_exporting = _reading_with(
    "Folder for the exported files, or - for standard output: JSON, one CSV table (see --table), or "
    "xlsx redirected into a file or a pipe.",
    "Language of the zone names and factor titles and of the messages (all = a column for German and "
    "one for English).",
    FolderOrStandardOutput(),
)


def _run(command: str, options: dict, **arguments) -> None:
    """Run the function *command* of the module of that name in :mod:`reportgen.commands`, with the
    settings that the command line's *options* give."""
    from importlib import import_module

    from reportgen.commands import execute

    settings = Settings(inputs=tuple(options.pop("paths", ())), **options)
    execute(getattr(import_module(f"reportgen.commands.{command}"), command), settings, **arguments)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "show_default": True})
@click.version_option(__version__, prog_name="reportgen")
def cli() -> None:
    """reportgen: partnership briefings for key account management.

    Reads efkam assessment workbooks (xlsx, ods, csv) and writes PDF briefings that show whether
    supplier and key account invest in their partnership in balance.
    """


@cli.command()
@_reading
@_period(help=EVERY_PERIOD_HELP)
@_jobs
@click.option("--account", help="Only this account (its id or name); the other files still give history.")
@click.option(
    "--timeout",
    "time_limit",
    type=click.FloatRange(min=1),
    default=RENDER_TIMEOUT_SECONDS,
    help="Seconds one account may take (all its languages) before it is stopped and reported.",
)
@_making
@_edition
@_supplier(help="Your company's name, which the shared edition names beside the key account's.")
@_archive
@click.option(
    "--format",
    "formats",
    type=click.Choice(BRIEFING_FORMATS),
    multiple=True,
    default=(PDF,),
    help="pdf: the briefing to read; pptx: an editable PowerPoint deck of it for the meeting. Repeat it for "
    "both (--format pdf --format pptx).",
)
@click.option(
    "--pptx-template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A PowerPoint file or template (.pptx, .potx) whose slide master and layouts the decks use: "
    "your company's design. Default: reportgen's own.",
)
def briefing(account: str | None, formats: tuple[str, ...], **options) -> None:
    """Write a PDF briefing for every account in PATHS (files or folders).

    Files are named <account>_<period>_<lang>.pdf; the edition for the key account (--edition shared)
    <account>_<period>_<lang>_shared.pdf; an archive (--archive) <account>_<period>_<lang>_archive.pdf.
    A deck (--format pptx) is named as its PDF, ending in .pptx.
    When an account has earlier periods, its briefing shows the path and the trend. Exit code 0 when
    every account was rendered, 1 when some failed, 2 when none could be made.
    """
    _run("briefing", {**options, "formats": tuple(dict.fromkeys(formats))}, account=account)


@cli.command()
@_reading
@_period(help="The quarter to report, e.g. 2026-Q3 or Q3/26 (default: the latest one found).")
@_jobs
@click.option(
    "--make-deps",
    type=A_FILE,
    hidden=True,
    help="For make: render nothing, write which files each quarter's portfolio draws on to this file.",
)
@_making
@_archive
def portfolio(make_deps: Path | None, **options) -> None:
    """Write the portfolio report for one period over every account in PATHS.

    The file is named portfolio_<period>_<lang>.pdf (with --archive: portfolio_<period>_<lang>_archive.pdf).
    Earlier periods in PATHS supply the movements.
    """
    _run("portfolio", options, make_deps=make_deps)


@cli.command(name="export")
@_exporting
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "json"]),
    default="csv",
    help="csv: four files (accounts, factors, ratings, actions); xlsx: four sheets; "
    "json: accounts with their factors, ratings, actions and rebalancing plan.",
)
@click.option(
    "--german-csv", is_flag=True, help="CSV for German Excel: semicolons, decimal commas, UTF-8 with BOM."
)
@click.option(
    "--table",
    type=click.Choice(EXPORT_TABLES),
    help=f"csv only: just this table (default: every table into the folder; {STREAMED_TABLE} to "
    "standard output).",
)
@_period(help=EVERY_PERIOD_HELP)
def export_command(fmt: str, german_csv: bool, table: str | None, out_dir: Path | None, **options) -> None:
    """Write the computed figures (S, K, balance, zone, coverage, every factor's scores and gap) for
    other tools. The user guide (make docs) describes every column.

    With --out - they go to standard output, every message to standard error, e.g.
    reportgen export input/ --format json --out - | jq '.accounts[].zone'
    """
    to_stdout = out_dir is None
    folder = {} if to_stdout else {"out_dir": out_dir}
    _run("export", {**options, **folder}, fmt=fmt, german_csv=german_csv, table=table, to_stdout=to_stdout)


@cli.command()
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="de",
    help="Language of the workbook (and of the messages).",
)
@_criteria(help="The criteria catalog to use (default: criteria/efkam-partnership.yaml).")
@click.option("--account", help="The account's name, filled in already.")
@_period(help="The quarter, e.g. 2026-Q4, filled in already.")
@click.option(
    "-o",
    "--output",
    type=A_PATH,
    help="Where to write the workbook (default: input/<account>_<period>.xlsx).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option(
    "--view",
    type=click.Choice(["supplier", "key-account"]),
    default="supplier",
    help="supplier: our team's workbook; key-account: the questionnaire for the key account's contact.",
)
@_supplier(help="Your company's name, which the key account's questionnaire names.")
@click.option("--rater", help="Who rates (Assessed by), filled in already.")
@click.option("--role", help="The rater's role, filled in already.")
@_debug
def template(
    account: str | None,
    output: Path | None,
    force: bool,
    view: str,
    supplier: str | None,
    rater: str | None,
    role: str | None,
    **options,
) -> None:
    """Write an assessment workbook to fill in: instructions, the account's facts, one row per factor.

    With --view key-account, the questionnaire for the key account's contact: it names both companies
    (--supplier, --account) and asks about the supplier's investment first."""
    from reportgen.model.assessment import View

    _run(
        "template",
        options,
        account=account,
        output=output,
        force=force,
        view=View.KEY_ACCOUNT if view == "key-account" else View.SUPPLIER,
        supplier=supplier,
        rater=rater,
        role=role,
    )


@cli.command(hidden=True)
@click.argument("records", nargs=-1, type=A_FILE)
@click.option(
    "--lang",
    type=EVERY_LANGUAGE_CHOICE,
    default=EVERY_LANGUAGE,
    show_default=False,
    help="Language of the messages.",
)
def recorded(records: tuple[Path, ...], lang: str) -> None:
    """For make: list the problems the latest run of each step recorded (--record).

    Exit code 1 while there are any, so that every make run fails until the file is fixed or removed.
    """
    _run("recorded", {"paths": records, "lang": lang})


@cli.command(hidden=True)
@click.argument("text")
def quarter(text: str) -> None:
    """For make: the quarter TEXT names (Q3/26, 3. Quartal 2026, a date), written as reports write it
    (2026-Q3), so that make's PERIOD names the same files as --period. Exit code 2 when it names none;
    the command that is given it then says so."""
    from reportgen.commands.run import period_named

    period = period_named(text)
    if period is None:
        sys.exit(2)
    click.echo(str(period))


@cli.command()
@click.argument("paths", nargs=-1, type=A_PATH)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of the messages.")
@_criteria()
@_debug
def validate(lang: str | None, **options) -> None:
    """Check workbooks and folders without rendering: every problem with its place and how to fix it.

    With only --criteria, the catalog itself is checked (texts given in one language only, and any
    mistake that keeps it from loading). Exit code 0 when no file has errors (warnings are fine), 1
    when some have, 2 when none can be used or the catalog is broken.
    """
    _run("validate", {**options, "lang": lang or EVERY_LANGUAGE})


def main() -> None:
    import signal

    # A batch stopped with SIGTERM unwinds like Ctrl-C, so no temporary file is left half-written.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    cli()
