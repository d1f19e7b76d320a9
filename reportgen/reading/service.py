"""What serving the account takes and returns, as our team's workbook gives it: hours, other cost to serve,
contribution margin and hourly rate (:class:`~reportgen.model.assessment.ServiceFacts`).

They are read as forgivingly as the revenue (``1.150 h``, ``12.000 €``, ``18 %``, ``0,38 Mio. €``), but a
value that cannot be what it claims is an error at its cell, not a blank: a cost to serve that silently
left out a typo would understate what an account costs, and the figures are meant to be acted on.
Values that can be right but rarely are get a warning: a portfolio's sums stand on them. The margin is
checked against the revenue once our team's files are gathered (:mod:`reportgen.reading.raters`), since
one file's margin may rest on another's revenue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportgen.common.i18n import LocalMoney, LocalNumber, LocalShare
from reportgen.common.problems import Place, ProblemLog
from reportgen.common.rounding import as_written
from reportgen.model.assessment import ServiceFacts
from reportgen.reading import messages as msg
from reportgen.reading.values import (
    NotANumber,
    ReadAmount,
    clean_text,
    parse_amount,
    parse_hours,
    parse_share,
)
from reportgen.reading.vocabulary import CONTRIBUTION_MARGIN, EFFORT_HOURS, HOURLY_RATE, OTHER_COST, Term

MOST_HOURS = 20_000
"""Hours a year above which a warning asks whether they are right: about ten people full time."""
USUAL_HOURLY_RATES = (10, 1_000)
"""An internal hourly rate outside this range is more likely a typo (a day rate, a missing digit)."""

Cell = tuple[object, Place]
"""A fact's raw value and where it stands."""


def say_how_scaled(read: ReadAmount, raw: object, place: Place, currency: str, log: ProblemLog) -> None:
    """A note on an amount scaled by a word (``0,38 Mio. €``), saying how it was read and how to write it
    so that the note goes away: the revenue and every service amount get the same one."""
    if not read.exact:
        amount = LocalMoney(read.amount, currency)
        log.warning(
            place,
            msg.AMOUNT_READ_AS,
            value=clean_text(raw),
            amount=amount,
            plain=str(as_written(read.amount)),
        )


@dataclass(frozen=True)
class Currency:
    """The account's currency while its amounts are read: *named* once a field or an amount said it."""

    code: str
    named: bool


def read_service(
    cells: dict[str, Cell], currency: Currency, log: ProblemLog
) -> tuple[ServiceFacts, Currency]:
    """The service facts among *cells* (by term key), and the account's currency after them: an amount that
    names one (``12.000 CHF``) names the account's, where neither the Currency field nor the revenue did."""
    reader = _ServiceReader(cells, currency, log)
    hours = reader.read(EFFORT_HOURS, reader.hours)
    other_cost = reader.read(OTHER_COST, reader.amount)
    hourly_rate = reader.read(HOURLY_RATE, reader.amount)
    margin, share = reader.read(CONTRIBUTION_MARGIN, reader.margin) or (None, None)
    if hours is not None and hours > MOST_HOURS:
        log.warning(
            cells[EFFORT_HOURS.key][1],
            msg.HOURS_MANY,
            hours=LocalNumber(hours),
            limit=LocalNumber(MOST_HOURS),
        )
    low, high = USUAL_HOURLY_RATES
    if hourly_rate is not None and not low <= hourly_rate <= high:
        log.warning(
            cells[HOURLY_RATE.key][1],
            msg.HOURLY_RATE_UNUSUAL,
            rate=LocalMoney(hourly_rate, reader.currency.code),
            low=LocalNumber(low),
            high=LocalNumber(high),
        )
    facts = ServiceFacts(hours, other_cost, margin, share, hourly_rate)
    return facts, reader.currency


class _ServiceReader:
    """Reads one fact at a time; an error goes to the log, and the fact is then None."""

    def __init__(self, cells: dict[str, Cell], currency: Currency, log: ProblemLog) -> None:
        self.cells, self.currency, self.log = cells, currency, log

    def read(self, term: Term, parse: Callable[[object, Place, Term], object]):
        if term.key not in self.cells:
            return None
        raw, place = self.cells[term.key]
        return parse(raw, place, term)

    def hours(self, raw: object, place: Place, term: Term) -> float | None:
        try:
            hours = parse_hours(raw)
        except NotANumber:
            self.log.error(place, msg.HOURS_INVALID, value=clean_text(raw))
            return None
        if hours < 0:
            self.log.error(place, msg.HOURS_NEGATIVE, value=clean_text(raw))
            return None
        return hours

    def amount(self, raw: object, place: Place, term: Term) -> float | None:
        """An amount of 0 or more in the account's currency."""
        try:
            read = parse_amount(raw)
        except NotANumber:
            self.log.error(place, msg.SERVICE_AMOUNT_INVALID, value=clean_text(raw), field=term.label)
            return None
        if not self._in_currency(read, raw, place):
            return None
        if read.amount < 0:
            self.log.error(place, msg.SERVICE_AMOUNT_NEGATIVE, value=clean_text(raw), field=term.label)
            return None
        self._say_how_scaled(read, raw, place)
        return read.amount

    def margin(self, raw: object, place: Place, term: Term) -> tuple[float | None, float | None] | None:
        """The margin as (amount, None) or (None, share). It may be below zero (an account that loses
        money), but not above all of the revenue."""
        log = self.log
        try:
            share = parse_share(raw)
        except NotANumber:
            log.error(place, msg.MARGIN_INVALID, value=clean_text(raw))
            return None
        if share is not None:
            if share.fraction > 1:
                log.error(place, msg.MARGIN_SHARE_TOO_LARGE, value=clean_text(raw))
                return None
            if not share.exact:
                log.warning(
                    place, msg.MARGIN_SHARE_READ_AS, value=clean_text(raw), share=LocalShare(share.fraction)
                )
            return None, share.fraction
        try:
            read = parse_amount(raw)
        except NotANumber:
            log.error(place, msg.MARGIN_INVALID, value=clean_text(raw))
            return None
        if not self._in_currency(read, raw, place):
            return None
        self._say_how_scaled(read, raw, place)
        return read.amount, None

    def _say_how_scaled(self, read: ReadAmount, raw: object, place: Place) -> None:
        say_how_scaled(read, raw, place, self.currency.code, self.log)

    def _in_currency(self, read: ReadAmount, raw: object, place: Place) -> bool:
        """Whether *read* is in the account's currency; the first amount to name one names it, where
        nothing did before (``12.000 €`` too: euros said, not taken by default, so that another of our
        team's files in another currency cannot make it francs)."""
        if read.currency is None:
            return True
        if read.currency == self.currency.code or not self.currency.named:
            self.currency = Currency(read.currency, True)
            return True
        self.log.error(
            place,
            msg.SERVICE_AMOUNT_IN_OTHER_CURRENCY,
            value=clean_text(raw),
            named=read.currency,
            currency=self.currency.code,
        )
        return False
