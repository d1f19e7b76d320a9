"""Which accounts and period a run renders, and why a choice selects nothing.

Every file is still read: earlier periods give the history of the ones selected.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from reportgen.analysis.all_accounts import AllAccounts
from reportgen.common.i18n import N_
from reportgen.common.problems import Message, Problem, quoted
from reportgen.model.assessment import Assessment, Period, identity_key
from reportgen.model.findings import AccountAnalysis

NO_PERIOD = Message(
    N_("No account has an assessment for {period}."),
    N_("Check the period; the files hold: {periods}."),
)
ACCOUNT_NOT_FOUND = Message(
    N_('No account in the files has the name or ID "{account}".'),
    N_("Did you mean {suggestions}? Give the full name or the ID."),
)
ACCOUNT_NOT_FOUND_AT_ALL = Message(
    N_('No account in the files has the name or ID "{account}".'),
    N_("The files hold: {suggestions}. Give the full name or the ID."),
)
ACCOUNT_NOT_READ = Message(
    N_('No account that could be read has the name or ID "{account}".'),
    N_("If it is in one of the files with problems, correct that file and try again."),
)
ACCOUNT_NOT_IN_PERIOD = Message(
    N_("{account} has no assessment for {period}."),
    N_("Check the period; its files hold: {periods}."),
)
ACCOUNT_SUGGESTIONS = 3
"""How many account names a mistyped --account suggests."""
ACCOUNTS_LISTED = 12
"""How many account names are listed when none is close to a mistyped --account."""


@dataclass(frozen=True)
class Selection:
    """Which briefings to render; every file is still read, since earlier periods give history."""

    period: Period | None = None
    account: str | None = None
    """An account id or name, case ignored."""

    def names(self, assessment: Assessment) -> bool:
        """Whether *assessment* is the account asked for (by its id or name, compared as
        :func:`~reportgen.model.assessment.identity_key` compares them: case and runs of spaces ignored),
        or no account was asked for."""
        return self.account is None or assessment.account.is_named_by(self.account)

    def admits(self, analysis: AccountAnalysis) -> bool:
        assessment = analysis.assessment
        if self.period is not None and assessment.period != self.period:
            return False
        return self.names(assessment)


def period_problem(workload: AllAccounts, period: Period) -> Problem | None:
    """Why *period* selects nothing, or None when some account has an assessment for it."""
    if any(a.assessment.period == period for a in workload.analyses):
        return None
    periods = ", ".join(str(p) for p in workload.periods()) or "–"
    return Problem(None, NO_PERIOD, {"period": str(period), "periods": periods})


def account_problem(workload: AllAccounts, selection: Selection) -> Problem | None:
    """Why ``--account`` selects nothing, or None when it selects something (or was not given).

    Only an exact id or name selects: a partial name that happens to be unique today would silently
    pick another account once a similar one is added. A near miss is suggested instead.
    """
    if selection.account is None:
        return None
    matching = [a for a in workload.analyses if selection.names(a.assessment)]
    if not matching:
        names = sorted({a.assessment.account.name for a in workload.analyses}, key=str.casefold)
        close = _close_names(selection.account, names)
        if not close and any(not f.ok for f in workload.files):  # it may well be in a broken file
            return Problem(None, ACCOUNT_NOT_READ, {"account": selection.account})
        if close:
            return Problem(
                None, ACCOUNT_NOT_FOUND, {"account": selection.account, "suggestions": quoted(*close)}
            )
        listed = [*names[:ACCOUNTS_LISTED], *(["…"] if len(names) > ACCOUNTS_LISTED else [])]
        return Problem(
            None, ACCOUNT_NOT_FOUND_AT_ALL, {"account": selection.account, "suggestions": quoted(*listed)}
        )
    if selection.period is not None and not any(a.assessment.period == selection.period for a in matching):
        periods = ", ".join(str(p) for p in sorted({a.assessment.period for a in matching}))
        name = matching[0].assessment.account.name
        return Problem(
            None,
            ACCOUNT_NOT_IN_PERIOD,
            {"account": name, "period": str(selection.period), "periods": periods},
        )
    return None


def _close_names(typed: str, names: list[str]) -> list[str]:
    """The names that contain what was typed, else the ones that read closest to it (compared as
    :func:`~reportgen.model.assessment.identity_key` compares them: case and runs of spaces ignored)."""
    wanted = identity_key(typed)
    containing = [name for name in names if wanted and wanted in identity_key(name)]
    if containing:
        return containing[:ACCOUNT_SUGGESTIONS]
    by_key = {identity_key(name): name for name in names}
    close = difflib.get_close_matches(wanted, list(by_key), n=ACCOUNT_SUGGESTIONS, cutoff=0.6)
    return [by_key[key] for key in close]
