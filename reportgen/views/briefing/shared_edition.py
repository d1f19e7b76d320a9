"""The edition of a briefing handed to the key account (``reportgen briefing --edition shared``).

It is a view of its own, not the internal briefing with parts switched off: what it holds is chosen
here, field by field, so that a section added to the internal briefing (a verdict, a proposal, a
comment) can never reach the key account by being forgotten. It shows how each company rated what
each side invests, the comments the workbooks mark to share, and questions for the joint meeting;
never our zone or its wording, revenue, the team's names, spread or roles, nor a comment kept internal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportgen.analysis.history import AccountHistory
from reportgen.common.i18n import gettext_for
from reportgen.model.findings import AccountAnalysis, Coverage, FactorResult
from reportgen.views.briefing.actions import ActionsSection, actions_section
from reportgen.views.briefing.factors import ScaleView, differ_most, scale_view
from reportgen.views.chart_texts import shared_profile_text


@dataclass(frozen=True)
class SharedCharts:
    """The charts of the key account's edition: the factor profile, without the team's dots."""

    profile_svg: str


@dataclass(frozen=True)
class SideIndices:
    """S and K as one company rated them, and on how many factors."""

    supplier_index: int
    key_account_index: int
    coverage: Coverage


@dataclass(frozen=True)
class SharedCover:
    """Page 1: the two companies, the quarter, what the document is for and both companies' indices."""

    account_name: str
    supplier_name: str | None
    period: str
    ours: SideIndices
    """As the supplier's team rated both sides."""
    theirs: SideIndices | None
    """As the key account's contacts rated both sides; None where they have not answered."""


@dataclass(frozen=True)
class SharedComment:
    company: str
    """The company whose workbook holds the comment: it is never tied to a person."""
    text: str


@dataclass(frozen=True)
class SharedFactorRow:
    """One factor: each side's investment as each company rated it, and the comments marked to share."""

    number: int
    title: str
    supplier_ours: float | None
    supplier_theirs: float | None
    key_account_ours: float | None
    key_account_theirs: float | None
    comments: tuple[SharedComment, ...]


@dataclass(frozen=True)
class SharedProfile:
    scale: ScaleView
    profile_svg: str
    profile_alt: str
    """What the profile shows, in neutral words: no zone, no verdict (see the module's docstring)."""
    both_views: bool
    """The key account gave its own view: the table has a column for each company on each side."""
    rows: tuple[SharedFactorRow, ...]


@dataclass(frozen=True)
class SharedBriefingView:
    """The key account's edition: the fields are all it shows (see the module's docstring)."""

    lang: str
    made_on: date
    account_name: str
    period: str
    supplier_name: str | None
    catalog_title: str
    catalog_label: str
    cover: SharedCover
    profile: SharedProfile
    joint_questions: tuple[str, ...]
    """The catalog's questions for the joint meeting; empty for a catalog that has none (older ones)."""
    mutual_actions: ActionsSection | None = None
    """The mutual action plan: only the actions the workbooks mark to share with the key account, this
    quarter's and the open ones carried forward; None when there is none."""


def _comments(result: FactorResult | None, company: str) -> tuple[SharedComment, ...]:
    if result is None:
        return ()
    return tuple(SharedComment(company, text) for text in result.shared_comments)


def build_shared_briefing(
    analysis: AccountAnalysis,
    lang: str,
    made_on: date,
    charts: SharedCharts,
    supplier_name: str | None = None,
    history: AccountHistory | None = None,
) -> SharedBriefingView:
    """The key account's edition of one account's briefing in *lang*. *supplier_name* is our company's
    name, which the document gives beside the key account's; without it the supplier is named as such.
    *history* (up to this period) carries open shared actions of earlier quarters forward."""
    _ = gettext_for(lang)
    catalog = analysis.catalog
    assessment = analysis.assessment
    account = assessment.account.name
    theirs = analysis.key_account_view
    their_results = {r.factor.id: r for r in theirs.factors} if theirs else {}
    supplier_company = supplier_name or _("Supplier")
    rows = tuple(
        SharedFactorRow(
            number=ours.number,
            title=ours.factor.title.get(lang),
            supplier_ours=ours.supplier,
            supplier_theirs=their_results[ours.factor.id].supplier if theirs else None,
            key_account_ours=ours.key_account,
            key_account_theirs=their_results[ours.factor.id].key_account if theirs else None,
            comments=(
                *_comments(ours, supplier_company),
                *_comments(their_results.get(ours.factor.id), account),
            ),
        )
        for ours in analysis.factors
    )
    scale = scale_view(catalog, lang)
    return SharedBriefingView(
        lang=lang,
        made_on=made_on,
        account_name=account,
        period=str(assessment.period),
        supplier_name=supplier_name,
        catalog_title=catalog.title.get(lang),
        catalog_label=analysis.catalog_label,
        cover=SharedCover(
            account_name=account,
            supplier_name=supplier_name,
            period=str(assessment.period),
            ours=SideIndices(analysis.supplier_index, analysis.key_account_index, analysis.coverage),
            theirs=(
                SideIndices(theirs.supplier_index, theirs.key_account_index, theirs.coverage)
                if theirs
                else None
            ),
        ),
        profile=SharedProfile(
            scale=scale,
            profile_svg=charts.profile_svg,
            profile_alt=shared_profile_text(
                lang, len(rows), scale.min, scale.max, differ_most(analysis.factors, lang)
            ),
            both_views=theirs is not None,
            rows=rows,
        ),
        joint_questions=tuple(question.get(lang) for question in catalog.joint_questions),
        mutual_actions=actions_section(analysis, history, lang, made_on, only_shared=True),
    )
