"""What ``--archive`` embeds in a briefing or portfolio: the input files it draws on and its figures.

The PDF/A-3b itself is made in :mod:`reportgen.rendering.archive`; here the commands decide which files
belong to a report, and turn a file that cannot be read again into the account's problem.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.analysis.history import sources_of
from reportgen.common.i18n import N_
from reportgen.common.problems import Message, Place, Problem, os_reason
from reportgen.model.findings import AccountAnalysis
from reportgen.outputs.file_names import archived_figures_name
from reportgen.rendering.archive import Archive, UnreadableSource, gather

BRIEFING_SOURCE_UNREADABLE = Message(
    N_(
        "The archive of the briefing for {account} ({period}) cannot be made, as the file could not be read "
        "again: {reason}."
    ),
    N_("Check that the file is still there and can be opened, then run again."),
)
PORTFOLIO_SOURCE_UNREADABLE = Message(
    N_(
        "The archive of the portfolio report {period} cannot be made, as the file could not be read again: "
        "{reason}."
    ),
    BRIEFING_SOURCE_UNREADABLE.hint,
)
SHARED_NOT_ARCHIVED = Message(
    N_(
        "The edition for the key account cannot be archived: an archive embeds our workbooks, and they hold "
        "our internal ratings, comments and names."
    ),
    N_("Make the shared edition without an archive, or archive our own briefing."),
)


def archive_of(
    analyses: Sequence[AccountAnalysis], stem: str, unreadable: Message, report: dict[str, str]
) -> Archive | Problem:
    """The archive of a report whose figures are those of *analyses*: every file they were gathered
    from, and the figures as the export's JSON; or the problem of a file that cannot be read: the
    *unreadable* message of the report, which *report* names (its account and period, or its period)."""
    from reportgen.outputs.export import figures_json

    try:
        return gather(sources_of(analyses), figures_json(list(analyses)), archived_figures_name(stem))
    except UnreadableSource as failed:
        return Problem(Place(failed.path), unreadable, {**report, "reason": os_reason(failed.error)})
