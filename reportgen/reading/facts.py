"""The account's facts (name, id, period, who assessed it when, revenue, what serving it takes), from any
reader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from reportgen.common.i18n import LocalDate
from reportgen.common.problems import Place, ProblemLog, quoted
from reportgen.model.assessment import (
    AccountFacts,
    Assessment,
    FactorRating,
    FactPlaces,
    Period,
    Rater,
    ServiceFacts,
    View,
    identity_key,
)
from reportgen.model.catalog import Catalog
from reportgen.reading import messages as msg
from reportgen.reading.service import Currency, read_service, say_how_scaled
from reportgen.reading.tables import NAME_LIMIT, limit_text, report_missing_factors, report_nothing_rated
from reportgen.reading.values import (
    CURRENCY_SIGNS,
    NotAPeriod,
    clean_text,
    normalise_key,
    parse_amount,
    parse_date,
    parse_period,
    period_key,
)
from reportgen.reading.vocabulary import (
    ACCOUNT_ID,
    ACCOUNT_NAME,
    ANNUAL_REVENUE,
    ASSESSED_BY,
    ASSESSED_ON,
    CATALOG,
    COMMENTS_SHARED_BY_DEFAULT,
    CURRENCY,
    FORMER_NAME,
    INTENDED_TYPE,
    KEY_ACCOUNT_MANAGER,
    PERIOD,
    ROLE,
    SERVICE_FIELDS,
    VIEW,
    VIEW_OPTIONS,
    Term,
    view_named,
)

_IDENTITIES = frozenset(term.key for term in (ACCOUNT_NAME, ACCOUNT_ID, FORMER_NAME, ASSESSED_BY))
"""Facts written alike when identity takes them for one (see
:func:`~reportgen.model.assessment.identity_key`): rows of a CSV export that spell the account's name
otherwise are one account, not a conflict."""

LOW_COVERAGE = 0.5
"""Below this share of factors rated on both sides, S and K rest on too little: a warning says so."""


@dataclass(frozen=True)
class Header:
    """Everything about an assessment except its ratings."""

    account: AccountFacts
    period: Period
    assessed_by: str | None = None
    assessed_on: date | None = None
    catalog_ref: str | None = None
    places: FactPlaces = field(default_factory=FactPlaces)
    role: str | None = None
    view: View = View.SUPPLIER


def assemble(
    header: Header, ratings: tuple[FactorRating, ...], place: Place, catalog: Catalog, log: ProblemLog
) -> Assessment:
    """The assessment, with the checks every reader makes once header and ratings are read."""
    declared = catalog.other_named(header.catalog_ref)
    if declared:
        log.warning(place, msg.OTHER_CATALOG, declared=declared, used=catalog.label())
    report_missing_factors(place, catalog, ratings, log)
    report_nothing_rated(place, ratings, log)
    rated = sum(r.rated_both for r in ratings)
    # Rows with errors are what leaves factors unrated then: the errors say so, a coverage note would not.
    if rated and not log.errors and rated < LOW_COVERAGE * len(catalog.factors):
        log.warning(place, msg.LOW_COVERAGE, rated=rated, total=len(catalog.factors))
    rater = Rater(header.assessed_by, header.role, header.view, place.file)
    return Assessment(
        header.account,
        header.period,
        tuple(
            replace(rating, rater=rater, comment_shared=_shared(rating, header.view)) for rating in ratings
        ),
        header.assessed_by,
        header.assessed_on,
        place.file,
        header.catalog_ref,
        header.places,
        catalog,
        raters=(rater,),
        sources=(place.file,),
    )


def _shared(rating: FactorRating, view: View) -> bool:
    """Whether the rating's comment is shared: as its share cell says, else as is usual for *view*."""
    return COMMENTS_SHARED_BY_DEFAULT[view] if rating.comment_shared is None else rating.comment_shared


def _written_exactly(raw: object) -> bool:
    """Whether a period cell is written the way reports write quarters (a text that is no quarter at
    all is not: it is reported when the facts are read)."""
    try:
        return parse_period(raw).exact
    except NotAPeriod:
        return False


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
            same = period_key if term is PERIOD else identity_key if term.key in _IDENTITIES else clean_text
            if same(first) != same(raw):
                self.log.error(place, msg.FACTS_DIFFER, value=clean_text(raw), first=clean_text(first))
            elif term is PERIOD and _written_exactly(first) and not _written_exactly(raw):
                self._values[term.key] = (raw, place)  # the same quarter written loosely: say how it was read
            return
        self._values[term.key] = (raw, place)

    def _text(self, term: Term) -> str | None:
        value = self._values.get(term.key)
        return limit_text(clean_text(value[0]), NAME_LIMIT, value[1], self.log) if value else None

    def _required(self, term: Term) -> tuple[object, Place] | None:
        if term.key not in self._values:
            self.log.error(self.place, msg.FIELD_MISSING, field=term.label)
            return None
        return self._values[term.key]

    def _optional(self, term: Term, parse, message):
        """An optional fact, read by *parse*; one that cannot be read is a warning at its cell and left
        blank: a typo in the revenue or the date must not take the rater's scores out of the averages."""
        if term.key not in self._values:
            return None
        raw, place = self._values[term.key]
        try:
            return parse(raw)
        except ValueError:  # NotANumber, NotADate and the like
            self.log.warning(place, message, value=clean_text(raw))
            return None

    def catalog_ref(self) -> str | None:
        """The catalog the file names, as written, so it can be read with that one."""
        value = self._values.get(CATALOG.key)
        return clean_text(value[0]) if value else None

    def finish(self, catalog: Catalog) -> Header | None:
        errors_before = len(self.log.errors)
        name = self._required(ACCOUNT_NAME)
        period_value = self._required(PERIOD)
        period = self._period(*period_value) if period_value is not None else None
        assessed_on = self._optional(ASSESSED_ON, parse_date, msg.DATE_INVALID)
        revenue, currency, currency_named = self._revenue()
        view = self._view()
        service, read_currency = self._service(Currency(currency, currency_named), view)
        intended = self._intended_type(catalog)
        if len(self.log.errors) > errors_before or name is None or period is None:
            return None
        account = AccountFacts(
            name=self._text(ACCOUNT_NAME) or "",
            account_id=self._text(ACCOUNT_ID),
            key_account_manager=self._text(KEY_ACCOUNT_MANAGER),
            annual_revenue=revenue,
            currency=read_currency.code,
            currency_named=read_currency.named,
            intended_type=intended,
            former_name=self._text(FORMER_NAME),
            service=service,
        )
        places = FactPlaces(
            self._place(ACCOUNT_NAME),
            self._place(ACCOUNT_ID),
            self._place(FORMER_NAME),
            tuple((key, place) for key, (_, place) in self._values.items()),
        )
        return Header(
            account,
            period,
            self._text(ASSESSED_BY),
            assessed_on,
            self._text(CATALOG),
            places,
            self._text(ROLE),
            view or View.SUPPLIER,
        )

    def _service(self, currency: Currency, view: View | None) -> tuple[ServiceFacts, Currency]:
        """What serving the account takes and returns, from our team's files only: a key account's
        questionnaire that gives it (a row copied from our workbook) has it left out with a warning at its
        cell, never read, so that a value there can neither count nor keep the contact's ratings out."""
        cells = {term.key: self._values[term.key] for term in SERVICE_FIELDS if term.key in self._values}
        if view is not View.KEY_ACCOUNT:
            return read_service(cells, currency, self.log)
        for term in SERVICE_FIELDS:
            if term.key in cells:
                self.log.warning(cells[term.key][1], msg.SERVICE_IN_QUESTIONNAIRE, field=term.label)
        return ServiceFacts(), currency

    def _view(self) -> View | None:
        """Whose view the ratings give; blank is our own."""
        if VIEW.key not in self._values:
            return None
        raw, place = self._values[VIEW.key]
        view = view_named(raw)
        if view is None:
            self.log.error(
                place,
                msg.VIEW_UNKNOWN,
                value=clean_text(raw),
                options=quoted(*VIEW_OPTIONS),
            )
        return view

    def _place(self, term: Term) -> Place | None:
        value = self._values.get(term.key)
        return value[1] if value else None

    def _period(self, raw: object, place: Place) -> Period | None:
        """The quarter, read forgivingly; a form other than ``2026-Q3`` is read with a note saying how."""
        try:
            read = parse_period(raw)
        except NotAPeriod:
            self.log.error(place, msg.PERIOD_INVALID, value=clean_text(raw))
            return None
        period = str(read.period)
        if read.day is not None:
            self.log.warning(place, msg.PERIOD_FROM_DATE, date=LocalDate(read.day), period=period)
        elif not read.exact:
            self.log.warning(place, msg.PERIOD_READ_AS, value=clean_text(raw), period=period)
        return read.period

    def _revenue(self) -> tuple[float | None, str, bool]:
        """The annual revenue and its currency: the *Currency* field's, else the one the amount names
        (``1,3 Mio. CHF``), else euros. An amount scaled by a word (``1,3 Mio. €``) is read with a note
        saying how. An amount whose currency cannot be read, or that names another currency than the
        field, is left blank with a warning: it is never shown in a currency it is not in. The last of the
        three says whether the currency was named, not taken by default."""
        currency = self._optional(CURRENCY, _currency_code, msg.CURRENCY_INVALID)
        if CURRENCY.key in self._values and currency is None:
            return None, "EUR", False
        read = self._optional(ANNUAL_REVENUE, parse_amount, msg.AMOUNT_INVALID)
        if read is None:
            return None, currency or "EUR", currency is not None
        raw, place = self._values[ANNUAL_REVENUE.key]
        if currency and read.currency and read.currency != currency:
            self.log.warning(
                place,
                msg.AMOUNT_IN_OTHER_CURRENCY,
                value=clean_text(raw),
                named=read.currency,
                currency=currency,
            )
            return None, currency, True
        named = (currency or read.currency) is not None
        currency = currency or read.currency or "EUR"
        say_how_scaled(read, raw, place, currency, self.log)
        return read.amount, currency, named

    def _intended_type(self, catalog: Catalog) -> str | None:
        """The relationship type the account is meant to have, by id or name in either language."""
        if INTENDED_TYPE.key not in self._values:
            return None
        raw, place = self._values[INTENDED_TYPE.key]
        wanted = normalise_key(raw)
        for relationship in catalog.zones.relationship_types:
            if wanted in {normalise_key(text) for text in (relationship.id, *relationship.name.variants())}:
                return relationship.id
        # The names the template's drop-down offers, in the message's language – never the ids.
        options = quoted(*(r.name for r in catalog.zones.relationship_types))
        self.log.warning(place, msg.TYPE_UNKNOWN, value=clean_text(raw), options=options)
        return None


def _currency_code(raw: object) -> str:
    text = clean_text(raw)
    code = CURRENCY_SIGNS.get(text.casefold(), text.upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(raw)
    return code
