"""The portfolio report in one language, as the templates see it (the portfolio's view model).

The view is built section by section, one section object per template partial. A section with words or
rules of its own has its module here: the cover, the key accounts' voices, effort and return, the
questions, the actions and the appendix; the rows of accounts they share are made once, in account_rows.
The map, the ranking and the movements only show a chart or list rows, so they are put together here
with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportgen.analysis.effort_and_return import effort_and_return
from reportgen.analysis.portfolio import PortfolioAnalysis
from reportgen.views.chart_texts import ZoneTally, portfolio_map_text
from reportgen.views.portfolio.account_rows import AccountRow, Capacity, Rows, account_row
from reportgen.views.portfolio.actions import ActionsSection, actions_section
from reportgen.views.portfolio.appendix import AppendixSection, appendix_section, reserved_section
from reportgen.views.portfolio.cover import CoverSection, cover_section
from reportgen.views.portfolio.effort import EffortSection, effort_section, scale_back_words
from reportgen.views.portfolio.questions import QuestionsSection, questions_section
from reportgen.views.portfolio.voices import VoicesSection, voices_section


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
class MovementsSection:
    previous_period: str
    rows: tuple[AccountRow, ...]
    """The accounts that changed zone since the previous quarter."""


@dataclass(frozen=True)
class Frame:
    """What every part of the portfolio report says of itself: title, metadata, running header and footer
    (templates/portfolio_base.html). The report, a part of its appendix and its page numbers each have it."""

    lang: str
    made_on: date
    period: str
    catalog_title: str
    catalog_label: str


@dataclass(frozen=True)
class PortfolioView(Frame):
    """The portfolio report: what the document as a whole says of itself, and one section per partial."""

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
    effort: EffortSection | None = None
    """None when no account gives its effort, cost or margin."""


@dataclass(frozen=True)
class PortfolioCharts:
    """The charts of one portfolio as SVG text. They are made apart from the rest of the view, as a
    briefing's are, so that the view can be built and compared with stand-ins in their place."""

    map_svg: str
    diagrams: tuple[str, ...]
    """Each account's appendix diagram, in the order of the portfolio's entries."""
    effort_svg: str | None = None
    """Balance against cost to serve as a share of the margin; None where no account gives both."""
    whale_svg: str | None = None
    """The whale curve; None where no account gives margin and cost."""


def _catalogs_label(portfolio: PortfolioAnalysis) -> str:
    """The portfolio's catalog; where its accounts were assessed with several, each with its count."""
    if len(portfolio.catalogs_used) <= 1:
        return portfolio.catalog.label()
    return " · ".join(f"{label} ({count})" for label, count in portfolio.catalogs_used)


def frame_of(portfolio: PortfolioAnalysis, lang: str, made_on: date) -> dict[str, object]:
    """The :class:`Frame` of *portfolio* in *lang*, as the first fields of a view built on it."""
    return vars(
        Frame(
            lang,
            made_on,
            str(portfolio.period),
            portfolio.catalog.title.get(lang),
            _catalogs_label(portfolio),
        )
    )


def build_portfolio(
    portfolio: PortfolioAnalysis,
    lang: str,
    made_on: date,
    charts: PortfolioCharts,
    appendix_apart: bool = False,
) -> PortfolioView:
    """The portfolio view, with its *charts* drawn apart (:func:`reportgen.charts.portfolio_charts`). Where
    the *appendix* is laid out *apart*, in parts of its own (:mod:`reportgen.views.portfolio.parts`), this
    view keeps a blank page in its place, and its charts need no small diagrams."""
    pick = Rows({id(e): account_row(e, lang) for e in portfolio.entries})
    answer = Rows({id(e): account_row(e, lang, e.answering) for e in portfolio.entries})

    actions = actions_section(portfolio, pick, made_on, lang)
    capacity = Capacity(
        limit=portfolio.capacity.limit,
        accounts=answer(portfolio.capacity.accounts),
        exceeded=portfolio.capacity.exceeded,
    )
    figures = effort_and_return(portfolio)
    effort = effort_section(portfolio, figures, pick, lang, charts.effort_svg, charts.whale_svg)
    cover = cover_section(
        portfolio, pick, capacity, lang, actions_listed=actions is not None, effort_listed=effort is not None
    )
    rows = pick(portfolio.entries)
    if appendix_apart:
        appendix = reserved_section(rows)
    else:
        appendix = appendix_section(portfolio.entries, rows, charts.diagrams, lang, heading=True)
    return PortfolioView(
        **frame_of(portfolio, lang, made_on),
        cover=cover,
        map=MapSection(
            charts.map_svg,
            portfolio_map_text(lang, [ZoneTally(z.name, z.count) for z in cover.zone_counts]),
        ),
        ranking=RankingSection(rows),
        voices=voices_section(portfolio, pick, lang),
        questions=questions_section(
            portfolio,
            pick,
            answer,
            capacity,
            lang,
            scale_back_words(figures.scale_back, lang) if effort else (),
        ),
        movements=MovementsSection(str(portfolio.previous_period), pick(portfolio.movements)),
        appendix=appendix,
        actions=actions,
        effort=effort,
    )
