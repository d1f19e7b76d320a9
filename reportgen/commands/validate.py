"""``reportgen validate``: every problem of every file, or of the catalogs alone, without rendering."""

from __future__ import annotations

from reportgen.commands.run import FILES, catalogs_or_stop, inputs_or_stop, or_stop
from reportgen.console import EXIT_NOTHING_DONE, EXIT_OK, Reporter
from reportgen.i18n import N_, Counted, Nn_
from reportgen.problems import Message
from reportgen.settings import Settings

SUMMARY_VALIDATE = Message(
    N_("{files} checked: {fine} fine, {warned} with warnings only, {failed} with errors.")
)
SUMMARY_CATALOGS = Message(N_("{catalogs} checked: {warnings}."))
CATALOGS = Nn_("{n} catalog", "{n} catalogs")
WARNINGS = Nn_("{n} warning", "{n} warnings")
NOTHING_TO_CHECK = Message(
    N_("There is nothing to check."),
    N_("Give workbooks or folders to check, or a catalog with --criteria."),
)


def validate(settings: Settings, reporter: Reporter) -> int:
    """Check the inputs (or, without any, the catalogs); returns the exit code."""
    from reportgen.validation import validate as check

    if not settings.inputs and settings.criteria is None:
        reporter.say(NOTHING_TO_CHECK, style="red")
        return EXIT_NOTHING_DONE
    inputs_or_stop(reporter, settings.inputs, nothing_made=False)
    catalogs = catalogs_or_stop(reporter, settings.criteria)
    report = or_stop(reporter, lambda: check(settings.inputs, catalogs, settings.day))
    for problem in report.problems_apart:
        reporter.problem(problem)
    for voices in report.voices:
        reporter.say(voices.line.message, **voices.line.params)
        for problem in voices.conflicts:
            reporter.problem(problem)
    if not settings.inputs:
        warnings = len(report.catalog_problems)
        reporter.say(
            SUMMARY_CATALOGS,
            style="yellow" if warnings else "green",
            catalogs=Counted(CATALOGS, len(catalogs.found)),
            warnings=Counted(WARNINGS, warnings),
        )
        return EXIT_OK
    style = "red" if report.failed else ("yellow" if report.warned else "green")
    reporter.say(
        SUMMARY_VALIDATE,
        style=style,
        files=Counted(FILES, len(report.files)),
        fine=len(report.fine),
        warned=len(report.warned),
        failed=len(report.failed),
    )
    return report.exit_code
