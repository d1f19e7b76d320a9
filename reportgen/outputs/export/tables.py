"""The export's rows: each table's records, worked out from the analyses, and the tables themselves.

Four tables: one row per account and period (``accounts``), one per account, period and factor
(``factors``), one per rating as a rater gave it (``ratings``: the raw data, each score with the name
of whoever gave it; the export is the analysts' file, the reports never tie a score to a person), and one
per action of the workbook's Actions sheet (``actions``). Where several raters assessed an account,
``accounts`` and ``factors`` hold our team's mean view, as the reports do, with the team's spread and the
key account's own view beside it. JSON also gives each account its rebalancing proposal (``plan``): a
nested object, which has no place in a flat table.

A record holds values as the model gives them (numbers, flags, None for an empty cell); how a file writes
them is the writers' concern (the package's ``export_files``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from reportgen.analysis.rebalancing import rebalancing_plan
from reportgen.common.rounding import as_written
from reportgen.model.assessment import Assessment, View
from reportgen.model.findings import AccountAnalysis, CostToServe, FactorResult, GapClass, ViewFigures
from reportgen.outputs.export.schema import (
    ACCOUNT_COLUMNS,
    ACTION_COLUMNS,
    FACTOR_COLUMNS,
    RATING_COLUMNS,
    Column,
    in_each_language,
)
from reportgen.views.labels import zone_label, zone_name

DIGITS = 4


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def _amount(value: float | None) -> float | int | None:
    """A revenue as the workbook gave it: a whole amount as a whole number (``4800000``, where a float
    would be written ``4800000.0`` in CSV), a fractional one kept."""
    return None if value is None else as_written(value)


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
            **in_each_language("intended_relationship_name", langs, intended_name),
            "supplier_index": a.supplier_index,
            "key_account_index": a.key_account_index,
            "balance": a.balance,
            "zone": a.zone.id,
            **in_each_language("zone_name", langs, partial(zone_label, a, a.catalog)),
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
            **_cost_to_serve(a.cost_to_serve),
        })  # fmt: skip
    return records


def _cost_to_serve(figures: CostToServe) -> dict:
    """What serving the account costs and returns; amounts to the cent, as the workbook may give cents."""

    def cents(value: float | None) -> float | int | None:
        return None if value is None else _amount(round(value, 2))

    return {
        "effort_hours": _amount(figures.effort_hours),
        "hourly_rate": cents(figures.hourly_rate),
        "other_cost_to_serve": cents(figures.other_cost),
        "cost_to_serve": cents(figures.amount),
        "contribution_margin": cents(figures.contribution_margin),
        "cost_to_serve_share": _round(figures.share),
        "margin_after_service": cents(figures.margin_after_service),
    }


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
            **in_each_language("ka_view_zone_name", langs, lambda lang: None),
        }
    return {
        "ka_view_supplier_index": theirs.supplier_index,
        "ka_view_key_account_index": theirs.key_account_index,
        "ka_view_balance": theirs.balance,
        "ka_view_zone": theirs.zone.id,
        **in_each_language("ka_view_zone_name", langs, partial(zone_name, theirs.zone, a.catalog)),
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
                **in_each_language("factor_title", langs, r.factor.title.get),
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
                **in_each_language("factor_title", langs, factor.title.get if factor else lambda lang: None),
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
"""Every table, by the name common.settings.EXPORT_TABLES gives it, in that order."""
