"""Several raters' files of one account and period become one assessment with several ratings.

Each workbook (or each rater's rows of a CSV export) is one rater's rating, from our side or from the key
account's. Once every file is read and the accounts are told apart, the ratings of one account and
period are gathered:

- the same rater twice (same name, same view) is an error of the older file, which is left out: it would
  count that person twice. Of the two, the one assessed later ("Assessed on") counts, else the one saved
  later: a stale copy ("… - Kopie.xlsx") that sorts first must not beat the original edited since. Only
  when neither tells them apart does the first in reading order count. Two files of our team that name
  no rater are the same unknown rater (a copy); the key account's contacts may leave their names out, and
  each of their files counts;
- the key account's questionnaire alone is no assessment: the figures every report is built on are our
  team's, so without one of ours it is left out;
- the account's facts (revenue, manager, intended type) come from our team's files in reading order, each
  from the first that gives it; another of our files that gives one otherwise gets a warning;
- raters may have used different versions of a catalog: the assessment is analysed with the newest, and
  a rater's factors that version does not hold are not counted (a warning names them). Catalogs with
  different scales cannot be averaged: such a file is left out;
- a name that rated for our team and again as the key account's contact gets a warning: the key account's
  own view may then be ours;
- the actions of our team's files are all kept, in reading order; an action two files both list (same
  factor, same text) is kept once, as the first file has it. The key account's questionnaire has none (its
  reader leaves an Actions sheet there unread).

Every rating comes from a reader, with the file it was read from and the catalog it was read with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from reportgen.common.i18n import N_, LocalDate, LocalMoney, LocalNumber, LocalShare, LocalTime
from reportgen.common.problems import Message, Phrase, Place, Problem, Severity, quoted
from reportgen.model.assessment import AccountFacts, Action, Assessment, ServiceFacts, View
from reportgen.model.catalog import Catalog, version_order
from reportgen.reading.messages import MARGIN_ABOVE_REVENUE, MARGIN_SHARE_WITHOUT_REVENUE
from reportgen.reading.vocabulary import (
    ANNUAL_REVENUE,
    ASSESSED_BY,
    CONTRIBUTION_MARGIN,
    CURRENCY,
    EFFORT_HOURS,
    HOURLY_RATE,
    INTENDED_TYPE,
    KEY_ACCOUNT_MANAGER,
    OTHER_COST,
    Term,
)

SAME_RATER_TWICE = Message(
    N_(
        "{rater} rated {account} for {period} from the same view already, in {other}; "
        "this file is left out so that no one counts twice."
    ),
    N_(
        "Keep one file per rater, account and period. "
        'If two people rated, enter each one\'s name as "{field}".'
    ),
)
UNNAMED_TWICE = Message(
    N_(
        "{account} for {period} is also in {other}, and neither file says who rated it; "
        "this file is left out."
    ),
    N_(
        'If two people rated the account, enter each one\'s name as "{field}": both are then counted. '
        "Otherwise keep one assessment per account and period."
    ),
)
SAME_RATER_NEWER = Message(
    N_(
        "{rater} rated {account} for {period} from the same view in {other} too, which is newer ({why}); "
        "this older file is left out so that no one counts twice."
    ),
    N_(
        "Delete this file if {other} holds the rating that counts. "
        'If two people rated, enter each one\'s name as "{field}".'
    ),
)
UNNAMED_NEWER = Message(
    N_(
        "{account} for {period} is also in {other}, which is newer ({why}), and neither file says who "
        "rated it; this older file is left out."
    ),
    N_(
        "Delete this file if {other} holds the rating that counts. If two people rated the account, enter "
        'each one\'s name as "{field}": both are then counted.'
    ),
)
ASSESSED_LATER = Message(N_("assessed on {newer}; this file on {older}"))
SAVED_LATER = Message(N_("saved on {newer}; this file on {older}"))
IN_BOTH_VIEWS = Message(
    N_(
        "{rater} rated {account} for {period} for our team in {other}, and here as the key account's "
        "contact: the key account's own view may be ours."
    ),
    N_(
        "Have the key account's own contact fill in the questionnaire; if it is another person of the same "
        "name, all is well."
    ),
)
FACT_DIFFERS = Message(
    N_(
        '{account} for {period}: "{field}" is {value} here, but {first_value} in {other}, '
        "whose value is used."
    ),
    N_(
        "Write the same value in every rater's file of the account and quarter, "
        "or leave it blank in all but one."
    ),
)
TEAM_AMOUNT_IN_OTHER_CURRENCY = Message(
    N_(
        '{account} for {period}: "{field}" is {value} here, but the account\'s amounts are in {currency}, so '
        "it is left out."
    ),
    N_(
        "Amounts in different currencies are never added up: write every amount of the account in one "
        "currency, in each of our team's files."
    ),
)
ONLY_KEY_ACCOUNT_VIEW = Message(
    N_(
        "{account} for {period}: there is the key account's own questionnaire, but no assessment of our "
        "team; it is left out until there is one."
    ),
    N_("Add our team's assessment of the same account and quarter, or check its account name and period."),
)
OTHER_SCALE = Message(
    N_(
        "{account} for {period}: this file was rated with {catalog}, whose scale differs from that of "
        "{used} used by the other raters; it is left out, since the scores cannot be averaged."
    ),
    N_("Rate the account again in a template of {used} (reportgen template)."),
)
FACTORS_NOT_COUNTED = Message(
    N_(
        "{account} for {period} is analysed with {used}, the newest catalog of its raters; "
        "this file's factors {factors} are not in it and are not counted."
    ),
    N_("Rate the account again in a template of {used} to have these factors counted."),
)


@dataclass(frozen=True)
class GatheredProblem:
    """A problem of the file an assessment came from; an error leaves that file's rating out."""

    assessment: Assessment
    problem: Problem


@dataclass(frozen=True)
class Gathered:
    assessment: Assessment | None
    """The account and period with every rating that counts; None when none of ours is left."""
    problems: tuple[GatheredProblem, ...]


def _params(assessment: Assessment, **more: str) -> dict[str, str]:
    return {"account": assessment.account.name, "period": str(assessment.period), **more}


def _place(assessment: Assessment) -> Place:
    return Place(assessment.source)


def _fact_place(assessment: Assessment, term: Term) -> Place:
    """Where *term* stands in the assessment's file: its cell where the reader kept it, else the file."""
    return assessment.places.of(term.key) or _place(assessment)


def _name(assessment: Assessment) -> str:
    return assessment.source.name


def _newer(newer: Assessment, older: Assessment) -> Phrase | None:
    """Why *newer* is the newer of one rater's two files: assessed on a later day, else (the same day, or
    a day missing) saved later; None when it is not newer, or neither tells them apart."""
    if newer.assessed_on and older.assessed_on and newer.assessed_on != older.assessed_on:
        if newer.assessed_on < older.assessed_on:
            return None
        return Phrase(
            ASSESSED_LATER, {"newer": LocalDate(newer.assessed_on), "older": LocalDate(older.assessed_on)}
        )
    if newer.saved and older.saved and newer.saved > older.saved:
        return Phrase(SAVED_LATER, {"newer": LocalTime(newer.saved), "older": LocalTime(older.saved)})
    return None


def _one_each(ratings: list[Assessment]) -> tuple[list[Assessment], list[GatheredProblem]]:
    """The ratings of distinct raters, in reading order: of one rater's files the newest counts (the first
    read when none is newer), and each other one is an error that names it."""
    newest: dict[tuple[str, str], Assessment] = {}
    for rating in ratings:
        kept = newest.setdefault(rating.raters[0].key, rating)
        if kept is not rating and _newer(rating, kept):
            newest[rating.raters[0].key] = rating
    problems = []
    for rating in ratings:
        rater = rating.raters[0]
        kept = newest[rater.key]
        if kept is rating:
            continue
        params = _params(rating, other=_name(kept), field=ASSESSED_BY.label)
        why = _newer(kept, rating)
        if why is not None:
            params["why"] = why
        if rater.name:
            message, params["rater"] = SAME_RATER_TWICE if why is None else SAME_RATER_NEWER, rater.name
        else:
            message = UNNAMED_TWICE if why is None else UNNAMED_NEWER
        problems.append(GatheredProblem(rating, Problem(_place(rating), message, params)))
    return [r for r in ratings if newest[r.raters[0].key] is r], problems


def _in_both_views(ratings: list[Assessment]) -> list[GatheredProblem]:
    """A warning for each questionnaire of the key account's whose rater also rated for our team."""
    ours = {r.raters[0].key[1]: r for r in ratings if r.raters[0].view is View.SUPPLIER and r.raters[0].name}
    problems = []
    for rating in ratings:
        rater = rating.raters[0]
        first = ours.get(rater.key[1]) if rater.view is View.KEY_ACCOUNT else None
        if first is not None:
            params = _params(rating, rater=rater.name, other=_name(first))  # only named raters match
            problems.append(
                GatheredProblem(rating, Problem(_place(rating), IN_BOTH_VIEWS, params, Severity.WARNING))
            )
    return problems


def _fact_values(assessment: Assessment, currency: str) -> dict[Term, object]:
    """The facts of the account that only our team's files give, as messages show them; the revenue in
    *currency*, the one it is taken to be in (see :func:`_team_facts`)."""
    account = assessment.account
    revenue = account.annual_revenue
    service = account.service

    def money(amount: float | None) -> LocalMoney | None:
        return None if amount is None else LocalMoney(amount, currency)

    margin = (
        LocalShare(service.margin_share)
        if service.margin_share is not None
        else money(service.contribution_margin)
    )
    return {
        KEY_ACCOUNT_MANAGER: account.key_account_manager,
        ANNUAL_REVENUE: money(revenue),
        CURRENCY: currency if revenue is not None else None,
        INTENDED_TYPE: _intended_name(assessment),
        EFFORT_HOURS: None if service.effort_hours is None else LocalNumber(service.effort_hours),
        OTHER_COST: money(service.other_cost),
        CONTRIBUTION_MARGIN: margin,
        HOURLY_RATE: money(service.hourly_rate),
    }


def _intended_name(assessment: Assessment) -> object:
    """The intended relationship as the catalog names it (in the message's language), or its id."""
    intended = assessment.account.intended_type
    known = assessment.catalog.zones.relationship_type(intended)
    return known.name if known else intended


def _team_facts(ours: list[Assessment]) -> tuple[AccountFacts, list[GatheredProblem]]:
    """The account's facts as our team's files (in reading order) give them: each from the first file that
    gives it, so that one left blank there is taken from the next; and a warning for each later file that
    gives it otherwise. A fact left blank agrees with any.

    A revenue is in the currency its own file names, else in the one another of our files names, else in
    euros: that currency is the one it is compared and shown in, so a warning never says otherwise than
    the report. It is the account's currency: another amount (the other cost to serve, a margin, an
    hourly rate) that a file gives in another currency is left out with a warning, never added to the
    others."""
    named = next((r.account.currency for r in ours if r.account.currency_named), None)

    def currency_of(rating: Assessment) -> str:
        return rating.account.currency if rating.account.currency_named else named or rating.account.currency

    values = [(rating, _fact_values(rating, currency_of(rating))) for rating in ours]
    revenue = next((r for r in ours if r.account.annual_revenue is not None), ours[0])
    currency = currency_of(revenue)
    given_by: dict[Term, tuple[Assessment, object]] = {}
    problems = []
    for rating, facts in values:
        for term, value in facts.items():
            if value is None:
                continue
            if term is not ANNUAL_REVENUE and isinstance(value, LocalMoney) and value.currency != currency:
                params = _params(rating, field=term.label, value=value, currency=currency)
                place = _fact_place(rating, term)
                problem = Problem(place, TEAM_AMOUNT_IN_OTHER_CURRENCY, params, Severity.WARNING)
                problems.append(GatheredProblem(rating, problem))
                continue
            first, used = given_by.setdefault(term, (rating, value))
            if value == used:
                continue
            params = _params(rating, field=term.label, value=value, first_value=used, other=_name(first))
            problems.append(
                GatheredProblem(
                    rating, Problem(_fact_place(rating, term), FACT_DIFFERS, params, Severity.WARNING)
                )
            )

    def of(term: Term) -> Assessment:
        return given_by.get(term, (ours[0], None))[0]

    def service_of(term: Term) -> ServiceFacts:
        """The service facts of the file that gives *term*; none where no file gives it in the currency."""
        return given_by[term][0].account.service if term in given_by else ServiceFacts()

    margin = service_of(CONTRIBUTION_MARGIN)
    service = ServiceFacts(
        effort_hours=service_of(EFFORT_HOURS).effort_hours,
        other_cost=service_of(OTHER_COST).other_cost,
        contribution_margin=margin.contribution_margin,
        margin_share=margin.margin_share,
        hourly_rate=service_of(HOURLY_RATE).hourly_rate,
    )
    account = replace(
        ours[0].account,
        key_account_manager=of(KEY_ACCOUNT_MANAGER).account.key_account_manager,
        annual_revenue=revenue.account.annual_revenue,
        currency=currency,
        currency_named=revenue.account.currency_named or named is not None,
        intended_type=of(INTENDED_TYPE).account.intended_type,
        service=service,
    )
    if CONTRIBUTION_MARGIN in given_by:
        problems += _margin_against_revenue(account, given_by[CONTRIBUTION_MARGIN][0])
    return account, problems


def _margin_against_revenue(account: AccountFacts, given_by: Assessment) -> list[GatheredProblem]:
    """A warning at the margin's cell where the account's revenue, from whichever of our files gives it,
    makes the margin doubtful: a margin above all of the revenue, or a share of a revenue no file gives.
    Checked once the files are gathered: one file's margin may rest on another's revenue."""
    service, revenue = account.service, account.annual_revenue
    place = _fact_place(given_by, CONTRIBUTION_MARGIN)
    margin = service.contribution_margin
    if service.margin_share is not None and revenue is None:
        message, params = MARGIN_SHARE_WITHOUT_REVENUE, {"share": LocalShare(service.margin_share)}
    elif margin is not None and revenue is not None and margin > revenue:
        message = MARGIN_ABOVE_REVENUE
        params = {
            "margin": LocalMoney(margin, account.currency),
            "revenue": LocalMoney(revenue, account.currency),
        }
    else:
        return []
    return [GatheredProblem(given_by, Problem(place, message, params, Severity.WARNING))]


def _newest(catalogs: Iterable[Catalog]) -> Catalog:
    catalogs = list(catalogs)
    return max(catalogs, key=lambda c: version_order(c.version) if c.id == catalogs[0].id else ())


def _actions(counted: list[Assessment]) -> tuple[Action, ...]:
    """Our team's actions of every counted file, in reading order, each action once (the first row that
    lists it): raters who fill in their own workbooks often copy the same action plan. It goes to the key
    account only if every row that lists it says so: an action one of us keeps internal stays internal."""
    first: dict[tuple[str | None, str], Action] = {}
    for rating in counted:
        if rating.raters[0].view is View.SUPPLIER:
            for action in rating.actions:
                kept = first.setdefault(action.key, action)
                if kept.shared and not action.shared:
                    first[action.key] = replace(kept, shared=False)
    return tuple(first.values())


def gather(ratings: Iterable[Assessment]) -> Gathered:
    """One account and period from each of its raters' ratings (each as read from one file or CSV group,
    in reading order)."""
    ratings, problems = _one_each(list(ratings))
    problems += _in_both_views(ratings)
    ours = [r for r in ratings if r.raters[0].view is View.SUPPLIER]
    if not ours:
        problems += [
            GatheredProblem(r, Problem(_place(r), ONLY_KEY_ACCOUNT_VIEW, _params(r))) for r in ratings
        ]
        return Gathered(None, tuple(problems))
    catalog = _newest(r.catalog for r in ours)
    counted = []
    for rating in ratings:
        other = rating.catalog
        if other is catalog:
            counted.append(rating)
            continue
        params = _params(rating, catalog=other.label(), used=catalog.label())
        if (other.scale.min, other.scale.max) != (catalog.scale.min, catalog.scale.max):
            problems.append(GatheredProblem(rating, Problem(_place(rating), OTHER_SCALE, params)))
            continue
        missing = [f.id for f in other.factors if f.id not in catalog.factor_numbers]
        if missing:
            params["factors"] = quoted(*missing)
            problem = Problem(_place(rating), FACTORS_NOT_COUNTED, params, Severity.WARNING)
            problems.append(GatheredProblem(rating, problem))
        counted.append(rating)
    if len(counted) == 1:
        (only,) = counted
        problems += _margin_against_revenue(only.account, only)
        return Gathered(replace(only, actions=_actions(counted)), tuple(problems))
    ours = [r for r in counted if r.raters[0].view is View.SUPPLIER]
    account, differ = _team_facts(ours)
    problems += differ
    team = [r.raters[0].name for r in ours if r.raters[0].name]
    # each view's latest date: page 1 dates our team's rating, the key account's view carries its own
    dates = {v: [r.assessed_on for r in counted if r.raters[0].view is v and r.assessed_on] for v in View}
    gathered = replace(
        ours[0],
        account=account,
        ratings=tuple(rating for r in counted for rating in r.ratings),
        assessed_by=", ".join(team) or None,
        assessed_on=max(dates[View.SUPPLIER], default=None),
        key_account_assessed_on=max(dates[View.KEY_ACCOUNT], default=None),
        catalog=catalog,
        raters=tuple(rater for r in counted for rater in r.raters),
        sources=tuple(dict.fromkeys(source for r in counted for source in r.sources)),
        actions=_actions(counted),
    )
    return Gathered(gathered, tuple(problems))
