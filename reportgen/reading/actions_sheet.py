"""The optional Actions sheet of our team's workbook: one row per action, with its factor, owner, due date,
status and whether it is shared with the key account.

The sheet is checked cell by cell like the others, but a bad row costs only that row: it is left out with
a warning at its cell, and the workbook's ratings still count. An action is a note on what to do next; the
figures every report is built on must not be lost over a mistyped date.
"""

from __future__ import annotations

from reportgen.common.problems import ProblemLog, quoted
from reportgen.model.assessment import Action, ActionStatus
from reportgen.model.catalog import Catalog
from reportgen.reading import messages as msg
from reportgen.reading.tables import (
    HEADER_SEARCH_ROWS,
    NAME_LIMIT,
    FactorMatcher,
    Table,
    limit_text,
    map_header,
)
from reportgen.reading.values import NotADate, clean_text, parse_date
from reportgen.reading.vocabulary import (
    ACTION,
    ACTION_COLUMNS,
    ACTION_FACTOR,
    DUE,
    OWNER,
    SHARE_WORDS,
    SHARED,
    STATUS,
    STATUS_WORDS,
    share_named,
    status_named,
)

ACTION_LIMIT = 300
"""An action is a sentence or two; reports show this many characters of a longer one."""


def read_actions(table: Table, catalog: Catalog, log: ProblemLog) -> tuple[Action, ...]:
    """The sheet's actions in its order; blank rows are skipped, a bad row is left out with a warning."""
    header = _find_header(table)
    if header is None:
        if any(not table.is_blank_row(row) for row in range(len(table.rows))):
            log.warning(
                table.place,
                msg.ACTIONS_NO_HEADER,
                column=ACTION.label,
                factor=ACTION_FACTOR.label,
                owner=OWNER.label,
                due=DUE.label,
                status=STATUS.label,
                shared=SHARED.label,
            )
        return ()
    header_row, columns = header
    matcher = FactorMatcher(catalog)
    actions = []
    for row in range(header_row + 1, len(table.rows)):
        if not table.is_blank_row(row):
            action = _read_row(_Row(table, row, columns), matcher, log)
            if action is not None:
                actions.append(action)
    return tuple(actions)


def has_content(table: Table) -> bool:
    """Whether the sheet holds anything below its header (or anything at all, without one)."""
    header = _find_header(table)
    first = header[0] + 1 if header else 0
    return any(not table.is_blank_row(row) for row in range(first, len(table.rows)))


def _find_header(table: Table) -> tuple[int, dict[str, int]] | None:
    """The first of the top rows that names the action column."""
    for row in range(min(HEADER_SEARCH_ROWS, len(table.rows))):
        columns = map_header(table, row, ACTION_COLUMNS)
        if ACTION.key in columns:
            return row, columns
    return None


class _Row:
    """One row of the sheet, its cells by column term."""

    def __init__(self, table: Table, row: int, columns: dict[str, int]):
        self.table, self.row, self.columns = table, row, columns

    def text(self, key: str) -> str:
        return self.table.text(self.row, self.columns[key]) if key in self.columns else ""

    def value(self, key: str) -> object:
        return self.table.value(self.row, self.columns[key]) if key in self.columns else None

    def place(self, key: str):
        return self.table.place_of(self.row, self.columns.get(key, 0))


def _read_row(row: _Row, matcher: FactorMatcher, log: ProblemLog) -> Action | None:
    """One action, or None with a warning at each bad cell (every cell is checked, so one look at the
    messages shows all that is wrong in the row)."""
    warnings_before = len(log.problems)
    text = row.text(ACTION.key)
    if not text:
        log.warning(row.place(ACTION.key), msg.ACTION_TEXT_MISSING, column=ACTION.label)
    factor_id = _factor(row, matcher, log)
    due = _due(row, log)
    status = _status(row, log)
    shared = _shared(row, log)
    if len(log.problems) > warnings_before:
        return None
    owner = row.text(OWNER.key)
    return Action(
        text=limit_text(text, ACTION_LIMIT, row.place(ACTION.key), log),
        factor_id=factor_id,
        owner=limit_text(owner, NAME_LIMIT, row.place(OWNER.key), log) if owner else None,
        due=due,
        status=status,
        shared=shared,
        place=row.place(ACTION.key),
    )


def _factor(row: _Row, matcher: FactorMatcher, log: ProblemLog) -> str | None:
    """The factor the action is about; None for a blank cell (the relationship as a whole) or an unknown
    one."""
    text = row.text(ACTION_FACTOR.key)
    if not text:
        return None
    factor_id = matcher.match(text)
    if factor_id is None:
        suggestion = matcher.suggest(text)
        log.warning(
            row.place(ACTION_FACTOR.key),
            msg.ACTION_FACTOR_UNKNOWN_NEAR if suggestion else msg.ACTION_FACTOR_UNKNOWN,
            value=text,
            catalog=matcher.catalog.label(),
            suggestion=suggestion,
        )
    return factor_id


def _due(row: _Row, log: ProblemLog):
    """A date cell, or a date typed as 2026-12-31 or 31.12.2026; blank is no due date."""
    raw = row.value(DUE.key)
    if not clean_text(raw):
        return None
    try:
        return parse_date(raw)
    except NotADate:
        log.warning(row.place(DUE.key), msg.ACTION_DUE_INVALID, value=clean_text(raw))
        return None


def _status(row: _Row, log: ProblemLog) -> ActionStatus:
    """The status in either language; blank is open."""
    text = row.text(STATUS.key)
    status = status_named(text) if text else ActionStatus.OPEN
    if status is None:
        log.warning(
            row.place(STATUS.key),
            msg.ACTION_STATUS_UNKNOWN,
            value=text,
            options=quoted(*STATUS_WORDS.values()),
            open=quoted(STATUS_WORDS[ActionStatus.OPEN]),
        )
        return ActionStatus.OPEN
    return status


def _shared(row: _Row, log: ProblemLog) -> bool:
    """Whether the action goes to the key account; blank is no, so nothing is shared by mistake."""
    text = row.text(SHARED.key)
    shared = share_named(text) if text else False
    if shared is None:
        log.warning(
            row.place(SHARED.key),
            msg.ACTION_SHARE_UNKNOWN,
            value=text,
            yes=quoted(SHARE_WORDS[True]),
            no=quoted(SHARE_WORDS[False]),
        )
        return False
    return shared
