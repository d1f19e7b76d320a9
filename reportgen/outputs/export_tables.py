"""The computed figures for other tools: CSV, xlsx or JSON, with one documented schema.

Four tables: one row per account and period (``accounts``), one per account, period and factor
(``factors``), one per rating as a rater gave it (``ratings``: the raw data, each score with the name
of whoever gave it; the export is the analysts' file, the reports never tie a score to a person), and one
per action of the workbook's Actions sheet (``actions``). Where several raters assessed an account,
``accounts`` and ``factors`` hold our team's mean view, as the reports do, with the team's spread and the
key account's own view beside it. JSON also gives each account its rebalancing proposal (``plan``): a
nested object, which has no place in a flat table.

Text that a spreadsheet would take for a formula is neutralised (OWASP, "CSV injection"): in CSV it gets
a leading apostrophe, in xlsx it is stored as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path

from reportgen.analysis.rebalancing import rebalancing_plan
from reportgen.common.i18n import LANGUAGES
from reportgen.common.rounding import as_written
from reportgen.common.settings import EXPORT_TABLES
from reportgen.common.writing import atomic_write
from reportgen.model.assessment import ActionStatus, Assessment, View
from reportgen.model.findings import AccountAnalysis, FactorResult, GapClass, ViewFigures
from reportgen.outputs.file_names import export_file_name
from reportgen.views.labels import zone_label, zone_name

SCHEMA = "reportgen-export/4"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DIGITS = 4


class Kind(StrEnum):
    """What a column's values are, so that a reader can type them: the analysts' DataFrames (see
    :mod:`reportgen.api`) take their dtypes from it, and an empty cell is a missing value of any kind."""

    TEXT = "text"
    WHOLE = "whole"
    """A whole number."""
    NUMBER = "number"
    """A number that may have decimals."""
    FLAG = "flag"
    """true or false."""
    PERIOD = "period"
    """A quarter, 2026-Q3."""
    DATE = "date"
    """An ISO date, 2026-12-31."""
    ZONE = "zone"
    """A zone id: the relationship types of the catalog and the imbalance zones (analysis.zone_ids)."""
    CHOICE = "choice"
    """One of the column's *choices*."""


def choices(values: type[StrEnum]) -> tuple[str, ...]:
    """What a CHOICE column may hold, taken from the enum the model writes it from, so they cannot differ."""
    return tuple(str(value) for value in values)


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    in_languages: bool = False
    """A text in the report languages: one column per language asked for, ``name_de``, ``name_en``."""
    kind: Kind = Kind.TEXT
    choices: tuple[str, ...] = ()
    """The values a column of kind CHOICE may hold, in a sensible order."""

    def names(self, langs: tuple[str, ...]) -> list[str]:
        return list(_in_languages(self.name, langs, str)) if self.in_languages else [self.name]


ACCOUNT_COLUMNS = (
    Column("account_id", "the account's id as given, may be empty"),
    Column("account", "the account's name"),
    Column("period", "the quarter, e.g. 2026-Q3", kind=Kind.PERIOD),
    Column("key_account_manager", "as in the workbook, may be empty"),
    Column("annual_revenue", "as in the workbook, may be empty", kind=Kind.NUMBER),
    Column("currency", "ISO code of the revenue, EUR unless the workbook says otherwise"),
    Column("intended_relationship", "id of the relationship type the account is meant to have, may be empty"),
    Column("intended_relationship_name", "its name", in_languages=True),
    Column("supplier_index", "S: how much the supplier invests, 0–100, whole points as the reports show it",
           kind=Kind.WHOLE),
    Column("key_account_index", "K: how much the key account invests, 0–100, as the reports show it",
           kind=Kind.WHOLE),
    Column("balance", "S − K of the two columns before; positive when the supplier invests more",
           kind=Kind.WHOLE),
    Column("zone", "zone id, decided on those figures: a relationship type of the catalog, "
                   "supplier_frustration(_critical) or account_invests_more", kind=Kind.ZONE),
    Column("zone_name", "the zone's name as the reports give it", in_languages=True),
    Column("rated_both", "factors rated on both sides (they make up S and K)", kind=Kind.WHOLE),
    Column("factors_total", "factors in the catalog", kind=Kind.WHOLE),
    Column("coverage", "rated_both / factors_total, 0–1", kind=Kind.NUMBER),
    Column("supplier_index_exact", "S before rounding, for averages over many accounts", kind=Kind.NUMBER),
    Column("key_account_index_exact", "K before rounding", kind=Kind.NUMBER),
    Column("catalog", "catalog id and version used, e.g. efkam-partnership v1.0"),
    Column("source", "the files the assessment was gathered from, in reading order, joined by '; '"),
    Column("supplier_raters", "raters of our team whose ratings count (1 for a single workbook)",
           kind=Kind.WHOLE),
    Column("key_account_raters", "the key account's contacts who answered its questionnaire; 0 without",
           kind=Kind.WHOLE),
    Column("ka_view_supplier_index", "S as the key account's contacts see it; empty without their view",
           kind=Kind.WHOLE),
    Column("ka_view_key_account_index", "K as the key account's contacts see it; empty without their view",
           kind=Kind.WHOLE),
    Column("ka_view_balance", "S − K of the two columns before; empty without the key account's view",
           kind=Kind.WHOLE),
    Column("ka_view_zone", "zone id the key account's view falls in, ids as in zone; empty without it",
           kind=Kind.ZONE),
    Column("ka_view_zone_name", "its name as the reports give it", in_languages=True),
)  # fmt: skip
FACTOR_COLUMNS = (
    Column("account_id", "as in accounts"),
    Column("account", "as in accounts"),
    Column("period", "as in accounts", kind=Kind.PERIOD),
    Column("factor_id", "the factor's id in the catalog"),
    Column("factor_number", "its number in reports (catalog order)", kind=Kind.WHOLE),
    Column("factor_title", "its title", in_languages=True),
    Column("weight", "its weight in the indices", kind=Kind.NUMBER),
    Column("supplier", "the supplier's score on the catalog's scale, as reports show it; empty = not rated",
           kind=Kind.NUMBER),
    Column("key_account", "the key account's score; empty = not rated", kind=Kind.NUMBER),
    Column("gap", "supplier − key_account in scale points; empty unless both are rated", kind=Kind.NUMBER),
    Column("supplier_min", "the lowest supplier score one of our team's raters gave; empty = not rated",
           kind=Kind.NUMBER),
    Column("supplier_max", "the highest one", kind=Kind.NUMBER),
    Column("key_account_min", "the lowest key account score one of our team's raters gave", kind=Kind.NUMBER),
    Column("key_account_max", "the highest one", kind=Kind.NUMBER),
    Column("raters", "raters of our team who scored the factor on either side", kind=Kind.WHOLE),
    Column("disagreement", "true when our team's scores of a side differ by the catalog's "
                           "voices.disagreement_points or more: to discuss in the team", kind=Kind.FLAG),
    Column("ka_view_supplier", "the supplier's score as the key account's contacts see it (their mean)",
           kind=Kind.NUMBER),
    Column("ka_view_key_account", "the key account's score as its contacts see it", kind=Kind.NUMBER),
    Column("perception_supplier", "our view of the supplier's score against theirs: unseen_by_account, "
                                  "underrated_by_us or aligned; empty unless both views rated it",
           kind=Kind.CHOICE, choices=choices(GapClass)),
    Column("perception_key_account", "the same for the key account's score: overrated_account, "
                                     "unseen_by_us or aligned", kind=Kind.CHOICE, choices=choices(GapClass)),
)  # fmt: skip
RATING_COLUMNS = (
    Column("account_id", "as in accounts"),
    Column("account", "as in accounts"),
    Column("period", "as in accounts", kind=Kind.PERIOD),
    Column("rater", "the name(s) under Assessed by; empty when the file names no one"),
    Column("role", "the rater's role as given; may be empty"),
    Column(
        "view",
        "whose view: supplier (our team) or key_account (the key account's contacts)",
        kind=Kind.CHOICE,
        choices=choices(View),
    ),
    Column("factor_id", "the factor's id as the rater's file gives it"),
    Column(
        "supplier", "the score this rater gave the supplier's investment; empty = not rated", kind=Kind.NUMBER
    ),
    Column(
        "key_account",
        "the score this rater gave the key account's investment; empty = not rated",
        kind=Kind.NUMBER,
    ),
    Column("comment", "the rater's comment, may be empty"),
)
ACTION_COLUMNS = (
    Column("account_id", "as in accounts"),
    Column("account", "as in accounts"),
    Column("period", "as in accounts", kind=Kind.PERIOD),
    Column("factor_id", "the catalog factor the action is about; empty: the relationship as a whole"),
    Column("factor_title", "its title; empty without a factor", in_languages=True),
    Column("action", "what is to be done, as written"),
    Column("owner", "who does it, as written; may be empty"),
    Column("due", "the due date, ISO (2026-12-31); may be empty", kind=Kind.DATE),
    Column("status", "open, done or dropped", kind=Kind.CHOICE, choices=choices(ActionStatus)),
    Column("shared", "true when the action is shared with the key account, else false", kind=Kind.FLAG),
)
KEYS = ("account_id", "account", "period")
"""The columns that tie a factor row to its account."""


def column_names(columns: tuple[Column, ...], langs: tuple[str, ...]) -> list[str]:
    return [name for column in columns for name in column.names(langs)]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def _amount(value: float | None) -> float | int | None:
    """A revenue as the workbook gave it: a whole amount as a whole number (``4800000``, where a float
    would be written ``4800000.0`` in CSV), a fractional one kept."""
    return None if value is None else as_written(value)


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
            "annual_revenue": _amount(account.annual_revenue),
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
            "source": _sources(a.assessment),
            "supplier_raters": len(a.assessment.raters_of(View.SUPPLIER)),
            "key_account_raters": len(a.assessment.raters_of(View.KEY_ACCOUNT)),
            **_key_account_view(a, langs),
        })  # fmt: skip
    return records


def _sources(assessment: Assessment) -> str:
    """Every file the assessment was gathered from, joined by "; ": one rater's file is its name alone."""
    paths = assessment.sources or ((assessment.source,) if assessment.source else ())
    return "; ".join(path.name for path in paths)


def _key_account_view(a: AccountAnalysis, langs: tuple[str, ...]) -> dict:
    """S, K, balance and zone as the key account's contacts see them; None (empty) without their view."""
    theirs: ViewFigures | None = a.key_account_view
    if theirs is None:
        return {
            "ka_view_supplier_index": None,
            "ka_view_key_account_index": None,
            "ka_view_balance": None,
            "ka_view_zone": None,
            **_in_languages("ka_view_zone_name", langs, lambda lang: None),
        }
    return {
        "ka_view_supplier_index": theirs.supplier_index,
        "ka_view_key_account_index": theirs.key_account_index,
        "ka_view_balance": theirs.balance,
        "ka_view_zone": theirs.zone.id,
        **_in_languages("ka_view_zone_name", langs, partial(zone_name, theirs.zone, a.catalog)),
    }


def factor_records(analyses: Iterable[AccountAnalysis], langs: tuple[str, ...]) -> list[dict]:
    """One row per factor: our team's mean scores and their spread, and the key account's own view."""
    records = []
    for a in analyses:
        theirs = {r.factor.id: r for r in a.key_account_view.factors} if a.key_account_view else {}
        perception = {gap.factor.id: gap for gap in a.perception}
        for r in a.factors:
            their = theirs.get(r.factor.id)
            gap = perception.get(r.factor.id)
            records.append({
                **_keys(a),
                "factor_id": r.factor.id,
                "factor_number": r.number,
                **_in_languages("factor_title", langs, r.factor.title.get),
                "weight": r.factor.weight,
                "supplier": r.supplier,
                "key_account": r.key_account,
                "gap": _round(r.gap),
                "supplier_min": r.supplier_spread.low,
                "supplier_max": r.supplier_spread.high,
                "key_account_min": r.key_account_spread.low,
                "key_account_max": r.key_account_spread.high,
                "raters": _raters_of_factor(a.assessment, r),
                "disagreement": r.disagreement,
                "ka_view_supplier": their.supplier if their else None,
                "ka_view_key_account": their.key_account if their else None,
                "perception_supplier": _class(gap.supplier_class if gap else None),
                "perception_key_account": _class(gap.key_account_class if gap else None),
            })  # fmt: skip
    return records


def _raters_of_factor(assessment: Assessment, result: FactorResult) -> int:
    """How many of our team's raters scored the factor on one side at least: a side's spread counts only
    those who scored that side."""
    return len({
        rating.rater
        for rating in assessment.ratings
        if rating.view is View.SUPPLIER and rating.factor_id == result.factor.id and rating.rated_any
    })  # fmt: skip


def _class(gap_class: GapClass | None) -> str | None:
    return str(gap_class) if gap_class is not None else None


def rating_records(analyses: Iterable[AccountAnalysis]) -> list[dict]:
    """Every rating as its rater gave it, in reading order: the raw data behind the means."""
    return [
        {
            **_keys(a),
            "rater": rating.rater.name or "",
            "role": rating.rater.role or "",
            "view": str(rating.view),
            "factor_id": rating.factor_id,
            "supplier": rating.supplier,
            "key_account": rating.key_account,
            "comment": rating.comment,
        }
        for a in analyses
        for rating in a.assessment.ratings
    ]


def action_records(analyses: Iterable[AccountAnalysis], langs: tuple[str, ...]) -> list[dict]:
    """Every action of each account's Actions sheet, in the sheet's order; an account without one has
    no row."""
    records = []
    for a in analyses:
        factors = {f.id: f for f in a.catalog.factors}
        for action in a.assessment.actions:
            factor = factors.get(action.factor_id) if action.factor_id else None
            records.append({
                **_keys(a),
                "factor_id": action.factor_id,
                **_in_languages("factor_title", langs, factor.title.get if factor else lambda lang: None),
                "action": action.text,
                "owner": action.owner,
                "due": action.due.isoformat() if action.due else None,
                "status": str(action.status),
                "shared": action.shared,
            })  # fmt: skip
    return records


def plan_record(analysis: AccountAnalysis) -> dict | None:
    """The account's rebalancing proposal as JSON gives it (see :mod:`reportgen.analysis.rebalancing`); None
    when the account is of its target type."""
    plan = rebalancing_plan(analysis)
    if plan is None:
        return None
    projected = plan.projected
    return {
        "target_zone": plan.target_zone_id,
        "reached": plan.reached,
        "moves": [
            {"factor_id": m.factor_id, "side": str(m.side), "from": m.from_score, "to": m.to_score}
            for m in plan.moves
        ],
        "projected": {
            "supplier_index": projected.supplier_index,
            "key_account_index": projected.key_account_index,
            "balance": projected.balance,
            "zone": projected.zone.id,
        },
    }


@dataclass(frozen=True)
class Table:
    """One table of the export: its columns, and its rows as records keyed by the columns' names, in one
    place, so that the CSV, xlsx and JSON writers and the analysts' DataFrames (reportgen.api) cannot
    differ in a column."""

    columns: tuple[Column, ...]
    records: Callable[[list[AccountAnalysis], tuple[str, ...]], list[dict]]


TABLES = {
    "accounts": Table(ACCOUNT_COLUMNS, account_records),
    "factors": Table(FACTOR_COLUMNS, factor_records),
    "ratings": Table(RATING_COLUMNS, lambda analyses, langs: rating_records(analyses)),
    "actions": Table(ACTION_COLUMNS, action_records),
}
"""Every table, by the name naming.EXPORT_TABLES gives it, in that order."""


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
