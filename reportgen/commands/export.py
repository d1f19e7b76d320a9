"""``reportgen export``: the computed figures as CSV, xlsx or JSON, for other tools, into a folder or to
standard output (``--out -``) for a pipe."""

from __future__ import annotations

import sys

from reportgen.analysis.all_accounts import AllAccounts
from reportgen.commands.console import EXIT_NOTHING_DONE, Reporter
from reportgen.commands.results import BatchResult, Publisher
from reportgen.commands.run import FILES, Flow, Summary, run_flow
from reportgen.common.i18n import N_, Nn_
from reportgen.common.problems import Message
from reportgen.common.settings import STREAMED_TABLE, Settings
from reportgen.model.assessment import Period
from reportgen.outputs.file_names import export_stem

ASSESSMENTS = Nn_("{n} assessment", "{n} assessments")
SUMMARY_EXPORT = Summary(Message(N_("{accounts} exported, {files} in {folder}.")), ASSESSMENTS, FILES)
SUMMARY_STREAMED = Summary(Message(N_("{accounts} exported to standard output.")), ASSESSMENTS, FILES)
TABLE_WITHOUT_CSV = Message(
    N_("--table picks one CSV table, but an export as {format} holds every table in one file."),
    N_("Leave out --table, or export with --format csv."),
)
XLSX_ON_TERMINAL = Message(
    N_("A workbook (xlsx) cannot be shown on the terminal."),
    N_("Redirect it into a file (--out - > figures.xlsx), or give a folder with --out."),
)


def export(
    settings: Settings,
    reporter: Reporter,
    fmt: str = "csv",
    german_csv: bool = False,
    table: str | None = None,
    to_stdout: bool = False,
) -> int:
    """Every assessment of the period asked for (default: of every period); returns the exit code.

    *table* cuts a CSV export to one table; *to_stdout* writes the export to standard output (CSV: one
    table, by default STREAMED_TABLE) instead of into the folder. Options that cannot work together are
    refused before anything is read.
    """
    from reportgen.outputs.export import export as export_figures
    from reportgen.outputs.export import export_files

    if table is not None and fmt != "csv":
        reporter.say(TABLE_WITHOUT_CSV, style="red", format=fmt)
        return EXIT_NOTHING_DONE
    if to_stdout and fmt == "xlsx" and _is_terminal():
        reporter.say(XLSX_ON_TERMINAL, style="red")
        return EXIT_NOTHING_DONE
    if to_stdout and fmt == "csv" and table is None:
        table = STREAMED_TABLE

    def render(workload: AllAccounts, period: Period | None, publish: Publisher) -> BatchResult:
        analyses = workload.of_period(period)
        publish.result.rendered_accounts = len(analyses)
        if analyses:
            stem, langs = export_stem(period), settings.languages
            if to_stdout:
                ((_, data),) = export_files(analyses, fmt, stem, german_csv, langs, table)
                publish.stream(data)
            else:
                export_figures(analyses, fmt, settings.out_dir, stem, german_csv, langs, publish, table)
        return publish.result

    flow = Flow(SUMMARY_STREAMED if to_stdout else SUMMARY_EXPORT, writes_folder=not to_stdout)
    return run_flow(settings, reporter, flow, render)


def _is_terminal() -> bool:
    """Whether standard output is a terminal, where a workbook's bytes would be garbage and could upset it."""
    return sys.stdout is not None and sys.stdout.isatty()
