"""``reportgen export``: the computed figures as CSV, xlsx or JSON, for other tools."""

from __future__ import annotations

from reportgen.commands.results import BatchResult, Publisher
from reportgen.commands.run import FILES, Flow, Summary, run_flow
from reportgen.console import EXIT_NOTHING_DONE, Reporter
from reportgen.i18n import N_, Nn_
from reportgen.model import Period
from reportgen.naming import export_stem
from reportgen.problems import Message
from reportgen.settings import Settings
from reportgen.workload import Workload

SUMMARY_EXPORT = Summary(
    Message(N_("{accounts} exported, {files} in {folder}.")), Nn_("{n} assessment", "{n} assessments"), FILES
)
TABLE_WITHOUT_CSV = Message(
    N_("--table picks one CSV table, but a {format} export holds every table in one file."),
    N_("Leave out --table, or export with --format csv."),
)


def export(
    settings: Settings,
    reporter: Reporter,
    fmt: str = "csv",
    german_csv: bool = False,
    table: str | None = None,
) -> int:
    """Every assessment of the period asked for (default: of every period); returns the exit code.

    *table* cuts a CSV export to one table; with xlsx or JSON, which hold every table in one file, it is
    refused before anything is read.
    """
    from reportgen.export import export as export_figures

    if table is not None and fmt != "csv":
        reporter.say(TABLE_WITHOUT_CSV, style="red", format=fmt)
        return EXIT_NOTHING_DONE

    def render(workload: Workload, period: Period | None, publish: Publisher) -> BatchResult:
        analyses = [a for a in workload.analyses if period is None or a.assessment.period == period]
        publish.result.rendered_accounts = len(analyses)
        if analyses:
            stem = export_stem(period)
            export_figures(
                analyses, fmt, settings.out_dir, stem, german_csv, settings.languages, publish, table
            )
        return publish.result

    return run_flow(settings, reporter, Flow(SUMMARY_EXPORT), render)
