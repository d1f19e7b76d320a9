"""What was read: an account's assessment in one period, its raters, facts, ratings and actions.

An assessment is one account in one period. It holds the ratings of every rater who assessed it: several
people of our team, and the key account's own contacts, each rating both sides of every factor. Each
rating carries its :class:`Rater`, so the analysis can take each view's mean and the team's spread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from reportgen.common.problems import Place
from reportgen.model.catalog import Catalog


class Side(StrEnum):
    SUPPLIER = "supplier"
    KEY_ACCOUNT = "key_account"


class View(StrEnum):
    """Whose view a rating gives: our own team's (the default) or the key account's contacts'."""

    SUPPLIER = "supplier"
    KEY_ACCOUNT = "key_account"


@dataclass(frozen=True)
class Rater:
    """Who rated, as the workbook says: the name(s) under *Assessed by* (two names are one joint rating),
    a role, and whose view. A file without a name is a rater too, known by its file alone.

    Reports list raters by name but never tie a score to one of them."""

    name: str | None = None
    role: str | None = None
    view: View = View.SUPPLIER
    source: Path | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Who this rater is for telling raters apart: the same name in the same view is the same rater.

        The key account's contacts may leave their name out (the questionnaire says so), so each of their
        unnamed files is a rater of its own; our team's unnamed files are one unknown rater, since a copy
        of a workbook must not count twice."""
        name = identity_key(self.name or "")
        if not name and self.view is View.KEY_ACCOUNT:
            return (self.view, f"file:{self.source}")
        return (self.view, name)


_PERIOD_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})\s*[-/ ]?\s*Q(?P<quarter>[1-4])$", re.IGNORECASE),
    re.compile(r"^Q(?P<quarter>[1-4])\s*[-/ ]?\s*(?P<year>\d{4})$", re.IGNORECASE),
)


YEARS = range(1950, 2100)
"""The years an assessment can be of. A year outside them is a typo (``0000-Q3``, ``2206``), never a
quarter anyone assessed; a spreadsheet's day numbers are read as dates within them too."""


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter, written ``2026-Q3``."""

    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """``2026-Q3``, ``2026 Q3``, ``Q3 2026`` or ``Q3/2026``; None when it is none of these, or its year
        is not one an assessment can be of (:data:`YEARS`)."""
        cleaned = text.strip()
        for pattern in _PERIOD_PATTERNS:
            match = pattern.match(cleaned)
            if match:
                return cls.of(int(match["year"]), int(match["quarter"]))
        return None

    @classmethod
    def of(cls, year: int, quarter: int) -> Period | None:
        """The quarter of *year* as read from a user's text; None when no assessment can be of that year
        (:data:`YEARS`)."""
        return cls(year, quarter) if year in YEARS else None

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
class ServiceFacts:
    """What serving the account takes and what it returns in a year, as our team's workbook gives them: the
    raw facts, each None where not given (never zero), amounts in the account's currency. What they add up
    to is the analysis's (:mod:`reportgen.analysis.cost_to_serve`)."""

    effort_hours: float | None = None
    """The hours our people spend on the account: key account management, service, engineering, management."""
    other_cost: float | None = None
    """Special services, samples, consignment stock, free engineering."""
    contribution_margin: float | None = None
    """The margin as an amount; or None where it was given as a share of the revenue (*margin_share*)."""
    margin_share: float | None = None
    """The margin as a share of the annual revenue (0.18 for 18 %), where it was given so."""
    hourly_rate: float | None = None
    """The internal cost of an hour, where the workbook gives its own; else the catalog's counts."""

    @property
    def given(self) -> bool:
        return any(value is not None for value in vars(self).values())


@dataclass(frozen=True)
class AccountFacts:
    name: str
    account_id: str | None = None
    key_account_manager: str | None = None
    annual_revenue: float | None = None
    currency: str = "EUR"
    currency_named: bool = False
    """The file named the currency (its Currency field, or the amount: ``1,3 Mio. CHF``); if not, the
    revenue is in euros only by default, and a team's file that names one tells its currency."""
    intended_type: str | None = None
    former_name: str | None = None
    """The name the account had before a rename: it joins the two names' histories."""
    service: ServiceFacts = ServiceFacts()
    """What serving the account takes and returns: only our team's files give it, never the key account's."""

    def is_named_by(self, text: str) -> bool:
        """Whether *text* (``--account``) names this account: its Account-ID or its name, compared as the
        accounts are told apart (:func:`identity_key`), so that what joins two files into one account also
        selects it. A blank text names no account (it once picked every account without an ID)."""
        wanted = identity_key(text)
        return bool(wanted) and wanted in {identity_key(self.account_id or ""), identity_key(self.name)}


_SPELLED_OUT = (
    (re.compile(r"\bgesellschaft mit beschränkter haftung\b"), "gmbh"),
    (re.compile(r"\baktiengesellschaft\b"), "ag"),
    (re.compile(r"\bkommanditgesellschaft\b"), "kg"),
    (re.compile(r"\blimited\b"), "ltd"),
    (re.compile(r"\bincorporated\b"), "inc"),
    (re.compile(r"\bcorporation\b"), "corp"),
    (re.compile(r"\bcompany\b"), "co"),
)
"""Legal forms written out, and their short form: one spelling of the same legal form."""
LEGAL_FORMS = frozenset((
    "gmbh", "mbh", "ag", "kg", "co", "ohg", "ug", "haftungsbeschränkt", "kgaa", "se", "gbr", "inc", "ltd",
    "llc", "llp", "plc", "corp", "sa", "sarl", "sas", "srl", "spa", "bv", "nv", "ab", "as", "oy",
))  # fmt: skip
"""The words of legal forms, as :func:`identity_key` writes them (the short forms of :data:`_SPELLED_OUT`
among them): a name without them is what two names of one company share when one leaves its legal form
out."""


def identity_key(text: str) -> str:
    """A name or Account-ID as accounts are told apart by it: case, punctuation and runs of spaces ignored,
    and a legal form written out read as its short form.

    People type both by hand, file after file: ``KA-2210`` and ``ka-2210``, ``Nordhafen  Logistik`` and
    ``nordhafen logistik``, ``Hofmann Landtechnik GmbH & Co. KG`` and ``Hofmann Landtechnik GmbH & Co KG``
    (or ``Gmbh``, ``Inc.`` and ``Inc``, ``Ltd.`` and ``Limited``) are one account in the history, the
    CSV reader and ``--account``, and one rater when raters are gathered; each file still shows its own
    spelling."""
    key = " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())
    for spelled_out, short in _SPELLED_OUT:
        key = spelled_out.sub(short, key)
    return key


@dataclass(frozen=True)
class FactPlaces:
    """Where the facts that identify an account stand in its file, for messages that name them."""

    name: Place | None = None
    account_id: Place | None = None
    former_name: Place | None = None
    facts: tuple[tuple[str, Place], ...] = ()
    """Where each fact the file gives stands, by its term's key: a message about a fact that several of
    our team's files give (the revenue, the hours) names the cell, not only the file."""

    def of(self, key: str) -> Place | None:
        return next((place for fact, place in self.facts if fact == key), None)


class TwoSides:
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
class FactorRating(TwoSides):
    """One rater's scores for one factor: how much each side invests, on the catalog's scale.

    ``None`` means *not rated* – never zero.
    """

    factor_id: str
    supplier: float | None
    key_account: float | None
    comment: str = ""
    rater: Rater = Rater()
    comment_shared: bool | None = False
    """The comment goes into the edition handed to the key account. None only while a workbook is read
    and its share cell is blank: reading decides by the workbook's view; analysis shares only a True."""

    @property
    def view(self) -> View:
        return self.rater.view


class ActionStatus(StrEnum):
    """Where an action stands, as the Actions sheet's status column says."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Action:
    """One row of the workbook's Actions sheet: what someone will do about a factor, by when.

    Actions are kept quarter by quarter: an open one of an earlier quarter is carried forward until a
    later workbook marks it done or dropped. Only actions marked *shared* reach the edition handed to the
    key account."""

    text: str
    factor_id: str | None = None
    """The catalog factor it is about; None: the relationship as a whole."""
    owner: str | None = None
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    shared: bool = False
    place: Place | None = None
    """Where it stands in its file, for messages that name it."""

    @property
    def key(self) -> tuple[str | None, str]:
        """What makes two rows the same action: its factor and its text, case and runs of spaces ignored
        (two raters' files that both list it, or one quarter's action in the next quarter's sheet)."""
        return (self.factor_id, identity_key(self.text))


@dataclass(frozen=True)
class Assessment:
    """One account in one period: as read from one file, or gathered from the files of all its raters
    (see :func:`reportgen.reading.raters.gather`)."""

    account: AccountFacts
    period: Period
    ratings: tuple[FactorRating, ...]
    assessed_by: str | None = None
    assessed_on: date | None = None
    """When our team rated it: the latest date of our raters' files (the key account's is apart)."""
    source: Path | None = None
    catalog_ref: str | None = None
    """The catalog the workbook says it was made for, as written: ``efkam-partnership v1.0``."""
    places: FactPlaces = FactPlaces()
    catalog: Catalog | None = None
    """The catalog it was read with: its factor ids are that catalog's."""
    history_key: str | None = None
    """Which account's history this assessment belongs to; set once every file is read (see
    :mod:`reportgen.reading.accounts`), since a rename or an Account-ID links assessments of several files."""
    raters: tuple[Rater, ...] = ()
    """Everyone whose ratings it holds, in the order their files were read."""
    sources: tuple[Path, ...] = ()
    """Every file it was gathered from; *source* is the first of them."""
    actions: tuple[Action, ...] = ()
    """The Actions sheet's rows, in the order of the sheet (of our team's files, in reading order)."""
    saved: datetime | None = None
    """When its file was last saved, as the file system says: of two files of one rater, the one assessed
    later counts, and of two assessed on the same day (or not dated) the one saved later."""
    key_account_assessed_on: date | None = None
    """When the key account's contacts rated it (the latest of their dates): shown with their view, not
    beside our raters' names."""

    def __post_init__(self) -> None:
        if not self.sources and self.source is not None:  # read from one file
            object.__setattr__(self, "sources", (self.source,))
        if not self.raters:  # built by hand: the raters are those its ratings name
            object.__setattr__(self, "raters", tuple(dict.fromkeys(r.rater for r in self.ratings)))

    def raters_of(self, view: View) -> tuple[Rater, ...]:
        return tuple(r for r in self.raters if r.view is view)

    @property
    def rated_by_a_team(self) -> bool:
        """Several of our team rated it: reports then show their spread beside the mean."""
        return len(self.raters_of(View.SUPPLIER)) > 1

    @property
    def has_key_account_view(self) -> bool:
        return bool(self.raters_of(View.KEY_ACCOUNT))
