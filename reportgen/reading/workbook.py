"""Assessment workbooks (xlsx, ods, and what else python-calamine opens): one account, one period.

A workbook has an account sheet of label/value rows and an assessment sheet with one row per
factor. Sheet, label and header names may be German or English.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.catalog import Catalog
from reportgen.model import AccountFacts, Assessment
from reportgen.problems import Place, ProblemLog
from reportgen.reading import messages as msg
from reportgen.reading.facts import FactsReader, Header, assemble
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
from reportgen.reading.vocabulary import ACCOUNT_FIELDS, ACCOUNT_SHEET, ASSESSMENT_SHEET, RATING_COLUMNS, Term


def load_sheets(path: Path, log: ProblemLog) -> dict[str, list[list[object]]] | None:
    """Every sheet's cells by sheet name, or None (with the reason logged) if the file won't open."""
    import python_calamine as calamine

    place = Place(path)
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        try:
            return {
                name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                for name in workbook.sheet_names
            }
        finally:
            workbook.close()
    except calamine.PasswordError:
        log.error(place, msg.PASSWORD_PROTECTED)
    except (calamine.CalamineError, OSError, ValueError) as exc:
        log.error(place, msg.NOT_A_SPREADSHEET, detail=str(exc)[:200])
    return None


def _pick_sheet(sheets: dict[str, list], term: Term) -> str | None:
    return next((name for name in sheets if term.matches(name)), None)


def read_workbook(path: Path, catalog: Catalog, log: ProblemLog) -> list[Assessment]:
    sheets = load_sheets(path, log)
    if sheets is None:
        return []
    account_name = _pick_sheet(sheets, ACCOUNT_SHEET)
    assessment_name = _pick_sheet(sheets, ASSESSMENT_SHEET)
    found = ", ".join(f'"{name}"' for name in sheets)
    for name, term in ((account_name, ACCOUNT_SHEET), (assessment_name, ASSESSMENT_SHEET)):
        if name is None:
            log.error(Place(path), msg.SHEET_MISSING, sheet=term.label, found=found)
    if account_name is None or assessment_name is None:
        return []

    header = _read_facts(Table(Place(path, account_name), sheets[account_name]), catalog, log)
    table = Table(Place(path, assessment_name), sheets[assessment_name])
    ratings = _read_ratings(table, catalog, log)
    if header is None or ratings is None:
        return []
    return [assemble(header, ratings, table.place, catalog, log)]


def _read_facts(table: Table, catalog: Catalog, log: ProblemLog) -> Header | None:
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
    return reader.finish(catalog)


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
