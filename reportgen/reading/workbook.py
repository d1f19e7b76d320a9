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

MAX_ROWS = 2_000
"""An assessment sheet has a row per factor (at most 40); anything far above is not an assessment."""


def load_sheets(
    path: Path, log: ProblemLog, wanted: tuple[Term, ...]
) -> dict[str, list[list[object]]] | None:
    """The cells of the sheets named like *wanted* (the others are not loaded), by sheet name.

    None (with the reason logged) when the file will not open; a wanted sheet that is missing is
    simply absent from the result.
    """
    import python_calamine as calamine

    place = Place(path)
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        log.error(place, msg.PASSWORD_PROTECTED)
        return None
    except (calamine.CalamineError, OSError, ValueError):
        log.error(place, msg.NOT_A_SPREADSHEET)
        return None
    try:
        names = list(workbook.sheet_names)
        if not names:  # a workbook without a single sheet: its table of contents is gone
            log.error(place, msg.NOT_A_SPREADSHEET)
            return None
        picked = {term.key: next((n for n in names if term.matches(n)), None) for term in wanted}
        sheets: dict[str, list[list[object]]] = {"": [[name] for name in names]}  # the names, for messages
        for name in filter(None, picked.values()):
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
            if len(rows) > MAX_ROWS:
                log.error(Place(path, name), msg.TOO_MANY_ROWS, limit=MAX_ROWS)
                return None
            sheets[name] = rows
        return sheets
    except calamine.PasswordError:
        log.error(place, msg.PASSWORD_PROTECTED)
    except (calamine.CalamineError, OSError, ValueError):
        log.error(place, msg.NOT_A_SPREADSHEET)
    finally:
        workbook.close()
    return None


def _pick_sheet(sheets: dict[str, list], term: Term) -> str | None:
    return next((name for name in sheets if term.matches(name)), None)


def read_workbook(path: Path, catalog: Catalog, log: ProblemLog) -> list[Assessment]:
    sheets = load_sheets(path, log, (ACCOUNT_SHEET, ASSESSMENT_SHEET))
    if sheets is None:
        return []
    all_names = [row[0] for row in sheets.pop("")]
    account_name = _pick_sheet(sheets, ACCOUNT_SHEET)
    assessment_name = _pick_sheet(sheets, ASSESSMENT_SHEET)
    found = ", ".join(f'"{name}"' for name in all_names[:12]) + (", …" if len(all_names) > 12 else "")
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
    assessment = assemble(header, ratings, table.place, catalog, log)
    return [] if log.errors else [assessment]


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
