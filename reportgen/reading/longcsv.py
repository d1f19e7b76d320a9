"""Long CSV files as CRM systems export them: one row per account × period × factor.

German Excel writes ``;`` with decimal commas in UTF-8 with BOM or in Windows-1252; English tools
write ``,``. Both, and tab-separated files, are read. Cells are named as a spreadsheet would show the
file (``C7`` = third column, seventh row), since that is where users open it.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from reportgen.common.problems import Place, ProblemLog
from reportgen.model.assessment import Assessment, View, identity_key
from reportgen.model.catalog import Catalogs
from reportgen.reading import messages as msg
from reportgen.reading.facts import FactsReader, assemble
from reportgen.reading.tables import (
    FactorMatcher,
    RowRating,
    Table,
    find_header,
    parse_rating_row,
    report_header_not_found,
    report_missing_columns,
    unique_ratings,
)
from reportgen.reading.values import normalise_key, period_key
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ASSESSED_BY,
    CSV_ACCOUNT_NAME,
    CSV_COLUMNS,
    PERIOD,
    RATING_COLUMNS,
    VIEW,
    Term,
    view_named,
)


def decode(data: bytes) -> str | None:
    """Text from bytes: UTF-16 or UTF-8 (with or without BOM), else Windows-1252; None if neither."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    elif _looks_like_utf16(data[:4096]):
        encodings = ("utf-16-le",) if data[1:2] == b"\x00" else ("utf-16-be",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _looks_like_utf16(head: bytes) -> bool:
    """UTF-16 without a byte order mark: ASCII text with a zero byte beside every letter."""
    return len(head) >= 4 and (
        head[1::2].count(0) > 0.8 * len(head[1::2]) or head[0::2].count(0) > 0.8 * len(head[0::2])
    )


def sniff_delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return max((";", ",", "\t"), key=first_line.count)


def read_table(path: Path, log: ProblemLog) -> Table | None:
    place = Place(path)
    data = path.read_bytes()
    if not data.strip():
        log.error(place, msg.EMPTY_FILE)
        return None
    text = decode(data)
    if text is None or "\x00" in text:
        log.error(place, msg.NOT_TEXT)
        return None
    try:
        rows = list(csv.reader(text.splitlines(), delimiter=sniff_delimiter(text)))
    except csv.Error:  # a field beyond the csv module's limit, or a stray NUL: not an export
        log.error(place, msg.NOT_A_SPREADSHEET)
        return None
    return Table(place, [list(row) for row in rows])


def read_long_csv(path: Path, catalogs: Catalogs, log: ProblemLog) -> list[Assessment]:
    """Every account and period of the export, each read with the catalog its rows name (if at hand)."""
    table = read_table(path, log)
    if table is None:
        return []
    header = find_header(table, CSV_COLUMNS)
    if header is None:
        report_header_not_found(table, log)
        return []
    header_row, columns = header
    if not report_missing_columns(table, header_row, columns, log):
        return []
    for term in (CSV_ACCOUNT_NAME, PERIOD):
        if term.key not in columns:
            log.error(table.place_of(header_row, 0), msg.COLUMN_MISSING, column=term.label)
    if log.errors:
        return []

    groups = _group_rows(table, header_row, columns, log)
    matchers: dict[int, FactorMatcher] = {}
    assessments = []
    for rows in groups.values():
        # Each account and period stands on its own: a mistake in one keeps only that one out.
        group_log = ProblemLog()
        facts = FactsReader(table.place, group_log)
        rated: list[RowRating] = []
        for row in rows:
            for term in CSV_COLUMNS:
                if term.key in columns and term not in RATING_COLUMNS:
                    facts.offer(
                        term, table.value(row, columns[term.key]), table.place_of(row, columns[term.key])
                    )
        catalog = catalogs.for_ref(facts.catalog_ref())
        matcher = matchers.setdefault(id(catalog), FactorMatcher(catalog))
        for row in rows:
            parsed = parse_rating_row(table, row, columns, matcher, group_log)
            if parsed is not None:
                rated.append(parsed)
        header = facts.finish(catalog)
        ratings = unique_ratings(rated, group_log)
        if header is not None:
            assessment = assemble(header, ratings, table.place, catalog, group_log)
            if not group_log.errors:
                assessments.append(assessment)
        log.problems.extend(group_log.problems)
    if not groups:
        log.error(table.place, msg.NO_FACTOR_ROWS)
    return assessments


def _group_rows(table: Table, header_row: int, columns: dict[str, int], log: ProblemLog) -> dict:
    """Row numbers by account, period and rater (name and view, where the export has those columns): each
    rater's rows are one rating, gathered with the account's other raters once every file is read. Rows
    without an account or period are reported and left out."""
    groups: dict[tuple[str, ...], list[int]] = {}
    identity: Term = ACCOUNT_ID if ACCOUNT_ID.key in columns else CSV_ACCOUNT_NAME
    for row in range(header_row + 1, len(table.rows)):
        if table.is_blank_row(row):
            continue
        key = []
        for term in (identity, PERIOD):
            text = table.text(row, columns[term.key])
            if not text:
                log.error(table.place_of(row, columns[term.key]), msg.CELL_EMPTY, field=term.label)
            key.append(period_key(text) if term is PERIOD else identity_key(text))
        if all(key):
            groups.setdefault((key[0], key[1], *_rater_key(table, row, columns)), []).append(row)
    return groups


def _rater_key(table: Table, row: int, columns: dict[str, int]) -> tuple[str, str]:
    """Who rated a row, as far as the export says: name and view (a view not understood stays apart, so
    that reading it reports it)."""
    name, view = (table.text(row, columns[t.key]) if t.key in columns else "" for t in (ASSESSED_BY, VIEW))
    named = view_named(view) if view else View.SUPPLIER
    return identity_key(name), str(named) if named else normalise_key(view)
