"""The export's schema: every table's columns, what each one means and what kind of value it holds.

It stands alone because it is read by more than the export's writers: the rows are keyed by its column
names (``tables``), the CSV, xlsx and JSON writers put them in its order (the package), and the analysts'
DataFrames take their dtypes from each column's kind (reportgen.api). SCHEMA is its version, which the
JSON document names, so that a tool reading it can tell when the columns changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from reportgen.model.assessment import ActionStatus, View
from reportgen.model.findings import GapClass

SCHEMA = "reportgen-export/4"


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
        return list(in_each_language(self.name, langs, str)) if self.in_languages else [self.name]


ACCOUNT_COLUMNS = (
    Column("account_id", "the account's id as given, may be empty"),
    Column("account", "the account's name"),
    Column("period", "the quarter, e.g. 2026-Q3", kind=Kind.PERIOD),
    Column("key_account_manager", "as in the workbook, may be empty"),
    Column("annual_revenue", "as in the workbook, may be empty", kind=Kind.NUMBER),
    Column("currency", "ISO code of the revenue and of every amount of the account, EUR unless the "
                       "workbook says otherwise"),
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
    Column("effort_hours", "hours our people spend on the account a year, as in the workbook; empty = not "
                           "given", kind=Kind.NUMBER),
    Column("hourly_rate", "the internal cost of an hour: the workbook's own, else the catalog's "
                          "(economics.hourly_rate) in the same currency; may be empty", kind=Kind.NUMBER),
    Column("other_cost_to_serve", "other cost to serve a year, as in the workbook; may be empty",
           kind=Kind.NUMBER),
    Column("cost_to_serve", "effort_hours × hourly_rate + other_cost_to_serve; empty without hours or rate",
           kind=Kind.NUMBER),
    Column("contribution_margin", "a year, as given, or its share of the revenue × annual_revenue; may be "
                                  "empty", kind=Kind.NUMBER),
    Column("cost_to_serve_share", "cost_to_serve / contribution_margin, 0–1 and above; empty unless both "
                                  "are given and the margin is above zero", kind=Kind.NUMBER),
    Column("margin_after_service", "contribution_margin − cost_to_serve; empty unless both are given",
           kind=Kind.NUMBER),
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


def in_each_language(name: str, langs: tuple[str, ...], text: Callable[[str], str]) -> dict:
    """The cells of a column with ``in_languages``: ``name_de``, ``name_en``."""
    return {f"{name}_{lang}": text(lang) for lang in langs}
