"""The briefing's closing section: the catalog's coaching questions asked about the account, and how to
read the briefing.

The questions are answered with the account's figures, in words, by :mod:`.coaching_answers`; this
module holds the section as the template lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.cost_to_serve import EffortBenchmark
from reportgen.model.findings import AccountAnalysis
from reportgen.views.briefing.coaching_answers import AnsweredQuestion, coaching_questions


@dataclass(frozen=True)
class CoachingSection:
    """The catalog's questions answered with the account's figures, and how to read the briefing."""

    questions: tuple[AnsweredQuestion, ...]
    """The catalog's questions, asked about this account; those of a known kind answered with its figures."""
    balance_tolerance: float
    catalog_title: str
    catalog_label: str


def coaching_section(
    analysis: AccountAnalysis, lang: str, effort_benchmark: EffortBenchmark | None = None
) -> CoachingSection:
    """The questions asked about this account, with its own catalog's title and balance tolerance; the
    answer to "scale back?" measures its hours by *effort_benchmark* where given."""
    catalog = analysis.catalog
    return CoachingSection(
        questions=coaching_questions(analysis, lang, effort_benchmark),
        balance_tolerance=catalog.zones.balance_tolerance,
        catalog_title=catalog.title.get(lang),
        catalog_label=analysis.catalog_label,
    )
