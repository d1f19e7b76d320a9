"""The catalog's coaching questions, asked about one account and answered with its figures.

The questions are data: a user may reword, reorder, drop or add them. A question names what kind of
answer it asks for (``kind`` in the catalog), and the answer is computed for that kind, so rewording
or reordering keeps each answer under its own question. A question of a kind this module does not
know is asked as it stands, for the reader to reflect on.

The answers are worded here, in the report's language, with the figures as every report shows them;
the templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportgen.catalog import Catalog, RelationshipType
from reportgen.i18n import Formatter, gettext_for
from reportgen.model import AccountAnalysis, FactorResult, Side, ZoneKind
from reportgen.portfolio import is_scale_back_candidate, preferred_type
from reportgen.wording import zone_label

FACTORS_NAMED = 3
"""Factors named in one answer: enough to act on, few enough to read aloud."""


class QuestionKind(StrEnum):
    OVER_INVESTMENT = "over_investment"
    """Do we invest much here without the customer reflecting it?"""
    LEAN_OR_STRATEGIC = "lean_or_strategic"
    """What would lean key account management, and what would a strategic partnership look like?"""
    SCALE_BACK = "scale_back"
    """Is this an account to scale back?"""


@dataclass(frozen=True)
class Answer:
    verdict: str
    """The answer in a few words, about the account: "Brandtner: yes, critically"."""
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class CoachingQuestion:
    text: str
    answer: Answer | None
    """None: a question for the reader to reflect on; no figure answers it."""


def question_text(catalog: Catalog, kind: QuestionKind, lang: str) -> str | None:
    """The catalog's wording of the question of *kind*, if it asks one."""
    return next((q.get(lang) for q in catalog.coaching_questions if q.kind == kind), None)


def coaching_questions(
    analysis: AccountAnalysis, catalog: Catalog, lang: str
) -> tuple[CoachingQuestion, ...]:
    words = _Words(analysis, catalog, lang)
    answers = {
        QuestionKind.OVER_INVESTMENT: words.over_investment,
        QuestionKind.LEAN_OR_STRATEGIC: words.lean_or_strategic,
        QuestionKind.SCALE_BACK: words.scale_back,
    }
    return tuple(
        CoachingQuestion(q.get(lang), answers[q.kind]() if q.kind in answers else None)
        for q in catalog.coaching_questions
    )


def _over_invested(analysis: AccountAnalysis) -> list[FactorResult]:
    """The factors where we invest most beyond the account's share, largest share of the balance first."""
    ours = [r for r in analysis.factors if r.over_investor is Side.SUPPLIER]
    return sorted(ours, key=lambda r: (-r.balance_points, r.number))[:FACTORS_NAMED]


def _under_invested(analysis: AccountAnalysis) -> list[FactorResult]:
    """The factors where the account invests most beyond ours."""
    theirs = [r for r in analysis.factors if r.over_investor is Side.KEY_ACCOUNT]
    return sorted(theirs, key=lambda r: (r.balance_points, r.number))[:FACTORS_NAMED]


def _lowest(analysis: AccountAnalysis, side: Side) -> list[FactorResult]:
    """The rated factors where *side* scores lowest: where raising it counts most. Among equal scores,
    those where the other side is furthest ahead first: there the other side already shows the way."""

    def order(r: FactorResult) -> tuple:
        if side is Side.SUPPLIER:
            return (r.supplier, r.gap, r.number)
        return (r.key_account, -r.gap, r.number)

    return sorted((r for r in analysis.factors if r.rated_both), key=order)[:FACTORS_NAMED]


class _Words:
    """The answers for one account in one language."""

    def __init__(self, analysis: AccountAnalysis, catalog: Catalog, lang: str) -> None:
        self.analysis, self.catalog, self.lang = analysis, catalog, lang
        self._ = gettext_for(lang)
        self.number = Formatter(lang).number
        self.score = Formatter(lang).score
        self.name = analysis.assessment.account.name
        self.s, self.k, self.balance = analysis.supplier_index, analysis.key_account_index, analysis.balance
        self.tolerance = self.number(catalog.zones.balance_tolerance)

    # Pieces

    def factors(self, results: list[FactorResult]) -> str:
        """„Frühe Einbindung“ (wir 5, Kunde 2), … und …"""
        _ = self._
        named = [
            _("“{factor}” (we {supplier}, they {key_account})").format(
                factor=r.factor.label(self.lang),
                supplier=self.score(r.supplier),
                key_account=self.score(r.key_account),
            )
            for r in results
        ]
        if len(named) == 1:
            return named[0]
        return _("{first} and {last}").format(first=", ".join(named[:-1]), last=named[-1])

    def indices(self) -> str:
        return self._("S {supplier}, K {key_account}").format(
            supplier=self.number(self.s), key_account=self.number(self.k)
        )

    def bound(self, relationship: RelationshipType) -> str:
        """Where a relationship type starts: "above 66" / "at least 33"."""
        if relationship.above is not None:
            return self._("above {value}").format(value=self.number(relationship.above))
        return self._("at least {value}").format(value=self.number(relationship.start()))

    def verdict(self, answer: str) -> str:
        return self._("{account}: {answer}").format(account=self.name, answer=answer)

    # The answers

    def over_investment(self) -> Answer:
        _, kind = self._, self.analysis.zone.kind
        if kind is ZoneKind.SUPPLIER_FRUSTRATION:
            verdict = _("yes, critically") if self.analysis.zone.critical else _("yes")
            sentences = [
                _("We invest {points} points more than the key account ({indices}).").format(
                    points=self.number(self.balance), indices=self.indices()
                ),
                _("We are furthest ahead in {factors}.").format(
                    factors=self.factors(_over_invested(self.analysis))
                ),
            ]
            return Answer(self.verdict(verdict), tuple(sentences))
        if kind is ZoneKind.ACCOUNT_INVESTS_MORE:
            sentences = [
                _("The key account invests {points} points more than we do ({indices}).").format(
                    points=self.number(-self.balance), indices=self.indices()
                ),
                _("It gives most beyond our share in {factors}.").format(
                    factors=self.factors(_under_invested(self.analysis))
                ),
            ]
            return Answer(self.verdict(_("no, the other way round")), tuple(sentences))
        sentences = [
            _("Both sides invest in balance: {indices}, within ±{tolerance} points of each other.").format(
                indices=self.indices(), tolerance=self.tolerance
            )
        ]
        ahead = _over_invested(self.analysis)
        if ahead:
            sentences.append(
                _("We give more than it does only in single factors: {factors}.").format(
                    factors=self.factors(ahead)
                )
            )
        return Answer(self.verdict(_("no")), tuple(sentences))

    def lean_or_strategic(self) -> Answer:
        _ = self._
        types = self.catalog.zones.relationship_types
        lean, strategic = types[0], types[-1]
        zone = self.analysis.zone
        sentences = [self._lean(lean, zone.relationship_type == lean), self._strategic(strategic)]
        intended = next((t for t in types if t.id == self.analysis.assessment.account.intended_type), None)
        if intended is not None:
            sentences.append(_("The account is run as “{type}”.").format(type=intended.name.get(self.lang)))
        verdict = _("today {zone}").format(zone=zone_label(self.analysis, self.catalog, self.lang))
        return Answer(self.verdict(verdict), tuple(sentences))

    def _lean(self, lean: RelationshipType, is_lean: bool) -> str:
        _ = self._
        name = lean.name.get(self.lang)
        if is_lean:
            return _("“{lean}” is what it is today: both sides invest little, and in balance.").format(
                lean=name
            )
        preferred = preferred_type(self.catalog)
        if preferred is not None and preferred.admits(self.k):
            return _(
                "“{lean}” would not fit: with K {key_account} the customer invests at least like a "
                "“{preferred}” ({bound}), and scaling back would leave that unanswered."
            ).format(
                lean=name,
                key_account=self.number(self.k),
                preferred=preferred.name.get(self.lang),
                bound=self.bound(preferred),
            )
        tolerance = self.catalog.zones.balance_tolerance
        if self.balance > tolerance:
            return _(
                "“{lean}” would mean bringing S down from {supplier} to at most {target}, the customer's "
                "K {key_account} plus {tolerance}: scale back first in {factors}."
            ).format(
                lean=name,
                supplier=self.number(self.s),
                target=self.number(self.k + tolerance),
                key_account=self.number(self.k),
                tolerance=self.tolerance,
                factors=self.factors(_over_invested(self.analysis)),
            )
        return _(
            "“{lean}” would mean raising S from {supplier} to at least {target}, the customer's "
            "K {key_account} minus {tolerance}."
        ).format(
            lean=name,
            supplier=self.number(self.s),
            target=self.number(self.k - tolerance),
            key_account=self.number(self.k),
            tolerance=self.tolerance,
        )

    def _strategic(self, strategic: RelationshipType) -> str:
        _ = self._
        name = strategic.name.get(self.lang)
        if self.analysis.zone.relationship_type == strategic:
            return _(
                "“{strategic}” is what it is today: both sides invest a great deal, and in balance."
            ).format(strategic=name)
        # Both sides short of it: two factors each, so the sentence stays readable.
        named = FACTORS_NAMED if strategic.admits(self.k) or strategic.admits(self.s) else FACTORS_NAMED - 1
        needs = []
        if not strategic.admits(self.k):
            needs.append(
                _(
                    "the key account would have to raise K from {key_account} to {bound}, "
                    "above all in {factors}"
                ).format(
                    key_account=self.number(self.k),
                    bound=self.bound(strategic),
                    factors=self.factors(_lowest(self.analysis, Side.KEY_ACCOUNT)[:named]),
                )
            )
        if not strategic.admits(self.s):
            needs.append(
                _("we would have to raise S from {supplier} to {bound}, above all in {factors}").format(
                    supplier=self.number(self.s),
                    bound=self.bound(strategic),
                    factors=self.factors(_lowest(self.analysis, Side.SUPPLIER)[:named]),
                )
            )
        if not needs:
            return _(
                "For “{strategic}” both sides invest enough, but not in balance: the {points} points between "
                "them would have to shrink to {tolerance}."
            ).format(strategic=name, points=self.number(abs(self.balance)), tolerance=self.tolerance)
        joined = (
            needs[0] if len(needs) == 1 else _("{first} and {last}").format(first=needs[0], last=needs[1])
        )
        return _("For “{strategic}”, {needs}.").format(strategic=name, needs=joined)

    def scale_back(self) -> Answer:
        _, kind = self._, self.analysis.zone.kind
        preferred = preferred_type(self.catalog)
        preferred_name = preferred.name.get(self.lang) if preferred else ""
        if is_scale_back_candidate(self.analysis):
            sentences = (
                _(
                    "We invest {points} points more, and with K {key_account} the customer does not "
                    "even invest like a “{preferred}”: it looks for a reliable supplier, and lean key "
                    "account management would be the honest answer."
                ).format(
                    points=self.number(self.balance),
                    key_account=self.number(self.k),
                    preferred=preferred_name,
                ),
                _("Scale back first in {factors}.").format(
                    factors=self.factors(_over_invested(self.analysis))
                ),
            )
            return Answer(self.verdict(_("yes, a candidate")), sentences)
        if kind is ZoneKind.SUPPLIER_FRUSTRATION:
            sentences = (
                _(
                    "We invest {points} points more, but with K {key_account} the customer invests "
                    "at least like a “{preferred}”. Before scaling back, ask it to match us where we are "
                    "furthest ahead."
                ).format(
                    points=self.number(self.balance),
                    key_account=self.number(self.k),
                    preferred=preferred_name,
                ),
            )
            return Answer(self.verdict(_("not yet")), sentences)
        if kind is ZoneKind.ACCOUNT_INVESTS_MORE:
            sentences = (
                _(
                    "The key account invests {points} points more than we do: rather a reason to invest more."
                ).format(points=self.number(-self.balance)),
            )
            return Answer(self.verdict(_("no")), sentences)
        sentences = (_("We do not invest more than the customer returns.").format(),)
        return Answer(self.verdict(_("no")), sentences)
