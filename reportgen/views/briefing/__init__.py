"""The briefing of one account in one language, as the templates see it.

This is the presentation-neutral layer between analysis and templates: every word that depends
on the catalog is picked in the report's language here, every number stays a number (the
templates format them with Babel filters), and the templates hold layout only.

A briefing is built section by section, one module per template partial (``templates/briefing/_*.html``):
``summary`` (page 1 and its verdicts), ``profile`` (the profile and the drivers), ``perception``, ``team``,
``proposal``, ``factors`` (the table of all factors, and the factor rows the other sections share),
``actions``, ``history`` and ``coaching`` (with ``coaching_answers``, the questions answered in words).
This module puts them together – which sections a briefing has, and what the document as a whole says of
itself – and is the package's public face; the sections never import it. The edition handed to the key
account (``shared_edition``) is built from the same sections, and the decks (``deck``, ``internal_deck``,
``shared_deck``) from these views, slide by slide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportgen.analysis.cost_to_serve import EffortBenchmark
from reportgen.analysis.history import AccountHistory, past_of
from reportgen.analysis.rebalancing import rebalancing_plan
from reportgen.model.findings import AccountAnalysis
from reportgen.views.briefing.actions import ActionsSection, actions_section
from reportgen.views.briefing.coaching import CoachingSection, coaching_section
from reportgen.views.briefing.factors import FactorsSection, factor_row, factors_section, scale_view
from reportgen.views.briefing.history import HistorySection, history_section
from reportgen.views.briefing.perception import PerceptionSection, perception_section
from reportgen.views.briefing.profile import ProfileSection, driver_rows, profile_section
from reportgen.views.briefing.proposal import ProposalSection, proposal_section
from reportgen.views.briefing.summary import SummarySection, summary_section
from reportgen.views.briefing.team import TeamSection, team_section


@dataclass(frozen=True)
class BriefingView:
    """One briefing: what the document as a whole says of itself, and one section per template partial."""

    lang: str
    made_on: date
    account_name: str
    period: str
    author: str
    """Who assessed the account, else its key account manager: the PDF's author."""
    catalog_title: str
    catalog_label: str
    zone_name: str
    summary: SummarySection
    profile: ProfileSection
    factors: FactorsSection
    history: HistorySection | None
    coaching: CoachingSection
    perception: PerceptionSection | None = None
    """Only with the key account's own view."""
    team: TeamSection | None = None
    """Only with more than one rater."""
    proposal: ProposalSection | None = None
    """Only for an account outside its target, and only in the edition for our own team."""
    actions: ActionsSection | None = None
    """Only where the account has actions, this quarter's or carried forward."""

    @property
    def proposal_after_team(self) -> bool:
        """Where the proposal stands: after the team where there is one (with several voices the last page
        is full, the team's has room), else before the coaching questions, which then may go on over the
        page, so a single rater's briefing keeps its four pages where it can."""
        return self.team is not None


@dataclass(frozen=True)
class BriefingCharts:
    """The charts of one briefing as SVG text. They are made apart from the rest of the view so that
    they can be made ahead, in another process, while this one prepares the layout engine."""

    diagram_svg: str
    profile_svg: str
    trend_svg: str | None = None


def build_briefing(
    analysis: AccountAnalysis,
    lang: str,
    made_on: date,
    history: AccountHistory | None,
    charts: BriefingCharts,
    effort_benchmark: EffortBenchmark | None = None,
) -> BriefingView:
    """The view of one briefing, section by section; *history* (up to this period) adds the trend and
    the changes since the previous assessment, and an account outside its target gets a rebalancing
    proposal. (The edition for the key account is a view of its own: :mod:`.shared_edition`.)

    Everything catalog-made – zones, texts, scale, questions – is the analysis's own catalog's. The
    *charts* are drawn apart (:func:`reportgen.charts.briefing_charts`), perhaps ahead in another process.
    *effort_benchmark* is the usual effort of the quarter's accounts in the type scaling back aims at,
    where the answer to "scale back?" speaks of it (:func:`reportgen.analysis.coaching.scale_back_benchmark`).
    """
    catalog = analysis.catalog
    account = analysis.assessment.account
    past = past_of(analysis, history)
    rows = tuple(factor_row(result, lang) for result in analysis.factors)
    drivers = driver_rows(analysis, lang)
    scale = scale_view(catalog, lang)
    plan = rebalancing_plan(analysis)
    summary = summary_section(
        analysis,
        lang,
        past,
        rows,
        drivers,
        charts.diagram_svg,
        proposal_arrow=plan is not None and plan.moves_the_point,
    )
    return BriefingView(
        lang=lang,
        made_on=made_on,
        account_name=account.name,
        period=str(analysis.assessment.period),
        author=analysis.assessment.assessed_by or account.key_account_manager or "",
        catalog_title=catalog.title.get(lang),
        catalog_label=analysis.catalog_label,
        zone_name=summary.zone_name,
        summary=summary,
        profile=profile_section(analysis, lang, scale, drivers, charts.profile_svg),
        factors=factors_section(scale, rows),
        history=history_section(analysis, lang, past, charts.trend_svg),
        coaching=coaching_section(analysis, lang, effort_benchmark),
        perception=perception_section(analysis, lang, scale) if analysis.key_account_view else None,
        team=team_section(analysis, lang) if len(analysis.assessment.raters) > 1 else None,
        proposal=proposal_section(analysis, plan, lang) if plan is not None else None,
        actions=actions_section(analysis, history, lang, made_on, only_shared=False),
    )
