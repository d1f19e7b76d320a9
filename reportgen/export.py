"""The computed figures for other tools: CSV, xlsx or JSON, with one documented schema.

Two tables: one row per account and period (``accounts``), one per account, period and factor
(``factors``). Text that a spreadsheet would take for a formula is neutralised (OWASP, "CSV
injection"): in CSV it gets a leading apostrophe, in xlsx it is stored as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportgen.i18n import LANGUAGES
from reportgen.model import AccountAnalysis
from reportgen.naming import EXPORT_TABLES, export_file_name
from reportgen.wording import zone_label
from reportgen.writing import atomic_write

SCHEMA = "reportgen-export/2"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DIGITS = 4


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    in_languages: bool = False
    """A text in the report languages: one column per language asked for, ``name_de``, ``name_en``."""

    def names(self, langs: tuple[str, ...]) -> list[str]:
        return list(_in_languages(self.name, langs, str)) if self.in_languages else [self.name]


ACCOUNT_COLUMNS = (
    Column("account_id", "the account's id as given, may be empty"),
    Column("account", "the account's name"),
    Column("period", "the quarter, e.g. 2026-Q3"),
    Column("key_account_manager", "as in the workbook, may be empty"),
    Column("annual_revenue", "as in the workbook, may be empty"),
    Column("currency", "ISO code of the revenue, EUR unless the workbook says otherwise"),
    Column("intended_relationship", "id of the relationship type the account is meant to have, may be empty"),
    Column("intended_relationship_name", "its name", in_languages=True),
    Column("supplier_index", "S: how much the supplier invests, 0–100, whole points as the reports show it"),
    Column("key_account_index", "K: how much the key account invests, 0–100, as the reports show it"),
    Column("balance", "S − K of the two columns before; positive when the supplier invests more"),
    Column("zone", "zone id, decided on those figures: a relationship type of the catalog, "
                   "supplier_frustration(_critical) or account_invests_more"),
    Column("zone_name", "the zone's name as the reports give it", in_languages=True),
    Column("rated_both", "factors rated on both sides (they make up S and K)"),
    Column("factors_total", "factors in the catalog"),
    Column("coverage", "rated_both / factors_total, 0–1"),
    Column("supplier_index_exact", "S before rounding, for averages over many accounts"),
    Column("key_account_index_exact", "K before rounding"),
    Column("catalog", "catalog id and version used, e.g. efkam-partnership v1.0"),
    Column("source", "the file the assessment came from"),
)  # fmt: skip
FACTOR_COLUMNS = (
    Column("account_id", "as in accounts"),
    Column("account", "as in accounts"),
    Column("period", "as in accounts"),
    Column("factor_id", "the factor's id in the catalog"),
    Column("factor_number", "its number in reports (catalog order)"),
    Column("factor_title", "its title", in_languages=True),
    Column("weight", "its weight in the indices"),
    Column("supplier", "the supplier's score on the catalog's scale, as reports show it; empty = not rated"),
    Column("key_account", "the key account's score; empty = not rated"),
    Column("gap", "supplier − key_account in scale points; empty unless both are rated"),
)
KEYS = ("account_id", "account", "period")
"""The columns that tie a factor row to its account."""


def column_names(columns: tuple[Column, ...], langs: tuple[str, ...]) -> list[str]:
    return [name for column in columns for name in column.names(langs)]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def _in_languages(name: str, langs: tuple[str, ...], text: Callable[[str], str]) -> dict:
    """The cells of a column with ``in_languages``: ``name_de``, ``name_en``."""
    return {f"{name}_{lang}": text(lang) for lang in langs}


def _keys(a: AccountAnalysis) -> dict:
    account = a.assessment.account
    return {
        "account_id": account.account_id or "",
        "account": account.name,
        "period": str(a.assessment.period),
    }


def account_records(analyses: Iterable[AccountAnalysis], langs: tuple[str, ...]) -> list[dict]:
    """One row per account and period, each worded by the catalog it was assessed with."""
    records = []
    for a in analyses:
        account = a.assessment.account
        types = {t.id: t for t in a.catalog.zones.relationship_types}
        intended = types.get(account.intended_type) if account.intended_type else None
        intended_name = intended.name.get if intended else (lambda lang: "")
        records.append({
            **_keys(a),
            "key_account_manager": account.key_account_manager or "",
            "annual_revenue": account.annual_revenue,
            "currency": account.currency,
            "intended_relationship": intended.id if intended else "",
            **_in_languages("intended_relationship_name", langs, intended_name),
            "supplier_index": a.supplier_index,
            "key_account_index": a.key_account_index,
            "balance": a.balance,
            "zone": a.zone.id,
            **_in_languages("zone_name", langs, partial(zone_label, a, a.catalog)),
            "rated_both": a.coverage.rated_both,
            "factors_total": a.coverage.total,
            "coverage": _round(a.coverage.share),
            "supplier_index_exact": _round(a.exact_supplier_index),
            "key_account_index_exact": _round(a.exact_key_account_index),
            "catalog": a.catalog_label,
            "source": a.assessment.source.name if a.assessment.source else "",
        })  # fmt: skip
    return records


def factor_records(analyses: Iterable[AccountAnalysis], langs: tuple[str, ...]) -> list[dict]:
    return [
        {
            **_keys(a),
            "factor_id": r.factor.id,
            "factor_number": r.number,
            **_in_languages("factor_title", langs, r.factor.title.get),
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


def _csv_bytes(records: list[dict], columns: list[str], german: bool) -> bytes:
    def cell(value) -> str:
        if value is None:
            return ""
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


def _json_bytes(accounts: list[dict], factors: list[dict]) -> bytes:
    by_account: dict[tuple, list[dict]] = {}
    for f in factors:
        by_account.setdefault(tuple(f[k] for k in KEYS), []).append(
            {k: v for k, v in f.items() if k not in KEYS}
        )
    accounts = [
        {**record, "factors": by_account.get(tuple(record[k] for k in KEYS), [])} for record in accounts
    ]
    document = {"schema": SCHEMA, "accounts": accounts}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_files(
    analyses: list[AccountAnalysis],
    fmt: str,
    stem: str,
    german: bool = False,
    langs: tuple[str, ...] = LANGUAGES,
) -> list[tuple[str, bytes]]:
    """The export's files, each as its name and contents (two for CSV, one otherwise).

    Titles and names come in each of *langs*, so one export serves a German and an English dashboard.
    """
    tables = {
        "accounts": (account_records(analyses, langs), column_names(ACCOUNT_COLUMNS, langs)),
        "factors": (factor_records(analyses, langs), column_names(FACTOR_COLUMNS, langs)),
    }
    if fmt == "csv":
        return [
            (export_file_name(stem, fmt, table), _csv_bytes(*tables[table], german))
            for table in EXPORT_TABLES
        ]
    if fmt == "xlsx":
        return [(export_file_name(stem, fmt), _xlsx_bytes({table: tables[table] for table in EXPORT_TABLES}))]
    return [(export_file_name(stem, fmt), _json_bytes(tables["accounts"][0], tables["factors"][0]))]


def export(
    analyses: list[AccountAnalysis],
    fmt: str,
    out_dir: Path,
    stem: str,
    german: bool = False,
    langs: tuple[str, ...] = LANGUAGES,
    publish: Callable[[Path, bytes], object] = atomic_write,
) -> list[Path]:
    """Write the export into *out_dir* through *publish*; returns the files written."""
    written = []
    for name, data in export_files(analyses, fmt, stem, german, langs):
        publish(out_dir / name, data)
        written.append(out_dir / name)
    return written
