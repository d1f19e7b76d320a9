"""The typed objects that pass between the stages: what was read, and what the analysis found.

Shaped for what comes later without changing the stages: a rating carries its rater and whose
view it is (``perspective``), so several raters and the key account's own view of both sides can be
added; an account may carry the relationship type it is meant to have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from reportgen.catalog import Catalog, Factor, RelationshipType
from reportgen.figures import shown_score
from reportgen.problems import Place


class Side(StrEnum):
    SUPPLIER = "supplier"
    KEY_ACCOUNT = "key_account"


class Perspective(StrEnum):
    """Whose view a rating gives: our own team's (the default) or the key account's."""

    SUPPLIER_TEAM = "supplier_team"
    KEY_ACCOUNT = "key_account"


_PERIOD_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*Q(?P<quarter>[1-4])$", re.IGNORECASE),
    re.compile(r"^Q(?P<quarter>[1-4])\s*[-/ ]?\s*(?P<year>\d{4})$", re.IGNORECASE),
)


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter, written ``2026-Q3``."""

    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """``2026-Q3``, ``2026 Q3``, ``Q3 2026`` or ``Q3/2026``; None when it is none of these."""
        cleaned = text.strip()
        for pattern in _PERIOD_PATTERNS:
            match = pattern.match(cleaned)
            if match:
                return cls(int(match["year"]), int(match["quarter"]))
        return None

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def ordinal(self) -> int:
        """Quarters since year 0, so that consecutive quarters differ by one."""
        return self.year * 4 + self.quarter - 1

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Period:
        return cls(ordinal // 4, ordinal % 4 + 1)

    def first_day(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    def previous(self) -> Period:
        return Period.from_ordinal(self.ordinal - 1)


@dataclass(frozen=True)
class AccountFacts:
    name: str
    account_id: str | None = None
    key_account_manager: str | None = None
    annual_revenue: float | None = None
    currency: str = "EUR"
    intended_type: str | None = None
    former_name: str | None = None
    """The name the account had before a rename: it joins the two names' histories."""

    def is_named_by(self, text: str) -> bool:
        """Whether *text* (``--account``) names this account: its Account-ID or its name, compared as
        identity compares them, so that what joins two files into one account also selects it. A blank
        text names no account (it once picked every account without an ID)."""
        wanted = identity_key(text)
        return bool(wanted) and wanted in {identity_key(self.account_id or ""), identity_key(self.name)}


def identity_key(text: str) -> str:
    """An account's name or Account-ID as identity compares it: case and runs of spaces ignored.

    People type both by hand, file after file: ``KA-2210`` and ``ka-2210``, or ``Nordhafen  Logistik``
    and ``nordhafen logistik``, are one account in the history, the CSV reader and ``--account``."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class FactPlaces:
    """Where the facts that identify an account stand in its file, for messages that name them."""

    name: Place | None = None
    account_id: Place | None = None
    former_name: Place | None = None


class _TwoSides:
    """Scores of both sides of a factor; ``None`` is *not rated*."""

    supplier: float | None
    key_account: float | None

    @property
    def rated_both(self) -> bool:
        """Rated on both sides: only such factors count in S and K."""
        return self.supplier is not None and self.key_account is not None

    @property
    def rated_any(self) -> bool:
        """Rated on one side at least: the coverage counts it, though only factors rated on both count in S
        and K."""
        return self.supplier is not None or self.key_account is not None


@dataclass(frozen=True)
class FactorRating(_TwoSides):
    """One rater's scores for one factor: how much each side invests, on the catalog's scale.

    ``None`` means *not rated* – never zero.
    """

    factor_id: str
    supplier: float | None
    key_account: float | None
    comment: str = ""
    rater: str | None = None
    perspective: Perspective = Perspective.SUPPLIER_TEAM


@dataclass(frozen=True)
class Assessment:
    """One account in one period, as read from one source file."""

    account: AccountFacts
    period: Period
    ratings: tuple[FactorRating, ...]
    assessed_by: str | None = None
    assessed_on: date | None = None
    source: Path | None = None
    catalog_ref: str | None = None
    """The catalog the workbook says it was made for, as written: ``efkam-partnership v1.0``."""
    places: FactPlaces = FactPlaces()
    catalog: Catalog | None = None
    """The catalog it was read with: its factor ids are that catalog's."""
    history_key: str | None = None
    """Which account's history this assessment belongs to; set once every file is read (see
    :mod:`reportgen.identity`), since a rename or an Account-ID links assessments of several files."""


class ZoneKind(StrEnum):
    BALANCED = "balanced"
    SUPPLIER_FRUSTRATION = "supplier_frustration"
    ACCOUNT_INVESTS_MORE = "account_invests_more"


SUPPLIER_FRUSTRATION_CRITICAL = f"{ZoneKind.SUPPLIER_FRUSTRATION}_critical"
IMBALANCE_ZONE_IDS = (
    str(ZoneKind.SUPPLIER_FRUSTRATION),
    SUPPLIER_FRUSTRATION_CRITICAL,
    str(ZoneKind.ACCOUNT_INVESTS_MORE),
)
"""The zones outside the balanced band, by id, in the order reports list them."""


@dataclass(frozen=True)
class Zone:
    kind: ZoneKind
    relationship_type: RelationshipType | None = None
    critical: bool = False

    @property
    def id(self) -> str:
        """A stable id for styling and exports: the relationship type, or the imbalance zone."""
        if self.relationship_type is not None:
            return self.relationship_type.id
        return SUPPLIER_FRUSTRATION_CRITICAL if self.critical else str(self.kind)


@dataclass(frozen=True)
class FactorResult(_TwoSides):
    factor: Factor
    number: int
    supplier: float | None
    key_account: float | None
    comments: tuple[str, ...] = ()
    balance_points: float | None = None
    """What this factor adds to the balance S − K, in index points (weighted share of the gap)."""

    @property
    def gap(self) -> float | None:
        """Supplier score − key account score, in scale points; None unless both are rated."""
        if not self.rated_both:
            return None
        return shown_score(self.supplier - self.key_account)

    @property
    def over_investor(self) -> Side | None:
        gap = self.gap
        if not gap:
            return None
        return Side.SUPPLIER if gap > 0 else Side.KEY_ACCOUNT


@dataclass(frozen=True)
class Coverage:
    rated_both: int
    rated_any: int
    total: int

    @property
    def share(self) -> float:
        return self.rated_both / self.total if self.total else 0.0


@dataclass(frozen=True)
class AccountAnalysis:
    assessment: Assessment
    factors: tuple[FactorResult, ...]
    supplier_index: int
    """S in whole points, as every report shows it; balance and zone follow from it."""
    key_account_index: int
    zone: Zone
    drivers: tuple[FactorResult, ...]
    coverage: Coverage
    catalog: Catalog
    """The catalog it was analysed with: each assessment with its own, so one quarter may mix them."""
    exact_supplier_index: float
    """S before rounding, for exports that average many accounts; no report shows it."""
    exact_key_account_index: float

    @property
    def catalog_label(self) -> str:
        return self.catalog.label()

    @property
    def balance(self) -> int:
        """S − K of the shown indices: positive when we invest more than the key account."""
        return self.supplier_index - self.key_account_index
