"""The catalog's coaching questions, asked about one account and answered in words with its figures.

The questions are data: a user may reword, reorder, drop or add them. A question names what kind of
answer it asks for (``kind`` in the catalog), and the answer is computed for that kind, so rewording
or reordering keeps each answer under its own question. A question of a kind this module does not
know is asked as it stands, for the reader to reflect on.

The answers are worded here, in the report's language, with the figures as every report shows them;
the templates only lay them out. What the figures are (the indices to reach, the factors to name) the
rules in :mod:`reportgen.analysis.coaching` decide; this module only words them.

Where the key account's own contacts answered, the answers use their view (see
:func:`reportgen.analysis.portfolio.answering_analysis`) and say so in every verdict; where their view puts
the account in another zone than ours, the answers name ours too and ask for the two to be compared first.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.coaching import (
    QuestionKind,
    customer_level,
    furthest_ahead,
    lean_target,
    strategic_path,
    where_to_raise,
)
from reportgen.analysis.cost_to_serve import EffortBenchmark
from reportgen.analysis.portfolio import (
    answering_analysis,
    is_scale_back_candidate,
    preferred_type,
    strategic_type,
)
from reportgen.common.i18n import Formatter, Nn_, Plural, gettext_for
from reportgen.model.assessment import Side
from reportgen.model.catalog import Catalog, RelationshipType
from reportgen.model.findings import AccountAnalysis, FactorResult, ZoneKind
from reportgen.views.briefing.coaching_money import MoneyAnswers
from reportgen.views.labels import factor_named, indices_text, listed, zone_label

NBSP = "\u00a0"
"""Joins figures that belong together ("(we 5, they 2)", "S 81, K 23") so a line never breaks inside them."""

WE_INVEST_MORE = Nn_(
    "We invest {points} point more than the key account ({indices}).",
    "We invest {points} points more than the key account ({indices}).",
)
ACCOUNT_INVESTS_MORE = Nn_(
    "The key account invests {points} point more than we do ({indices}).",
    "The key account invests {points} points more than we do ({indices}).",
)
POINTS_APART = Nn_(
    "Both sides invest in balance: {indices}, only {points} point apart.",
    "Both sides invest in balance: {indices}, only {points} points apart.",
)
LEAN_DOWN = Nn_(
    "“{lean}” would mean bringing S down from {supplier} to at most {target}, no more than {tolerance} point "
    "above the customer's {key_account}.",
    "“{lean}” would mean bringing S down from {supplier} to at most {target}, no more than {tolerance} "
    "points above the customer's {key_account}.",
)
LEAN_UP = Nn_(
    "“{lean}” would mean raising S from {supplier} to at least {target}, no more than {tolerance} point "
    "below the customer's {key_account}.",
    "“{lean}” would mean raising S from {supplier} to at least {target}, no more than {tolerance} points "
    "below the customer's {key_account}.",
)
STRATEGIC_NEEDS = Nn_(
    "A “{strategic}” needs both indices {bound}, at most {tolerance} point apart.",
    "A “{strategic}” needs both indices {bound}, at most {tolerance} points apart.",
)
CAPACITY = Nn_(
    "A company can rarely carry more than {n} partnership like this.",
    "A company can rarely carry more than {n} partnerships like this.",
)
CANDIDATE = Nn_(
    "We invest {points} point more, and with {key_account} the customer does not even invest like a "
    "“{preferred}”: it looks for a reliable supplier, and lean key account management would be the honest "
    "answer.",
    "We invest {points} points more, and with {key_account} the customer does not even invest like a "
    "“{preferred}”: it looks for a reliable supplier, and lean key account management would be the honest "
    "answer.",
)
CANDIDATE_WITHOUT_PARTNER = Nn_(
    "We invest {points} point more, and the catalog knows no relationship beyond lean key account "
    "management: scaling back to it would be the honest answer.",
    "We invest {points} points more, and the catalog knows no relationship beyond lean key account "
    "management: scaling back to it would be the honest answer.",
)
"""A candidate where the catalog has no type after lean KAM, so no partner's level to measure K by."""
NOT_YET = Nn_(
    "We invest {points} point more, but with {key_account} the customer invests at the level of “{level}” "
    "({bound}). Before scaling back, ask it to match us where we are furthest ahead.",
    "We invest {points} points more, but with {key_account} the customer invests at the level of “{level}” "
    "({bound}). Before scaling back, ask it to match us where we are furthest ahead.",
)
RATHER_INVEST = Nn_(
    "The key account invests {points} point more than we do: rather a reason to invest more.",
    "The key account invests {points} points more than we do: rather a reason to invest more.",
)


@dataclass(frozen=True)
class Answer:
    verdict: str
    """The answer in a few words, about the account: "Brandtner: yes, critically"."""
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class AnsweredQuestion:
    text: str
    answer: Answer | None
    """None: a question for the reader to reflect on; no figure answers it."""


def coaching_questions(
    analysis: AccountAnalysis, lang: str, effort_benchmark: EffortBenchmark | None = None
) -> tuple[AnsweredQuestion, ...]:
    """The questions of the catalog the account was analysed with, each answered with its figures, and in
    money where our team's workbook gives what serving the account costs; the answer to "scale back?"
    measures its hours by *effort_benchmark* where given (see :mod:`.coaching_money`)."""
    catalog = analysis.catalog
    words = _Words(
        answering_analysis(analysis), catalog, lang, ours=analysis, effort_benchmark=effort_benchmark
    )
    answers = {
        QuestionKind.OVER_INVESTMENT: words.over_investment,
        QuestionKind.LEAN_OR_STRATEGIC: words.lean_or_strategic,
        QuestionKind.SCALE_BACK: words.scale_back,
    }
    return tuple(
        AnsweredQuestion(q.get(lang), answers[q.kind]() if q.kind in answers else None)
        for q in catalog.coaching_questions
    )


class _Words:
    """The answers for one account in one language.

    The answers are asked in the catalog's order; factors named just before, in the same answer or the
    one before it, are referred back to ("the same factors") instead of being listed again.
    """

    def __init__(
        self,
        analysis: AccountAnalysis,
        catalog: Catalog,
        lang: str,
        ours: AccountAnalysis | None = None,
        effort_benchmark: EffortBenchmark | None = None,
    ) -> None:
        """*analysis* gives the figures the answers use; *ours* is our own view, where that is another;
        *effort_benchmark* what scaling back is measured by, where the answer speaks of it."""
        self.analysis, self.catalog, self.lang = analysis, catalog, lang
        self.ours = ours if ours is not None and ours is not analysis else None
        self._ = gettext_for(lang)
        self.number = Formatter(lang).number
        self.score = Formatter(lang).score
        self.name = analysis.assessment.account.name
        self.s, self.k, self.balance = analysis.supplier_index, analysis.key_account_index, analysis.balance
        self.last_named: tuple[str, ...] | None = None
        """The factors the last list named: "the same factors" refers back to them alone."""
        self.in_money = MoneyAnswers(analysis.cost_to_serve, lang)
        """Our cost to serve in words: our team's figures whichever view the answers use."""
        self.effort_benchmark = effort_benchmark

    # Pieces

    def counted(self, message: Plural, count: float, **values: str) -> str:
        """*message* in the form *count* asks for, with the count as ``{points}``/``{n}``."""
        shown = self.number(count)
        return message.pick(self.lang, count).format(points=shown, n=shown, **values)

    def factors(self, results: list[FactorResult]) -> str:
        """„Frühe Einbindung“ (wir 5, Kunde 2), … und …; "the same factors" if just named.

        Only the factors named last are referred back to: "the same factors" reads as the list before it,
        so factors named earlier, with others named between, are named again.

        Where the answers use the key account's own view, the figures say they are its ratings: "we 3,
        they 3" would read as our team's, which the tables show otherwise, or not at all where our team
        left a factor unrated. The first factor named says so, the others follow it.
        """
        _ = self._
        ids = tuple(r.factor.id for r in results)
        if self.last_named == ids:
            return _("the same factors")
        self.last_named = ids

        def scored(r: FactorResult, first: bool) -> str:
            supplier, key_account = self.score(r.supplier), self.score(r.key_account)
            if self.ours is None:
                figures = _("we {supplier}, they {key_account}")
                return figures.format(supplier=supplier, key_account=key_account).replace(" ", NBSP)
            # the first factor says whose ratings they are, the others follow it; too long to keep on one
            # line whole, each figure stays with the word before it
            if first:
                figures = _("the key account rates us {supplier}, itself {key_account}")
            else:
                figures = _("us {supplier}, itself {key_account}")
            return figures.replace(" {", NBSP + "{").format(supplier=supplier, key_account=key_account)

        return listed(
            [
                factor_named(r.factor.label(self.lang), scored(r, n == 0), self.lang)
                for n, r in enumerate(results)
            ],
            self.lang,
        )

    def indices(self, analysis: AccountAnalysis | None = None) -> str:
        """ "S 81, K 23" of the answers' figures, or of *analysis*."""
        analysis = analysis or self.analysis
        return indices_text(analysis.supplier_index, analysis.key_account_index, self.lang).replace(" ", NBSP)

    def key_account_index(self) -> str:
        """ "K 23", kept on one line."""
        return self._("K {key_account}").format(key_account=self.number(self.k)).replace(" ", NBSP)

    def bound(self, relationship: RelationshipType) -> str:
        """Where a relationship type starts: "above 66" / "at least 33"."""
        if relationship.above is not None:
            return self._("above {value}").format(value=self.number(relationship.above))
        return self._("at least {value}").format(value=self.number(relationship.start()))

    def level(self) -> RelationshipType:
        """The relationship type the customer's K alone would reach."""
        return customer_level(self.analysis)

    def verdict(self, answer: str, both_views: bool = False) -> str:
        """ "Brandtner: yes"; with the key account's view, the verdict says it is that view's, unless it
        weighs *both_views*."""
        if self.ours is not None and not both_views:
            return self._("{account}, as the key account sees it: {answer}").format(
                account=self.name, answer=answer
            )
        return self._("{account}: {answer}").format(account=self.name, answer=answer)

    def our_other_zone(self) -> list[str]:
        """Where the key account's view puts the account in another zone than ours: ours, to compare."""
        if self.ours is None or not self.ours.zones_disagree:
            return []
        return [
            self._(
                "Our own view puts it in “{zone}” ({indices}): compare the two views with the key account "
                "before acting on either."
            ).format(zone=zone_label(self.ours, self.catalog, self.lang), indices=self.indices(self.ours))
        ]

    def over_invested_in_our_view_only(self) -> bool:
        ours = self.ours
        return (
            ours is not None
            and ours.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION
            and self.analysis.zone.kind is not ZoneKind.SUPPLIER_FRUSTRATION
        )

    # The answers

    def over_investment(self) -> Answer:
        _, kind = self._, self.analysis.zone.kind
        if kind is ZoneKind.SUPPLIER_FRUSTRATION:
            verdict = _("yes, critically") if self.analysis.zone.critical else _("yes")
            sentences = [
                self.counted(WE_INVEST_MORE, self.balance, indices=self.indices()),
                _("We are furthest ahead in {factors}.").format(
                    factors=self.factors(furthest_ahead(self.analysis, Side.SUPPLIER))
                ),
                *self.our_other_zone(),
                *self.in_money.investment(),
            ]
            return Answer(self.verdict(verdict), tuple(sentences))
        if kind is ZoneKind.ACCOUNT_INVESTS_MORE:
            sentences = [
                self.counted(ACCOUNT_INVESTS_MORE, -self.balance, indices=self.indices()),
                _("The customer is furthest ahead in {factors}.").format(
                    factors=self.factors(furthest_ahead(self.analysis, Side.KEY_ACCOUNT))
                ),
                *self.our_other_zone(),
                *self.in_money.investment(),
            ]
            return Answer(self.verdict(_("no, the other way round")), tuple(sentences))
        if self.balance:
            sentences = [self.counted(POINTS_APART, abs(self.balance), indices=self.indices())]
        else:
            sentences = [_("Both sides invest exactly alike: {indices}.").format(indices=self.indices())]
        ahead = furthest_ahead(self.analysis, Side.SUPPLIER)
        if ahead:
            sentences.append(
                _("Only in a few factors do we give more than the customer: {factors}.").format(
                    factors=self.factors(ahead)
                )
            )
        sentences += [*self.our_other_zone(), *self.in_money.investment()]
        return Answer(self.verdict(_("no")), tuple(sentences))

    def lean_or_strategic(self) -> Answer:
        _ = self._
        lean, strategic = self.catalog.zones.relationship_types[0], strategic_type(self.catalog)
        today = self.analysis.zone.relationship_type
        intended = self.catalog.zones.relationship_type(self.analysis.assessment.account.intended_type)
        sentences = self._lean(lean, today == lean)
        if strategic is not None:
            sentences += self._strategic(strategic)
            if strategic in (today, intended):
                sentences.append(self.counted(CAPACITY, self.catalog.zones.strategic_capacity))
        zone = zone_label(self.analysis, self.catalog, self.lang)
        if intended is None:
            verdict = _("today “{zone}”").format(zone=zone)
        elif intended == today:
            verdict = _("“{type}”, as intended").format(type=intended.name.get(self.lang))
        else:
            verdict = _("run as “{type}”, but today “{zone}”").format(
                type=intended.name.get(self.lang), zone=zone
            )
        return Answer(self.verdict(verdict), tuple(sentences))

    def _lean(self, lean: RelationshipType, is_lean: bool) -> list[str]:
        _ = self._
        name = lean.name.get(self.lang)
        if is_lean and strategic_type(self.catalog) is None:
            # the catalog's one type spans every index: balanced is all there is to say
            return [_("Both sides invest in balance.")]
        if is_lean:
            return [_("Both sides invest little, and in balance.")]
        level = self.level()
        if level != lean:
            return [
                _(
                    "“{lean}” would not fit: with {key_account} the customer invests at the level of "
                    "“{level}” ({bound}), and scaling back would leave that unanswered."
                ).format(
                    lean=name,
                    key_account=self.key_account_index(),
                    level=level.name.get(self.lang),
                    bound=self.bound(level),
                )
            ]
        target = lean_target(self.analysis)
        if target is None:
            return []
        values = {
            "lean": name,
            "supplier": self.number(self.s),
            "target": self.number(target),
            "key_account": self.key_account_index(),
        }
        tolerance = self.catalog.zones.balance_tolerance
        if target > self.s:
            return [self.counted(LEAN_UP, tolerance, tolerance=self.number(tolerance), **values)]
        return [
            self.counted(LEAN_DOWN, tolerance, tolerance=self.number(tolerance), **values),
            _("Scale back first in {factors}.").format(
                factors=self.factors(furthest_ahead(self.analysis, Side.SUPPLIER))
            ),
        ]

    def _strategic(self, strategic: RelationshipType) -> list[str]:
        _ = self._
        name = strategic.name.get(self.lang)
        if self.analysis.zone.relationship_type == strategic:
            return [_("Both sides invest a great deal, and in balance.")]
        path = strategic_path(self.analysis)
        if path is None:
            return [_("No index on the scale reaches “{strategic}”.").format(strategic=name)]
        tolerance = self.catalog.zones.balance_tolerance
        sentences = [
            self.counted(
                STRATEGIC_NEEDS,
                tolerance,
                strategic=name,
                bound=self.bound(strategic),
                tolerance=self.number(tolerance),
            )
        ]
        they_move = path.key_account > self.k
        if they_move:
            sentences.append(
                self._raise(
                    _(
                        "For that, the key account would have to raise K from {key_account} to at least "
                        "{target}, above all in {factors}."
                    ),
                    _(
                        "For that, the key account would have to raise K from {key_account} to at least "
                        "{target}."
                    ),
                    where_to_raise(self.analysis, Side.KEY_ACCOUNT),
                    key_account=self.number(self.k),
                    target=self.number(path.key_account),
                )
            )
        if path.supplier > self.s:
            figures = {"supplier": self.number(self.s), "target": self.number(path.supplier)}
            factors = where_to_raise(self.analysis, Side.SUPPLIER)
            if they_move:
                sentence = self._raise(
                    _(
                        "Only then would we have to raise S from {supplier} to at least {target}, "
                        "above all in {factors}."
                    ),
                    _("Only then would we have to raise S from {supplier} to at least {target}."),
                    factors,
                    **figures,
                )
            else:
                # K already reaches the type and S lies below it, so the key account is ahead in some
                # factor: there is always one to name
                sentence = _(
                    "For that, we would have to raise S from {supplier} to at least {target}, "
                    "above all in {factors}."
                ).format(factors=self.factors(factors), **figures)
            sentences.append(sentence)
        return sentences

    def _raise(self, named: str, unnamed: str, factors: list[FactorResult], **figures: str) -> str:
        """How far a side would have to raise its index, and where above all. Where no factor qualifies
        (we are ahead in every one, yet S must rise with K to reach the type), the sentence names none."""
        if not factors:
            return unnamed.format(**figures)
        return named.format(factors=self.factors(factors), **figures)

    def scale_back(self) -> Answer:
        _, kind = self._, self.analysis.zone.kind
        if is_scale_back_candidate(self.analysis):
            preferred = preferred_type(self.catalog)
            if preferred is None:
                candidate = self.counted(CANDIDATE_WITHOUT_PARTNER, self.balance)
            else:
                candidate = self.counted(
                    CANDIDATE,
                    self.balance,
                    key_account=self.key_account_index(),
                    preferred=preferred.name.get(self.lang),
                )
            sentences = (
                candidate,
                _("Scale back first in {factors}.").format(
                    factors=self.factors(furthest_ahead(self.analysis, Side.SUPPLIER))
                ),
                *self.in_money.scale_back(self.effort_benchmark),
            )
            return Answer(self.verdict(_("yes, a candidate")), sentences)
        if self.over_invested_in_our_view_only():
            assert self.ours is not None
            sentences = (
                _(
                    "Our own view puts it in “{zone}” ({indices}), the key account's own view does not: "
                    "scaling back now would leave unanswered what the key account says it invests."
                ).format(
                    zone=zone_label(self.ours, self.catalog, self.lang), indices=self.indices(self.ours)
                ),
                _(
                    "Go through the perception gaps with it first: show it what it does not see of our "
                    "investment, and ask about what we do not see of its own."
                ),
            )
            return Answer(self.verdict(_("not on our view alone"), both_views=True), sentences)
        if kind is ZoneKind.SUPPLIER_FRUSTRATION:
            level = self.level()
            sentences = (
                self.counted(
                    NOT_YET,
                    self.balance,
                    key_account=self.key_account_index(),
                    level=level.name.get(self.lang),
                    bound=self.bound(level),
                ),
                *self.in_money.scale_back(self.effort_benchmark),
            )
            return Answer(self.verdict(_("not yet")), sentences)
        if kind is ZoneKind.ACCOUNT_INVESTS_MORE:
            return Answer(self.verdict(_("no")), (self.counted(RATHER_INVEST, -self.balance),))
        sentences = (_("We do not invest more than the customer returns."),)
        return Answer(self.verdict(_("no")), sentences)
