"""``reportgen recorded`` (for make): the problems the latest run of each step recorded. A step runs again
as soon as an input file changes, so they hold until a file is fixed or removed."""

from __future__ import annotations

from reportgen.commands.console import EXIT_OK, EXIT_SOME_FAILED, Reporter
from reportgen.common.i18n import Nn_
from reportgen.common.problems import Message
from reportgen.common.settings import Settings

RECORDED_PROBLEMS = Message(
    Nn_(
        "{count} file has problems; fix or remove it, and the next run renders what it concerns:",
        "{count} files have problems; fix or remove them, and the next run renders what they concern:",
    )
)


def recorded(settings: Settings, reporter: Reporter) -> int:
    """List the outstanding problems of the records in *settings.inputs*; exit code 1 while any hold."""
    from reportgen.outputs.make_records import NO_FILE, outstanding

    problems = outstanding(settings.inputs)
    if not problems:
        return EXIT_OK
    files = {p.file for p in problems if p.file != NO_FILE}
    if files:
        reporter.say(RECORDED_PROBLEMS, style="bold red", count=len(files))
    for problem in problems:
        reporter.err.print(f"✗ {problem.text}", style="red", markup=False)
    return EXIT_SOME_FAILED
