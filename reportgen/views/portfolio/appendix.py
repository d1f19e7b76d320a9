"""The portfolio's appendix: each account in brief (two to a page) with its small diagram, its largest
gaps, and the earlier quarters on its path that were assessed with another catalog."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.history import OtherCatalogsNote, other_catalog, other_catalogs_note
from reportgen.analysis.indices import largest_gaps
from reportgen.analysis.portfolio import PortfolioEntry
from reportgen.views.chart_texts import Position, account_diagram_text
from reportgen.views.portfolio.account_rows import AccountRow, FactorNote, factor_note

APPENDIX_GAPS = 5


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
class AppendixSection:
    pages: tuple[AppendixPage, ...]


def appendix_page(entry: PortfolioEntry, row: AccountRow, diagram_svg: str, lang: str) -> AppendixPage:
    analysis = entry.analysis
    gaps = largest_gaps(analysis.factors)
    return AppendixPage(
        row=row,
        diagram_svg=diagram_svg,
        diagram_alt=account_diagram_text(
            lang, row.name, Position(row.supplier_index, row.key_account_index, row.zone_name)
        ),
        gaps=tuple(factor_note(r, lang) for r in gaps[:APPENDIX_GAPS]),
        other_catalogs=other_catalogs_note(
            ((a.assessment.period, other_catalog(a, analysis.catalog)) for a in entry.earlier),
            analysis.catalog_label,
        ),
    )
