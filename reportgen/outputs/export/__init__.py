"""The computed figures for other tools: CSV, xlsx or JSON, with one documented schema
(``schema``).

Each file holds the export's tables (``tables``): CSV one table a file, xlsx one a sheet, and JSON one
document with each account's factors, ratings, actions and rebalancing plan nested under it.

Text that a spreadsheet would take for a formula is neutralised (OWASP, "CSV injection"): in CSV it gets
a leading apostrophe, in xlsx it is stored as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from reportgen.common.i18n import LANGUAGES
from reportgen.common.settings import EXPORT_TABLES
from reportgen.common.writing import atomic_write
from reportgen.model.findings import AccountAnalysis
from reportgen.outputs.export.schema import KEYS, SCHEMA, column_names
from reportgen.outputs.export.tables import TABLES, plan_record
from reportgen.outputs.file_names import export_file_name

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_bytes(records: list[dict], columns: list[str], german: bool) -> bytes:
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return neutralise(value)
        text = repr(value) if isinstance(value, float) else str(value)
        return text.replace(".", ",") if german else text

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if german else ",", lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([[cell(record[name]) for name in columns] for record in records])
    return buffer.getvalue().encode("utf-8-sig" if german else "utf-8")


def _xlsx_bytes(tables: dict[str, tuple[list[dict], list[str]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (records, columns) in tables.items():
        sheet = workbook.create_sheet(name)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row, record in enumerate(records, start=2):
            for column, name in enumerate(columns, start=1):
                value = record[name]
                cell = sheet.cell(row, column, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # stored as text, never as a formula
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _by_account(records: list[dict]) -> dict[tuple, list[dict]]:
    """The rows of a table under the account and period they belong to, without the keys that tie them."""
    by_account: dict[tuple, list[dict]] = {}
    for record in records:
        by_account.setdefault(tuple(record[k] for k in KEYS), []).append(
            {k: v for k, v in record.items() if k not in KEYS}
        )
    return by_account


def _json_bytes(accounts: list[dict], nested: dict[str, list[dict]]) -> bytes:
    """One document: each account with the rows of the *nested* tables (factors, ratings, actions) under
    it."""
    grouped = {table: _by_account(records) for table, records in nested.items()}
    accounts = [
        {**record, **{table: rows.get(tuple(record[k] for k in KEYS), []) for table, rows in grouped.items()}}
        for record in accounts
    ]
    document = {"schema": SCHEMA, "accounts": accounts}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_files(
    analyses: list[AccountAnalysis],
    fmt: str,
    stem: str,
    german: bool = False,
    langs: tuple[str, ...] = LANGUAGES,
    table: str | None = None,
) -> list[tuple[str, bytes]]:
    """The export's files, each as its name and contents (one per table for CSV, one otherwise).

    Titles and names come in each of *langs*, so one export serves a German and an English dashboard.
    A CSV export can be cut to one *table* (one of EXPORT_TABLES), so that a stream, which holds one
    CSV, or a folder gets only what is asked for; xlsx and JSON always hold every table.
    """
    wanted = (table,) if fmt == "csv" and table is not None else EXPORT_TABLES
    tables = {
        name: (TABLES[name].records(analyses, langs), column_names(TABLES[name].columns, langs))
        for name in wanted
    }
    if fmt == "csv":
        return [(export_file_name(stem, fmt, name), _csv_bytes(*tables[name], german)) for name in wanted]
    if fmt == "xlsx":
        return [(export_file_name(stem, fmt), _xlsx_bytes(tables))]
    nested = {name: records for name, (records, _) in tables.items() if name != "accounts"}
    accounts = [
        {**record, "plan": plan_record(a)} for record, a in zip(tables["accounts"][0], analyses, strict=True)
    ]
    return [(export_file_name(stem, fmt), _json_bytes(accounts, nested))]


def figures_json(analyses: list[AccountAnalysis]) -> bytes:
    """The JSON export of *analyses*, with names and titles in every language: what an archival report
    embeds as its figures."""
    ((_, data),) = export_files(analyses, "json", "figures")
    return data


def export(
    analyses: list[AccountAnalysis],
    fmt: str,
    out_dir: Path,
    stem: str,
    german: bool = False,
    langs: tuple[str, ...] = LANGUAGES,
    publish: Callable[[Path, bytes], object] = atomic_write,
    table: str | None = None,
) -> list[Path]:
    """Write the export (CSV: only *table*, when given) into *out_dir* through *publish*; returns the
    files written."""
    written = []
    for name, data in export_files(analyses, fmt, stem, german, langs, table):
        publish(out_dir / name, data)
        written.append(out_dir / name)
    return written
