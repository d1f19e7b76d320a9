"""``reportgen export``: the computed figures as CSV, xlsx or JSON, for other tools."""

from __future__ import annotations

from reportgen.commands.results import BatchResult, Publisher
from reportgen.commands.run import FILES, Flow, Summary, run_flow
from reportgen.console import Reporter
from reportgen.i18n import N_, Nn_
from reportgen.model import Period
from reportgen.naming import export_stem
from reportgen.problems import Message
from reportgen.settings import Settings
from reportgen.workload import Workload

SUMMARY_EXPORT = Summary(
    Message(N_("{accounts} exported, {files} in {folder}.")), Nn_("{n} assessment", "{n} assessments"), FILES
)


def export(settings: Settings, reporter: Reporter, fmt: str = "csv", german_csv: bool = False) -> int:
    """Every assessment of the period asked for (default: of every period); returns the exit code."""
    from reportgen.export import export as export_figures

    def render(workload: Workload, period: Period | None, publish: Publisher) -> BatchResult:
        analyses = [a for a in workload.analyses if period is None or a.assessment.period == period]
        publish.result.rendered_accounts = len(analyses)
        if analyses:
            stem = export_stem(period)
            export_figures(analyses, fmt, settings.out_dir, stem, german_csv, settings.languages, publish)
        return publish.result

    return run_flow(settings, reporter, Flow(SUMMARY_EXPORT), render)
