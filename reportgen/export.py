"""The computed figures for other tools: CSV, xlsx or JSON, with one documented schema.

Two tables: one row per account and period (``accounts``), one per account, period and factor
(``factors``). Text that a spreadsheet would take for a formula is neutralised (OWASP, "CSV
injection"): in CSV it gets a leading apostrophe, in xlsx it is stored as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportgen.model import AccountAnalysis
from reportgen.writing import atomic_write

SCHEMA = "reportgen-export/1"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DIGITS = 4


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str


ACCOUNT_COLUMNS = (
    Column("account_id", "the account's id as given, may be empty"),
    Column("account", "the account's name"),
    Column("period", "the quarter, e.g. 2026-Q3"),
    Column("supplier_index", "S: how much the supplier invests, 0–100"),
    Column("key_account_index", "K: how much the key account invests, 0–100"),
    Column("balance", "S − K; positive when the supplier invests more"),
    Column("zone", "zone id: a relationship type of the catalog, supplier_frustration(_critical) "
                   "or account_invests_more"),
    Column("rated_both", "factors rated on both sides (they make up S and K)"),
    Column("factors_total", "factors in the catalog"),
    Column("coverage", "rated_both / factors_total, 0–1"),
    Column("catalog", "catalog id and version used, e.g. efkam-partnership v1.0"),
    Column("source", "the file the assessment came from"),
)  # fmt: skip
FACTOR_COLUMNS = (
    Column("account_id", "as in accounts"),
    Column("account", "as in accounts"),
    Column("period", "as in accounts"),
    Column("factor_id", "the factor's id in the catalog"),
    Column("factor_number", "its number in reports (catalog order)"),
    Column("weight", "its weight in the indices"),
    Column("supplier", "the supplier's score on the catalog's scale; empty = not rated"),
    Column("key_account", "the key account's score; empty = not rated"),
    Column("gap", "supplier − key_account in scale points; empty unless both are rated"),
)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def account_records(analyses: Iterable[AccountAnalysis]) -> list[dict]:
    return [
        {
            "account_id": a.assessment.account.account_id or "",
            "account": a.assessment.account.name,
            "period": str(a.assessment.period),
            "supplier_index": _round(a.supplier_index),
            "key_account_index": _round(a.key_account_index),
            "balance": _round(a.balance),
            "zone": a.zone.id,
            "rated_both": a.coverage.rated_both,
            "factors_total": a.coverage.total,
            "coverage": _round(a.coverage.share),
            "catalog": a.catalog_label,
            "source": a.assessment.source.name if a.assessment.source else "",
        }
        for a in analyses
    ]


def factor_records(analyses: Iterable[AccountAnalysis]) -> list[dict]:
    return [
        {
            "account_id": a.assessment.account.account_id or "",
            "account": a.assessment.account.name,
            "period": str(a.assessment.period),
            "factor_id": r.factor.id,
            "factor_number": r.number,
            "weight": r.factor.weight,
            "supplier": r.supplier,
            "key_account": r.key_account,
            "gap": _round(r.gap),
        }
        for a in analyses
        for r in a.factors
    ]


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_bytes(records: list[dict], columns: tuple[Column, ...], german: bool) -> bytes:
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return neutralise(value)
        text = repr(value) if isinstance(value, float) else str(value)
        return text.replace(".", ",") if german else text

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if german else ",", lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    writer.writerows([[cell(record[c.name]) for c in columns] for record in records])
    return buffer.getvalue().encode("utf-8-sig" if german else "utf-8")


def _xlsx_bytes(tables: dict[str, tuple[list[dict], tuple[Column, ...]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (records, columns) in tables.items():
        sheet = workbook.create_sheet(name)
        sheet.append([c.name for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row, record in enumerate(records, start=2):
            for column, spec in enumerate(columns, start=1):
                value = record[spec.name]
                cell = sheet.cell(row, column, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # stored as text, never as a formula
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _json_bytes(analyses: list[AccountAnalysis]) -> bytes:
    factors = factor_records(analyses)
    accounts = []
    for record in account_records(analyses):
        key = (record["account_id"], record["account"], record["period"])
        own = [{k: v for k, v in f.items() if k not in ("account_id", "account", "period")} for f in factors
               if (f["account_id"], f["account"], f["period"]) == key]  # fmt: skip
        accounts.append({**record, "factors": own})
    document = {"schema": SCHEMA, "accounts": accounts}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export(
    analyses: list[AccountAnalysis], fmt: str, out_dir: Path, stem: str, german: bool = False
) -> list[Path]:
    """Write the export; returns the files written (two for CSV, one otherwise)."""
    accounts, factors = account_records(analyses), factor_records(analyses)
    written = []
    if fmt == "csv":
        for name, records, columns in (
            ("accounts", accounts, ACCOUNT_COLUMNS),
            ("factors", factors, FACTOR_COLUMNS),
        ):
            target = out_dir / f"{stem}_{name}.csv"
            atomic_write(target, _csv_bytes(records, columns, german))
            written.append(target)
    elif fmt == "xlsx":
        target = out_dir / f"{stem}.xlsx"
        atomic_write(
            target,
            _xlsx_bytes({"accounts": (accounts, ACCOUNT_COLUMNS), "factors": (factors, FACTOR_COLUMNS)}),
        )
        written.append(target)
    else:
        target = out_dir / f"{stem}.json"
        atomic_write(target, _json_bytes(analyses))
        written.append(target)
    return written
