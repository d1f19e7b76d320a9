"""The portfolio report in one language, as the templates see it (the portfolio's view model)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from reportgen.analysis.actions import reckoning_day
from reportgen.analysis.history import OtherCatalogsNote, other_catalog, other_catalogs_note
from reportgen.analysis.indices import largest_gaps
from reportgen.analysis.portfolio import (
    OverdueAction,
    PortfolioAnalysis,
    PortfolioEntry,
    PortfolioGap,
    overdue_actions,
    preferred_type,
    strategic_type,
)
from reportgen.common.i18n import N_, Nn_, Plural, gettext_for
from reportgen.common.writing import slugify
from reportgen.model.assessment import Side
from reportgen.model.findings import SUPPLIER_FRUSTRATION_CRITICAL, AccountAnalysis, ViewFigures, ZoneKind
from reportgen.views.chart_texts import Position, ZoneTally, account_diagram_text, portfolio_map_text
from reportgen.views.coaching_rules import QuestionKind, question_text
from reportgen.views.labels import (
    action_factor_name,
    gap_class_name,
    listed,
    zone_label,
    zone_name,
    zone_names,
)

DRIVERS_SHOWN = 3
APPENDIX_GAPS = 5
PERCEPTION_GAPS_SHOWN = 6
"""The largest perception gaps the portfolio lists: the few worth a conversation, on what the ranking
leaves of its page."""

AS_THE_KEY_ACCOUNT_SEES_IT = N_("as the key account sees it")
"""Marks an answer given with the key account's own view rather than ours."""
SIDE_NAMES = {Side.SUPPLIER: N_("Supplier"), Side.KEY_ACCOUNT: N_("Key account")}

ASSESSED = Nn_(
    "%(num)s account was assessed for %(period)s.", "%(num)s accounts were assessed for %(period)s."
)
BALANCED = Nn_("%(num)s relationship is balanced", "%(num)s relationships are balanced")
FRUSTRATED = Nn_(
    "%(num)s sits in the supplier frustration zone", "%(num)s sit in the supplier frustration zone"
)
CRITICALLY = Nn_("%(num)s of them critically", "%(num)s of them critically")
ACCOUNT_MORE = Nn_(
    "in %(num)s the key account invests more than we do", "in %(num)s the key account invests more than we do"
)
CHANGED_ZONE = Nn_("%(num)s account changed zone", "%(num)s accounts changed zone")
NEWCOMERS = Nn_("%(num)s was assessed for the first time", "%(num)s were assessed for the first time")
DROPPED = Nn_("%(num)s was not assessed again", "%(num)s were not assessed again")
CANDIDATES = N_(
    "Candidates: we over-invest, and the customer does not even invest like a preferred partner – it looks "
    "for a reliable supplier, and lean KAM would be the honest answer."
)
CANDIDATES_WITHOUT_PARTNER = N_(
    "Candidates: we over-invest, and the catalog knows no relationship beyond lean KAM – scaling back to it "
    "would be the honest answer."
)
"""Where the catalog has no type after lean KAM, so no partner's level to measure K by (as coaching says)."""
SINCE = N_("Since %(period)s: %(changes)s.")
NOTHING_SINCE = N_("Since %(period)s no account changed zone.")
WITH_THEIR_VIEW = Nn_(
    "%(num)s account has the key account's own view as well as ours",
    "%(num)s accounts have the key account's own view as well as ours",
)
IN_ANOTHER_ZONE = Nn_(
    "in %(num)s of them it puts the account in another zone",
    "in %(num)s of them it puts the account in another zone",
)


@dataclass(frozen=True)
class ZoneCount:
    zone_id: str
    name: str
    count: int


@dataclass(frozen=True)
class FactorNote:
    number: int
    label: str
    title: str
    supplier: float | None
    key_account: float | None
    change: float | None = None
    """Change of the gap since the previous assessment (movements only)."""


@dataclass(frozen=True)
class AccountRow:
    rank: int
    anchor: str
    name: str
    account_id: str | None
    supplier_index: float
    key_account_index: float
    balance: float
    zone_id: str
    zone_name: str
    critical: bool
    balance_change: float | None
    previous_zone_name: str | None
    zone_changed: bool
    rated: int
    total: int
    intended_name: str | None
    drivers: tuple[FactorNote, ...]
    moves: tuple[FactorNote, ...]
    seen_as: str | None = None
    """Whose view the row's figures give, where it is not ours: "as the key account sees it"."""


@dataclass(frozen=True)
class ViewPosition:
    """Where one view puts an account."""

    zone_id: str
    zone_name: str
    supplier_index: int
    key_account_index: int


@dataclass(frozen=True)
class ZoneDisagreement:
    """An account that the key account's own view puts in another zone than ours."""

    row: AccountRow
    ours: ViewPosition
    theirs: ViewPosition


@dataclass(frozen=True)
class GapRow:
    """One side of one factor that an account's key account sees otherwise than we do."""

    account: str
    number: int
    label: str
    side_name: str
    """Whose investment is seen differently."""
    ours: float
    theirs: float
    difference: float
    """Our view's score minus the key account's."""
    class_name: str


@dataclass(frozen=True)
class AppendixPage:
    row: AccountRow
    diagram_svg: str
    diagram_alt: str
    """What the small diagram shows, in words: the account's position and zone."""
    gaps: tuple[FactorNote, ...]
    other_catalogs: OtherCatalogsNote | None = None
    """The earlier quarters on the diagram's path assessed with another catalog than this quarter's
    (marked there, as in the briefing), and which; None where there is none."""


@dataclass(frozen=True)
class Capacity:
    """How many strategic partnerships the portfolio runs or rates, against what a company can carry."""

    limit: int
    accounts: tuple[AccountRow, ...]
    exceeded: bool

    @property
    def count(self) -> int:
        return len(self.accounts)


@dataclass(frozen=True)
class CoverSection:
    """The cover: the zones counted, the quarter in a few sentences, the contents."""

    catalog_title: str
    period: str
    previous_period: str
    zone_counts: tuple[ZoneCount, ...]
    largest_over_investment: AccountRow | None
    capacity: Capacity
    key_account_view_count: int = 0
    """Accounts whose key account answered its own questionnaire: the contents list their section."""
    actions_listed: bool = False
    """The report has a section on actions: the contents name it."""
    standing: str = ""
    """How many accounts were assessed and where they stand, worded: a count of no account is left out."""
    changes: tuple[str, ...] = ()
    """What changed since the previous quarter, and how many have the key account's own view, worded."""


@dataclass(frozen=True)
class MapSection:
    map_svg: str
    map_alt: str
    """What the map shows, in words: how many accounts lie in each zone."""


@dataclass(frozen=True)
class RankingSection:
    rows: tuple[AccountRow, ...]
    """Every account, largest over-investment first."""


@dataclass(frozen=True)
class VoicesSection:
    """How the key accounts that answered their own questionnaire see the partnership: how many did,
    where their view puts the account in another zone, and the largest perception gaps."""

    account_count: int
    with_view: tuple[str, ...]
    """The accounts whose key account answered, in the ranking's order."""
    disagreements: tuple[ZoneDisagreement, ...]
    gaps: tuple[GapRow, ...]
    """The largest perception gaps of the whole portfolio, largest first."""
    gap_count: int
    """All perception gaps beyond the catalog's threshold, shown or not."""

    @property
    def with_view_count(self) -> int:
        return len(self.with_view)

    @property
    def shown_count(self) -> int:
        return len(self.gaps)


@dataclass(frozen=True)
class QuestionsSection:
    """The coaching questions the portfolio answers, each worded as the catalog words the question of
    its kind (None where the catalog asks none of that kind), with the accounts that answer it."""

    over_investment_question: str | None
    over_investing: tuple[AccountRow, ...]
    lean_or_strategic_question: str | None
    lean_name: str
    lean: tuple[AccountRow, ...]
    strategic_name: str | None
    """None where the catalog knows no type beyond lean KAM: no partnerships to list or count."""
    strategic: tuple[AccountRow, ...]
    capacity: Capacity
    scale_back_question: str | None
    scale_back_reason: str
    """Why the listed accounts are candidates."""
    scale_back: tuple[AccountRow, ...]
    key_account_answers: bool = False
    """Some answers use a key account's own view: the section says so and marks them."""
    over_investing_in_our_view_only: tuple[ZoneDisagreement, ...] = ()
    """Over-investing in our view, not as the key account sees it: named apart, not counted."""


@dataclass(frozen=True)
class MovementsSection:
    previous_period: str
    rows: tuple[AccountRow, ...]
    """The accounts that changed zone since the previous quarter."""


@dataclass(frozen=True)
class OverdueRow:
    """An account's open action that is overdue on the day the portfolio is made."""

    account: str
    anchor: str
    """The account's page in the appendix."""
    factor_number: int | None
    factor: str
    """The factor's short name, or the relationship as a whole."""
    text: str
    owner: str | None
    due: date
    days_late: int


@dataclass(frozen=True)
class ActionsSection:
    """What the quarter's actions leave undone: the overdue ones, and the over-investing accounts that no
    open action addresses."""

    made_on: date
    keeps_actions: bool
    """Some account has an action; otherwise the section says no workbook lists one."""
    overdue: tuple[OverdueRow, ...]
    without_action: tuple[AccountRow, ...]
    """In the supplier frustration zone (critical or not) in our view, without an open action."""
    any_over_investing: bool = True
    """Some account is in the supplier frustration zone: else the section says nothing of that zone,
    rather than that every one of none has an action."""


@dataclass(frozen=True)
class AppendixSection:
    pages: tuple[AppendixPage, ...]


@dataclass(frozen=True)
class PortfolioView:
    """The portfolio report: what the document as a whole says of itself, and one section per partial."""

    lang: str
    made_on: date
    period: str
    catalog_title: str
    catalog_label: str
    cover: CoverSection
    map: MapSection
    ranking: RankingSection
    voices: VoicesSection | None
    """None when no key account of the quarter answered its own questionnaire."""
    questions: QuestionsSection
    movements: MovementsSection
    appendix: AppendixSection
    actions: ActionsSection | None = None
    """None when no action is overdue and every over-investing account has an open one."""


def _note(result, lang: str, change: float | None = None) -> FactorNote:
    factor = result.factor
    return FactorNote(result.number, factor.label(lang), factor.title.get(lang), result.supplier,
                      result.key_account, change)  # fmt: skip


def _row(entry: PortfolioEntry, lang: str, analysis: AccountAnalysis | None = None) -> AccountRow:
    """An account's row, worded by its own catalog (its zone, its intended relationship): with our view's
    figures, or those of *analysis* (the figures the coaching answers use), marked where they are the
    key account's."""
    seen_as = None
    if analysis is not None and analysis is not entry.analysis:
        seen_as = gettext_for(lang)(AS_THE_KEY_ACCOUNT_SEES_IT)
    analysis = analysis or entry.analysis
    catalog = analysis.catalog
    account = analysis.assessment.account
    types = {r.id: r.name.get(lang) for r in catalog.zones.relationship_types}
    return AccountRow(
        rank=entry.rank,
        anchor=f"account-{entry.rank}-{slugify(account.name)}",
        name=account.name,
        account_id=account.account_id,
        supplier_index=analysis.supplier_index,
        key_account_index=analysis.key_account_index,
        balance=analysis.balance,
        zone_id=analysis.zone.id,
        zone_name=zone_label(analysis, catalog, lang),
        critical=analysis.zone.critical,
        balance_change=entry.balance_change,
        previous_zone_name=zone_label(entry.previous, entry.previous.catalog, lang)
        if entry.previous
        else None,
        zone_changed=entry.zone_changed,
        rated=analysis.coverage.rated_both,
        total=analysis.coverage.total,
        intended_name=types.get(account.intended_type) if account.intended_type else None,
        drivers=tuple(_note(d, lang) for d in analysis.drivers[:DRIVERS_SHOWN]),
        moves=tuple(_note(m.now, lang, m.change) for m in entry.factor_moves),
        seen_as=seen_as,
    )


def _position(figures: AccountAnalysis | ViewFigures, catalog, lang: str) -> ViewPosition:
    return ViewPosition(
        figures.zone.id,
        zone_name(figures.zone, catalog, lang),
        figures.supplier_index,
        figures.key_account_index,
    )


def _disagreement(entry: PortfolioEntry, row: AccountRow, lang: str) -> ZoneDisagreement:
    analysis = entry.analysis
    theirs = analysis.key_account_view
    assert theirs is not None, "only a key account's own view can disagree with ours"
    return ZoneDisagreement(
        row, _position(analysis, analysis.catalog, lang), _position(theirs, analysis.catalog, lang)
    )


def _gap_row(gap: PortfolioGap, lang: str) -> GapRow:
    return GapRow(
        account=gap.entry.name,
        number=gap.factor.number,
        label=gap.factor.factor.label(lang),
        side_name=gettext_for(lang)(SIDE_NAMES[gap.side]),
        ours=gap.ours,
        theirs=gap.theirs,
        difference=gap.difference,
        class_name=gap_class_name(gap.gap_class, lang),
    )


def _appendix(entry: PortfolioEntry, row: AccountRow, diagram_svg: str, lang: str) -> AppendixPage:
    analysis = entry.analysis
    gaps = largest_gaps(analysis.factors)
    return AppendixPage(
        row=row,
        diagram_svg=diagram_svg,
        diagram_alt=account_diagram_text(
            lang, row.name, Position(row.supplier_index, row.key_account_index, row.zone_name)
        ),
        gaps=tuple(_note(r, lang) for r in gaps[:APPENDIX_GAPS]),
        other_catalogs=other_catalogs_note(
            ((a.assessment.period, other_catalog(a, analysis.catalog)) for a in entry.earlier),
            analysis.catalog_label,
        ),
    )


@dataclass(frozen=True)
class PortfolioCharts:
    """The charts of one portfolio as SVG text. They are made apart from the rest of the view, as a
    briefing's are, so that the view can be built and compared with stand-ins in their place."""

    map_svg: str
    diagrams: tuple[str, ...]
    """Each account's appendix diagram, in the order of the portfolio's entries."""


def _catalogs_label(portfolio: PortfolioAnalysis) -> str:
    """The portfolio's catalog; where its accounts were assessed with several, each with its count."""
    if len(portfolio.catalogs_used) <= 1:
        return portfolio.catalog.label()
    return " · ".join(f"{label} ({count})" for label, count in portfolio.catalogs_used)


Pick = Callable[[Iterable[PortfolioEntry]], tuple[AccountRow, ...]]
"""The rows of some of the portfolio's entries, each made once and shared by every section."""


def _cover(
    portfolio: PortfolioAnalysis, pick: Pick, capacity: Capacity, lang: str, actions_listed: bool
) -> CoverSection:
    names = {}
    for entry in portfolio.entries:  # a zone only another catalog has is named as that catalog names it
        names.update(zone_names(entry.analysis.catalog, lang))
    names.update(zone_names(portfolio.catalog, lang))
    over_investing = pick(portfolio.over_investing)
    standing, changes = _cover_sentences(portfolio, lang)
    return CoverSection(
        catalog_title=portfolio.catalog.title.get(lang),
        period=str(portfolio.period),
        previous_period=str(portfolio.previous_period),
        zone_counts=tuple(ZoneCount(zone, names[zone], count) for zone, count in portfolio.zone_counts),
        largest_over_investment=over_investing[0] if over_investing else None,
        capacity=capacity,
        key_account_view_count=len(portfolio.with_key_account_view),
        actions_listed=actions_listed,
        standing=standing,
        changes=changes,
    )


def _counted(message: Plural, count: int, lang: str, **params) -> str:
    return message.pick(lang, count) % {"num": count, **params}


def _sentence(clauses: list[str], lang: str) -> str:
    """*clauses* as one sentence: listed, its first letter a capital, a full stop at its end."""
    text = listed(clauses, lang)
    return f"{text[:1].upper()}{text[1:]}."


def _cover_sentences(portfolio: PortfolioAnalysis, lang: str) -> tuple[str, tuple[str, ...]]:
    """How many accounts stand where, what moved since the previous quarter, and how many have the key
    account's own view: each count of no account is left out (no "0 were assessed for the first time"),
    and a sentence with nothing to count says so plainly or is left out."""
    _ = gettext_for(lang)
    counts = dict(portfolio.zone_counts)
    balanced = sum(1 for e in portfolio.entries if e.analysis.zone.kind is ZoneKind.BALANCED)
    critical = counts.get(SUPPLIER_FRUSTRATION_CRITICAL, 0)
    over_investing = len(portfolio.over_investing)
    frustrated = _counted(FRUSTRATED, over_investing, lang)
    if critical:
        frustrated += f" ({_counted(CRITICALLY, critical, lang)})"
    account_more = counts.get(ZoneKind.ACCOUNT_INVESTS_MORE, 0)
    standing = [_counted(BALANCED, balanced, lang)] if balanced else []
    if over_investing:
        standing.append(frustrated)
    if account_more:
        standing.append(_counted(ACCOUNT_MORE, account_more, lang))
    assessed = _counted(ASSESSED, len(portfolio.entries), lang, period=portfolio.period)
    period = str(portfolio.previous_period)
    changes = [
        text
        for count, text in (
            (len(portfolio.movements), _counted(CHANGED_ZONE, len(portfolio.movements), lang)),
            (len(portfolio.newcomers), _counted(NEWCOMERS, len(portfolio.newcomers), lang)),
            (
                len(portfolio.dropped),
                f"{_counted(DROPPED, len(portfolio.dropped), lang)} ({', '.join(portfolio.dropped)})",
            ),
        )
        if count
    ]
    since = _(SINCE) % {"period": period, "changes": listed(changes, lang)} if changes else None
    sentences = [since or _(NOTHING_SINCE) % {"period": period}]
    if with_view := len(portfolio.with_key_account_view):
        views = [_counted(WITH_THEIR_VIEW, with_view, lang)]
        if disagree := len(portfolio.zones_disagree):
            views.append(_counted(IN_ANOTHER_ZONE, disagree, lang))
        sentences.append(f"{'; '.join(views)}.")
    return f"{assessed} {_sentence(standing, lang)}", tuple(sentences)


def _voices(portfolio: PortfolioAnalysis, pick: Pick, lang: str) -> VoicesSection | None:
    with_view = portfolio.with_key_account_view
    if not with_view:
        return None
    return VoicesSection(
        account_count=len(portfolio.entries),
        with_view=tuple(e.name for e in with_view),
        disagreements=tuple(
            _disagreement(e, row, lang)
            for e, row in zip(portfolio.zones_disagree, pick(portfolio.zones_disagree), strict=True)
        ),
        gaps=tuple(_gap_row(g, lang) for g in portfolio.perception_gaps[:PERCEPTION_GAPS_SHOWN]),
        gap_count=len(portfolio.perception_gaps),
    )


def _questions(
    portfolio: PortfolioAnalysis, pick: Pick, answer: Pick, capacity: Capacity, lang: str
) -> QuestionsSection:
    """The questions of the portfolio's catalog, each found by its kind, not by its place; the accounts
    that answer them with the figures the answers use (*answer*: the key account's own view where it
    answered)."""
    catalog = portfolio.catalog
    strategic = strategic_type(catalog)
    our_view_only = portfolio.over_investing_in_our_view_only
    return QuestionsSection(
        over_investment_question=question_text(catalog, QuestionKind.OVER_INVESTMENT, lang),
        over_investing=answer(portfolio.over_investment_answer),
        lean_or_strategic_question=question_text(catalog, QuestionKind.LEAN_OR_STRATEGIC, lang),
        lean_name=catalog.zones.relationship_types[0].name.get(lang),
        lean=answer(portfolio.lean),
        strategic_name=None if strategic is None else strategic.name.get(lang),
        strategic=answer(portfolio.strategic),
        capacity=capacity,
        scale_back_question=question_text(catalog, QuestionKind.SCALE_BACK, lang),
        scale_back_reason=gettext_for(lang)(
            CANDIDATES if preferred_type(catalog) else CANDIDATES_WITHOUT_PARTNER
        ),
        scale_back=answer(portfolio.scale_back),
        key_account_answers=bool(portfolio.with_key_account_view),
        over_investing_in_our_view_only=tuple(
            _disagreement(e, row, lang) for e, row in zip(our_view_only, pick(our_view_only), strict=True)
        ),
    )


def _overdue_row(item: OverdueAction, row: AccountRow, lang: str) -> OverdueRow:
    action = item.tracked.action
    return OverdueRow(
        account=row.name,
        anchor=row.anchor,
        factor_number=item.group.number,
        factor=action_factor_name(item.group.factor_id, item.group.factor, lang),
        text=action.text,
        owner=action.owner,
        due=action.due,
        days_late=item.days_late,
    )


def _actions(portfolio: PortfolioAnalysis, pick: Pick, made_on: date, lang: str) -> ActionsSection | None:
    """The overdue actions and the over-investing accounts without an open one; None when there is
    neither, so a quarter with nothing to say about actions has no section."""
    overdue = overdue_actions(portfolio, made_on)
    without = portfolio.over_investing_without_action
    if not overdue and not without:
        return None
    rows = {id(e): row for e, row in zip(portfolio.entries, pick(portfolio.entries), strict=True)}
    return ActionsSection(
        made_on=reckoning_day(portfolio.period, made_on),
        keeps_actions=portfolio.keeps_actions,
        overdue=tuple(_overdue_row(item, rows[id(item.entry)], lang) for item in overdue),
        without_action=pick(without),
        any_over_investing=bool(portfolio.over_investing),
    )


def build_portfolio(
    portfolio: PortfolioAnalysis, lang: str, made_on: date, charts: PortfolioCharts
) -> PortfolioView:
    """The portfolio view, with its *charts* drawn apart (:func:`reportgen.charts.portfolio_charts`)."""
    rows = {id(e): _row(e, lang) for e in portfolio.entries}
    answer_rows = {id(e): _row(e, lang, e.answering) for e in portfolio.entries}

    def pick(entries: Iterable[PortfolioEntry]) -> tuple[AccountRow, ...]:
        return tuple(rows[id(e)] for e in entries)

    def answer(entries: Iterable[PortfolioEntry]) -> tuple[AccountRow, ...]:
        return tuple(answer_rows[id(e)] for e in entries)

    actions = _actions(portfolio, pick, made_on, lang)
    capacity = Capacity(
        limit=portfolio.capacity.limit,
        accounts=answer(portfolio.capacity.accounts),
        exceeded=portfolio.capacity.exceeded,
    )
    cover = _cover(portfolio, pick, capacity, lang, actions_listed=actions is not None)
    appendix = tuple(
        _appendix(e, rows[id(e)], diagram, lang)
        for e, diagram in zip(portfolio.entries, charts.diagrams, strict=True)
    )
    return PortfolioView(
        lang=lang,
        made_on=made_on,
        period=str(portfolio.period),
        catalog_title=portfolio.catalog.title.get(lang),
        catalog_label=_catalogs_label(portfolio),
        cover=cover,
        map=MapSection(
            charts.map_svg,
            portfolio_map_text(lang, [ZoneTally(z.name, z.count) for z in cover.zone_counts]),
        ),
        ranking=RankingSection(pick(portfolio.entries)),
        voices=_voices(portfolio, pick, lang),
        questions=_questions(portfolio, pick, answer, capacity, lang),
        movements=MovementsSection(str(portfolio.previous_period), pick(portfolio.movements)),
        appendix=AppendixSection(appendix),
        actions=actions,
    )
