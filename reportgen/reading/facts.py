"""The account's facts (name, id, period, who assessed it when, revenue), from any reader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reportgen.model import AccountFacts, Period
from reportgen.problems import Place, ProblemLog
from reportgen.reading import messages as msg
from reportgen.reading.values import NotADate, NotANumber, clean_text, parse_date, parse_number
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ACCOUNT_NAME,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSED_ON,
    CATALOG,
    CURRENCY,
    KEY_ACCOUNT_MANAGER,
    PERIOD,
    Term,
)


@dataclass(frozen=True)
class Extras:
    assessed_by: str | None = None
    assessed_on: date | None = None
    catalog_id: str | None = None


class FactsReader:
    """Collects labelled values; the same field given twice must agree."""

    def __init__(self, place: Place, log: ProblemLog):
        self.place = place
        self.log = log
        self._values: dict[str, tuple[object, Place]] = {}

    def offer(self, term: Term, raw: object, place: Place) -> None:
        if clean_text(raw) == "":
            return
        if term.key in self._values:
            first, _ = self._values[term.key]
            if clean_text(first) != clean_text(raw):
                self.log.error(place, msg.FACTS_DIFFER, value=clean_text(raw), first=clean_text(first))
            return
        self._values[term.key] = (raw, place)

    def _text(self, term: Term) -> str | None:
        value = self._values.get(term.key)
        return clean_text(value[0]) if value else None

    def _required(self, term: Term) -> tuple[object, Place] | None:
        if term.key not in self._values:
            self.log.error(self.place, msg.FIELD_MISSING, field=term.label)
            return None
        return self._values[term.key]

    def _parsed(self, term: Term, parse, message):
        if term.key not in self._values:
            return None
        raw, place = self._values[term.key]
        try:
            return parse(raw)
        except (NotANumber, NotADate, ValueError):
            self.log.error(place, message, value=clean_text(raw))
            return None

    def finish(self) -> tuple[AccountFacts, Period, Extras] | None:
        errors_before = len(self.log.errors)
        name = self._required(ACCOUNT_NAME)
        period_value = self._required(PERIOD)
        period = None
        if period_value is not None:
            period = Period.parse(clean_text(period_value[0]))
            if period is None:
                self.log.error(period_value[1], msg.PERIOD_INVALID, value=clean_text(period_value[0]))
        revenue = self._parsed(ANNUAL_REVENUE, parse_number, msg.AMOUNT_INVALID)
        assessed_on = self._parsed(ASSESSED_ON, parse_date, msg.DATE_INVALID)
        currency = self._parsed(CURRENCY, _currency_code, msg.CURRENCY_INVALID) or "EUR"
        if len(self.log.errors) > errors_before or name is None or period is None:
            return None
        account = AccountFacts(
            name=clean_text(name[0]),
            account_id=self._text(ACCOUNT_ID),
            key_account_manager=self._text(KEY_ACCOUNT_MANAGER),
            annual_revenue=revenue,
            currency=currency,
        )
        extras = Extras(self._text(ASSESSED_BY), assessed_on, self._text(CATALOG))
        return account, period, extras


def _currency_code(raw: object) -> str:
    symbols = {"€": "EUR", "$": "USD", "£": "GBP", "FR.": "CHF"}
    text = clean_text(raw).upper()
    code = symbols.get(text, text)
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(raw)
    return code
