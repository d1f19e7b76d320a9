"""Assessment workbooks (xlsx, ods, and what else python-calamine opens): one account, one period.

A workbook has an account sheet of label/value rows and an assessment sheet with one row per
factor; our team's workbook may add an Actions sheet (see :mod:`reportgen.reading.actions_sheet`). Sheet,
label and header names may be German or English.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportgen.common.problems import Place, ProblemLog
from reportgen.model.assessment import AccountFacts, Assessment, View
from reportgen.model.catalog import Catalog, Catalogs
from reportgen.reading import messages as msg
from reportgen.reading.actions_sheet import has_content, read_actions
from reportgen.reading.facts import FactsReader, assemble
from reportgen.reading.tables import (
    FactorMatcher,
    Table,
    find_header,
    parse_rating_row,
    report_header_not_found,
    report_missing_columns,
    unique_ratings,
)
from reportgen.reading.values import clean_text
from reportgen.reading.vocabulary import (
    ACCOUNT_FIELDS,
    ACCOUNT_SHEET,
    ACTIONS_SHEET,
    ASSESSMENT_SHEET,
    RATING_COLUMNS,
    Term,
)

MAX_ROWS = 2_000
"""An assessment sheet has a row per factor (at most 40); anything far above is not an assessment."""


def load_sheets(
    path: Path, log: ProblemLog, wanted: tuple[Term, ...], optional: tuple[Term, ...] = ()
) -> dict[str, Table] | None:
    """The sheets named like *wanted*, and those named like *optional* that the workbook has, as tables by
    term key; the other sheets are never loaded.

    None, with every reason logged, when the file does not open, a wanted sheet is missing, or a
    sheet is far larger than an assessment.
    """
    import python_calamine as calamine

    place = Place(path)
    workbook = None
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
        log.sheet_order = names
        if not names:  # a workbook without a single sheet: its table of contents is gone
            log.error(place, msg.NOT_A_SPREADSHEET)
            return None
        picked = {term: next((name for name in names if term.matches(name)), None) for term in wanted}
        found = ", ".join(f'"{name}"' for name in names[:12]) + (", …" if len(names) > 12 else "")
        for term, name in picked.items():
            if name is None:
                log.error(place, msg.SHEET_MISSING, sheet=term.label, found=found)
        if None in picked.values():
            return None
        for term in optional:
            name = next((name for name in names if term.matches(name)), None)
            if name is not None:
                picked[term] = name
        tables = {}
        for term, name in picked.items():
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            if len(rows) > MAX_ROWS:
                log.error(Place(path, name), msg.TOO_MANY_ROWS, limit=MAX_ROWS)
                return None
            if term is ACTIONS_SHEET:
                rows = _filled_down(rows, sheet.merged_cell_ranges or ())
            tables[term.key] = Table(Place(path, name), rows)
        return tables
    except calamine.PasswordError:
        log.error(place, msg.PASSWORD_PROTECTED)
    except (calamine.CalamineError, OSError, ValueError):
        log.error(place, msg.NOT_A_SPREADSHEET)
    finally:
        if workbook is not None:
            workbook.close()
    return None


def _filled_down(rows: list[list], merged) -> list[list]:
    """The rows with each cell merged down over several rows holding the merged cell's value: a plan often
    merges one factor's cell over its several actions, and the lower rows must not read as blank (the
    relationship as a whole)."""
    rows = [list(row) for row in rows]
    for (top, column), (bottom, last_column) in merged:
        if column != last_column or top >= len(rows) or column >= len(rows[top]):
            continue  # merged across columns (a title), or outside what was read
        for row in rows[top + 1 : bottom + 1]:
            if column < len(row):
                row[column] = rows[top][column]
    return rows


def read_workbook(path: Path, catalogs: Catalogs, log: ProblemLog) -> list[Assessment]:
    """The workbook's assessment, read with the catalog it names where that one is at hand."""
    sheets = load_sheets(path, log, (ACCOUNT_SHEET, ASSESSMENT_SHEET), optional=(ACTIONS_SHEET,))
    if sheets is None:
        return []
    facts = _read_facts(sheets[ACCOUNT_SHEET.key], log)
    catalog = catalogs.for_ref(facts.catalog_ref())
    header = facts.finish(catalog)
    table = sheets[ASSESSMENT_SHEET.key]
    ratings = _read_ratings(table, catalog, log)
    if header is None or ratings is None:
        return []
    assessment = assemble(header, ratings, table.place, catalog, log)
    if ACTIONS_SHEET.key in sheets:
        assessment = _with_actions(assessment, sheets[ACTIONS_SHEET.key], catalog, log)
    return [] if log.errors else [assessment]


def _with_actions(assessment: Assessment, table: Table, catalog: Catalog, log: ProblemLog) -> Assessment:
    """The assessment with its Actions sheet's rows. Our team keeps the actions: an Actions sheet in the
    key account's questionnaire is not read, and a warning says so when it holds anything."""
    if assessment.raters[0].view is View.KEY_ACCOUNT:
        if has_content(table):
            log.warning(table.place, msg.ACTIONS_OF_THE_KEY_ACCOUNT)
        return assessment
    return replace(assessment, actions=read_actions(table, catalog, log))


def _read_facts(table: Table, log: ProblemLog) -> FactsReader:
    """Label/value rows: the label in the first filled column, the value in the next one."""
    reader = FactsReader(table.place, log)
    for row, cells in enumerate(table.rows):
        filled = [column for column, value in enumerate(cells) if clean_text(value)]
        if not filled:
            continue
        label_column = filled[0]
        term = next((t for t in ACCOUNT_FIELDS if t.matches(cells[label_column])), None)
        if term is not None:
            reader.offer(term, table.value(row, label_column + 1), table.place_of(row, label_column + 1))
    return reader


def _read_ratings(table: Table, catalog: Catalog, log: ProblemLog):
    header = find_header(table, RATING_COLUMNS)
    if header is None:
        report_header_not_found(table, log)
        return None
    header_row, columns = header
    if not report_missing_columns(table, header_row, columns, log):
        return None
    matcher = FactorMatcher(catalog)
    rows = []
    for row in range(header_row + 1, len(table.rows)):
        if table.is_blank_row(row):
            continue
        parsed = parse_rating_row(table, row, columns, matcher, log)
        if parsed is not None:
            rows.append(parsed)
    if not rows and not log.errors:
        log.error(table.place, msg.NO_FACTOR_ROWS)
        return None
    return unique_ratings(rows, log)


__all__ = ["AccountFacts", "load_sheets", "read_workbook"]
